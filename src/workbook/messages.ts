/**
 * Messages of the workbook layer (reading the Plan sheet, status texts), listed in the one index
 * of messages (src/messages.ts) so formatIssue shows them in either language.
 */
import { type Catalogue } from "../engine/messages";

export const WORKBOOK_MESSAGES = {
  planSectionMissing: {
    en: 'The Plan sheet has no "{section}" section.',
    zh: "方案表中没有“{section}”部分。",
  },
  planColumnMissing: {
    en: '{section}: column "{column}" was not found.',
    zh: "{section}：没有找到“{column}”列。",
  },
  planNumberExpected: {
    en: '{section}: "{text}" is not a number.',
    zh: "{section}：“{text}”不是数字。",
  },
  planValueMissing: { en: "{section}: {name} is blank.", zh: "{section}：{name}为空。" },
  planEnumUnknown: {
    en: '{section}: "{text}" is not one of {allowed}.',
    zh: "{section}：“{text}”不是 {allowed} 之一。",
  },
  planSettingUnknown: {
    en: '{section}: "{text}" is not a setting; the row was ignored.',
    zh: "{section}：“{text}”不是有效项目，已忽略该行。",
  },
  planInputFields: {
    en: "{section}: {kind} input needs {count} field(s); found {found}.",
    zh: "{section}：{kind}输入需要 {count} 个字段，实际为 {found} 个。",
  },
  planMatrixShape: {
    en: "{section}: every row needs a value for each column threshold.",
    zh: "{section}：每一行都需要为每个列阈值填写数值。",
  },
  planCurveUnknown: {
    en: '{section}: indicator "{key}" has no curve scoring; its points were ignored.',
    zh: "{section}：指标“{key}”未使用曲线计分，其曲线点已忽略。",
  },
  planRatingScale: {
    en: '360 rating scale: "{text}" is not 100, 10 or 5.',
    zh: "360评价分制：“{text}”不是 100、10 或 5。",
  },
  statusOk: { en: "OK", zh: "正常" },
  annualPeriodError: {
    en: "{period} cannot be scored, so the annual score cannot be computed.",
    zh: "{period} 无法计分，因此无法计算年度得分。",
  },
  dataRowsMoved: {
    en: "The Data sheet rows this row was built from have moved or changed; regenerate the scorecard.",
    zh: "本行引用的数据表行已移动或更改，请重新生成评分卡。",
  },
} satisfies Catalogue;

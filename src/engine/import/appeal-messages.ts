/**
 * Messages of the Appeals (绩效申诉) and Sign-off (绩效审批) sheets, located by sheet, row and column. Its own module, so the index of catalogues (src/messages.ts), which the
 * functions bundle loads, does not pull in the code that uses them.
 */
import type { Catalogue } from "../messages";

export const APPEAL_MESSAGES = {
  appealIdMissing: {
    en: "The appeal names no employee id; it cannot be attributed to anyone.",
    zh: "申诉未填写员工编号，无法确定申诉人。",
  },
  appealPeriodUnreadable: {
    en: '"{text}" is not an evaluation period; write it as {example}.',
    zh: "“{text}”不是考核期间，请写成 {example} 的格式。",
  },
  appealPeriodNotKey: {
    en: '"{text}" is {key}: write it as {key}, so that the Scorecard\'s formulas find it.',
    zh: "“{text}”即 {key}：请写成 {key}，评分卡的公式才能找到它。",
  },
  appealPeriodKind: {
    en: "{key} is not an evaluation period of the plan (it evaluates by {kind}); write it as {example}.",
    zh: "{key} 不是方案的考核期间（方案按{kind}考核），请写成 {example} 的格式。",
  },
  appealStatusMissing: {
    en: "The status is blank; choose {choices}.",
    zh: "处理状态为空，请选择 {choices}。",
  },
  appealStatusUnreadable: {
    en: '"{text}" is not a status; choose {choices}.',
    zh: "“{text}”不是处理状态，请选择 {choices}。",
  },
  appealDecisionMissing: {
    en: "The appeal is decided ({status}) but its decision is blank: write what was decided.",
    zh: "申诉已处理（{status}），但处理结果为空：请填写处理结果。",
  },
  appealDateMissing: {
    en: "The appeal is decided ({status}) but the date it was decided is blank.",
    zh: "申诉已处理（{status}），但处理日期为空。",
  },
  appealDeciderMissing: {
    en: "The appeal is decided ({status}) but who decided it is blank.",
    zh: "申诉已处理（{status}），但审批人为空。",
  },
  appealDateUnreadable: {
    en: '"{text}" is not a date; write it as 2024-04-05.',
    zh: "“{text}”不是日期，请写成 2024-04-05 的格式。",
  },
  appealAmountUnreadable: {
    en: '"{text}" is not an amount: type the effect on pay as a number (e.g. 500 or -200), so that the Scorecard adds it.',
    zh: "“{text}”不是金额：请把薪酬调整填写为数字（如 500 或 -200），评分卡才能计入。",
  },
  appealAmountCents: {
    en: "The effect on pay {value} has fractions of a cent; write it to the cent.",
    zh: "薪酬调整 {value} 含不足一分的部分，请精确到分。",
  },
  appealAmountNotUpheld: {
    en: "This appeal is {status}: its effect on pay ({value}) counts only once the appeal is upheld.",
    zh: "该申诉为{status}：薪酬调整（{value}）仅在申诉成立后计入。",
  },
  appealClosedPeriod: {
    en: "{period} is closed: an upheld appeal changes its pay only after the period is reopened (Close view) and generated again.",
    zh: "{period} 已结账：申诉成立后，需先在结账页面重新打开该期间并重新生成，才会调整薪酬。",
  },
  appealUnknownId: {
    en: "{id} has no rows in the Data sheet: this appeal changes no pay until {id} has data.",
    zh: "数据表中没有 {id}：在 {id} 有数据之前，该申诉不调整任何薪酬。",
  },
  appealBlocksPay: {
    en: "Appeal {no} of this period cannot be read as it stands (Appeals sheet row {row}): the total pay waits until it is corrected.",
    zh: "本期第 {row} 行的申诉（{no}）无法按现状读取：更正之前，应发合计暂不计算。",
  },
  signOffPeriodUnreadable: {
    en: '"{text}" is not an evaluation period; write it as {example}.',
    zh: "“{text}”不是考核期间，请写成 {example} 的格式。",
  },
  signOffRoleUnreadable: {
    en: '"{text}" is not a sign-off role; choose {choices}.',
    zh: "“{text}”不是审批角色，请选择 {choices}。",
  },
  signOffNameMissing: {
    en: "The sign-off names no one; write who signed.",
    zh: "签字人为空，请填写签字人。",
  },
  signOffDateUnreadable: {
    en: '"{text}" is not a date; write when it was signed as 2024-04-05.',
    zh: "“{text}”不是日期，请把签字日期写成 2024-04-05 的格式。",
  },
} satisfies Catalogue;

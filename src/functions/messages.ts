/**
 * The PERF functions' own messages: data only, listed in src/messages.ts.
 */
import type { Catalogue } from "../engine/messages";

/** Messages only the worksheet-function layer produces (listed in src/messages.ts). */
export const FUNCTION_MESSAGES = {
  tableCellText: {
    en: '{arg}: row {row}, column {column} holds "{text}", which is not a number.',
    zh: "{arg}：第 {row} 行第 {column} 列为“{text}”，不是数字。",
  },
  notSingleValue: {
    en: "{arg} must be a single value, not a range of {cells} cells.",
    zh: "{arg}必须是单个值，不能是包含 {cells} 个单元格的区域。",
  },
  inputError: {
    en: "{arg} holds the error {code}; correct that cell first.",
    zh: "{arg}中有错误值 {code}，请先更正该单元格。",
  },
  resultOutOfRange: {
    en: "The result is too large for Excel.",
    zh: "结果超出 Excel 的数字范围。",
  },
  internalError: {
    en: "PERF could not compute this ({detail}); please report it with the arguments used.",
    zh: "PERF 无法计算（{detail}），请连同所用参数一起反馈。",
  },
} satisfies Catalogue;

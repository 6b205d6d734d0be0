/**
 * Messages of the target letters (目标责任书): what a letter cannot be written without, located. Its own module, so the index of catalogues (src/messages.ts), which the
 * functions bundle loads, does not pull in the code that uses them.
 */
import type { Catalogue } from "../messages";

export const LETTER_MESSAGES = {
  letterNoRows: {
    en: "{id} has no Data rows in {period}: a target letter needs the period's rows with targets and pay standards (actuals may be blank).",
    zh: "{id} 在 {period} 没有数据行：目标责任书需要本期各月的数据行（含目标和薪酬标准，实际值可为空）。",
  },
  letterMonthMissing: {
    en: "{id} has no Data row for {month}: the letter covers only the months that have rows (add the month's row, with its targets and pay standards, to include it).",
    zh: "{id} 缺少 {month} 的数据行：目标责任书仅包含有数据行的月份（如需包含，请添加该月数据行，含目标和薪酬标准）。",
  },
  letterFieldMissing: {
    en: "{month}: {field} is blank or unreadable; a target letter needs it.",
    zh: "{month}：{field}为空或无法读取，目标责任书需要该值。",
  },
  letterTargetMissing: {
    en: "{field} is blank or unreadable and the plan has no default target for this indicator.",
    zh: "{field}为空或无法读取，且方案未设此指标的默认目标。",
  },
  letterRowConflict: {
    en: "{month}: rows {row} and {other} both hold this month with different values; fix one of them.",
    zh: "{month}：第 {row} 行和第 {other} 行都是本月数据且数值不同，请修正其中一行。",
  },
  letterScenarioFailed: {
    en: "The {attainment} pay scenario cannot be built: this indicator's inputs are shared with another indicator or the commission basis in a way that cannot reach {attainment} for both.",
    zh: "无法测算 {attainment} 情景：此指标的输入与其他指标或提成基数共用，无法同时达到 {attainment}。",
  },
} satisfies Catalogue;

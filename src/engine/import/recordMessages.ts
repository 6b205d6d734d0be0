/** The Data reader's messages (records.ts), in both languages. */
import { type Catalogue } from "../messages";

export const RECORD_MESSAGES = {
  columnNotFound: {
    en: 'Column "{name}" was not found in the header row.',
    zh: "表头中没有找到“{name}”列。",
  },
  columnAmbiguous: {
    en: 'Columns {columns} could all be "{name}": choose one in the column mapping, or rename the others.',
    zh: "{columns} 列都可能是“{name}”：请在列对应中选择其中一列，或重命名其他列。",
  },
  columnIgnored: {
    en: 'Column "{header}" is not part of the plan and was ignored.',
    zh: "“{header}”列不属于方案，已忽略。",
  },
  idMissing: {
    en: "The employee id is blank; the row cannot be attributed to anyone.",
    zh: "员工编号为空，无法确定该行属于谁。",
  },
  periodUnreadable: {
    en: '"{text}" is not a month; write it as 2024-03.',
    zh: "“{text}”不是有效月份，请写成 2024-03 的格式。",
  },
  periodNotMonth: {
    en: "{text} is a {kind}; data rows are monthly (e.g. 2024-03).",
    zh: "{text} 不是月份；数据行按月填写（如 2024-03）。",
  },
  periodNormalized: {
    en: '"{text}" was read as {key} (and so is every month written this way).',
    zh: "“{text}”已按 {key} 读取（以同样方式书写的月份均如此读取）。",
  },
  periodAmbiguous: {
    en: '"{text}" can be read as two different months (Excel shows 2024.10 as 2024.1; 4/5/2024 is April or May): write it as 2024-03.',
    zh: "“{text}”可以理解为两个不同的月份（Excel 把 2024.10 显示为 2024.1；4/5/2024 可能是 4 月或 5 月），请写成 2024-03 的格式。",
  },
  periodNumber: {
    en: "{text} is a number, not a month: if it is a date, format the cell as a date; else write the month as 2024-03.",
    zh: "{text} 是数字而不是月份：如果它是日期，请把单元格设为日期格式；否则请把月份写成 2024-03 的格式。",
  },
  totalRowLeftOut: {
    en: 'A total or subtotal row ("{text}") was left out: it is not a salesperson.',
    zh: "合计/小计行（“{text}”）已略去：它不是销售人员。",
  },
  sumRowLeftOut: {
    en: "This row has no employee id and its amounts are the sums of the rows above: left out as a subtotal.",
    zh: "该行没有员工编号，且金额等于上方各行之和：已作为小计行略去。",
  },
  numberUnreadable: { en: '"{text}" is not a number.', zh: "“{text}”不是数字。" },
  booleanInNumber: { en: "TRUE/FALSE is not a number.", zh: "TRUE/FALSE 不是数字。" },
  numberNormalized: { en: '"{text}" was read as {value}.', zh: "“{text}”已按 {value} 读取。" },
  valueBlank: { en: "{field} is blank.", zh: "{field}为空。" },
  valueNegative: {
    en: "{field} is negative ({value}); it cannot be.",
    zh: "{field}为负数（{value}），不应为负。",
  },
  returnsExceedSales: {
    en: "{field} is negative ({value}): returns exceed sales this month.",
    zh: "{field}为负数（{value}）：本月退货超过签约。",
  },
  scoreOutOfRange: {
    en: "{field} is {value}; a score lies between 0 and 100.",
    zh: "{field}为 {value}，分数应在 0 到 100 之间。",
  },
  targetZeroWarning: {
    en: "{field} is 0; this month's attainment for it cannot be computed.",
    zh: "{field}为 0，本月无法计算相应完成率。",
  },
  daysInvalid: {
    en: "Days in month is {value}; it must be above 0.",
    zh: "当月天数为 {value}，必须大于 0。",
  },
  daysNotCalendar: {
    en: "Days in month is {days}, but {period} has {calendar} days: is the month right?",
    zh: "当月天数为 {days}，但 {period} 有 {calendar} 天：月份是否填写正确？",
  },
  daysExceed: {
    en: "Days worked ({worked}) exceed days in month ({days}); pay is not prorated above 100%.",
    zh: "出勤天数（{worked}）超过当月天数（{days}），薪酬不会超过 100% 计发。",
  },
  partialPeriod: {
    en: "Worked {worked} of {days} days: base and performance pay are prorated.",
    zh: "出勤 {worked}/{days} 天：基本工资和绩效工资按比例折算。",
  },
  nameTrimmed: {
    en: 'The name "{text}" has extra spaces; read as "{name}".',
    zh: "姓名“{text}”含多余空格，已按“{name}”读取。",
  },
  formulaText: {
    en: 'The name starts with "{first}"; it is kept and written as text, never as a formula.',
    zh: "姓名以“{first}”开头，将作为文本保存，不会作为公式执行。",
  },
  nameChanged: {
    en: 'Employee {id} is named "{name}" here but "{other}" in row {row}.',
    zh: "员工 {id} 在此处名为“{name}”，而在第 {row} 行名为“{other}”。",
  },
  duplicateRow: {
    en: "This row repeats row {row} exactly and was skipped.",
    zh: "该行与第 {row} 行完全相同，已跳过。",
  },
  conflictingRow: {
    en: "Employee {id} already has a row for {period} (row {row}) with other values; correct the month of one of them or delete one.",
    zh: "员工 {id} 在 {period} 已有一行（第 {row} 行）且数值不同，请更正其中一行的月份或删除一行。",
  },
} satisfies Catalogue;

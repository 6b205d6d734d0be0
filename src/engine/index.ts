/**
 * The calculation core: plan model, validation, input records and the engine. Imports nothing
 * from Office or React; runs in Node and in the browser.
 */
export * from "./numeric";
export * from "./coerce";
export * from "./errors";
export * from "./messages";
export * from "./issues";
export * from "./periods";
export * from "./primitives";
export * from "./records";
export * from "./csv";
export * from "./import/decode";
export * from "./import/quantity";
export * from "./import/feedback";
export * from "./import/appeals";
export * from "./import/totals";
export * from "./import/header";
export * from "./import/rules";
export * from "./import/file";
export { detectDelimiter, parseRecords, parseRecordsAsync } from "./import/csv";
export type { Delimiter, CsvRecords, ParseProgress } from "./import/csv";
export * from "./plan/model";
export * from "./plan/defaultPlan";
export * from "./plan/seedPlan";
export * from "./plan/validate";
export * from "./plan/schema";
export { compilePlan, PlanInvalidError } from "./evaluate/compile";
export type { CompiledPlan } from "./evaluate/compile";
export { evaluate } from "./evaluate/evaluate";
// an Evaluation's 360 index: the pane's worker gives it its class back after structured cloning
export { FeedbackIndex } from "./evaluate/feedback-index";
export { reviveFrame, settleFrame } from "./evaluate/frame";
export type { Evaluation, AnnualResult } from "./evaluate/evaluate";
export {
  payroll,
  performancePayRows,
  grossTerms,
  lineAt,
  guaranteeByPeriod,
  GuaranteeMonth,
} from "./evaluate/payroll";
export type { Payroll, PayrollAnnual } from "./evaluate/payroll";
export { explain, rowProblems } from "./evaluate/explain";
export {
  targetLetter,
  letterPeriodOf,
  heldScore,
  isTargetBased,
  LETTER_ATTAINMENTS,
} from "./evaluate/letters";
export type {
  TargetLetter,
  LetterIndicator,
  LetterScenario,
  LetterMonth,
  LetterResult,
} from "./evaluate/letters";
export {
  NO_APPEALS,
  hasAppeals,
  appealIssues,
  appealsTrace,
  type EvaluationAppeals,
  type AppealTrace,
} from "./evaluate/appeals";
export type * from "./evaluate/explain";
export { scorecardRows, monthRows, annualRows } from "./evaluate/rows";
export type { ScorecardRow, MonthRow, AnnualRow, RowStatusName } from "./evaluate/rows";
export * from "./sha256";
export * from "./whatif";
export * from "./close";
export * from "./columns";
export { readDataColumns, type DataColumnsReading } from "./import/columnar";
export * from "./import/stream";

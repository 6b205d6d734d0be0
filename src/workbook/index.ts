/**
 * Workbook layouts as data (no Office call): the plan template, the output sheets as formulas
 * (native, PERF.* or values), statements, and the readers that bring the Plan, Data and Feedback
 * sheets back to the engine. Writers (src/office for Excel, xlsx.ts for files) apply them.
 */
export * from "./layout";
export { templateLayout, guideSheet, sheetNames, validSheetName } from "./template";
export { planSheet, readPlanSheet, PLAN_NAMES, anchorRef, settingName } from "./plan-sheet";
export type { PlanAnchors, PlanReading, PlanSheet, Pos } from "./plan-sheet";
export {
  dataSheet,
  feedbackSheet,
  readDataSheet,
  readFeedbackSheet,
  dataHeaderRow,
  feedbackColumns,
  defaultFeedbackColumns,
  UNIT_LINE,
  DATA_FIRST_ROW,
} from "./data-sheet";
export type { DataRecords, FeedbackColumns, FeedbackSheetReading } from "./data-sheet";
export { outputLayout } from "./output";
export {
  appealsSheet,
  signOffSheet,
  appealCells,
  signOffCells,
  APPEAL_COLUMNS,
  SIGN_OFF_COLUMNS,
  signOffNote,
  rolesText,
  type SignOffOverride,
} from "./sheets/appeals";
export type { OutputOptions } from "./output";
export type { FormulaStyle } from "./formula";
export { summaryValues } from "./summary";
export {
  statementsLayout,
  statementsSheet,
  readStatementsSheet,
  changedStatements,
  statementKey,
  STATEMENT_INDEX_COLUMN,
} from "./statements";
export type { StatementItem, StatementEntry, StatementNotes } from "./statements";
export {
  changedLetters,
  letterKey,
  readTargetLettersSheet,
  targetLettersSheet,
  LETTER_INDEX_COLUMN,
} from "./letters";
export type { LetterEntry } from "./letters";
export { generateSample } from "./sample";
export type { Sample, SampleOptions } from "./sample";
export { buildWorkbook, buildFromTemplate } from "./build";
export type { BuiltWorkbook, BuildOptions } from "./build";
export { sheetValues } from "./grid";
export { SHEET_NAMES } from "./text";
export {
  closeLogSheet,
  readCloseLog,
  closedPeriods,
  stampOf,
  planOf,
  withEvent,
  emptyCloseLog,
  planParts,
  frozenScorecardSheet,
  frozenSheetName,
  readFrozenScorecard,
  readScorecardPeriods,
  FROZEN_STAMP_ROWS,
  PLAN_PART_CHARS,
} from "./close";
export type {
  CloseAction,
  CloseEvent,
  CloseLog,
  CloseLogReading,
  FrozenScorecardRequest,
} from "./close";
export { yearToDateSheet } from "./year-to-date";
export {
  GRADE_HISTORY_HEADERS,
  gradeHistorySheet,
  readGradeHistorySheet,
  type GradeHistoryReading,
} from "./grade-history";

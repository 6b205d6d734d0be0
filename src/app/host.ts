/**
 * The one interface between the task pane and a workbook. Components reach the workbook only
 * through a `WorkbookHost` taken from `HostContext` (src/taskpane/hostContext.ts), so they render
 * and test without Excel:
 *
 *   - in Excel, `createOfficeHost()` (src/office/) — Excel.run code stays in src/office;
 *   - in the browser preview (dev/, development only), a host over an in-browser workbook;
 *   - in component tests, a small in-memory host (test/taskpane/).
 *
 * Operations are the pane's vocabulary (create the plan workbook, read the inputs, write the
 * scorecards…), not Excel's; the layouts they write come from src/workbook, and the numbers from
 * src/engine. Every operation either completes or rejects with a `HostError` whose message the pane
 * can show; a rejected write leaves the workbook usable and a retry completes it.
 */
import type { GradeHistoryReading } from "../workbook/grade-history";
import type {
  CellInput,
  CellLocation,
  ColumnMapping,
  CellTable,
  Evaluation,
  Language,
  Plan,
} from "../engine";
import type { DataRow, Issue } from "../engine";
import type { LetterEntry } from "../workbook/letters";
import type {
  FeedbackReading,
  FeedbackRating,
  DataReading,
  PeriodStamp,
  YearToDateRow,
} from "../engine";
import type { FormulaStyle } from "../workbook/formula";
import type { Scalar, SheetRole } from "../workbook/layout";
import type { PlanReading } from "../workbook/plan-sheet";
import type { StatementEntry, StatementItem } from "../workbook/statements";
import type { CloseLogReading } from "../workbook/close";
import type { ClosedPayLine } from "../engine";
import type { Compatibility } from "../compat/requirements";
import type { CheckReport } from "../workbook/verify";

export type { FormulaStyle };

export interface Progress {
  /** Work done and total, in any unit (cells, rows, chunks); total 0 when unknown. */
  done: number;
  total: number;
  /** What is being written, for the screen reader announcement (a sheet name). */
  stage?: string;
}

/** What to do with an add-in sheet the user edited: replace it, keep it and write a new one beside it, or stop. */
export type ReplaceChoice = "replace" | "new" | "cancel";

export interface WriteOptions {
  onProgress?: (progress: Progress) => void;
  /**
   * Cancel: work not started is dropped and nothing is written; a write under way stops before
   * its next batch and leaves the workbook as it was (the result says `cancelled`).
   */
  signal?: AbortSignal;
  /**
   * Asked before replacing an add-in sheet the user has edited since the add-in wrote it.
   * Without it, the edited sheet is kept and a new one written beside it.
   */
  confirmReplace?: (sheetName: string) => Promise<ReplaceChoice>;
}

export interface WriteResult {
  /** Names of the sheets written (as made valid and unique); empty when cancelled. */
  sheets: string[];
  /** The user chose to stop when asked about an edited sheet: nothing was changed. */
  cancelled?: boolean;
  /** Where to look first (the first written cell of the main sheet). */
  location?: CellLocation;
}

/** The add-in's sheets present in the workbook, by role, with their actual names. */
export type AddinSheets = Partial<Record<SheetRole, string>>;

export interface WorkbookState {
  sheets: AddinSheets;
  /** The language the plan workbook was created in, when it says. */
  language: Language | null;
}

/**
 * The plan on the Plan sheet (null when there is no Plan sheet or it cannot be read), with the
 * problems reading it (located by cell) and the validation issues of the plan read.
 */
export type SheetPlan = Pick<PlanReading, "plan" | "issues">;

/** The input sheets as cell tables, for the engine's readers. */
export interface WorkbookInputs {
  data: CellTable | null;
  feedback: CellTable | null;
  /** The Grade history sheet's values from A1 (历年评级); absent or null: none. */
  gradeHistory?: { name: string; values: CellInput[][] } | null;
  /** 绩效申诉 and 绩效审批 (absent or null in workbooks without them). */
  appeals?: CellTable | null;
  signOff?: CellTable | null;
}

/** A chosen file's bytes, by name. */
export interface FileBytes {
  bytes: Uint8Array;
  name: string;
}

export interface ImportRequest {
  plan: Plan;
  language: Language;
  /** The source table (a CSV file or a selection) and how its columns map to the plan's. */
  table: CellTable;
  mapping: ColumnMapping;
  /**
   * The CSV file the rows are read from where the pane's work runs (its worker): `table` then
   * holds the file's header and first rows only (readDataHead), what the mapping was chosen from.
   */
  file?: FileBytes;
  /**
   * Replace the Data sheet's rows, or add below them. Columns the user added to the Data sheet
   * are kept either way: on replace, their values follow the salesperson and month they were on,
   * and an import that would drop any of them is refused (HostError code "UserColumnsWouldBeLost").
   */
  mode: "replace" | "append";
}

export interface ImportResult extends WriteResult {
  /** Data rows written. */
  rows: number;
}

/** 360 ratings for the Feedback sheet, already read on the plan's scale. */
export interface FeedbackImportRequest {
  plan: Plan;
  language: Language;
  ratings: FeedbackRating[];
  /** Replace the sheet's ratings, or keep them and add these below. */
  mode: "replace" | "append";
}

/** One row added to the Appeals or Sign-off sheet, or cells of one of its rows set. */
export interface ReviewRowRequest {
  language: Language;
  role: "appeals" | "sign_off";
  /** A row to add below the sheet's rows (cells in the sheet's columns, sheets/appeals.ts). */
  add?: Scalar[];
  /**
   * Or cells to set (0-based column → value) on a row the sheet holds (1-based sheet row); the
   * row's other cells and every other row stay as they are.
   */
  update?: { row: number; cells: Record<number, Scalar> };
}

export interface OutputRequest {
  plan: Plan;
  language: Language;
  style: FormulaStyle;
  evaluation: Evaluation;
  /** What the evaluation read, with each row's source cells (formulas refer to them). */
  data: DataReading;
  feedback: FeedbackReading;
}

export interface StatementRequest {
  language: Language;
  /**
   * Every statement the Statements sheet is to hold, in order: those it already holds (see
   * readStatements) and the new ones. What the user wrote on a statement's improvement-plan and
   * signature lines, and on the outcome lines of its follow-up of the period before's
   * improvement plan, is kept.
   */
  items: StatementItem[];
  /**
   * Statements already on the sheet whose numbers would change (the data or the plan changed
   * since they were written) are rewritten only when this is true; otherwise nothing is written
   * and the result lists them in `changed`.
   */
  updateChanged?: boolean;
}

/** 月度跟踪: a month's tracking to write, with the feedback notes typed in the pane. */
export interface TrackingRequest extends OutputRequest {
  /** The month to write; the months the sheet holds already are written again beside it. */
  month: string;
  /**
   * Notes typed in the pane for this month, by salesperson: they replace what the sheet has for
   * them (an empty note clears one). Every other note on the sheet is kept.
   */
  notes?: { id: string; note: string }[];
}

/** What the Tracking sheet holds: the months written and the notes typed, by salesperson and month. */
export interface TrackingReading {
  months: string[];
  notes: { id: string; month: string; note: string }[];
}

export interface StatementsResult extends WriteResult {
  /** "id period" of statements on the sheet whose numbers would change; nothing was written. */
  changed?: string[];
}

/** Target letters (目标责任书) to write for these salespeople, computed from the Data sheet's rows. */
export interface TargetLettersRequest {
  language: Language;
  plan: Plan;
  /** The Data sheet's rows (every salesperson's; a letter reads its person's months of the period). */
  rows: DataRow[];
  /** The letters to write anew; the other letters the sheet holds are kept. */
  subjects: { id: string; period: string }[];
  /** Letters the sheet keeps whose figures would change are rewritten only when this is true. */
  updateChanged?: boolean;
}

export interface TargetLettersResult extends WriteResult {
  /** Letters asked for and written. */
  written: { id: string; period: string }[];
  /** Problems of the letters asked for, located: errors stopped a letter, warnings are said on it. */
  problems: Issue[];
  /** "id period" of letters the sheet keeps whose figures would change: nothing was written. */
  changed: string[];
  /** "id period" of letters the sheet holds whose rows are gone: nothing was written. */
  lost: string[];
  /** "id period" of letters asked for that were signed and whose figures changed. */
  signedChanged: string[];
}

export interface CloseRequest {
  language: Language;
  /** The plan the period is closed with, and its evaluation of the period (all teams). */
  plan: Plan;
  evaluation: Evaluation;
  data: DataReading;
  feedback: FeedbackReading;
  stamp: PeriodStamp;
  /**
   * The period's sign-offs as closed (who signed, and an override of missing ones: who, why),
   * in words; recorded in the Close log's note and under the frozen scorecard's stamp.
   */
  note?: string;
}

export interface ReopenRequest {
  language: Language;
  period: string;
  by: string;
  /** ISO date and time. */
  at: string;
  /** Why the period is reopened (recorded in the Close log). */
  note: string;
}

export interface YearToDateRequest {
  language: Language;
  year: string;
  /** The closed periods it covers. */
  periods: string[];
  rows: YearToDateRow[];
}

/** The cell the user selected, and the salesperson-period it belongs to when it is on an output sheet. */
export interface SelectionInfo {
  sheet: string;
  role: SheetRole | null;
  /** 1-based row and column letter, as issues locate cells. */
  row: number;
  column: string;
  subject: { id: string; period: string } | null;
}

/** Small text values kept with the user or the document (remembered column mappings). */
export interface SettingsStore {
  get(key: string): string | null;
  set(key: string, value: string): Promise<void>;
}

export interface WorkbookHost {
  readonly kind: "office" | "preview" | "memory";
  /** Office's display language (e.g. "zh-CN"), or the browser's in the preview. */
  displayLanguage(): string | undefined;
  /** Whether Office shows a dark theme. */
  isDarkTheme(): boolean;
  /** False outside Excel (e.g. taskpane.html opened in a plain browser): the pane says so. */
  available(): boolean;
  /** What this Excel supports (src/compat); absent where everything is (the preview, tests). */
  compatibility?(): Compatibility | null;

  inspect(): Promise<WorkbookState>;
  /** Builds the Guide, Plan, Data and Feedback sheets for a plan (Plan sheet = source of truth). */
  createPlanWorkbook(plan: Plan, language: Language, options?: WriteOptions): Promise<WriteResult>;
  readPlan(): Promise<SheetPlan>;
  /** Rewrites the Plan sheet from an edited plan (only that sheet). */
  writePlan(plan: Plan, language: Language, options?: WriteOptions): Promise<WriteResult>;
  readInputs(): Promise<WorkbookInputs>;
  /**
   * Adds the empty Grade history sheet (历年评级) to a workbook that has none; null (nothing
   * written) when it has one already.
   */
  addGradeHistorySheet(language: Language, options?: WriteOptions): Promise<WriteResult | null>;
  /** The Grade history sheet's entries and the rows it cannot use; empty without the sheet. */
  readGradeHistory(plan: Plan): Promise<GradeHistoryReading>;
  /** The active sheet's selection as a table whose first row is the header. */
  readSelection(): Promise<CellTable>;
  importData(request: ImportRequest, options?: WriteOptions): Promise<ImportResult>;
  importFeedback(request: FeedbackImportRequest, options?: WriteOptions): Promise<ImportResult>;
  /**
   * Adds a row to the Appeals or Sign-off sheet (created when the workbook has none), or sets
   * cells of one of its rows; nothing else on the sheet changes.
   */
  writeReviewRow(request: ReviewRowRequest, options?: WriteOptions): Promise<WriteResult>;
  writeOutputs(request: OutputRequest, options?: WriteOptions): Promise<WriteResult>;
  /** The statements the Statements sheet holds (its index), top to bottom; [] without the sheet. */
  readStatements(): Promise<StatementEntry[]>;
  writeStatements(request: StatementRequest, options?: WriteOptions): Promise<StatementsResult>;
  /** The Tracking sheet's months and notes (none without the sheet). */
  readTracking(): Promise<TrackingReading>;
  /** Writes the Tracking sheet for a month, keeping every note typed on it. */
  writeTracking(request: TrackingRequest, options?: WriteOptions): Promise<WriteResult>;
  /** The Close log as written; null when the workbook has none yet. */
  readCloseLog(): Promise<CloseLogReading | null>;
  /**
   * Closes a period: writes its frozen scorecard (values and the stamp) and adds the close to the
   * Close log, in one write. Refuses (HostError "CloseLogUnreadable") when the log cannot be read.
   */
  closePeriod(request: CloseRequest, options?: WriteOptions): Promise<WriteResult>;
  /** Adds a reopen of a closed period to the Close log (its frozen scorecard stays). */
  reopenPeriod(request: ReopenRequest, options?: WriteOptions): Promise<WriteResult>;
  /** The pay lines of a period's frozen scorecard; null when it has none. */
  readFrozenScorecard(period: string): Promise<ClosedPayLine[] | null>;
  /** The evaluation periods the live Scorecard sheet holds; [] without one. */
  scorecardPeriods(): Promise<string[]>;
  writeYearToDate(request: YearToDateRequest, options?: WriteOptions): Promise<WriteResult>;
  goToCell(location: CellLocation): Promise<void>;
  /** Calls back on every selection change; returns the function that stops listening. */
  onSelectionChanged(callback: (selection: SelectionInfo) => void): () => void;
  settings: SettingsStore;

  // ---- issue 12: the self-check, saving the plan where downloads do not work, dynamic arrays
  /**
   * Reads back the output sheets a request writes (whole, or a stratified sample of rows of a
   * large one, every column), once Excel has calculated, and compares each cell with the engine's
   * value and the formula written (src/workbook/verify.ts).
   */
  checkOutputs(request: OutputRequest, options?: CheckOptions): Promise<CheckReport>;
  /** Rewrites one output sheet of a request with the engine's values instead of formulas. */
  rewriteAsValues(
    request: OutputRequest,
    role: SheetRole,
    options?: WriteOptions
  ): Promise<WriteResult>;
  /** Office's platform ("PC", "Mac", "OfficeOnline"…); undefined outside Office. */
  platform(): string | undefined;
  /** Opens a URL in the system's browser; false where Office cannot (OpenBrowserWindowApi 1.1). */
  openBrowserWindow(url: string): boolean;
  /** Whether this Excel spills formulas (dynamic arrays); undefined where it cannot tell. */
  dynamicArrays(): Promise<boolean | undefined>;

  // ---- issue 15: target letters (目标责任书)
  /** The letters the Target letters sheet holds (its index), top to bottom; [] without the sheet. */
  readTargetLetters(): Promise<LetterEntry[]>;
  /** Writes the letters asked for, keeping the others the sheet holds and what was signed. */
  writeTargetLetters(
    request: TargetLettersRequest,
    options?: WriteOptions
  ): Promise<TargetLettersResult>;
}

export interface CheckOptions {
  /** Output sheets the user had rewritten as values: they are checked against the values layout. */
  asValues?: readonly SheetRole[];
}

/** A failure the pane shows as is: `message` is already in the user's language or plain. */
export class HostError extends Error {
  constructor(
    message: string,
    /** Office's error code (e.g. "InvalidArgument", "RequestPayloadSizeLimitExceeded") or our own. */
    public readonly code: string = "HostError",
    public readonly debugInfo?: unknown
  ) {
    super(message);
    this.name = "HostError";
  }
}

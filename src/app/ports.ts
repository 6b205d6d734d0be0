/**
 * The ports of the application layer: what a workbook must offer (SheetBackend: Excel through
 * src/office, or the preview's in-browser workbook in dev/) and the layouts the host writes
 * (LayoutBuilders: src/workbook, bound in layouts.ts). createLayoutHost (layoutHost.ts) turns the
 * two into the WorkbookHost the pane uses (host.ts).
 */
import type { CellInput, CellLocation, ClosedPayLine, Issue, Language, Plan } from "../engine";
import type { CloseEvent, CloseLog, CloseLogReading } from "../workbook/close";
import type {
  RangeRef,
  Scalar,
  SentLayout,
  SheetLayout,
  SheetRole,
  WorkbookLayout,
} from "../workbook/layout";
import type { StatementEntry, StatementNotes } from "../workbook/statements";
import type { LetterEntry } from "../workbook/letters";
import type { TargetLetter } from "../engine";
import type { RowsRead } from "../workbook/verify";
import type {
  AddinSheets,
  CloseRequest,
  OutputRequest,
  SettingsStore,
  StatementRequest,
  TrackingRequest,
  WriteOptions,
  WriteResult,
  YearToDateRequest,
} from "./host";
import type { FormatReader } from "./imports";

/** What a layout needs to know of the workbook it goes into. */
export interface LayoutContext {
  /** The add-in's sheets already there, by their actual names (formulas must use them). */
  sheets: AddinSheets;
}

export interface OutputContext extends LayoutContext {
  /** The Plan and Feedback sheets as they are now (where the formulas find their parameters). */
  plan: SheetRead | null;
  feedback: SheetRead | null;
  /** The Grade history sheet (历年评级) as it is now; absent or null: the workbook has none. */
  gradeHistory?: SheetRead | null;
}

/** A column the user added to the Data sheet: its unit-line and header cells, and its values by data row. */
export interface UserColumn {
  unit: Scalar;
  header: Scalar;
  values: Scalar[];
}

/** The layouts the host writes and the Plan sheet reader (src/workbook, bound in layouts.ts). */
export interface LayoutBuilders {
  /** Guide, Plan, Data and Feedback sheets for a plan. */
  template(plan: Plan, language: Language, context: LayoutContext): WorkbookLayout;
  /** An empty Grade history sheet (历年评级), for a workbook made before it. */
  gradeHistorySheet(language: Language, context: LayoutContext): WorkbookLayout;
  /**
   * The Data sheet holding these rows (already in its columns, from its first data row), with the
   * user's own columns to the right of the plan's.
   */
  dataSheet(
    plan: Plan,
    language: Language,
    context: LayoutContext,
    rows: Scalar[][],
    userColumns?: UserColumn[]
  ): WorkbookLayout;
  /** The Feedback sheet holding these rows (id, period, rater type, rating, rater), on the plan's scale. */
  feedbackSheet(
    plan: Plan,
    language: Language,
    context: LayoutContext,
    rows: Scalar[][]
  ): WorkbookLayout;
  /** The Appeals or Sign-off sheet holding these rows (in its columns, below its header). */
  reviewSheet(
    role: "appeals" | "sign_off",
    language: Language,
    context: LayoutContext,
    rows: Scalar[][]
  ): WorkbookLayout;
  /** The header line of the Data sheet a plan gets (what imported rows are laid out against). */
  dataHeader(plan: Plan, language: Language): CellInput[];
  /** Only the Plan sheet (the plan editor writes it back). */
  planSheet(plan: Plan, language: Language, context: LayoutContext): WorkbookLayout;
  /** Scorecard, Summary and the other output sheets of a run. */
  outputs(request: OutputRequest, context: OutputContext): WorkbookLayout;
  /** 绩效结果通知单 for the requested statements, with what the user wrote on those already there. */
  statements(
    request: StatementRequest,
    context: LayoutContext,
    kept: ReadonlyMap<string, StatementNotes>
  ): WorkbookLayout;
  /** The Statements sheet's index and notes, from its values. */
  readStatements(cells: CellInput[][]): {
    entries: StatementEntry[];
    notes: Map<string, StatementNotes>;
  };
  /** Statements of the sheet as read whose content the new layout changes. */
  changedStatements(before: CellInput[][], after: WorkbookLayout): StatementEntry[];
  /** 月度跟踪 for a request's month and the months the sheet holds (`before`, its values), notes kept. */
  tracking(
    request: TrackingRequest,
    context: OutputContext,
    before: CellInput[][] | null
  ): WorkbookLayout;
  /** The Tracking sheet's months and notes, from its values. */
  readTracking(cells: CellInput[][]): { months: string[]; notes: Map<string, string> };
  /** The Close log sheet. */
  closeLog(log: CloseLog, language: Language, context: LayoutContext): SheetLayout;
  readCloseLog(cells: CellInput[][]): CloseLogReading;
  /** The log with one more event. */
  addCloseEvent(
    log: CloseLog,
    event: Omit<CloseEvent, "no">,
    details?: { people?: Record<string, string>; plan?: Plan }
  ): CloseLog;
  /** A closed period's frozen scorecard. */
  frozenScorecard(request: CloseRequest, context: LayoutContext): SheetLayout;
  readFrozenScorecard(cells: CellInput[][]): ClosedPayLine[] | null;
  /** The periods a live Scorecard sheet holds. */
  scorecardPeriods(cells: CellInput[][]): string[];
  yearToDate(request: YearToDateRequest, context: LayoutContext): WorkbookLayout;
  /** The Plan sheet's values (from A1) back into a plan, with located problems and the plan's validation. */
  readPlan(cells: CellInput[][], sheetName: string): { plan: Plan | null; issues: Issue[] };
  /** Which language a set of add-in sheet names is in, if it says. */
  languageOf(sheets: AddinSheets): Language | null;
  /** 目标责任书: the Target letters sheet for these letters, with what was signed on those already there. */
  targetLetters(
    letters: readonly TargetLetter[],
    language: Language,
    context: LayoutContext,
    signs: ReadonlyMap<string, Scalar[]>
  ): WorkbookLayout;
  /** The Target letters sheet's index and signature lines, from its values. */
  readTargetLetters(cells: CellInput[][]): { entries: LetterEntry[]; signs: Map<string, Scalar[]> };
  /** Letters of the sheet as read, other than those asked for, whose content the new layout changes. */
  changedLetters(
    before: CellInput[][],
    after: WorkbookLayout,
    asked?: ReadonlySet<string>
  ): LetterEntry[];
}

/** A sheet as read: its values from A1, and the 0-based header row of its table when it has one. */
export interface SheetRead {
  name: string;
  values: CellInput[][];
  headerRow?: number;
}

export interface RawSelection {
  sheet: string;
  role: SheetRole | null;
  /** 0-based. */
  row: number;
  column: number;
}

export interface ApplyOptions extends WriteOptions {
  rewriteInputs?: SheetRole[];
}

/** What a workbook must offer the host: Excel through Office.js, or the preview's in-browser workbook. */
export interface SheetBackend {
  readonly kind: "office" | "preview";
  displayLanguage(): string | undefined;
  isDarkTheme(): boolean;
  available(): boolean;
  /** The add-in's sheets by role (only sheets it created and marked). */
  addinSheets(): Promise<AddinSheets>;
  /**
   * Writes a layout. Add-in input sheets that exist (Plan, Data, Feedback) are kept unless their
   * role is in `rewriteInputs`; an edited sheet is replaced only as `confirmReplace` says.
   */
  /** Writes a layout; one from the worker may have packed blocks (read them with `rowsOf`). */
  applyLayout(layout: SentLayout, options: ApplyOptions): Promise<WriteResult>;
  readSheet(role: SheetRole): Promise<SheetRead | null>;
  readRange(role: SheetRole, range: RangeRef): Promise<CellInput[][]>;
  /** Number formats of a rectangle of a sheet (by name); where absent, no cell is taken for a date. */
  numberFormats?: FormatReader;
  /** The active sheet's selection (values), with where it is. */
  readSelection(): Promise<{ sheet: string; row: number; column: number; values: CellInput[][] }>;
  goToCell(location: CellLocation): Promise<void>;
  onSelectionChanged(callback: (selection: RawSelection) => void): () => void;
  settings: SettingsStore;

  // ---- issue 12: the self-check, saving the plan where downloads do not work, dynamic arrays
  /** Values and formulas of rows of an add-in sheet (columns from A), once Excel has calculated. */
  readRowsForCheck(role: SheetRole, rows: readonly number[], columns: number): Promise<RowsRead>;
  /** Office's platform ("PC", "Mac", "OfficeOnline"…); undefined outside Office. */
  platform?(): string | undefined;
  /** Opens a URL in the system's browser (OpenBrowserWindowApi 1.1); false where it cannot. */
  openBrowserWindow?(url: string): boolean;
  /** Whether formulas spill (dynamic arrays); undefined where it cannot tell. */
  dynamicArrays?(): Promise<boolean | undefined>;
}

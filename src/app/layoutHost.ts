/**
 * The task pane's `WorkbookHost`, once, over any sheet backend: Excel (src/office) or the browser
 * preview (dev/). What the pane's operations mean — which layout a step writes, where the Data
 * sheet's table starts, how imported rows are laid out, which salesperson a selected row is — is
 * decided here, so Excel and the preview cannot differ in it. Nothing here calls Office.
 */
import {
  IDENTITY_HEADERS,
  columnLetter,
  mapColumns,
  normalizeHeader,
  EXCEL_MAX_ROWS,
  type CellInput,
  type CellLocation,
  type CellTable,
  type Issue,
  type Language,
  type Plan,
} from "../engine";
import type { ClosedPayLine } from "../engine";
import type { Compatibility } from "../compat/requirements";
import type { RangeRef, Scalar, SheetLayout, SheetRole, WorkbookLayout } from "../workbook/layout";
import { closedRole } from "../workbook/layout";
import type { StatementEntry, StatementNotes } from "../workbook/statements";
import {
  compareRows,
  laidOut,
  rowsToCheck,
  type CheckReport,
  type RowsRead,
  type SheetCheck,
} from "../workbook/verify";
import { sameFormula } from "../office/formula";
import type { CloseEvent, CloseLog, CloseLogReading } from "../workbook/close";
import { blank, feedbackRows, importRows, withDateCells, type FormatReader } from "./imports";
import { enumText } from "../workbook/text";
import {
  HostError,
  type AddinSheets,
  type FeedbackImportRequest,
  type CheckOptions,
  type CloseRequest,
  type ImportRequest,
  type ImportResult,
  type OutputRequest,
  type PlanReading,
  type ReopenRequest,
  type SelectionInfo,
  type SettingsStore,
  type StatementRequest,
  type StatementsResult,
  type WorkbookHost,
  type WorkbookInputs,
  type WorkbookState,
  type WriteOptions,
  type WriteResult,
  type YearToDateRequest,
} from "./host";

/** The Data sheet's lines above its first data row: the unit line and the header. */
const DATA_HEADER_ROWS = 2;

/** What a layout needs to know of the workbook it goes into. */
export interface LayoutContext {
  /** The add-in's sheets already there, by their actual names (formulas must use them). */
  sheets: AddinSheets;
}

export interface OutputContext extends LayoutContext {
  /** The Plan and Feedback sheets as they are now (where the formulas find their parameters). */
  plan: SheetRead | null;
  feedback: SheetRead | null;
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
  applyLayout(layout: WorkbookLayout, options: ApplyOptions): Promise<WriteResult>;
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

// ---- issue 12: the self-check

type LaidOutOutputs = (
  request: OutputRequest
) => Promise<{ sheets: AddinSheets; layout: WorkbookLayout }>;

/**
 * WorkbookHost.checkOutputs: reads back each output sheet a request writes (every row, or a
 * stratified sample of a large sheet's) and compares it with the layout, cell by cell.
 */
async function checkOutputSheets(
  backend: SheetBackend,
  outputs: LaidOutOutputs,
  request: OutputRequest,
  options: CheckOptions
): Promise<CheckReport> {
  const { sheets, layout } = await outputs(request);
  const asValues = options.asValues ?? [];
  if (asValues.length > 0 && request.style !== "values") {
    // sheets the user had rewritten as values are expected to hold values
    const values = (await outputs({ ...request, style: "values" })).layout;
    layout.sheets = layout.sheets.map((s) =>
      asValues.includes(s.role) ? (values.sheets.find((v) => v.role === s.role) ?? s) : s
    );
  }
  const roleOf = new Map(Object.entries(sheets).map(([role, name]) => [name!.toUpperCase(), role]));
  const same = (written: string, read: string) =>
    sameFormula(written, read, (n) => roleOf.get(n.toUpperCase()));
  const report: CheckReport = { sheets: [], missing: [], pending: 0 };
  for (const s of layout.sheets.filter((x) => x.kind === "output")) {
    const cells = laidOut(s);
    const rows = rowsToCheck(cells.rows, cells.columns);
    const read = await backend.readRowsForCheck(s.role, rows, cells.columns);
    if (!read.sheet) {
      report.missing.push(s.role);
      continue;
    }
    const target = { role: s.role, sheet: read.sheet };
    const { cells: count, findings } = compareRows(cells, target, read.rows, same);
    const check: SheetCheck = {
      ...target,
      rows: cells.rows,
      rowsChecked: read.rows.length,
      cells: count,
      findings,
    };
    report.sheets.push(check);
    report.pending += read.pending;
  }
  return report;
}

/** The header row of a sheet that holds a table: the table's, else the first row that names id and period. */
export function findHeaderRow(read: SheetRead, plan: Plan | null): number {
  if (read.headerRow !== undefined) return read.headerRow;
  const idNames = new Set([IDENTITY_HEADERS.id.en, IDENTITY_HEADERS.id.zh].map(normalizeHeader));
  for (let r = 0; r < Math.min(read.values.length, 20); r++) {
    const row = read.values[r].map((c) =>
      normalizeHeader(c === null || c === undefined ? "" : String(c))
    );
    if (row.some((h) => idNames.has(h))) return r;
    if (plan) {
      const m = mapColumns(
        { sheet: read.name, headerRow: r + 1, header: read.values[r], rows: [] },
        plan
      ).mapping;
      if (m.id !== undefined && m.period !== undefined) return r;
    }
  }
  return 0;
}

export function tableOf(read: SheetRead, headerRow: number): CellTable {
  const rows = read.values.slice(headerRow + 1);
  let end = rows.length;
  while (
    end > 0 &&
    rows[end - 1].every(
      (c) => c === null || c === undefined || (typeof c === "string" && c.trim() === "")
    )
  )
    end--;
  return {
    sheet: read.name,
    headerRow: headerRow + 1,
    header: read.values[headerRow] ?? [],
    rows: rows.slice(0, end),
  };
}

/**
 * The Data sheet's rows after an import, and the columns the user added to it (any column the
 * plan does not name, with its header and values) so that rewriting the sheet never loses them.
 * Appending keeps every row with its values; replacing moves each user value to the imported row
 * of the same salesperson and month, and is refused when a value would have nowhere to go.
 */
export function withUserColumns(
  data: SheetRead,
  plan: Plan,
  header: readonly CellInput[],
  imported: Scalar[][],
  mode: ImportRequest["mode"]
): { rows: Scalar[][]; userColumns: UserColumn[] } {
  const h = findHeaderRow(data, plan);
  const existing = tableOf(data, h);
  const mapping = mapColumns(existing, plan).mapping;
  const planColumns = new Set(Object.values(mapping));
  const width = Math.max(0, ...data.values.map((l) => l.length));
  const userAt: number[] = [];
  for (let c = 0; c < width; c++) {
    if (planColumns.has(c)) continue;
    const used = data.values.some((line) => !blank(line[c]));
    if (used) userAt.push(c);
  }
  // rows already there move with their cells as they are (only an import converts)
  const laid = (row: CellInput[]) =>
    importRows({ ...existing, rows: [row] }, mapping, header, plan, false).rows[0];
  // the rows already there (not blank), each with its user values
  const old = existing.rows
    .filter((row) => row && !row.every(blank))
    .map((row) => ({
      row: laid(row) ?? [],
      user: userAt.map((c) => (blank(row[c]) ? null : (row[c] as Scalar))),
    }));
  const target = mapColumns(
    { sheet: "", headerRow: 1, header: [...header], rows: [] },
    plan
  ).mapping;
  const key = (row: Scalar[]) =>
    `${String(row[target.id] ?? "").trim()}\u0000${String(row[target.period] ?? "").trim()}`;
  const userColumns: UserColumn[] = userAt.map((c) => ({
    unit: h > 0 && !blank(data.values[h - 1]?.[c]) ? (data.values[h - 1][c] as Scalar) : null,
    header: blank(data.values[h]?.[c]) ? null : (data.values[h][c] as Scalar),
    values: [],
  }));
  if (mode === "append") {
    const rows = [...old.map((o) => o.row), ...imported];
    userColumns.forEach((u, k) => {
      u.values = [...old.map((o) => o.user[k]), ...imported.map(() => null)];
    });
    return { rows, userColumns };
  }
  if (userAt.length === 0) return { rows: imported, userColumns };
  const byKey = new Map<string, Scalar[]>();
  for (const o of old)
    if (o.user.some((v) => v !== null) && !byKey.has(key(o.row))) byKey.set(key(o.row), o.user);
  const landing = new Set(imported.map(key));
  const lost = old.filter((o) => o.user.some((v) => v !== null) && !landing.has(key(o.row)));
  const dup = old.filter(
    (o, i) =>
      o.user.some((v) => v !== null) && old.findIndex((x) => key(x.row) === key(o.row)) !== i
  );
  if (lost.length || dup.length) {
    const names = userColumns.map((u) => `“${String(u.header ?? "")}”`).join(", ");
    throw new HostError(
      `The Data sheet has columns the add-in did not create (${names}) with values on ${lost.length + dup.length} rows that are not in this import. Replacing the rows would lose them: add the import below the rows instead, or move those values elsewhere first.`,
      "UserColumnsWouldBeLost",
      { columns: userColumns.map((u) => String(u.header ?? "")), rows: lost.length + dup.length }
    );
  }
  userColumns.forEach((u, k) => {
    u.values = imported.map((row) => byKey.get(key(row))?.[k] ?? null);
  });
  return { rows: imported, userColumns };
}

export interface LayoutHostOptions {
  /** What the host supports (Excel: src/compat's detectCompatibility, asked after Office.onReady). */
  compatibility?: () => Compatibility | null;
}

/** The WorkbookHost over a backend and the layouts. */
export function createLayoutHost(
  backend: SheetBackend,
  layouts: LayoutBuilders,
  options: LayoutHostOptions = {}
): WorkbookHost {
  const need = async (role: SheetRole): Promise<SheetRead> => {
    const read = await backend.readSheet(role);
    if (!read)
      throw new HostError(
        `The workbook has no ${role} sheet of the add-in; create the plan workbook first.`,
        "NoSheet"
      );
    return read;
  };

  /** The Close log as written (empty without one); a log it cannot read stops the write. */
  const readLog = async (): Promise<CloseLog> => {
    const read = await backend.readSheet("close_log");
    if (!read) return layouts.readCloseLog([]).log;
    const r = layouts.readCloseLog(read.values);
    if (r.problems.length)
      throw new HostError(
        `The sheet “${read.name}” (the Close log) cannot be read at ${r.problems
          .slice(0, 3)
          .map((p) => `${columnLetter(p.column)}${p.row + 1}`)
          .join(", ")}; restore what was changed there before closing or reopening a period.`,
        "CloseLogUnreadable"
      );
    return r.log;
  };

  /** The output sheets a request writes, laid out for the workbook as it is now. */
  const outputs = async (request: OutputRequest) => {
    const [sheets, plan, feedback] = await Promise.all([
      backend.addinSheets(),
      backend.readSheet("plan"),
      backend.readSheet("feedback"),
    ]);
    return { sheets, layout: layouts.outputs(request, { sheets, plan, feedback }) };
  };

  const host: WorkbookHost = {
    kind: backend.kind,
    displayLanguage() {
      try {
        return backend.displayLanguage();
      } catch {
        return undefined; // outside Office (a plain browser) there is no display language
      }
    },
    isDarkTheme: () => backend.isDarkTheme(),
    available: () => backend.available(),
    compatibility: () => options.compatibility?.() ?? null,
    settings: backend.settings,

    async inspect(): Promise<WorkbookState> {
      const sheets = await backend.addinSheets();
      return { sheets, language: layouts.languageOf(sheets) };
    },

    async createPlanWorkbook(plan, language, options = {}) {
      const sheets = await backend.addinSheets();
      return backend.applyLayout(layouts.template(plan, language, { sheets }), options);
    },

    async readPlan(): Promise<PlanReading> {
      const read = await backend.readSheet("plan");
      if (!read) return { plan: null, issues: [] };
      const r = layouts.readPlan(read.values, read.name);
      return { plan: r.plan, issues: r.issues };
    },

    async writePlan(plan, language, options = {}) {
      const sheets = await backend.addinSheets();
      return backend.applyLayout(layouts.planSheet(plan, language, { sheets }), {
        ...options,
        rewriteInputs: ["plan"],
      });
    },

    async readInputs(): Promise<WorkbookInputs> {
      const [data, feedback] = await Promise.all([
        backend.readSheet("data"),
        backend.readSheet("feedback"),
      ]);
      const table = (read: SheetRead | null) => {
        if (!read) return null;
        const h = findHeaderRow(read, null);
        const t = tableOf(read, h);
        return withDateCells(t, backend.numberFormats, {
          sheet: read.name,
          firstRow: h + 1,
          column: 0,
        });
      };
      return { data: await table(data), feedback: await table(feedback) };
    },

    async readSelection(): Promise<CellTable> {
      const s = await backend.readSelection();
      if (s.values.length < 2)
        throw new HostError("Select a header row and at least one data row.", "SelectionTooSmall");
      const [header, ...rows] = s.values;
      const rowNumbers = rows.map((_, i) => s.row + 2 + i);
      const t: CellTable = {
        sheet: s.sheet,
        headerRow: s.row + 1,
        header,
        rows,
        firstColumn: s.column,
        rowNumbers,
      };
      return withDateCells(t, backend.numberFormats, {
        sheet: s.sheet,
        firstRow: s.row + 1,
        column: s.column,
      });
    },

    async importData(request: ImportRequest, options: WriteOptions = {}): Promise<ImportResult> {
      const [sheets, data] = await Promise.all([backend.addinSheets(), need("data")]);
      const { plan, language } = request;
      const header = layouts.dataHeader(plan, language);
      const imported = importRows(request.table, request.mapping, header, plan).rows;
      const { rows, userColumns } = withUserColumns(data, plan, header, imported, request.mode);
      if (rows.length + DATA_HEADER_ROWS > EXCEL_MAX_ROWS)
        throw new HostError(
          `The Data sheet would hold ${rows.length} rows; an Excel sheet holds ${EXCEL_MAX_ROWS - DATA_HEADER_ROWS} below its two header lines. Nothing was written.`,
          "TooManyRows",
          { rows: rows.length, limit: EXCEL_MAX_ROWS - DATA_HEADER_ROWS }
        );
      const layout = layouts.dataSheet(plan, language, { sheets }, rows, userColumns);
      const result = await backend.applyLayout(layout, { ...options, rewriteInputs: ["data"] });
      if (result.cancelled) return { ...result, rows: 0 };
      const name = result.sheets[0] ?? data.name;
      return {
        ...result,
        rows: rows.length,
        location: { sheet: name, row: 1, column: "A" },
      };
    },

    async importFeedback(
      request: FeedbackImportRequest,
      options: WriteOptions = {}
    ): Promise<ImportResult> {
      const [sheets, read] = await Promise.all([backend.addinSheets(), need("feedback")]);
      const { plan, language } = request;
      const added = feedbackRows(request.ratings, (r) => enumText("rater", r, language));
      // adding below keeps every row the sheet has, as it is (what it holds is not ours to judge)
      const kept =
        request.mode === "append"
          ? tableOf(read, 0)
              .rows.filter((r) => !r.every(blank))
              .map((r) => r as Scalar[])
          : [];
      const rows = [...kept, ...added];
      if (rows.length + 1 > EXCEL_MAX_ROWS)
        throw new HostError(
          `The Feedback sheet would hold ${rows.length} rows; an Excel sheet holds ${EXCEL_MAX_ROWS - 1}. Nothing was written.`,
          "TooManyRows",
          { rows: rows.length, limit: EXCEL_MAX_ROWS - 1 }
        );
      const layout = layouts.feedbackSheet(plan, language, { sheets }, rows);
      const result = await backend.applyLayout(layout, {
        ...options,
        rewriteInputs: ["feedback"],
      });
      if (result.cancelled) return { ...result, rows: 0 };
      const name = result.sheets[0] ?? read.name;
      return { ...result, rows: added.length, location: { sheet: name, row: 1, column: "A" } };
    },

    async writeOutputs(request: OutputRequest, options: WriteOptions = {}) {
      const { layout } = await outputs(request);
      return backend.applyLayout(layout, options);
    },

    async readStatements() {
      const read = await backend.readSheet("statements");
      return read ? layouts.readStatements(read.values).entries : [];
    },

    async writeStatements(
      request: StatementRequest,
      options: WriteOptions = {}
    ): Promise<StatementsResult> {
      const [sheets, read] = await Promise.all([
        backend.addinSheets(),
        backend.readSheet("statements"),
      ]);
      const before = read ? layouts.readStatements(read.values) : null;
      const layout = layouts.statements(request, { sheets }, before?.notes ?? new Map());
      if (read && !request.updateChanged) {
        const changed = layouts.changedStatements(read.values, layout);
        if (changed.length)
          return { sheets: [], changed: changed.map((e) => `${e.id} ${e.period}`) };
      }
      return backend.applyLayout(layout, options);
    },

    async readCloseLog() {
      const read = await backend.readSheet("close_log");
      return read ? layouts.readCloseLog(read.values) : null;
    },

    async closePeriod(request: CloseRequest, options: WriteOptions = {}) {
      const [sheets, log] = await Promise.all([backend.addinSheets(), readLog()]);
      const st = request.stamp;
      const frozen = layouts.frozenScorecard(request, { sheets });
      const next = layouts.addCloseEvent(
        log,
        {
          action: "close",
          period: st.period,
          at: st.closedAt,
          by: st.closedBy,
          planName: st.planName,
          planVersion: st.planVersion,
          effectiveDate: request.plan.effectiveDate,
          planChecksum: st.planChecksum,
          inputChecksum: st.inputChecksum,
          rows: st.rows,
          people: Object.keys(st.personChecksums).length,
          sheet: sheets[closedRole(st.period)] ?? frozen.name,
          note: "",
        },
        { people: st.personChecksums, plan: request.plan }
      );
      const logSheet = layouts.closeLog(next, request.language, { sheets });
      return backend.applyLayout(
        { language: request.language, sheets: [frozen, logSheet] },
        options
      );
    },

    async reopenPeriod(request: ReopenRequest, options: WriteOptions = {}) {
      const [sheets, log] = await Promise.all([backend.addinSheets(), readLog()]);
      const last = [...log.events].reverse().find((e) => e.period === request.period);
      if (!last || last.action !== "close")
        throw new HostError(`${request.period} is not closed.`, "NotClosed");
      const next = layouts.addCloseEvent(log, {
        action: "reopen",
        period: request.period,
        at: request.at,
        by: request.by,
        planName: last.planName,
        planVersion: last.planVersion,
        effectiveDate: last.effectiveDate,
        planChecksum: last.planChecksum,
        inputChecksum: last.inputChecksum,
        rows: last.rows,
        people: last.people,
        sheet: last.sheet,
        note: request.note,
      });
      const logSheet = layouts.closeLog(next, request.language, { sheets });
      return backend.applyLayout({ language: request.language, sheets: [logSheet] }, options);
    },

    async readFrozenScorecard(period: string) {
      const read = await backend.readSheet(closedRole(period));
      return read ? layouts.readFrozenScorecard(read.values) : null;
    },

    async scorecardPeriods() {
      const read = await backend.readSheet("scorecard");
      return read ? layouts.scorecardPeriods(read.values) : [];
    },

    async writeYearToDate(request: YearToDateRequest, options: WriteOptions = {}) {
      const sheets = await backend.addinSheets();
      return backend.applyLayout(layouts.yearToDate(request, { sheets }), options);
    },

    goToCell: (location) => backend.goToCell(location),

    // ---- issue 12: the self-check ----------------------------------------------------------

    checkOutputs: (request, options = {}) => checkOutputSheets(backend, outputs, request, options),

    async rewriteAsValues(request: OutputRequest, role: SheetRole, options: WriteOptions = {}) {
      const { layout } = await outputs({ ...request, style: "values" });
      const sheet = layout.sheets.find((s) => s.role === role);
      if (!sheet) throw new HostError(`The outputs have no ${role} sheet.`, "NoSheet");
      // the user asked for this sheet to be replaced, edited or not
      return backend.applyLayout(
        { language: layout.language, sheets: [sheet] },
        { ...options, confirmReplace: async () => "replace" }
      );
    },

    platform: () => backend.platform?.(),
    openBrowserWindow: (url) => backend.openBrowserWindow?.(url) ?? false,
    dynamicArrays: () => backend.dynamicArrays?.() ?? Promise.resolve(undefined),

    onSelectionChanged(callback: (selection: SelectionInfo) => void): () => void {
      let latest = 0;
      return backend.onSelectionChanged((sel) => {
        const ticket = ++latest;
        const info: SelectionInfo = {
          sheet: sel.sheet,
          role: sel.role,
          row: sel.row + 1,
          column: columnLetter(sel.column),
          subject: null,
        };
        if (sel.role !== "scorecard" && sel.role !== "statements") {
          callback(info);
          return;
        }
        void subjectAt(backend, sel.role, sel.row).then(
          (subject) => ticket === latest && callback({ ...info, subject }),
          () => ticket === latest && callback(info)
        );
      });
    },
  };
  return host;
}

const ID_HEADERS = new Set([IDENTITY_HEADERS.id.en, IDENTITY_HEADERS.id.zh].map(normalizeHeader));
const PERIOD_HEADERS = new Set(
  [
    IDENTITY_HEADERS.period.en,
    IDENTITY_HEADERS.period.zh,
    "Evaluation period",
    "考核期间",
    "期间",
  ].map(normalizeHeader)
);

/** The salesperson and period of a row of an output sheet, by its id and period columns. */
async function subjectAt(
  backend: SheetBackend,
  role: SheetRole,
  row: number
): Promise<{ id: string; period: string } | null> {
  const head = await backend.readRange(role, {
    row: 0,
    column: 0,
    rows: Math.min(row + 1, 12),
    columns: 40,
  });
  for (let h = head.length - 1; h >= 0; h--) {
    const names = head[h].map((c) =>
      normalizeHeader(c === null || c === undefined ? "" : String(c))
    );
    const idCol = names.findIndex((n) => ID_HEADERS.has(n));
    const periodCol = names.findIndex((n) => PERIOD_HEADERS.has(n));
    if (idCol < 0 || periodCol < 0 || h >= row) continue;
    const [line] = await backend.readRange(role, {
      row,
      column: 0,
      rows: 1,
      columns: Math.max(idCol, periodCol) + 1,
    });
    const id = line?.[idCol];
    const period = line?.[periodCol];
    if (
      id === null ||
      id === undefined ||
      String(id).trim() === "" ||
      period === null ||
      period === undefined
    )
      return null;
    return { id: String(id).trim(), period: String(period).trim() };
  }
  return null;
}

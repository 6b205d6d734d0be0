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
  readNumber,
  readPeriod,
  type CellInput,
  type CellLocation,
  type CellTable,
  type ColumnMapping,
  type Issue,
  type Language,
  type Plan,
} from "../engine";
import type { Compatibility } from "../compat/requirements";
import type { RangeRef, Scalar, SheetRole, WorkbookLayout } from "../workbook/layout";
import {
  HostError,
  type AddinSheets,
  type ImportRequest,
  type ImportResult,
  type OutputRequest,
  type PlanReading,
  type SelectionInfo,
  type SettingsStore,
  type StatementRequest,
  type WorkbookHost,
  type WorkbookInputs,
  type WorkbookState,
  type WriteOptions,
  type WriteResult,
} from "./host";

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

/** The layouts the host writes and the Plan sheet reader (src/workbook, bound in layouts.ts). */
export interface LayoutBuilders {
  /** Guide, Plan, Data and Feedback sheets for a plan. */
  template(plan: Plan, language: Language, context: LayoutContext): WorkbookLayout;
  /** The Data sheet holding these rows (already in its columns, from its first data row). */
  dataSheet(
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
  /** 绩效结果通知单 for the requested rows. */
  statements(request: StatementRequest, context: LayoutContext): WorkbookLayout;
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
  /** The active sheet's selection (values), with where it is. */
  readSelection(): Promise<{ sheet: string; row: number; column: number; values: CellInput[][] }>;
  goToCell(location: CellLocation): Promise<void>;
  onSelectionChanged(callback: (selection: RawSelection) => void): () => void;
  settings: SettingsStore;
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
 * One imported cell as the Data sheet should hold it: numbers that the engine can read become
 * numbers (full-width digits, grouping, percent text), a month becomes its key ("2024/3" →
 * "2024-03"), and anything else stays exactly as it was, as text, for the data check to report.
 */
export function importCell(key: string, value: CellInput): Scalar {
  if (value === undefined || value === null) return null;
  if (typeof value === "boolean") return value;
  if (key === "id" || key === "name" || key === "team")
    return typeof value === "string" ? value : String(value);
  if (key === "period") {
    const p = readPeriod(value);
    return p.ok && p.period.kind === "month"
      ? p.period.key
      : typeof value === "string"
        ? value
        : String(value);
  }
  const n = readNumber(value);
  if (n.kind === "number") return n.value;
  if (n.kind === "blank") return null;
  return typeof value === "string" ? value : String(value);
}

/** Source rows laid out in the Data sheet's columns through a mapping. */
export function importRows(
  source: CellTable,
  mapping: ColumnMapping,
  dataHeader: readonly CellInput[],
  plan: Plan
): Scalar[][] {
  const target = mapColumns(
    { sheet: "", headerRow: 1, header: [...dataHeader], rows: [] },
    plan
  ).mapping;
  const byColumn: (string | undefined)[] = dataHeader.map(() => undefined);
  for (const [key, column] of Object.entries(target)) byColumn[column] = key;
  const width = Math.max(0, ...Object.values(target).map((c) => c + 1));
  const out: Scalar[][] = [];
  for (const row of source.rows) {
    if (
      !row ||
      row.every((c) => c === null || c === undefined || (typeof c === "string" && c.trim() === ""))
    )
      continue;
    const line: Scalar[] = new Array(width).fill(null);
    for (let c = 0; c < width; c++) {
      const key = byColumn[c];
      if (key === undefined || mapping[key] === undefined) continue;
      line[c] = importCell(key, row[mapping[key]]);
    }
    out.push(line);
  }
  return out;
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
      return {
        data: data ? tableOf(data, findHeaderRow(data, null)) : null,
        feedback: feedback ? tableOf(feedback, findHeaderRow(feedback, null)) : null,
      };
    },

    async readSelection(): Promise<CellTable> {
      const s = await backend.readSelection();
      if (s.values.length < 2)
        throw new HostError("Select a header row and at least one data row.", "SelectionTooSmall");
      const [header, ...rows] = s.values;
      return { sheet: s.sheet, headerRow: s.row + 1, header, rows, firstColumn: s.column };
    },

    async importData(request: ImportRequest, options: WriteOptions = {}): Promise<ImportResult> {
      const [sheets, data] = await Promise.all([backend.addinSheets(), need("data")]);
      const { plan, language } = request;
      const header = layouts.dataHeader(plan, language);
      const rows = importRows(request.table, request.mapping, header, plan);
      if (request.mode === "append") {
        // the rows already there, re-laid in the plan's columns (whatever order the sheet has them in)
        const existing = tableOf(data, findHeaderRow(data, plan));
        const kept = importRows(existing, mapColumns(existing, plan).mapping, header, plan);
        rows.unshift(...kept);
      }
      const layout = layouts.dataSheet(plan, language, { sheets }, rows);
      const result = await backend.applyLayout(layout, { ...options, rewriteInputs: ["data"] });
      if (result.cancelled) return { ...result, rows: 0 };
      const name = result.sheets[0] ?? data.name;
      return { ...result, rows: rows.length, location: { sheet: name, row: 1, column: "A" } };
    },

    async writeOutputs(request: OutputRequest, options: WriteOptions = {}) {
      const [sheets, plan, feedback] = await Promise.all([
        backend.addinSheets(),
        backend.readSheet("plan"),
        backend.readSheet("feedback"),
      ]);
      return backend.applyLayout(layouts.outputs(request, { sheets, plan, feedback }), options);
    },

    async writeStatements(request: StatementRequest, options: WriteOptions = {}) {
      const sheets = await backend.addinSheets();
      return backend.applyLayout(layouts.statements(request, { sheets }), options);
    },

    goToCell: (location) => backend.goToCell(location),

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

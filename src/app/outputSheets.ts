/**
 * The host's output sheets: the scorecards and summary of a run, the statements, the self-check's
 * read-back and the close: frozen scorecards, the Close log and the year to date. Part of
 * createLayoutHost (layoutHost.ts).
 */
import { columnLetter } from "../engine";
import {
  closedRole,
  type Cell,
  type SentLayout,
  type SheetRole,
  type WorkbookLayout,
} from "../workbook/layout";
import type { CloseLog } from "../workbook/close";
import {
  compareRows,
  laidOut,
  rowsToCheck,
  type CheckReport,
  type LaidOut,
  type SheetCheck,
} from "../workbook/verify";
import { sameFormula } from "../office/formula";
import {
  HostError,
  type AddinSheets,
  type CheckOptions,
  type CloseRequest,
  type OutputRequest,
  type ReopenRequest,
  type StatementRequest,
  type StatementsResult,
  type TrackingRequest,
  type WorkbookHost,
  type WriteOptions,
  type YearToDateRequest,
} from "./host";
import type { LayoutBuilders, LayoutContext, OutputContext, SheetBackend } from "./ports";
import type { CellInput } from "../engine";
import { yieldToPane } from "./inThread";
import { taskOptions, type Compute, type TaskOptions } from "./compute";

type LaidOutOutputs = (
  request: OutputRequest,
  options?: TaskOptions
) => Promise<{ sheets: AddinSheets; layout: SentLayout }>;

/**
 * The Statements sheet for a request, laid out over the one there now (`before`, its values):
 * what the user wrote on a statement is kept; statements whose numbers would change are listed
 * in `changed` (and nothing is to be written) unless the request says to update them. Pure: it
 * runs off the pane's thread.
 */
export function statementsLayout(
  layouts: LayoutBuilders,
  request: StatementRequest,
  context: LayoutContext,
  before: CellInput[][] | null
): { layout: WorkbookLayout; changed: string[] } {
  const read = before ? layouts.readStatements(before) : null;
  const layout = layouts.statements(request, context, read?.notes ?? new Map());
  const changed =
    before && !request.updateChanged
      ? layouts.changedStatements(before, layout).map((e) => `${e.id} ${e.period}`)
      : [];
  return { layout, changed };
}

/** An output sheet to read back: its size and the cells of the rows to compare (a sample of a large one). */
export interface CheckTarget {
  role: SheetRole;
  rows: number;
  columns: number;
  /** The rows to read back (0-based), each with the cells the layout writes there. */
  sample: { row: number; cells: (Cell | undefined)[] }[];
}

/**
 * What the self-check compares, laid out for the workbook as it is now: each output sheet's
 * rows to read back and their cells (sheets the user had rewritten as values hold values).
 * Pure: it runs off the pane's thread.
 */
export function checkTargets(
  layouts: LayoutBuilders,
  request: OutputRequest,
  context: OutputContext,
  asValues: readonly SheetRole[]
): CheckTarget[] {
  const layout = layouts.outputs(request, context);
  if (asValues.length > 0 && request.style !== "values") {
    // sheets the user had rewritten as values are expected to hold values
    const values = layouts.outputs({ ...request, style: "values" }, context);
    layout.sheets = layout.sheets.map((s) =>
      asValues.includes(s.role) ? (values.sheets.find((v) => v.role === s.role) ?? s) : s
    );
  }
  return layout.sheets
    .filter((x) => x.kind === "output")
    .map((s) => {
      const cells = laidOut(s);
      const sample = rowsToCheck(cells.rows, cells.columns).map((row) => ({
        row,
        cells: Array.from({ length: cells.columns }, (_, c) => cells.at(row, c)),
      }));
      return { role: s.role, rows: cells.rows, columns: cells.columns, sample };
    });
}

/** Rows compared at a time; the pane's thread pauses once BUSY_MS have passed. */
const COMPARE_ROWS = 25;
const BUSY_MS = 8;

/**
 * WorkbookHost.checkOutputs: reads back each output sheet a request writes (every row, or a
 * stratified sample of a large sheet's) and compares it with the layout, cell by cell; the
 * layout and the sample are worked out by `compute`, the comparison in slices of rows.
 */
async function checkOutputSheets(
  backend: SheetBackend,
  compute: Compute,
  request: OutputRequest,
  options: CheckOptions
): Promise<CheckReport> {
  const [sheets, plan, feedback, gradeHistory] = await Promise.all([
    backend.addinSheets(),
    backend.readSheet("plan"),
    backend.readSheet("feedback"),
    backend.readSheet("grade_history"),
  ]);
  const targets = await compute.task("checkTargets", {
    request,
    context: { sheets, plan, feedback, gradeHistory },
    asValues: [...(options.asValues ?? [])],
  });
  const roleOf = new Map(Object.entries(sheets).map(([role, name]) => [name!.toUpperCase(), role]));
  const same = (written: string, read: string) =>
    sameFormula(written, read, (n) => roleOf.get(n.toUpperCase()));
  const report: CheckReport = { sheets: [], missing: [], pending: 0 };
  for (const t of targets) {
    const read = await backend.readRowsForCheck(
      t.role,
      t.sample.map((s) => s.row),
      t.columns
    );
    if (!read.sheet) {
      report.missing.push(t.role);
      continue;
    }
    const byRow = new Map(t.sample.map((s) => [s.row, s.cells]));
    const cells: LaidOut = {
      rows: t.rows,
      columns: t.columns,
      at: (r, c) => byRow.get(r)?.[c],
    };
    const target = { role: t.role, sheet: read.sheet };
    const check: SheetCheck = {
      ...target,
      rows: t.rows,
      rowsChecked: read.rows.length,
      cells: 0,
      findings: [],
    };
    let since = performance.now();
    for (let i = 0; i < read.rows.length; i += COMPARE_ROWS) {
      const part = compareRows(cells, target, read.rows.slice(i, i + COMPARE_ROWS), same);
      check.cells += part.cells;
      for (const f of part.findings) check.findings.push(f);
      if (performance.now() - since < BUSY_MS) continue;
      await yieldToPane();
      since = performance.now();
    }
    await yieldToPane();
    report.sheets.push(check);
    report.pending += read.pending;
  }
  return report;
}

/** The output sheets a request writes, laid out (by `compute`) for the workbook as it is now. */
function laidOutOutputs(backend: SheetBackend, compute: Compute): LaidOutOutputs {
  return async (request: OutputRequest, options: TaskOptions = {}) => {
    const [sheets, plan, feedback, gradeHistory] = await Promise.all([
      backend.addinSheets(),
      backend.readSheet("plan"),
      backend.readSheet("feedback"),
      backend.readSheet("grade_history"),
    ]);
    const layout = await compute.task(
      "outputs",
      { request, context: { sheets, plan, feedback, gradeHistory } },
      options
    );
    return { sheets, layout };
  };
}

type OutputOperations = Pick<
  WorkbookHost,
  | "writeOutputs"
  | "readStatements"
  | "writeStatements"
  | "readTracking"
  | "writeTracking"
  | "scorecardPeriods"
  | "writeYearToDate"
  | "checkOutputs"
  | "rewriteAsValues"
>;

/** Writing a run's outputs, the statements and the year to date, and checking what was written. */
export function outputOperations(
  backend: SheetBackend,
  layouts: LayoutBuilders,
  compute: Compute
): OutputOperations {
  const outputs = laidOutOutputs(backend, compute);
  return {
    async writeOutputs(request: OutputRequest, options: WriteOptions = {}) {
      // laid out off the pane's thread; a Cancel meanwhile drops it before anything is written
      const { layout } = await outputs(request, taskOptions(options));
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
      // laid out off the pane's thread, with what the user wrote on those already there
      const { layout, changed } = await compute.task(
        "statements",
        { request, context: { sheets }, before: read?.values ?? null },
        taskOptions(options)
      );
      if (changed.length) return { sheets: [], changed };
      return backend.applyLayout(layout, options);
    },

    async readTracking() {
      const read = await backend.readSheet("tracking");
      if (!read) return { months: [], notes: [] };
      const { months, notes } = layouts.readTracking(read.values);
      return {
        months,
        notes: [...notes].map(([key, note]) => {
          const [id, month] = key.split("\u0000");
          return { id, month, note };
        }),
      };
    },

    async writeTracking(request: TrackingRequest, options: WriteOptions = {}) {
      const [sheets, plan, read] = await Promise.all([
        backend.addinSheets(),
        backend.readSheet("plan"),
        backend.readSheet("tracking"),
      ]);
      // laid out off the pane's thread: every month on the sheet is tracked from the evaluation
      const layout = await compute.task(
        "trackingSheet",
        { request, context: { sheets, plan, feedback: null }, before: read?.values ?? null },
        taskOptions(options)
      );
      // the notes typed on the sheet are carried over: the add-in's sheet is replaced without asking
      return backend.applyLayout(layout, { ...options, confirmReplace: async () => "replace" });
    },

    async scorecardPeriods() {
      const read = await backend.readSheet("scorecard");
      return read ? layouts.scorecardPeriods(read.values) : [];
    },

    async writeYearToDate(request: YearToDateRequest, options: WriteOptions = {}) {
      const sheets = await backend.addinSheets();
      return backend.applyLayout(layouts.yearToDate(request, { sheets }), options);
    },

    checkOutputs: (request, options = {}) => checkOutputSheets(backend, compute, request, options),

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
  };
}

type CloseOperations = Pick<
  WorkbookHost,
  "readCloseLog" | "closePeriod" | "reopenPeriod" | "readFrozenScorecard"
>;

/** Closing and reopening a period: the frozen scorecard and the Close log. */
export function closeOperations(backend: SheetBackend, layouts: LayoutBuilders): CloseOperations {
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

  return {
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
          note: request.note ?? "",
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
  };
}

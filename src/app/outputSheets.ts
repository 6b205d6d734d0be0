/**
 * The host's output sheets: the scorecards and summary of a run, the statements, the self-check's
 * read-back and the close: frozen scorecards, the Close log and the year to date. Part of
 * createLayoutHost (layoutHost.ts).
 */
import { columnLetter } from "../engine";
import { closedRole, type SheetRole, type WorkbookLayout } from "../workbook/layout";
import type { CloseLog } from "../workbook/close";
import {
  compareRows,
  laidOut,
  rowsToCheck,
  type CheckReport,
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
  type WorkbookHost,
  type WriteOptions,
  type YearToDateRequest,
} from "./host";
import type { LayoutBuilders, SheetBackend } from "./ports";

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

/** The output sheets a request writes, laid out for the workbook as it is now. */
function laidOutOutputs(backend: SheetBackend, layouts: LayoutBuilders): LaidOutOutputs {
  return async (request: OutputRequest) => {
    const [sheets, plan, feedback] = await Promise.all([
      backend.addinSheets(),
      backend.readSheet("plan"),
      backend.readSheet("feedback"),
    ]);
    return { sheets, layout: layouts.outputs(request, { sheets, plan, feedback }) };
  };
}

type OutputOperations = Pick<
  WorkbookHost,
  | "writeOutputs"
  | "readStatements"
  | "writeStatements"
  | "scorecardPeriods"
  | "writeYearToDate"
  | "checkOutputs"
  | "rewriteAsValues"
>;

/** Writing a run's outputs, the statements and the year to date, and checking what was written. */
export function outputOperations(backend: SheetBackend, layouts: LayoutBuilders): OutputOperations {
  const outputs = laidOutOutputs(backend, layouts);
  return {
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

    async scorecardPeriods() {
      const read = await backend.readSheet("scorecard");
      return read ? layouts.scorecardPeriods(read.values) : [];
    },

    async writeYearToDate(request: YearToDateRequest, options: WriteOptions = {}) {
      const sheets = await backend.addinSheets();
      return backend.applyLayout(layouts.yearToDate(request, { sheets }), options);
    },

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
  };
}

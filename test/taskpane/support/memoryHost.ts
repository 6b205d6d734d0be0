/**
 * An in-memory WorkbookHost for component tests: it keeps the plan, the Data sheet as a cell
 * table and what the pane asked it to write, and can be told to fail an operation. The import
 * lays rows out with the same function the real host uses (importRows).
 */
import * as fs from "fs";
import * as path from "path";
import {
  IDENTITY_COLUMNS,
  IDENTITY_HEADERS,
  defaultPlan,
  mapColumns,
  parseCsv,
  scorecardRows,
  type CellLocation,
  type CellTable,
  type ClosedPayLine,
  type Language,
  type Plan,
} from "../../../src/engine";
import {
  HostError,
  type AddinSheets,
  type CheckOptions,
  type CloseRequest,
  type FeedbackImportRequest,
  type ImportRequest,
  type OutputRequest,
  type ReopenRequest,
  type ReviewRowRequest,
  type SelectionInfo,
  type StatementRequest,
  type TrackingRequest,
  type WorkbookHost,
  type WriteOptions,
  type YearToDateRequest,
} from "../../../src/app/host";
import { closedRole } from "../../../src/workbook/layout";
import { workbookLayouts } from "../../../src/app/layouts";
import { generateSample } from "../../../src/workbook";
import { sheetValues } from "../../../src/workbook/grid";
import type { CellInput } from "../../../src/engine";
import { emptyCloseLog, withEvent, type CloseLog } from "../../../src/workbook/close";
import { feedbackRows, importRows, withFileTable } from "../../../src/app/imports";
import { reviewRows } from "../../../src/app/inputSheets";
import type { Compatibility } from "../../../src/compat/requirements";
import type { SheetRole } from "../../../src/workbook/layout";
import type { CheckReport } from "../../../src/workbook/verify";
import type { TargetLettersRequest } from "../../../src/app/host";
import { targetLettersLayout } from "../../../src/app/letterSheets";

export const FIXTURE_CSV = path.join(__dirname, "..", "..", "fixtures", "crm-export-2024Q1.csv");

export function fixtureText(): string {
  return fs.readFileSync(FIXTURE_CSV, "utf8");
}

export function fixtureTable(sheet = "crm-export-2024Q1.csv"): CellTable {
  return parseCsv(fixtureText(), sheet);
}

/** A CRM export of `people` salespeople × 3 months (Q1 2024, the sample generator's data). */
export function sampleExportCsv(people: number): string {
  const plan = defaultPlan();
  const sample = generateSample({ people, months: 3, teams: 2 });
  const header = ["员工编号", "姓名", "部门", "月份", ...plan.fields.map((f) => f.name.zh)];
  const lines = sample.rows.map((r) =>
    [r.id, r.name, r.team, r.period, ...plan.fields.map((f) => String(r.values[f.key] ?? ""))]
      .map((x) => (x.includes(",") ? `"${x}"` : x))
      .join(",")
  );
  return [header.join(","), ...lines].join("\r\n") + "\r\n";
}

type Operation =
  | "addGradeHistorySheet"
  | "readGradeHistory"
  | "checkOutputs"
  | "rewriteAsValues"
  | "inspect"
  | "createPlanWorkbook"
  | "readPlan"
  | "writePlan"
  | "readInputs"
  | "readSelection"
  | "importData"
  | "importFeedback"
  | "writeOutputs"
  | "writeStatements"
  | "closePeriod"
  | "reopenPeriod"
  | "writeYearToDate"
  | "writeTracking"
  | "goToCell"
  | "writeTargetLetters"
  | "writeReviewRow";

export interface MemoryHost extends WorkbookHost {
  sheets: AddinSheets;
  plan: Plan | null;
  data: CellTable | null;
  /** The Feedback sheet (header and ratings), null until ratings are imported. */
  feedback: CellTable | null;
  /** The Appeals and Sign-off sheets (header and rows), null until a row is written. */
  appeals: CellTable | null;
  signOff: CellTable | null;
  selection: CellTable | null;
  settingsData: Map<string, string>;
  calls: {
    create: { plan: Plan; language: Language }[];
    writePlan: Plan[];
    imports: ImportRequest[];
    feedbackImports: FeedbackImportRequest[];
    outputs: OutputRequest[];
    statements: StatementRequest[];
    closes: CloseRequest[];
    reopens: ReopenRequest[];
    yearToDate: YearToDateRequest[];
    tracking: TrackingRequest[];
    goTo: CellLocation[];
    reviewRows: ReviewRowRequest[];
  };
  /** The Tracking sheet's values as last written (laid out as the real host lays it out). */
  trackingValues: CellInput[][] | null;
  /** The Close log as written (null until a first close). */
  closeLog: CloseLog | null;
  /** Frozen pay lines by period. */
  frozen: Map<string, ClosedPayLine[]>;
  /** Makes the next call of an operation reject with this message. */
  failNext(op: Operation, message: string): void;
  /** Fires a selection change as Excel would. */
  select(selection: SelectionInfo): void;
  /** Answers confirmReplace when a write finds an edited sheet (the pane's dialog answers in tests). */
  editedSheet: string | null;
  /** The Target letters sheet's values as last written (null: no sheet), laid out as the real host does. */
  letters: CellInput[][] | null;

  // ---- issue 12: the self-check, saving the plan, dynamic arrays
  /** What the next self-checks report (default: every written output cell agrees). */
  checkResult: CheckReport | null;
  checks: OutputRequest[];
  checkOptions: (CheckOptions | undefined)[];
  rewrites: { request: OutputRequest; role: SheetRole }[];
  /** Office's platform the host reports (default: undefined, outside Office). */
  platformName: string | undefined;
  /** Whether Office can open the system browser; the URLs it was asked to open. */
  browser: boolean;
  opened: string[];
  /** Whether formulas spill here. */
  spills: boolean | undefined;
}

/** A self-check where the output sheets of a request all agree: as many cells as it has rows × 20. */
export function agreeingCheck(request: OutputRequest): CheckReport {
  const rows = scorecardRows(request.evaluation).length + 1;
  const name = request.language === "zh-CN" ? "评分卡" : "Scorecard";
  return {
    sheets: [
      { role: "scorecard", sheet: name, rows, rowsChecked: rows, cells: rows * 20, findings: [] },
    ],
    missing: [],
    pending: 0,
  };
}

function dataHeader(plan: Plan, language: Language): string[] {
  const zh = language === "zh-CN";
  return [
    ...IDENTITY_COLUMNS.map((k) => (zh ? IDENTITY_HEADERS[k].zh : IDENTITY_HEADERS[k].en)),
    ...plan.fields.map((f) => (zh ? f.name.zh : f.name.en)),
  ];
}

export interface MemoryHostOptions {
  displayLanguage?: string;
  /** Start with a plan workbook holding this plan (default: none). */
  plan?: Plan;
  /** …and this Data sheet (default: empty). */
  data?: CellTable;
  available?: boolean;
  /** What the host supports (src/compat); default: everything. */
  compatibility?: Compatibility;
}

export function memoryHost(options: MemoryHostOptions = {}): MemoryHost {
  const failures = new Map<Operation, string>();
  const listeners = new Set<(s: SelectionInfo) => void>();
  const settingsData = new Map<string, string>();
  const fail = (op: Operation) => {
    const m = failures.get(op);
    if (m !== undefined) {
      failures.delete(op);
      throw new HostError(m, "TestFailure");
    }
  };
  const lang = (): Language => (host.sheets.plan === "方案" ? "zh-CN" : "en-US");
  const host: MemoryHost = {
    kind: "memory",
    sheets: options.plan
      ? { guide: "Guide", plan: "Plan", data: "Data", feedback: "Feedback" }
      : {},
    plan: options.plan ? structuredClone(options.plan) : null,
    data:
      options.data ??
      (options.plan
        ? { sheet: "Data", headerRow: 1, header: dataHeader(options.plan, "en-US"), rows: [] }
        : null),
    feedback: null,
    appeals: null,
    signOff: null,
    selection: null,
    settingsData,
    editedSheet: null,
    calls: {
      create: [],
      writePlan: [],
      imports: [],
      feedbackImports: [],
      outputs: [],
      statements: [],
      closes: [],
      reopens: [],
      yearToDate: [],
      tracking: [],
      goTo: [],
      reviewRows: [],
    },
    trackingValues: null,
    closeLog: null,
    frozen: new Map(),
    displayLanguage: () => options.displayLanguage,
    isDarkTheme: () => false,
    available: () => options.available ?? true,
    compatibility: () => options.compatibility ?? null,
    settings: {
      get: (k) => settingsData.get(k) ?? null,
      set: async (k, v) => void settingsData.set(k, v),
    },
    failNext(op, message) {
      failures.set(op, message);
    },
    select(selection) {
      for (const l of listeners) l(selection);
    },
    async inspect() {
      fail("inspect");
      return { sheets: { ...host.sheets }, language: host.sheets.plan ? lang() : null };
    },
    async createPlanWorkbook(plan, language, opts: WriteOptions = {}) {
      fail("createPlanWorkbook");
      const zh = language === "zh-CN";
      const names = zh
        ? { guide: "使用说明", plan: "方案", data: "数据", feedback: "360评价" }
        : { guide: "Guide", plan: "Plan", data: "Data", feedback: "Feedback" };
      if (host.editedSheet && opts.confirmReplace) await opts.confirmReplace(host.editedSheet);
      opts.onProgress?.({ done: 1, total: 2, stage: names.plan });
      host.calls.create.push({ plan: structuredClone(plan), language });
      host.sheets = names;
      host.plan = structuredClone(plan);
      host.data = { sheet: names.data, headerRow: 1, header: dataHeader(plan, language), rows: [] };
      return {
        sheets: Object.values(names),
        location: { sheet: names.guide, row: 1, column: "A" },
      };
    },
    async addGradeHistorySheet(language) {
      fail("addGradeHistorySheet");
      if (host.sheets.grade_history) return null;
      const name = language === "zh-CN" ? "历年评级" : "Grade history";
      host.sheets = { ...host.sheets, grade_history: name };
      return { sheets: [name], location: { sheet: name, row: 1, column: "A" } };
    },
    async readGradeHistory() {
      fail("readGradeHistory");
      return { entries: [], issues: [], columns: null };
    },
    async readPlan() {
      fail("readPlan");
      return { plan: host.plan ? structuredClone(host.plan) : null, issues: [] };
    },
    async writePlan(plan) {
      fail("writePlan");
      host.calls.writePlan.push(structuredClone(plan));
      host.plan = structuredClone(plan);
      return { sheets: [host.sheets.plan ?? "Plan"] };
    },
    async readInputs() {
      fail("readInputs");
      return {
        data: host.data ? structuredClone(host.data) : null,
        feedback: host.feedback ? structuredClone(host.feedback) : null,
        appeals: host.appeals ? structuredClone(host.appeals) : null,
        signOff: host.signOff ? structuredClone(host.signOff) : null,
      };
    },
    async writeReviewRow(request: ReviewRowRequest) {
      fail("writeReviewRow");
      host.calls.reviewRows.push(structuredClone(request));
      // the same rows the real host writes (reviewRows), under the sheet's header
      const layout = workbookLayouts.reviewSheet(
        request.role,
        request.language,
        { sheets: {} },
        []
      );
      const sheet = layout.sheets[0];
      const header = sheetValues(sheet)[0];
      const key = request.role === "appeals" ? "appeals" : "signOff";
      const now = host[key];
      const read = now ? { name: now.sheet, values: [now.header, ...now.rows] } : null;
      const rows = reviewRows(read, request);
      host[key] = {
        sheet: now?.sheet ?? sheet.name,
        headerRow: 1,
        header: now?.header ?? header,
        rows,
      };
      return { sheets: [host[key]!.sheet] };
    },
    async readSelection() {
      fail("readSelection");
      if (!host.selection)
        throw new HostError("Select a header row and at least one data row.", "SelectionTooSmall");
      return host.selection;
    },
    async importData(request: ImportRequest) {
      fail("importData");
      host.calls.imports.push(request);
      if (!host.data) throw new HostError("no Data sheet", "NoSheet");
      // a file's rows are read from its bytes, as the add-in's host reads them
      const { table } = await withFileTable(request);
      const { rows } = importRows(table, request.mapping, host.data.header, request.plan);
      host.data = {
        ...host.data,
        rows: request.mode === "replace" ? rows : [...host.data.rows, ...rows],
      };
      return { sheets: [host.data.sheet], rows: rows.length };
    },
    async importFeedback(request: FeedbackImportRequest) {
      fail("importFeedback");
      host.calls.feedbackImports.push(request);
      const rows = feedbackRows(request.ratings, (r) => r);
      const header = ["Employee ID", "Period", "Rater type", "Score", "Rater"];
      const before = request.mode === "append" ? (host.feedback?.rows ?? []) : [];
      host.feedback = { sheet: "Feedback", headerRow: 1, header, rows: [...before, ...rows] };
      return { sheets: ["Feedback"], rows: rows.length };
    },
    async writeOutputs(request: OutputRequest) {
      fail("writeOutputs");
      host.calls.outputs.push(request);
      const zh = request.language === "zh-CN";
      return {
        sheets: zh ? ["评分卡", "汇总"] : ["Scorecard", "Summary"],
        location: { sheet: zh ? "评分卡" : "Scorecard", row: 1, column: "A" },
      };
    },
    async readStatements() {
      const last = host.calls.statements[host.calls.statements.length - 1];
      return (last?.items ?? []).map((i, k) => ({
        id: i.trace.subject.id,
        period: i.trace.subject.period,
        planVersion: i.trace.plan.version,
        row: k * 60,
        rows: 58,
        notes: 50,
        sign: 55,
      }));
    },
    async writeStatements(request: StatementRequest) {
      fail("writeStatements");
      host.calls.statements.push(request);
      const name = request.language === "zh-CN" ? "绩效结果通知单" : "Statements";
      return { sheets: [name], location: { sheet: name, row: 1, column: "A" } };
    },
    async readCloseLog() {
      return host.closeLog ? { log: host.closeLog, problems: [] } : null;
    },
    async closePeriod(request: CloseRequest) {
      fail("closePeriod");
      host.calls.closes.push(request);
      const st = request.stamp;
      const name = `${request.language === "zh-CN" ? "评分卡" : "Scorecard"} ${st.period}`;
      host.closeLog = withEvent(
        host.closeLog ?? emptyCloseLog(),
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
          sheet: name,
          note: request.note ?? "",
        },
        { people: st.personChecksums, plan: request.plan }
      );
      host.frozen.set(
        st.period,
        scorecardRows(request.evaluation).map((r) => ({
          id: r.id,
          name: r.name,
          team: r.team,
          period: r.period,
          base: r.totalPay === null ? 0 : r.base!,
          performancePay: r.totalPay === null ? 0 : r.performancePay!,
          commission: r.totalPay === null ? 0 : r.commission!,
          teamCommission: r.totalPay === null ? 0 : (r.teamCommission ?? 0),
          // as the frozen Scorecard shows it: top-up less recovered
          guarantee:
            r.totalPay === null
              ? 0
              : request.evaluation.periodPay.guaranteeTopUp[r.index] -
                request.evaluation.periodPay.guaranteeRecovered[r.index],
          bonus: r.totalPay === null ? 0 : r.bonus!,
          appeal: r.totalPay === null ? 0 : (r.appeal ?? 0),
          totalPay: r.totalPay ?? 0,
        }))
      );
      host.sheets = { ...host.sheets, [closedRole(st.period)]: name };
      return { sheets: [name], location: { sheet: name, row: 1, column: "A" } };
    },
    async reopenPeriod(request: ReopenRequest) {
      fail("reopenPeriod");
      host.calls.reopens.push(request);
      const log = host.closeLog ?? emptyCloseLog();
      const last = [...log.events].reverse().find((e) => e.period === request.period);
      if (!last || last.action !== "close")
        throw new HostError(`${request.period} is not closed.`, "NotClosed");
      host.closeLog = withEvent(log, {
        ...last,
        action: "reopen",
        at: request.at,
        by: request.by,
        note: request.note,
      });
      return { sheets: [request.language === "zh-CN" ? "结账记录" : "Close log"] };
    },
    async readFrozenScorecard(period) {
      return host.frozen.get(period) ?? null;
    },
    async scorecardPeriods() {
      const last = host.calls.outputs[host.calls.outputs.length - 1];
      return last ? [...new Set(scorecardRows(last.evaluation).map((r) => r.period))].sort() : [];
    },
    async readTracking() {
      if (!host.trackingValues) return { months: [], notes: [] };
      const read = workbookLayouts.readTracking(host.trackingValues);
      return {
        months: read.months,
        notes: [...read.notes].map(([key, note]) => {
          const [id, month] = key.split("\u0000");
          return { id, month, note };
        }),
      };
    },
    async writeTracking(request: TrackingRequest) {
      fail("writeTracking");
      host.calls.tracking.push(request);
      const layout = workbookLayouts.tracking(
        request,
        { sheets: host.sheets, plan: null, feedback: null },
        host.trackingValues
      );
      const sheet = layout.sheets[0];
      host.trackingValues = sheetValues(sheet);
      host.sheets = { ...host.sheets, tracking: sheet.name };
      return { sheets: [sheet.name], location: { sheet: sheet.name, row: 4, column: "A" } };
    },
    async writeYearToDate(request: YearToDateRequest) {
      fail("writeYearToDate");
      host.calls.yearToDate.push(request);
      const name = request.language === "zh-CN" ? "年度累计" : "Year to date";
      return { sheets: [name], location: { sheet: name, row: 1, column: "A" } };
    },
    async goToCell(location) {
      fail("goToCell");
      host.calls.goTo.push(location);
    },
    onSelectionChanged(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },

    // ---- issue 12 ---------------------------------------------------------------------------
    checkResult: null,
    checks: [],
    checkOptions: [],
    rewrites: [],
    platformName: undefined,
    browser: false,
    opened: [],
    spills: true,
    async checkOutputs(request: OutputRequest, options?: CheckOptions) {
      fail("checkOutputs");
      host.checks.push(request);
      host.checkOptions.push(options);
      return host.checkResult ?? agreeingCheck(request);
    },
    async rewriteAsValues(request: OutputRequest, role: SheetRole) {
      fail("rewriteAsValues");
      host.rewrites.push({ request, role });
      const name = host.checkResult?.sheets.find((s) => s.role === role)?.sheet ?? role;
      return { sheets: [name] };
    },
    platform: () => host.platformName,
    openBrowserWindow(url: string) {
      if (!host.browser) return false;
      host.opened.push(url);
      return true;
    },
    dynamicArrays: async () => host.spills,
    letters: null,
    async readTargetLetters() {
      return host.letters ? workbookLayouts.readTargetLetters(host.letters).entries : [];
    },
    async writeTargetLetters(request: TargetLettersRequest, options: WriteOptions = {}) {
      fail("writeTargetLetters");
      const r = targetLettersLayout(
        workbookLayouts,
        request,
        { sheets: host.sheets },
        host.letters,
        options.onProgress
      );
      const base = {
        written: r.layout ? r.written : [],
        problems: r.problems,
        changed: r.changed,
        lost: r.lost,
        signedChanged: r.signedChanged,
      };
      if (!r.layout) return { sheets: [], ...base };
      const sheet = r.layout.sheets[0];
      host.letters = sheetValues(sheet);
      host.sheets = { ...host.sheets, target_letters: sheet.name };
      return {
        sheets: [sheet.name],
        location: { sheet: sheet.name, row: 1, column: "A" },
        ...base,
      };
    },
  };
  return host;
}

/** A plan workbook whose Data sheet holds the sample export imported with the default plan. */
export function hostWithSampleData(
  options: Omit<MemoryHostOptions, "plan" | "data"> = {},
  table: CellTable = fixtureTable()
): MemoryHost {
  const plan = defaultPlan();
  const host = memoryHost({ ...options, plan });
  const header = host.data!.header;
  const { mapping } = mapColumns(table, plan);
  host.data = {
    sheet: "Data",
    headerRow: 1,
    header,
    rows: importRows(table, mapping, header, plan).rows,
  };
  return host;
}

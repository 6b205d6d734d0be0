/**
 * Period close in the workbook: the Close log sheet (结账记录) and a closed period's frozen
 * scorecard, with the readers that bring both back.
 *
 * The Close log is an add-in sheet with one row per event — a period closed or reopened — and
 * the stamp of each close (who, when, plan name, version, effective date and checksum, input
 * checksum, rows, people, the frozen sheet). Beside it, two tables the add-in reads back: each
 * close's input checksum per salesperson (one row each, so no cell nears Excel's 32,767-character
 * limit however many people there are), and the plan the period was closed with, as canonical
 * JSON cut into cells of at most 30,000 characters, so a closed period can be recomputed with its
 * own plan after the plan changes (statements, catch-up).
 *
 * A frozen scorecard is the Scorecard layout in the values style for the closed period, on its own
 * sheet ("评分卡 2024-Q1", role closed_2024_q1) under a stamp block: nothing on it recalculates,
 * so no later change to the plan or the data changes it.
 */
import type { CellInput } from "../engine/coerce";
import type { Language } from "../engine/messages";
import type { Plan } from "../engine/plan/model";
import type { Evaluation } from "../engine/evaluate/evaluate";
import type { ClosedPayLine, PeriodStamp } from "../engine/close";
import { canonicalJson } from "../engine/close";
import { Grid } from "./grid";
import type { DataRecords } from "./data-sheet";
import type { RangeRef, SheetLayout, SheetRole, StyleSpec } from "./layout";
import { closedRole, sheet as emptySheet } from "./layout";
import { outputLayout, OUTPUT_WORDS } from "./output";
import { shownPeriod } from "./sheets/context";
import type { Words } from "./text";
import { isWords, say, SHEET_NAMES } from "./text";

export type CloseAction = "close" | "reopen";

/** One row of the Close log. */
export interface CloseEvent {
  /** 1-based, in the order the events happened; the detail tables refer to it. */
  no: number;
  action: CloseAction;
  period: string;
  /** ISO date and time (UTC). */
  at: string;
  by: string;
  planName: string;
  planVersion: string;
  effectiveDate: string;
  planChecksum: string;
  inputChecksum: string;
  rows: number;
  people: number;
  /** The frozen scorecard's sheet (a close). */
  sheet: string;
  /** Why (a reopen). */
  note: string;
}

export interface CloseLog {
  events: CloseEvent[];
  /** Per close (by event number): each salesperson's input checksum. */
  people: Map<number, Record<string, string>>;
  /** Per close (by event number): the plan it was closed with, as canonical JSON. */
  plans: Map<number, string>;
}

export function emptyCloseLog(): CloseLog {
  return { events: [], people: new Map(), plans: new Map() };
}

/** Cells of plan text: Excel holds at most 32,767 characters in a cell. */
export const PLAN_PART_CHARS = 30000;

const W = {
  title: { en: "Close log", zh: "结账记录" },
  intro: {
    en: "Written by the add-in when a period is closed or reopened; it reads these tables back. Do not edit them.",
    zh: "由加载项在结账或重新开放期间时写入，加载项会读回这些表格，请勿修改。",
  },
  no: { en: "No.", zh: "序号" },
  period: { en: "Period", zh: "期间" },
  action: { en: "Action", zh: "操作" },
  by: { en: "By", zh: "操作人" },
  at: { en: "At (UTC)", zh: "时间（UTC）" },
  plan: { en: "Plan", zh: "方案" },
  version: { en: "Version", zh: "版本" },
  effective: { en: "Effective date", zh: "生效日期" },
  planChecksum: { en: "Plan checksum", zh: "方案校验码" },
  inputChecksum: { en: "Input checksum", zh: "输入校验码" },
  rows: { en: "Data rows", zh: "数据行数" },
  people: { en: "Salespeople", zh: "人数" },
  sheet: { en: "Frozen scorecard", zh: "冻结评分卡" },
  note: { en: "Note", zh: "说明" },
  peopleTitle: { en: "Input checksums by salesperson", zh: "各销售人员输入校验码" },
  id: { en: "Employee ID", zh: "员工编号" },
  checksum: { en: "Checksum", zh: "校验码" },
  plansTitle: { en: "Plan at close (JSON)", zh: "结账时的方案（JSON）" },
  part: { en: "Part", zh: "分段" },
  text: { en: "Plan JSON", zh: "方案 JSON" },
  close: { en: "closed", zh: "结账" },
  reopen: { en: "reopened", zh: "重新开放" },
  frozenTitle: {
    en: "Scorecard · {period} · closed (values frozen)",
    zh: "评分卡 · {period} · 已结账（数值已冻结）",
  },
  frozenWho: {
    en: "Closed by {by} at {at} UTC · plan “{plan}” version {version} (effective {effective})",
    zh: "结账人：{by} · 结账时间：{at}（UTC）· 方案“{plan}”版本 {version}（生效日期 {effective}）",
  },
  frozenSums: {
    en: "Plan checksum {plan} · input checksum {input} · {people} salespeople, {rows} data rows",
    zh: "方案校验码 {plan} · 输入校验码 {input} · {people} 名销售人员，{rows} 行数据",
  },
  frozenNote: {
    en: "Values only: nothing here recalculates. The Close log keeps this stamp; the add-in warns when this period's inputs change.",
    zh: "仅数值，不会重新计算。结账记录保存本戳记；本期间的输入数据变化时，加载项会提示。",
  },
} as const satisfies Record<string, Words>;

/** Columns of the three tables (0-based). */
const EVENTS_AT = 0;
const EVENT_COLUMNS = [
  W.no,
  W.period,
  W.action,
  W.by,
  W.at,
  W.plan,
  W.version,
  W.effective,
  W.planChecksum,
  W.inputChecksum,
  W.rows,
  W.people,
  W.sheet,
  W.note,
] as const;
const PEOPLE_AT = EVENT_COLUMNS.length + 1;
const PLANS_AT = PEOPLE_AT + 4;
const HEADER_ROW = 3;
/** Rows above the frozen scorecard's own header. */
export const FROZEN_STAMP_ROWS = 5;

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** The plan as the Close log keeps it, cut into cells. */
export function planParts(plan: Plan): string[] {
  const text = canonicalJson(plan);
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += PLAN_PART_CHARS)
    parts.push(text.slice(i, i + PLAN_PART_CHARS));
  return parts;
}

/** The Close log sheet for a log. */
export function closeLogSheet(
  log: CloseLog,
  language: Language,
  name = say(SHEET_NAMES.close_log, language)
): SheetLayout {
  const L = (w: Words) => say(w, language);
  const s = emptySheet("close_log", name, "output");
  const g = new Grid();
  g.set(0, 0, L(W.title));
  g.set(1, 0, L(W.intro));
  g.set(HEADER_ROW - 1, PEOPLE_AT, L(W.peopleTitle));
  g.set(HEADER_ROW - 1, PLANS_AT, L(W.plansTitle));
  g.line(HEADER_ROW, EVENTS_AT, EVENT_COLUMNS.map(L));
  g.line(HEADER_ROW, PEOPLE_AT, [L(W.no), L(W.id), L(W.checksum)]);
  g.line(HEADER_ROW, PLANS_AT, [L(W.no), L(W.part), L(W.text)]);
  log.events.forEach((e, i) =>
    g.line(HEADER_ROW + 1 + i, EVENTS_AT, [
      e.no,
      e.period,
      L(e.action === "close" ? W.close : W.reopen),
      e.by,
      e.at,
      e.planName,
      e.planVersion,
      e.effectiveDate,
      e.planChecksum,
      e.inputChecksum,
      e.rows,
      e.people,
      e.sheet,
      e.note,
    ])
  );
  let r = HEADER_ROW + 1;
  for (const e of log.events) {
    const people = log.people.get(e.no);
    if (!people) continue;
    for (const id of Object.keys(people).sort()) g.line(r++, PEOPLE_AT, [e.no, id, people[id]]);
  }
  r = HEADER_ROW + 1;
  for (const e of log.events) {
    const text = log.plans.get(e.no);
    if (text === undefined) continue;
    for (let i = 0, part = 1; i < text.length; i += PLAN_PART_CHARS, part++)
      g.line(r++, PLANS_AT, [e.no, part, text.slice(i, i + PLAN_PART_CHARS)]);
  }
  s.blocks.push(g.block());
  const widths = [6, 10, 9, 12, 20, 22, 9, 12, 18, 18, 9, 9, 16, 30];
  s.columns = [
    ...widths.map((width) => ({ width, numberFormat: "@" })),
    { width: 3 },
    { width: 6 },
    { width: 12, numberFormat: "@" },
    { width: 18, numberFormat: "@" },
    { width: 3 },
    { width: 6, hidden: true },
    { width: 6, hidden: true },
    { width: 40, hidden: true },
  ];
  for (const c of [0, 10, 11]) s.columns[c] = { width: widths[c], numberFormat: "0" };
  const header = (column: number, columns: number): StyleSpec => ({
    range: { row: HEADER_ROW, column, rows: 1, columns },
    bold: true,
    fill: "#DDEBF7",
    border: "bottom",
    wrap: true,
  });
  s.styles = [
    { range: { row: 0, column: 0, rows: 1, columns: 1 }, bold: true, fontSize: 14 },
    { range: { row: 1, column: 0, rows: 1, columns: 1 }, italic: true, fontColor: "#595959" },
    { range: { row: HEADER_ROW - 1, column: PEOPLE_AT, rows: 1, columns: 1 }, bold: true },
    header(EVENTS_AT, EVENT_COLUMNS.length),
    header(PEOPLE_AT, 3),
    header(PLANS_AT, 3),
  ];
  s.freeze = { rows: HEADER_ROW + 1, columns: 2 };
  s.tabColor = "#7030A0";
  return s;
}

function str(c: CellInput): string {
  return c === null || c === undefined ? "" : String(c).trim();
}

function int(c: CellInput): number | null {
  const n = typeof c === "number" ? c : /^\d+$/.test(str(c)) ? Number(str(c)) : NaN;
  return Number.isInteger(n) && n >= 0 ? n : null;
}

export interface CloseLogReading {
  log: CloseLog;
  /** What could not be read (a row, a table): the pane refuses to add to a log it cannot read. */
  problems: { row: number; column: number; text: string }[];
}

/** The Close log back from its values (from A1), in either language. */
export function readCloseLog(values: readonly (readonly CellInput[])[]): CloseLogReading {
  const log = emptyCloseLog();
  const problems: CloseLogReading["problems"] = [];
  const h = values.findIndex(
    (line) => isWords(line[EVENTS_AT], W.no) && isWords(line[EVENTS_AT + 1], W.period)
  );
  if (h < 0) {
    problems.push({ row: 0, column: 0, text: "header" });
    return { log, problems };
  }
  const header = values[h];
  const starts = header.map((c, i) => (isWords(c, W.no) ? i : -1)).filter((i) => i >= 0);
  const at = (w: Words, from: number, to: number) => {
    for (let i = from; i < to; i++) if (isWords(header[i], w)) return i;
    return -1;
  };
  const [e0, p0, q0] = [starts[0], starts[1] ?? -1, starts[2] ?? -1];
  const eEnd = p0 > e0 ? p0 : header.length;
  const col = Object.fromEntries(
    (
      [
        ["period", W.period],
        ["action", W.action],
        ["by", W.by],
        ["at", W.at],
        ["plan", W.plan],
        ["version", W.version],
        ["effective", W.effective],
        ["planChecksum", W.planChecksum],
        ["inputChecksum", W.inputChecksum],
        ["rows", W.rows],
        ["people", W.people],
        ["sheet", W.sheet],
        ["note", W.note],
      ] as const
    ).map(([k, w]) => [k, at(w, e0, eEnd)])
  ) as Record<string, number>;
  for (const k of ["period", "action", "planChecksum", "inputChecksum"])
    if (col[k] < 0) problems.push({ row: h, column: e0, text: k });
  if (problems.length) return { log, problems };
  for (let r = h + 1; r < values.length; r++) {
    const line = values[r] ?? [];
    const cell = (k: string) => (col[k] >= 0 ? line[col[k]] : null);
    if (str(line[e0]) === "" && str(cell("period")) === "") continue;
    const no = int(line[e0]);
    const action = isWords(cell("action"), W.close)
      ? "close"
      : isWords(cell("action"), W.reopen)
        ? "reopen"
        : null;
    if (no === null || action === null || str(cell("period")) === "") {
      problems.push({ row: r, column: no === null ? e0 : col.action, text: str(line[e0]) });
      continue;
    }
    log.events.push({
      no,
      action,
      period: str(cell("period")),
      at: str(cell("at")),
      by: str(cell("by")),
      planName: str(cell("plan")),
      planVersion: str(cell("version")),
      effectiveDate: str(cell("effective")),
      planChecksum: str(cell("planChecksum")),
      inputChecksum: str(cell("inputChecksum")),
      rows: int(cell("rows")) ?? 0,
      people: int(cell("people")) ?? 0,
      sheet: str(cell("sheet")),
      note: str(cell("note")),
    });
  }
  if (p0 >= 0)
    for (let r = h + 1; r < values.length; r++) {
      const line = values[r] ?? [];
      const no = int(line[p0]);
      const id = str(line[p0 + 1]);
      if (no === null || id === "") continue;
      const m = log.people.get(no) ?? {};
      m[id] = str(line[p0 + 2]);
      log.people.set(no, m);
    }
  if (q0 >= 0) {
    const parts = new Map<number, { part: number; text: string }[]>();
    for (let r = h + 1; r < values.length; r++) {
      const line = values[r] ?? [];
      const no = int(line[q0]);
      const part = int(line[q0 + 1]);
      if (no === null || part === null) continue;
      const list = parts.get(no) ?? [];
      list.push({
        part,
        text: line[q0 + 2] === null || line[q0 + 2] === undefined ? "" : String(line[q0 + 2]),
      });
      parts.set(no, list);
    }
    for (const [no, list] of parts)
      log.plans.set(
        no,
        list
          .sort((a, b) => a.part - b.part)
          .map((x) => x.text)
          .join("")
      );
  }
  log.events.sort((a, b) => a.no - b.no);
  return { log, problems };
}

/** The periods whose last event is a close, with that close. */
export function closedPeriods(log: CloseLog): Map<string, CloseEvent> {
  const out = new Map<string, CloseEvent>();
  for (const e of log.events) {
    if (e.action === "close") out.set(e.period, e);
    else out.delete(e.period);
  }
  return out;
}

/** The engine's stamp of a close, as the log keeps it. */
export function stampOf(log: CloseLog, e: CloseEvent): PeriodStamp {
  return {
    period: e.period,
    planName: e.planName,
    planVersion: e.planVersion,
    planChecksum: e.planChecksum,
    inputChecksum: e.inputChecksum,
    personChecksums: log.people.get(e.no) ?? {},
    closedAt: e.at,
    closedBy: e.by,
    rows: e.rows,
  };
}

/** The plan a close recorded, or null when the log holds none (or it does not parse). */
export function planOf(log: CloseLog, e: CloseEvent): Plan | null {
  const text = log.plans.get(e.no);
  if (!text) return null;
  try {
    return JSON.parse(text) as Plan;
  } catch {
    return null;
  }
}

/** The log with one more event (numbered after the last) and its details. */
export function withEvent(
  log: CloseLog,
  event: Omit<CloseEvent, "no">,
  details: { people?: Record<string, string>; plan?: Plan } = {}
): CloseLog {
  const no = log.events.reduce((m, e) => Math.max(m, e.no), 0) + 1;
  const people = new Map(log.people);
  const plans = new Map(log.plans);
  if (details.people) people.set(no, details.people);
  if (details.plan) plans.set(no, canonicalJson(details.plan));
  return { events: [...log.events, { ...event, no }], people, plans };
}

// ---------------------------------------------------------------------------------------------
// Frozen scorecards
// ---------------------------------------------------------------------------------------------

/** The name a period's frozen scorecard gets: "评分卡 2024-Q1". */
export function frozenSheetName(period: string, language: Language): string {
  return `${say(SHEET_NAMES.scorecard, language)} ${period}`;
}

function shiftRange(r: RangeRef, k: number): RangeRef {
  return { ...r, row: r.row + k };
}

/** A sheet layout moved down by k rows. */
function shiftRows(s: SheetLayout, k: number): SheetLayout {
  return {
    ...s,
    blocks: s.blocks.map((b) => ({ ...b, row: b.row + k })),
    tables: s.tables.map((t) => ({ ...t, range: shiftRange(t.range, k) })),
    validations: s.validations.map((v) => ({ ...v, range: shiftRange(v.range, k) })),
    styles: s.styles.map((x) => ({ ...x, range: shiftRange(x.range, k) })),
    merges: s.merges.map((m) => shiftRange(m, k)),
    charts: s.charts.map((c) => ({
      ...c,
      categories: shiftRange(c.categories, k),
      series: c.series.map((x) => ({ ...x, values: shiftRange(x.values, k) })),
      anchor: shiftRange(c.anchor, k),
    })),
    dataBars: s.dataBars?.map((d) => ({ ...d, range: shiftRange(d.range, k) })),
    freeze: s.freeze ? { ...s.freeze, rows: s.freeze.rows + k } : undefined,
    print: s.print
      ? {
          ...s.print,
          area: shiftRange(s.print.area, k),
          rowBreaks: s.print.rowBreaks.map((b) => b + k),
          titleRows: s.print.titleRows
            ? { first: s.print.titleRows.first + k, last: s.print.titleRows.last + k }
            : undefined,
        }
      : undefined,
  };
}

export interface FrozenScorecardRequest {
  plan: Plan;
  /** The period's evaluation (all teams), as Generate runs it for that period. */
  evaluation: Evaluation;
  /** The records it was run on. */
  inputs: DataRecords;
  language: Language;
  stamp: PeriodStamp;
  /** The sign-offs as closed (and an override), in words: shown under the stamp. */
  note?: string;
  /** Sheet names in use, by role. */
  sheetNames?: Partial<Record<SheetRole, string>>;
  name?: string;
}

/** A closed period's scorecard as values, under its stamp, on its own sheet. */
export function frozenScorecardSheet(r: FrozenScorecardRequest): SheetLayout {
  const L = (w: Words) => say(w, r.language);
  const out = outputLayout(r.plan, r.evaluation, r.inputs, "values", r.language, {
    sheetNames: r.sheetNames,
  });
  const sc = out.sheets.find((s) => s.role === "scorecard")!;
  const s = shiftRows(sc, FROZEN_STAMP_ROWS);
  s.role = closedRole(r.stamp.period);
  s.name = r.name ?? frozenSheetName(r.stamp.period, r.language);
  const st = r.stamp;
  const g = new Grid();
  const lines = [
    fill(L(W.frozenTitle), {
      period: shownPeriod(st.period, r.language),
    }),
    fill(L(W.frozenWho), {
      by: st.closedBy,
      at: st.closedAt.slice(0, 16).replace("T", " "),
      plan: st.planName,
      version: st.planVersion,
      effective: r.plan.effectiveDate,
    }),
    fill(L(W.frozenSums), {
      plan: st.planChecksum,
      input: st.inputChecksum,
      people: Object.keys(st.personChecksums).length,
      rows: st.rows,
    }),
    r.note ? `${L(W.frozenNote)} ${r.note}` : L(W.frozenNote),
  ];
  lines.forEach((t, i) => g.set(i, 0, t));
  s.blocks = [g.block(), ...s.blocks];
  const width = Math.min(14, sc.columns.length);
  s.merges = [
    ...lines.map((_, i) => ({ row: i, column: 0, rows: 1, columns: width })),
    ...s.merges,
  ];
  s.styles = [
    {
      range: { row: 0, column: 0, rows: 1, columns: width },
      bold: true,
      fontSize: 14,
      fill: "#E2EFDA",
    },
    {
      range: { row: 1, column: 0, rows: 3, columns: width },
      fontColor: "#375623",
      fill: "#E2EFDA",
    },
    ...s.styles,
  ];
  s.tabColor = "#548235";
  return s;
}

/** The pay lines a frozen (values) scorecard holds, read back by its header in either language. */
export function readFrozenScorecard(values: readonly (readonly CellInput[])[]): {
  lines: ClosedPayLine[];
  periods: string[];
} | null {
  const T = OUTPUT_WORDS;
  const h = values.findIndex(
    (line) => line.some((c) => isWords(c, T.id)) && line.some((c) => isWords(c, T.totalPay))
  );
  if (h < 0) return null;
  const header = values[h];
  const col = (w: Words) => header.findIndex((c) => isWords(c, w));
  const c = {
    id: col(T.id),
    name: col(T.name),
    team: col(T.team),
    period: col(T.period),
    base: col(T.base),
    perfPay: col(T.perfPay),
    commission: col(T.commission),
    bonus: col(T.bonus),
    totalPay: col(T.totalPay),
  };
  if (Object.values(c).some((i) => i < 0)) return null;
  // pay lines a plan or run may not have (team commission, the new-hire guarantee, appeals): 0 where absent
  const optional = {
    team: col(T.teamCommission),
    topUp: col(T.guaranteeTopUp),
    recovered: col(T.guaranteeRecovered),
    appeal: col(T.appealAdjustment),
  };
  const num = (v: CellInput) => (typeof v === "number" && Number.isFinite(v) ? v : 0);
  const at = (line: readonly CellInput[], i: number) => (i < 0 ? 0 : num(line[i]));
  const lines: ClosedPayLine[] = [];
  const periods = new Set<string>();
  for (let r = h + 1; r < values.length; r++) {
    const line = values[r] ?? [];
    const id = str(line[c.id]);
    const period = str(line[c.period]);
    if (id === "" || period === "") continue; // the weights line, blank lines
    periods.add(period);
    // a row that could not be paid at close (no total) paid nothing
    const paid = typeof line[c.totalPay] === "number";
    lines.push({
      id,
      name: str(line[c.name]),
      team: str(line[c.team]),
      period,
      base: paid ? num(line[c.base]) : 0,
      performancePay: paid ? num(line[c.perfPay]) : 0,
      commission: paid ? num(line[c.commission]) : 0,
      teamCommission: paid ? at(line, optional.team) : 0,
      guarantee: paid ? at(line, optional.topUp) - at(line, optional.recovered) : 0,
      bonus: paid ? num(line[c.bonus]) : 0,
      appeal: paid ? at(line, optional.appeal) : 0,
      totalPay: num(line[c.totalPay]),
    });
  }
  return { lines, periods: [...periods] };
}

/** The evaluation periods a (live) Scorecard sheet holds, by its period column. */
export function readScorecardPeriods(values: readonly (readonly CellInput[])[]): string[] {
  const T = OUTPUT_WORDS;
  const h = values.findIndex(
    (line) => line.some((c) => isWords(c, T.id)) && line.some((c) => isWords(c, T.period))
  );
  if (h < 0) return [];
  const id = values[h].findIndex((c) => isWords(c, T.id));
  const p = values[h].findIndex((c) => isWords(c, T.period));
  const out = new Set<string>();
  for (let r = h + 1; r < values.length; r++) {
    const line = values[r] ?? [];
    if (str(line[id]) !== "" && str(line[p]) !== "") out.add(str(line[p]));
  }
  return [...out].sort();
}

/**
 * The output sheets, as formulas over the Plan, Data and Feedback sheets (or PERF.* formulas, or
 * values only), each formula cell carrying the engine's value as its cached result:
 *
 * - Monthly data (月度数据): the Data sheet's cells the engine read, one row per salesperson and
 *   month, checked as the reader checks them (blank → "", unreadable → error) and guarded against
 *   the Data rows moving;
 * - Commission (提成明细): the monthly ledger — basis, tiers, gate, cap, share paid now and
 *   deferred, clawbacks carried forward, the month's pay lines, the year-end settlement;
 * - Scorecard (评分卡): one row per salesperson and evaluation period — each indicator's score,
 *   each dimension's, the total, grade, coefficient and pay lines (the Commission rows summed),
 *   status; to the right, the working (period values, actual, target, attainment);
 * - Annual (年度评价): where the data covers a year — weighted period totals and annual 360,
 *   annual grade, bonus and the settlement of deferred commission;
 * - Summary (汇总, summary.ts).
 *
 * Rows of the output sheets are the engine's rows in the engine's order (by id, then period), so
 * a period's months are contiguous rows of the monthly sheets and are referenced as a range.
 */
import type { Issue } from "../engine/issues";
import { formatIssue } from "../engine/issues";
import type { Language, MessageKey } from "../engine/messages";
import type { Indicator, Plan } from "../engine/plan/model";
import { PAY_FIELDS, ratingScale } from "../engine/plan/model";
import {
  PERCENT_NUMBER_THRESHOLD,
  PERCENT_TYPED_LIMIT,
  plausibleLimit,
} from "../engine/import/quantity";
import type { FeedbackRating, SourceRef } from "../engine/records";
import type { Evaluation } from "../engine/evaluate/evaluate";
import type { Grading } from "../engine/evaluate/grading";
import { explain, type ScorecardTrace } from "../engine/evaluate/explain";
import { annualRows, monthRows, scorecardRows } from "../engine/evaluate/rows";
import type { Frame } from "../engine/evaluate/frame";
import { quoteSheet, range as a1range, cell as a1cell, str } from "./a1";
import { DataRecords, FeedbackColumns, defaultFeedbackColumns, fieldFormat } from "./data-sheet";
import { mayBeNegative } from "../engine/records";
import {
  cellMaker,
  ERR,
  fallsShort,
  FormulaStyle,
  numOr,
  plusTol,
  reaches,
  type Value,
} from "./formula";
import { Grid } from "./grid";
import type { Cell, ColumnSpec, SheetLayout, SheetRole, StyleSpec, WorkbookLayout } from "./layout";
import { sheet as emptySheet } from "./layout";
import { anchorRef, PLAN_NAMES, planSheet, PlanAnchors, Pos, settingName } from "./plan-sheet";
import { summarySheet } from "./summary";
import type { Words } from "./text";
import { enumText, say, SHEET_NAMES } from "./text";

export type { FormulaStyle };

/** Header words of the output sheets (readers of a frozen scorecard find its columns by them). */
export { T as OUTPUT_WORDS };

export interface OutputOptions {
  /** Where the Plan sheet's parameters are (readPlanSheet gives them); default: planSheet's layout. */
  anchors?: PlanAnchors;
  /** Where the ratings are (readFeedbackSheet gives them); default: feedbackSheet's layout. */
  feedback?: FeedbackColumns;
  /** Sheet names in use, by role (default: the language's names). */
  sheetNames?: Partial<Record<SheetRole, string>>;
}

const MONEY = "#,##0.00";
const SCORE = "0.00";
const PCT = "0.0%";
const HEADER_FILL = "#DDEBF7";
const WORK_FILL = "#F2F2F2";
const RESULT_FILL = "#FFF2CC";

/** Engine cell states (evaluate/frame.ts CellState). */
const OK = 0;
const INVALID = 2;
const ABSENT = 3;

/** The month rows [first, last] an evaluation or year row was built from (contiguous in the month frame). */
function monthSpan(frame: Frame, r: number): [number, number] {
  const f = frame as unknown as {
    first?: Int32Array;
    end?: Int32Array;
    members?: ArrayLike<number>[];
  };
  if (f.first && f.end) return [f.first[r], f.end[r] - 1];
  const m = f.members![r];
  return [m[0], m[m.length - 1]];
}

function sourceOf(frame: Frame, r: number): SourceRef {
  const s = frame.sources[r] as SourceRef | SourceRef[];
  return Array.isArray(s) ? s[0] : s;
}

/** Everything the sheet builders share. */
interface Ctx {
  plan: Plan;
  ev: Evaluation;
  lang: Language;
  style: FormulaStyle;
  A: PlanAnchors;
  fb: FeedbackColumns;
  names: Record<SheetRole, string>;
  fx: (formula: string, value: Value) => Cell;
  L: (w: Words) => string;
  /** Plan cell reference. */
  P: (p: Pos) => string;
  fieldIndex: Map<string, number>;
  /** Indicators in display order (grouped by dimension). */
  order: number[];
  mc: MonthCols;
  cc: CommissionCols;
  sc: ScorecardCols;
  /** Scorecard sheet row of each evaluation row. */
  periodRow: (r: number) => number;
  /** Monthly sheets' row of each month row. */
  monthRow: (m: number) => number;
  traces: ScorecardTrace[];
}

// ---------------------------------------------------------------------------------------------
// Column maps
// ---------------------------------------------------------------------------------------------

class Cols {
  readonly list: { key: string; header: string; spec: ColumnSpec; work?: boolean }[] = [];
  readonly at = new Map<string, number>();
  add(key: string, header: string, spec: ColumnSpec = {}, work = false): number {
    const i = this.list.length;
    this.list.push({ key, header, spec, work });
    this.at.set(key, i);
    return i;
  }
  has(key: string): boolean {
    return this.at.has(key);
  }
  get(key: string): number {
    const i = this.at.get(key);
    if (i === undefined) throw new Error(`no column ${key}`);
    return i;
  }
}

type MonthCols = Cols;
type CommissionCols = Cols;
type ScorecardCols = Cols;

const T = {
  id: { en: "Employee ID", zh: "员工编号" },
  name: { en: "Name", zh: "姓名" },
  team: { en: "Team", zh: "部门" },
  month: { en: "Month", zh: "月份" },
  period: { en: "Period", zh: "考核期间" },
  year: { en: "Year", zh: "年度" },
  months: { en: "Months", zh: "月数" },
  dataRow: { en: "Data row", zh: "数据行" },
  check: { en: "Row check", zh: "行核对" },
  unique: { en: "Only row of the month", zh: "当月唯一" },
  total: { en: "Total score", zh: "总分" },
  grade: { en: "Grade", zh: "等级" },
  coefficient: { en: "Coefficient", zh: "绩效系数" },
  base: { en: "Base pay", zh: "基本工资" },
  perfStd: { en: "Performance pay standard", zh: "绩效工资基数" },
  perfPay: { en: "Performance pay", zh: "绩效工资" },
  commission: { en: "Commission", zh: "销售提成" },
  bonus: { en: "Bonus / adjustments", zh: "奖金/奖惩" },
  totalPay: { en: "Total pay", zh: "应发合计" },
  status: { en: "Status", zh: "状态" },
  weightRow: { en: "Weight", zh: "权重" },
  basis: { en: "Commission basis", zh: "提成基数" },
  signed: { en: "Signed", zh: "签约额" },
  target: { en: "Sales target", zh: "销售目标" },
  attainment: { en: "Attainment", zh: "完成率" },
  ok: { en: "Computable", zh: "可计算" },
  scale: { en: "Bound scale", zh: "阶梯倍数" },
  amount: { en: "Amount for tiers", zh: "计提金额" },
  gross: { en: "Tiered commission", zh: "阶梯提成" },
  gate: { en: "Gate open", zh: "达到门槛" },
  capped: { en: "Capped", zh: "封顶" },
  earned: { en: "Earned", zh: "应计提成" },
  paidNow: { en: "Paid this month", zh: "当月发放" },
  deferred: { en: "Deferred", zh: "递延" },
  clawback: { en: "Clawback", zh: "退款追回" },
  opening: { en: "Clawback owed (opening)", zh: "期初待追回" },
  recovered: { en: "Recovered", zh: "本月追回" },
  balance: { en: "Clawback owed (closing)", zh: "期末待追回" },
  net: { en: "Commission paid", zh: "实发提成" },
  daysWorked: { en: "Days worked", zh: "出勤天数" },
  daysInMonth: { en: "Days in month", zh: "当月天数" },
  share: { en: "Share of month", zh: "出勤比例" },
  baseSalary: { en: "Base salary (full)", zh: "基本工资标准" },
  perfFull: { en: "Performance standard (full)", zh: "绩效工资标准" },
  perfMonth: { en: "Performance standard", zh: "绩效工资基数" },
  adjustment: { en: "Adjustment", zh: "奖惩调整" },
  yDeferred: { en: "Year end: deferred", zh: "年终：递延合计" },
  yRecovered: { en: "Year end: clawback recovered", zh: "年终：追回" },
  ySettlement: { en: "Year end: settlement", zh: "年终：结算发放" },
  yOutstanding: { en: "Year end: clawback still owed", zh: "年终：仍待追回" },
  actual: { en: "actual", zh: "实际" },
  targetOf: { en: "target", zh: "目标" },
  attainmentOf: { en: "attainment", zh: "完成率" },
  segment: { en: "curve segment", zh: "曲线段" },
  fbSuperior: { en: "360 superior (mean)", zh: "360 上级均分" },
  fbPeer: { en: "360 peers (mean)", zh: "360 同事均分" },
  fbCustomer: { en: "360 customers (mean)", zh: "360 客户均分" },
  fbScore: { en: "Annual 360", zh: "年度360评价" },
  matrixAttainment: { en: "Matrix: sales attainment", zh: "矩阵：销售完成率" },
  matrixCollection: { en: "Matrix: collection rate", zh: "矩阵：回款率" },
  rank: { en: "Rank in group", zh: "组内排名" },
  groupSize: { en: "Graded in group", zh: "组内评级人数" },
  bonusStandard: { en: "Bonus standard", zh: "奖金基数" },
  annualBonus: { en: "Annual bonus", zh: "年度奖金" },
  settlement: { en: "Deferred commission settled", zh: "递延提成结算" },
  outstanding: { en: "Clawback still owed", zh: "仍待追回" },
  payout: { en: "Year-end payout", zh: "年终发放合计" },
  working: { en: "Working", zh: "计算过程" },
  planVersion: { en: "Plan version", zh: "方案版本" },
} as const satisfies Record<string, Words>;

function fieldName(plan: Plan, key: string, lang: Language): string {
  const f = plan.fields.find((x) => x.key === key);
  return f ? say(f.name, lang) : key;
}

function indicatorFields(ind: Indicator): string[] {
  const i = ind.input;
  switch (i.kind) {
    case "field":
      return [i.field];
    case "ratio":
      return [i.numerator, i.denominator];
    case "growth":
      return [i.current, i.prior];
    case "sum":
      return i.fields;
    case "feedback":
      return [];
  }
}

function usesTarget(ind: Indicator): boolean {
  return (
    ind.scoring.method === "linear" ||
    (ind.scoring.method === "curve" && ind.scoring.on === "attainment")
  );
}

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

/**
 * The output sheets for an evaluation. `inputs` are the records the evaluation was run on (their
 * sources locate the Data cells the formulas read; their issues add reading problems to the
 * monthly status).
 */
export function outputLayout(
  plan: Plan,
  ev: Evaluation,
  inputs: DataRecords,
  style: FormulaStyle,
  language: Language,
  options: OutputOptions = {}
): WorkbookLayout {
  const names = {} as Record<SheetRole, string>;
  for (const [role, w] of Object.entries(SHEET_NAMES) as [SheetRole, Words][])
    names[role] = options.sheetNames?.[role] ?? say(w, language);
  const A = options.anchors ?? planSheet(plan, language, names.plan).anchors;
  const fb = options.feedback ?? defaultFeedbackColumns(language, names.feedback);
  const L = (w: Words) => say(w, language);
  const fieldIndex = new Map(plan.fields.map((f, i) => [f.key, i]));
  const order: number[] = [];
  for (const d of plan.dimensions)
    plan.indicators.forEach((ind, i) => ind.dimension === d.key && order.push(i));
  const pf = ev.periods.frame;
  const ctx: Ctx = {
    plan,
    ev,
    lang: language,
    style,
    A,
    fb,
    names,
    fx: cellMaker(style),
    L,
    P: (p) => anchorRef(A, p),
    fieldIndex,
    order,
    mc: new Cols(),
    cc: new Cols(),
    sc: new Cols(),
    periodRow: (r) => r + 2,
    monthRow: (m) => m + 1,
    traces: Array.from({ length: pf.n }, (_, r) => explain(ev, r)),
  };
  monthColumns(ctx);
  commissionColumns(ctx);
  scorecardColumns(ctx);
  const sheets: SheetLayout[] = [scorecardSheet(ctx), commissionSheet(ctx, inputs.issues ?? [])];
  const annual = annualSheet(ctx);
  if (annual) sheets.push(annual);
  const scRef = {
    sheet: names.scorecard,
    first: ctx.periodRow(0),
    last: ctx.periodRow(Math.max(0, pf.n - 1)),
    column: (k: string) => ctx.sc.get(k),
  };
  sheets.push(summarySheet(plan, ev, style, language, scRef, names));
  sheets.push(monthsSheet(ctx));
  return { language, sheets };
}

// ---------------------------------------------------------------------------------------------
// Monthly data
// ---------------------------------------------------------------------------------------------

function monthColumns(ctx: Ctx): void {
  const c = ctx.mc;
  const L = ctx.L;
  c.add("id", L(T.id), { width: 11 });
  c.add("name", L(T.name), { width: 9 });
  c.add("team", L(T.team), { width: 11 });
  c.add("month", L(T.month), { width: 9 });
  c.add("period", L(T.period), { width: 9 });
  c.add("year", L(T.year), { width: 6 });
  c.add("dataRow", L(T.dataRow), { width: 7, numberFormat: "0" });
  c.add("check", L(T.check), { width: 7 });
  c.add("unique", L(T.unique), { width: 7 });
  for (const f of ctx.plan.fields)
    c.add("f:" + f.key, L(f.name), { width: 12, numberFormat: fieldFormat(f.unit) });
}

/** The Monthly data cell of a field in a month row (relative reference when on the same sheet). */
function monthField(ctx: Ctx, key: string, m: number, sameSheet = false): string | null {
  const k = "f:" + key;
  if (!ctx.mc.has(k)) return null;
  // Relative: the Commission sheet's rows are the Monthly data rows, so a column of these
  // formulas reads alike (and spreadsheet programs parse it once).
  const cref = a1cell(ctx.monthRow(m), ctx.mc.get(k));
  return sameSheet ? cref : `${quoteSheet(ctx.names.months)}!${cref}`;
}

/** The Monthly data range of a field over a run of month rows. */
function monthFieldRange(ctx: Ctx, key: string, first: number, last: number): string {
  const col = ctx.mc.get("f:" + key);
  return `${quoteSheet(ctx.names.months)}!${a1range({ row: ctx.monthRow(first), column: col, rows: last - first + 1, columns: 1 }, true)}`;
}

function monthsSheet(ctx: Ctx): SheetLayout {
  const { plan, ev, fx } = ctx;
  const mf = ev.months.frame;
  const s = emptySheet("months", ctx.names.months, "output");
  const g = new Grid();
  const c = ctx.mc;
  g.line(
    0,
    0,
    c.list.map((x) => x.header)
  );
  const evalPeriod = (m: number) => {
    if (plan.periods.evaluation === "month") return mf.periods[m];
    const p = mf.periods[m];
    return `${p.slice(0, 4)}-Q${Math.floor((Number(p.slice(5, 7)) - 1) / 3) + 1}`;
  };
  const checkCol = c.get("check");
  for (let m = 0; m < mf.n; m++) {
    const row = ctx.monthRow(m);
    const src = sourceOf(mf, m);
    const ds = quoteSheet(src.sheet);
    const idCol = src.columns?.id;
    const periodCol = src.columns?.period;
    const line: Cell[] = [
      mf.ids[m],
      mf.names[m],
      mf.teams[m],
      mf.periods[m],
      evalPeriod(m),
      mf.periods[m].slice(0, 4),
      src.row,
    ];
    const conflict = mf.conflicts[m] !== 0;
    // The row check: the Data row still holds this person and month (rows not sorted or moved).
    if (!idCol || !periodCol) line.push(false);
    else
      line.push(
        fx(
          `AND(${ds}!${idCol}${src.row}=${a1cell(row, 0)},${ds}!${periodCol}${src.row}=${a1cell(row, 3)})`,
          true
        )
      );
    // Another Data row with other values for the same person and month: the engine scores the
    // month as read but pays and totals nothing until one of the two rows is corrected.
    const other = mf.conflicts[m];
    if (conflict && idCol && periodCol)
      line.push(
        fx(
          `OR(${ds}!${idCol}${other}<>${a1cell(row, 0)},${ds}!${periodCol}${other}<>${a1cell(row, 3)})`,
          false
        )
      );
    else line.push(true);
    const guard = `$${a1cell(row, checkCol).replace(/\d+$/, "")}${row + 1}`;
    plan.fields.forEach((f, k) => {
      const col = src.columns?.[f.key];
      const state = mf.states[k][m];
      if (!col || state === ABSENT) {
        // No such column in the data: an empty text (a reference to an empty cell would read 0).
        line.push(fx(`""`, ""));
        return;
      }
      const x = `${ds}!${col}${src.row}`;
      // the engine's reading of a number in a Data cell (engine/import/quantity.ts): a percentage
      // typed into a ratio cell (85) divided by 100, then its unit's limits
      const v =
        f.unit === "ratio"
          ? `IF(AND(ABS(${x}*1)>${PERCENT_NUMBER_THRESHOLD},ABS(${x}*1)<=${PERCENT_TYPED_LIMIT}),${x}/100,${x}*1)`
          : `${x}*1`;
      const bad: string[] = [];
      if (!mayBeNegative(f)) bad.push(`${v}<0`);
      bad.push(f.unit === "score" ? `${v}>100` : `ABS(${v})>${plausibleLimit(f)}`);
      if (f.unit === "count") bad.push(`${v}<>ROUND(${v},0)`);
      if (f.key === PAY_FIELDS.daysInPeriod) bad.push(`${v}<=0`);
      const checked =
        bad.length === 0
          ? v
          : `IF(${bad.length === 1 ? bad[0] : `OR(${bad.join(",")})`},#N/A,${v})`;
      const value: Value = state === INVALID ? ERR : state === OK ? mf.values[k][m] : "";
      line.push(fx(`IF(${guard},IF(${x}="","",${checked}),#N/A)`, value));
    });
    g.line(row, 0, line);
  }
  s.blocks.push(g.block());
  s.columns = c.list.map((x) => x.spec);
  s.freeze = { rows: 1, columns: 4 };
  s.styles = [
    {
      range: { row: 0, column: 0, rows: 1, columns: c.list.length },
      bold: true,
      fill: HEADER_FILL,
      wrap: true,
    },
  ];
  s.tabColor = "#A6A6A6";
  return s;
}

// ---------------------------------------------------------------------------------------------
// Commission ledger and monthly pay
// ---------------------------------------------------------------------------------------------

function commissionColumns(ctx: Ctx): void {
  const c = ctx.cc;
  const L = ctx.L;
  const plan = ctx.plan;
  const cm = plan.commission;
  const has = (k: string) => ctx.fieldIndex.has(k);
  c.add("id", L(T.id), { width: 11 });
  c.add("name", L(T.name), { width: 9 });
  c.add("team", L(T.team), { width: 11 });
  c.add("month", L(T.month), { width: 9 });
  c.add("period", L(T.period), { width: 9 });
  c.add(
    "basis",
    `${L(T.basis)}（${enumText("basis", cm.basis, ctx.lang)}）`
      .replace("（", ctx.lang === "zh-CN" ? "（" : " (")
      .replace("）", ctx.lang === "zh-CN" ? "）" : ")"),
    { width: 13, numberFormat: MONEY }
  );
  if (has(PAY_FIELDS.signed)) c.add("signed", L(T.signed), { width: 13, numberFormat: MONEY });
  if (has(PAY_FIELDS.salesTarget)) c.add("target", L(T.target), { width: 13, numberFormat: MONEY });
  if (has(PAY_FIELDS.signed) && has(PAY_FIELDS.salesTarget))
    c.add("attainment", L(T.attainment), { width: 9, numberFormat: PCT });
  c.add("ok", L(T.ok), { width: 8 });
  if (cm.boundType === "attainment") c.add("scale", L(T.scale), { width: 13, numberFormat: MONEY });
  c.add("amount", L(T.amount), { width: 13, numberFormat: MONEY });
  c.add("gross", L(T.gross), { width: 11, numberFormat: MONEY });
  if (cm.gate.minAttainment !== null || cm.gate.minGrade !== null)
    c.add("gate", L(T.gate), { width: 8 });
  if (cm.capPerMonth !== null) c.add("capped", L(T.capped), { width: 7 });
  c.add("earned", L(T.earned), { width: 11, numberFormat: MONEY });
  c.add("paidNow", L(T.paidNow), { width: 11, numberFormat: MONEY });
  c.add("deferred", L(T.deferred), { width: 10, numberFormat: MONEY });
  c.add("clawback", L(T.clawback), { width: 10, numberFormat: MONEY });
  c.add("opening", L(T.opening), { width: 11, numberFormat: MONEY });
  c.add("recovered", L(T.recovered), { width: 10, numberFormat: MONEY });
  c.add("balance", L(T.balance), { width: 11, numberFormat: MONEY });
  c.add("net", L(T.net), { width: 11, numberFormat: MONEY });
  if (plan.pay.prorate) {
    c.add("daysWorked", L(T.daysWorked), { width: 8, numberFormat: "0" });
    c.add("daysInMonth", L(T.daysInMonth), { width: 8, numberFormat: "0" });
  }
  c.add("share", L(T.share), { width: 8, numberFormat: "0.0%" });
  c.add("baseSalary", L(T.baseSalary), { width: 11, numberFormat: MONEY });
  c.add("base", L(T.base), { width: 11, numberFormat: MONEY });
  c.add("perfFull", L(T.perfFull), { width: 11, numberFormat: MONEY });
  c.add("perfStd", L(T.perfMonth), { width: 11, numberFormat: MONEY });
  c.add("adjustment", L(T.adjustment), { width: 10, numberFormat: MONEY });
  c.add("yDeferred", L(T.yDeferred), { width: 11, numberFormat: MONEY });
  c.add("yRecovered", L(T.yRecovered), { width: 11, numberFormat: MONEY });
  c.add("ySettlement", L(T.ySettlement), { width: 11, numberFormat: MONEY });
  c.add("yOutstanding", L(T.yOutstanding), { width: 11, numberFormat: MONEY });
  c.add("status", L(T.status), { width: 60 });
}

/** Commission sheet reference of a column in a month row. */
function comCell(ctx: Ctx, key: string, m: number, sameSheet: boolean): string {
  const ref = a1cell(ctx.monthRow(m), ctx.cc.get(key), !sameSheet);
  return sameSheet ? ref : `${quoteSheet(ctx.names.commission)}!${ref}`;
}

function comRange(ctx: Ctx, key: string, first: number, last: number, sameSheet = false): string {
  const r = a1range(
    { row: ctx.monthRow(first), column: ctx.cc.get(key), rows: last - first + 1, columns: 1 },
    !sameSheet
  );
  return sameSheet ? r : `${quoteSheet(ctx.names.commission)}!${r}`;
}

/** Tiered commission of `a` (a cell holding an amount ≥ 0) with bounds × scale. */
function tiersFormula(ctx: Ctx, a: string, scale: string | null): string {
  const { A, P, plan } = ctx;
  const tiers = A.tiers;
  const bound = (i: number) => (scale ? `${P(tiers[i].from)}*${scale}` : P(tiers[i].from));
  if (ctx.style === "perf") {
    return `PERF.COMMISSION(${a},${PLAN_NAMES.tiers},${str(plan.commission.method)}${scale ? `,${scale}` : ""})`;
  }
  if (plan.commission.method === "whole") {
    const k = tiers.map((_, i) => `(${reaches(a, bound(i))})`).join("+");
    return `IF(${k}=0,0,${a}*INDEX(${PLAN_NAMES.tierRate},${k}))`;
  }
  return tiers
    .map((t, i) => {
      const top = i + 1 < tiers.length ? `MIN(${a},${bound(i + 1)})` : a;
      return `IF(${reaches(a, bound(i))},MAX(0,${top}-${bound(i)})*${P(t.rate)},0)`;
    })
    .join("+");
}

function commissionSheet(ctx: Ctx, readingIssues: readonly Issue[]): SheetLayout {
  const { plan, ev, fx, L, lang } = ctx;
  const mf = ev.months.frame;
  const Lg = ev.ledger;
  const mp = ev.monthPay;
  const cm = plan.commission;
  const c = ctx.cc;
  const s = emptySheet("commission", ctx.names.commission, "output");
  const g = new Grid();
  g.line(
    0,
    0,
    c.list.map((x) => x.header)
  );
  const rowsOf = monthRows(ev);
  const settlements = new Map(Lg.settlements.map((x) => [x.id + "\u0000" + x.year, x]));
  const gradeCol = ctx.sc.get("grade");
  const periodOfMonth = new Int32Array(mf.n);
  for (let r = 0; r < ev.periods.frame.n; r++) {
    const [a, b] = monthSpan(ev.periods.frame, r);
    for (let m = a; m <= b; m++) periodOfMonth[m] = r;
  }
  const readingByRow = new Map<string, Issue[]>();
  for (const i of readingIssues) {
    if (!i.location || i.severity === "info") continue;
    const k = i.location.sheet + "\u0000" + i.location.row;
    const list = readingByRow.get(k) ?? [];
    list.push(i);
    readingByRow.set(k, list);
  }
  const deduct = cm.clawback === "deductFromPay";
  const needsTarget = cm.boundType === "attainment" || cm.gate.minAttainment !== null;
  const sep = lang === "zh-CN" ? "；" : "; ";
  const cellOf = (key: string, m: number) => comCell(ctx, key, m, true);

  for (let m = 0; m < mf.n; m++) {
    const row = ctx.monthRow(m);
    const line: Cell[] = new Array(c.list.length).fill(null);
    const put = (key: string, v: Cell) => {
      line[c.get(key)] = v;
    };
    const ok = Lg.status[m] === 0;
    const okRef = cellOf("ok", m);
    const ifOk = (f: string) => `IF(${okRef},${f},#N/A)`;
    put("id", mf.ids[m]);
    put("name", mf.names[m]);
    put("team", mf.teams[m]);
    put("month", mf.periods[m]);
    const pr = periodOfMonth[m];
    put("period", ev.periods.frame.periods[pr]);
    const basisKey = cm.basis === "collected" ? PAY_FIELDS.collected : PAY_FIELDS.signed;
    const fieldValue = (key: string): Value => {
      const k = ctx.fieldIndex.get(key);
      if (k === undefined) return "";
      const st = mf.states[k][m];
      return st === INVALID ? ERR : st === OK ? mf.values[k][m] : "";
    };
    const ref = (key: string) => monthField(ctx, key, m);
    put("basis", fx(ref(basisKey)!, fieldValue(basisKey)));
    if (c.has("signed")) put("signed", fx(ref(PAY_FIELDS.signed)!, fieldValue(PAY_FIELDS.signed)));
    if (c.has("target"))
      put("target", fx(ref(PAY_FIELDS.salesTarget)!, fieldValue(PAY_FIELDS.salesTarget)));
    const S = c.has("signed") ? cellOf("signed", m) : null;
    const TG = c.has("target") ? cellOf("target", m) : null;
    if (c.has("attainment")) {
      put(
        "attainment",
        fx(
          `IFERROR(IF(AND(${TG}<>"",${S}<>""),IF(${TG}>0,${S}/${TG},""),""),"")`,
          numOr(Lg.attainment[m], "")
        )
      );
    }
    const B = cellOf("basis", m);
    const conds = [`${B}<>""`];
    if (needsTarget) conds.push(`${TG}<>""`, `${TG}>0`);
    const gradeRef = `${quoteSheet(ctx.names.scorecard)}!${a1cell(ctx.periodRow(pr), gradeCol, true)}`;
    if (cm.gate.minGrade !== null) conds.push(`${gradeRef}<>""`);
    const uniqueRef = `${quoteSheet(ctx.names.months)}!${a1cell(ctx.monthRow(m), ctx.mc.get("unique"))}`;
    if (mf.conflicts[m]) conds.push(uniqueRef);
    // The engine's ledger status: basis readable, a target above 0 when tiers or the gate need it, the grade when the gate needs it.
    put("ok", fx(`IFERROR(AND(${conds.join(",")}),1=0)`, ok));
    const scale = c.has("scale") ? cellOf("scale", m) : null;
    if (scale) put("scale", fx(ifOk(TG!), ok ? Lg.boundScale[m] : ERR));
    const amount = cellOf("amount", m);
    put("amount", fx(ifOk(`MAX(${B},0)`), ok ? Math.max(Lg.basis[m], 0) : ERR));
    put("gross", fx(ifOk(tiersFormula(ctx, amount, scale)), ok ? Lg.gross[m] : ERR));
    let gated = cellOf("gross", m);
    if (c.has("gate")) {
      const parts: string[] = [];
      if (cm.gate.minAttainment !== null) {
        const at = cellOf("attainment", m);
        parts.push(`IF(${at}="",1=0,${reaches(at, settingName("minAttainment"))})`);
      }
      if (cm.gate.minGrade !== null)
        parts.push(
          `MATCH(${gradeRef},${PLAN_NAMES.gradeLabel},0)<=MATCH(${settingName("minGrade")},${PLAN_NAMES.gradeLabel},0)`
        );
      put(
        "gate",
        fx(
          `IF(${okRef},${parts.length === 1 ? parts[0] : `AND(${parts.join(",")})`},"")`,
          ok ? Lg.gate[m] === 0 : ""
        )
      );
      gated = `IF(${cellOf("gate", m)},${gated},0)`;
    }
    if (c.has("capped")) {
      put(
        "capped",
        fx(`IF(${okRef},${gated}>${settingName("capPerMonth")},"")`, ok ? Lg.capped[m] === 1 : "")
      );
      gated = `MIN(${gated},${settingName("capPerMonth")})`;
    }
    put("earned", fx(ifOk(`ROUND(${gated},2)`), ok ? Lg.earned[m] : ERR));
    const E = cellOf("earned", m);
    put("paidNow", fx(ifOk(`ROUND(${E}*${settingName("paidShare")},2)`), ok ? Lg.paidNow[m] : ERR));
    const PN = cellOf("paidNow", m);
    put("deferred", fx(ifOk(`ROUND(${E}-${PN},2)`), ok ? Lg.deferred[m] : ERR));
    const clawRef = ref(PAY_FIELDS.clawback);
    put(
      "clawback",
      clawRef ? fx(`IFERROR(IF(${clawRef}="",0,${clawRef}*1),0)`, Lg.clawback[m]) : 0
    );
    const CL = cellOf("clawback", m);
    // Opening balance: 0 for a new person; the previous month's closing balance; at a new year the
    // balance left after the year-end settlement recovered what it could from the deferred share.
    const newPerson = m === 0 || mf.ids[m - 1] !== mf.ids[m];
    const newYear = !newPerson && mf.periods[m - 1].slice(0, 4) !== mf.periods[m].slice(0, 4);
    const opening =
      newPerson || deduct
        ? 0
        : newYear
          ? settlementBalance(Lg, settlements, mf, m - 1)
          : Lg.balance[m - 1];
    if (newPerson || deduct) put("opening", 0);
    else if (newYear)
      put(
        "opening",
        fx(`IFERROR(${cellOf("yOutstanding", m - 1)},${cellOf("balance", m - 1)})`, opening)
      );
    else put("opening", fx(cellOf("balance", m - 1), opening));
    const OP = cellOf("opening", m);
    if (deduct) {
      put("recovered", fx(ifOk(CL), ok ? Lg.recovered[m] : ERR));
      put("balance", 0);
    } else {
      put("recovered", fx(ifOk(`MIN(ROUND(${OP}+${CL},2),${PN})`), ok ? Lg.recovered[m] : ERR));
      put(
        "balance",
        fx(
          `IF(${okRef},ROUND(ROUND(${OP}+${CL},2)-${cellOf("recovered", m)},2),ROUND(${OP}+${CL},2))`,
          Lg.balance[m]
        )
      );
    }
    put("net", fx(ifOk(`ROUND(${PN}-${cellOf("recovered", m)},2)`), ok ? Lg.net[m] : ERR));

    // Pay lines of the month.
    const share = mp.share[m];
    if (plan.pay.prorate) {
      put("daysWorked", fx(ref(PAY_FIELDS.daysWorked) ?? `""`, fieldValue(PAY_FIELDS.daysWorked)));
      put(
        "daysInMonth",
        fx(ref(PAY_FIELDS.daysInPeriod) ?? `""`, fieldValue(PAY_FIELDS.daysInPeriod))
      );
      const DW = cellOf("daysWorked", m);
      const DM = cellOf("daysInMonth", m);
      const shareF = `IF(OR(${DW}="",${DM}=""),#N/A,IF(AND(${DM}>0,${DW}>=0),IF(${DW}<${DM},${DW}/${DM},1),#N/A))`;
      put(
        "share",
        fx(mf.conflicts[m] ? `IF(${uniqueRef},${shareF},#N/A)` : shareF, numOr(share, ERR))
      );
    } else {
      const guard = `${quoteSheet(ctx.names.months)}!${a1cell(ctx.monthRow(m), ctx.mc.get("check"))}`;
      put("share", fx(`IF(AND(${guard},${uniqueRef}),1,#N/A)`, numOr(share, ERR)));
    }
    const SH = cellOf("share", m);
    put("baseSalary", fx(ref(PAY_FIELDS.baseSalary) ?? `""`, fieldValue(PAY_FIELDS.baseSalary)));
    put(
      "perfFull",
      fx(ref(PAY_FIELDS.performancePay) ?? `""`, fieldValue(PAY_FIELDS.performancePay))
    );
    const prorated = (full: string) =>
      ctx.style === "perf" && plan.pay.prorate
        ? mf.conflicts[m]
          ? `IF(${uniqueRef},ROUND(PERF.PRORATE(${full},${cellOf("daysWorked", m)},${cellOf("daysInMonth", m)}),2),#N/A)`
          : `ROUND(PERF.PRORATE(${full},${cellOf("daysWorked", m)},${cellOf("daysInMonth", m)}),2)`
        : `ROUND(${full}*${SH},2)`;
    put(
      "base",
      fx(
        `IF(${cellOf("baseSalary", m)}="",#N/A,${prorated(cellOf("baseSalary", m))})`,
        numOr(mp.base[m], ERR)
      )
    );
    put(
      "perfStd",
      fx(
        `IF(${cellOf("perfFull", m)}="",#N/A,${prorated(cellOf("perfFull", m))})`,
        numOr(mp.performanceStandard[m], ERR)
      )
    );
    const adjRef = ref(PAY_FIELDS.adjustment);
    put(
      "adjustment",
      adjRef ? fx(`IFERROR(IF(${adjRef}="",0,${adjRef}*1),0)`, mp.adjustment[m]) : 0
    );

    // Year end: on the last month of a person's year.
    const lastOfYear =
      m + 1 >= mf.n ||
      mf.ids[m + 1] !== mf.ids[m] ||
      mf.periods[m + 1].slice(0, 4) !== mf.periods[m].slice(0, 4);
    if (lastOfYear) {
      const st = settlements.get(mf.ids[m] + "\u0000" + mf.periods[m].slice(0, 4));
      let first = m;
      while (
        first > 0 &&
        mf.ids[first - 1] === mf.ids[m] &&
        mf.periods[first - 1].slice(0, 4) === mf.periods[m].slice(0, 4)
      )
        first--;
      const allOk = `AND(${comRange(ctx, "ok", first, m, true)})`;
      const okY = st ? st.ok : false;
      put(
        "yDeferred",
        fx(
          `IF(${allOk},ROUND(SUM(${comRange(ctx, "deferred", first, m, true)}),2),#N/A)`,
          okY && st ? st.deferred : ERR
        )
      );
      const YD = cellOf("yDeferred", m);
      put(
        "yRecovered",
        fx(
          `IF(${allOk},${deduct ? "0" : `MIN(${cellOf("balance", m)},${YD})`},#N/A)`,
          okY && st ? st.recovered : ERR
        )
      );
      put(
        "ySettlement",
        fx(
          `IF(${allOk},ROUND(${YD}-${cellOf("yRecovered", m)},2),#N/A)`,
          okY && st ? st.settlement : ERR
        )
      );
      put(
        "yOutstanding",
        fx(
          `IF(${allOk},ROUND(${cellOf("balance", m)}-${cellOf("yRecovered", m)},2),#N/A)`,
          okY && st ? st.outstanding : ERR
        )
      );
    }
    const mr = rowsOf[m];
    const src = sourceOf(mf, m);
    const texts = [...(readingByRow.get(src.sheet + "\u0000" + src.row) ?? []), ...mr.problems].map(
      (i) => formatIssue(i, lang)
    );
    put("status", [...new Set(texts)].join(sep) || L({ en: "OK", zh: "正常" }));
    g.line(row, 0, line);
  }
  s.blocks.push(g.block());
  s.columns = c.list.map((x) => x.spec);
  s.freeze = { rows: 1, columns: 4 };
  s.styles = [
    {
      range: { row: 0, column: 0, rows: 1, columns: c.list.length },
      bold: true,
      fill: HEADER_FILL,
      wrap: true,
      vertical: "center",
    },
    { range: { row: 1, column: c.get("net"), rows: Math.max(1, mf.n), columns: 1 }, bold: true },
  ];
  s.tabColor = "#C55A11";
  return s;
}

/** The opening balance of a new year: what the previous year's settlement left, as the engine has it. */
function settlementBalance(
  Lg: Evaluation["ledger"],
  settlements: Map<string, Evaluation["ledger"]["settlements"][number]>,
  mf: Frame,
  prev: number
): number {
  const st = settlements.get(mf.ids[prev] + "\u0000" + mf.periods[prev].slice(0, 4));
  return st && st.ok ? st.outstanding : Lg.balance[prev];
}

// ---------------------------------------------------------------------------------------------
// Scorecard
// ---------------------------------------------------------------------------------------------

function usedFields(ctx: Ctx): string[] {
  const used = new Set<string>();
  for (const ind of ctx.plan.indicators) {
    for (const f of indicatorFields(ind)) used.add(f);
    if (usesTarget(ind) && ind.target.field) used.add(ind.target.field);
  }
  if (ctx.plan.grading.coefficientMode === "matrix")
    for (const f of [
      PAY_FIELDS.signed,
      PAY_FIELDS.salesTarget,
      PAY_FIELDS.collected,
      PAY_FIELDS.due,
    ])
      used.add(f);
  return ctx.plan.fields.map((f) => f.key).filter((k) => used.has(k));
}

function scorecardColumns(ctx: Ctx): void {
  const c = ctx.sc;
  const { plan, L, lang } = ctx;
  c.add("id", L(T.id), { width: 11 });
  c.add("name", L(T.name), { width: 9 });
  c.add("team", L(T.team), { width: 11 });
  c.add("period", L(T.period), { width: 9 });
  c.add("months", L(T.months), { width: 5, numberFormat: "0" });
  for (const i of ctx.order)
    c.add("s:" + plan.indicators[i].key, say(plan.indicators[i].name, lang), {
      width: 10,
      numberFormat: SCORE,
    });
  for (const d of plan.dimensions)
    c.add("d:" + d.key, say(d.name, lang), { width: 11, numberFormat: SCORE });
  c.add("total", L(T.total), { width: 8, numberFormat: SCORE });
  c.add("grade", L(T.grade), { width: 6 });
  c.add("coefficient", L(T.coefficient), { width: 7, numberFormat: "0.00" });
  c.add("base", L(T.base), { width: 11, numberFormat: MONEY });
  c.add("perfStd", L(T.perfStd), { width: 11, numberFormat: MONEY });
  c.add("perfPay", L(T.perfPay), { width: 11, numberFormat: MONEY });
  c.add("commission", L(T.commission), { width: 11, numberFormat: MONEY });
  c.add("bonus", L(T.bonus), { width: 10, numberFormat: MONEY });
  c.add("totalPay", L(T.totalPay), { width: 12, numberFormat: MONEY });
  // the plan version the row was computed with (formulas: the Plan sheet's, whose parameters they read)
  c.add("planVersion", L(T.planVersion), { width: 9 });
  c.add("status", L(T.status), { width: 50 });
  const unitFmt = (k: string) => fieldFormat(plan.fields.find((f) => f.key === k)?.unit ?? "count");
  for (const k of usedFields(ctx))
    c.add("a:" + k, fieldName(plan, k, lang), { width: 12, numberFormat: unitFmt(k) }, true);
  plan.indicators.forEach((ind) => {
    const n = say(ind.name, lang);
    const fmt = ind.unit === "currency" ? MONEY : ind.unit === "ratio" ? PCT : "0.00";
    c.add("x:" + ind.key, `${n}：${L(T.actual)}`, { width: 11, numberFormat: fmt }, true);
    if (usesTarget(ind)) {
      c.add("t:" + ind.key, `${n}：${L(T.targetOf)}`, { width: 11, numberFormat: fmt }, true);
      c.add("r:" + ind.key, `${n}：${L(T.attainmentOf)}`, { width: 9, numberFormat: PCT }, true);
    }
    if (ind.scoring.method === "curve")
      c.add("k:" + ind.key, `${n}：${L(T.segment)}`, { width: 6, numberFormat: "0" }, true);
  });
  if (plan.indicators.some((i) => i.input.kind === "feedback")) {
    c.add("fb0", L(T.fbSuperior), { width: 9, numberFormat: SCORE }, true);
    c.add("fb1", L(T.fbPeer), { width: 9, numberFormat: SCORE }, true);
    c.add("fb2", L(T.fbCustomer), { width: 9, numberFormat: SCORE }, true);
  }
  if (plan.grading.coefficientMode === "matrix") {
    c.add("ma", L(T.matrixAttainment), { width: 9, numberFormat: PCT }, true);
    c.add("mc", L(T.matrixCollection), { width: 9, numberFormat: PCT }, true);
  }
  if (plan.grading.mode === "forced") {
    c.add("rank", L(T.rank), { width: 6, numberFormat: "0" }, true);
    c.add("n", L(T.groupSize), { width: 6, numberFormat: "0" }, true);
  }
}

/** The aggregate of a field over a period's months, as the engine's frame aggregates it. */
function aggregateFormula(ctx: Ctx, key: string, first: number, last: number): string {
  const f = ctx.plan.fields[ctx.fieldIndex.get(key)!];
  const R = monthFieldRange(ctx, key, first, last);
  const filled = `SUMPRODUCT((${R}<>"")*1)`;
  switch (f.aggregate) {
    case "sum":
      return f.optional ? `SUM(${R})` : `IF(SUMPRODUCT((${R}="")*1)>0,"",SUM(${R}))`;
    case "mean":
      return `IF(${filled}=0,"",SUM(${R})/${filled})`;
    case "last": {
      let nested = `""`;
      for (let m = first; m <= last; m++) {
        const x = monthField(ctx, key, m)!;
        nested = `IF(${x}<>"",${x},${nested})`;
      }
      return `IF(${filled}=0,"",SUM(${R})*0+${nested})`;
    }
  }
}

/**
 * Means of the 360 ratings (superior, peers, customers) the engine used, as formulas over exactly
 * those Feedback cells (in the engine's order, so the sums agree to the last bit), guarded: each
 * rating row must still hold this person and period and a score between 0 and 100, else #N/A
 * (the ratings were moved or changed: generate again). A group without ratings is "".
 */
function feedbackMeans(
  ctx: Ctx,
  id: string,
  idRef: string,
  ratings: readonly FeedbackRating[]
): { formula: string; value: Value }[] {
  const fb = ctx.fb;
  const groups: FeedbackRating[][] = [[], [], []];
  for (const r of ratings) groups[r.rater === "superior" ? 0 : r.rater === "peer" ? 1 : 2].push(r);
  const sheet = quoteSheet(fb.sheet);
  const at = (c: number, row: number) => `${sheet}!${columnLetter(c)}${row}`;
  // ratings are on the plan's scale; the engine counts each as rating × factor points (exact)
  const scale = ratingScale(ctx.plan);
  const factor = 100 / scale;
  const points = (row: number) => at(fb.score, row) + (factor === 1 ? "" : `*${factor}`);
  return groups.map((list) => {
    if (list.length === 0) return { formula: `""`, value: "" };
    const guards = list.flatMap((r) => {
      const score = at(fb.score, r.source.row);
      return [
        `${at(fb.id, r.source.row)}=${idRef}`,
        `${at(fb.period, r.source.row)}=${str(r.period)}`,
        `${score}<>""`,
        `${score}>=0`,
        `${score}<=${scale}`,
      ];
    });
    const sum = list.map((r) => points(r.source.row)).join("+");
    let mean = 0;
    for (const r of list) mean += r.score;
    mean /= list.length;
    void id;
    return { formula: `IF(AND(${guards.join(",")}),(${sum})/${list.length},#N/A)`, value: mean };
  });
}

function columnLetter(c: number): string {
  return a1cell(0, c).replace(/\d+$/, "");
}

/** The ratings the engine used for an evaluation row (a quarter: within it; a month: its own, else its quarter's). */
function ratingsOf(ev: Evaluation, id: string, period: string): FeedbackRating[] {
  const fb = ev.feedback as unknown as {
    ratingsFor?: (id: string, p: string) => FeedbackRating[];
    ratings: (id: string, p: string, exact?: boolean) => FeedbackRating[];
  };
  return fb.ratingsFor ? fb.ratingsFor(id, period) : fb.ratings(id, period);
}

function policy(ind: Indicator): string {
  return ind.missing === "error" ? "#N/A" : ind.missing === "zero" ? "0" : `""`;
}

function scorecardSheet(ctx: Ctx): SheetLayout {
  const { plan, ev, fx, L, lang, A, P, style } = ctx;
  const c = ctx.sc;
  const set = ev.periods;
  const pf = set.frame;
  const ni = set.nIndicators;
  const nd = set.nDimensions;
  const gr = ev.grading;
  const pp = ev.periodPay;
  const s = emptySheet("scorecard", ctx.names.scorecard, "output");
  const g = new Grid();
  g.line(
    0,
    0,
    c.list.map((x) => x.header)
  );
  // Row 2: the weights the formulas use (indicator weight in its dimension, dimension weight).
  g.set(1, 0, L(T.weightRow));
  plan.indicators.forEach((ind, i) =>
    g.set(1, c.get("s:" + ind.key), ctx.fx(P(A.indicators[i].weight), ind.weight), "0%")
  );
  plan.dimensions.forEach((d, i) =>
    g.set(1, c.get("d:" + d.key), ctx.fx(P(A.dimensions[i].weight), d.weight), "0%")
  );
  const rows = scorecardRows(ev);
  const sep = lang === "zh-CN" ? "；" : "; ";
  const first = ctx.periodRow(0);
  const last = ctx.periodRow(Math.max(0, pf.n - 1));
  const colRange = (key: string) =>
    `${a1range({ row: first, column: c.get(key), rows: last - first + 1, columns: 1 }, true)}`;
  for (let r = 0; r < pf.n; r++) {
    const row = ctx.periodRow(r);
    const line: Cell[] = new Array(c.list.length).fill(null);
    const put = (key: string, v: Cell) => {
      line[c.get(key)] = v;
    };
    const at = (key: string) => a1cell(row, c.get(key));
    const [m0, m1] = monthSpan(pf, r);
    const id = pf.ids[r];
    put("id", id);
    put("name", pf.names[r]);
    put("team", pf.teams[r]);
    put("period", pf.periods[r]);
    put("months", pf.monthCount[r]);
    const tr = ctx.traces[r];

    // Period values of the fields.
    for (const k of usedFields(ctx)) {
      const fi = ctx.fieldIndex.get(k)!;
      const st = pf.states[fi][r];
      put(
        "a:" + k,
        fx(
          aggregateFormula(ctx, k, m0, m1),
          st === OK ? pf.values[fi][r] : st === INVALID ? ERR : ""
        )
      );
    }
    const agg = (k: string) => at("a:" + k);
    const aggValue = (k: string): Value => {
      const fi = ctx.fieldIndex.get(k)!;
      const st = pf.states[fi][r];
      return st === OK ? pf.values[fi][r] : st === INVALID ? ERR : "";
    };

    // 360 group means.
    if (c.has("fb0")) {
      const means = feedbackMeans(
        ctx,
        id,
        `$${columnLetter(0)}${row + 1}`,
        ratingsOf(ev, id, pf.periods[r])
      );
      const parts = ev.feedback.score(id, pf.periods[r]);
      means.forEach((m, i) =>
        put("fb" + i, fx(m.formula, parts && parts.means[i] !== null ? parts.means[i]! : m.value))
      );
    }

    // Indicators: actual, target, attainment, score.
    plan.indicators.forEach((ind, i) => {
      const t = tr.indicators[i];
      const an = A.indicators[i];
      const inp = ind.input;
      // Actual.
      let fa: string;
      switch (inp.kind) {
        case "field":
          fa = agg(inp.field);
          break;
        case "ratio": {
          const n = agg(inp.numerator);
          const d = agg(inp.denominator);
          fa = `IF(${n}="","",IF(${d}="","",IF(${d}=0,"",${n}/${d})))`;
          break;
        }
        case "growth": {
          const x = agg(inp.current);
          const y = agg(inp.prior);
          fa =
            style === "perf"
              ? `IF(${x}="","",IF(${y}="","",IF(${y}=0,"",PERF.GROWTH(${x},${y}))))`
              : `IF(${x}="","",IF(${y}="","",IF(${y}=0,"",(${x}-${y})/ABS(${y}))))`;
          break;
        }
        case "sum": {
          const refs = inp.fields.map(agg);
          fa = refs.reduceRight((acc, x) => `IF(${x}="","",${acc})`, refs.join("+"));
          break;
        }
        case "feedback": {
          const m = [0, 1, 2].map((j) => at("fb" + j));
          const w = A.feedbackWeights.map(P);
          if (style === "perf") {
            fa = `IF(AND(${m[0]}="",${m[1]}="",${m[2]}=""),"",PERF.FEEDBACK(${m[0]},${m[1]},${m[2]},${PLAN_NAMES.feedbackWeights}))`;
          } else {
            const num = m.map((x, j) => `IF(${x}="",0,${x}*${w[j]})`).join("+");
            const den = m.map((x, j) => `IF(${x}="",0,${w[j]})`).join("+");
            fa = `IF(AND(${m[0]}="",${m[1]}="",${m[2]}=""),"",IF(${den}<=0,"",(${num})/(${den})))`;
          }
          break;
        }
      }
      // The engine reads the input before the target: no actual means the input was blank (→ "") or unreadable (→ error).
      const actualValue: Value = t.actual !== null ? t.actual : t.reason === "invalid" ? ERR : "";
      put("x:" + ind.key, fx(fa, actualValue));
      const X = at("x:" + ind.key);
      let scoreInput = X;
      let scoreInputValue = actualValue;
      if (usesTarget(ind)) {
        // Target: the data's target for the period, else the default (× months when additive).
        const def = ind.target.default;
        const additive =
          inp.kind === "field"
            ? plan.fields.find((f) => f.key === inp.field)?.aggregate === "sum"
            : inp.kind === "sum"
              ? inp.fields.every((k) => plan.fields.find((f) => f.key === k)?.aggregate === "sum")
              : false;
        const defF =
          def === null
            ? `""`
            : additive
              ? `${P(an.targetDefault)}*${at("months")}`
              : P(an.targetDefault);
        const defV: Value = def === null ? "" : additive ? def * pf.monthCount[r] : def;
        let ft = defF;
        let tv: Value = defV;
        if (ind.target.field) {
          const tf = agg(ind.target.field);
          ft = `IF(${tf}<>"",${tf},${defF})`;
          const av = aggValue(ind.target.field);
          tv = av === "" ? defV : av;
        }
        put("t:" + ind.key, fx(ft, tv));
        const TT = at("t:" + ind.key);
        const lower = ind.direction === "lower";
        const curveLowerZero = `10^300`;
        let fr: string;
        if (style === "perf" && !lower)
          fr = `IF(${X}="","",IF(${TT}="","",IF(${TT}<0,#N/A,IF(${TT}=0,"",PERF.ATTAINMENT(${X},${TT})))))`;
        else if (!lower)
          fr = `IF(${X}="","",IF(${TT}="","",IF(${TT}<0,#N/A,IF(${TT}=0,"",${X}/${TT}))))`;
        else {
          const zero = ind.scoring.method === "linear" ? P(an.cap!) : curveLowerZero;
          fr = `IF(${X}="","",IF(${TT}="","",IF(${TT}<0,#N/A,IF(${X}=0,${zero},${style === "perf" ? `PERF.ATTAINMENT(${X},${TT},"lower")` : `${TT}/${X}`}))))`;
        }
        let rv: Value;
        if (t.attainment !== null) rv = t.attainment;
        else if (lower && t.actual === 0 && t.reason === "none") rv = Math.pow(10, 300);
        else rv = t.reason === "invalid" || t.reason === "targetNegative" ? ERR : "";
        put("r:" + ind.key, fx(fr, rv));
        if (
          ind.scoring.method === "linear" ||
          (ind.scoring.method === "curve" && ind.scoring.on === "attainment")
        ) {
          scoreInput = at("r:" + ind.key);
          scoreInputValue = rv;
        }
      }
      // Score.
      const pol = policy(ind);
      const sIdx = r * ni + i;
      const st = set.indicatorStatus[sIdx];
      const sv: Value = st === 0 ? set.indicatorScores[sIdx] : st === 1 ? 0 : st === 2 ? "" : ERR;
      const sc = ind.scoring;
      let fs: string;
      const x = scoreInput;
      switch (sc.method) {
        case "linear":
          fs =
            style === "perf"
              ? `IF(${x}="",${pol},PERF.KPISCORE(${X},${at("t:" + ind.key)},${P(an.floor!)},${P(an.cap!)},${str(ind.direction)},${P(an.fullScore!)}))`
              : `IF(${x}="",${pol},IF(${fallsShort(x, P(an.floor!))},0,MIN(${x},${P(an.cap!)})*${P(an.fullScore!)}))`;
          break;
        case "curve": {
          const pts = A.curves[i];
          const n = pts.length;
          const X1 = P(pts[0].x);
          const Xn = P(pts[n - 1].x);
          const Yn = P(pts[n - 1].y);
          const yRange = `${quoteSheet(A.sheet)}!${a1range({ row: pts[0].y.row, column: pts[0].y.column, rows: n, columns: 1 }, true)}`;
          const xRange = `${quoteSheet(A.sheet)}!${a1range({ row: pts[0].x.row, column: pts[0].x.column, rows: n, columns: 1 }, true)}`;
          const K = at("k:" + ind.key);
          const mid = pts.slice(1, -1).map((p) => `(${reaches(x, P(p.x))})`);
          const xv = scoreInputValue;
          let segV: Value = xv;
          if (typeof xv === "number") {
            // The segment is the last point reached (the engine's curve walk), counted as the formula counts it.
            let k = 1;
            for (let j = 1; j < n - 1; j++)
              if (xv >= sc.points[j].x - 1e-9 * Math.max(1, Math.abs(xv), Math.abs(sc.points[j].x)))
                k++;
            segV = k;
          }
          const segF = `IF(${x}="","",1${mid.length ? "+" + mid.join("+") : ""})`;
          put("k:" + ind.key, fx(segF, segV));
          const interp =
            sc.mode === "step"
              ? `INDEX(${yRange},${K})`
              : `INDEX(${yRange},${K})+((INDEX(${yRange},${K}+1)-INDEX(${yRange},${K}))*(${x}-INDEX(${xRange},${K})))/(INDEX(${xRange},${K}+1)-INDEX(${xRange},${K}))`;
          fs =
            style === "perf"
              ? `IF(${x}="",${pol},PERF.CURVE(${x},${quoteSheet(A.sheet)}!${a1range({ row: pts[0].x.row, column: pts[0].x.column, rows: n, columns: 2 }, true)},${str(sc.mode)}))`
              : `IF(${x}="",${pol},IF(${fallsShort(x, X1)},0,IF(${reaches(x, Xn)},${Yn},${n > 1 ? interp : Yn})))`;
          break;
        }
        case "direct":
        case "feedback":
          fs = `IF(${x}="",${pol},MIN(MAX(${x},0),${P(an.cap!)}*100))`;
          break;
        case "deduction":
          fs = `IF(${x}="",${pol},MAX(${P(an.fullScore!)}-${x},0))`;
          break;
      }
      put("s:" + ind.key, fx(fs, sv));
    });

    // Dimensions.
    plan.dimensions.forEach((d, di) => {
      const inds = ctx.order.filter((i) => plan.indicators[i].dimension === d.key);
      const S = a1range({
        row,
        column: c.get("s:" + plan.indicators[inds[0]].key),
        rows: 1,
        columns: inds.length,
      });
      const W = a1range(
        {
          row: 1,
          column: c.get("s:" + plan.indicators[inds[0]].key),
          rows: 1,
          columns: inds.length,
        },
        true
      );
      const dv = set.dimensionScores[r * nd + di];
      const v: Value = set.dimensionExcluded[r * nd + di] ? "" : numOr(dv, ERR);
      const f =
        style === "perf"
          ? `IF(SUMPRODUCT((${S}<>"")*${W})=0,"",PERF.WEIGHTED(${S},${W},"renormalize"))`
          : `IF(SUMPRODUCT((${S}<>"")*${W})=0,"",SUMPRODUCT(${S},${W})/SUMPRODUCT((${S}<>"")*${W}))`;
      put("d:" + d.key, fx(f, v));
    });

    // Total, grade, coefficient.
    const D = a1range({ row, column: c.get("d:" + plan.dimensions[0].key), rows: 1, columns: nd });
    const DW = a1range(
      { row: 1, column: c.get("d:" + plan.dimensions[0].key), rows: 1, columns: nd },
      true
    );
    const total = set.totals[r];
    let totalF =
      style === "perf"
        ? `IFERROR(IF(SUMPRODUCT((${D}<>"")*${DW})=0,#N/A,PERF.WEIGHTED(${D},${DW},"renormalize")),"")`
        : `IFERROR(IF(SUMPRODUCT((${D}<>"")*${DW})=0,#N/A,SUMPRODUCT(${D},${DW})/SUMPRODUCT((${D}<>"")*${DW})),"")`;
    let conflicted = false;
    for (let m = m0; m <= m1; m++) if (ev.months.frame.conflicts[m]) conflicted = true;
    if (conflicted) {
      // A month with two different Data rows: no total until one of them is corrected.
      const unique = `${quoteSheet(ctx.names.months)}!${a1range({ row: ctx.monthRow(m0), column: ctx.mc.get("unique"), rows: m1 - m0 + 1, columns: 1 }, true)}`;
      totalF = `IF(AND(${unique}),${totalF},"")`;
    }
    put("total", fx(totalF, numOr(total, "")));
    const TOT = at("total");
    putGrade(ctx, put, at, colRange, "period", TOT, gr, r);
    const G = at("grade");
    if (plan.grading.coefficientMode === "matrix") {
      putMatrixCoefficient(
        ctx,
        put,
        at,
        G,
        agg,
        (n, d) => {
          const a = aggValue(n);
          const b = aggValue(d);
          return typeof a === "number" && typeof b === "number" && b !== 0 ? a / b : "";
        },
        numOr(gr.coefficient[r], "")
      );
    } else put("coefficient", gradeCoefficient(ctx, G, numOr(gr.coefficient[r], "")));

    // Pay lines: the Commission sheet's months summed.
    const sumOf = (key: string) => `IFERROR(ROUND(SUM(${comRange(ctx, key, m0, m1)}),2),"")`;
    put("base", fx(sumOf("base"), numOr(pp.base[r], "")));
    put("perfStd", fx(sumOf("perfStd"), numOr(pp.performanceStandard[r], "")));
    put("commission", fx(sumOf("net"), numOr(pp.commission[r], "")));
    put("bonus", fx(sumOf("adjustment"), numOr(pp.bonus[r], "")));
    const BASE = at("base");
    const STD = at("perfStd");
    const COEF = at("coefficient");
    // An empty coefficient (no grade) is tested for: "" × a number is #VALUE! in Excel and LibreOffice but 0 in HyperFormula.
    put(
      "perfPay",
      fx(`IF(${COEF}="","",IFERROR(ROUND(${STD}*${COEF},2),""))`, numOr(pp.performancePay[r], ""))
    );
    put(
      "totalPay",
      fx(
        style === "perf"
          ? `IF(OR(${BASE}="",${STD}="",${COEF}="",${at("commission")}="",${at("bonus")}=""),"",IFERROR(PERF.PAY(${BASE},${STD},${COEF},${at("commission")},${at("bonus")}),""))`
          : `IF(OR(${BASE}="",${STD}="",${COEF}="",${at("commission")}="",${at("bonus")}=""),"",IFERROR(ROUND(${BASE}+${STD}*${COEF}+${at("commission")}+${at("bonus")},2),""))`,
        numOr(pp.total[r], "")
      )
    );
    put("planVersion", fx(`${settingName("version")}&""`, plan.version));
    const sr = rows[r];
    put(
      "status",
      sr.status === "ok"
        ? L({ en: "OK", zh: "正常" })
        : [...new Set(sr.problems.map((i) => formatIssue(i, lang)))].join(sep)
    );
    g.line(row, 0, line);
  }
  s.blocks.push(g.block());
  s.columns = c.list.map((x) => x.spec);
  s.freeze = { rows: 2, columns: 4 };
  const firstWork = c.list.findIndex((x) => x.work);
  const nCols = c.list.length;
  const dataRows = Math.max(1, pf.n);
  const styles: StyleSpec[] = [
    {
      range: { row: 0, column: 0, rows: 1, columns: nCols },
      bold: true,
      fill: HEADER_FILL,
      wrap: true,
      vertical: "center",
    },
    {
      range: { row: 1, column: 0, rows: 1, columns: nCols },
      italic: true,
      fontColor: "#595959",
      border: "bottom",
    },
    {
      range: { row: 2, column: c.get("total"), rows: dataRows, columns: 3 },
      bold: true,
      fill: RESULT_FILL,
    },
    {
      range: { row: 2, column: c.get("totalPay"), rows: dataRows, columns: 1 },
      bold: true,
      fill: RESULT_FILL,
    },
  ];
  if (firstWork >= 0)
    styles.push({
      range: { row: 0, column: firstWork, rows: 1, columns: nCols - firstWork },
      fill: WORK_FILL,
      italic: true,
    });
  s.styles = styles;
  s.tabColor = "#FFC000";
  return s;
}

/** The coefficient matrix lookup: last row and column threshold reached; 0 below either axis. */
/**
 * Rank, group size and grade of a scored row (a Scorecard period or an Annual year): by forced
 * distribution within the row's group (its period or year, and team when the plan says so), by
 * PERF.GRADE, or by the bands on the Plan sheet — each with the engine's value cached.
 */
function putGrade(
  ctx: Ctx,
  put: (key: string, v: Cell) => void,
  at: (key: string) => string,
  colRange: (key: string) => string,
  periodKey: "period" | "year",
  TOT: string,
  grading: Grading,
  r: number
): void {
  const { plan, style, fx } = ctx;
  const gi = grading.gradeIndex[r];
  const gradeValue: Value = gi >= 0 ? plan.grading.grades[gi].label : "";
  if (plan.grading.mode === "forced") {
    const group = plan.grading.group === "team" ? `,${colRange("team")},${at("team")}` : "";
    const inGroup = `${colRange(periodKey)},${at(periodKey)}${group}`;
    put(
      "rank",
      fx(
        `IF(${TOT}="","",1+COUNTIFS(${inGroup},${colRange("total")},">"&(${plusTol(TOT)})))`,
        gi >= 0 ? grading.rank[r] : ""
      )
    );
    put(
      "n",
      fx(
        `IF(${TOT}="","",COUNTIFS(${inGroup},${colRange("total")},">-1E+300"))`,
        gi >= 0 ? grading.groupSize[r] : ""
      )
    );
    put(
      "grade",
      fx(
        `IF(${TOT}="","",INDEX(${PLAN_NAMES.gradeLabel},MIN(${plan.grading.grades.length},1+SUMPRODUCT((${at("rank")}>ROUND(ROUND(${at("n")}*${PLAN_NAMES.gradeCumulative},9),0))*1))))`,
        gradeValue
      )
    );
  } else if (style === "perf") {
    put(
      "grade",
      fx(`IF(${TOT}="","",IFERROR(PERF.GRADE(${TOT},${PLAN_NAMES.gradeBands}),""))`, gradeValue)
    );
  } else {
    put(
      "grade",
      fx(
        `IF(${TOT}="","",IFERROR(INDEX(${PLAN_NAMES.gradeLabel},1+SUMPRODUCT((${PLAN_NAMES.gradeMin}>${plusTol(TOT)})*1)),""))`,
        gradeValue
      )
    );
  }
}

/** The coefficient of a grade from the Plan sheet's grade table (PERF.COEFFICIENT or INDEX/MATCH). */
function gradeCoefficient(ctx: Ctx, G: string, value: Value): Cell {
  const { style, fx } = ctx;
  return style === "perf"
    ? fx(`IF(${G}="","",PERF.COEFFICIENT(${G},${PLAN_NAMES.gradeCoefficients}))`, value)
    : fx(
        `IF(${G}="","",INDEX(${PLAN_NAMES.gradeCoefficient},MATCH(${G},${PLAN_NAMES.gradeLabel},0)))`,
        value
      );
}

/**
 * The coefficient from the attainment × collection-rate matrix: the period's sales attainment
 * ("ma") and collection rate ("mc") from the aggregate cells `ref` names, then the lookup.
 */
function putMatrixCoefficient(
  ctx: Ctx,
  put: (key: string, v: Cell) => void,
  at: (key: string) => string,
  G: string,
  ref: (field: string) => string,
  ratioValue: (numerator: string, denominator: string) => Value,
  coefficient: Value
): void {
  const { fx } = ctx;
  const ratio = (n: string, d: string) =>
    `IFERROR(IF(OR(${ref(n)}="",${ref(d)}=""),"",IF(${ref(d)}=0,"",${ref(n)}/${ref(d)})),"")`;
  put(
    "ma",
    fx(
      ratio(PAY_FIELDS.signed, PAY_FIELDS.salesTarget),
      ratioValue(PAY_FIELDS.signed, PAY_FIELDS.salesTarget)
    )
  );
  put(
    "mc",
    fx(
      ratio(PAY_FIELDS.collected, PAY_FIELDS.due),
      ratioValue(PAY_FIELDS.collected, PAY_FIELDS.due)
    )
  );
  put("coefficient", fx(matrixCoefficient(ctx, G, at("ma"), at("mc")), coefficient));
}

function matrixCoefficient(ctx: Ctx, grade: string, ma: string, mc: string): string {
  if (ctx.style === "perf")
    return `IF(${grade}="","",IF(OR(${ma}="",${mc}=""),"",PERF.MATRIX(${ma},${mc},${PLAN_NAMES.matrix})))`;
  const r = `SUMPRODUCT((${PLAN_NAMES.matrixRows}<=${plusTol(ma)})*1)`;
  const k = `SUMPRODUCT((${PLAN_NAMES.matrixColumns}<=${plusTol(mc)})*1)`;
  return `IF(${grade}="","",IF(OR(${ma}="",${mc}=""),"",IF(OR(${r}=0,${k}=0),0,INDEX(${PLAN_NAMES.matrix},${r}+1,${k}+1))))`;
}

// ---------------------------------------------------------------------------------------------
// Annual
// ---------------------------------------------------------------------------------------------

function annualSheet(ctx: Ctx): SheetLayout | null {
  const { plan, ev, fx, L, lang, A, P, style } = ctx;
  const an = ev.annual;
  const yf = an.frame;
  const rowsA = annualRows(ev);
  const keep: number[] = [];
  for (let y = 0; y < yf.n; y++) if (rowsA[y].yearComplete) keep.push(y);
  if (keep.length === 0) return null;
  const monthly = plan.periods.evaluation === "month";
  const slots = monthly
    ? Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, "0"))
    : ["Q1", "Q2", "Q3", "Q4"];
  const c = new Cols();
  c.add("id", L(T.id), { width: 11 });
  c.add("name", L(T.name), { width: 9 });
  c.add("team", L(T.team), { width: 11 });
  c.add("year", L(T.year), { width: 6 });
  for (const sl of slots)
    c.add("p:" + sl, monthly ? `${sl}${L({ en: "", zh: "月" })}` : sl, {
      width: 8,
      numberFormat: SCORE,
    });
  c.add("fb", L(T.fbScore), { width: 9, numberFormat: SCORE });
  c.add("total", L(T.total), { width: 8, numberFormat: SCORE });
  c.add("grade", L(T.grade), { width: 6 });
  c.add("coefficient", L(T.coefficient), { width: 7, numberFormat: "0.00" });
  c.add("bonusStandard", L(T.bonusStandard), { width: 11, numberFormat: MONEY });
  c.add("bonus", L(T.annualBonus), { width: 11, numberFormat: MONEY });
  c.add("settlement", L(T.settlement), { width: 11, numberFormat: MONEY });
  c.add("outstanding", L(T.outstanding), { width: 11, numberFormat: MONEY });
  c.add("payout", L(T.payout), { width: 12, numberFormat: MONEY });
  c.add("status", L(T.status), { width: 50 });
  c.add("fb0", L(T.fbSuperior), { width: 9, numberFormat: SCORE }, true);
  c.add("fb1", L(T.fbPeer), { width: 9, numberFormat: SCORE }, true);
  c.add("fb2", L(T.fbCustomer), { width: 9, numberFormat: SCORE }, true);
  const matrix = plan.grading.coefficientMode === "matrix";
  if (matrix) {
    for (const k of [
      PAY_FIELDS.signed,
      PAY_FIELDS.salesTarget,
      PAY_FIELDS.collected,
      PAY_FIELDS.due,
    ])
      c.add("a:" + k, fieldName(plan, k, lang), { width: 12, numberFormat: MONEY }, true);
    c.add("ma", L(T.matrixAttainment), { width: 9, numberFormat: PCT }, true);
    c.add("mc", L(T.matrixCollection), { width: 9, numberFormat: PCT }, true);
  }
  const forced = plan.grading.mode === "forced";
  if (forced) {
    c.add("rank", L(T.rank), { width: 6, numberFormat: "0" }, true);
    c.add("n", L(T.groupSize), { width: 6, numberFormat: "0" }, true);
  }
  const s = emptySheet("annual", ctx.names.annual, "output");
  const g = new Grid();
  g.line(
    0,
    0,
    c.list.map((x) => x.header)
  );
  const first = 1;
  const last = keep.length;
  const colRange = (key: string) =>
    a1range({ row: first, column: c.get(key), rows: last - first + 1, columns: 1 }, true);
  const pfr = ev.periods.frame;
  const scTotal = (r: number) =>
    `${quoteSheet(ctx.names.scorecard)}!${a1cell(ctx.periodRow(r), ctx.sc.get("total"), true)}`;
  const qw = A.annualWeights.slice(0, 4).map(P);
  const fw = P(A.annualWeights[4]);
  const sep = lang === "zh-CN" ? "；" : "; ";
  const mf = ev.months.frame;
  // Month rows of each person-year (contiguous in the monthly sheets).
  const monthSpan = new Map<string, [number, number]>();
  for (let m = 0; m < mf.n; m++) {
    const k = mf.ids[m] + "\u0000" + mf.periods[m].slice(0, 4);
    const span = monthSpan.get(k);
    if (span) span[1] = m;
    else monthSpan.set(k, [m, m]);
  }
  keep.forEach((y, j) => {
    const row = first + j;
    const line: Cell[] = new Array(c.list.length).fill(null);
    const put = (key: string, v: Cell) => {
      line[c.get(key)] = v;
    };
    const at = (key: string) => a1cell(row, c.get(key));
    const id = yf.ids[y];
    const year = yf.periods[y];
    put("id", id);
    put("name", yf.names[y]);
    put("team", yf.teams[y]);
    put("year", year);
    const present: { slot: string; ref: string; weight: string }[] = [];
    an.periodRows[y].forEach((r) => {
      const p = pfr.periods[r];
      const slot = monthly ? p.slice(5, 7) : p.slice(5);
      put("p:" + slot, fx(scTotal(r), numOr(ev.periods.totals[r], "")));
      const w = monthly ? `(${qw.join("+")})/12` : qw[Number(p.slice(6)) - 1];
      present.push({ slot, ref: at("p:" + slot), weight: w });
    });
    // Annual 360: ratings of exactly the year.
    const means = feedbackMeans(ctx, id, `$A${row + 1}`, ev.feedback.ratings(id, year, true));
    const parts = ev.feedback.score(id, year, true);
    means.forEach((m, i) =>
      put("fb" + i, fx(m.formula, parts && parts.means[i] !== null ? parts.means[i]! : m.value))
    );
    const m = [0, 1, 2].map((i) => at("fb" + i));
    const w = A.feedbackWeights.map(P);
    const fbF =
      style === "perf"
        ? `IF(AND(${m[0]}="",${m[1]}="",${m[2]}=""),"",PERF.FEEDBACK(${m[0]},${m[1]},${m[2]},${PLAN_NAMES.feedbackWeights}))`
        : `IF(AND(${m[0]}="",${m[1]}="",${m[2]}=""),"",IF(${m.map((x, i) => `IF(${x}="",0,${w[i]})`).join("+")}<=0,"",(${m.map((x, i) => `IF(${x}="",0,${x}*${w[i]})`).join("+")})/(${m.map((x, i) => `IF(${x}="",0,${w[i]})`).join("+")})))`;
    put("fb", fx(fbF, numOr(an.feedbackScore[y], "")));
    const FB = at("fb");
    // Total: weighted present periods and the annual 360, renormalized; a period that cannot be scored blocks it.
    const num = [...present.map((p) => `${p.ref}*${p.weight}`), `IF(${FB}="",0,${FB}*${fw})`].join(
      "+"
    );
    const den = [...present.map((p) => p.weight), `IF(${FB}="",0,${fw})`].join("+");
    const blocked = present.length ? `OR(${present.map((p) => `${p.ref}=""`).join(",")})` : "1=0";
    put("total", fx(`IFERROR(IF(${blocked},"",(${num})/(${den})),"")`, numOr(an.totals[y], "")));
    const TOT = at("total");
    putGrade(ctx, put, at, colRange, "year", TOT, an.grading, y);
    const G = at("grade");
    const span = monthSpan.get(id + "\u0000" + year)!;
    if (matrix) {
      const fi = (k: string) => ctx.fieldIndex.get(k)!;
      for (const k of [
        PAY_FIELDS.signed,
        PAY_FIELDS.salesTarget,
        PAY_FIELDS.collected,
        PAY_FIELDS.due,
      ]) {
        const st = yf.states[fi(k)][y];
        put(
          "a:" + k,
          fx(
            aggregateFormula(ctx, k, span[0], span[1]),
            st === OK ? yf.values[fi(k)][y] : st === INVALID ? ERR : ""
          )
        );
      }
      putMatrixCoefficient(
        ctx,
        put,
        at,
        G,
        (k) => at("a:" + k),
        (n, d) => {
          const st = (k: string) => yf.states[fi(k)][y];
          const a = yf.values[fi(n)][y];
          const b = yf.values[fi(d)][y];
          return st(n) === OK && st(d) === OK && b !== 0 ? a / b : "";
        },
        numOr(an.grading.coefficient[y], "")
      );
    } else put("coefficient", gradeCoefficient(ctx, G, numOr(an.grading.coefficient[y], "")));
    // Bonus standard: the latest month's in the data, else the plan's.
    const bsKey = PAY_FIELDS.bonusStandard;
    if (ctx.fieldIndex.has(bsKey)) {
      const R = monthFieldRange(ctx, bsKey, span[0], span[1]);
      let nested = `""`;
      for (let mm = span[0]; mm <= span[1]; mm++) {
        const x = monthField(ctx, bsKey, mm)!;
        nested = `IF(${x}<>"",${x},${nested})`;
      }
      put(
        "bonusStandard",
        fx(
          `IFERROR(IF(SUMPRODUCT((${R}<>"")*1)=0,${settingName("bonusStandard")},SUM(${R})*0+${nested}),${settingName("bonusStandard")})`,
          an.bonusStandard[y]
        )
      );
    } else put("bonusStandard", fx(settingName("bonusStandard"), an.bonusStandard[y]));
    put(
      "bonus",
      fx(
        `IF(${at("coefficient")}="","",IFERROR(ROUND(${at("bonusStandard")}*${at("coefficient")},2),""))`,
        numOr(an.bonus[y], "")
      )
    );
    const lastMonth = span[1];
    put(
      "settlement",
      fx(
        `IFERROR(${comCell(ctx, "ySettlement", lastMonth, false)},"")`,
        numOr(an.settlement[y], "")
      )
    );
    put(
      "outstanding",
      fx(
        `IFERROR(${comCell(ctx, "yOutstanding", lastMonth, false)},"")`,
        numOr(an.outstanding[y], "")
      )
    );
    put(
      "payout",
      fx(
        `IF(OR(${at("bonus")}="",${at("settlement")}=""),"",IFERROR(ROUND(${at("bonus")}+${at("settlement")},2),""))`,
        numOr(an.payout[y], "")
      )
    );
    put("status", annualStatus(ctx, rowsA[y]).join(sep) || L({ en: "OK", zh: "正常" }));
    g.line(row, 0, line);
  });
  s.blocks.push(g.block());
  s.columns = c.list.map((x) => x.spec);
  s.freeze = { rows: 1, columns: 4 };
  const nCols = c.list.length;
  const firstWork = c.list.findIndex((x) => x.work);
  s.styles = [
    {
      range: { row: 0, column: 0, rows: 1, columns: nCols },
      bold: true,
      fill: HEADER_FILL,
      wrap: true,
      vertical: "center",
    },
    {
      range: { row: 1, column: c.get("total"), rows: keep.length, columns: 3 },
      bold: true,
      fill: RESULT_FILL,
    },
    {
      range: { row: 1, column: c.get("payout"), rows: keep.length, columns: 1 },
      bold: true,
      fill: RESULT_FILL,
    },
    {
      range: { row: 0, column: firstWork, rows: 1, columns: nCols - firstWork },
      fill: WORK_FILL,
      italic: true,
    },
  ];
  s.tabColor = "#7030A0";
  return s;
}

function annualStatus(ctx: Ctx, row: ReturnType<typeof annualRows>[number]): string[] {
  const { lang, plan } = ctx;
  const out: string[] = [];
  const msg = (code: MessageKey, params: Record<string, string | number>) =>
    formatIssue({ severity: "warning", code, params }, lang);
  for (const p of row.periods)
    if (p.total === null) out.push(msg("annualPeriodError", { period: p.period }));
  const expected = plan.periods.evaluation === "month" ? 12 : 4;
  if (row.periods.length < expected)
    out.push(msg("annualPeriodsMissing", { count: row.periods.length, expected }));
  if (row.feedback === null && plan.periods.annual.feedbackWeight > 0)
    out.push(msg("annualFeedbackMissing", {}));
  if (row.total !== null && row.grade === null) out.push(msg("noGrade", { score: row.total }));
  return out;
}

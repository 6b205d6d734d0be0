/**
 * What the output sheets share: the context every sheet builder gets (plan, evaluation, anchors,
 * column maps, row numbering, the engine's traces), the column map, the header words, and the
 * references one sheet makes into another (a month's field on Monthly data, a Commission line,
 * a field's period aggregate, the 360 means of the ratings the engine used).
 */
import { monthSpan } from "../../engine/evaluate/frame";
import { periodLabel } from "../../engine/periods";
import { periodFormula } from "../../engine/rules/aggregate";
import type { Language } from "../../engine/messages";
import type { Indicator, Plan } from "../../engine/plan/model";
import { inputFields, ratingScale } from "../../engine/plan/model";
import { type FeedbackRating } from "../../engine/records";
import type { Evaluation } from "../../engine/evaluate/evaluate";
import type { AnnualConsequences } from "../../engine/evaluate/review";
import type { GradeHistoryColumns } from "../grade-history";
import { type ScorecardTrace } from "../../engine/evaluate/explain";
import { columnLetter, quoteSheet, range as a1range, cell as a1cell, str } from "../a1";
import { FeedbackColumns } from "../data-sheet";
import { FormulaStyle, type Value } from "../formula";
import type { Cell, ColumnSpec, SheetRole } from "../layout";
import { PlanAnchors, Pos } from "../plan-sheet";
import type { Words } from "../text";
import { say } from "../text";

/** Money columns are declared with MONEY; money.ts makes it the language's (¥ and (元) in zh-CN). */
export { MONEY } from "../money";
export const SCORE = "0.00";
export const PCT = "0.0%";
export const HEADER_FILL = "#DDEBF7";
export const WORK_FILL = "#F2F2F2";
export const RESULT_FILL = "#FFF2CC";

/**
 * The words a yes/no column of the ledger shows (statuses in words, in the sheet's language);
 * formulas that read such a cell compare it with the yes word (`isYes`).
 */
export const YES_NO = {
  ok: { yes: { en: "OK", zh: "正常" }, no: { en: "To check", zh: "待核" } },
  gate: { yes: { en: "Met", zh: "达到" }, no: { en: "Not met", zh: "未达到" } },
  capped: { yes: { en: "Capped", zh: "封顶" }, no: { en: "Not capped", zh: "未封顶" } },
} as const satisfies Record<string, { yes: Words; no: Words }>;

export type YesNoColumn = keyof typeof YES_NO;

/** A yes/no test shown as words: the formula, and the engine's value as the word. */
export function yesNoWords(
  ctx: Pick<Ctx, "L">,
  column: YesNoColumn,
  test: string,
  value: boolean
): { formula: string; value: string } {
  const w = YES_NO[column];
  return {
    formula: `IF(${test},${str(ctx.L(w.yes))},${str(ctx.L(w.no))})`,
    value: ctx.L(value ? w.yes : w.no),
  };
}

/** The test a formula makes of a yes/no cell: it shows the yes word. */
export function isYes(ctx: Pick<Ctx, "L">, column: YesNoColumn, ref: string): string {
  return `${ref}=${str(ctx.L(YES_NO[column].yes))}`;
}

/** Everything the sheet builders share. */
export interface Ctx {
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
  /** The Pay list's columns (paylist.ts). */
  pc: Cols;
  /** The Annual sheet's columns, once it is laid out (null without an Annual sheet). */
  ac: Cols | null;
  /** The annual review's consequences (promotion, profit share) for the Annual sheet. */
  review?: AnnualConsequences | null;
  /** Where the Grade history sheet's columns are (null: the workbook has none). */
  gradeHistory?: GradeHistoryColumns | null;
  /** Scorecard sheet row of each evaluation row. */
  periodRow: (r: number) => number;
  /** Monthly sheets' row of each month row. */
  monthRow: (m: number) => number;
  traces: ScorecardTrace[];
}

/** A working column's outline: in a column group that starts closed. */
export const GROUPED: ColumnSpec = { outlineLevel: 1, collapsed: true };

/**
 * A sheet's columns in order. A working column (`work`) is put in a closed column group, so the
 * sheet opens on its results; a column spec may also ask for the group itself (GROUPED).
 */
export class Cols {
  readonly list: { key: string; header: string; spec: ColumnSpec; work?: boolean }[] = [];
  readonly at = new Map<string, number>();
  add(key: string, header: string, spec: ColumnSpec = {}, work = false): number {
    const i = this.list.length;
    this.list.push({ key, header, spec: work ? { ...GROUPED, ...spec } : spec, work });
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

export type MonthCols = Cols;
export type CommissionCols = Cols;
export type ScorecardCols = Cols;

export const T = {
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
  guaranteeTopUp: { en: "Guarantee top-up", zh: "保底补足" },
  guaranteeRecovered: { en: "Guarantee recovered", zh: "保底扣回" },
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
  teamBasis: { en: "Team basis", zh: "团队提成基数" },
  teamCommission: { en: "Team commission", zh: "团队提成" },
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
  // zh-CN period labels (periodColumn): their own words, so readers find the key columns
  periodLabel: { en: "Period (label)", zh: "考核期" },
  monthLabel: { en: "Month (label)", zh: "所属月份" },
  periodOfMonthLabel: { en: "Period (label)", zh: "所属期间" },
  yearLabel: { en: "Year (label)", zh: "考核年度" },
  appealAdjustment: { en: "Appeal adjustment", zh: "申诉调整" },
} as const satisfies Record<string, Words>;

/** The period key columns, with the words of their label column. */
const PERIOD_LABELS = {
  period: T.periodLabel,
  month: T.monthLabel,
  year: T.yearLabel,
} as const;

/** Whether a sheet shows period labels (2024年第一季度) beside the keys its formulas match. */
export function showsPeriodLabels(lang: Language): boolean {
  return lang === "zh-CN";
}

/**
 * A period column: in en-US the key ("2024-Q1") as it is; in zh-CN its label (2024年第一季度)
 * where the key would be, under its own header, and the key — what SUMIFS, COUNTIFS and the
 * readers match — at the end among the working columns (`periodKeyColumns`).
 */
export function periodColumn(
  ctx: Pick<Ctx, "L" | "lang">,
  c: Cols,
  key: keyof typeof PERIOD_LABELS,
  width: number,
  label: Words = PERIOD_LABELS[key]
): void {
  if (showsPeriodLabels(ctx.lang)) c.add(key + "Label", ctx.L(label), { width: width + 5 });
  else c.add(key, ctx.L(T[key]), { width });
}

/** A period as a sheet in that language shows it: its label in zh-CN (2024年第一季度), else its key. */
export function shownPeriod(key: string, lang: Language): string {
  return showsPeriodLabels(lang) ? periodLabel(key, lang) : key;
}

/** The key columns of the labelled period columns, as working columns (zh-CN). */
export function periodKeyColumns(ctx: Pick<Ctx, "L">, c: Cols, width = 9): void {
  for (const key of Object.keys(PERIOD_LABELS) as (keyof typeof PERIOD_LABELS)[])
    if (c.has(key + "Label")) c.add(key, ctx.L(T[key]), { width }, true);
}

/** Puts a period key, and its label where the sheet shows one. */
export function putPeriod(
  ctx: Pick<Ctx, "lang">,
  put: (key: string, v: Cell) => void,
  has: (key: string) => boolean,
  key: keyof typeof PERIOD_LABELS,
  period: string
): void {
  put(key, period);
  if (has(key + "Label")) put(key + "Label", periodLabel(period, ctx.lang));
}

export function fieldName(plan: Plan, key: string, lang: Language): string {
  const f = plan.fields.find((x) => x.key === key);
  return f ? say(f.name, lang) : key;
}

export function indicatorFields(ind: Indicator): string[] {
  return inputFields(ind.input);
}

/** The Monthly data cell of a field in a month row (relative reference when on the same sheet). */
export function monthField(ctx: Ctx, key: string, m: number, sameSheet = false): string | null {
  const k = "f:" + key;
  if (!ctx.mc.has(k)) return null;
  // Relative: the Commission sheet's rows are the Monthly data rows, so a column of these
  // formulas reads alike (and spreadsheet programs parse it once).
  const cref = a1cell(ctx.monthRow(m), ctx.mc.get(k));
  return sameSheet ? cref : `${quoteSheet(ctx.names.months)}!${cref}`;
}

/** The Monthly data range of a field over a run of month rows. */
export function monthFieldRange(ctx: Ctx, key: string, first: number, last: number): string {
  const col = ctx.mc.get("f:" + key);
  return `${quoteSheet(ctx.names.months)}!${a1range({ row: ctx.monthRow(first), column: col, rows: last - first + 1, columns: 1 }, true)}`;
}

/** Commission sheet reference of a column in a month row. */
export function comCell(ctx: Ctx, key: string, m: number, sameSheet: boolean): string {
  const ref = a1cell(ctx.monthRow(m), ctx.cc.get(key), !sameSheet);
  return sameSheet ? ref : `${quoteSheet(ctx.names.commission)}!${ref}`;
}

export function comRange(
  ctx: Ctx,
  key: string,
  first: number,
  last: number,
  sameSheet = false
): string {
  const r = a1range(
    { row: ctx.monthRow(first), column: ctx.cc.get(key), rows: last - first + 1, columns: 1 },
    !sameSheet
  );
  return sameSheet ? r : `${quoteSheet(ctx.names.commission)}!${r}`;
}

/** Whether the engine reads a target for the indicator (linear scoring, a curve on attainment). */
export function usesTarget(ctx: Ctx, i: number): boolean {
  return ctx.ev.compiled.indicators[i].usesTarget;
}

/** The aggregate of a field over a period's months, as the engine's frame aggregates it. */
export function aggregateFormula(ctx: Ctx, key: string, first: number, last: number): string {
  const f = ctx.plan.fields[ctx.fieldIndex.get(key)!];
  return periodFormula(
    f.aggregate,
    f.optional,
    monthFieldRange(ctx, key, first, last),
    monthFields(ctx, key, first, last)
  );
}

/** The evaluation row (Scorecard) each month row lies in. */
export function periodOfMonths(ev: Evaluation): Int32Array {
  const pf = ev.periods.frame;
  const out = new Int32Array(ev.months.frame.n);
  for (let r = 0; r < pf.n; r++) {
    const [a, b] = monthSpan(pf, r);
    for (let m = a; m <= b; m++) out[m] = r;
  }
  return out;
}

/** The Monthly data cells of a field over a run of month rows, in month order. */
export function monthFields(ctx: Ctx, key: string, first: number, last: number): string[] {
  const cells: string[] = [];
  for (let m = first; m <= last; m++) cells.push(monthField(ctx, key, m)!);
  return cells;
}

/**
 * Means of the 360 ratings (superior, peers, customers) the engine used, as formulas over exactly
 * those Feedback cells (in the engine's order, so the sums agree to the last bit), guarded: each
 * rating row must still hold this person and period and a score between 0 and 100, else #N/A
 * (the ratings were moved or changed: generate again). A group without ratings is "".
 */
export function feedbackMeans(
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

/** The cells of one row of a sheet being built. */
export interface RowCells {
  r: number;
  put: (key: string, v: Cell) => void;
  /** The row's cell of a column. */
  at: (key: string) => string;
  /** The row's period value of a field. */
  agg: (field: string) => string;
}

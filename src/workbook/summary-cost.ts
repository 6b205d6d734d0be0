/**
 * The Summary's cost of the plan and grade spread: the grade spread of each distribution group
 * against the quotas (a flag per grade, in words), and incentive cost ÷ signed and collected
 * revenue by team, by month and by grade — formulas over the Scorecard, the Commission ledger and
 * Monthly data, each cell carrying the engine's value (planCost, the grading's spread).
 */
import type { Language } from "../engine/messages";
import type { Evaluation } from "../engine/evaluate/evaluate";
import { planCost, payMonth, rowRevenue, type CostFigures } from "../engine/evaluate/cost";
import { isError, type Result } from "../engine/errors";
import { PAY_FIELDS } from "../engine/plan/model";
import { costRatioFormula, isNoRevenue } from "../engine/rules/cost";
import { aboveQuotaFormula } from "../engine/rules/distribution";
import { quoteSheet, range as a1range, cell as a1cell, str } from "./a1";
import { ERR, type Value } from "./formula";
import type { Grid } from "./grid";
import type { Cell, RangeRef, StyleSpec } from "./layout";
import { MONEY, shownPeriod } from "./sheets/context";
import type { Words } from "./text";

/** Where an output sheet's columns are (the Summary's formulas read them). */
export interface SheetRef {
  sheet: string;
  /** 0-based sheet rows of the first and last data row. */
  first: number;
  last: number;
  column: (key: string) => number;
  has: (key: string) => boolean;
}

/**
 * Where each incentive line is on the sheets: its Scorecard column (less a column it nets
 * against) and, for lines paid monthly, its column on the Commission ledger or the Pay list.
 */
export const COST_COLUMNS: Record<
  string,
  {
    scorecard: string;
    less?: string;
    month: { sheet: "ledger" | "paylist"; column: string; less?: string } | null;
  }
> = {
  performancePay: { scorecard: "perfPay", month: null },
  commission: { scorecard: "commission", month: { sheet: "ledger", column: "net" } },
  bonus: { scorecard: "bonus", month: { sheet: "ledger", column: "adjustment" } },
  teamCommission: {
    scorecard: "teamCommission",
    month: { sheet: "ledger", column: "teamCommission" },
  },
  guarantee: {
    scorecard: "gTopUp",
    less: "gRecovered",
    month: { sheet: "paylist", column: "topUp", less: "recovered" },
  },
};

export const CW = {
  spread: { en: "Grade spread by distribution group", zh: "各分布组等级分布" },
  group: { en: "Group", zh: "分布组" },
  orBetter: { en: "{label} or better", zh: "{label} 及以上" },
  above: { en: "Above quota", zh: "超出配额" },
  within: { en: "Within quota", zh: "符合配额" },
  check: { en: "Quota check (this grade or better)", zh: "配额检查（本等级及以上）" },
  company: { en: "Company", zh: "全公司" },
  graded: { en: "Graded", zh: "已评级" },
  period: { en: "Period", zh: "考核期间" },
  cost: { en: "Cost of the plan", zh: "方案成本" },
  byTeam: { en: "Incentive cost ÷ revenue by team", zh: "各部门激励成本与收入" },
  byMonth: { en: "Incentive cost ÷ revenue by month", zh: "各月激励成本与收入" },
  byGrade: { en: "Incentive cost ÷ revenue by grade", zh: "各等级激励成本与收入" },
  team: { en: "Team", zh: "部门" },
  month: { en: "Month", zh: "月份" },
  grade: { en: "Grade", zh: "等级" },
  incentive: { en: "Incentive cost", zh: "激励成本" },
  signed: { en: "Signed", zh: "签约额" },
  collected: { en: "Collected", zh: "回款额" },
  ofSigned: { en: "Cost ÷ signed", zh: "成本率（签约）" },
  ofCollected: { en: "Cost ÷ collected", zh: "成本率（回款）" },
  noRevenue: { en: "No revenue", zh: "无收入" },
  working: {
    en: "Working: signed and collected per scorecard row (for the cost by grade)",
    zh: "计算过程：评分卡各行签约额与回款额（用于各等级成本）",
  },
  id: { en: "Employee ID", zh: "员工编号" },
  costNote: {
    en: "Incentive cost = performance pay + commission + bonus/adjustments (+ team commission and the new-hire guarantee's top-up less what is recovered, where the plan has them). By month, performance pay counts in its period's last month. By team and grade a scorecard row whose pay cannot be computed is left out, by month a ledger month that cannot be paid: where one is left out, the months can add up to more than the teams.",
    zh: "激励成本 = 绩效工资 + 销售提成 + 奖金/奖惩（方案设有团队提成、新人保底时，另加团队提成及保底补足减扣回）。按月统计时，绩效工资计入考核期最后一个月。按部门和等级统计时，薪酬无法计算的评分卡行不计入；按月统计时，无法计算提成的月份不计入，因此有行不计入时各月合计可能大于各部门合计。",
  },
} as const satisfies Record<string, Words>;

export interface CostContext {
  ev: Evaluation;
  /** The sheet's language: periods show as labels on zh-CN sheets (2024年第一季度), formulas match keys. */
  language: Language;
  g: Grid;
  styles: StyleSpec[];
  L: (w: Words) => string;
  fx: (formula: string, value: Value) => Cell;
  sc: SheetRef;
  months: SheetRef | null;
  ledger: SheetRef | null;
  /** The Pay list (rows aligned with the ledger's), where the guarantee's months are. */
  paylist: SheetRef | null;
}

const NUMERIC = ">-1E+300";

function box(row: number, column: number, rows: number, columns: number): RangeRef {
  return { row, column, rows, columns };
}

function colOf(ref: SheetRef, key: string): string {
  return `${quoteSheet(ref.sheet)}!${a1range(box(ref.first, ref.column(key), Math.max(1, ref.last - ref.first + 1), 1), true)}`;
}

function money(v: number): Value {
  return Number.isNaN(v) ? ERR : v;
}

/**
 * The spread table (one row per period and group: people at each grade, graded, the check of each
 * grade but the last); returns, per grade, the range of its flags (null for the last grade).
 */
export function writeSpread(
  x: CostContext,
  top: number
): { next: number; flags: (string | null)[] } {
  const { g, styles, L, fx, ev, sc } = x;
  const grades = ev.plan.grading.grades;
  const K = grades.length;
  const spread = ev.grading.spread;
  let row = top;
  g.set(row, 0, L(CW.spread));
  styles.push({ range: box(row, 0, 1, 3 + 2 * K - 1), bold: true, fill: "#DDEBF7" });
  row++;
  const heads = [
    L(CW.period),
    L(CW.group),
    L(CW.graded),
    ...grades.map((gr) => gr.label),
    ...grades.slice(0, K - 1).map((gr) => L(CW.orBetter).replace("{label}", gr.label)),
  ];
  g.line(row, 0, heads);
  styles.push({ range: box(row, 0, 1, heads.length), bold: true, border: "bottom", wrap: true });
  row++;
  const first = row;
  const above = str(L(CW.above));
  const teamGroups = ev.plan.grading.group === "team";
  for (const sp of spread) {
    g.set(row, 0, shownPeriod(sp.period, x.language));
    g.set(row, 1, sp.group || L(CW.company));
    const inGroup =
      `${colOf(sc, "period")},${str(sp.period)}` +
      (teamGroups ? `,${colOf(sc, "team")},${a1cell(row, 1)}` : "");
    grades.forEach((gr, k) =>
      g.set(
        row,
        3 + k,
        fx(`COUNTIFS(${inGroup},${colOf(sc, "grade")},${str(gr.label)})`, sp.counts[k]),
        "0"
      )
    );
    const n = a1cell(row, 2);
    g.set(row, 2, fx(`SUM(${a1range(box(row, 3, 1, K))})`, sp.check.n), "0");
    for (let k = 0; k < K - 1; k++) {
      const atOrAbove = `SUM(${a1range(box(row, 3, 1, k + 1))})`;
      const share = `INDEX(Plan_GradeCumulative,${k + 1})`;
      g.set(
        row,
        3 + K + k,
        fx(aboveQuotaFormula(atOrAbove, n, share, above), sp.check.departs[k] ? L(CW.above) : "")
      );
    }
    row++;
  }
  const flags = grades.map((_, k) =>
    k < K - 1 && spread.length > 0 ? a1range(box(first, 3 + K + k, spread.length, 1), true) : null
  );
  if (spread.length > 0)
    styles.push({ range: box(first, 3 + K, spread.length, K - 1), fontColor: "#C00000" });
  return { next: row + 1, flags };
}

/** The distribution table's flag of grade k: above quota in any group and period, in words. */
export function quotaFlag(x: CostContext, k: number, flags: (string | null)[]): Cell {
  const range = flags[k];
  if (range === null) return null;
  const departs = x.ev.grading.spread.some((s) => s.check.departs[k]);
  return x.fx(
    `IF(COUNTIFS(${range},${str(x.L(CW.above))})>0,${str(x.L(CW.above))},${str(x.L(CW.within))})`,
    departs ? x.L(CW.above) : x.L(CW.within)
  );
}

function ratioValue(r: Result<number>, L: CostContext["L"]): Value {
  if (isNoRevenue(r)) return L(CW.noRevenue);
  return isError(r) ? ERR : r;
}

/** One cost row: the lines, their sum, revenue and the two ratios. */
function costLine(
  x: CostContext,
  row: number,
  label: string,
  f: CostFigures,
  line: (k: number) => string | null,
  revenue: (field: string) => string | null
): void {
  const { g, fx, L } = x;
  g.set(row, 0, label);
  const nl = f.lines.length;
  f.lines.forEach((v, k) => {
    const formula = line(k);
    g.set(row, 1 + k, formula === null ? v : fx(formula, money(v)), MONEY);
  });
  const costCell = a1cell(row, 1 + nl);
  g.set(row, 1 + nl, fx(`ROUND(SUM(${a1range(box(row, 1, 1, nl))}),2)`, money(f.cost)), MONEY);
  const rev = (c: number, field: string, v: number) => {
    const formula = revenue(field);
    g.set(row, c, formula === null ? v : fx(`ROUND(${formula},2)`, money(v)), MONEY);
  };
  rev(2 + nl, PAY_FIELDS.signed, f.signed);
  rev(3 + nl, PAY_FIELDS.collected, f.collected);
  const noRev = str(L(CW.noRevenue));
  g.set(
    row,
    4 + nl,
    fx(costRatioFormula(costCell, a1cell(row, 2 + nl), noRev), ratioValue(f.ofSigned, L)),
    "0.00%"
  );
  g.set(
    row,
    5 + nl,
    fx(costRatioFormula(costCell, a1cell(row, 3 + nl), noRev), ratioValue(f.ofCollected, L)),
    "0.00%"
  );
}

function costHeader(x: CostContext, row: number, title: Words, key: Words): number {
  const { g, styles, L } = x;
  g.set(row, 0, L(title));
  const heads = [
    L(key),
    ...planCost(x.ev).lines.map((l) => L(l.name)),
    L(CW.incentive),
    L(CW.signed),
    L(CW.collected),
    L(CW.ofSigned),
    L(CW.ofCollected),
  ];
  styles.push({ range: box(row, 0, 1, heads.length), bold: true, fill: "#DDEBF7" });
  g.line(row + 1, 0, heads);
  styles.push({
    range: box(row + 1, 0, 1, heads.length),
    bold: true,
    border: "bottom",
    wrap: true,
  });
  return row + 2;
}

type CostColumns = (typeof COST_COLUMNS)[string];

/**
 * An incentive line's sum over the Scorecard rows that meet `crit` (all rows when it is empty):
 * its column, less the column it nets against; a row either column leaves blank is left out.
 */
function scorecardSum(sc: SheetRef, c: CostColumns, crit: string): string {
  const cond = crit ? `,${crit}` : "";
  if (!c.less || !sc.has(c.less))
    return crit ? `SUMIFS(${colOf(sc, c.scorecard)}${cond})` : `SUM(${colOf(sc, c.scorecard)})`;
  const both = `,${colOf(sc, c.scorecard)},${str(NUMERIC)},${colOf(sc, c.less)},${str(NUMERIC)}`;
  return `SUMIFS(${colOf(sc, c.scorecard)}${cond}${both})-SUMIFS(${colOf(sc, c.less)}${cond}${both})`;
}

/** A monthly line's sum over one month of the ledger or the Pay list (months it cannot pay left out). */
function monthSum(ref: SheetRef, c: NonNullable<CostColumns["month"]>, month: string): string {
  const less = c.less && ref.has(c.less) ? c.less : null;
  const num = (k: string) => `,${colOf(ref, k)},${str(NUMERIC)}`;
  const cond = `,${colOf(ref, "month")},${month}${num(c.column)}${less ? num(less) : ""}`;
  const plus = `SUMIFS(${colOf(ref, c.column)}${cond})`;
  return less ? `${plus}-SUMIFS(${colOf(ref, less)}${cond})` : plus;
}

/** The cost of the plan by team (then the company), by month and by grade; the row after it. */
export function writeCost(x: CostContext, top: number): number {
  const { g, styles, L, ev, sc, months } = x;
  const cost = planCost(ev);
  const keys = cost.lines.map((l) => COST_COLUMNS[l.key]);
  let row = top;
  g.set(row, 0, L(CW.cost));
  styles.push({ range: box(row, 0, 1, 10), bold: true, fontSize: 12 });
  g.set(row + 1, 0, L(CW.costNote));
  styles.push({ range: box(row + 1, 0, 1, 10), italic: true, fontColor: "#595959" });
  row += 3;
  const mdField = (field: string) =>
    months && months.has("f:" + field) ? colOf(months, "f:" + field) : null;
  // by team, then the company
  row = costHeader(x, row, CW.byTeam, CW.team);
  for (const t of cost.byTeam) {
    const crit = `${colOf(sc, "team")},${a1cell(row, 0)}`;
    costLine(
      x,
      row,
      t.team,
      t,
      (k) => `ROUND(${scorecardSum(sc, keys[k], crit)},2)`,
      (field) =>
        mdField(field) && `SUMIFS(${mdField(field)},${colOf(months!, "team")},${a1cell(row, 0)})`
    );
    row++;
  }
  costLine(
    x,
    row,
    L(CW.company),
    cost.overall,
    (k) => `ROUND(${scorecardSum(sc, keys[k], "")},2)`,
    (field) => mdField(field) && `SUM(${mdField(field)})`
  );
  styles.push({ range: box(row, 0, 1, 6 + keys.length), bold: true, border: "top" });
  row += 2;
  // by month
  row = costHeader(x, row, CW.byMonth, CW.month);
  const periods = [...new Set(ev.periods.frame.periods)].sort();
  for (const m of cost.byMonth) {
    costLine(
      x,
      row,
      shownPeriod(m.month, x.language),
      m,
      (k) => {
        const mc = keys[k].month;
        if (mc !== null) {
          // months the ledger cannot pay (#N/A) are left out, as the Scorecard leaves their rows out
          const ref = mc.sheet === "ledger" ? x.ledger : x.paylist;
          return ref ? `ROUND(${monthSum(ref, mc, str(m.month))},2)` : null;
        }
        const paid = periods.filter((p) => payMonth(p) === m.month);
        if (paid.length === 0) return null;
        return `ROUND(${paid.map((p) => `SUMIFS(${colOf(sc, keys[k].scorecard)},${colOf(sc, "period")},${str(p)})`).join("+")},2)`;
      },
      (field) =>
        mdField(field) && `SUMIFS(${mdField(field)},${colOf(months!, "month")},${str(m.month)})`
    );
    row++;
  }
  row++;
  // by grade, revenue from the working table below
  row = costHeader(x, row, CW.byGrade, CW.grade);
  const n = ev.periods.frame.n;
  const gradeTop = row;
  const workTop = gradeTop + cost.byGrade.length + 1;
  const work = (c: number) => a1range(box(workTop + 2, c, Math.max(1, n), 1), true);
  for (const gr of cost.byGrade) {
    const crit = `${colOf(sc, "grade")},${a1cell(row, 0)}`;
    costLine(
      x,
      row,
      gr.grade,
      gr,
      (k) => `ROUND(${scorecardSum(sc, keys[k], crit)},2)`,
      (field) =>
        mdField(field) &&
        `SUMIFS(${work(field === PAY_FIELDS.signed ? 3 : 4)},${work(2)},${a1cell(row, 0)})`
    );
    row++;
  }
  return writeWorking(x, workTop);
}

/** Signed and collected per scorecard row, the revenue the cost by grade sums by grade. */
function writeWorking(x: CostContext, top: number): number {
  const { g, styles, L, fx, ev, sc, months } = x;
  let row = top;
  g.set(row, 0, L(CW.working));
  styles.push({ range: box(row, 0, 1, 5), italic: true, fontColor: "#595959" });
  row++;
  g.line(row, 0, [L(CW.id), L(CW.period), L(CW.grade), L(CW.signed), L(CW.collected)]);
  styles.push({ range: box(row, 0, 1, 5), bold: true, border: "bottom", fontColor: "#595959" });
  row++;
  const pf = ev.periods.frame;
  const grades = ev.plan.grading.grades;
  const scCell = (r: number, key: string) =>
    `${quoteSheet(sc.sheet)}!${a1cell(sc.first + r, sc.column(key))}`;
  for (let r = 0; r < pf.n; r++) {
    g.set(row, 0, fx(scCell(r, "id"), pf.ids[r]));
    g.set(row, 1, fx(scCell(r, "period"), pf.periods[r]));
    const gi = ev.grading.gradeIndex[r];
    g.set(row, 2, fx(`${scCell(r, "grade")}&""`, gi >= 0 ? grades[gi].label : ""));
    const revenue = rowRevenue(ev, r);
    [revenue.signed, revenue.collected].forEach((s, j) => {
      const key = "f:" + (j === 0 ? PAY_FIELDS.signed : PAY_FIELDS.collected);
      if (!months || !months.has(key)) return g.set(row, 3 + j, 0, MONEY);
      g.set(
        row,
        3 + j,
        fx(
          `SUMIFS(${colOf(months, key)},${colOf(months, "id")},${a1cell(row, 0)},${colOf(months, "period")},${a1cell(row, 1)})`,
          money(s)
        ),
        MONEY
      );
    });
    row++;
  }
  return row + 1;
}

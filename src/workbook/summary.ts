/**
 * The Summary sheet (汇总): grade distribution against the quotas per evaluation period, average
 * scores by team and dimension, pay totals by period — formulas over the Scorecard (COUNTIFS,
 * SUMIFS), two native charts described as ChartSpec, and data bars so the tables read as
 * pictures where a writer cannot draw charts. The values are computed here from the engine's
 * scorecard rows (summaryValues), the same way the formulas compute them.
 */
import type { Language } from "../engine/messages";
import type { Plan } from "../engine/plan/model";
import type { Evaluation } from "../engine/evaluate/evaluate";
import { scorecardRows, type ScorecardRow } from "../engine/evaluate/rows";
import { quoteSheet, range as a1range, cell as a1cell, str } from "./a1";
import { cellMaker, type FormulaStyle } from "./formula";
import { Grid } from "./grid";
import { MONEY, moneyHeader } from "./money";
import { shownPeriod } from "./sheets/context";
import type { ChartSpec, RangeRef, SheetLayout, SheetRole, StyleSpec } from "./layout";
import { sheet as emptySheet } from "./layout";
import type { Words } from "./text";
import { say } from "./text";
import {
  CW,
  quotaFlag,
  writeCost,
  writeSpread,
  type CostContext,
  type SheetRef,
} from "./summary-cost";

/** Where the scorecard's columns are (the Summary's formulas read them). */
export interface ScorecardRef {
  sheet: string;
  /** 0-based sheet rows of the first and last scorecard row. */
  first: number;
  last: number;
  column: (key: string) => number;
  /** Whether the Scorecard has a column (every column asked for, when not given). */
  has?: (key: string) => boolean;
}

export interface SummaryValues {
  periods: string[];
  grades: string[];
  /** counts[g][p]: rows of period p graded grades[g]. */
  counts: number[][];
  teams: string[];
  /** Per team (then the company): rows with a total, mean of each dimension and of the total. */
  averages: {
    team: string | null;
    scored: number;
    dimensions: (number | null)[];
    total: number | null;
  }[];
  /** Per period: pay line totals over rows that have them. */
  pay: {
    period: string;
    graded: number;
    base: number;
    performancePay: number;
    commission: number;
    bonus: number;
    total: number;
  }[];
}

function mean(values: (number | null)[]): { n: number; mean: number | null } {
  let s = 0;
  let n = 0;
  for (const v of values) {
    if (v === null) continue;
    s += v;
    n++;
  }
  return { n, mean: n === 0 ? null : s / n };
}

function sumOf(values: (number | null)[]): number {
  let s = 0;
  for (const v of values) if (v !== null) s += v;
  return s;
}

/** The Summary's numbers from the engine's scorecard rows. */
export function summaryValues(plan: Plan, rows: readonly ScorecardRow[]): SummaryValues {
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const grades = plan.grading.grades.map((g) => g.label);
  const counts = grades.map((g) =>
    periods.map((p) => rows.filter((r) => r.period === p && r.grade === g).length)
  );
  const teams = [...new Set(rows.map((r) => r.team))].sort((a, b) => a.localeCompare(b, "zh-CN"));
  const avg = (rs: readonly ScorecardRow[], team: string | null) => ({
    team,
    scored: rs.filter((r) => r.total !== null).length,
    dimensions: plan.dimensions.map((_, d) => mean(rs.map((r) => r.dimensions[d])).mean),
    total: mean(rs.map((r) => r.total)).mean,
  });
  const averages = [
    ...teams.map((t) =>
      avg(
        rows.filter((r) => r.team === t),
        t
      )
    ),
    avg(rows, null),
  ];
  const pay = periods.map((p) => {
    const rs = rows.filter((r) => r.period === p);
    return {
      period: p,
      graded: rs.filter((r) => r.grade !== null).length,
      base: sumOf(rs.map((r) => r.base)),
      performancePay: sumOf(rs.map((r) => r.performancePay)),
      commission: sumOf(rs.map((r) => r.commission)),
      bonus: sumOf(rs.map((r) => r.bonus)),
      total: sumOf(rs.map((r) => r.totalPay)),
    };
  });
  return { periods, grades, counts, teams, averages, pay };
}

const W = {
  title: { en: "Summary", zh: "绩效汇总" },
  distribution: { en: "Grade distribution against the quotas", zh: "等级分布与分布比例" },
  grade: { en: "Grade", zh: "等级" },
  name: { en: "Name", zh: "名称" },
  quota: { en: "Quota", zh: "分布比例" },
  all: { en: "All periods", zh: "合计" },
  share: { en: "Share", zh: "占比" },
  graded: { en: "Graded", zh: "已评级" },
  averages: { en: "Average scores by team and dimension", zh: "各部门各维度平均得分" },
  team: { en: "Team", zh: "部门" },
  scored: { en: "Scored rows", zh: "已评分人次" },
  total: { en: "Total score", zh: "总分" },
  company: { en: "Company", zh: "全公司" },
  pay: { en: "Pay by period", zh: "各期薪酬合计" },
  period: { en: "Period", zh: "考核期间" },
  base: { en: "Base pay", zh: "基本工资" },
  perfPay: { en: "Performance pay", zh: "绩效工资" },
  commission: { en: "Commission", zh: "销售提成" },
  bonus: { en: "Bonus / adjustments", zh: "奖金/奖惩" },
  totalPay: { en: "Total pay", zh: "应发合计" },
  chartGrades: { en: "Grade distribution", zh: "等级分布" },
  chartTeams: { en: "Average total score by team", zh: "各部门平均总分" },
  note: {
    en: "Formulas over the Scorecard: they follow it when it recalculates. Rows that cannot be scored are left out of averages and counts.",
    zh: "本表公式引用评分卡，随评分卡重新计算。无法计分的行不计入平均值和人数。",
  },
} as const satisfies Record<string, Words>;

const NUMERIC = ">-1E+300";

function box(row: number, column: number, rows: number, columns: number): RangeRef {
  return { row, column, rows, columns };
}

/** The sheet being laid out: its grid, styles, charts and data bars, and how cells are made. */
interface Summary {
  plan: Plan;
  v: SummaryValues;
  g: Grid;
  styles: StyleSpec[];
  charts: ChartSpec[];
  dataBars: { range: RangeRef; color: string }[];
  L: (w: Words) => string;
  fx: ReturnType<typeof cellMaker>;
  language: Language;
  /** Absolute reference of a scorecard column over its rows. */
  col: (key: string) => string;
}

export function summarySheet(
  plan: Plan,
  ev: Evaluation,
  style: FormulaStyle,
  language: Language,
  sc: ScorecardRef,
  sheetNames: Record<SheetRole, string>,
  /** Monthly data, the Commission ledger and the Pay list, which the cost by month and revenue read. */
  refs: { months: SheetRef | null; ledger: SheetRef | null; paylist?: SheetRef | null } = {
    months: null,
    ledger: null,
  }
): SheetLayout {
  const x: Summary = {
    plan,
    v: summaryValues(plan, scorecardRows(ev)),
    g: new Grid(),
    styles: [],
    charts: [],
    dataBars: [],
    L: (w: Words) => say(w, language),
    fx: cellMaker(style),
    language,
    col: (key: string) =>
      `${quoteSheet(sc.sheet)}!${a1range({ row: sc.first, column: sc.column(key), rows: Math.max(1, sc.last - sc.first + 1), columns: 1 }, true)}`,
  };
  const { g, styles, L, v } = x;
  g.set(0, 0, `${L(W.title)} · ${say(plan.name, language)} ${plan.version}`);
  styles.push({
    range: box(0, 0, 1, 8),
    bold: true,
    fontSize: 14,
    fill: "#1F4E78",
    fontColor: "#FFFFFF",
  });
  g.set(1, 0, L(W.note));
  styles.push({ range: box(1, 0, 1, 8), italic: true, fontColor: "#595959" });
  const distribution = writeDistribution(x, 3);
  const payRow = writeAverages(x, distribution.next);
  const spreadRow = writePay(x, payRow, distribution.gradedRow);
  const cx: CostContext = {
    ev,
    language,
    g,
    styles,
    L,
    fx: x.fx,
    sc: { ...sc, has: sc.has ?? (() => true) },
    months: refs.months,
    ledger: refs.ledger,
    paylist: refs.paylist ?? null,
  };
  const spread = writeSpread(cx, spreadRow);
  // beside the grade distribution: whether each grade (or better) departs from its quota
  const flagCol = 5 + v.periods.length;
  g.set(distribution.head, flagCol, L(CW.check));
  plan.grading.grades.forEach((_, k) =>
    g.set(distribution.firstGrade + k, flagCol, quotaFlag(cx, k, spread.flags))
  );
  styles.push({
    range: box(distribution.head, flagCol, 1, 1),
    bold: true,
    border: "bottom",
    wrap: true,
  });
  writeCost(cx, spread.next);

  const s = emptySheet("summary", sheetNames.summary, "output");
  s.blocks.push(g.block());
  s.styles = styles;
  s.charts = x.charts;
  s.dataBars = x.dataBars;
  s.columns = [
    { width: 16 },
    { width: 12 },
    { width: 12 },
    ...Array.from(
      { length: Math.max(v.periods.length + 3, plan.dimensions.length + 2, 6) },
      () => ({
        width: 13,
      })
    ),
  ];
  s.freeze = { rows: 1, columns: 0 };
  s.tabColor = "#00B050";
  return s;
}

/** Grade distribution against the quotas, per period; the row after it and its totals row. */
function writeDistribution(
  x: Summary,
  top: number
): { next: number; gradedRow: number; head: number; firstGrade: number } {
  const { g, styles, L, v, fx } = x;
  let row = top;
  g.set(row, 0, L(W.distribution));
  styles.push({ range: box(row, 0, 1, 4 + v.periods.length + 2), bold: true, fill: "#DDEBF7" });
  row++;
  const head = row;
  const labels = v.periods.map((p) => shownPeriod(p, x.language));
  g.line(row, 0, [L(W.grade), L(W.name), L(W.quota), ...labels, L(W.all), L(W.share)]);
  styles.push({ range: box(row, 0, 1, 5 + v.periods.length), bold: true, border: "bottom" });
  row++;
  const firstGrade = row;
  const nP = v.periods.length;
  const allCol = 3 + nP;
  const gradedRow = firstGrade + v.grades.length;
  x.plan.grading.grades.forEach((gr, gi) => {
    g.set(row, 0, gr.label);
    g.set(row, 1, say(gr.name, x.language));
    g.set(row, 2, fx(`INDEX(Plan_GradeQuota,${gi + 1})`, gr.quota), "0%");
    v.periods.forEach((p, pi) => {
      g.set(
        row,
        3 + pi,
        fx(
          `COUNTIFS(${x.col("period")},${str(p)},${x.col("grade")},${a1cell(row, 0, false)})`,
          v.counts[gi][pi]
        ),
        "0"
      );
    });
    const all = v.counts[gi].reduce((a, b) => a + b, 0);
    const totalGraded = v.counts.reduce((a, c) => a + c.reduce((y, z) => y + z, 0), 0);
    g.set(row, allCol, fx(nP ? `SUM(${a1range(box(row, 3, 1, nP))})` : "0", all), "0");
    g.set(
      row,
      allCol + 1,
      fx(
        `IF(${a1cell(gradedRow, allCol, true)}=0,"",${a1cell(row, allCol)}/${a1cell(gradedRow, allCol, true)})`,
        totalGraded === 0 ? "" : all / totalGraded
      ),
      "0.0%"
    );
    row++;
  });
  g.set(row, 0, L(W.graded));
  for (let pi = 0; pi <= nP; pi++) {
    const c = 3 + pi;
    const value =
      pi < nP
        ? v.counts.reduce((a, cs) => a + cs[pi], 0)
        : v.counts.reduce((a, cs) => a + cs.reduce((y, z) => y + z, 0), 0);
    g.set(row, c, fx(`SUM(${a1range(box(firstGrade, c, v.grades.length, 1))})`, value), "0");
  }
  styles.push({ range: box(row, 0, 1, 5 + nP), bold: true, border: "top" });
  if (nP > 0 && v.grades.length > 0) {
    x.dataBars.push({ range: box(firstGrade, allCol, v.grades.length, 1), color: "#5B9BD5" });
    x.charts.push({
      type: "columnClustered",
      title: L(W.chartGrades),
      categories: box(firstGrade, 0, v.grades.length, 1),
      series: v.periods.map((p, pi) => ({
        name: labels[pi],
        values: box(firstGrade, 3 + pi, v.grades.length, 1),
      })),
      anchor: box(head, 7 + nP, 16, 8),
    });
  }
  return { next: row + 2, gradedRow, head, firstGrade };
}

/** Average scores by team and dimension, then the company; the row after it. */
function writeAverages(x: Summary, top: number): number {
  const { g, styles, L, v, fx, col, plan } = x;
  let row = top;
  g.set(row, 0, L(W.averages));
  const nd = plan.dimensions.length;
  styles.push({ range: box(row, 0, 1, 3 + nd), bold: true, fill: "#DDEBF7" });
  row++;
  g.line(row, 0, [
    L(W.team),
    L(W.scored),
    ...plan.dimensions.map((d) => say(d.name, x.language)),
    L(W.total),
  ]);
  styles.push({ range: box(row, 0, 1, 3 + nd), bold: true, border: "bottom", wrap: true });
  row++;
  const firstTeam = row;
  v.averages.forEach((a) => {
    const crit = a.team === null ? "" : `${col("team")},${a1cell(row, 0, false)},`;
    g.set(row, 0, a.team === null ? L(W.company) : a.team);
    g.set(row, 1, fx(`COUNTIFS(${crit}${col("total")},${str(NUMERIC)})`, a.scored), "0");
    const avg = (key: string, value: number | null, c: number) => {
      const n = `COUNTIFS(${crit}${col(key)},${str(NUMERIC)})`;
      g.set(
        row,
        c,
        fx(
          `IF(${n}=0,"",SUMIFS(${col(key)},${crit}${col(key)},${str(NUMERIC)})/${n})`,
          value === null ? "" : value
        ),
        "0.00"
      );
    };
    plan.dimensions.forEach((d, di) => avg("d:" + d.key, a.dimensions[di], 2 + di));
    avg("total", a.total, 2 + nd);
    if (a.team === null) styles.push({ range: box(row, 0, 1, 3 + nd), bold: true, border: "top" });
    row++;
  });
  if (v.teams.length > 0) {
    x.dataBars.push({ range: box(firstTeam, 2 + nd, v.teams.length, 1), color: "#70AD47" });
    x.charts.push({
      type: "barClustered",
      title: L(W.chartTeams),
      categories: box(firstTeam, 0, v.teams.length, 1),
      series: [{ name: L(W.total), values: box(firstTeam, 2 + nd, v.teams.length, 1) }],
      anchor: box(firstTeam - 2, 5 + nd, Math.max(12, v.teams.length + 4), 8),
    });
  }
  return row + 1;
}

/** Pay totals by period, then all periods (graded rows from the distribution's totals row); the row after it. */
function writePay(x: Summary, top: number, gradedRow: number): number {
  const { g, styles, L, v, fx, col } = x;
  let row = top;
  g.set(row, 0, L(W.pay));
  styles.push({ range: box(row, 0, 1, 7), bold: true, fill: "#DDEBF7" });
  row++;
  const M = (w: Words) => moneyHeader(L(w), x.language);
  g.line(row, 0, [
    L(W.period),
    L(W.graded),
    M(W.base),
    M(W.perfPay),
    M(W.commission),
    M(W.bonus),
    M(W.totalPay),
  ]);
  styles.push({ range: box(row, 0, 1, 7), bold: true, border: "bottom", wrap: true });
  row++;
  const firstPay = row;
  v.pay.forEach((p) => {
    // the period's label on zh-CN sheets (2024年第一季度); the formulas match its key
    const crit = `${col("period")},${str(p.period)}`;
    g.set(row, 0, shownPeriod(p.period, x.language));
    // Graded rows of the period: the distribution table's total for that period.
    g.set(row, 1, fx(a1cell(gradedRow, 3 + v.periods.indexOf(p.period)), p.graded), "0");
    const money = (key: string, value: number, c: number) =>
      g.set(row, c, fx(`SUMIFS(${col(key)},${crit})`, value), MONEY);
    money("base", p.base, 2);
    money("perfPay", p.performancePay, 3);
    money("commission", p.commission, 4);
    money("bonus", p.bonus, 5);
    money("totalPay", p.total, 6);
    row++;
  });
  if (v.pay.length === 0) return row + 1;
  g.set(row, 0, L(W.all));
  for (let c = 1; c <= 6; c++) {
    const value =
      c === 1
        ? v.pay.reduce((a, p) => a + p.graded, 0)
        : v.pay.reduce(
            (a, p) => a + [0, 0, p.base, p.performancePay, p.commission, p.bonus, p.total][c],
            0
          );
    g.set(
      row,
      c,
      fx(`SUM(${a1range(box(firstPay, c, v.pay.length, 1))})`, value),
      c === 1 ? "0" : MONEY
    );
  }
  styles.push({ range: box(row, 0, 1, 7), bold: true, border: "top" });
  x.dataBars.push({ range: box(firstPay, 6, v.pay.length, 1), color: "#FFC000" });
  return row + 2;
}

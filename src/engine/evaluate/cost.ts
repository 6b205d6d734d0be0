/**
 * The cost of the plan (方案成本): incentive cost ÷ revenue by team, by month, by grade and overall.
 * Incentive cost is the sum of the incentive pay lines (incentiveLines: performance pay, commission,
 * bonus/adjustments, and team commission and the new-hire guarantee where the plan has them); revenue is signed (sales_amount) and collected, as the Data sheet gives them.
 *
 * By team, by grade and overall the lines are the evaluation rows' (the Scorecard's): a row whose
 * line could not be computed is left out of that line, as the Summary's pay table leaves it out.
 * By month, commission and adjustments are the ledger's months (a month the ledger cannot pay is
 * left out, as a row is) and performance pay counts in its period's pay month, the period's last month (the pay
 * schedule's default: the quarter's performance pay with the quarter's last month).
 * Revenue is the sum of the months' readable values; an unreadable cell makes it unreadable.
 * So with a row left out, its good months still count by month: the months can add up to more
 * than the teams (the Summary's note says so).
 */
import type { Catalogue, MessageText } from "../messages";
import type { Result } from "../errors";
import { roundMoney } from "../numeric";
import { monthKey, parsePeriodKey } from "../periods";
import { costRatio } from "../rules/cost";
import type { Evaluation } from "./evaluate";
import { guaranteeOf, teamCommission, type Plan } from "../plan/model";
import { CellState, type Frame } from "./frame";

export const COST_MESSAGES = {
  noRevenue: {
    en: "No revenue to set the cost against.",
    zh: "无收入，无法计算成本率。",
  },
  revenueUnreadable: {
    en: "Revenue or cost cannot be read: a Data cell is not a number or a pay line cannot be computed.",
    zh: "收入或成本无法读取：数据表中有非数字单元格，或有薪酬项无法计算。",
  },
  costPerformancePay: { en: "Performance pay", zh: "绩效工资" },
  costCommission: { en: "Commission", zh: "销售提成" },
  costBonus: { en: "Bonus / adjustments", zh: "奖金/奖惩" },
  costTeamCommission: { en: "Team commission", zh: "团队提成" },
  costGuarantee: { en: "New-hire guarantee (top-up − recovered)", zh: "新人保底（补足 − 扣回）" },
} satisfies Catalogue;

/**
 * An incentive pay line. A pay line the plan may add (team commission, the new-hire guarantee)
 * is one more entry in {@link incentiveLines}, and one column entry in the Summary's COST_COLUMNS.
 */
export interface IncentiveLine {
  key: string;
  name: MessageText;
  /** The line on an evaluation row; NaN where it could not be computed. */
  period: (ev: Evaluation, r: number) => number;
  /** The line on a month row, or null: the line is paid in its evaluation period's pay month. */
  month: ((ev: Evaluation, m: number) => number) | null;
}

/** The lines every plan has: performance pay, commission, bonus and adjustments. */
export const INCENTIVE_LINES: readonly IncentiveLine[] = [
  {
    key: "performancePay",
    name: COST_MESSAGES.costPerformancePay,
    period: (ev, r) => ev.periodPay.performancePay[r],
    month: null,
  },
  {
    key: "commission",
    name: COST_MESSAGES.costCommission,
    period: (ev, r) => ev.periodPay.commission[r],
    month: (ev, m) => ev.monthPay.commission[m],
  },
  {
    key: "bonus",
    name: COST_MESSAGES.costBonus,
    period: (ev, r) => ev.periodPay.bonus[r],
    month: (ev, m) => ev.monthPay.adjustment[m],
  },
];

const TEAM_LINE: IncentiveLine = {
  key: "teamCommission",
  name: COST_MESSAGES.costTeamCommission,
  period: (ev, r) => ev.periodPay.teamCommission[r],
  month: (ev, m) => ev.monthPay.teamCommission[m],
};

/** The guarantee costs what it tops up, less what later commission recovers of it. */
const GUARANTEE_LINE: IncentiveLine = {
  key: "guarantee",
  name: COST_MESSAGES.costGuarantee,
  period: (ev, r) => ev.periodPay.guaranteeTopUp[r] - ev.periodPay.guaranteeRecovered[r],
  month: (ev, m) => ev.payroll.guaranteeTopUp[m] - ev.payroll.guaranteeRecovered[m],
};

/** The plan's incentive lines: the common ones, then team commission and the guarantee when it has them. */
export function incentiveLines(plan: Plan): readonly IncentiveLine[] {
  const lines = [...INCENTIVE_LINES];
  if (teamCommission(plan)) lines.push(TEAM_LINE);
  if (guaranteeOf(plan).enabled) lines.push(GUARANTEE_LINE);
  return lines;
}

export interface CostFigures {
  /** Each incentive line's total (INCENTIVE_LINES order), to the cent; NaN where unknown. */
  lines: number[];
  /** Incentive cost: the lines' sum, to the cent. */
  cost: number;
  /** Revenue, to the cent; NaN where a cell could not be read. */
  signed: number;
  collected: number;
  /** Cost ÷ signed and cost ÷ collected, or why there is none (noRevenue, revenueUnreadable). */
  ofSigned: Result<number>;
  ofCollected: Result<number>;
}

export interface PlanCost {
  lines: readonly IncentiveLine[];
  byTeam: ({ team: string } & CostFigures)[];
  byMonth: ({ month: string } & CostFigures)[];
  byGrade: ({ grade: string } & CostFigures)[];
  overall: CostFigures;
}

function figures(lines: number[], signed: number, collected: number): CostFigures {
  const rounded = lines.map(roundMoney);
  const cost = roundMoney(rounded.reduce((a, b) => a + b, 0));
  const s = roundMoney(signed);
  const c = roundMoney(collected);
  return {
    lines: rounded,
    cost,
    signed: s,
    collected: c,
    ofSigned: costRatio(cost, s),
    ofCollected: costRatio(cost, c),
  };
}

/** A field's sum over month rows: readable values; an unreadable one makes the sum NaN. */
function fieldSum(frame: Frame, field: number, months: Iterable<number>): number {
  if (field < 0) return 0;
  let s = 0;
  for (const m of months) {
    const st = frame.states[field][m];
    if (st === CellState.Ok) s += frame.values[field][m];
    else if (st === CellState.Invalid) return NaN;
  }
  return s;
}

/** Signed and collected revenue of one evaluation row (its months' readable values). */
export function rowRevenue(ev: Evaluation, r: number): { signed: number; collected: number } {
  const pf = ev.periods.frame;
  const months: number[] = [];
  for (let m = pf.first[r]; m < pf.end[r]; m++) months.push(m);
  const p = ev.compiled.pay;
  const mf = ev.months.frame;
  return { signed: fieldSum(mf, p.signed, months), collected: fieldSum(mf, p.collected, months) };
}

/** The month an evaluation period's performance pay is paid with: its last month. */
export function payMonth(period: string): string {
  const p = parsePeriodKey(period);
  if (!p || p.kind === "month") return period;
  return p.kind === "quarter" ? monthKey(p.year, p.index * 3) : monthKey(p.year, 12);
}

/** Cost and revenue of a set of evaluation rows (rows whose line is NaN are left out of it). */
function rowsCost(ev: Evaluation, rows: readonly number[]): CostFigures {
  const pf = ev.periods.frame;
  const mf = ev.months.frame;
  const lines = incentiveLines(ev.plan).map((l) => {
    let s = 0;
    for (const r of rows) {
      const v = l.period(ev, r);
      if (!Number.isNaN(v)) s += v;
    }
    return s;
  });
  const months: number[] = [];
  for (const r of rows) for (let m = pf.first[r]; m < pf.end[r]; m++) months.push(m);
  const p = ev.compiled.pay;
  return figures(lines, fieldSum(mf, p.signed, months), fieldSum(mf, p.collected, months));
}

function byMonth(ev: Evaluation): PlanCost["byMonth"] {
  const pf = ev.periods.frame;
  const mf = ev.months.frame;
  const keys = new Set<string>();
  for (let m = 0; m < mf.n; m++) keys.add(mf.periods[m]);
  for (let r = 0; r < pf.n; r++) keys.add(payMonth(pf.periods[r]));
  const p = ev.compiled.pay;
  return [...keys].sort().map((month) => {
    const rows: number[] = [];
    for (let m = 0; m < mf.n; m++) if (mf.periods[m] === month) rows.push(m);
    const lines = incentiveLines(ev.plan).map((l) => {
      let s = 0;
      if (l.month)
        for (const m of rows) {
          const v = l.month(ev, m);
          if (!Number.isNaN(v)) s += v;
        }
      else
        for (let r = 0; r < pf.n; r++) {
          const v = l.period(ev, r);
          if (payMonth(pf.periods[r]) === month && !Number.isNaN(v)) s += v;
        }
      return s;
    });
    return {
      month,
      ...figures(lines, fieldSum(mf, p.signed, rows), fieldSum(mf, p.collected, rows)),
    };
  });
}

/** The cost of the plan of an evaluation, by team, month and grade, and overall. */
export function planCost(ev: Evaluation): PlanCost {
  const pf = ev.periods.frame;
  const all = Array.from({ length: pf.n }, (_, r) => r);
  const teams = [...new Set(pf.teams)].sort((a, b) => a.localeCompare(b, "zh-CN"));
  const grades = ev.plan.grading.grades;
  return {
    lines: incentiveLines(ev.plan),
    byTeam: teams.map((team) => ({
      team,
      ...rowsCost(
        ev,
        all.filter((r) => pf.teams[r] === team)
      ),
    })),
    byMonth: byMonth(ev),
    byGrade: grades.map((g, gi) => ({
      grade: g.label,
      ...rowsCost(
        ev,
        all.filter((r) => ev.grading.gradeIndex[r] === gi)
      ),
    })),
    overall: rowsCost(ev, all),
  };
}

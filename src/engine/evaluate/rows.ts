/**
 * Results as plain rows — what the Scorecard, Summary and Commission sheets and the task pane
 * show. Numbers are null where they could not be computed; `problems` says why.
 */
import type { Issue } from "../issues";
import { orNull } from "../numeric";
import type { Evaluation } from "./evaluate";
import { explain, rowProblems } from "./explain";
import { IndicatorStatus, RowStatus } from "./score";

export type RowStatusName = "ok" | "warning" | "error";
const STATUS: RowStatusName[] = ["ok", "warning", "error"];
const INDICATOR_STATUS = ["scored", "zeroed", "excluded", "error"] as const;

export interface ScorecardRow {
  index: number;
  id: string;
  name: string;
  team: string;
  period: string;
  months: number;
  /** Scores in plan.indicators order. */
  indicators: (number | null)[];
  indicatorStatus: (typeof INDICATOR_STATUS)[number][];
  /** Scores in plan.dimensions order. */
  dimensions: (number | null)[];
  total: number | null;
  grade: string | null;
  coefficient: number | null;
  rank: number;
  groupSize: number;
  base: number | null;
  performanceStandard: number | null;
  performancePay: number | null;
  commission: number | null;
  /** 团队提成 of the period (0 for people who lead no team). */
  teamCommission: number | null;
  bonus: number | null;
  /** 申诉调整: the period's upheld appeals (0 without). */
  appeal: number | null;
  totalPay: number | null;
  status: RowStatusName;
  problems: Issue[];
}

/** One row per salesperson and evaluation period (quarters by default). */
export function scorecardRows(ev: Evaluation): ScorecardRow[] {
  const set = ev.periods;
  const f = set.frame;
  const ni = set.nIndicators;
  const nd = set.nDimensions;
  const g = ev.grading;
  const pp = ev.periodPay;
  const grades = ev.plan.grading.grades;
  const rows: ScorecardRow[] = new Array(f.n);
  for (let r = 0; r < f.n; r++) {
    const ind: (number | null)[] = new Array(ni);
    const st: ScorecardRow["indicatorStatus"] = new Array(ni);
    for (let i = 0; i < ni; i++) {
      ind[i] = orNull(set.indicatorScores[r * ni + i]);
      st[i] = INDICATOR_STATUS[set.indicatorStatus[r * ni + i] as IndicatorStatus];
    }
    const dims: (number | null)[] = new Array(nd);
    for (let d = 0; d < nd; d++) dims[d] = orNull(set.dimensionScores[r * nd + d]);
    const status = STATUS[set.status[r] as RowStatus];
    rows[r] = {
      index: r,
      id: f.ids[r],
      name: f.names[r],
      team: f.teams[r],
      period: f.periods[r],
      months: f.monthCount[r],
      indicators: ind,
      indicatorStatus: st,
      dimensions: dims,
      total: orNull(set.totals[r]),
      grade: g.gradeIndex[r] >= 0 ? grades[g.gradeIndex[r]].label : null,
      coefficient: orNull(g.coefficient[r]),
      rank: g.rank[r],
      groupSize: g.groupSize[r],
      base: orNull(pp.base[r]),
      performanceStandard: orNull(pp.performanceStandard[r]),
      performancePay: orNull(pp.performancePay[r]),
      commission: orNull(pp.commission[r]),
      teamCommission: orNull(pp.teamCommission[r]),
      bonus: orNull(pp.bonus[r]),
      appeal: orNull(pp.appeal[r]),
      totalPay: orNull(pp.total[r]),
      status,
      // Warnings come from indicators alone; errors may also come from commission and pay.
      problems:
        status === "ok"
          ? []
          : status === "warning"
            ? rowProblems(ev, set, r)
            : explain(ev, r).problems,
    };
  }
  return rows;
}

export interface MonthRow {
  index: number;
  id: string;
  name: string;
  team: string;
  period: string;
  total: number | null;
  dimensions: (number | null)[];
  basis: number | null;
  grossCommission: number | null;
  earned: number | null;
  paidNow: number | null;
  deferred: number | null;
  clawback: number;
  recovered: number | null;
  clawbackBalance: number;
  commission: number | null;
  /** 团队提成: the team basis and commission of a lead's month (0 for others). */
  teamBasis: number | null;
  teamCommission: number | null;
  base: number | null;
  performanceStandard: number | null;
  adjustment: number;
  status: RowStatusName;
  problems: Issue[];
}

/** Monthly tracking: the month's score and its commission and pay lines. */
export function monthRows(ev: Evaluation): MonthRow[] {
  const set = ev.months;
  const f = set.frame;
  const nd = set.nDimensions;
  const L = ev.ledger;
  const mp = ev.monthPay;
  const out: MonthRow[] = new Array(f.n);
  for (let r = 0; r < f.n; r++) {
    const dims: (number | null)[] = new Array(nd);
    for (let d = 0; d < nd; d++) dims[d] = orNull(set.dimensionScores[r * nd + d]);
    const status = STATUS[set.status[r] as RowStatus];
    out[r] = {
      index: r,
      id: f.ids[r],
      name: f.names[r],
      team: f.teams[r],
      period: f.periods[r],
      total: orNull(set.totals[r]),
      dimensions: dims,
      basis: orNull(L.basis[r]),
      grossCommission: orNull(L.gross[r]),
      earned: orNull(L.earned[r]),
      paidNow: orNull(L.paidNow[r]),
      deferred: orNull(L.deferred[r]),
      clawback: L.clawback[r],
      recovered: orNull(L.recovered[r]),
      clawbackBalance: L.balance[r],
      commission: orNull(L.net[r]),
      teamBasis: orNull(L.teamBasis[r]),
      teamCommission: orNull(L.team[r]),
      base: orNull(mp.base[r]),
      performanceStandard: orNull(mp.performanceStandard[r]),
      adjustment: mp.adjustment[r],
      status,
      problems: status === "ok" ? [] : rowProblems(ev, set, r),
    };
  }
  return out;
}

export interface AnnualRow {
  index: number;
  id: string;
  name: string;
  team: string;
  year: string;
  /** Whether the data covers all twelve months of the year. */
  yearComplete: boolean;
  periods: { period: string; total: number | null; weight: number }[];
  feedback: number | null;
  feedbackWeight: number;
  total: number | null;
  grade: string | null;
  coefficient: number | null;
  bonusStandard: number;
  bonus: number | null;
  settlement: number | null;
  outstandingClawback: number | null;
  payout: number | null;
  status: RowStatusName;
}

export function annualRows(ev: Evaluation): AnnualRow[] {
  const a = ev.annual;
  const f = a.frame;
  const grades = ev.plan.grading.grades;
  const out: AnnualRow[] = new Array(f.n);
  for (let y = 0; y < f.n; y++) {
    const gi = a.grading.gradeIndex[y];
    out[y] = {
      index: y,
      id: f.ids[y],
      name: f.names[y],
      team: f.teams[y],
      year: f.periods[y],
      yearComplete: (a.monthsInData.get(f.periods[y]) ?? 0) >= 12,
      periods: a.periodRows[y].map((r, j) => ({
        period: ev.periods.frame.periods[r],
        total: orNull(ev.periods.totals[r]),
        weight: a.periodWeights[y][j],
      })),
      feedback: orNull(a.feedbackScore[y]),
      feedbackWeight: a.feedbackWeight[y],
      total: orNull(a.totals[y]),
      grade: gi >= 0 ? grades[gi].label : null,
      coefficient: orNull(a.grading.coefficient[y]),
      bonusStandard: a.bonusStandard[y],
      bonus: orNull(a.bonus[y]),
      settlement: orNull(a.settlement[y]),
      outstandingClawback: orNull(a.outstanding[y]),
      payout: orNull(a.payout[y]),
      status: STATUS[a.status[y] as RowStatus],
    };
  }
  return out;
}

/**
 * What-if: the effect of a plan change before anything is written. Both plans run over the same
 * data; the result lists every salesperson's pay and grade before and after, and the cost of the
 * change in total and by team. The numbers are the engine's own: a what-if of a tier rate
 * reports exactly the difference that recomputing with the new rate gives.
 */
import type { Plan } from "./plan/model";
import type { DataRow, FeedbackRating } from "./records";
import type { Issue } from "./issues";
import { hasErrors } from "./issues";
import { validatePlan } from "./plan/validate";
import { evaluate, type Evaluation } from "./evaluate/evaluate";
import { annualRows, scorecardRows, ScorecardRow } from "./evaluate/rows";
import { roundMoney } from "./numeric";
import { planCost, type CostFigures } from "./evaluate/cost";

export interface PayFigures {
  total: number | null;
  grade: string | null;
  coefficient: number | null;
  performancePay: number | null;
  commission: number | null;
  totalPay: number | null;
}

export type GradeMove = "same" | "up" | "down" | "gained" | "lost";

export interface WhatIfRow {
  id: string;
  name: string;
  team: string;
  period: string;
  before: PayFigures;
  after: PayFigures;
  /** after − before, to the cent; null when either side could not be paid. */
  payChange: number | null;
  gradeMove: GradeMove;
}

export interface WhatIfAnnualRow {
  id: string;
  name: string;
  team: string;
  year: string;
  yearComplete: boolean;
  before: {
    grade: string | null;
    bonus: number | null;
    settlement: number | null;
    payout: number | null;
  };
  after: {
    grade: string | null;
    bonus: number | null;
    settlement: number | null;
    payout: number | null;
  };
  payoutChange: number | null;
}

export interface WhatIfSummary {
  rowsCompared: number;
  /** Rows that cannot be paid under either plan (their problems are on the scorecard). */
  rowsWithoutPay: number;
  payBefore: number;
  payAfter: number;
  /** Cost of the change: period pay after − before, plus annual payouts of complete years. */
  cost: number;
  upgrades: number;
  downgrades: number;
  /** "A→S": how many moved that way. */
  gradeMoves: Record<string, number>;
  byTeam: { team: string; payBefore: number; payAfter: number; cost: number }[];
  /**
   * The cost of the plan (incentive cost ÷ signed and collected revenue, planCost) now and with
   * the change, in total and by team, month and grade (a grade the changed plan no longer has:
   * null after); null when the changed plan has errors.
   */
  planCost: {
    before: CostFigures;
    after: CostFigures;
    byTeam: { team: string; before: CostFigures; after: CostFigures }[];
    byMonth: { month: string; before: CostFigures; after: CostFigures | null }[];
    byGrade: { grade: string; before: CostFigures; after: CostFigures | null }[];
  } | null;
}

export interface WhatIfResult {
  /** Validation issues of the changed plan; when it has errors nothing else is computed. */
  issues: Issue[];
  rows: WhatIfRow[];
  annual: WhatIfAnnualRow[];
  summary: WhatIfSummary;
}

function figures(r: ScorecardRow | undefined): PayFigures {
  return r
    ? {
        total: r.total,
        grade: r.grade,
        coefficient: r.coefficient,
        performancePay: r.performancePay,
        commission: r.commission,
        totalPay: r.totalPay,
      }
    : {
        total: null,
        grade: null,
        coefficient: null,
        performancePay: null,
        commission: null,
        totalPay: null,
      };
}

function move(
  before: string | null,
  after: string | null,
  order: (label: string | null, plan: "before" | "after") => number
): GradeMove {
  if (before === after) return "same";
  if (before === null) return "gained";
  if (after === null) return "lost";
  return order(after, "after") < order(before, "before")
    ? "up"
    : order(after, "after") > order(before, "before")
      ? "down"
      : "same";
}

export function whatIf(
  before: Plan,
  after: Plan,
  rows: readonly DataRow[],
  ratings: readonly FeedbackRating[] = []
): WhatIfResult {
  const issues = validatePlan(after);
  const empty: WhatIfSummary = {
    rowsCompared: 0,
    rowsWithoutPay: 0,
    payBefore: 0,
    payAfter: 0,
    cost: 0,
    upgrades: 0,
    downgrades: 0,
    gradeMoves: {},
    byTeam: [],
    planCost: null,
  };
  if (hasErrors(issues)) return { issues, rows: [], annual: [], summary: empty };
  const a = evaluate(before, rows, ratings);
  const b = evaluate(after, rows, ratings);
  const beforeRows = scorecardRows(a);
  const afterRows = new Map(scorecardRows(b).map((r) => [r.id + "\u0000" + r.period, r]));
  const order = (label: string | null, plan: "before" | "after") =>
    (plan === "before" ? before : after).grading.grades.findIndex((g) => g.label === label);
  const out: WhatIfRow[] = [];
  const summary: WhatIfSummary = { ...empty, gradeMoves: {} };
  const teams = new Map<string, { payBefore: number; payAfter: number }>();
  /** Pay now and with the change, into the totals and the team's. */
  const addPay = (team: string, payBefore: number, payAfter: number) => {
    summary.payBefore += payBefore;
    summary.payAfter += payAfter;
    const t = teams.get(team) ?? { payBefore: 0, payAfter: 0 };
    t.payBefore += payBefore;
    t.payAfter += payAfter;
    teams.set(team, t);
  };
  for (const r of beforeRows) {
    const x = afterRows.get(r.id + "\u0000" + r.period);
    const bf = figures(r);
    const af = figures(x);
    const payChange =
      bf.totalPay !== null && af.totalPay !== null ? roundMoney(af.totalPay - bf.totalPay) : null;
    const gm = move(bf.grade, af.grade, order);
    out.push({
      id: r.id,
      name: r.name,
      team: r.team,
      period: r.period,
      before: bf,
      after: af,
      payChange,
      gradeMove: gm,
    });
    summary.rowsCompared++;
    if (payChange === null) summary.rowsWithoutPay++;
    else addPay(r.team, bf.totalPay!, af.totalPay!);
    if (gm === "up") summary.upgrades++;
    if (gm === "down") summary.downgrades++;
    if (gm !== "same") {
      const k = `${bf.grade ?? "—"}→${af.grade ?? "—"}`;
      summary.gradeMoves[k] = (summary.gradeMoves[k] ?? 0) + 1;
    }
  }
  const annual = compareAnnual(a, b, addPay);
  summary.payBefore = roundMoney(summary.payBefore);
  summary.payAfter = roundMoney(summary.payAfter);
  summary.cost = roundMoney(summary.payAfter - summary.payBefore);
  summary.byTeam = [...teams]
    .map(([team, t]) => ({
      team,
      payBefore: roundMoney(t.payBefore),
      payAfter: roundMoney(t.payAfter),
      cost: roundMoney(t.payAfter - t.payBefore),
    }))
    .sort((x, y) => (x.team < y.team ? -1 : x.team > y.team ? 1 : 0));
  summary.planCost = compareCost(a, b);
  return { issues, rows: out, annual, summary };
}

/**
 * Annual rows now and with the change; the payout of a complete year counts in the pay totals
 * (`addPay`) where both plans can pay it.
 */
function compareAnnual(
  a: Evaluation,
  b: Evaluation,
  addPay: (team: string, payBefore: number, payAfter: number) => void
): WhatIfAnnualRow[] {
  const annualAfter = new Map(annualRows(b).map((r) => [r.id + "\u0000" + r.year, r]));
  return annualRows(a).map((r) => {
    const x = annualAfter.get(r.id + "\u0000" + r.year);
    const payoutChange =
      r.payout !== null && x?.payout != null ? roundMoney(x.payout - r.payout) : null;
    if (r.yearComplete && payoutChange !== null) addPay(r.team, r.payout!, x!.payout!);
    return {
      id: r.id,
      name: r.name,
      team: r.team,
      year: r.year,
      yearComplete: r.yearComplete,
      before: { grade: r.grade, bonus: r.bonus, settlement: r.settlement, payout: r.payout },
      after: {
        grade: x?.grade ?? null,
        bonus: x?.bonus ?? null,
        settlement: x?.settlement ?? null,
        payout: x?.payout ?? null,
      },
      payoutChange,
    };
  });
}

/** Each entry now beside the changed plan's entry of the same key (null where it has none). */
function paired<T>(
  now: readonly T[],
  changed: readonly T[],
  key: (x: T) => string
): { key: string; before: T; after: T | null }[] {
  const after = new Map(changed.map((x) => [key(x), x]));
  return now.map((x) => ({ key: key(x), before: x, after: after.get(key(x)) ?? null }));
}

/** The cost of the plan now and with the change: in total and by team, month and grade. */
function compareCost(a: Evaluation, b: Evaluation): NonNullable<WhatIfSummary["planCost"]> {
  const now = planCost(a);
  const changed = planCost(b);
  return {
    before: now.overall,
    after: changed.overall,
    // the same data, so the same teams
    byTeam: paired(now.byTeam, changed.byTeam, (t) => t.team).map((p) => ({
      team: p.key,
      before: p.before,
      after: p.after!,
    })),
    byMonth: paired(now.byMonth, changed.byMonth, (m) => m.month).map((p) => ({
      month: p.key,
      before: p.before,
      after: p.after,
    })),
    byGrade: paired(now.byGrade, changed.byGrade, (g) => g.grade).map((p) => ({
      grade: p.key,
      before: p.before,
      after: p.after,
    })),
  };
}

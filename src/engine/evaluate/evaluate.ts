/**
 * One run of the plan over a quarter's (or a year's) data: monthly tracking scores, evaluation
 * scores with grades and coefficients, the commission ledger, pay lines, and the annual review.
 * Everything is computed from the validated plan and the input records; nothing else is read.
 */
import { ratingScale, type Plan } from "../plan/model";
import type { DataRow, FeedbackRating } from "../records";
import type { Issue } from "../issues";
import { excelRound } from "../numeric";
import { performancePay } from "../rules/pay";
import { CompiledPlan, compilePlan } from "./compile";
import { aggregate, Frame, monthFrame, monthFrameOfColumns, sortRows, CellState } from "./frame";
import { isDataColumns, type DataColumns } from "../columns";
import { FeedbackIndex } from "./feedback-index";
import { RowStatus, ScoreSet, scoreFrame } from "./score";
import { gradeRows, Grading } from "./grading";
import { commissionLedger, Ledger } from "./commission";
import { markAbsentLeads, teamLedger } from "./team";
import { monthPay, MonthPay, periodPay, PeriodPay } from "./pay";
import { parsePeriodKey } from "../periods";
import { guaranteeOf } from "../plan/model";
import { guaranteeByPeriod, payroll, type Payroll } from "./payroll";
import { applyAppeals, NO_APPEALS, type EvaluationAppeals } from "./appeals";

export interface AnnualResult {
  frame: Frame;
  /** How many distinct months of each year the data holds (12 when the year is complete). */
  monthsInData: Map<string, number>;
  /** Evaluation rows (into the evaluation set) of each year row. */
  periodRows: number[][];
  /** Weight actually used for each of those rows, after leaving out absent periods. */
  periodWeights: number[][];
  feedbackScore: Float64Array;
  feedbackWeight: Float64Array;
  totals: Float64Array;
  status: Uint8Array;
  grading: Grading;
  bonusStandard: Float64Array;
  bonus: Float64Array;
  settlement: Float64Array;
  /** Clawback still outstanding at year end. */
  outstanding: Float64Array;
  /** Bonus + settlement, rounded. */
  payout: Float64Array;
}

export interface Evaluation {
  plan: Plan;
  compiled: CompiledPlan;
  feedback: FeedbackIndex;
  months: ScoreSet;
  /** Evaluation rows: quarters (default) or months. */
  periods: ScoreSet;
  grading: Grading;
  ledger: Ledger;
  monthPay: MonthPay;
  periodPay: PeriodPay;
  annual: AnnualResult;
  /** The pay list: one line per salesperson and pay month (payroll.ts). */
  payroll: Payroll;
  /** The appeals the run was given (any status) and the periods an unreadable appeal holds up. */
  appeals: EvaluationAppeals;
  /** Issues the run found beyond the data check (departures from the distribution quotas). */
  issues: Issue[];
}

/** The month frame of the data: DataRow objects, or columns read straight into typed arrays. */
function monthsOf(cp: CompiledPlan, data: readonly DataRow[] | DataColumns): Frame {
  if (isDataColumns(data)) return monthFrameOfColumns(cp, data);
  const sorted = sortRows(
    data.filter((r) => r.period.length === 7 && parsePeriodKey(r.period)?.kind === "month")
  );
  return monthFrame(cp, sorted);
}

/**
 * Runs the plan over data rows, or over the same rows as columns (bit for bit the same results).
 * Throws PlanInvalidError when the plan has errors (it never pays anyone then). Rows with
 * problems are scored as far as they can be and flagged; they are never scored as zero.
 */
export function evaluate(
  plan: Plan,
  rows: readonly DataRow[] | DataColumns,
  ratings: readonly FeedbackRating[] = [],
  appeals: EvaluationAppeals = NO_APPEALS
): Evaluation {
  const cp = compilePlan(plan);
  const fb = new FeedbackIndex(ratings, plan.feedback.weights, 100 / ratingScale(plan));
  const mf = monthsOf(cp, rows);
  const months = scoreFrame(cp, mf, fb);
  const monthly = plan.periods.evaluation === "month";
  const quarters = monthly ? null : aggregate(cp, mf, "quarter");
  const periods = quarters ? scoreFrame(cp, quarters, fb) : months;
  const grading = gradeRows(cp, periods.frame, periods.totals);
  const pf = periods.frame;
  const groupOf = quarters ? quarters.groupOf : null;
  const ledger = commissionLedger(cp, mf, (m) => grading.gradeIndex[groupOf ? groupOf[m] : m]);
  const teamIssues = teamLedger(cp, mf, ledger);
  const mp = monthPay(cp, mf, ledger);
  const pp = periodPay(pf, mp, grading.coefficient);
  markAbsentLeads(teamIssues, pf, monthly, (r) => {
    pp.teamCommission[r] = NaN;
    pp.total[r] = NaN;
  });
  applyAppeals(pf, pp, appeals);
  for (let r = 0; r < pf.n; r++) {
    if (Number.isNaN(pp.total[r]) && periods.status[r] !== RowStatus.Error)
      periods.status[r] = RowStatus.Error;
  }
  const annual = annualReview(cp, mf, periods, fb, ledger);
  const pl = payroll(cp, mf, pf, ledger, mp, pp, annual);
  if (guaranteeOf(plan).enabled) addGuarantee(pp, guaranteeByPeriod(pl, pf));
  return {
    plan,
    compiled: cp,
    feedback: fb,
    months,
    periods,
    grading,
    ledger,
    monthPay: mp,
    periodPay: pp,
    annual,
    payroll: pl,
    appeals,
    issues: [...grading.issues, ...annual.grading.issues, ...teamIssues, ...pl.issues],
  };
}

/** The guarantee's lines in the period's pay and its total (only when the plan has the guarantee). */
function addGuarantee(pp: PeriodPay, g: { topUp: Float64Array; recovered: Float64Array }): void {
  pp.guaranteeTopUp = g.topUp;
  pp.guaranteeRecovered = g.recovered;
  for (let r = 0; r < pp.total.length; r++)
    pp.total[r] = excelRound(pp.total[r] + g.topUp[r] - g.recovered[r], 2);
}

function annualReview(
  cp: CompiledPlan,
  mf: Frame,
  periods: ScoreSet,
  fb: FeedbackIndex,
  ledger: Ledger
): AnnualResult {
  const yf = aggregate(cp, mf, "year");
  const n = yf.n;
  const pf = periods.frame;
  const monthly = cp.plan.periods.evaluation === "month";
  const qw = cp.plan.periods.annual.quarterWeights;
  const fw = cp.plan.periods.annual.feedbackWeight;
  // Both frames are sorted by id, then period: a year's evaluation rows are the next run of rows.
  let next = 0;
  const seen = new Map<string, Set<string>>();
  // distinct months in order of first appearance (as the rows give them), by year
  for (const month of new Set(mf.periods)) {
    const y = month.slice(0, 4);
    const set = seen.get(y) ?? new Set<string>();
    set.add(month);
    seen.set(y, set);
  }
  const res: AnnualResult = {
    frame: yf,
    monthsInData: new Map([...seen].map(([y, s]) => [y, s.size])),
    periodRows: [],
    periodWeights: [],
    feedbackScore: new Float64Array(n),
    feedbackWeight: new Float64Array(n),
    totals: new Float64Array(n),
    status: new Uint8Array(n),
    grading: undefined as unknown as Grading,
    bonusStandard: new Float64Array(n),
    bonus: new Float64Array(n),
    settlement: new Float64Array(n),
    outstanding: new Float64Array(n),
    payout: new Float64Array(n),
  };
  const quarterShare = qw.reduce((a, b) => a + b, 0);
  for (let y = 0; y < n; y++) {
    const rows: number[] = [];
    const id = yf.ids[y];
    const year = yf.periods[y];
    while (next < pf.n && (pf.ids[next] < id || (pf.ids[next] === id && pf.periods[next] < year)))
      next++;
    while (next < pf.n && pf.ids[next] === id && pf.periods[next].startsWith(year))
      rows.push(next++);
    const weights: number[] = [];
    let num = 0;
    let den = 0;
    let status: RowStatus = RowStatus.Ok;
    for (const r of rows) {
      // Quarter weights by quarter number; with monthly evaluation the quarters' share is split evenly over 12 months.
      const w = monthly ? quarterShare / 12 : qw[(parsePeriodKey(pf.periods[r])?.index ?? 1) - 1];
      weights.push(w);
      const t = periods.totals[r];
      if (Number.isNaN(t)) status = RowStatus.Error;
      else {
        num += t * w;
        den += w;
        if (periods.status[r] === RowStatus.Warning && status === RowStatus.Ok)
          status = RowStatus.Warning;
      }
    }
    const expected = monthly ? 12 : 4;
    if (rows.length < expected && status === RowStatus.Ok) status = RowStatus.Warning;
    const points = fb.points(yf.ids[y], yf.periods[y], true);
    // NaN: no ratings, unless (never with finite ratings) parts whose score is NaN
    const rated = !Number.isNaN(points) || fb.score(yf.ids[y], yf.periods[y], true) !== null;
    res.feedbackScore[y] = points;
    if (rated && fw > 0) {
      num += points * fw;
      den += fw;
      res.feedbackWeight[y] = fw;
    } else if (fw > 0 && status === RowStatus.Ok) status = RowStatus.Warning;
    res.periodRows.push(rows);
    res.periodWeights.push(weights);
    res.totals[y] = status === RowStatus.Error || den === 0 ? NaN : num / den;
    res.status[y] = Number.isNaN(res.totals[y]) ? RowStatus.Error : status;
  }
  res.grading = gradeRows(cp, yf, res.totals);
  const bs = cp.pay.bonusStandard;
  // The ledger settles per id and year in the same order as the year frame.
  let si = 0;
  for (let y = 0; y < n; y++) {
    const fromData = bs >= 0 && yf.states[bs][y] === CellState.Ok ? yf.values[bs][y] : NaN;
    const standard = Number.isNaN(fromData) ? cp.plan.pay.bonusStandard : fromData;
    res.bonusStandard[y] = standard;
    res.bonus[y] = performancePay(standard, res.grading.coefficient[y]);
    while (
      si < ledger.settlements.length &&
      (ledger.settlements[si].id < yf.ids[y] ||
        (ledger.settlements[si].id === yf.ids[y] && ledger.settlements[si].year < yf.periods[y]))
    )
      si++;
    const cand = ledger.settlements[si];
    const s = cand && cand.id === yf.ids[y] && cand.year === yf.periods[y] ? cand : undefined;
    res.settlement[y] = s ? s.settlement : 0;
    res.outstanding[y] = s ? s.outstanding : 0;
    res.payout[y] = excelRound(res.bonus[y] + res.settlement[y], 2);
  }
  return res;
}

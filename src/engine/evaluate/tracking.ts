/**
 * Monthly tracking (月度跟踪): where each salesperson stands in a month M of an evaluation period,
 * and where the period ends if the pace holds. Pure; every number comes from the engine's own
 * rules (aggregate, readIndicatorRange, scoreFrame, gradeRows): nothing here scores twice.
 *
 * For a person and a month M of period P (a quarter, or the month itself when the plan evaluates
 * monthly):
 * - to date: the person's months of P up to M (`e` of them, as the data has them), aggregated as
 *   each field says (sum, mean, last) — the input to date, and the target to date: the data's
 *   target over those months, else the plan's default (× e when the input adds up). Attainment
 *   against it is the pace ("pro-rata target to date").
 * - the period: `n` = e + the months of P after M. "If the pace holds": every field the plan adds
 *   up over months (inputs and target fields) is multiplied by n ÷ e, fields taken as a mean or the
 *   latest value are held, ratios and growth follow from the projected parts; default targets are
 *   × n. This projected period is scored by scoreFrame like any period, into a projected total;
 *   its grade is by the absolute bands (forced distribution is never applied to a projection) and
 *   its coefficient as the plan says. The period target is the projection's target; attainment
 *   to date against it is how much of the period's target is already done.
 * - behind pace: indicators scored on attainment whose attainment to date is below 1, the largest
 *   shortfall against weight first: (1 − attainment) × indicator weight × dimension weight.
 * At the last month of P (n = e) the projection is the period itself: evaluate()'s numbers.
 */
import { parsePeriodKey, monthsOf, quarterOf } from "../periods";
import { scoringAttainment } from "../rules/attainment";
import type { Evaluation } from "./evaluate";
import { CompiledPlan, Method } from "./compile";
import { aggregate, CellState, Frame } from "./frame";
import { gradeRows } from "./grading";
import {
  newColumns,
  Reason,
  readIndicatorRange,
  RowStatus,
  scoreFrame,
  ScoreSet,
  TargetSource,
  targetOf,
  targetSourceOf,
} from "./score";

/** One indicator of a tracking row. NaN where there is no number (`reason` says why). */
export interface TrackedIndicator {
  /** Index into plan.indicators. */
  index: number;
  actual: number;
  /**
   * Target to date (the pace) and for the whole period (the projection's), whatever the actual;
   * NaN without one, and where it comes from (an unreadable target cell is TargetSource.Invalid).
   */
  targetToDate: number;
  targetPeriod: number;
  targetSource: TargetSource;
  /** Attainment to date against the target to date (the pace): below 1 is behind pace. */
  pace: number;
  /** Attainment to date against the period's target. */
  ofPeriod: number;
  reason: Reason;
  /** Why the attainment against the period target has no number (the reason to date, or a zero target). */
  periodReason: Reason;
  /** The projected input and its score. */
  projected: number;
  projectedScore: number;
  /** (1 − pace) × indicator weight × dimension weight when behind pace, else 0. */
  shortfall: number;
}

export interface TrackingRow {
  id: string;
  name: string;
  team: string;
  month: string;
  period: string;
  /** The person's months of the period up to the month (e), and months of the period after it. */
  monthsToDate: number;
  monthsAfter: number;
  /** e + months after: the months the projection covers (n). */
  monthsInPeriod: number;
  /** Rows of the month frame of those e months, in month order. */
  monthRows: number[];
  indicators: TrackedIndicator[];
  projectedTotal: number;
  /** Index into plan.grading.grades, −1 when there is none. */
  projectedGrade: number;
  projectedCoefficient: number;
  status: RowStatus;
  /** Indicators behind pace, largest shortfall against weight first (plan indicator indexes). */
  behind: number[];
}

export interface Tracking {
  month: string;
  period: string;
  /** The months of the period, in order. */
  periodMonths: string[];
  rows: TrackingRow[];
}

/** The evaluation period a month lies in, and that period's months. */
export function trackingPeriod(
  cp: CompiledPlan,
  month: string
): { period: string; months: string[] } | null {
  const p = parsePeriodKey(month);
  if (!p || p.kind !== "month") return null;
  if (cp.plan.periods.evaluation === "month") return { period: month, months: [month] };
  const q = quarterOf(p);
  return { period: q, months: monthsOf(parsePeriodKey(q)!) };
}

/** The months the data holds, in order (what a month can be tracked for). */
export function trackableMonths(ev: Evaluation): string[] {
  return [...new Set(ev.months.frame.periods)].sort();
}

/** The rows of a month frame whose month is in `keep`, as a frame of their own (same order). */
function selectRows(months: Frame, keep: ReadonlySet<string>): { frame: Frame; rows: number[] } {
  const rows: number[] = [];
  for (let m = 0; m < months.n; m++) if (keep.has(months.periods[m])) rows.push(m);
  const pick = <T>(a: readonly T[]) => rows.map((m) => a[m]);
  const n = rows.length;
  const frame: Frame = {
    n,
    ids: pick(months.ids),
    names: pick(months.names),
    teams: pick(months.teams),
    periods: pick(months.periods),
    monthCount: new Int32Array(n).fill(1),
    first: Int32Array.from(rows, (_, i) => i),
    end: Int32Array.from(rows, (_, i) => i + 1),
    values: months.values.map((v) => Float64Array.from(rows, (m) => v[m])),
    states: months.states.map((s) => Uint8Array.from(rows, (m) => s[m])),
    sources: pick(months.sources),
    conflicts: Int32Array.from(rows, (m) => months.conflicts[m]),
  };
  return { frame, rows };
}

/**
 * A field's value to date extrapolated to the period: × n ÷ e (left as it is when no month of
 * the period is still to come). The sheet's formula makes the same two operations in this order.
 */
export function projectValue(value: number, toDate: number, inPeriod: number): number {
  return inPeriod === toDate ? value : (value * inPeriod) / toDate;
}

/** The period as projected from a to-date frame: additive fields × n ÷ e, the rest held. */
function projectFrame(cp: CompiledPlan, toDate: Frame, after: number): Frame {
  const fields = cp.plan.fields;
  const monthCount = Int32Array.from(toDate.monthCount, (e) => e + after);
  const values = toDate.values.map((v, k) => {
    if (fields[k].aggregate !== "sum") return v;
    const out = new Float64Array(v.length);
    for (let r = 0; r < v.length; r++)
      out[r] =
        toDate.states[k][r] === CellState.Ok
          ? projectValue(v[r], toDate.monthCount[r], monthCount[r])
          : NaN;
    return out;
  });
  return {
    n: toDate.n,
    ids: toDate.ids,
    names: toDate.names,
    teams: toDate.teams,
    periods: toDate.periods,
    monthCount,
    first: toDate.first,
    end: toDate.end,
    values,
    states: toDate.states,
    sources: toDate.sources,
    conflicts: toDate.conflicts,
  };
}

/** The plan graded by its absolute bands, whatever its grading mode (a projection is never ranked). */
function bandsOnly(cp: CompiledPlan): CompiledPlan {
  if (cp.plan.grading.mode === "bands") return cp;
  return { ...cp, plan: { ...cp.plan, grading: { ...cp.plan.grading, mode: "bands" } } };
}

/** Each indicator of each row, to date and projected. */
function trackIndicators(
  ev: Evaluation,
  toDate: Frame,
  projected: Frame,
  set: ScoreSet
): TrackedIndicator[][] {
  const cp = ev.compiled;
  const n = toDate.n;
  const now = newColumns(Math.max(1, n));
  const end = newColumns(Math.max(1, n));
  const rows: TrackedIndicator[][] = Array.from({ length: n }, () => []);
  for (const ind of cp.indicators) {
    readIndicatorRange(ind, toDate, ev.feedback, 0, n, now);
    readIndicatorRange(ind, projected, ev.feedback, 0, n, end);
    const best = ind.method === Method.Linear ? ind.cap : Infinity;
    const weight = ind.weight * cp.dimensionWeights[ind.dimension];
    for (let r = 0; r < n; r++) {
      const ok = now.reason[r] === Reason.None;
      const pace = ok && ind.usesTarget ? now.attainment[r] : NaN;
      const source = ind.usesTarget ? targetSourceOf(ind, toDate, r) : TargetSource.None;
      const targetPeriod = targetOf(ind, projected, r, source);
      let periodReason = now.reason[r] as Reason;
      let ofPeriod = NaN;
      if (ind.usesTarget && periodReason === Reason.None) {
        ofPeriod = scoringAttainment(now.actual[r], targetPeriod, ind.lower, best);
        if (Number.isNaN(ofPeriod)) periodReason = Reason.TargetZero;
      }
      rows[r].push({
        index: ind.index,
        actual: now.actual[r],
        targetToDate: targetOf(ind, toDate, r, source),
        targetPeriod,
        targetSource: source,
        pace,
        ofPeriod,
        reason: now.reason[r] as Reason,
        periodReason,
        projected: end.actual[r],
        projectedScore: set.indicatorScores[r * set.nIndicators + ind.index],
        shortfall: pace < 1 ? (1 - pace) * weight : 0,
      });
    }
  }
  return rows;
}

/**
 * The tracking of month `month`: one row per salesperson with data in the period up to that
 * month, in the engine's order (by id). Null when the month is not a month key.
 */
export function trackMonth(ev: Evaluation, month: string): Tracking | null {
  const cp = ev.compiled;
  const span = trackingPeriod(cp, month);
  if (!span) return null;
  const upTo = span.months.filter((m) => m <= month);
  const after = span.months.length - upTo.length;
  const { frame: sub, rows: subRows } = selectRows(ev.months.frame, new Set(upTo));
  const toDate = aggregate(cp, sub, "quarter");
  if (span.period === month) toDate.periods.fill(month);
  const projected = projectFrame(cp, toDate, after);
  const set = scoreFrame(cp, projected, ev.feedback);
  const grading = gradeRows(bandsOnly(cp), projected, set.totals);
  const indicators = trackIndicators(ev, toDate, projected, set);
  const rows: TrackingRow[] = [];
  for (let r = 0; r < toDate.n; r++) {
    // only people with a row in the month itself are tracked for it
    if (sub.periods[toDate.end[r] - 1] !== month) continue;
    const list = indicators[r];
    const behind = list
      .filter((x) => x.shortfall > 0)
      .sort((a, b) => b.shortfall - a.shortfall || a.index - b.index)
      .map((x) => x.index);
    const monthRows: number[] = [];
    for (let m = toDate.first[r]; m < toDate.end[r]; m++) monthRows.push(subRows[m]);
    rows.push({
      id: toDate.ids[r],
      name: toDate.names[r],
      team: toDate.teams[r],
      month,
      period: span.period,
      monthsToDate: toDate.monthCount[r],
      monthsAfter: after,
      monthsInPeriod: projected.monthCount[r],
      monthRows,
      indicators: list,
      projectedTotal: set.totals[r],
      projectedGrade: grading.gradeIndex[r],
      projectedCoefficient: grading.coefficient[r],
      status: set.status[r] as RowStatus,
      behind,
    });
  }
  return { month, period: span.period, periodMonths: span.months, rows };
}

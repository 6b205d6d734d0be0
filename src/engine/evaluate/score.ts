/**
 * Scoring: each indicator of each row, each dimension, the total. One function scores one row
 * and fills the result arrays; the bulk loop and the explanation call the same code, so an
 * explanation can never disagree with the number it explains.
 */
import { curveUnchecked, feedbackParts, FeedbackParts, scoreAttainment } from "../primitives";
import { isError } from "../errors";
import type { FeedbackRating } from "../records";
import { parsePeriodKey, Period, quarterOf, within } from "../periods";
import { CompiledIndicator, CompiledPlan, InputKind, Method, Missing } from "./compile";
import { CellState, Frame } from "./frame";

export const enum IndicatorStatus {
  Scored = 0,
  /** Missing and scored 0 by the plan's policy. */
  Zeroed = 1,
  /** Missing and left out, the other weights scaled up. */
  Excluded = 2,
  /** Missing or unreadable where the plan says that is an error. */
  Error = 3,
}

/** Why an indicator has no computed score. */
export const enum Reason {
  None = 0,
  Blank = 1,
  Invalid = 2,
  Absent = 3,
  NoTarget = 4,
  TargetZero = 5,
  TargetNegative = 6,
  DenominatorZero = 7,
  PriorZero = 8,
  NoRatings = 9,
}

export const REASON_CODES = [
  "none",
  "blank",
  "invalid",
  "absent",
  "noTarget",
  "targetZero",
  "targetNegative",
  "denominatorZero",
  "priorZero",
  "noRatings",
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export const enum RowStatus {
  Ok = 0,
  Warning = 1,
  Error = 2,
}

/** Ratings by employee, for the feedback indicator and the annual 360 score. */
export class FeedbackIndex {
  private readonly byId = new Map<string, { rating: FeedbackRating; period: Period }[]>();
  private readonly cache = new Map<string, Map<string, FeedbackParts | null>>();
  private readonly exactCache = new Map<string, Map<string, FeedbackParts | null>>();
  constructor(
    ratings: readonly FeedbackRating[],
    readonly weights: readonly number[],
  ) {
    for (const rating of ratings) {
      const period = parsePeriodKey(rating.period);
      if (!period) continue;
      const list = this.byId.get(rating.id) ?? [];
      list.push({ rating, period });
      this.byId.set(rating.id, list);
    }
  }
  /** Ratings of an employee that lie within a period (a quarter takes its months' ratings too). */
  ratings(id: string, periodKey: string, exact = false): FeedbackRating[] {
    const list = this.byId.get(id);
    if (!list) return [];
    const outer = parsePeriodKey(periodKey);
    if (!outer) return [];
    return list.filter((x) => (exact ? x.period.key === outer.key : within(x.period, outer))).map((x) => x.rating);
  }
  /**
   * The ratings an indicator uses for a period: those within it; for a month without ratings of
   * its own (360 reviews are rarely monthly), those of the quarter it lies in.
   */
  ratingsFor(id: string, periodKey: string): FeedbackRating[] {
    const own = this.ratings(id, periodKey);
    if (own.length > 0) return own;
    const p = parsePeriodKey(periodKey);
    return p && p.kind === "month" ? this.ratings(id, quarterOf(p)) : own;
  }
  /** The 360 score and its parts (see {@link ratingsFor}; `exact` takes only ratings of that very period), or null. */
  score(id: string, periodKey: string, exact = false): FeedbackParts | null {
    const list = this.byId.get(id);
    if (!list) return null;
    // Rows come person by person: the last answer is often the next one.
    if (id === this.last.id && periodKey === this.last.period && exact === this.last.exact) return this.last.result;
    const result = this.lookup(id, list, periodKey, exact);
    this.last = { id, period: periodKey, exact, result };
    return result;
  }

  private last: { id: string; period: string; exact: boolean; result: FeedbackParts | null } = { id: "", period: "", exact: false, result: null };

  private lookup(id: string, list: { rating: FeedbackRating; period: Period }[], periodKey: string, exact: boolean): FeedbackParts | null {
    let key = periodKey;
    if (!exact) {
      // A month without ratings of its own resolves to its quarter, so months share one entry.
      const p = parsePeriodKey(periodKey);
      if (p && p.kind === "month" && !list.some((x) => x.period.key === periodKey)) key = quarterOf(p);
    }
    let cache = (exact ? this.exactCache : this.cache).get(id);
    if (!cache) {
      cache = new Map();
      (exact ? this.exactCache : this.cache).set(id, cache);
    }
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const rs = this.ratings(id, key, exact);
    let result: FeedbackParts | null = null;
    if (rs.length > 0) {
      const s: number[] = [];
      const p: number[] = [];
      const c: number[] = [];
      for (const r of rs) (r.rater === "superior" ? s : r.rater === "peer" ? p : c).push(r.score);
      const parts = feedbackParts(s, p, c, this.weights);
      result = isError(parts) ? null : parts;
    }
    cache.set(key, result);
    return result;
  }
}

/** Scratch results of one indicator on one row (reused; no allocation in the loop). */
export interface IndicatorInput {
  actual: number;
  target: number;
  /** "data" when the target came from the row, "default" (× months when additive), "none". */
  targetSource: "data" | "default" | "none";
  attainment: number;
  reason: Reason;
  /** The field whose state caused the reason, or −1. */
  reasonField: number;
  feedback: FeedbackParts | null;
}

export function newInput(): IndicatorInput {
  return { actual: NaN, target: NaN, targetSource: "none", attainment: NaN, reason: Reason.None, reasonField: -1, feedback: null };
}

function stateReason(s: number): Reason {
  return s === CellState.Invalid ? Reason.Invalid : s === CellState.Absent ? Reason.Absent : Reason.Blank;
}

/** Reads the actual value and target of one indicator on row r, and its attainment. */
export function readIndicator(ind: CompiledIndicator, frame: Frame, r: number, fb: FeedbackIndex | null, out: IndicatorInput): void {
  out.actual = NaN;
  out.target = NaN;
  out.targetSource = "none";
  out.attainment = NaN;
  out.reason = Reason.None;
  out.reasonField = -1;
  out.feedback = null;
  const st = frame.states;
  const v = frame.values;
  switch (ind.inputKind) {
    case InputKind.Field: {
      const s = st[ind.a][r];
      if (s !== CellState.Ok) {
        out.reason = stateReason(s);
        out.reasonField = ind.a;
        return;
      }
      out.actual = v[ind.a][r];
      break;
    }
    case InputKind.Ratio:
    case InputKind.Growth: {
      const sa = st[ind.a][r];
      const sb = st[ind.b][r];
      if (sa !== CellState.Ok || sb !== CellState.Ok) {
        const k = sa !== CellState.Ok ? ind.a : ind.b;
        out.reason = stateReason(st[k][r]);
        out.reasonField = k;
        return;
      }
      const x = v[ind.a][r];
      const y = v[ind.b][r];
      if (y === 0) {
        out.reason = ind.inputKind === InputKind.Ratio ? Reason.DenominatorZero : Reason.PriorZero;
        out.reasonField = ind.b;
        return;
      }
      out.actual = ind.inputKind === InputKind.Ratio ? x / y : (x - y) / Math.abs(y);
      break;
    }
    case InputKind.Sum: {
      let total = 0;
      for (const k of ind.fields) {
        const s = st[k][r];
        if (s !== CellState.Ok) {
          out.reason = stateReason(s);
          out.reasonField = k;
          return;
        }
        total += v[k][r];
      }
      out.actual = total;
      break;
    }
    case InputKind.Feedback: {
      const parts = fb ? fb.score(frame.ids[r], frame.periods[r]) : null;
      if (!parts) {
        out.reason = Reason.NoRatings;
        return;
      }
      out.feedback = parts;
      out.actual = parts.score;
      break;
    }
  }
  if (!ind.usesTarget) return;
  if (ind.targetField >= 0 && st[ind.targetField][r] === CellState.Ok) {
    out.target = v[ind.targetField][r];
    out.targetSource = "data";
  } else if (ind.targetField >= 0 && st[ind.targetField][r] === CellState.Invalid) {
    out.reason = Reason.Invalid;
    out.reasonField = ind.targetField;
    return;
  } else if (!Number.isNaN(ind.targetDefault)) {
    out.target = ind.additive ? ind.targetDefault * frame.monthCount[r] : ind.targetDefault;
    out.targetSource = "default";
  } else {
    out.reason = Reason.NoTarget;
    out.reasonField = ind.targetField;
    return;
  }
  const t = out.target;
  if (t < 0) {
    out.reason = Reason.TargetNegative;
    out.reasonField = ind.targetField;
    return;
  }
  if (ind.lower) {
    // Lower is better: nothing beats zero (zero complaints, zero days): attainment is the cap.
    if (out.actual === 0) out.attainment = ind.method === Method.Linear ? ind.cap : Infinity;
    else out.attainment = t / out.actual;
  } else {
    if (t === 0) {
      out.reason = Reason.TargetZero;
      out.reasonField = ind.targetField;
      return;
    }
    out.attainment = out.actual / t;
  }
}

/** The score for an indicator whose input was read without a reason. */
export function scoreIndicator(ind: CompiledIndicator, input: IndicatorInput): number {
  switch (ind.method) {
    case Method.Linear:
      return scoreAttainment(input.attainment, ind.floor, ind.cap, ind.fullScore);
    case Method.Curve:
      return curveUnchecked(ind.curveOnAttainment ? input.attainment : input.actual, ind.points, ind.curveMode);
    case Method.Direct:
    case Method.Feedback: {
      const x = input.actual;
      const hi = ind.cap * 100;
      return x < 0 ? 0 : x > hi ? hi : x;
    }
    case Method.Deduction: {
      const x = ind.fullScore - input.actual;
      return x > 0 ? x : 0;
    }
  }
}

export interface ScoreSet {
  frame: Frame;
  nIndicators: number;
  nDimensions: number;
  indicatorScores: Float64Array;
  indicatorStatus: Uint8Array;
  indicatorReason: Uint8Array;
  dimensionScores: Float64Array;
  /** Dimension left out because every indicator in it was left out. */
  dimensionExcluded: Uint8Array;
  totals: Float64Array;
  status: Uint8Array;
}

/** Scores every row of a frame. */
export function scoreFrame(cp: CompiledPlan, frame: Frame, fb: FeedbackIndex | null): ScoreSet {
  const n = frame.n;
  const ni = cp.indicators.length;
  const nd = cp.dimensionWeights.length;
  const set: ScoreSet = {
    frame,
    nIndicators: ni,
    nDimensions: nd,
    indicatorScores: new Float64Array(n * ni),
    indicatorStatus: new Uint8Array(n * ni),
    indicatorReason: new Uint8Array(n * ni),
    dimensionScores: new Float64Array(n * nd),
    dimensionExcluded: new Uint8Array(n * nd),
    totals: new Float64Array(n),
    status: new Uint8Array(n),
  };
  const input = newInput();
  const num = new Float64Array(nd);
  const den = new Float64Array(nd);
  const err = new Uint8Array(nd);
  const dw = cp.dimensionWeights;
  for (let r = 0; r < n; r++) {
    num.fill(0);
    den.fill(0);
    err.fill(0);
    let status = RowStatus.Ok;
    for (let i = 0; i < ni; i++) {
      const ind = cp.indicators[i];
      readIndicator(ind, frame, r, fb, input);
      const at = r * ni + i;
      set.indicatorReason[at] = input.reason;
      if (input.reason === Reason.None) {
        const s = scoreIndicator(ind, input);
        set.indicatorScores[at] = s;
        set.indicatorStatus[at] = IndicatorStatus.Scored;
        num[ind.dimension] += s * ind.weight;
        den[ind.dimension] += ind.weight;
        continue;
      }
      set.indicatorScores[at] = NaN;
      if (input.reason === Reason.Invalid || input.reason === Reason.TargetNegative || ind.missing === Missing.Error) {
        set.indicatorStatus[at] = IndicatorStatus.Error;
        err[ind.dimension] = 1;
        status = RowStatus.Error;
      } else if (ind.missing === Missing.Zero) {
        set.indicatorScores[at] = 0;
        set.indicatorStatus[at] = IndicatorStatus.Zeroed;
        den[ind.dimension] += ind.weight;
        if (status === RowStatus.Ok) status = RowStatus.Warning;
      } else {
        set.indicatorStatus[at] = IndicatorStatus.Excluded;
        if (status === RowStatus.Ok) status = RowStatus.Warning;
      }
    }
    let tn = 0;
    let td = 0;
    for (let d = 0; d < nd; d++) {
      const at = r * nd + d;
      if (err[d]) {
        set.dimensionScores[at] = NaN;
        continue;
      }
      if (den[d] === 0) {
        set.dimensionScores[at] = NaN;
        set.dimensionExcluded[at] = 1;
        continue;
      }
      const s = num[d] / den[d];
      set.dimensionScores[at] = s;
      tn += s * dw[d];
      td += dw[d];
    }
    if (frame.conflicts[r]) status = RowStatus.Error;
    if (status === RowStatus.Error || td === 0) {
      set.totals[r] = NaN;
      status = RowStatus.Error;
    } else set.totals[r] = tn / td;
    set.status[r] = status;
  }
  return set;
}

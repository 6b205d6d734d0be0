/**
 * Scoring: each indicator of each row, each dimension, the total. One function scores one row
 * and fills the result arrays; the bulk loop and the explanation call the same code, so an
 * explanation can never disagree with the number it explains.
 */
import { scoringAttainment } from "../rules/attainment";
import { curveUnchecked } from "../rules/curve";
import { deductionScore } from "../rules/deduction";
import { directScore } from "../rules/direct";
import { customerBlend, type FeedbackParts } from "../rules/feedback";
import { scoreAttainment } from "../rules/linear";
import {
  addMissing,
  addScore,
  type MissingEffect,
  weightedMean,
  weightSums,
  type WeightSums,
} from "../rules/weighting";
import { CompiledIndicator, CompiledPlan, InputKind, Method } from "./compile";
import { CellState, Frame } from "./frame";
import type { FeedbackIndex } from "./feedback-index";

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
  /** 客户360评价: no 360 ratings by customers (rater type 客户) for the period. */
  NoCustomerRatings = 10,
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
  "noCustomerRatings",
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** The effect of each compiled missing-score policy (indexed by Missing). */
const MISSING_EFFECTS: readonly MissingEffect[] = ["error", "zero", "leaveOut"];

export const enum RowStatus {
  Ok = 0,
  Warning = 1,
  Error = 2,
}

/**
 * One indicator's inputs over a range of rows, in columns: actual value, target, attainment,
 * and why a row has none. The bulk scoring reads whole frames through these; an explanation
 * reads one row through the very same functions.
 */
export interface IndicatorColumns {
  actual: Float64Array;
  target: Float64Array;
  attainment: Float64Array;
  reason: Uint8Array;
  /** The field whose state caused the reason, or −1. */
  reasonField: Int32Array;
  /** 0 none, 1 from the data row, 2 the plan's default (× months when additive). */
  targetSource: Uint8Array;
  /** A 360 indicator's parts, read for a single row (an explanation); a range reads scores only. */
  feedback: (FeedbackParts | null)[];
  /** Rows [0, feedbackRows) of `feedback` may hold parts (a 360 indicator was read last). */
  feedbackRows: number;
}

export function newColumns(n: number): IndicatorColumns {
  return {
    actual: new Float64Array(n),
    target: new Float64Array(n),
    attainment: new Float64Array(n),
    reason: new Uint8Array(n),
    reasonField: new Int32Array(n),
    targetSource: new Uint8Array(n),
    feedback: new Array(n).fill(null),
    feedbackRows: 0,
  };
}

function stateReason(s: number): Reason {
  return s === CellState.Invalid
    ? Reason.Invalid
    : s === CellState.Absent
      ? Reason.Absent
      : Reason.Blank;
}

/** Where an indicator's target for a row comes from. */
export const enum TargetSource {
  None = 0,
  /** The data's target field for the row. */
  Data = 1,
  /** The plan's default (× the row's months when the input is additive). */
  Default = 2,
  /** The data's target cell is unreadable. */
  Invalid = 3,
}

/** Where the target of an indicator on row r comes from, whatever the row's actual. */
export function targetSourceOf(ind: CompiledIndicator, frame: Frame, r: number): TargetSource {
  const tf = ind.targetField;
  const st = tf >= 0 ? frame.states[tf][r] : CellState.Absent;
  if (st === CellState.Ok) return TargetSource.Data;
  if (st === CellState.Invalid) return TargetSource.Invalid;
  return Number.isNaN(ind.targetDefault) ? TargetSource.None : TargetSource.Default;
}

/** The target of an indicator on row r from its source (NaN when there is none). */
export function targetOf(
  ind: CompiledIndicator,
  frame: Frame,
  r: number,
  source: TargetSource
): number {
  if (source === TargetSource.Data) return frame.values[ind.targetField][r];
  if (source !== TargetSource.Default) return Number.NaN;
  return ind.additive ? ind.targetDefault * frame.monthCount[r] : ind.targetDefault;
}

/** One field's cell as an indicator's input: its value, or NaN with the reason it has none. */
function readField(frame: Frame, k: number, r: number, i: number, out: IndicatorColumns): number {
  const s = frame.states[k][r];
  if (s === CellState.Ok) return frame.values[k][r];
  out.reason[i] = stateReason(s);
  out.reasonField[i] = k;
  return Number.NaN;
}

/**
 * The actual value of rows [from, to): a field, a ratio or growth of two, a sum, the 360 score.
 * One loop per input kind, so each loop is small and sees one kind.
 */
function readActual(
  ind: CompiledIndicator,
  frame: Frame,
  fb: FeedbackIndex | null,
  from: number,
  n: number,
  out: IndicatorColumns
): void {
  switch (ind.inputKind) {
    case InputKind.Field:
      return readFieldActual(ind.a, frame, from, n, out);
    case InputKind.Ratio:
    case InputKind.Growth:
      return readPairActual(ind.inputKind === InputKind.Ratio, ind.a, ind.b, frame, from, n, out);
    case InputKind.Sum:
      return readSumActual(ind.fields, frame, from, n, out);
    case InputKind.Feedback:
      return readFeedbackActual(frame, fb, from, n, out);
    case InputKind.Customer360:
      return readCustomer360Actual(ind, frame, fb, from, n, out);
  }
}

function readFieldActual(k: number, frame: Frame, from: number, n: number, out: IndicatorColumns) {
  const actual = out.actual;
  // the field's columns once, not looked up per row
  const states = frame.states[k];
  const values = frame.values[k];
  for (let i = 0; i < n; i++) {
    const r = from + i;
    actual[i] = states[r] === CellState.Ok ? values[r] : readField(frame, k, r, i, out);
  }
}

/** A ratio (a ÷ b) or a growth ((a − b) ÷ |b|); b = 0 has no value. */
function readPairActual(
  ratio: boolean,
  a: number,
  b: number,
  frame: Frame,
  from: number,
  n: number,
  out: IndicatorColumns
) {
  const { actual, reason, reasonField } = out;
  const sa = frame.states[a];
  const sb = frame.states[b];
  const va = frame.values[a];
  const vb = frame.values[b];
  for (let i = 0; i < n; i++) {
    const r = from + i;
    actual[i] = Number.NaN;
    if (sa[r] !== CellState.Ok) {
      readField(frame, a, r, i, out); // the reason
      continue;
    }
    if (sb[r] !== CellState.Ok) {
      readField(frame, b, r, i, out);
      continue;
    }
    const x = va[r];
    const y = vb[r];
    if (y === 0) {
      reason[i] = ratio ? Reason.DenominatorZero : Reason.PriorZero;
      reasonField[i] = b;
    } else actual[i] = ratio ? x / y : (x - y) / Math.abs(y);
  }
}

function readSumActual(
  fields: readonly number[],
  frame: Frame,
  from: number,
  n: number,
  out: IndicatorColumns
) {
  const { actual, reason } = out;
  for (let i = 0; i < n; i++) {
    const r = from + i;
    let sum = 0;
    for (let j = 0; j < fields.length; j++) {
      sum += readField(frame, fields[j], r, i, out);
      if (reason[i] !== Reason.None) break;
    }
    actual[i] = reason[i] === Reason.None ? sum : Number.NaN;
  }
}

function readFeedbackActual(
  frame: Frame,
  fb: FeedbackIndex | null,
  from: number,
  n: number,
  out: IndicatorColumns
) {
  const { actual, reason } = out;
  if (n === 1) {
    // one row (an explanation): with the parts it shows
    const parts = fb ? fb.score(frame.ids[from], frame.periods[from]) : null;
    out.feedback[0] = parts;
    out.feedbackRows = 1;
    if (!parts) reason[0] = Reason.NoRatings;
    actual[0] = parts ? parts.score : Number.NaN;
    return;
  }
  for (let i = 0; i < n; i++) {
    const r = from + i;
    const points = fb ? fb.points(frame.ids[r], frame.periods[r]) : Number.NaN;
    actual[i] = points;
    // no score: no ratings, unless (never with finite ratings) parts whose score is NaN
    if (Number.isNaN(points) && !(fb && fb.score(frame.ids[r], frame.periods[r])))
      reason[i] = Reason.NoRatings;
  }
}

/**
 * 客户360评价: the survey field first (blank or unreadable: that reason), then the customers'
 * mean rating (none: NoCustomerRatings), blended by the indicator's share.
 */
function readCustomer360Actual(
  ind: CompiledIndicator,
  frame: Frame,
  fb: FeedbackIndex | null,
  from: number,
  n: number,
  out: IndicatorColumns
) {
  const { actual, reason } = out;
  for (let i = 0; i < n; i++) {
    const r = from + i;
    const survey = ind.a >= 0 ? readField(frame, ind.a, r, i, out) : null;
    actual[i] = Number.NaN;
    if (reason[i] !== Reason.None) continue;
    const m = fb ? fb.customerMean(frame.ids[r], frame.periods[r]) : null;
    if (m === null) reason[i] = Reason.NoCustomerRatings;
    else actual[i] = customerBlend(m, survey, ind.share);
  }
}

/** The target and attainment of rows [from, to) whose actual was read. */
function readTargets(
  ind: CompiledIndicator,
  frame: Frame,
  from: number,
  n: number,
  out: IndicatorColumns
): void {
  const { actual, target, attainment, reason, reasonField, targetSource } = out;
  const tf = ind.targetField;
  // Lower is better: nothing beats zero (zero complaints, zero days): attainment is the cap.
  const best = ind.method === Method.Linear ? ind.cap : Number.POSITIVE_INFINITY;
  const lower = ind.lower;
  for (let i = 0; i < n; i++) {
    if (reason[i] !== Reason.None) continue;
    const r = from + i;
    const source = targetSourceOf(ind, frame, r);
    if (source === TargetSource.Invalid || source === TargetSource.None) {
      reason[i] = source === TargetSource.Invalid ? Reason.Invalid : Reason.NoTarget;
      reasonField[i] = tf;
      continue;
    }
    targetSource[i] = source;
    const t = targetOf(ind, frame, r, source);
    target[i] = t;
    if (t < 0) {
      reason[i] = Reason.TargetNegative;
      reasonField[i] = tf;
      continue;
    }
    const a = scoringAttainment(actual[i], t, lower, best);
    if (Number.isNaN(a)) {
      reason[i] = Reason.TargetZero;
      reasonField[i] = tf;
    } else attainment[i] = a;
  }
}

/**
 * Reads the actual value, target and attainment of one indicator for rows [from, to) of a
 * frame into `out` at [0, to − from).
 */
export function readIndicatorRange(
  ind: CompiledIndicator,
  frame: Frame,
  fb: FeedbackIndex | null,
  from: number,
  to: number,
  out: IndicatorColumns
): void {
  const n = to - from;
  const feedback = ind.inputKind === InputKind.Feedback;
  if (n === 1) {
    // one row (an explanation): plain stores, not five fills
    out.reason[0] = Reason.None;
    out.reasonField[0] = -1;
    out.targetSource[0] = 0;
    out.attainment[0] = NaN;
    out.target[0] = NaN;
  } else {
    out.reason.fill(Reason.None, 0, n);
    out.reasonField.fill(-1, 0, n);
    out.targetSource.fill(0, 0, n);
    out.attainment.fill(NaN, 0, n);
    out.target.fill(NaN, 0, n);
  }
  // only a 360 indicator has feedback parts: none are left from the indicator read before
  if (!feedback && out.feedbackRows > 0) {
    out.feedback.fill(null, 0, out.feedbackRows);
    out.feedbackRows = 0;
  }
  readActual(ind, frame, fb, from, n, out);
  if (ind.usesTarget) readTargets(ind, frame, from, n, out);
}

/** Scores rows [0, n) of columns already read (rows with a reason get NaN). */
export function scoreRange(
  ind: CompiledIndicator,
  c: IndicatorColumns,
  n: number,
  out: Float64Array,
  offset = 0
): void {
  const { actual, attainment, reason } = c;
  switch (ind.method) {
    case Method.Linear: {
      const floor = ind.floor;
      const cap = ind.cap;
      const fullScore = ind.fullScore;
      for (let i = 0; i < n; i++) {
        if (reason[i] !== Reason.None) out[offset + i] = NaN;
        else out[offset + i] = scoreAttainment(attainment[i], floor, cap, fullScore);
      }
      return;
    }
    case Method.Curve:
      for (let i = 0; i < n; i++) {
        out[offset + i] =
          reason[i] === Reason.None
            ? curveUnchecked(
                ind.curveOnAttainment ? attainment[i] : actual[i],
                ind.points,
                ind.curveMode
              )
            : Number.NaN;
      }
      return;
    case Method.Direct:
    case Method.Feedback:
      for (let i = 0; i < n; i++)
        out[offset + i] = reason[i] === Reason.None ? directScore(actual[i], ind.cap) : Number.NaN;
      return;
    case Method.Deduction:
      for (let i = 0; i < n; i++)
        out[offset + i] =
          reason[i] === Reason.None ? deductionScore(actual[i], ind.fullScore) : Number.NaN;
      return;
  }
}

/** One indicator on one row, for explanations: the bulk path's functions on a range of one. */
export interface IndicatorReading {
  actual: number;
  target: number;
  targetSource: "data" | "default" | "none";
  attainment: number;
  reason: Reason;
  reasonField: number;
  feedback: FeedbackParts | null;
  score: number;
}

const TARGET_SOURCES = ["none", "data", "default"] as const;

// One row's scratch columns, reused: readIndicator copies what it needs out before returning.
const one = newColumns(1);
const oneScore = new Float64Array(1);

export function readIndicator(
  ind: CompiledIndicator,
  frame: Frame,
  r: number,
  fb: FeedbackIndex | null
): IndicatorReading {
  const c = one;
  readIndicatorRange(ind, frame, fb, r, r + 1, c);
  const score = oneScore;
  scoreRange(ind, c, 1, score);
  return {
    actual: c.actual[0],
    target: c.target[0],
    targetSource: TARGET_SOURCES[c.targetSource[0]],
    attainment: c.attainment[0],
    reason: c.reason[0] as Reason,
    reasonField: c.reasonField[0],
    feedback: c.feedback[0],
    score: score[0],
  };
}

export interface ScoreSet {
  frame: Frame;
  nIndicators: number;
  nDimensions: number;
  /** Row-major: row r, indicator i at r × nIndicators + i. */
  indicatorScores: Float64Array;
  indicatorStatus: Uint8Array;
  indicatorReason: Uint8Array;
  dimensionScores: Float64Array;
  /** Dimension left out because every indicator in it was left out. */
  dimensionExcluded: Uint8Array;
  /** Row-major like the dimension scores: the indicator weight each dimension's mean counted. */
  dimensionWeightCounted: Float64Array;
  totals: Float64Array;
  status: Uint8Array;
}

/** Indicator i's scores of rows [from, to) (at 0.. in `reason` and `scores`) into the set. */
function scoreBlock(
  set: ScoreSet,
  reason: Uint8Array,
  scores: Float64Array,
  from: number,
  to: number,
  i: number,
  d: number,
  w: number,
  policy: MissingEffect,
  acc: { sums: WeightSums; err: Uint8Array; status: Uint8Array }
): void {
  const { sums, err, status } = acc;
  const ni = set.nIndicators;
  const nd = set.nDimensions;
  for (let r = from; r < to; r++) {
    const at = r * ni + i;
    const rs = reason[r - from];
    set.indicatorReason[at] = rs;
    const dat = r * nd + d;
    if (rs === Reason.None) {
      const s = scores[r - from];
      set.indicatorScores[at] = s;
      addScore(sums, dat, s, w);
      continue;
    }
    // Unreadable data is an error whatever the policy; else the policy says.
    const effect = rs === Reason.Invalid || rs === Reason.TargetNegative ? "error" : policy;
    if (!addMissing(sums, dat, w, effect)) {
      set.indicatorScores[at] = NaN;
      set.indicatorStatus[at] = IndicatorStatus.Error;
      err[dat] = 1;
      status[r] = RowStatus.Error;
    } else if (effect === "zero") {
      set.indicatorScores[at] = 0;
      set.indicatorStatus[at] = IndicatorStatus.Zeroed;
      if (status[r] === RowStatus.Ok) status[r] = RowStatus.Warning;
    } else {
      set.indicatorScores[at] = NaN;
      set.indicatorStatus[at] = IndicatorStatus.Excluded;
      if (status[r] === RowStatus.Ok) status[r] = RowStatus.Warning;
    }
  }
}

/** Rows scored together: each indicator over a block, then the block's rows in row-major order. */
const BLOCK = 1024;

/**
 * Scores every row of a frame, a block of rows at a time: indicator by indicator over the block
 * (each in the plan's order, as one row would be), then dimensions and totals.
 */
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
    dimensionWeightCounted: new Float64Array(n * nd),
    totals: new Float64Array(n),
    status: new Uint8Array(n),
  };
  const block = Math.min(BLOCK, Math.max(1, n));
  const cols = newColumns(block);
  const scores = new Float64Array(block);
  // Per dimension: weighted sums and an error flag — row-major n × nd. The sums are kept in the
  // set's own columns (no arrays made and dropped): the weights counted are its column, and
  // Σ score × weight sits where the dimension's mean goes, which replaces it once it is read.
  const sums: WeightSums = { num: set.dimensionScores, den: set.dimensionWeightCounted };
  const err = new Uint8Array(n * nd);
  const status = new Uint8Array(n);
  const effects = cp.indicators.map((ind) => MISSING_EFFECTS[ind.missing]);
  for (let from = 0; from < n; from += block) {
    const to = Math.min(n, from + block);
    for (let i = 0; i < ni; i++) {
      const ind = cp.indicators[i];
      readIndicatorRange(ind, frame, fb, from, to, cols);
      scoreRange(ind, cols, to - from, scores);
      scoreBlock(set, cols.reason, scores, from, to, i, ind.dimension, ind.weight, effects[i], {
        sums,
        err,
        status,
      });
    }
  }
  const dw = cp.dimensionWeights;
  const total = weightSums(1);
  for (let r = 0; r < n; r++) {
    total.num[0] = total.den[0] = 0;
    for (let d = 0; d < nd; d++) {
      const at = r * nd + d;
      const s = err[at] ? Number.NaN : weightedMean(sums, at);
      set.dimensionScores[at] = s;
      if (err[at]) continue;
      // Every indicator of the dimension left out: the dimension is left out of the total.
      if (sums.den[at] === 0) set.dimensionExcluded[at] = 1;
      else addScore(total, 0, s, dw[d]);
    }
    let st = status[r];
    if (frame.conflicts[r]) st = RowStatus.Error;
    if (st === RowStatus.Error || total.den[0] === 0) {
      set.totals[r] = NaN;
      st = RowStatus.Error;
    } else set.totals[r] = weightedMean(total, 0);
    set.status[r] = st;
  }
  return set;
}

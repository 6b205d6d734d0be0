/**
 * The calculations behind the PERF.* functions (shared/spec/functions.md), as plain functions
 * over numbers and small tables. The custom functions only read and coerce arguments and call
 * these; the plan engine calls the same functions, so a number in a scorecard and the same
 * number typed as a formula can never disagree.
 *
 * Bad input is returned as a PerfError (see errors.ts), never thrown.
 */
import { div0Error, isError, naError, numError, PerfError, Result, valueError } from "./errors";
import { excelRound, fallsShort, reaches, weightScale } from "./numeric";

// ---------------------------------------------------------------------------------------------
// Enumerations and their spellings
// ---------------------------------------------------------------------------------------------

export type Direction = "higher" | "lower";
export type CurveMode = "linear" | "step";
export type MissingPolicy = "error" | "zero" | "renormalize";
export type CommissionMethod = "marginal" | "whole";

function key(text: string): string {
  return text.trim().toLowerCase();
}

/** The spellings the contract accepts for each keyword argument (matched trimmed, case-insensitive). */
export const DIRECTIONS: Readonly<Record<string, Direction>> = {
  higher: "higher",
  lower: "lower",
  高: "higher",
  低: "lower",
};
export const CURVE_MODES: Readonly<Record<string, CurveMode>> = {
  linear: "linear",
  线性: "linear",
  step: "step",
  阶梯: "step",
};
export const MISSING_POLICIES: Readonly<Record<string, MissingPolicy>> = {
  error: "error",
  报错: "error",
  zero: "zero",
  计零: "zero",
  renormalize: "renormalize",
  重新分配: "renormalize",
};
export const COMMISSION_METHODS: Readonly<Record<string, CommissionMethod>> = {
  marginal: "marginal",
  超额累进: "marginal",
  whole: "whole",
  全额累进: "whole",
};

function lookup<T>(table: Readonly<Record<string, T>>, text: string): T | undefined {
  const k = key(text);
  return Object.prototype.hasOwnProperty.call(table, k) ? table[k] : undefined;
}

export function parseDirection(text: string): Result<Direction> {
  return lookup(DIRECTIONS, text) ?? valueError("badDirection", { value: text });
}
export function parseCurveMode(text: string): Result<CurveMode> {
  return lookup(CURVE_MODES, text) ?? valueError("badCurveMode", { value: text });
}
export function parseMissingPolicy(text: string): Result<MissingPolicy> {
  return lookup(MISSING_POLICIES, text) ?? valueError("badMissing", { value: text });
}
export function parseCommissionMethod(text: string): Result<CommissionMethod> {
  return lookup(COMMISSION_METHODS, text) ?? valueError("badCommissionMethod", { value: text });
}

/** How a weight or share sum is shown in a message: as a percentage when written as fractions. */
export function describeSum(total: number): string {
  const shown =
    Math.abs(total) <= 2 ? excelRound(total * 100, 6) + "%" : String(excelRound(total, 6));
  return shown;
}

// ---------------------------------------------------------------------------------------------
// ATTAINMENT, GROWTH, KPISCORE
// ---------------------------------------------------------------------------------------------

/** 完成率: actual ÷ target (higher is better) or target ÷ actual (lower is better). */
export function attainment(
  actual: number,
  target: number,
  direction: Direction = "higher"
): Result<number> {
  if (target < 0) return numError("targetNegative", { value: target });
  if (direction === "higher") {
    if (target === 0) return div0Error("targetZero");
    return actual / target;
  }
  if (actual === 0) return div0Error("actualZeroLower");
  return target / actual;
}

/** 增长率: (current − prior) ÷ |prior|. */
export function growth(current: number, prior: number): Result<number> {
  if (prior === 0) return div0Error("priorZero");
  return (current - prior) / Math.abs(prior);
}

export const KPISCORE_DEFAULTS = {
  floor: 0,
  cap: 1.2,
  direction: "higher" as Direction,
  fullScore: 100,
};

/** Checks KPISCORE's parameters once (the plan engine validates them when the plan is checked). */
export function checkScoreParameters(
  floor: number,
  cap: number,
  fullScore: number
): PerfError | null {
  if (floor < 0) return numError("floorNegative", { value: floor });
  if (cap < floor) return numError("capBelowFloor", { cap, floor });
  if (fullScore <= 0) return numError("fullScoreNotPositive", { value: fullScore });
  return null;
}

/**
 * The score for an attainment already computed: 0 below the floor, else min(a, cap) × full.
 * An attainment that reaches a floor of 0 only by the boundary tolerance (−1e-12) scores 0,
 * never a negative sliver.
 */
export function scoreAttainment(a: number, floor: number, cap: number, fullScore: number): number {
  if (fallsShort(a, floor) || a <= 0) return 0;
  return (a < cap ? a : cap) * fullScore;
}

/**
 * 指标得分: linear attainment with a floor and a cap. With direction "lower" an actual of 0 is the
 * best possible result and scores the cap.
 */
export function kpiScore(
  actual: number,
  target: number,
  floor = KPISCORE_DEFAULTS.floor,
  cap = KPISCORE_DEFAULTS.cap,
  direction: Direction = "higher",
  fullScore = KPISCORE_DEFAULTS.fullScore
): Result<number> {
  const bad = checkScoreParameters(floor, cap, fullScore);
  if (bad) return bad;
  let a: Result<number>;
  if (direction === "lower" && actual === 0 && target >= 0) a = cap;
  else a = attainment(actual, target, direction);
  if (isError(a)) return a;
  return scoreAttainment(a, floor, cap, fullScore);
}

// ---------------------------------------------------------------------------------------------
// CURVE
// ---------------------------------------------------------------------------------------------

export interface CurvePoint {
  x: number;
  y: number;
}

/** x strictly ascending; returns the error for the first offending row (1-based). */
export function checkAscending(values: readonly number[], arg: string): PerfError | null {
  for (let i = 1; i < values.length; i++) {
    if (!(values[i] > values[i - 1])) {
      return valueError("notAscending", {
        arg,
        row: i + 1,
        value: values[i],
        previous: values[i - 1],
      });
    }
  }
  return null;
}

export function checkCurve(points: readonly CurvePoint[]): PerfError | null {
  if (points.length === 0) return valueError("tableEmpty", { arg: "points" });
  return checkAscending(
    points.map((p) => p.x),
    "points"
  );
}

/** Threshold–target–stretch curve; points must already be checked with {@link checkCurve}. */
export function curveUnchecked(
  value: number,
  points: readonly CurvePoint[],
  mode: CurveMode
): number {
  const n = points.length;
  if (fallsShort(value, points[0].x)) return 0;
  if (reaches(value, points[n - 1].x)) return points[n - 1].y;
  // Find the last point with x ≤ value (within tolerance).
  let i = 0;
  while (i + 1 < n && reaches(value, points[i + 1].x)) i++;
  const p = points[i];
  if (mode === "step") return p.y;
  const q = points[i + 1];
  return p.y + ((q.y - p.y) * (value - p.x)) / (q.x - p.x);
}

export function curve(
  value: number,
  points: readonly CurvePoint[],
  mode: CurveMode = "linear"
): Result<number> {
  const bad = checkCurve(points);
  if (bad) return bad;
  return curveUnchecked(value, points, mode);
}

// ---------------------------------------------------------------------------------------------
// WEIGHTED
// ---------------------------------------------------------------------------------------------

/** Checks weights (≥ 0, sum 1 or 100). Blank weights count as 0. Returns the sum's scale. */
export function checkWeights(
  weights: readonly (number | null)[],
  arg = "weights"
): Result<1 | 100> {
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (w === null) continue;
    if (w < 0) return valueError("weightNegative", { position: i + 1, value: w });
    total += w;
  }
  const scale = weightScale(total);
  if (scale === null) return valueError("weightSum", { arg, sum: describeSum(total) });
  return scale;
}

/** 加权得分: Σ score × weight ÷ Σ weight with the missing-score policy of the contract. */
export function weighted(
  scores: readonly (number | null)[],
  weights: readonly (number | null)[],
  missing: MissingPolicy = "error"
): Result<number> {
  if (scores.length !== weights.length) {
    return valueError("lengthMismatch", { scores: scores.length, weights: weights.length });
  }
  const scale = checkWeights(weights);
  if (isError(scale)) return scale;
  let num = 0;
  let den = 0;
  for (let i = 0; i < scores.length; i++) {
    const w = weights[i] ?? 0;
    const s = scores[i];
    if (s === null) {
      if (w > 0) {
        if (missing === "error") return valueError("scoreMissing", { position: i + 1, weight: w });
        if (missing === "zero") den += w;
      }
      continue;
    }
    num += s * w;
    den += w;
  }
  if (den === 0) {
    if (missing === "renormalize") return naError("allScoresMissing");
    return 0;
  }
  return num / den;
}

// ---------------------------------------------------------------------------------------------
// GRADE, DISTRIBUTE, COEFFICIENT, MATRIX
// ---------------------------------------------------------------------------------------------

export type Label = string;

export interface Band {
  min: number;
  label: Label;
}
export interface Quota {
  label: Label;
  share: number;
}
export interface CoefficientEntry {
  label: Label;
  coefficient: number;
}

export const DEFAULT_BANDS: readonly Band[] = [
  { min: 95, label: "S" },
  { min: 85, label: "A" },
  { min: 70, label: "B" },
  { min: 60, label: "C" },
  { min: 0, label: "D" },
];
export const DEFAULT_QUOTAS: readonly Quota[] = [
  { label: "S", share: 0.1 },
  { label: "A", share: 0.2 },
  { label: "B", share: 0.5 },
  { label: "C", share: 0.15 },
  { label: "D", share: 0.05 },
];
export const DEFAULT_COEFFICIENTS: readonly CoefficientEntry[] = [
  { label: "S", coefficient: 1.5 },
  { label: "A", coefficient: 1.2 },
  { label: "B", coefficient: 1.0 },
  { label: "C", coefficient: 0.8 },
  { label: "D", coefficient: 0.5 },
];

/** The band a score reaches: the highest min ≤ score (within tolerance); null if none. */
export function bandFor(score: number, bands: readonly Band[]): Band | null {
  let best: Band | null = null;
  for (const b of bands) {
    if (reaches(score, b.min) && (best === null || b.min > best.min)) best = b;
  }
  return best;
}

/** 等级: the label of the highest band minimum the score reaches. */
export function grade(score: number, bands: readonly Band[] = DEFAULT_BANDS): Result<Label> {
  if (bands.length === 0) return valueError("tableEmpty", { arg: "bands" });
  const b = bandFor(score, bands);
  return b ? b.label : naError("noBandReached", { score });
}

export function checkQuotas(quotas: readonly Quota[]): PerfError | null {
  if (quotas.length === 0) return valueError("tableEmpty", { arg: "quotas" });
  const seen = new Set<string>();
  let total = 0;
  for (const q of quotas) {
    if (q.share < 0) return valueError("quotaNegative", { label: q.label, value: q.share });
    const k = key(q.label);
    if (seen.has(k)) return valueError("duplicateLabel", { arg: "quotas", label: q.label });
    seen.add(k);
    total += q.share;
  }
  if (weightScale(total) === null) return valueError("quotaSum", { sum: describeSum(total) });
  return null;
}

/**
 * The cut-off rank of each grade for N scores: c_k = ROUND(N × (share_1 + … + share_k), 0),
 * computed on the value rounded to 9 decimals.
 */
export function distributionCutoffs(n: number, quotas: readonly Quota[]): number[] {
  let total = 0;
  for (const q of quotas) total += q.share;
  const scale = weightScale(total) ?? 1;
  const cut: number[] = [];
  let cum = 0;
  for (const q of quotas) {
    cum += q.share / scale;
    cut.push(excelRound(excelRound(n * cum, 9), 0));
  }
  return cut;
}

/**
 * Ranks of numeric scores, best first: 1 + the number of scores strictly greater beyond the
 * boundary tolerance (each pair compared on its own, so near-ties never chain). Equal scores
 * share a rank. `NaN` entries are skipped and get rank 0.
 */
export function competitionRanks(scores: ArrayLike<number>): Int32Array {
  const idx: number[] = [];
  for (let i = 0; i < scores.length; i++) if (!Number.isNaN(scores[i])) idx.push(i);
  idx.sort((a, b) => scores[b] - scores[a]);
  const ranks = new Int32Array(scores.length);
  // Scores clearly above the current one form a prefix of the sorted list that only grows.
  let above = 0;
  for (let j = 0; j < idx.length; j++) {
    const v = scores[idx[j]];
    while (above < j) {
      const x = scores[idx[above]];
      if (x - v > 1e-9 * Math.max(1, Math.abs(x), Math.abs(v))) above++;
      else break;
    }
    ranks[idx[j]] = above + 1;
  }
  return ranks;
}

/** Grade index (into quotas) for each rank, given the cut-offs. */
export function gradeIndexForRank(rank: number, cutoffs: readonly number[]): number {
  for (let k = 0; k < cutoffs.length; k++) if (rank <= cutoffs[k]) return k;
  return cutoffs.length - 1;
}

/**
 * 强制分布: a grade label per cell. Blank cells (null) give "", error cells keep their error,
 * numeric cells get the first grade whose cut-off their rank reaches.
 */
export function distribute(
  scores: readonly (number | null | PerfError)[],
  quotas: readonly Quota[] = DEFAULT_QUOTAS
): Result<(Label | PerfError)[]> {
  const bad = checkQuotas(quotas);
  if (bad) return bad;
  const values = new Float64Array(scores.length);
  let n = 0;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (typeof s === "number") {
      values[i] = s;
      n++;
    } else values[i] = NaN;
  }
  const ranks = competitionRanks(values);
  const cut = distributionCutoffs(n, quotas);
  return scores.map((s, i) => {
    if (s === null) return "";
    if (isError(s)) return s;
    return quotas[gradeIndexForRank(ranks[i], cut)].label;
  });
}

/** 绩效系数: the coefficient for a grade; labels match case-insensitively after trimming. */
export function coefficient(
  gradeLabel: Label,
  table: readonly CoefficientEntry[] = DEFAULT_COEFFICIENTS
): Result<number> {
  const k = key(gradeLabel);
  for (const e of table) if (key(e.label) === k) return e.coefficient;
  return naError("unknownGrade", { grade: gradeLabel });
}

export interface MatrixTable {
  rows: number[];
  columns: number[];
  cells: (number | string)[][];
}

/**
 * Both header axes strictly ascending. Positions in the message are the table's own: column
 * thresholds sit in row 1 from column 2 on, row thresholds in column 1 from row 2 on.
 */
export function checkMatrix(t: MatrixTable): PerfError | null {
  if (t.rows.length === 0 || t.columns.length === 0) return valueError("matrixTooSmall");
  const c = t.columns;
  for (let i = 1; i < c.length; i++) {
    if (!(c[i] > c[i - 1]))
      return valueError("notAscendingAcross", {
        arg: "table",
        column: i + 2,
        value: c[i],
        previous: c[i - 1],
      });
  }
  const r = t.rows;
  for (let i = 1; i < r.length; i++) {
    if (!(r[i] > r[i - 1]))
      return valueError("notAscending", {
        arg: "table",
        row: i + 2,
        value: r[i],
        previous: r[i - 1],
      });
  }
  return null;
}

function lastReached(value: number, thresholds: readonly number[]): number {
  let found = -1;
  for (let i = 0; i < thresholds.length; i++) {
    if (reaches(value, thresholds[i])) found = i;
    else break;
  }
  return found;
}

/** Two-way lookup: the last threshold ≤ value on each axis; below the first on either axis → 0. */
export function matrixUnchecked(
  rowValue: number,
  columnValue: number,
  t: MatrixTable
): number | string {
  const r = lastReached(rowValue, t.rows);
  const c = lastReached(columnValue, t.columns);
  if (r < 0 || c < 0) return 0;
  return t.cells[r]?.[c] ?? 0;
}

export function matrix(
  rowValue: number,
  columnValue: number,
  t: MatrixTable
): Result<number | string> {
  const bad = checkMatrix(t);
  if (bad) return bad;
  return matrixUnchecked(rowValue, columnValue, t);
}

// ---------------------------------------------------------------------------------------------
// COMMISSION
// ---------------------------------------------------------------------------------------------

export interface Tier {
  /** Lower bound: currency, or an attainment ratio of the target when a target is given. */
  from: number;
  rate: number;
}

/** One slice of a tiered commission, for explanations. */
export interface CommissionSlice {
  tier: number;
  from: number;
  to: number | null;
  rate: number;
  base: number;
  commission: number;
}

export function checkTiers(tiers: readonly Tier[]): PerfError | null {
  if (tiers.length === 0) return valueError("tableEmpty", { arg: "tiers" });
  return checkAscending(
    tiers.map((t) => t.from),
    "tiers"
  );
}

/**
 * Commission with every slice, tiers already checked. `bounds` are the tier bounds in currency
 * (attainment bounds already multiplied by the target).
 */
export function commissionSlices(
  amount: number,
  bounds: readonly number[],
  rates: readonly number[],
  method: CommissionMethod
): CommissionSlice[] {
  const slices: CommissionSlice[] = [];
  const n = bounds.length;
  if (method === "whole") {
    let k = -1;
    for (let i = 0; i < n; i++) if (reaches(amount, bounds[i])) k = i;
    if (k >= 0) {
      slices.push({
        tier: k + 1,
        from: bounds[k],
        to: k + 1 < n ? bounds[k + 1] : null,
        rate: rates[k],
        base: amount,
        commission: amount * rates[k],
      });
    }
    return slices;
  }
  for (let i = 0; i < n; i++) {
    const lo = bounds[i];
    const hi = i + 1 < n ? bounds[i + 1] : Infinity;
    if (!reaches(amount, lo)) break;
    const top = amount < hi ? amount : hi;
    const base = top - lo;
    if (base <= 0) continue;
    slices.push({
      tier: i + 1,
      from: lo,
      to: i + 1 < n ? hi : null,
      rate: rates[i],
      base,
      commission: base * rates[i],
    });
  }
  return slices;
}

/** Commission without the slice list (the hot path); same arithmetic as {@link commissionSlices}. */
export function commissionUnchecked(
  amount: number,
  bounds: ArrayLike<number>,
  rates: ArrayLike<number>,
  method: CommissionMethod
): number {
  const n = bounds.length;
  if (method === "whole") {
    let k = -1;
    for (let i = 0; i < n; i++) if (reaches(amount, bounds[i])) k = i;
    return k >= 0 ? amount * rates[k] : 0;
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    const lo = bounds[i];
    if (!reaches(amount, lo)) break;
    const hi = i + 1 < n ? bounds[i + 1] : Infinity;
    const base = (amount < hi ? amount : hi) - lo;
    if (base > 0) total += base * rates[i];
  }
  return total;
}

/** 阶梯提成 (PERF.COMMISSION). */
export function commission(
  amount: number,
  tiers: readonly Tier[],
  method: CommissionMethod = "marginal",
  target: number | null = null,
  cap: number | null = null
): Result<number> {
  const bad = checkTiers(tiers);
  if (bad) return bad;
  if (target !== null && target <= 0) return numError("targetNotPositive", { value: target });
  if (amount < 0) return numError("amountNegative", { value: amount });
  if (cap !== null && cap < 0) return numError("capNegative", { value: cap });
  const bounds = tiers.map((t) => (target === null ? t.from : t.from * target));
  const rates = tiers.map((t) => t.rate);
  const c = commissionUnchecked(amount, bounds, rates, method);
  return cap !== null && c > cap ? cap : c;
}

// ---------------------------------------------------------------------------------------------
// FEEDBACK, PRORATE, PAY
// ---------------------------------------------------------------------------------------------

export const DEFAULT_FEEDBACK_WEIGHTS: readonly [number, number, number] = [0.6, 0.2, 0.2];

export interface FeedbackParts {
  /** Mean rating of each group, or null when the group has no ratings. */
  means: [number | null, number | null, number | null];
  /** Weights after leaving out empty groups, as fractions summing to 1. */
  weights: [number, number, number];
  score: number;
}

export function checkFeedbackWeights(weights: readonly (number | null)[]): Result<1 | 100> {
  if (weights.length !== 3) return valueError("feedbackWeightsCount", { count: weights.length });
  return checkWeights(weights);
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/** 360度评价 with the parts an explanation shows. */
export function feedbackParts(
  superior: readonly number[],
  peers: readonly number[],
  customers: readonly number[],
  weights: readonly number[] = DEFAULT_FEEDBACK_WEIGHTS
): Result<FeedbackParts> {
  const means: [number | null, number | null, number | null] = [
    mean(superior),
    mean(peers),
    mean(customers),
  ];
  let wsum = 0;
  for (let g = 0; g < 3; g++) if (means[g] !== null) wsum += weights[g];
  if (means.every((m) => m === null)) return naError("noRatings");
  if (wsum <= 0) return naError("noRatings");
  const used: [number, number, number] = [0, 0, 0];
  let score = 0;
  for (let g = 0; g < 3; g++) {
    const m = means[g];
    if (m === null) continue;
    used[g] = weights[g] / wsum;
    score += m * weights[g];
  }
  return { means, weights: used, score: score / wsum };
}

export function feedback(
  superior: readonly number[],
  peers: readonly number[],
  customers: readonly number[],
  weights: readonly number[] = DEFAULT_FEEDBACK_WEIGHTS
): Result<number> {
  const scale = checkFeedbackWeights(weights);
  if (isError(scale)) return scale;
  const parts = feedbackParts(superior, peers, customers, weights);
  return isError(parts) ? parts : parts.score;
}

/** Proration for a partial period: amount × MIN(1, days_worked ÷ days_in_period). */
export function prorate(amount: number, daysWorked: number, daysInPeriod: number): Result<number> {
  if (daysInPeriod <= 0) return numError("daysInPeriodNotPositive", { value: daysInPeriod });
  if (daysWorked < 0) return numError("daysWorkedNegative", { value: daysWorked });
  const share = daysWorked / daysInPeriod;
  return amount * (share < 1 ? share : 1);
}

/** 应发薪酬: base + performance pay × coefficient + commission + bonus, rounded to the cent. */
export function pay(
  base: number,
  performancePay: number,
  coefficientValue: number,
  commissionValue = 0,
  bonus = 0
): Result<number> {
  if (base < 0) return numError("payPartNegative", { arg: "base", value: base });
  if (performancePay < 0)
    return numError("payPartNegative", { arg: "performance_pay", value: performancePay });
  if (coefficientValue < 0)
    return numError("payPartNegative", { arg: "coefficient", value: coefficientValue });
  return excelRound(base + performancePay * coefficientValue + commissionValue + bonus, 2);
}

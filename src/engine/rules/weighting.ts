/**
 * Weighting: the indicator scores of a dimension, the dimensions of the total, the periods of a
 * year, each a weighted mean Σ score × weight ÷ Σ weight counted. A missing score follows the
 * indicator's policy: an error, a 0 that still counts its weight, or left out with the other
 * weights scaled up (renormalized). This is the one place that rule is written: PERF.WEIGHTED,
 * the engine's dimension and total scores, the explanation's effective weights and the
 * Scorecard's formulas all come from here.
 */
import { isError, naError, Result, valueError } from "../errors";
import { weightScale } from "../numeric";
import { describeSum, type MissingPolicy } from "./keywords";

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

/**
 * What a missing score does under a policy: "error" makes the mean an error, "zero" counts it
 * as a score of 0 with its weight, "renormalize" leaves it (and its weight) out.
 */
export type MissingEffect = "error" | "zero" | "leaveOut";

export function missingEffect(policy: MissingPolicy): MissingEffect {
  return policy === "renormalize" ? "leaveOut" : policy;
}

/**
 * Running weighted sums, one per slot (a row's dimension, a row's total, one call of
 * PERF.WEIGHTED): Σ score × weight and Σ weight counted. The engine fills n × dimensions of them
 * in one pass; the explanation reads the counted weights back as effective weights.
 */
export interface WeightSums {
  num: Float64Array;
  den: Float64Array;
}

export function weightSums(n: number): WeightSums {
  return { num: new Float64Array(n), den: new Float64Array(n) };
}

/** A score counts with its weight. */
export function addScore(s: WeightSums, at: number, score: number, weight: number): void {
  s.num[at] += score * weight;
  s.den[at] += weight;
}

/** A missing score under its policy's effect; false when that makes the mean an error. */
export function addMissing(
  s: WeightSums,
  at: number,
  weight: number,
  effect: MissingEffect
): boolean {
  if (effect === "error") return false;
  if (effect === "zero") s.den[at] += weight;
  return true;
}

/** The weighted mean of a slot; NaN when no weight was counted (every score left out). */
export function weightedMean(s: WeightSums, at: number): number {
  return s.den[at] === 0 ? Number.NaN : s.num[at] / s.den[at];
}

/** A weight's share of the weights counted (0 when nothing was counted). */
export function effectiveWeight(weight: number, counted: number): number {
  return counted > 0 ? weight / counted : 0;
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
  const sum = weightSums(1);
  const effect = missingEffect(missing);
  for (let i = 0; i < scores.length; i++) {
    const w = weights[i] ?? 0;
    const s = scores[i];
    if (s === null) {
      if (w > 0 && !addMissing(sum, 0, w, effect))
        return valueError("scoreMissing", { position: i + 1, weight: w });
      continue;
    }
    addScore(sum, 0, s, w);
  }
  if (sum.den[0] === 0) {
    if (missing === "renormalize") return naError("allScoresMissing");
    return 0;
  }
  return weightedMean(sum, 0);
}

/** The formula of a missing indicator score under its policy: #N/A, 0 or "" (left out). */
export function missingFormula(policy: MissingPolicy): string {
  const effect = missingEffect(policy);
  return effect === "error" ? "#N/A" : effect === "zero" ? "0" : `""`;
}

/**
 * The renormalized weighted mean of the scores in range `S` with the weights in range `W` (same
 * shape): "" scores are left out with their weight; `none` when no weight is left.
 */
export function renormalizedFormula(S: string, W: string, none: string, perf: boolean): string {
  const counted = `SUMPRODUCT((${S}<>"")*${W})`;
  const mean = perf ? `PERF.WEIGHTED(${S},${W},"renormalize")` : `SUMPRODUCT(${S},${W})/${counted}`;
  return `IF(${counted}=0,${none},${mean})`;
}

/** One term of a weighted mean over single cells: `optional` terms are left out when "". */
export interface WeightedTerm {
  ref: string;
  weight: string;
  optional?: boolean;
}

/** Σ ref × weight ÷ Σ weight over the terms, optional "" terms left out with their weight. */
export function weightedTermsFormula(terms: readonly WeightedTerm[]): { num: string; den: string } {
  const num = terms
    .map((t) => (t.optional ? `IF(${t.ref}="",0,${t.ref}*${t.weight})` : `${t.ref}*${t.weight}`))
    .join("+");
  const den = terms.map((t) => (t.optional ? `IF(${t.ref}="",0,${t.weight})` : t.weight)).join("+");
  return { num, den };
}

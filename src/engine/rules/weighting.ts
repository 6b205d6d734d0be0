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
 * A running weighted sum: `add` a score with its weight, `addMissing` a missing score under its
 * policy (false when that makes the mean an error), `mean` the result (NaN when no weight was
 * counted: every score left out).
 */
export class WeightedSum {
  num = 0;
  den = 0;
  add(score: number, weight: number): void {
    this.num += score * weight;
    this.den += weight;
  }
  addMissing(weight: number, effect: MissingEffect): boolean {
    if (effect === "error") return false;
    if (effect === "zero") this.den += weight;
    return true;
  }
  mean(): number {
    return this.den === 0 ? NaN : this.num / this.den;
  }
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
  const sum = new WeightedSum();
  const effect = missingEffect(missing);
  for (let i = 0; i < scores.length; i++) {
    const w = weights[i] ?? 0;
    const s = scores[i];
    if (s === null) {
      if (w > 0 && !sum.addMissing(w, effect))
        return valueError("scoreMissing", { position: i + 1, weight: w });
      continue;
    }
    sum.add(s, w);
  }
  if (sum.den === 0) {
    if (missing === "renormalize") return naError("allScoresMissing");
    return 0;
  }
  return sum.num / sum.den;
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

/**
 * 360度评价: the mean rating of each rater group (superior, peers, customers), weighted, a group
 * without ratings left out and the other weights scaled up (weighting.ts).
 */
import { isError, naError, Result, valueError } from "../errors";
import { checkWeights, effectiveWeight, weightedTermsFormula } from "./weighting";

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

/** The mean rating of one rater group, or null when it has no ratings. */
export function groupMean(values: readonly number[]): number | null {
  let s = 0;
  for (const v of values) s += v;
  return tallyMean(s, values.length);
}

/**
 * A group's mean from its tally: the ratings summed in the order they came, and how many. The
 * engine tallies as it reads a person's ratings instead of gathering lists first.
 */
export function tallyMean(sum: number, count: number): number | null {
  return count === 0 ? null : sum / count;
}

/** 360度评价 with the parts an explanation shows. */
export function feedbackParts(
  superior: readonly number[],
  peers: readonly number[],
  customers: readonly number[],
  weights: readonly number[] = DEFAULT_FEEDBACK_WEIGHTS
): Result<FeedbackParts> {
  return feedbackOfMeans(groupMean(superior), groupMean(peers), groupMean(customers), weights);
}

/** {@link feedbackParts} from the three group means (null: a group without ratings). */
export function feedbackOfMeans(
  superior: number | null,
  peers: number | null,
  customers: number | null,
  weights: readonly number[]
): Result<FeedbackParts> {
  const means: [number | null, number | null, number | null] = [superior, peers, customers];
  let wsum = 0;
  for (let g = 0; g < 3; g++) if (means[g] !== null) wsum += weights[g];
  if (superior === null && peers === null && customers === null) return naError("noRatings");
  if (wsum <= 0) return naError("noRatings");
  const used: [number, number, number] = [0, 0, 0];
  for (let g = 0; g < 3; g++) if (means[g] !== null) used[g] = effectiveWeight(weights[g], wsum);
  return { means, weights: used, score: feedbackScoreOfMeans(superior, peers, customers, weights) };
}

/**
 * The 360 score alone (the scoring of many rows needs no parts): Σ mean × weight ÷ Σ weight over
 * the groups with ratings; NaN when no group has any or their weights sum to 0 (where
 * {@link feedbackOfMeans} has no parts).
 */
export function feedbackScoreOfMeans(
  superior: number | null,
  peers: number | null,
  customers: number | null,
  weights: readonly number[]
): number {
  if (superior === null && peers === null && customers === null) return Number.NaN;
  let wsum = 0;
  let score = 0;
  if (superior !== null) {
    wsum += weights[0];
    score += superior * weights[0];
  }
  if (peers !== null) {
    wsum += weights[1];
    score += peers * weights[1];
  }
  if (customers !== null) {
    wsum += weights[2];
    score += customers * weights[2];
  }
  return wsum <= 0 ? Number.NaN : score / wsum;
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

/**
 * The 360 score of the three group means in cells `m` ("" for a group without ratings) with the
 * weights in cells `w`: "" when no group has ratings or the weights left sum to 0. `perf` writes
 * PERF.FEEDBACK over `weightsRange`.
 */
export function feedbackFormula(
  m: readonly string[],
  w: readonly string[],
  perf: boolean,
  weightsRange: string
): string {
  const none = `AND(${m[0]}="",${m[1]}="",${m[2]}="")`;
  if (perf) return `IF(${none},"",PERF.FEEDBACK(${m[0]},${m[1]},${m[2]},${weightsRange}))`;
  const { num, den } = weightedTermsFormula(
    m.map((ref, j) => ({ ref, weight: w[j], optional: true }))
  );
  return `IF(${none},"",IF(${den}<=0,"",(${num})/(${den})))`;
}

/**
 * 客户360评价 feeding a satisfaction indicator: the customers' mean rating `ratings` alone
 * (`survey` null) or blended with the survey score: share × ratings + (1 − share) × survey.
 */
export function customerBlend(ratings: number, survey: number | null, share: number): number {
  return survey === null ? ratings : share * ratings + (1 - share) * survey;
}

/**
 * {@link customerBlend} over the customers' mean in cell `m` ("" without customer ratings) and
 * the survey's period value in cell `survey` (null: ratings alone), the share in cell `share`:
 * "" when either is "".
 */
export function customerBlendFormula(m: string, survey: string | null, share: string): string {
  if (survey === null) return `IF(${m}="","",${m})`;
  return `IF(OR(${m}="",${survey}=""),"",${share}*${m}+(1-${share})*${survey})`;
}

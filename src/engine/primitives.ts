/**
 * The calculations behind the PERF.* functions (shared/spec/functions.md), as plain functions
 * over numbers and small tables. Each rule lives in its own module under rules/, beside the
 * formula builder that writes the same rule into the output sheets; this module gathers their
 * value functions for the custom functions (src/functions) and the engine's callers.
 *
 * Bad input is returned as a PerfError (see errors.ts), never thrown.
 */
export * from "./rules/keywords";
export { attainment, growth } from "./rules/attainment";
export { KPISCORE_DEFAULTS, checkScoreParameters, scoreAttainment, kpiScore } from "./rules/linear";
export { type CurvePoint, checkAscending, checkCurve, curveUnchecked, curve } from "./rules/curve";
export { checkWeights, weighted } from "./rules/weighting";
export { type Label, type Band, DEFAULT_BANDS, bandFor, grade } from "./rules/grade";
export {
  type Quota,
  DEFAULT_QUOTAS,
  checkQuotas,
  distributionCutoffs,
  competitionRanks,
  gradeIndexForRank,
  distribute,
} from "./rules/distribution";
export {
  type CoefficientEntry,
  DEFAULT_COEFFICIENTS,
  coefficient,
  type MatrixTable,
  checkMatrix,
  matrixUnchecked,
  matrix,
} from "./rules/coefficient";
export {
  type Tier,
  type CommissionSlice,
  checkTiers,
  commissionSlices,
  commissionUnchecked,
  commission,
} from "./rules/commission";
export {
  DEFAULT_FEEDBACK_WEIGHTS,
  type FeedbackParts,
  checkFeedbackWeights,
  feedbackParts,
  feedback,
} from "./rules/feedback";
export { prorate } from "./rules/prorate";
export { pay } from "./rules/pay";

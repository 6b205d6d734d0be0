/**
 * The cost of the plan: incentive cost ÷ revenue. A ratio is only a number where there is revenue
 * to set the cost against: revenue of 0 or less gives the named error `noRevenue` (the sheets show
 * it in words), never Infinity or NaN; revenue that could not be read stays an error.
 */
import { div0Error, isError, naError, type PerfError, type Result } from "../errors";

/** Cost ÷ revenue; `noRevenue` when revenue ≤ 0, `revenueUnreadable` when it is NaN. */
export function costRatio(cost: number, revenue: number): Result<number> {
  if (Number.isNaN(revenue) || Number.isNaN(cost)) return naError("revenueUnreadable");
  if (revenue <= 0) return div0Error("noRevenue");
  return cost / revenue;
}

/** Whether a cost ratio is the `noRevenue` error (shown in words rather than as an error). */
export function isNoRevenue(r: Result<number>): r is PerfError {
  return isError(r) && r.key === "noRevenue";
}

/**
 * The cost ratio as a formula: `noRevenue` (a quoted text in the sheet's language) where revenue is
 * 0 or less, else cost ÷ revenue; an error in either cell stays that error.
 */
export function costRatioFormula(cost: string, revenue: string, noRevenue: string): string {
  return `IF(${revenue}<=0,${noRevenue},${cost}/${revenue})`;
}

/**
 * The ranks an explanation shows, computed without sorting or rebuilding per trace: the forced
 * distribution's cut-off ranks of a group (once per group size), and the indicators with the
 * largest contributions and weighted shortfalls (picked in one pass).
 */
import { distributionCutoffs } from "../rules/distribution";
import type { CompiledPlan } from "./compile";
import type { IndicatorTrace } from "./explain";

/**
 * The forced distribution's cut-off ranks of a group of n people under a compiled plan's quotas,
 * computed once per group size (explaining 40,000 rows asks for a handful of sizes); each trace
 * gets its own copy.
 */
const cutoffsBySize = new WeakMap<CompiledPlan, Map<number, number[]>>();
export function groupCutoffs(cp: CompiledPlan, n: number): number[] {
  let bySize = cutoffsBySize.get(cp);
  if (!bySize) cutoffsBySize.set(cp, (bySize = new Map()));
  let cut = bySize.get(n);
  if (!cut) {
    const quotas = cp.plan.grading.grades.map((x) => ({ label: x.label, share: x.quota }));
    bySize.set(n, (cut = distributionCutoffs(n, quotas)));
  }
  return cut.slice();
}

/**
 * The keys of the (at most) three largest values, largest first, ties in the given order: what
 * a stable sort by value, descending, then the first three give, without sorting or copying.
 */
function topThree(keys: string[], values: number[]): string[] {
  const topKeys: string[] = [];
  const topValues: number[] = [];
  for (let i = 0; i < keys.length; i++) {
    const v = values[i];
    // after every kept value at least as large (a stable sort keeps the earlier one first)
    let at = topValues.length;
    while (at > 0 && topValues[at - 1] - v < 0) at--;
    if (at >= 3) continue;
    topKeys.splice(at, 0, keys[i]);
    topValues.splice(at, 0, v);
    if (topKeys.length > 3) {
      topKeys.length = 3;
      topValues.length = 3;
    }
  }
  return topKeys;
}

/** The indicators with the largest contributions, and with the largest weighted shortfalls. */
export function strengthsAndGaps(indicators: readonly IndicatorTrace[]): [string[], string[]] {
  const scoredKeys: string[] = [];
  const contributions: number[] = [];
  const gapKeys: string[] = [];
  const shortfalls: number[] = [];
  for (const x of indicators) {
    if (x.contribution === null) continue;
    scoredKeys.push(x.key);
    contributions.push(x.contribution);
    if (x.shortfall! > 0) {
      gapKeys.push(x.key);
      shortfalls.push(x.shortfall!);
    }
  }
  return [topThree(scoredKeys, contributions), topThree(gapKeys, shortfalls)];
}

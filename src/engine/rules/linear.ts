/**
 * 指标得分, linear scoring: 0 below the floor, else min(attainment, cap) × full score. The value
 * functions are PERF.KPISCORE and the engine's linear indicator; the formula builder writes the
 * same rule over an attainment cell and the Plan sheet's floor, cap and full score.
 */
import { isError, numError, PerfError, Result } from "../errors";
import { fallsShort as fallsShortValue } from "../numeric";
import { attainment } from "./attainment";
import type { Direction } from "./keywords";
import { fallsShort } from "./formula-text";

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
  if (fallsShortValue(a, floor) || a <= 0) return 0;
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

/**
 * The linear score of the attainment in cell `a`; `missing` is the formula of a missing score
 * (see {@link missingFormula} in weighting.ts).
 */
export function linearScoreFormula(
  a: string,
  missing: string,
  floor: string,
  cap: string,
  fullScore: string
): string {
  return `IF(${a}="",${missing},IF(${fallsShort(a, floor)},0,MIN(${a},${cap})*${fullScore}))`;
}

/** The same as PERF.KPISCORE over the actual and target cells (blank attainment `a` → missing). */
export function kpiScorePerfFormula(
  a: string,
  missing: string,
  actual: string,
  target: string,
  floor: string,
  cap: string,
  direction: string,
  fullScore: string
): string {
  return `IF(${a}="",${missing},PERF.KPISCORE(${actual},${target},${floor},${cap},${direction},${fullScore}))`;
}

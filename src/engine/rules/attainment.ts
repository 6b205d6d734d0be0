/**
 * 完成率 and 增长率: actual against target, current against prior. The value functions are the
 * PERF.ATTAINMENT / PERF.GROWTH contract and the engine's reading of an indicator; the formula
 * builders write the same rule over cell references, where a missing value is "".
 */
import { div0Error, numError, Result } from "../errors";
import type { Direction } from "./keywords";

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

/**
 * The attainment an indicator is scored on, target ≥ 0 already checked: with "lower is better"
 * nothing beats an actual of 0, which gets `best` (the linear scoring's cap; Infinity for a
 * curve, past its last point); NaN when a "higher" target is 0.
 */
export function scoringAttainment(
  actual: number,
  target: number,
  lower: boolean,
  best: number
): number {
  if (lower) return actual === 0 ? best : target / actual;
  return target === 0 ? Number.NaN : actual / target;
}

/**
 * A cell cannot hold Infinity: an unbounded attainment (lower is better, actual 0, scored on a
 * curve) is written as 10^300, above every curve point, and cached as that number.
 */
export const UNBOUNDED_ATTAINMENT = { formula: "10^300", value: Math.pow(10, 300) } as const;

/** An engine attainment as the cell's cached value (Infinity → {@link UNBOUNDED_ATTAINMENT}). */
export function attainmentCellValue(a: number): number {
  return a === Infinity ? UNBOUNDED_ATTAINMENT.value : a;
}

/**
 * The attainment cell: "" when the actual or target is "" (or a "higher" target is 0), #N/A for
 * a negative target; `best` is the formula of the attainment of an actual of 0 when lower is
 * better. `perf` writes PERF.ATTAINMENT for the division.
 */
export function attainmentFormula(
  x: string,
  t: string,
  direction: Direction,
  best: string,
  perf: boolean
): string {
  const head = `IF(${x}="","",IF(${t}="","",IF(${t}<0,#N/A,`;
  if (direction === "higher")
    return `${head}IF(${t}=0,"",${perf ? `PERF.ATTAINMENT(${x},${t})` : `${x}/${t}`}))))`;
  return `${head}IF(${x}=0,${best},${perf ? `PERF.ATTAINMENT(${x},${t},"lower")` : `${t}/${x}`}))))`;
}

/** A ratio input: "" when either part is "" or the denominator is 0. */
export function ratioFormula(n: string, d: string): string {
  return `IF(${n}="","",IF(${d}="","",IF(${d}=0,"",${n}/${d})))`;
}

/** A growth input: "" when either part is "" or the prior is 0. */
export function growthFormula(x: string, y: string, perf: boolean): string {
  const g = perf ? `PERF.GROWTH(${x},${y})` : `(${x}-${y})/ABS(${y})`;
  return `IF(${x}="","",IF(${y}="","",IF(${y}=0,"",${g})))`;
}

/** A sum input: "" when any part is "". */
export function sumFormula(refs: readonly string[]): string {
  return refs.reduceRight((acc, x) => `IF(${x}="","",${acc})`, refs.join("+"));
}

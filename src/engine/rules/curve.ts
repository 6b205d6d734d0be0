/**
 * Curve scoring (PERF.CURVE): threshold–target–stretch points, 0 below the first, the last y at
 * or past the last, in between the segment's interpolation (linear) or its start (step). The
 * segment is the last point reached; the value functions and the formulas find it the same way.
 */
import { PerfError, Result, valueError } from "../errors";
import { fallsShort as fallsShortValue, reaches as reachesValue } from "../numeric";
import type { CurveMode } from "./keywords";
import { fallsShort, reaches } from "./formula-text";

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

/**
 * The segment a value falls in, 1-based: 1 + the number of inner points (2 … n−1) it reaches.
 * Below the first point or past the last the score does not depend on it.
 */
export function curveSegment(value: number, points: readonly CurvePoint[]): number {
  let k = 1;
  for (let j = 1; j < points.length - 1; j++) if (reachesValue(value, points[j].x)) k++;
  return k;
}

/** Threshold–target–stretch curve; points must already be checked with {@link checkCurve}. */
export function curveUnchecked(
  value: number,
  points: readonly CurvePoint[],
  mode: CurveMode
): number {
  const n = points.length;
  if (fallsShortValue(value, points[0].x)) return 0;
  if (reachesValue(value, points[n - 1].x)) return points[n - 1].y;
  // Find the last point with x ≤ value (within tolerance).
  let i = 0;
  while (i + 1 < n && reachesValue(value, points[i + 1].x)) i++;
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

/** Cell references of a curve's points: each x and y, and the x and y columns as ranges. */
export interface CurveRefs {
  x: readonly string[];
  y: readonly string[];
  xRange: string;
  yRange: string;
}

/** The segment cell ({@link curveSegment}) of the value in cell `v`; "" when `v` is "". */
export function curveSegmentFormula(v: string, xs: readonly string[]): string {
  const mid = xs.slice(1, -1).map((x) => `(${reaches(v, x)})`);
  return `IF(${v}="","",1${mid.length ? "+" + mid.join("+") : ""})`;
}

/** The curve's score of the value in cell `v`, its segment in cell `k`; `missing` when `v` is "". */
export function curveScoreFormula(
  v: string,
  k: string,
  missing: string,
  pts: CurveRefs,
  mode: CurveMode
): string {
  const n = pts.x.length;
  const { xRange, yRange } = pts;
  const interp =
    mode === "step"
      ? `INDEX(${yRange},${k})`
      : `INDEX(${yRange},${k})+((INDEX(${yRange},${k}+1)-INDEX(${yRange},${k}))*(${v}-INDEX(${xRange},${k})))/(INDEX(${xRange},${k}+1)-INDEX(${xRange},${k}))`;
  const last = pts.y[n - 1];
  return `IF(${v}="",${missing},IF(${fallsShort(v, pts.x[0])},0,IF(${reaches(v, pts.x[n - 1])},${last},${n > 1 ? interp : last})))`;
}

/** The same as PERF.CURVE over the two-column points range. */
export function curvePerfFormula(v: string, missing: string, points: string, mode: string): string {
  return `IF(${v}="",${missing},PERF.CURVE(${v},${points},${mode}))`;
}

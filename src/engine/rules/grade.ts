/**
 * 等级 by bands: the label of the highest band minimum a score reaches (within tolerance).
 */
import { naError, Result, valueError } from "../errors";
import { reaches as reachesValue } from "../numeric";
import { plusTol } from "./formula-text";

export type Label = string;

export interface Band {
  min: number;
  label: Label;
}

export const DEFAULT_BANDS: readonly Band[] = [
  { min: 95, label: "S" },
  { min: 85, label: "A" },
  { min: 70, label: "B" },
  { min: 60, label: "C" },
  { min: 0, label: "D" },
];

/** The band a score reaches: the highest min ≤ score (within tolerance); null if none. */
export function bandFor(score: number, bands: readonly Band[]): Band | null {
  let best: Band | null = null;
  for (const b of bands) {
    if (reachesValue(score, b.min) && (best === null || b.min > best.min)) best = b;
  }
  return best;
}

/** 等级: the label of the highest band minimum the score reaches. */
export function grade(score: number, bands: readonly Band[] = DEFAULT_BANDS): Result<Label> {
  if (bands.length === 0) return valueError("tableEmpty", { arg: "bands" });
  const b = bandFor(score, bands);
  return b ? b.label : naError("noBandReached", { score });
}

/** Ranges of a grade table on the sheet, best grade first (minimums descending). */
export interface GradeTableRefs {
  labels: string;
  mins: string;
  /** The two-column (min, label) range PERF.GRADE reads. */
  bands: string;
}

/**
 * The grade of the total in cell `total` ("" when it is "" or reaches no band): the band after
 * the minimums it does not reach, counted as the engine compares them.
 */
export function gradeFormula(total: string, t: GradeTableRefs, perf: boolean): string {
  if (perf) return `IF(${total}="","",IFERROR(PERF.GRADE(${total},${t.bands}),""))`;
  return `IF(${total}="","",IFERROR(INDEX(${t.labels},1+SUMPRODUCT((${t.mins}>${plusTol(total)})*1)),""))`;
}

/**
 * Deduction scoring: the full score less the points deducted (errors, complaints), never below 0.
 */

/** The score of `deducted` points off `fullScore`. */
export function deductionScore(deducted: number, fullScore: number): number {
  const x = fullScore - deducted;
  return x > 0 ? x : 0;
}

/** The deduction score of the points in cell `x`; `missing` when `x` is "". */
export function deductionScoreFormula(x: string, missing: string, fullScore: string): string {
  return `IF(${x}="",${missing},MAX(${fullScore}-${x},0))`;
}

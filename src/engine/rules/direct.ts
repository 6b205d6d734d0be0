/**
 * Direct scoring: the value is the score (a 0–100 rating, the 360 score), kept within 0 and
 * cap × 100. The engine's direct and feedback indicators use the value function; the Scorecard
 * the formula.
 */

/** The score of a direct value x, with the indicator's cap as a multiple of 100. */
export function directScore(x: number, cap: number): number {
  const hi = cap * 100;
  return x < 0 ? 0 : x > hi ? hi : x;
}

/** The direct score of the value in cell `x`; `missing` when `x` is "". */
export function directScoreFormula(x: string, missing: string, cap: string): string {
  return `IF(${x}="",${missing},MIN(MAX(${x},0),${cap}*100))`;
}

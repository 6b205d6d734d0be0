/**
 * Formula text shared by the rules' formula builders: the boundary tolerance and the tests built
 * on it, each the formula twin of a function in numeric.ts. Pure strings, nothing of Excel.
 *
 * Conventions (see src/workbook/formula.ts for the whole list): a missing value is "" and is
 * tested with =""; a value that cannot be computed is an error that propagates; no exponent
 * literals (HyperFormula cannot parse 1E-9), no TRUE/FALSE literals.
 */

export const TOL = "0.000000001";

/** x reaches bound b (within tolerance): the engine's reaches(). */
export function reaches(x: string, b: string): string {
  return `${x}>=${b}-${TOL}*MAX(1,ABS(${x}),ABS(${b}))`;
}

/** x falls short of bound b (beyond tolerance): the engine's fallsShort(). */
export function fallsShort(x: string, b: string): string {
  return `${x}<${b}-${TOL}*MAX(1,ABS(${x}),ABS(${b}))`;
}

/** x plus the tolerance of x, for counting bounds a value reaches: bound <= x + tol(x). */
export function plusTol(x: string): string {
  return `${x}+${TOL}*MAX(1,ABS(${x}))`;
}

/** A text literal in a formula (quotes doubled). */
export function str(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

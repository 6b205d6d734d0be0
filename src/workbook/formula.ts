/**
 * Formula fragments shared by the output sheets: the boundary tolerance, blank and error tests,
 * and the three styles' way of turning (formula, engine value) into a cell.
 *
 * Conventions of every formula the add-in writes (so Excel, LibreOffice and HyperFormula agree):
 * - a value that is missing is the empty text "" and is tested with =""; never compared with >
 *   or < (text compares above every number in Excel);
 * - a value that cannot be computed is an error (#N/A, or the error of the cell it came from),
 *   which propagates; the visible results (total, grade, pay) turn errors into "" with IFERROR;
 * - comparisons at a band, floor or tier boundary carry the engine's tolerance:
 *   x ≥ b − 1e-9 × MAX(1, |x|, |b|);
 * - no exponent literals (HyperFormula cannot parse 1E-9), no TRUE/FALSE literals, only the
 *   functions of the common set (shared/TOOLCHAIN.md) and, in the PERF style, PERF.*.
 */
import type { Cell, FormulaCell, Scalar } from "./layout";

export type FormulaStyle = "native" | "perf" | "values";

export { TOL, reaches, fallsShort, plusTol } from "../engine/rules/formula-text";

/** The error marker: the cell's cached result is #N/A (or whatever error the formula yields). */
export const ERR = Symbol("error");
export type Value = Scalar | typeof ERR;

/** An engine number as a formula result: NaN means "not computable" → the given fallback. */
export function numOr(x: number, fallback: Value): Value {
  return Number.isNaN(x) ? fallback : x;
}

/** Builds cells in one style: a formula with the engine's value, or the value alone. */
export function cellMaker(style: FormulaStyle): (formula: string, value: Value) => Cell {
  if (style === "values") return (_f, v) => (v === ERR ? null : v === "" ? null : v);
  return (formula, v): FormulaCell =>
    v === ERR ? { formula, value: null, error: "#N/A" } : { formula, value: v };
}

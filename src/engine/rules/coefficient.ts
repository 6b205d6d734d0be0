/**
 * 绩效系数: by grade from the grade table, or from the two-way matrix of sales attainment ×
 * collection rate (the last threshold reached on each axis; below the first on either → 0).
 */
import { naError, PerfError, Result, valueError } from "../errors";
import { reaches as reachesValue } from "../numeric";
import { key } from "./keywords";
import type { Label } from "./grade";
import { plusTol } from "./formula-text";

export interface CoefficientEntry {
  label: Label;
  coefficient: number;
}

export const DEFAULT_COEFFICIENTS: readonly CoefficientEntry[] = [
  { label: "S", coefficient: 1.5 },
  { label: "A", coefficient: 1.2 },
  { label: "B", coefficient: 1.0 },
  { label: "C", coefficient: 0.8 },
  { label: "D", coefficient: 0.5 },
];

/** 绩效系数: the coefficient for a grade; labels match case-insensitively after trimming. */
export function coefficient(
  gradeLabel: Label,
  table: readonly CoefficientEntry[] = DEFAULT_COEFFICIENTS
): Result<number> {
  const k = key(gradeLabel);
  for (const e of table) if (key(e.label) === k) return e.coefficient;
  return naError("unknownGrade", { grade: gradeLabel });
}

export interface MatrixTable {
  rows: number[];
  columns: number[];
  cells: (number | string)[][];
}

/**
 * Both header axes strictly ascending. Positions in the message are the table's own: column
 * thresholds sit in row 1 from column 2 on, row thresholds in column 1 from row 2 on.
 */
export function checkMatrix(t: MatrixTable): PerfError | null {
  if (t.rows.length === 0 || t.columns.length === 0) return valueError("matrixTooSmall");
  const c = t.columns;
  for (let i = 1; i < c.length; i++) {
    if (!(c[i] > c[i - 1]))
      return valueError("notAscendingAcross", {
        arg: "table",
        column: i + 2,
        value: c[i],
        previous: c[i - 1],
      });
  }
  const r = t.rows;
  for (let i = 1; i < r.length; i++) {
    if (!(r[i] > r[i - 1]))
      return valueError("notAscending", {
        arg: "table",
        row: i + 2,
        value: r[i],
        previous: r[i - 1],
      });
  }
  return null;
}

function lastReached(value: number, thresholds: readonly number[]): number {
  let found = -1;
  for (let i = 0; i < thresholds.length; i++) {
    if (reachesValue(value, thresholds[i])) found = i;
    else break;
  }
  return found;
}

/** The last threshold a value reaches on an ascending axis, or null below the first. */
export function thresholdReached(value: number, thresholds: readonly number[]): number | null {
  const i = lastReached(value, thresholds);
  return i < 0 ? null : thresholds[i];
}

/** Two-way lookup: the last threshold ≤ value on each axis; below the first on either axis → 0. */
export function matrixUnchecked(
  rowValue: number,
  columnValue: number,
  t: MatrixTable
): number | string {
  const r = lastReached(rowValue, t.rows);
  const c = lastReached(columnValue, t.columns);
  if (r < 0 || c < 0) return 0;
  return t.cells[r]?.[c] ?? 0;
}

export function matrix(
  rowValue: number,
  columnValue: number,
  t: MatrixTable
): Result<number | string> {
  const bad = checkMatrix(t);
  if (bad) return bad;
  return matrixUnchecked(rowValue, columnValue, t);
}

/**
 * A matrix axis value, numerator ÷ denominator (sales ÷ target, collected ÷ due): NaN when the
 * denominator is 0 (no ratio), as the engine reads it.
 */
export function matrixRatio(numerator: number, denominator: number): number {
  return denominator === 0 ? NaN : numerator / denominator;
}

/** The matrix axis value of cells `n` ÷ `d`: "" when either is "" or `d` is 0. */
export function matrixRatioFormula(n: string, d: string): string {
  return `IFERROR(IF(OR(${n}="",${d}=""),"",IF(${d}=0,"",${n}/${d})),"")`;
}

/** The grade table's ranges a coefficient formula reads. */
export interface CoefficientTableRefs {
  labels: string;
  coefficients: string;
  /** The two-column (label, coefficient) range PERF.COEFFICIENT reads. */
  table: string;
}

/** The coefficient of the grade in cell `g` ("" when `g` is ""). */
export function coefficientFormula(g: string, t: CoefficientTableRefs, perf: boolean): string {
  return perf
    ? `IF(${g}="","",PERF.COEFFICIENT(${g},${t.table}))`
    : `IF(${g}="","",INDEX(${t.coefficients},MATCH(${g},${t.labels},0)))`;
}

/** The matrix's ranges: row thresholds, column thresholds, the whole table (headers included). */
export interface MatrixRefs {
  rows: string;
  columns: string;
  table: string;
}

/**
 * The matrix coefficient of a graded row (grade in cell `g`) for the axis values in cells `ma`
 * (rows) and `mc` (columns): "" without a grade or either value.
 */
export function matrixFormula(
  g: string,
  ma: string,
  mc: string,
  m: MatrixRefs,
  perf: boolean
): string {
  if (perf)
    return `IF(${g}="","",IF(OR(${ma}="",${mc}=""),"",PERF.MATRIX(${ma},${mc},${m.table})))`;
  const r = `SUMPRODUCT((${m.rows}<=${plusTol(ma)})*1)`;
  const k = `SUMPRODUCT((${m.columns}<=${plusTol(mc)})*1)`;
  return `IF(${g}="","",IF(OR(${ma}="",${mc}=""),"",IF(OR(${r}=0,${k}=0),0,INDEX(${m.table},${r}+1,${k}+1))))`;
}

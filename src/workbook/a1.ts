/**
 * A1 references and formula text: the few helpers every layout builder uses, so that quoting,
 * absolute references and number literals are written one way everywhere.
 */
import { columnLetter } from "../engine/issues";
import type { RangeRef } from "./layout";

export { columnLetter };

/** A sheet name as a formula writes it: always quoted, quotes doubled ('数据', 'O''Brien'). */
export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** "C5" or "$C$5" for a 0-based row and column. */
export function cell(row: number, column: number, absolute = false): string {
  return absolute ? `$${columnLetter(column)}$${row + 1}` : `${columnLetter(column)}${row + 1}`;
}

/** A cell on another sheet: 'Sheet'!$C$5 (absolute by default). */
export function sheetCell(sheet: string, row: number, column: number, absolute = true): string {
  return `${quoteSheet(sheet)}!${cell(row, column, absolute)}`;
}

/** "C5:C9" (or absolute) for a 0-based rectangle. */
export function range(r: RangeRef, absolute = false): string {
  const a = cell(r.row, r.column, absolute);
  const b = cell(r.row + r.rows - 1, r.column + r.columns - 1, absolute);
  return a === b && r.rows === 1 && r.columns === 1 ? a : `${a}:${b}`;
}

/** A range on a sheet: 'Sheet'!$C$5:$C$9. */
export function sheetRange(sheet: string, r: RangeRef, absolute = true): string {
  return `${quoteSheet(sheet)}!${range(r, absolute)}`;
}

/** A whole column on a sheet: 'Sheet'!$C:$C. */
export function sheetColumn(sheet: string, column: number): string {
  const c = columnLetter(column);
  return `${quoteSheet(sheet)}!$${c}:$${c}`;
}

/** A text literal for a formula: "a""b". */
export { str } from "../engine/rules/formula-text";

/**
 * A number literal for a formula, in plain decimal notation: HyperFormula cannot parse exponent
 * literals (1E-9), so 1e-9 is written 0.000000001. Negative numbers are parenthesised so they can
 * follow any operator.
 */
export function lit(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  const s = plainDecimal(Math.abs(n));
  return n < 0 ? `(-${s})` : s;
}

/** A non-negative finite number without exponent: 1e-9 → "0.000000001", 1e21 → "1000…0". */
export function plainDecimal(n: number): string {
  const s = String(n);
  const m = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const digits = m[1] + (m[2] ?? "");
  const point = m[1].length + Number(m[3]);
  if (point <= 0) return "0." + "0".repeat(-point) + digits;
  if (point >= digits.length) return digits + "0".repeat(point - digits.length);
  return digits.slice(0, point) + "." + digits.slice(point);
}

/** 0-based (row, column) of an A1 reference such as "C5" or "$C$5" (sheet part ignored). */
export function parseCell(ref: string): { row: number; column: number } {
  const m = /(?:^|!)\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) throw new Error(`not a cell reference: ${ref}`);
  let c = 0;
  for (const ch of m[1]) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, column: c - 1 };
}

/** Column index (0-based) of a column letter. */
export function columnIndex(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

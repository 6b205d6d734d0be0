/**
 * Cells as Office.js receives them, their canonical form for edit detection, and payload sizes.
 * Pure.
 *
 * Office.js treats a string written through `Range.values` or `Range.formulas` the way Excel
 * treats typing: "=…", "+…", "-…" (and "@…") become formulas, "007" becomes 7, "2024-03" a date,
 * "TRUE" a Boolean. A leading apostrophe is Excel's text prefix: the rest is stored unchanged
 * as text and the apostrophe is neither displayed nor returned by `values`/`formulas`
 * (learn.microsoft.com "Excel worksheet and expression evaluation"; the Range.values reference
 * says values starting with +, - or = are interpreted as formulas). So every text that Excel
 * could reinterpret is written with the prefix; that also works whatever number format the cell
 * has, which a "@" format set before the value would not guarantee once formats follow values.
 */
import { isFormula, type Cell } from "../workbook/layout";
import { canonicalFormula } from "./formula";

export type ExcelInput = string | number | boolean;

/** Whether Excel would read `text` as something other than that text if it were typed in. */
export function needsTextPrefix(text: string): boolean {
  if (text === "") return false;
  const first = text[0];
  if (first === "=" || first === "+" || first === "-" || first === "@" || first === "'")
    return true;
  if (/^(true|false)$/i.test(text.trim())) return true;
  if (text.trimStart().startsWith("#")) return true; // error literals such as #N/A
  return /\d/.test(text); // numbers, dates, times, fractions, percentages, currency
}

/** The value to put in a `formulas` array for a layout cell. `formula` maps sheet references. */
export function toExcelInput(cell: Cell, formula: (f: string) => string = (f) => f): ExcelInput {
  if (isFormula(cell)) return `=${formula(cell.formula)}`;
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : "";
  if (typeof cell === "boolean") return cell;
  return needsTextPrefix(cell) ? `'${cell}` : cell;
}

/** Numbers compared to Excel's 15 significant digits (and -0 as 0). */
function numberKey(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n + 0);
  return String(Number(n.toPrecision(15)) + 0);
}

/**
 * Canonical form of what a cell holds, identical for a layout cell about to be written and for
 * the value Excel returns from `Range.formulas` afterwards. Text that starts with "=" reads back
 * exactly like a formula, so both are canonicalized as formulas.
 */
export function canonicalWritten(
  cell: Cell,
  roleOf: (sheet: string) => string | undefined
): string {
  if (isFormula(cell)) return `f:${canonicalFormula(cell.formula, roleOf)}`;
  return canonicalRead(cell, roleOf);
}

export function canonicalRead(
  value: unknown,
  roleOf: (sheet: string) => string | undefined
): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "number") return Number.isFinite(value) ? `n:${numberKey(value)}` : "";
  if (typeof value === "boolean") return value ? "b:1" : "b:0";
  const text = String(value);
  if (text.startsWith("=")) return `f:${canonicalFormula(text.slice(1), roleOf)}`;
  return `s:${text}`;
}

/**
 * A 64-bit non-cryptographic hash (two 32-bit FNV-1a style lanes) over a sequence of strings.
 * It detects edits; it is not a security measure.
 */
export class ContentHash {
  private h1 = 0x811c9dc5;
  private h2 = 0x01000193 ^ 0x5bd1e995;

  add(text: string): void {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    // separator so that ["ab","c"] and ["a","bc"] differ
    this.h1 = Math.imul(h1 ^ 0x1f, 0x01000193);
    this.h2 = Math.imul(h2 ^ 0x1f, 0x5bd1e995);
  }

  digest(): string {
    return (
      (this.h1 >>> 0).toString(16).padStart(8, "0") + (this.h2 >>> 0).toString(16).padStart(8, "0")
    );
  }
}

/** UTF-8 byte length of a string (the request body is UTF-8 JSON). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes of a value once serialized into the request JSON. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "null");
}

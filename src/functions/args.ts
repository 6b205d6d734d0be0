/**
 * The one place where PERF.* arguments are read, coerced and validated, and where engine errors
 * become Excel errors (HyperFormula's plugin style: the function bodies in functions.ts are one
 * line each; every reading rule of shared/spec/functions.md lives here).
 *
 * How Excel hands arguments over (all parameters are declared `any`, so nothing is converted
 * before we see it):
 * - numbers, strings and booleans as themselves; an omitted optional argument as null (or
 *   undefined); a blank cell as null, "" or — on some Excel desktop builds — 0;
 * - a range as a 2-D array, row by row;
 * - an error value in an input: with the default metadata (allowErrorForDataTypeAny false) Excel
 *   does not call the function at all and the cell shows that error, which is exactly the
 *   contract's "an error in an input propagates". If errors are ever let through, they arrive as
 *   CustomFunctions.Error objects or as Excel.ErrorCellValue objects ({type: "Error", ...}); both
 *   are recognised here and propagated;
 * - a data-type cell (e.g. a formatted number) arrives as its basic value: the metadata leaves out
 *   allowCustomDataForDataTypeAny, a CustomFunctionsRuntime 1.4 key above the manifest's 1.2
 *   (scripts/runtime-metadata.js). Should a host pass the object anyway, its `basicValue` is read.
 *
 * Readers throw (a PerfError, or the CustomFunctions.Error of an input) to stop at the first bad
 * argument; {@link invoke} turns that into the CustomFunctions.Error Excel shows, thrown as the
 * Office documentation does. Error messages are formatted in the user's display language.
 */
import { readNumber } from "../engine/coerce";
import { isError, PerfError, valueError, type ErrorKind, type Result } from "../engine/errors";
import {
  formatMessage,
  pickLanguage,
  type Language,
  type MessageKey,
  type TermKey,
} from "../engine/messages";
import {
  COMMISSION_METHODS,
  CURVE_MODES,
  DIRECTIONS,
  MISSING_POLICIES,
} from "../engine/primitives";
import type { CommissionMethod, CurveMode, Direction, MissingPolicy } from "../engine/primitives";

export type Arg = TermKey;

// ---------------------------------------------------------------------------------------------
// The edge: PerfError → CustomFunctions.Error
// ---------------------------------------------------------------------------------------------

/**
 * Excel error codes by engine error kind. The strings are the documented values of
 * CustomFunctions.ErrorCode (invalidValue, notAvailable, invalidNumber, divisionByZero); using
 * them directly keeps the bundle independent of the ErrorCode object being present at load time.
 */
const ERROR_CODE: Record<ErrorKind, CustomFunctions.ErrorCode> = {
  VALUE: "#VALUE!" as CustomFunctions.ErrorCode.invalidValue,
  NA: "#N/A" as CustomFunctions.ErrorCode.notAvailable,
  NUM: "#NUM!" as CustomFunctions.ErrorCode.invalidNumber,
  DIV0: "#DIV/0!" as CustomFunctions.ErrorCode.divisionByZero,
};

/** Error codes a custom function may return (#NAME? and #REF! are input-only). */
const RETURNABLE_CODES: ReadonlySet<string> = new Set([
  "#VALUE!",
  "#N/A",
  "#NUM!",
  "#DIV/0!",
  "#NULL!",
]);

/** The user's language: Office's display language when the runtime has one, else en-US. */
export function currentLanguage(): Language {
  try {
    const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
    return pickLanguage(office?.context?.displayLanguage);
  } catch {
    return "en-US";
  }
}

/** The Excel error for an engine error; only #VALUE! and #N/A carry a message, as Excel allows. */
export function toExcelError(
  error: PerfError,
  language: Language = currentLanguage()
): CustomFunctions.Error {
  const code = ERROR_CODE[error.kind];
  if (error.kind === "VALUE" || error.kind === "NA") {
    return new CustomFunctions.Error(code, formatMessage(error.key, error.params, language));
  }
  return new CustomFunctions.Error(code);
}

function isCustomFunctionsError(e: unknown): e is CustomFunctions.Error {
  return (
    typeof CustomFunctions !== "undefined" &&
    typeof CustomFunctions.Error === "function" &&
    e instanceof CustomFunctions.Error
  );
}

/** Whatever a function body threw, as the CustomFunctions.Error to hand to Excel. */
export function edgeError(e: unknown): CustomFunctions.Error {
  if (e instanceof PerfError) return toExcelError(e);
  if (isCustomFunctionsError(e)) return e;
  const detail = e instanceof Error ? e.message : String(e);
  return toExcelError(valueError("internalError", { detail }));
}

/**
 * Runs a function body: its value, or the CustomFunctions.Error Excel shows. Errors are thrown,
 * as the Office documentation's examples do ("Detect and throw an error").
 */
export function invoke<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    throw edgeError(e);
  }
}

const OUT_OF_RANGE = new PerfError("NUM", "resultOutOfRange");

/** An engine result as a worksheet number: errors thrown, overflow as #NUM! (as Excel does), no −0. */
export function out(r: Result<number>): number {
  if (typeof r === "number") {
    if (r === 0) return 0;
    if (r - r === 0) return r; // finite
    throw OUT_OF_RANGE;
  }
  throw r;
}

/** An engine result that may be text (a label) or a number. */
export function outValue<T extends string | number>(r: Result<T>): T {
  if (isError(r)) throw r;
  return (typeof r === "number" ? out(r) : r) as T;
}

// ---------------------------------------------------------------------------------------------
// Single values
// ---------------------------------------------------------------------------------------------

/** Excel.ErrorCellValue's errorType → the error value as Excel shows it. */
const EXCEL_ERROR_TYPES: Record<string, string> = {
  Blocked: "#BLOCKED!",
  Busy: "#BUSY!",
  Calc: "#CALC!",
  Connect: "#CONNECT!",
  Div0: "#DIV/0!",
  External: "#EXTERNAL!",
  Field: "#FIELD!",
  GettingData: "#GETTING_DATA",
  NotAvailable: "#N/A",
  Name: "#NAME?",
  Null: "#NULL!",
  Num: "#NUM!",
  Placeholder: "#UNKNOWN!",
  Ref: "#REF!",
  Spill: "#SPILL!",
  Value: "#VALUE!",
};

/** An Excel error value handed to us as input, as the error to propagate (the same object when it can be). */
function inputError(
  code: string,
  arg: Arg,
  original?: CustomFunctions.Error
): CustomFunctions.Error | PerfError {
  if (RETURNABLE_CODES.has(code))
    return original ?? new CustomFunctions.Error(code as CustomFunctions.ErrorCode);
  // #REF!, #NAME?, #SPILL! … cannot be returned by a custom function: say which input holds it.
  return valueError("inputError", { arg, code });
}

/**
 * What a non-primitive input stands for: a propagated error (thrown), a data type's basic value,
 * or a 1×1 range's only cell. Anything else is not a single value.
 */
function unwrap(v: object, arg: Arg): unknown {
  if (isCustomFunctionsError(v)) throw inputError(String(v.code), arg, v);
  if (Array.isArray(v)) {
    if (v.length === 1 && Array.isArray(v[0]) && v[0].length === 1) return unwrapCell(v[0][0], arg);
    if (v.length === 1 && !Array.isArray(v[0])) return unwrapCell(v[0], arg);
    let cells = 0;
    for (const row of v) cells += Array.isArray(row) ? row.length : 1;
    throw valueError("notSingleValue", { arg, cells });
  }
  const o = v as { type?: unknown; code?: unknown; errorType?: unknown; basicValue?: unknown };
  if (typeof o.code === "string" && o.code.startsWith("#")) throw inputError(o.code, arg);
  if (o.type === "Error") {
    const code =
      typeof o.basicValue === "string" && o.basicValue.startsWith("#")
        ? o.basicValue
        : (EXCEL_ERROR_TYPES[String(o.errorType)] ?? "#VALUE!");
    throw inputError(code, arg);
  }
  if (o.type === "Empty") return null;
  if ("basicValue" in o) return unwrapCell(o.basicValue, arg);
  return String(v);
}

/** A cell's own value: primitives as they are; errors thrown; data types read. */
function unwrapCell(v: unknown, arg: Arg): unknown {
  return v !== null && typeof v === "object" ? unwrap(v, arg) : v;
}

function isBlankValue(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** Reads a number from anything that is not a plain finite number (the slow path). */
function slowNumber(v: unknown, arg: Arg, blank: number | null): number | null {
  const u = unwrapCell(v, arg);
  if (isBlankValue(u)) return blank;
  if (typeof u === "boolean") throw valueError("booleanNotNumber", { arg });
  if (typeof u === "number" || typeof u === "string") {
    const r = readNumber(u);
    if (r.kind === "number") return r.value;
    if (r.kind === "blank") return blank;
    throw valueError("notANumber", { arg, text: String(u) });
  }
  throw valueError("notANumber", { arg, text: String(u) });
}

/** A required number. A blank argument counts as 0, as in Excel's own functions. */
export function num(v: unknown, arg: Arg): number {
  if (typeof v === "number" && v - v === 0) return v;
  return slowNumber(v, arg, 0) as number;
}

/** An optional number: blank (omitted, null, undefined, "") takes the default. */
export function optNum(v: unknown, arg: Arg, fallback: number): number {
  if (typeof v === "number" && v - v === 0) return v;
  return slowNumber(v, arg, fallback) as number;
}

/** An optional number with no default: null when blank. */
export function optNumOrNull(v: unknown, arg: Arg): number | null {
  if (typeof v === "number" && v - v === 0) return v;
  return slowNumber(v, arg, null);
}

/** A label (grade): text as it is, numbers as their text. Blank is "". */
export function label(v: unknown, arg: Arg): string {
  if (typeof v === "string") return v;
  const u = unwrapCell(v, arg);
  if (isBlankValue(u)) return "";
  if (typeof u === "number") return String(u);
  if (typeof u === "string") return u;
  throw valueError("notText", { arg, expected: '"A"' });
}

// ---------------------------------------------------------------------------------------------
// Enumerations: exactly the spellings shared/spec/functions.md and the messages promise
// ---------------------------------------------------------------------------------------------

export interface Choice<T> {
  spellings: Readonly<Record<string, T>>;
  fallback: T;
  messageKey: MessageKey;
}

export const DIRECTION: Choice<Direction> = {
  spellings: DIRECTIONS,
  fallback: "higher",
  messageKey: "badDirection",
};
export const CURVE_MODE: Choice<CurveMode> = {
  spellings: CURVE_MODES,
  fallback: "linear",
  messageKey: "badCurveMode",
};
export const MISSING: Choice<MissingPolicy> = {
  spellings: MISSING_POLICIES,
  fallback: "error",
  messageKey: "badMissing",
};
export const METHOD: Choice<CommissionMethod> = {
  spellings: COMMISSION_METHODS,
  fallback: "marginal",
  messageKey: "badCommissionMethod",
};

/** An optional keyword argument: blank takes the default; case and surrounding spaces ignored. */
export function choice<T>(v: unknown, arg: Arg, c: Choice<T>): T {
  const u = v !== null && typeof v === "object" ? unwrapCell(v, arg) : v;
  if (isBlankValue(u)) return c.fallback;
  const text = typeof u === "boolean" ? (u ? "TRUE" : "FALSE") : String(u);
  const found = Object.prototype.hasOwnProperty.call(c.spellings, text.trim().toLowerCase())
    ? c.spellings[text.trim().toLowerCase()]
    : undefined;
  if (found === undefined) throw valueError(c.messageKey, { value: text });
  return found;
}

// ---------------------------------------------------------------------------------------------
// Ranges
// ---------------------------------------------------------------------------------------------

/**
 * Whether an optional range argument was left blank: omitted (null, undefined), "" or a single
 * blank cell. A larger range that is all blank is not "omitted"; it reads as an empty table.
 */
export function omitted(v: unknown): boolean {
  if (isBlankValue(v)) return true;
  return (
    Array.isArray(v) &&
    v.length === 1 &&
    (Array.isArray(v[0]) ? v[0].length <= 1 && isBlankValue(v[0][0]) : isBlankValue(v[0]))
  );
}

/** A range argument as rows of cells: a single value is a 1×1 range; a 1-D array is one row. */
export function rows(v: unknown): readonly unknown[][] {
  if (!Array.isArray(v)) return [[v]];
  if (v.length > 0 && !v.some(Array.isArray)) return [v];
  return v.map((r) => (Array.isArray(r) ? r : [r]));
}

/** Every cell of a range, row by row (ragged rows as they are). */
export function flatten(v: unknown): unknown[] {
  const out: unknown[] = [];
  for (const r of rows(v)) for (const c of r) out.push(c);
  return out;
}

/**
 * A number cell of a list (scores, weights, ratings), 1-based `position` row by row.
 * Blank → null; an error value is thrown; text and booleans are #VALUE! naming the position.
 */
export function listNumber(v: unknown, arg: Arg, position: number): number | null {
  if (typeof v === "number" && v - v === 0) return v;
  const u = unwrapCell(v, arg);
  if (isBlankValue(u)) return null;
  if (typeof u === "number" || typeof u === "string") {
    const r = readNumber(u);
    if (r.kind === "number") return r.value;
    if (r.kind === "blank") return null;
  }
  const text = typeof u === "boolean" ? (u ? "TRUE" : "FALSE") : String(u);
  throw valueError("textInRange", { arg, position, text });
}

/** The cells of a list argument as numbers or null (blank), row by row. */
export function numberList(v: unknown, arg: Arg): (number | null)[] {
  const cells = flatten(v);
  const out = new Array<number | null>(cells.length);
  for (let i = 0; i < cells.length; i++) out[i] = listNumber(cells[i], arg, i + 1);
  return out;
}

/** The numeric cells of a list argument (blanks left out), row by row. */
export function presentNumbers(v: unknown, arg: Arg): number[] {
  const cells = flatten(v);
  const out: number[] = [];
  for (let i = 0; i < cells.length; i++) {
    const n = listNumber(cells[i], arg, i + 1);
    if (n !== null) out.push(n);
  }
  return out;
}

/**
 * A table argument: rows of exactly `columns` cells (short, ragged rows padded with blanks),
 * trailing blank rows left out. `columns` null accepts any width (MATRIX).
 */
export function table(v: unknown, arg: Arg, columns: number | null): unknown[][] {
  const all = rows(v);
  let end = all.length;
  while (end > 0 && all[end - 1].every((c) => isBlankValue(c))) end--;
  if (end === 0) throw valueError("tableEmpty", { arg });
  let width = 0;
  for (let r = 0; r < end; r++) if (all[r].length > width) width = all[r].length;
  if (columns !== null && width !== columns)
    throw valueError("tableColumns", { arg, columns, actual: width });
  const out: unknown[][] = new Array(end);
  for (let r = 0; r < end; r++) {
    const row = all[r];
    out[r] = row.length === width ? row : [...row, ...new Array(width - row.length).fill(null)];
  }
  return out;
}

/** A number in a table (1-based row and column): blank or text is #VALUE! naming the cell. */
export function tableNumber(v: unknown, arg: Arg, row: number, column: number): number {
  if (typeof v === "number" && v - v === 0) return v;
  const u = unwrapCell(v, arg);
  if (isBlankValue(u)) throw valueError("tableCellBlank", { arg, row });
  if (typeof u === "number" || typeof u === "string") {
    const r = readNumber(u);
    if (r.kind === "number") return r.value;
  }
  const text = typeof u === "boolean" ? (u ? "TRUE" : "FALSE") : String(u);
  throw valueError("tableCellText", { arg, row, column, text });
}

/** A label in a table: text as it is, numbers as text; blank is #VALUE! naming the row. */
export function tableLabel(v: unknown, arg: Arg, row: number): string {
  if (typeof v === "string" && v.trim() !== "") return v;
  const u = unwrapCell(v, arg);
  if (isBlankValue(u)) throw valueError("tableCellBlank", { arg, row });
  if (typeof u === "boolean") return u ? "TRUE" : "FALSE";
  return String(u);
}

/** A result cell of a lookup table (MATRIX): numbers and numeric text as numbers, other text as text, blank as 0. */
export function tableResult(v: unknown, arg: Arg): number | string | boolean {
  if (typeof v === "number") return v - v === 0 ? v : 0;
  const u = unwrapCell(v, arg);
  if (isBlankValue(u)) return 0;
  if (typeof u === "boolean") return u;
  if (typeof u === "number") return u - u === 0 ? u : 0;
  const r = readNumber(String(u));
  return r.kind === "number" ? r.value : String(u);
}

/**
 * One cell of a per-cell argument (DISTRIBUTE's scores): its number, null when blank, or the
 * error that cell shows (text → #VALUE!, an error value → that error) without stopping the others.
 */
export function cellNumber(
  v: unknown,
  arg: Arg,
  position: number
): number | null | CustomFunctions.Error {
  try {
    return listNumber(v, arg, position);
  } catch (e) {
    return edgeError(e);
  }
}

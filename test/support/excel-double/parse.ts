/**
 * Parsing for the Excel double: A1 addresses, what Excel makes of typed input, and sheet
 * references inside formulas. Written independently of src/office so that the double checks the
 * adapter instead of sharing its mistakes.
 */

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export function colLetters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

/** Parse a sheet-relative address: "A1", "A1:C3", "C:E", "2:5" (with or without "$"). */
export function parseAddress(address: string): Rect {
  const text = address.replace(/\$/g, "").trim();
  let m = /^([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?$/.exec(text);
  if (m) {
    const r1 = Number(m[2]) - 1;
    const c1 = colIndex(m[1]);
    const r2 = m[3] ? Number(m[4]) - 1 : r1;
    const c2 = m[3] ? colIndex(m[3]) : c1;
    const rect = {
      row: Math.min(r1, r2),
      col: Math.min(c1, c2),
      rows: Math.abs(r2 - r1) + 1,
      cols: Math.abs(c2 - c1) + 1,
    };
    if (
      rect.row < 0 ||
      rect.col < 0 ||
      rect.row + rect.rows > MAX_ROWS ||
      rect.col + rect.cols > MAX_COLS
    )
      throw new Error(`bad address ${address}`);
    return rect;
  }
  m = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(text);
  if (m) {
    const c1 = colIndex(m[1]);
    const c2 = colIndex(m[2]);
    return { row: 0, col: Math.min(c1, c2), rows: MAX_ROWS, cols: Math.abs(c2 - c1) + 1 };
  }
  m = /^(\d+):(\d+)$/.exec(text);
  if (m) {
    const r1 = Number(m[1]) - 1;
    const r2 = Number(m[2]) - 1;
    return { row: Math.min(r1, r2), col: 0, rows: Math.abs(r2 - r1) + 1, cols: MAX_COLS };
  }
  throw new Error(`bad address ${address}`);
}

export function formatAddress(rect: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  if (rect.row === 0 && rect.rows === MAX_ROWS)
    return `${d}${colLetters(rect.col)}:${d}${colLetters(rect.col + rect.cols - 1)}`;
  if (rect.col === 0 && rect.cols === MAX_COLS)
    return `${d}${rect.row + 1}:${d}${rect.row + rect.rows}`;
  const a = `${d}${colLetters(rect.col)}${d}${rect.row + 1}`;
  if (rect.rows === 1 && rect.cols === 1) return a;
  return `${a}:${d}${colLetters(rect.col + rect.cols - 1)}${d}${rect.row + rect.rows}`;
}

/** How Excel writes a sheet name before "!": quoted only when it must be. */
export function sheetPrefix(name: string): string {
  const plain =
    /^[A-Za-z_\u00c0-\uffff][A-Za-z0-9_.\u00c0-\uffff]*$/.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^R\d*C\d*$/i.test(name);
  return plain ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}

// ---------------------------------------------------------------------------------------------
// typed input

export type Entry =
  | { kind: "skip" }
  | { kind: "empty" }
  | { kind: "text"; text: string; prefixed: boolean }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "error"; value: string }
  | { kind: "formula"; text: string };

const ERRORS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
];
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function serial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
}

/** The number Excel (en-US) makes of typed text, or undefined if it stays text. */
export function parseNumberLike(text: string): number | undefined {
  const t = text.trim();
  let m = /^([+-]?)\$?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?(%?)$/.exec(t);
  if (m) {
    let v = Number(m[2].replace(/,/g, ""));
    if (m[3]) v *= Math.pow(10, Number(m[3]));
    if (m[4]) v /= 100;
    return m[1] === "-" ? -v : v;
  }
  m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12)
    return serial(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 1);
  m = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?$/.exec(t);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) {
    const y = m[3] ? (m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3])) : 2024;
    return serial(y, Number(m[1]), Number(m[2]));
  }
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m) return (Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0)) / 86400;
  m = /^([A-Za-z]{3,9})[-\s](\d{2}|\d{4})$/.exec(t);
  if (m && MONTHS.includes(m[1].slice(0, 3).toLowerCase())) {
    const y = m[2].length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
    return serial(y, MONTHS.indexOf(m[1].slice(0, 3).toLowerCase()) + 1, 1);
  }
  return undefined;
}

/**
 * What Excel stores for one element of a `values`/`formulas` array, following the rules of
 * typing into a cell: a leading apostrophe makes text (and is not stored), "=" starts a formula,
 * "+"/"-"/"@" start a formula unless the text is a number, numbers/dates/Booleans/error literals
 * are converted, and a cell formatted as Text ("@") keeps whatever is typed as text.
 */
export function parseEntry(input: unknown, textFormat: boolean): Entry {
  if (input === null || input === undefined) return { kind: "skip" };
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new Error("non-finite number");
    return { kind: "number", value: input };
  }
  if (typeof input === "boolean") return { kind: "boolean", value: input };
  if (typeof input !== "string") throw new Error(`unsupported value ${typeof input}`);
  if (input === "") return { kind: "empty" };
  if (input.startsWith("'")) return { kind: "text", text: input.slice(1), prefixed: true };
  if (textFormat) return { kind: "text", text: input, prefixed: false };
  const first = input[0];
  if (first === "=") {
    if (input.length === 1) throw new Error("empty formula");
    return { kind: "formula", text: input.slice(1) };
  }
  const num = parseNumberLike(input);
  if (num !== undefined) return { kind: "number", value: num };
  if (first === "+" || first === "-") return { kind: "formula", text: input };
  if (first === "@") return { kind: "formula", text: input.slice(1) };
  if (/^(true|false)$/i.test(input.trim()))
    return { kind: "boolean", value: input.trim().toLowerCase() === "true" };
  const err = ERRORS.find((e) => e === input.trim().toUpperCase());
  if (err) return { kind: "error", value: err };
  return { kind: "text", text: input, prefixed: false };
}

// ---------------------------------------------------------------------------------------------
// formulas

export type FormulaToken = { text: string } | { sheet: string };

/**
 * Split a formula into text and sheet references, normalizing like Excel does when it stores a
 * formula: function names, cell references and TRUE/FALSE upper-cased, whitespace kept.
 * Throws on unbalanced parentheses or an unterminated string.
 */
export function tokenizeFormula(formula: string): FormulaToken[] {
  const out: FormulaToken[] = [];
  const push = (text: string) => {
    const last = out[out.length - 1];
    if (last && "text" in last) last.text += text;
    else out.push({ text });
  };
  let depth = 0;
  let i = 0;
  const n = formula.length;
  const isDelim = (ch: string) => " \t\r\n!\"'(),;:+-*/&=<>^%{}[]@#".includes(ch);
  while (i < n) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      for (; j < n; j++) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j++;
          else break;
        }
      }
      if (j >= n) throw new Error("unterminated string");
      push(formula.slice(i, j + 1));
      i = j + 1;
    } else if (ch === "'") {
      let j = i + 1;
      let name = "";
      for (; j < n; j++) {
        if (formula[j] === "'") {
          if (formula[j + 1] === "'") {
            name += "'";
            j++;
          } else break;
        } else name += formula[j];
      }
      if (formula[j + 1] !== "!") throw new Error("quote without sheet reference");
      out.push({ sheet: name });
      i = j + 2;
    } else if (ch === "[") {
      let d = 0;
      let j = i;
      for (; j < n; j++) {
        if (formula[j] === "[") d++;
        else if (formula[j] === "]" && --d === 0) break;
      }
      push(formula.slice(i, j + 1));
      i = j + 1;
    } else if (ch === "#") {
      const up = formula.slice(i).toUpperCase();
      const e = ERRORS.find((x) => up.startsWith(x));
      const len = e ? e.length : 1;
      push(formula.slice(i, i + len).toUpperCase());
      i += len;
    } else if (isDelim(ch)) {
      if (ch === "(") depth++;
      if (ch === ")" && --depth < 0) throw new Error("unbalanced parentheses");
      push(ch);
      i++;
    } else {
      let j = i;
      while (j < n && !isDelim(formula[j])) j++;
      const word = formula.slice(i, j);
      if (formula[j] === "!") {
        out.push({ sheet: word });
        i = j + 1;
        continue;
      }
      const isCall = formula[j] === "(";
      const isRef = /^\$?[A-Za-z]{1,3}\$?\d+$/.test(word);
      push(isCall || isRef || /^(true|false)$/i.test(word) ? word.toUpperCase() : word);
      i = j;
    }
  }
  if (depth !== 0) throw new Error("unbalanced parentheses");
  return out;
}

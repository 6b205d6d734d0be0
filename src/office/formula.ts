/**
 * Sheet references inside formulas. Pure.
 *
 * The layouts write formulas that name sheets by their layout names ("'评分卡'!C5"). In Excel the
 * sheet may exist under another name (the user renamed it, a user sheet already had the name and
 * ours became "评分卡 (2)", or it is still being written under a temporary name), so the writer
 * rewrites every sheet reference through a map. The same scanner gives the canonical form used to
 * compare what the add-in wrote with what Excel reads back (Excel upper-cases, drops needless
 * quotes, and follows sheet renames).
 *
 * Written with regular expressions over the parts outside string literals: a scorecard has
 * hundreds of thousands of formulas and this runs in the task pane.
 */
import { canonicalFunctionNames } from "../functions/names";

/** String literals ("…", with "" inside). */
const STRING = /"(?:[^"]|"")*"/g;
/**
 * Inside the text between string literals: a quoted sheet reference ('…'!), an error literal
 * (kept as it is; #REF! is not a sheet), a structured reference ([…], kept), or a bare sheet
 * name followed by "!".
 */
const SHEET =
  /'((?:[^']|'')*)'!|(#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|GETTING_DATA))|(\[[^\]]*\])|([^\s!"'(),;:+\-*/&=<>^%{}[\]@#]+)!/g;

/** Apply `outside` to each part of the formula that is not a string literal. */
function outsideStrings(formula: string, outside: (text: string) => string): string {
  if (!formula.includes('"')) return outside(formula);
  let out = "";
  let last = 0;
  for (const m of formula.matchAll(STRING)) {
    out += outside(formula.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + outside(formula.slice(last));
}

/** Replace each sheet reference ("name!") in a part of a formula. */
function eachSheet(text: string, replace: (name: string) => string): string {
  if (!text.includes("!")) return text;
  return text.replace(
    SHEET,
    (all: string, quoted?: string, error?: string, structured?: string, bare?: string) => {
      if (error !== undefined || structured !== undefined) return all;
      return replace(quoted !== undefined ? quoted.replace(/''/g, "'") : bare!);
    }
  );
}

/** Sheet names referenced by a formula, in order of appearance (unquoted). */
export function sheetReferences(formula: string): string[] {
  const out: string[] = [];
  outsideStrings(formula, (text) =>
    eachSheet(text, (name) => {
      out.push(name);
      return "";
    })
  );
  return out;
}

/**
 * Rewrite every sheet reference through `rename` (return undefined to keep a name). References
 * are always written quoted, which Excel accepts for every sheet name.
 */
export function renameSheetReferences(
  formula: string,
  rename: (sheet: string) => string | undefined
): string {
  if (!formula.includes("!")) return formula;
  return outsideStrings(formula, (text) =>
    eachSheet(text, (name) => `'${(rename(name) ?? name).replace(/'/g, "''")}'!`)
  );
}

/**
 * The canonical form of a formula for comparing what was written with what Excel returns:
 * PERF functions named by id, whitespace outside strings dropped, everything outside strings upper-cased, sheet references
 * replaced by the sheet's role when `roleOf` knows it (so renaming a sheet is not an edit).
 */
export function canonicalFormula(
  formula: string,
  roleOf: (sheet: string) => string | undefined
): string {
  // PERF functions by id, whichever language's names Excel returns them in
  return outsideStrings(canonicalFunctionNames(formula), (text) => {
    const named = eachSheet(text, (name) => {
      const role = roleOf(name);
      return role !== undefined ? `<${role}>!` : `${name.replace(/\s+/g, "")}!`;
    });
    return named.replace(/\s+/g, "").toUpperCase();
  });
}

/** A number literal outside a reference or a name ("0.000000001", "1E-9", ".5"). */
const NUMBER =
  /(?<![A-Za-z_$.\d\u00c0-\uffff])(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?(?![A-Za-z_\d(!\u00c0-\uffff])/g;

/**
 * Whether two formulas are the same to Excel: equal canonical forms (see canonicalFormula), also
 * where a spreadsheet writes a number literal another way (0.000000001 as 1E-9). Not used for the
 * sheets' hashes, which stay as they were recorded.
 */
export function sameFormula(
  a: string,
  b: string,
  roleOf: (sheet: string) => string | undefined
): boolean {
  const ca = canonicalFormula(a, roleOf);
  const cb = canonicalFormula(b, roleOf);
  if (ca === cb) return true;
  const numbers = (f: string) =>
    outsideStrings(f, (text) => text.replace(NUMBER, (n) => String(Number(n)).toUpperCase()));
  return numbers(ca) === numbers(cb);
}

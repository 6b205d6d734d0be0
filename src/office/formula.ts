/**
 * Sheet references inside formulas. Pure.
 *
 * The layouts write formulas that name sheets by their layout names ("'评分卡'!C5"). In Excel the
 * sheet may exist under another name (the user renamed it, a user sheet already had the name and
 * ours became "评分卡 (2)", or it is still being written under a temporary name), so the writer
 * rewrites every sheet reference through a map. The same scanner gives the canonical form used to
 * compare what the add-in wrote with what Excel reads back (Excel upper-cases, drops needless
 * quotes, and follows sheet renames).
 */

const ERROR_LITERALS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
];

/** Characters that end a bare token (an identifier, a number, a cell reference, a sheet name). */
const DELIMITERS = new Set(Array.from(" \t\r\n!\"'(),;:+-*/&=<>^%{}[]@#"));

type Piece =
  | { kind: "text"; text: string }
  | { kind: "string"; text: string }
  | { kind: "sheet"; name: string }
  | { kind: "word"; text: string }
  | { kind: "space"; text: string };

/** Split a formula (without the leading "=") into pieces; sheet references are isolated. */
function scan(formula: string): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < n) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      out.push({ kind: "string", text: formula.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      let name = "";
      while (j < n) {
        if (formula[j] === "'") {
          if (formula[j + 1] === "'") {
            name += "'";
            j += 2;
            continue;
          }
          break;
        }
        name += formula[j];
        j++;
      }
      if (formula[j + 1] === "!") {
        out.push({ kind: "sheet", name });
        i = j + 2;
      } else {
        out.push({ kind: "text", text: formula.slice(i, j + 1) });
        i = j + 1;
      }
      continue;
    }
    if (ch === "[") {
      // structured reference or external book: copied as it is, brackets balanced
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        if (formula[j] === "[") depth++;
        else if (formula[j] === "]" && --depth === 0) break;
      }
      out.push({ kind: "text", text: formula.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    if (ch === "#") {
      const upper = formula.slice(i).toUpperCase();
      const literal = ERROR_LITERALS.find((e) => upper.startsWith(e));
      const len = literal ? literal.length : 1;
      out.push({ kind: "text", text: formula.slice(i, i + len) });
      i += len;
      continue;
    }
    if (ch === " " || ch === "\t" || ch === "\r" || ch === "\n") {
      let j = i;
      while (j < n && /\s/.test(formula[j])) j++;
      out.push({ kind: "space", text: formula.slice(i, j) });
      i = j;
      continue;
    }
    if (DELIMITERS.has(ch)) {
      out.push({ kind: "text", text: ch });
      i++;
      continue;
    }
    let j = i;
    while (j < n && !DELIMITERS.has(formula[j])) j++;
    const word = formula.slice(i, j);
    if (formula[j] === "!") {
      out.push({ kind: "sheet", name: word });
      i = j + 1;
    } else {
      out.push({ kind: "word", text: word });
      i = j;
    }
  }
  return out;
}

/** Sheet names referenced by a formula, in order of appearance (unquoted). */
export function sheetReferences(formula: string): string[] {
  return scan(formula)
    .filter((p): p is { kind: "sheet"; name: string } => p.kind === "sheet")
    .map((p) => p.name);
}

/**
 * Rewrite every sheet reference through `rename` (return undefined to keep a name). References
 * are always written quoted, which Excel accepts for every sheet name.
 */
export function renameSheetReferences(
  formula: string,
  rename: (sheet: string) => string | undefined
): string {
  let changed = false;
  const pieces = scan(formula);
  const out = pieces.map((p) => {
    switch (p.kind) {
      case "sheet": {
        const to = rename(p.name);
        if (to !== undefined && to !== p.name) changed = true;
        return `'${(to ?? p.name).replace(/'/g, "''")}'!`;
      }
      default:
        return p.text;
    }
  });
  return changed || pieces.some((p) => p.kind === "sheet") ? out.join("") : formula;
}

/**
 * The canonical form of a formula for comparing what was written with what Excel returns:
 * whitespace outside strings dropped, everything outside strings upper-cased, sheet references
 * replaced by the sheet's role when `roleOf` knows it (so renaming a sheet is not an edit).
 */
export function canonicalFormula(
  formula: string,
  roleOf: (sheet: string) => string | undefined
): string {
  let out = "";
  for (const p of scan(formula)) {
    switch (p.kind) {
      case "string":
        out += p.text;
        break;
      case "space":
        break;
      case "sheet": {
        const role = roleOf(p.name);
        out += role !== undefined ? `<${role}>!` : `${p.name.toUpperCase()}!`;
        break;
      }
      default:
        out += p.text.toUpperCase();
    }
  }
  return out;
}

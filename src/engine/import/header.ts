/**
 * Where a table's header is: exports put a title line, an export timestamp or blank lines above
 * it. The header is the line among the first ones that names the most of the columns we look for
 * (at least two); the lines above it are skipped and reported, never read as data.
 */
import type { CellInput } from "../coerce";
import { type Catalogue } from "../messages";
import { issue, type Issue } from "../issues";

export const HEADER_MESSAGES = {
  linesAboveHeader: {
    en: "{count} line(s) above the header were skipped: {text}",
    zh: "表头上方的 {count} 行已跳过：{text}",
  },
  noHeader: {
    en: "No header line found in the first {lines} lines: none names at least two of the columns looked for ({expected}).",
    zh: "前 {lines} 行中没有找到表头：没有一行包含至少两个所需列（{expected}）。",
  },
} satisfies Catalogue;

/** How many lines from the top may hold the header. */
export const HEADER_SEARCH_LINES = 20;

function blank(c: CellInput): boolean {
  return c === null || c === undefined || (typeof c === "string" && c.trim() === "");
}

export type HeaderSearch =
  { ok: true; index: number; issues: Issue[] } | { ok: false; issues: Issue[] };

/**
 * Finds the header among the first lines of `rows`. `matched(line)` says how many of the wanted
 * columns a line names. `lineOf(i)` is the 1-based file line or sheet row of rows[i].
 */
export function findHeader(
  rows: readonly (readonly CellInput[])[],
  matched: (line: readonly CellInput[]) => number,
  where: { sheet: string; lineOf: (index: number) => number; expected: string }
): HeaderSearch {
  let best = -1;
  let bestCount = 1;
  let seen = 0;
  for (let i = 0; i < rows.length && seen < HEADER_SEARCH_LINES; i++) {
    if (rows[i].every(blank)) continue;
    seen++;
    const n = matched(rows[i]);
    if (n > bestCount) {
      best = i;
      bestCount = n;
    }
  }
  if (best < 0)
    return {
      ok: false,
      issues: [
        issue(
          "error",
          "noHeader",
          { lines: HEADER_SEARCH_LINES, expected: where.expected },
          { label: { en: where.sheet, zh: where.sheet } }
        ),
      ],
    };
  const above = rows.slice(0, best).filter((r) => !r.every(blank));
  const issues: Issue[] = [];
  if (above.length > 0) {
    const text = above
      .map((r) =>
        r
          .filter((c) => !blank(c))
          .map(String)
          .join(" ")
      )
      .map((t) => (t.length > 60 ? t.slice(0, 59) + "…" : t))
      .map((t) => `“${t}”`)
      .join(", ");
    issues.push(
      issue(
        "info",
        "linesAboveHeader",
        { count: best, text },
        { location: { sheet: where.sheet, row: where.lineOf(0) } }
      )
    );
  }
  return { ok: true, index: best, issues };
}

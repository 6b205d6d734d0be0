/**
 * The reading rules of one table, decided once from all of its cells before any cell is read:
 * the decimal mark of its text numbers (from the cells that show it, else from the separator, and
 * said when it matters), and which ratio columns hold percentages written as plain numbers.
 */
import type { CellInput } from "../coerce";
import { columnLetter, issue, type Issue } from "../issues";
import { type Catalogue } from "../messages";
import type { FieldDef } from "../plan/model";
import {
  bodyValue,
  markEvidence,
  numberText,
  percentText,
  PERCENT_NUMBER_THRESHOLD,
  type DecimalMark,
  type ReadingRules,
} from "./quantity";

export const RULES_MESSAGES = {
  fractionColumn: {
    en: '{field} holds ratios written without %: its {count} values were read as fractions ("{example}" as {value}). If they are percentages, write them with %.',
    zh: "{field}中的比率没有写 %：该列 {count} 个值按小数读取（如“{example}”按 {value} 读取）。如果它们是百分数，请带 % 填写。",
  },
  decimalComma: {
    en: 'Numbers in this file use "," as the decimal mark and "." to group thousands (decided from {count} cells such as "{example}").',
    zh: "本文件的数字以“,”作小数点、以“.”作千位分隔（根据“{example}”等 {count} 个单元格判断）。",
  },
  decimalBySeparator: {
    en: 'No cell shows which decimal mark this file uses; as its fields are separated by "{separator}", "{mark}" is read as the decimal mark: {count} values such as "{example}" (read as {value}) depend on it.',
    zh: "没有单元格能表明本文件的小数点；因字段以“{separator}”分隔，按“{mark}”作小数点读取：“{example}”（读作 {value}）等 {count} 个值取决于此。",
  },
} satisfies Catalogue;

/** Where a table's cells are, for messages. */
export interface TableWhere {
  sheet: string;
  /** 1-based line or row of rows[i]. */
  rowOf(index: number): number;
  /** Column letter of a 0-based table column. */
  columnOf(column: number): string;
  header(column: number): string;
}

interface MarkCount {
  count: number;
  example: string;
}

function decideDecimal(
  rows: readonly (readonly CellInput[])[],
  columns: readonly number[],
  delimiter: string | undefined,
  where: TableWhere
): { rules: Pick<ReadingRules, "decimal" | "decimalEvidence">; issues: Issue[] } {
  const seen: Record<DecimalMark, MarkCount> = {
    ".": { count: 0, example: "" },
    ",": { count: 0, example: "" },
  };
  let ambiguous: { count: number; example: string; row: number; column: number } | null = null;
  for (let r = 0; r < rows.length; r++) {
    for (const c of columns) {
      const cell = rows[r][c];
      if (typeof cell !== "string") continue;
      const nt = numberText(cell);
      if (!nt) continue;
      const m = markEvidence(nt.body);
      if (m === "." || m === ",") {
        seen[m].count++;
        if (!seen[m].example) seen[m].example = cell.trim();
      } else if (m === "ambiguous") {
        if (!ambiguous) ambiguous = { count: 0, example: cell.trim(), row: r, column: c };
        ambiguous.count++;
      }
    }
  }
  const issues: Issue[] = [];
  let decimal: DecimalMark;
  if (seen["."].count || seen[","].count) {
    decimal = seen[","].count > seen["."].count ? "," : ".";
    if (decimal === ",")
      issues.push(
        issue(
          "info",
          "decimalComma",
          { ...seen[","] },
          { label: { en: where.sheet, zh: where.sheet } }
        )
      );
  } else {
    decimal = delimiter === ";" ? "," : ".";
    if (ambiguous) {
      const nt = numberText(ambiguous.example)!;
      issues.push(
        issue(
          "warning",
          "decimalBySeparator",
          {
            separator: delimiter === "\t" ? "Tab" : (delimiter ?? ","),
            mark: decimal,
            count: ambiguous.count,
            example: ambiguous.example,
            value: bodyValue(nt.body, decimal) ?? ambiguous.example,
          },
          {
            location: {
              sheet: where.sheet,
              row: where.rowOf(ambiguous.row),
              column: where.columnOf(ambiguous.column),
              header: where.header(ambiguous.column),
            },
          }
        )
      );
    }
  }
  return { rules: { decimal, decimalEvidence: seen[decimal] }, issues };
}

/**
 * The plain value of a text cell for the percent-column decision (null: not a plain number). A
 * number Excel holds is not judged this way: its cell's format shows what it is.
 */
function plainValue(cell: CellInput, decimal: DecimalMark): number | null {
  if (typeof cell !== "string") return null;
  const nt = numberText(cell);
  if (!nt || nt.percent || nt.exponent || nt.currency || nt.scale !== 1) return null;
  const v = bodyValue(nt.body, decimal);
  return v === null ? null : nt.negative ? -v : v;
}

/**
 * Decides the table's reading rules. `columns` maps field keys to 0-based table columns (the
 * mapping); `delimiter` is the file's separator when the table came from a file.
 */
export function analyzeTable(
  rows: readonly (readonly CellInput[])[],
  fields: readonly FieldDef[],
  columns: Readonly<Record<string, number>>,
  delimiter: string | undefined,
  where: TableWhere
): { rules: ReadingRules; issues: Issue[] } {
  const mapped = fields.filter((f) => columns[f.key] !== undefined);
  const decided = decideDecimal(
    rows,
    mapped.map((f) => columns[f.key]),
    delimiter,
    where
  );
  const issues = [...decided.issues];
  const percentFields = new Set<string>();
  for (const f of mapped) {
    if (f.unit !== "ratio") continue;
    const c = columns[f.key];
    let count = 0;
    let first = -1;
    for (let r = 0; r < rows.length; r++) {
      const v = plainValue(rows[r][c], decided.rules.decimal);
      if (v !== null && Math.abs(v) > PERCENT_NUMBER_THRESHOLD) {
        count++;
        if (first < 0) first = r;
      }
    }
    if (count === 0) {
      const note = fractionNote(rows, f, c, decided.rules.decimal, where);
      if (note) issues.push(note);
      continue;
    }
    percentFields.add(f.key);
    const example = String(rows[first][c]).trim();
    issues.push(
      issue(
        "warning",
        "percentColumn",
        {
          field: f.name,
          count,
          example,
          value: percentText(plainValue(rows[first][c], decided.rules.decimal)! / 100),
        },
        {
          location: {
            sheet: where.sheet,
            row: where.rowOf(first),
            column: where.columnOf(c),
            header: where.header(c),
          },
        }
      )
    );
  }
  return { rules: { ...decided.rules, percentFields }, issues };
}

/**
 * A ratio column written as plain numbers (no %) in a file is read as fractions (0.85 = 85%, the
 * Data sheet's meaning): said once, at its first such cell, since a column of small percentages
 * written as numbers (0.8 for 0.8%) would look the same.
 */
function fractionNote(
  rows: readonly (readonly CellInput[])[],
  f: FieldDef,
  c: number,
  decimal: DecimalMark,
  where: TableWhere
): Issue | null {
  let count = 0;
  let first = -1;
  for (let r = 0; r < rows.length; r++) {
    if (typeof rows[r][c] !== "string" || plainValue(rows[r][c], decimal) === null) continue;
    count++;
    if (first < 0) first = r;
  }
  if (count === 0) return null;
  const example = String(rows[first][c]).trim();
  return issue(
    "info",
    "fractionColumn",
    {
      field: f.name,
      count,
      example,
      value: percentText(plainValue(rows[first][c], decimal)!),
    },
    {
      location: {
        sheet: where.sheet,
        row: where.rowOf(first),
        column: where.columnOf(c),
        header: where.header(c),
      },
    }
  );
}

/** A TableWhere for a table read from a sheet or file. */
export function tableWhere(table: {
  sheet: string;
  headerRow: number;
  header: readonly CellInput[];
  firstDataRow?: number;
  firstColumn?: number;
  rowNumbers?: readonly number[];
}): TableWhere {
  const firstRow = table.firstDataRow ?? table.headerRow + 1;
  const firstColumn = table.firstColumn ?? 0;
  return {
    sheet: table.sheet,
    rowOf: (i) => table.rowNumbers?.[i] ?? firstRow + i,
    columnOf: (c) => columnLetter(firstColumn + c),
    header: (c) => {
      const h = table.header[c];
      return h === null || h === undefined ? "" : String(h);
    },
  };
}

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
  asciiShape,
  bodyValue,
  markEvidence,
  numberText,
  percentText,
  plainAsciiValue,
  PERCENT_NUMBER_THRESHOLD,
  type DecimalMark,
  type NumberText,
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

/** Count and first row of a ratio column's plain numbers, under one decimal mark. */
interface PlainCount {
  count: number;
  first: number;
}

/** A ratio column's plain numbers above the percent threshold, and all its plain text numbers. */
interface RatioTally {
  percent: Record<DecimalMark, PlainCount>;
  fraction: Record<DecimalMark, PlainCount>;
}

const MARKS: DecimalMark[] = [".", ","];

/**
 * The evidence a table's rows give for its reading rules, gathered row by row (a file read in
 * slices gives its rows once), then decided by {@link TableAnalysis.finish}. Both decimal marks
 * are tallied for the percent columns, since the mark is only known once every row was seen.
 */
export class TableAnalysis {
  private readonly columns: number[];
  private readonly ratios: { f: FieldDef; c: number; tally: RatioTally }[];
  private readonly seen: Record<DecimalMark, MarkCount> = {
    ".": { count: 0, example: "" },
    ",": { count: 0, example: "" },
  };
  private ambiguous: { count: number; example: string; row: number; column: number } | null = null;
  /** The first cells counted for each ratio column, by row: kept to show them. */
  private readonly firstCells = new Map<number, Map<number, CellInput>>();

  constructor(
    private readonly fields: readonly FieldDef[],
    private readonly mapping: Readonly<Record<string, number>>,
    private readonly delimiter: string | undefined
  ) {
    const mapped = fields.filter((f) => mapping[f.key] !== undefined);
    this.columns = mapped.map((f) => mapping[f.key]);
    const zero = () => ({ count: 0, first: -1 });
    this.ratios = mapped
      .filter((f) => f.unit === "ratio")
      .map((f) => ({
        f,
        c: mapping[f.key],
        tally: {
          percent: { ".": zero(), ",": zero() },
          fraction: { ".": zero(), ",": zero() },
        },
      }));
  }

  /** Tallies row r (its index in the table). */
  add(row: readonly CellInput[], r: number): void {
    for (const c of this.columns) {
      const cell = row[c];
      if (typeof cell !== "string") continue;
      // plain ASCII cells (85, 1,234.50, 85%) are their own body: no parts to take apart, and
      // digits alone show no mark
      const shape = asciiShape(cell);
      if (shape === 1) continue;
      const percent = shape === 0 && cell.endsWith("%") ? asciiShape(cell, cell.length - 1) : 0;
      if (percent === 1) continue;
      const body = shape === 2 ? cell : percent === 2 ? cell.slice(0, -1) : numberText(cell)?.body;
      if (body === undefined) continue;
      const m = markEvidence(body);
      if (m === "." || m === ",") {
        this.seen[m].count++;
        if (!this.seen[m].example) this.seen[m].example = cell.trim();
      } else if (m === "ambiguous") {
        if (!this.ambiguous) this.ambiguous = { count: 0, example: cell.trim(), row: r, column: c };
        this.ambiguous.count++;
      }
    }
    for (const { c, tally } of this.ratios) {
      const cell = row[c];
      if (typeof cell !== "string") continue;
      const shape = asciiShape(cell);
      // 85% is not a plain number
      if (shape === 0 && cell.endsWith("%") && asciiShape(cell, cell.length - 1) !== 0) continue;
      const nt = shape === 0 ? plainText(cell) : null;
      if (shape === 0 && !nt) continue;
      for (const mark of MARKS) {
        // a plain ASCII cell is its own body, never negative
        const fast = shape === 0 ? -1 : plainAsciiValue(cell, mark);
        const v =
          fast >= 0 ? fast : shape === 0 ? plainTextValue(nt!, mark) : bodyValue(cell, mark);
        if (v === null) continue;
        this.count(tally.fraction[mark], r, c, cell);
        if (Math.abs(v) > PERCENT_NUMBER_THRESHOLD) this.count(tally.percent[mark], r, c, cell);
      }
    }
  }

  private count(p: PlainCount, r: number, c: number, cell: CellInput): void {
    p.count++;
    if (p.first >= 0) return;
    p.first = r;
    let byColumn = this.firstCells.get(r);
    if (!byColumn) this.firstCells.set(r, (byColumn = new Map()));
    byColumn.set(c, cell);
  }

  /** The table's reading rules and what is said about them. */
  finish(where: TableWhere): { rules: ReadingRules; issues: Issue[] } {
    const decided = this.decideDecimal(where);
    const decimal = decided.rules.decimal;
    const issues = [...decided.issues];
    const percentFields = new Set<string>();
    for (const { f, c, tally } of this.ratios) {
      const { count, first } = tally.percent[decimal];
      if (count === 0) {
        const fraction = tally.fraction[decimal];
        if (fraction.count > 0)
          issues.push(this.ratioNote("info", "fractionColumn", f, c, fraction, 1, where, decimal));
        continue;
      }
      percentFields.add(f.key);
      issues.push(
        this.ratioNote("warning", "percentColumn", f, c, { count, first }, 100, where, decimal)
      );
    }
    return { rules: { ...decided.rules, percentFields }, issues };
  }

  private ratioNote(
    severity: "info" | "warning",
    code: "fractionColumn" | "percentColumn",
    f: FieldDef,
    c: number,
    { count, first }: PlainCount,
    divisor: number,
    where: TableWhere,
    decimal: DecimalMark
  ): Issue {
    const cell = this.firstCells.get(first)!.get(c)!;
    const example = String(cell).trim();
    return issue(
      severity,
      code,
      { field: f.name, count, example, value: percentText(plainValue(cell, decimal)! / divisor) },
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

  private decideDecimal(where: TableWhere): {
    rules: Pick<ReadingRules, "decimal" | "decimalEvidence">;
    issues: Issue[];
  } {
    const { seen, ambiguous, delimiter } = this;
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
}

/**
 * The plain value of a text cell for the percent-column decision (null: not a plain number). A
 * number Excel holds is not judged this way: its cell's format shows what it is.
 */
function plainValue(cell: CellInput, decimal: DecimalMark): number | null {
  if (typeof cell !== "string") return null;
  const nt = plainText(cell);
  return nt ? plainTextValue(nt, decimal) : null;
}

/** A text cell's parts when it is a plain number (no %, unit, scale or exponent), else null. */
function plainText(cell: string): NumberText | null {
  const nt = numberText(cell);
  return !nt || nt.percent || nt.exponent || nt.currency || nt.scale !== 1 ? null : nt;
}

function plainTextValue(nt: NumberText, decimal: DecimalMark): number | null {
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
  const analysis = new TableAnalysis(fields, columns, delimiter);
  for (let r = 0; r < rows.length; r++) analysis.add(rows[r], r);
  return analysis.finish(where);
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

/**
 * A chosen file, or a selection of cells, into the table the readers take: bytes decoded
 * deliberately (decode.ts), records parsed with their line numbers (csv.ts), the header found
 * below any title lines (header.ts). What cannot be read is refused with a located message, in
 * the order a user would fix it: the encoding, the structure, then the header.
 */
import type { CellInput } from "../coerce";
import type { Issue } from "../issues";
import { type Catalogue } from "../messages";
import type { Plan } from "../plan/model";
import { IDENTITY_HEADERS, mapColumns, type CellTable } from "../records";
import { parseRecordsAsync, type ParseProgress } from "./csv";
import { decodeBytes, fileIssue, type TextEncodingName } from "./decode";
import { FEEDBACK_HEADERS, feedbackColumnsOf } from "./feedback";
import { findHeader } from "./header";

export const FILE_MESSAGES = {
  quoteUnclosed: {
    en: 'The quote (") opened on line {line} is never closed, so the rest of the file would be one cell; check that line in the source.',
    zh: '第 {line} 行的引号（"）没有闭合，文件其余部分会被当作一个单元格；请检查源文件的这一行。',
  },
  tooManyRows: {
    en: "The file has {rows} rows; an Excel sheet holds at most {limit}. Split it by month or team.",
    zh: "文件有 {rows} 行，而 Excel 工作表最多容纳 {limit} 行。请按月份或团队拆分。",
  },
  separatorUsed: {
    en: "Fields are separated by {separator}; {rows} rows below the header on line {line}.",
    zh: "字段以{separator}分隔；表头在第 {line} 行，其下有 {rows} 行。",
  },
} satisfies Catalogue;

/** Rows an Excel sheet holds (the Data sheet's two header lines take two of them). */
export const EXCEL_MAX_ROWS = 1048576;

export const SEPARATORS: Record<string, { en: string; zh: string }> = {
  ",": { en: "commas", zh: "逗号" },
  ";": { en: "semicolons", zh: "分号" },
  "\t": { en: "tabs", zh: "制表符" },
  "|": { en: "bars (|)", zh: "竖线（|）" },
};

/** What a table's header must name, and how many of those a line names. */
export interface HeaderSpec {
  matched(line: readonly CellInput[]): number;
  /** The columns looked for, in words, for the "no header" message. */
  expected: string;
}

/** The Data sheet's header: the plan's columns (id and period first among them). */
export function dataHeaderSpec(plan: Plan): HeaderSpec {
  return {
    matched: (line) => {
      const m = mapColumns({ sheet: "", headerRow: 1, header: [...line], rows: [] }, plan);
      return Object.keys(m.mapping).length + Object.keys(m.ambiguous).length;
    },
    expected: [IDENTITY_HEADERS.id, IDENTITY_HEADERS.name, IDENTITY_HEADERS.period]
      .map((h) => `${h.zh}/${h.en}`)
      .join(", "),
  };
}

/** The 360 feedback header: salesperson, period, rater type, rating. */
export const FEEDBACK_HEADER_SPEC: HeaderSpec = {
  matched: (line) => Object.keys(feedbackColumnsOf(line)).length,
  expected: (["id", "period", "rater", "score"] as const)
    .map((k) => `${FEEDBACK_HEADERS[k].zh}/${FEEDBACK_HEADERS[k].en}`)
    .join(", "),
};

export type TableReading =
  | { ok: true; table: CellTable; issues: Issue[]; encoding?: TextEncodingName }
  | { ok: false; issues: Issue[] };

/**
 * A table from rows of cells (a file's records or a selection's values): the header found below
 * any title lines, the rows under it with their line or sheet-row numbers.
 */
export function tableFromRows(
  rows: readonly CellInput[][],
  lineOf: readonly number[],
  name: string,
  spec: HeaderSpec,
  placement: { firstColumn?: number; delimiter?: string } = {}
): TableReading {
  const found = findHeader(rows, spec.matched, {
    sheet: name,
    lineOf: (i) => lineOf[i],
    expected: spec.expected,
  });
  if (!found.ok) return found;
  const h = found.index;
  const table: CellTable = {
    sheet: name,
    headerRow: lineOf[h],
    header: rows[h],
    rows: rows.slice(h + 1),
    rowNumbers: lineOf.slice(h + 1),
    firstColumn: placement.firstColumn,
    delimiter: placement.delimiter,
  };
  return { ok: true, table, issues: found.issues };
}

/**
 * Reads a CSV file's bytes into a table (see the module comment). Parsing reports progress and
 * lets the page answer between slices.
 */
export async function readCsvFile(
  bytes: Uint8Array,
  name: string,
  spec: HeaderSpec,
  onProgress?: (p: ParseProgress) => void
): Promise<TableReading> {
  const decoded = decodeBytes(bytes, name);
  if (!decoded.ok) return decoded;
  const parsed = await parseRecordsAsync(decoded.text, onProgress);
  if (parsed.unclosedQuote !== null)
    return {
      ok: false,
      issues: [
        fileIssue(
          "error",
          "quoteUnclosed",
          { line: parsed.unclosedQuote },
          name,
          parsed.unclosedQuote
        ),
      ],
    };
  const reading = tableFromRows(parsed.records, parsed.lines, name, spec, {
    delimiter: parsed.delimiter,
  });
  if (!reading.ok) return { ok: false, issues: [...decoded.issues, ...reading.issues] };
  const rows = reading.table.rows.filter((r) => r.some((c) => c !== "")).length;
  if (rows > EXCEL_MAX_ROWS - 2)
    return {
      ok: false,
      issues: [fileIssue("error", "tooManyRows", { rows, limit: EXCEL_MAX_ROWS - 2 }, name)],
    };
  const layout = fileIssue(
    "info",
    "separatorUsed",
    { separator: SEPARATORS[parsed.delimiter], rows, line: reading.table.headerRow },
    name
  );
  return {
    ok: true,
    table: reading.table,
    encoding: decoded.encoding,
    issues: [...decoded.issues, layout, ...reading.issues],
  };
}

/**
 * A table whose first row was taken as its header (a selection), with the header found again
 * below any title rows the user selected too.
 */
export function locateHeader(table: CellTable, spec: HeaderSpec): TableReading {
  const first = table.firstDataRow ?? table.headerRow + 1;
  const lines = [table.headerRow, ...(table.rowNumbers ?? table.rows.map((_, i) => first + i))];
  return tableFromRows([table.header, ...table.rows], lines, table.sheet, spec, {
    firstColumn: table.firstColumn,
    delimiter: table.delimiter,
  });
}

/**
 * How imported rows land on the Data and Feedback sheets, for every backend: each cell read by the
 * same unit rules the data check uses (so a value is written exactly as it will be read back, or
 * kept as the text that was there for the check to name), total rows left out, the user's own
 * columns kept, and date cells told from numbers by their format. Nothing here calls Office.
 */
import {
  dataHeaderSpec,
  dateCellText,
  formatIssue,
  IDENTITY_NAMES,
  isDateFormat,
  mapColumns,
  normalizeHeader,
  readDataTable,
  readPeriod,
  readCsvFile,
  readQuantity,
  type CellInput,
  type CellTable,
  type ColumnMapping,
  type FeedbackRating,
  type FieldDef,
  type Plan,
  type ReadingRules,
} from "../engine";
import { FEEDBACK_HEADERS } from "../engine";
import type { RangeRef, Scalar } from "../workbook/layout";
import { HostError, type ImportRequest } from "./host";

/** The cells of a rectangle's number formats, by sheet name (a backend that knows them). */
export type FormatReader = (sheet: string, range: RangeRef) => Promise<string[][]>;

function textOf(value: CellInput): string {
  return typeof value === "string" ? value : String(value);
}

/**
 * One imported cell as the Data sheet should hold it: a number the unit rules read becomes that
 * number (full-width digits, grouping, percent text, 万, a decimal comma), a month becomes its
 * key ("2024/3" → "2024-03"), and anything else stays exactly as it was, as text, for the data
 * check to report.
 */
export function importCell(
  key: string,
  value: CellInput,
  field?: FieldDef,
  rules?: ReadingRules
): Scalar {
  if (blank(value)) return null;
  if (typeof value === "boolean") return value;
  if (key === "id" || key === "name" || key === "team") return textOf(value);
  if (key === "period") {
    const p = readPeriod(value);
    return p.ok && p.period.kind === "month" ? p.period.key : textOf(value);
  }
  if (!field || !rules) return value as Scalar;
  const q = readQuantity(value, field, rules);
  if (q.kind === "number") return q.value;
  if (q.kind === "blank") return null;
  return textOf(value);
}

export interface LaidRows {
  rows: Scalar[][];
  /** Source rows left out (total and subtotal rows), by 0-based index into the source's rows. */
  leftOut: number[];
}

/**
 * Source rows laid out in the Data sheet's columns through a mapping. `convert` reads each cell
 * by the unit rules the source table's reading decided (an import); without it cells are moved as
 * they are (rows already on the sheet, rewritten around an import).
 */
export function importRows(
  source: CellTable,
  mapping: ColumnMapping,
  dataHeader: readonly CellInput[],
  plan: Plan,
  convert = true
): LaidRows {
  const target = mapColumns(
    { sheet: "", headerRow: 1, header: [...dataHeader], rows: [] },
    plan
  ).mapping;
  const reading = convert ? readDataTable(source, plan, mapping, { exact: true }) : null;
  const skip = new Set(reading?.leftOut ?? []);
  const fields = new Map(plan.fields.map((f) => [f.key, f]));
  const byColumn: (string | undefined)[] = dataHeader.map(() => undefined);
  for (const [key, column] of Object.entries(target)) byColumn[column] = key;
  const width = Math.max(0, ...Object.values(target).map((c) => c + 1));
  const rows: Scalar[][] = [];
  source.rows.forEach((row, i) => {
    if (!row || row.every(blank) || skip.has(i)) return;
    const line: Scalar[] = new Array(width).fill(null);
    for (let c = 0; c < width; c++) {
      const key = byColumn[c];
      if (key === undefined || mapping[key] === undefined) continue;
      const cell = row[mapping[key]];
      line[c] = reading
        ? importCell(key, cell, fields.get(key), reading.rules)
        : cell === undefined
          ? null
          : (cell as Scalar);
    }
    rows.push(line);
  });
  return { rows, leftOut: [...skip] };
}

export function blank(c: CellInput): boolean {
  return c === null || c === undefined || (typeof c === "string" && c.trim() === "");
}

/** Feedback rows as the Feedback sheet lays them out: id, period, rater type, rating, rater. */
export function feedbackRows(
  ratings: readonly FeedbackRating[],
  raterText: (r: FeedbackRating["rater"]) => string
): Scalar[][] {
  return ratings.map((r) => [r.id, r.period, raterText(r.rater), r.score, r.raterName || null]);
}

const PERIOD_NAMES = new Set(
  [...IDENTITY_NAMES.period, ...FEEDBACK_HEADERS.period.names].map(normalizeHeader)
);

/** The 0-based column of a header line that holds periods (month or period), or -1. */
export function periodColumn(header: readonly CellInput[]): number {
  return header.findIndex((h) => typeof h === "string" && PERIOD_NAMES.has(normalizeHeader(h)));
}

/**
 * Excel hands a date cell over as its serial number; only its number format says it is a date.
 * Where the period column of a table holds numbers, this reads that column's formats and writes
 * each date cell as its date (yyyy-mm-dd), so a month typed as a date is read as that month and
 * 45383 in a plain number cell stays a number (and is named as one).
 */
export async function withDateCells(
  table: CellTable,
  formats: FormatReader | undefined,
  at: { sheet: string; firstRow: number; column: number }
): Promise<CellTable> {
  const c = periodColumn(table.header);
  if (c < 0 || !formats) return table;
  if (!table.rows.some((r) => typeof r[c] === "number")) return table;
  const read = await formats(at.sheet, {
    row: at.firstRow,
    column: at.column + c,
    rows: table.rows.length,
    columns: 1,
  });
  const rows = table.rows.map((r, i) => {
    const v = r[c];
    if (typeof v !== "number" || !isDateFormat(read[i]?.[0] ?? "")) return r;
    const copy = [...r];
    copy[c] = dateCellText(v);
    return copy;
  });
  return { ...table, rows };
}

/**
 * An import request with its file's table read in full (where the pane's work runs); refused
 * with the file's issues if the file no longer reads as it did.
 */
export async function withFileTable(request: ImportRequest): Promise<ImportRequest> {
  if (!request.file) return request;
  const { bytes, name } = request.file;
  const r = await readCsvFile(bytes, name, dataHeaderSpec(request.plan));
  if (!r.ok)
    throw new HostError(
      r.issues.map((i) => formatIssue(i, request.language)).join(" "),
      "FileUnreadable",
      {
        issues: r.issues,
      }
    );
  return { ...request, table: r.table, file: undefined };
}

/**
 * A CRM export read from its bytes straight into columns, in slices: no full text, no table of
 * cells and no row objects are ever held. Two passes over the bytes, each decoding a slice at a
 * time: the first checks the text (encoding, NUL, replacement characters, an unclosed quote),
 * finds the header and gathers the evidence for the table's reading rules; the second reads and
 * checks every row into typed columns. The result is, message for message and line for line,
 * what readCsvFile then readDataTable give (see test/engine/columnar.test.ts).
 */
import type { CellInput } from "../coerce";
import type { Issue } from "../issues";
import type { Plan } from "../plan/model";
import {
  mapColumns,
  type CellTable,
  type ColumnMapping,
  type MappingOptions,
  type MappingResult,
} from "../records";
import { ColumnsBuilder } from "../columns";
import { columnReader, type DataColumnsReading } from "./columnar";
import { CsvStream, delimiterOfPrefix, type Delimiter } from "./csv";
import {
  decodeStart,
  encodingIssue,
  fileIssue,
  startDecoder,
  textRefusal,
  undecodable,
  type DecodeStart,
  type RefusedFile,
  type TextEncodingName,
} from "./decode";
import { dataHeaderSpec, EXCEL_MAX_ROWS, SEPARATORS } from "./file";
import { findHeader, HEADER_SEARCH_LINES, type HeaderSearch } from "./header";
import { DEFAULT_RULES } from "./quantity";
import { TableAnalysis, tableWhere, type TableWhere } from "./rules";

export interface DataFileProgress {
  /** "scan": checking the text and finding the header; "read": reading the rows. */
  stage: "scan" | "read";
  /** Bytes done of the total. */
  done: number;
  total: number;
}

export interface DataFileOptions extends MappingOptions {
  /** The column mapping the user chose (as readDataTable's `saved`). */
  mapping?: ColumnMapping;
  onProgress?: (p: DataFileProgress) => void;
  /** Stops between slices: the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Bytes decoded per slice (default 1 MiB). */
  sliceBytes?: number;
}

export type DataFileReading =
  | {
      ok: true;
      encoding: TextEncodingName;
      /** What readCsvFile says of the file (encoding, separator and rows, lines above the header). */
      fileIssues: Issue[];
      /** The header line and its cells. */
      headerRow: number;
      header: string[];
      /** readDataTable's reading, with the rows as columns. */
      data: DataColumnsReading;
    }
  | RefusedFile;

const SLICE = 1 << 20;
/** Longest stretch of work between two yields to the event loop. */
const YIELD_MS = 8;

/** Decodes bytes slice by slice into `onText`; false when they cannot be decoded as decided. */
async function decodeSlices(
  bytes: Uint8Array,
  start: DecodeStart,
  stage: DataFileProgress["stage"],
  options: DataFileOptions,
  onText: (text: string) => void
): Promise<boolean> {
  if (start.broken) return false;
  const decoder = startDecoder(start);
  const slice = options.sliceBytes ?? SLICE;
  const decode = (part?: Uint8Array): string | null => {
    try {
      return part ? decoder.decode(part, { stream: true }) : decoder.decode();
    } catch {
      return null;
    }
  };
  let lastYield = Date.now();
  for (let at = start.start; at < bytes.length; at += slice) {
    options.signal?.throwIfAborted();
    const end = Math.min(bytes.length, at + slice);
    const text = decode(bytes.subarray(at, end));
    if (text === null) return false;
    onText(text);
    options.onProgress?.({ stage, done: end, total: bytes.length });
    // let the page (or the worker's messages) in every few milliseconds
    if (end < bytes.length && Date.now() - lastYield >= YIELD_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      lastYield = Date.now();
    }
  }
  const rest = decode();
  if (rest === null) return false;
  onText(rest);
  return true;
}

/** The first NUL and replacement character of a text given in pieces, at their line and column. */
class TextCheck {
  nonSpace = false;
  nul: { line: number; column: number } | null = null;
  lost: { line: number; column: number } | null = null;
  private line = 1;
  private lineStart = 0;
  private offset = 0;

  add(piece: string): void {
    if (!this.nonSpace && /\S/.test(piece)) this.nonSpace = true;
    if (!this.nul) {
      const i = piece.indexOf("\u0000");
      if (i >= 0) this.nul = this.position(piece, i);
    }
    if (!this.lost) {
      const i = piece.indexOf("\uFFFD");
      if (i >= 0) this.lost = this.position(piece, i);
    }
    for (let p = piece.indexOf("\n"); p >= 0; p = piece.indexOf("\n", p + 1)) {
      this.line++;
      this.lineStart = this.offset + p + 1;
    }
    this.offset += piece.length;
  }

  private position(piece: string, index: number): { line: number; column: number } {
    let line = this.line;
    let lineStart = this.lineStart;
    for (let p = piece.indexOf("\n"); p >= 0 && p < index; p = piece.indexOf("\n", p + 1)) {
      line++;
      lineStart = this.offset + p + 1;
    }
    return { line, column: this.offset + index - lineStart + 1 };
  }

  refusal(file: string): RefusedFile | null {
    if (!this.nonSpace) return textRefusal(file, "fileEmpty");
    if (this.nul) return textRefusal(file, "textHasNul", this.nul);
    if (this.lost) return textRefusal(file, "textHasReplacement", this.lost);
    return null;
  }
}

function blankCell(c: CellInput): boolean {
  return c === null || c === undefined || (typeof c === "string" && c.trim() === "");
}

/** The header found among the first records, and what the rows below it show of the table. */
class HeaderScan {
  /** Record index of the header, once found (−1: not yet, or not found). */
  index = -1;
  search: HeaderSearch | null = null;
  header: string[] = [];
  mapped: MappingResult | null = null;
  where: TableWhere | null = null;
  analysis: TableAnalysis | null = null;
  /** Rows below the header with a cell that is not empty. */
  rows = 0;
  /** Rows below the header with a cell that is not blank (spaces are blank). */
  filled = 0;
  /** The first rows below the header (up to `sampleRows`), with their lines. */
  readonly sample: { cells: string[]; line: number }[] = [];
  sampleRows = 0;
  readonly lines: number[] = [];
  private readonly pending: string[][] = [];
  private nonBlank = 0;
  delimiter: Delimiter = ",";

  constructor(
    private readonly plan: Plan,
    private readonly file: string,
    private readonly options: DataFileOptions
  ) {}

  record(cells: string[], line: number): void {
    const index = this.lines.length;
    this.lines.push(line);
    if (this.search === null) {
      this.pending.push(cells);
      if (!cells.every(blankCell)) this.nonBlank++;
      if (this.nonBlank >= HEADER_SEARCH_LINES) this.decide();
      return;
    }
    if (this.index >= 0 && index > this.index) this.below(cells, index - this.index - 1);
  }

  private below(cells: string[], i: number): void {
    if (i < this.sampleRows) this.sample.push({ cells, line: this.lines[this.index + 1 + i] });
    if (cells.some((c) => c !== "")) this.rows++;
    if (!cells.every(blankCell)) this.filled++;
    this.analysis?.add(cells, i);
  }

  /** Finds the header among the records so far (all of them at the end of the text). */
  decide(): void {
    if (this.search !== null) return;
    const spec = dataHeaderSpec(this.plan);
    const search = findHeader(this.pending, spec.matched, {
      sheet: this.file,
      lineOf: (i) => this.lines[i],
      expected: spec.expected,
    });
    this.search = search;
    if (!search.ok) return;
    const h = (this.index = search.index);
    this.header = this.pending[h];
    const table = { sheet: this.file, headerRow: this.lines[h], header: this.header, rows: [] };
    this.mapped = mapColumns(table, this.plan, this.options.mapping, this.options);
    const lines = this.lines;
    this.where = { ...tableWhere(table), rowOf: (i) => lines[h + 1 + i] };
    const m = this.mapped.mapping;
    if (m.id !== undefined && m.period !== undefined)
      this.analysis = new TableAnalysis(this.plan.fields, m, this.delimiter);
    for (let i = h + 1; i < this.pending.length; i++) this.below(this.pending[i], i - h - 1);
    this.pending.length = 0;
  }
}

/** The first pass: the text checked, the separator, the header and the reading rules' evidence. */
async function scan(
  bytes: Uint8Array,
  start: DecodeStart,
  file: string,
  plan: Plan,
  options: DataFileOptions,
  sampleRows = 0
): Promise<{ scan: HeaderScan; unclosed: number | null } | RefusedFile> {
  const check = new TextCheck();
  const found = new HeaderScan(plan, file, options);
  found.sampleRows = sampleRows;
  let prefix = "";
  let csv: CsvStream | null = null;
  const begin = (d: Delimiter) => {
    found.delimiter = d;
    csv = new CsvStream(d, (cells, line) => found.record(cells, line));
    csv.push(prefix);
    prefix = "";
  };
  const decoded = await decodeSlices(bytes, start, "scan", options, (piece) => {
    check.add(piece);
    if (csv) return csv.push(piece);
    prefix += piece;
    const d = delimiterOfPrefix(prefix, false);
    if (d) begin(d);
  });
  if (!decoded) return undecodable(bytes, start, file);
  const refused = check.refusal(file);
  if (refused) return refused;
  if (!csv) begin(delimiterOfPrefix(prefix, true)!);
  const unclosed = (csv as unknown as CsvStream).end();
  found.decide();
  return { scan: found, unclosed };
}

/** A file scanned: its header found and what readCsvFile says of it, or its refusal. */
interface Scanned {
  start: DecodeStart & { encoding: TextEncodingName };
  found: HeaderScan;
  headerRow: number;
  fileIssues: Issue[];
}

/** The first pass over a file's bytes, refusing it as readCsvFile would. */
async function scanFile(
  bytes: Uint8Array,
  file: string,
  plan: Plan,
  options: DataFileOptions,
  sampleRows = 0
): Promise<Scanned | RefusedFile> {
  const start = decodeStart(bytes, file);
  if ("ok" in start) return start;
  const scanned = await scan(bytes, start, file, plan, options, sampleRows);
  if ("ok" in scanned) return scanned;
  const { scan: found, unclosed } = scanned;
  if (unclosed !== null)
    return {
      ok: false,
      issues: [fileIssue("error", "quoteUnclosed", { line: unclosed }, file, unclosed)],
    };
  const encoding = encodingIssue(start, file);
  const search = found.search!;
  if (!search.ok) return { ok: false, issues: [encoding, ...search.issues] };
  if (found.rows > EXCEL_MAX_ROWS - 2)
    return {
      ok: false,
      issues: [
        fileIssue("error", "tooManyRows", { rows: found.rows, limit: EXCEL_MAX_ROWS - 2 }, file),
      ],
    };
  const headerRow = found.lines[found.index];
  const layout = fileIssue(
    "info",
    "separatorUsed",
    { separator: SEPARATORS[found.delimiter], rows: found.rows, line: headerRow },
    file
  );
  return { start, found, headerRow, fileIssues: [encoding, layout, ...search.issues] };
}

export type DataFileHead =
  | {
      ok: true;
      /** The header and the first rows below it (a column mapping is chosen from them). */
      table: CellTable;
      /** Rows below the header that hold anything but spaces. */
      rows: number;
      /** What readCsvFile says of the file (encoding, separator and rows, lines above the header). */
      issues: Issue[];
      encoding: TextEncodingName;
    }
  | RefusedFile;

/**
 * A CRM export's header and its first `sampleRows` rows, from one pass over its bytes in slices
 * (nothing else of it is held): what a column mapping is chosen from. Refused, and said, as
 * readCsvFile refuses it; the issues are readCsvFile's.
 */
export async function readDataHead(
  bytes: Uint8Array,
  file: string,
  plan: Plan,
  sampleRows: number,
  options: DataFileOptions = {}
): Promise<DataFileHead> {
  const scanned = await scanFile(bytes, file, plan, options, sampleRows);
  if ("ok" in scanned) return scanned;
  const { found, headerRow, fileIssues, start } = scanned;
  const table: CellTable = {
    sheet: file,
    headerRow,
    header: found.header,
    rows: found.sample.map((s) => s.cells),
    rowNumbers: found.sample.map((s) => s.line),
    delimiter: found.delimiter,
  };
  return { ok: true, table, rows: found.filled, issues: fileIssues, encoding: start.encoding };
}

/**
 * Reads a CRM export's bytes into data columns (see the module comment): readCsvFile's checks
 * and messages, then readDataTable's with the user's mapping, in two passes of slices, reporting
 * progress and stopping when `signal` aborts.
 */
export async function readDataFile(
  bytes: Uint8Array,
  file: string,
  plan: Plan,
  options: DataFileOptions = {}
): Promise<DataFileReading> {
  const scanned = await scanFile(bytes, file, plan, options);
  if ("ok" in scanned) return scanned;
  const { start, found, headerRow, fileIssues } = scanned;
  const { mapping, issues } = found.mapped!;
  const base = { ok: true as const, encoding: start.encoding, fileIssues, headerRow };
  if (!found.analysis) {
    const columns = new ColumnsBuilder(plan.fields.map((f) => f.key)).finish();
    const data = { columns, issues, mapping, rules: DEFAULT_RULES, leftOut: [] };
    return { ...base, header: found.header, data };
  }
  const decided = found.analysis.finish(found.where!);
  issues.push(...decided.issues);
  const { reader, sink } = columnReader(
    plan,
    file,
    mapping,
    decided.rules,
    found.where!,
    issues,
    found.rows
  );
  const h = found.index;
  let index = 0;
  const csv = new CsvStream(found.delimiter, (cells, line) => {
    const i = index++ - h - 1;
    if (i >= 0) reader.read(cells, i, line);
  });
  await decodeSlices(bytes, start, "read", options, (piece) => csv.push(piece));
  csv.end();
  const data = {
    columns: sink.builder.finish(),
    issues,
    mapping,
    rules: decided.rules,
    leftOut: reader.leftOut,
  };
  return { ...base, header: found.header, data };
}

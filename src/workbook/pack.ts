/**
 * Packing a layout's large blocks (and its sheets' long lists) before it crosses from the pane's worker to the pane (the
 * worker's tasks, src/app/tasks.ts PACK): each block of more than PACK_ROWS rows becomes a
 * PackedBlock, its rows JSON text in UTF-8 in chunks of about CHUNK_BYTES. The pane reads them only
 * through `rowsOf` / `formatRowsOf` (./layout.ts), a chunk at a time as it writes them, so what
 * it holds between receiving a layout and writing it is a few hundred strings, not millions of
 * young objects for every minor garbage collection to copy.
 *
 * Lists longer than PACK_ITEMS (the payslips' styles, merges and row heights) are packed whole,
 * and read through `listOf`.
 *
 * A block packs only when JSON gives its cells back exactly: a number JSON cannot write (NaN,
 * ±Infinity, -0) or a hole in a row leaves it as it is (still valid: every reader takes both).
 */
import {
  formatRowsOf,
  isFormula,
  isPacked,
  listOf,
  rowsOf,
  type AnyBlock,
  type Block,
  type Cell,
  type PackedBlock,
  type Scalar,
  type SentLayout,
  type SentSheet,
  type SheetLayout,
  type SheetList,
  type WorkbookLayout,
} from "./layout";

/** Blocks with more rows than this are packed (a header block stays as it is). */
export const PACK_ROWS = 64;
/**
 * A chunk's bytes: decoding one takes a few milliseconds of the pane's thread, and at 64 KB or
 * more it crosses in a message of its own (src/app/transport.ts: typed arrays that large are
 * taken out of the value; smaller ones would all travel in the result's one message).
 */
export const CHUNK_BYTES = 256 * 1024;

function exactScalar(v: Scalar | undefined): boolean {
  if (typeof v === "number") return Number.isFinite(v) && !Object.is(v, -0);
  return v !== undefined;
}

/** Whether JSON gives these rows back exactly (no hole, no number it cannot write). */
function exactRows(rows: readonly (readonly Cell[])[]): boolean {
  for (const row of rows) {
    if (!Array.isArray(row)) return false;
    for (let j = 0; j < row.length; j++) {
      const c = row[j];
      if (isFormula(c)) {
        if (typeof c.formula !== "string" || !exactScalar(c.value)) return false;
      } else if (!exactScalar(c)) return false;
    }
  }
  return true;
}

function exactFormats(rows: readonly (readonly (string | null)[])[]): boolean {
  for (const row of rows) {
    if (!Array.isArray(row)) return false;
    for (let j = 0; j < row.length; j++) if (row[j] === undefined) return false;
  }
  return true;
}

let utf8: TextEncoder | undefined;

/**
 * Rows in chunks of about `bytes` characters of JSON: each chunk's first row, and its UTF-8. A
 * chunk's rows are written in one JSON.stringify, as many as the chunks before it suggest.
 */
function chunked(
  rows: readonly unknown[],
  bytes: number
): { starts: number[]; chunks: Uint8Array[] } {
  utf8 ??= new TextEncoder();
  const starts: number[] = [];
  const chunks: Uint8Array[] = [];
  let perRow = Math.max(1, JSON.stringify(rows[0] ?? null).length);
  for (let i = 0; i < rows.length;) {
    const n = Math.max(1, Math.min(rows.length - i, Math.round(bytes / perRow)));
    const json = JSON.stringify(rows.slice(i, i + n));
    starts.push(i);
    chunks.push(utf8.encode(json));
    perRow = Math.max(1, json.length / n);
    i += n;
  }
  return { starts, chunks };
}

/** Items cut where `starts` says, each chunk's JSON in UTF-8. */
function chunkedAt(rows: readonly unknown[], starts: number[], total: number): Uint8Array[] {
  utf8 ??= new TextEncoder();
  return starts.map((first, k) =>
    utf8!.encode(JSON.stringify(rows.slice(first, k + 1 < starts.length ? starts[k + 1] : total)))
  );
}

/** A block packed (PackedBlock), or as it is: small, or not exactly representable as JSON. */
export function packBlock(b: Block, chunkBytes = CHUNK_BYTES): AnyBlock {
  if (b.cells.length <= PACK_ROWS || !exactRows(b.cells)) return b;
  const nf = b.numberFormats;
  const perCell = nf !== undefined && nf.length > 0 && Array.isArray(nf[0]);
  if (perCell && !exactFormats(nf as (string | null)[][])) return b;
  let width = 0;
  for (const row of b.cells) width = Math.max(width, row.length);
  const rows = b.cells.length;
  const { starts, chunks } = chunked(b.cells, chunkBytes);
  const packed: PackedBlock = {
    row: b.row,
    column: b.column,
    packed: { rows, width, starts, chunks },
  };
  if (perCell) packed.packed.formatChunks = chunkedAt(nf as (string | null)[][], starts, rows);
  else if (nf !== undefined) packed.numberFormats = nf as (string | null)[];
  return packed;
}

/** Lists longer than this are packed (in chunks of CHUNK_BYTES). */
export const PACK_ITEMS = 500;

/** Whether JSON gives a list's items back exactly (no number it cannot write). */
function exactItems(v: unknown): boolean {
  if (typeof v === "number") return Number.isFinite(v) && !Object.is(v, -0);
  if (typeof v !== "object" || v === null) return true;
  if (Array.isArray(v)) return v.every(exactItems);
  return Object.values(v).every((x) => x === undefined || exactItems(x));
}

/** A long list packed (PackedList), or as it is: short, packed, or not exactly representable. */
export function packList<T>(list: SheetList<T>, chunkBytes = CHUNK_BYTES): SheetList<T> {
  if (!Array.isArray(list) || list.length <= PACK_ITEMS || !exactItems(list)) return list;
  return { packedList: chunked(list, chunkBytes).chunks, length: list.length };
}

/** A sheet with its large blocks and long lists packed (those packed already as they are). */
export function packSheet(s: SentSheet, chunkBytes = CHUNK_BYTES): SentSheet {
  const out: SentSheet = {
    ...s,
    blocks: s.blocks.map((b) => (isPacked(b) ? b : packBlock(b, chunkBytes))),
    styles: packList(s.styles, chunkBytes),
    merges: packList(s.merges, chunkBytes),
  };
  if (s.rowHeights) out.rowHeights = packList(s.rowHeights, chunkBytes);
  return out;
}

/** A layout with its large blocks and long lists packed (the layout given is not changed). */
export function packLayout(layout: SentLayout, chunkBytes = CHUNK_BYTES): SentLayout {
  return { ...layout, sheets: layout.sheets.map((s) => packSheet(s, chunkBytes)) };
}

/** A block as laid out again (every row decoded at once: for writers that hold a whole sheet). */
export function unpackBlock(b: AnyBlock): Block {
  if (!isPacked(b)) return b;
  const { rows, formatChunks } = b.packed;
  const out: Block = { row: b.row, column: b.column, cells: rowsOf(b, 0, rows) };
  if (formatChunks) out.numberFormats = formatRowsOf(b, 0, rows) ?? undefined;
  else if (b.numberFormats) out.numberFormats = b.numberFormats;
  return out;
}

/** A sheet with its blocks and lists as laid out. */
export function unpackSheet(s: SentSheet): SheetLayout {
  const { rowHeights, ...rest } = s;
  const out: SheetLayout = {
    ...rest,
    blocks: s.blocks.map(unpackBlock),
    styles: listOf(s.styles),
    merges: listOf(s.merges),
  };
  if (rowHeights) out.rowHeights = listOf(rowHeights);
  return out;
}

/** A layout with its blocks and lists as laid out (the browser preview's HyperFormula workbook). */
export function unpackLayout(layout: SentLayout): WorkbookLayout {
  return { ...layout, sheets: layout.sheets.map(unpackSheet) };
}

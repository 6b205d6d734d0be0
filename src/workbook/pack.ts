/**
 * Packing a layout's large blocks (and its sheets' long lists) before it crosses from the pane's worker to the pane (the
 * worker's tasks, src/app/tasks.ts PACK): each block of more than PACK_ROWS rows becomes a
 * PackedBlock, its rows JSON text in chunks of about CHUNK_CELLS cells. The pane reads them only
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
/** Cells in a chunk: decoding one takes a few milliseconds of the pane's thread. */
export const CHUNK_CELLS = 4096;

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

/** Items in chunks of `chunkRows`, each JSON in UTF-8 (a buffer of its own: each crosses alone). */
function chunked(rows: readonly unknown[], chunkRows: number): Uint8Array[] {
  utf8 ??= new TextEncoder();
  const out: Uint8Array[] = [];
  for (let i = 0; i < rows.length; i += chunkRows)
    out.push(utf8.encode(JSON.stringify(rows.slice(i, i + chunkRows))));
  return out;
}

/** A block packed (PackedBlock), or as it is: small, or not exactly representable as JSON. */
export function packBlock(b: Block, chunkCells = CHUNK_CELLS): AnyBlock {
  if (b.cells.length <= PACK_ROWS || !exactRows(b.cells)) return b;
  const nf = b.numberFormats;
  const perCell = nf !== undefined && nf.length > 0 && Array.isArray(nf[0]);
  if (perCell && !exactFormats(nf as (string | null)[][])) return b;
  let width = 0;
  for (const row of b.cells) width = Math.max(width, row.length);
  const chunkRows = Math.max(1, Math.floor(chunkCells / Math.max(1, width)));
  const packed: PackedBlock = {
    row: b.row,
    column: b.column,
    packed: { rows: b.cells.length, width, chunkRows, chunks: chunked(b.cells, chunkRows) },
  };
  if (perCell) packed.packed.formatChunks = chunked(nf as (string | null)[][], chunkRows);
  else if (nf !== undefined) packed.numberFormats = nf as (string | null)[];
  return packed;
}

/** Lists longer than this are packed… */
export const PACK_ITEMS = 500;
/** …in chunks of this many items. */
const LIST_CHUNK = 4096;

/** Whether JSON gives a list's items back exactly (no number it cannot write). */
function exactItems(v: unknown): boolean {
  if (typeof v === "number") return Number.isFinite(v) && !Object.is(v, -0);
  if (typeof v !== "object" || v === null) return true;
  if (Array.isArray(v)) return v.every(exactItems);
  return Object.values(v).every((x) => x === undefined || exactItems(x));
}

/** A long list packed (PackedList), or as it is: short, packed, or not exactly representable. */
export function packList<T>(list: SheetList<T>): SheetList<T> {
  if (!Array.isArray(list) || list.length <= PACK_ITEMS || !exactItems(list)) return list;
  return { packedList: chunked(list, LIST_CHUNK), length: list.length };
}

/** A sheet with its large blocks and long lists packed (those packed already as they are). */
export function packSheet(s: SentSheet, chunkCells = CHUNK_CELLS): SentSheet {
  const out: SentSheet = {
    ...s,
    blocks: s.blocks.map((b) => (isPacked(b) ? b : packBlock(b, chunkCells))),
    styles: packList(s.styles),
    merges: packList(s.merges),
  };
  if (s.rowHeights) out.rowHeights = packList(s.rowHeights);
  return out;
}

/** A layout with its large blocks and long lists packed (the layout given is not changed). */
export function packLayout(layout: SentLayout, chunkCells = CHUNK_CELLS): SentLayout {
  return { ...layout, sheets: layout.sheets.map((s) => packSheet(s, chunkCells)) };
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

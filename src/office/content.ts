/**
 * A sheet layout's cells as the writer sends them: the grid they form, its hash, and the chunks
 * (row ranges of a block) that each fit a request budget. Pure. A block may be packed (a layout
 * from the pane's worker, src/workbook/pack.ts): its rows are read through `rowsOf`, a chunk
 * at a time.
 */
import {
  blockRowCount,
  blockWidth,
  chunkSpan,
  formatRowsOf,
  isFormula,
  isPacked,
  listOf,
  rowsOf,
  type AnyBlock,
  type Cell,
  type SentSheet,
} from "../workbook/layout";
import { pieceBytesPerRow } from "./batch";
import {
  canonicalRead,
  canonicalWritten,
  ContentHash,
  jsonBytes,
  toExcelInput,
  utf8Length,
  type ExcelInput,
} from "./cells";

export { blockWidth };

export interface DenseGrid {
  rows: number;
  cols: number;
  /** Dense rows; undefined where no block puts a cell. Later blocks win where blocks overlap. */
  cells: (Cell | undefined)[][];
}

/** Rows a laid-out block's reader takes at a time (a packed block's: one chunk). */
const READ_ROWS = 512;

/**
 * A block's rows one at a time, in any order but best in order: a packed block's are decoded a
 * chunk at a time (the last chunk kept), a laid-out block's are its own.
 */
export function blockReader(b: AnyBlock): (i: number) => Cell[] | undefined {
  if (!isPacked(b)) return (i) => b.cells[i];
  let from = -1;
  let rows: Cell[][] = [];
  return (i) => {
    if (i < 0 || i >= b.packed.rows) return undefined;
    if (from < 0 || i < from || i >= from + rows.length) {
      const [, first, end] = chunkSpan(b.packed, i);
      from = first;
      rows = rowsOf(b, first, end);
    }
    return rows[i - from];
  };
}

/** A block's per-cell number formats one row at a time, like blockReader (null: it has none). */
function formatReader(b: AnyBlock): ((i: number) => (string | null)[] | undefined) | null {
  if (!formatRowsOf(b, 0, 0)) return null;
  let from = -1;
  let rows: (string | null)[][] = [];
  return (i) => {
    if (i < 0 || i >= blockRowCount(b)) return undefined;
    if (from < 0 || i < from || i >= from + rows.length) {
      const [first, end] = isPacked(b)
        ? chunkSpan(b.packed, i).slice(1)
        : [i - (i % READ_ROWS), i - (i % READ_ROWS) + READ_ROWS];
      from = first;
      rows = formatRowsOf(b, first, end) ?? [];
    }
    return rows[i - from];
  };
}

/** The size of the grid a sheet's blocks form. */
export function gridSize(sheet: SentSheet): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const b of sheet.blocks) {
    const n = blockRowCount(b);
    if (n === 0) continue;
    rows = Math.max(rows, b.row + n);
    cols = Math.max(cols, b.column + blockWidth(b));
  }
  return { rows, cols };
}

/**
 * The grid's dense rows in order, each made as it is reached (later blocks win where blocks
 * overlap): what buildGrid holds at once, one row at a time.
 */
export function* gridRows(sheet: SentSheet): Generator<(Cell | undefined)[]> {
  const { rows, cols } = gridSize(sheet);
  const blocks = sheet.blocks.map((b) => ({ b, n: blockRowCount(b), at: blockReader(b) }));
  for (let r = 0; r < rows; r++) {
    const target = new Array<Cell | undefined>(cols);
    for (const { b, n, at } of blocks) {
      const i = r - b.row;
      if (i < 0 || i >= n) continue;
      const row = at(i) ?? [];
      for (let j = 0; j < row.length; j++) target[b.column + j] = row[j];
    }
    yield target;
  }
}

export function buildGrid(sheet: SentSheet): DenseGrid {
  const cells = [...gridRows(sheet)];
  return { ...gridSize(sheet), cells };
}

/** Hash of what the grid will read back as through `Range.formulas`. */
export function hashGrid(grid: DenseGrid, roleOf: (sheet: string) => string | undefined): string {
  const h = new ContentHash();
  h.add(`${grid.rows}x${grid.cols}`);
  for (const row of grid.cells) {
    for (let c = 0; c < grid.cols; c++) h.add(canonicalWritten(row[c] ?? null, roleOf));
  }
  return h.digest();
}

/** Incremental hash of `Range.formulas` read back in row chunks; same result as {@link hashGrid}. */
export class ReadBackHash {
  private h = new ContentHash();
  constructor(
    rows: number,
    cols: number,
    private readonly roleOf: (sheet: string) => string | undefined
  ) {
    this.h.add(`${rows}x${cols}`);
  }

  addRows(formulas: unknown[][]): void {
    for (const row of formulas) for (const v of row) this.h.add(canonicalRead(v, this.roleOf));
  }

  digest(): string {
    return this.h.digest();
  }
}

export interface ValueChunk {
  /** Sheet coordinates of the chunk's top-left cell. */
  row: number;
  column: number;
  values: ExcelInput[][];
  bytes: number;
}

/**
 * Cut a block into chunks of whole rows whose serialized values stay within `budget` bytes; a
 * single row larger than the budget is cut into column pieces.
 */
export function valueChunks(
  block: AnyBlock,
  budget: number,
  formula: (f: string) => string
): ValueChunk[] {
  const width = blockWidth(block);
  const at = blockReader(block);
  return chunkMatrix(block.row, block.column, blockRowCount(block), width, budget, (i) => {
    const cells = at(i) ?? [];
    const row = new Array<ExcelInput>(width);
    for (let j = 0; j < width; j++)
      row[j] = toExcelInput(j < cells.length ? cells[j] : null, formula);
    return row;
  });
}

/**
 * Per-cell number formats of a block cut into row chunks like the values ("General" for null);
 * none when the block has no per-cell formats.
 */
export function formatChunks(block: AnyBlock, budget: number): ValueChunk[] {
  const at = formatReader(block);
  if (!at) return [];
  const width = blockWidth(block);
  return chunkMatrix(block.row, block.column, blockRowCount(block), width, budget, (i) => {
    const row = at(i) ?? [];
    return Array.from({ length: width }, (_v, j) => row[j] ?? "General");
  });
}

/**
 * Rows `rowAt(0..rowCount-1)` of a matrix at (top, left), in chunks of at most `budget` bytes:
 * the JSON of the values and the pieces Microsoft's client cuts a large array into.
 */
export function chunkMatrix(
  top: number,
  left: number,
  rowCount: number,
  width: number,
  budget: number,
  rowAt: (i: number) => ExcelInput[]
): ValueChunk[] {
  if (width === 0 || rowCount === 0) return [];
  const chunks: ValueChunk[] = [];
  const perRow = pieceBytesPerRow(width, rowCount);
  let rows: ExcelInput[][] = [];
  let start = 0;
  let bytes = 2;
  const flush = () => {
    if (rows.length > 0) chunks.push({ row: top + start, column: left, values: rows, bytes });
    rows = [];
    bytes = 2;
  };
  for (let i = 0; i < rowCount; i++) {
    const row = rowAt(i);
    const size = jsonBytes(row) + 1 + perRow;
    if (size + 2 > budget) {
      flush();
      chunks.push(...splitRow(row, top + i, left, budget));
      continue;
    }
    if (rows.length > 0 && bytes + size > budget) flush();
    if (rows.length === 0) start = i;
    rows.push(row);
    bytes += size;
  }
  flush();
  return chunks;
}

function splitRow(
  row: ExcelInput[],
  sheetRow: number,
  column: number,
  budget: number
): ValueChunk[] {
  const out: ValueChunk[] = [];
  let piece: ExcelInput[] = [];
  let bytes = 4;
  let at = 0;
  row.forEach((v, j) => {
    const size = jsonBytes(v) + 1;
    if (piece.length > 0 && bytes + size > budget) {
      out.push({ row: sheetRow, column: column + at, values: [piece], bytes });
      piece = [];
      bytes = 4;
      at = j;
    }
    piece.push(v);
    bytes += size;
  });
  if (piece.length > 0) out.push({ row: sheetRow, column: column + at, values: [piece], bytes });
  return out;
}

/**
 * Excel keeps table headers as unique, non-empty, constant text: it turns a formula header into
 * its value, an empty one into "ColumnN" and a repeated one into "Name2". Do the same before
 * writing, so what the add-in records as written is what Excel holds. Returns the sheet (a copy
 * where something changed) and the tables whose headers changed.
 */
export function withExcelTableHeaders<S extends SentSheet>(
  sheet: S
): {
  sheet: S;
  changed: string[];
} {
  if (sheet.tables.length === 0) return { sheet, changed: [] };
  // a block changed or added is laid out (a Block): one of S's blocks whatever S's blocks are
  let blocks: S["blocks"] = sheet.blocks;
  const changed: string[] = [];
  const cellAt = (row: number, col: number): { block: number; cell: Cell | undefined } => {
    for (let b = blocks.length - 1; b >= 0; b--) {
      const blk = blocks[b];
      const r = row - blk.row;
      const c = col - blk.column;
      if (r >= 0 && r < blockRowCount(blk) && c >= 0 && c < blockWidth(blk))
        return { block: b, cell: rowsOf(blk, r, r + 1)[0][c] ?? null };
    }
    return { block: -1, cell: undefined };
  };
  for (const t of sheet.tables) {
    const seen = new Set<string>();
    let tableChanged = false;
    for (let j = 0; j < t.range.columns; j++) {
      const row = t.range.row;
      const col = t.range.column + j;
      const { block, cell } = cellAt(row, col);
      const raw = isFormula(cell ?? null) ? (cell as { value: unknown }).value : cell;
      let text = raw === null || raw === undefined || raw === "" ? `Column${j + 1}` : String(raw);
      const base = text;
      for (let k = 2; seen.has(text.toUpperCase()); k++) text = `${base}${k}`;
      seen.add(text.toUpperCase());
      if (cell === text) continue;
      tableChanged = true;
      if (blocks === sheet.blocks) blocks = [...sheet.blocks];
      const blk: AnyBlock | undefined = block < 0 ? undefined : blocks[block];
      if (!blk || isPacked(blk)) {
        // a block of its own over the cell (later blocks win): a packed block stays as it came
        blocks.push({ row, column: col, cells: [[text]] });
        continue;
      }
      const r = row - blk.row;
      const cells = [...blk.cells];
      const line = [...cells[r]];
      line[col - blk.column] = text;
      cells[r] = line;
      blocks[block] = { ...blk, cells };
    }
    if (tableChanged) changed.push(t.name);
  }
  return { sheet: blocks === sheet.blocks ? sheet : { ...sheet, blocks }, changed };
}

/**
 * About the bytes the grid's cells take in a request or response (recorded in the mark to size
 * the reads that later check the sheet for edits). Depends on the layout only, not on the names
 * the sheets have in the workbook, so the mark is the same whatever happened before.
 */
export function estimateBytes(grid: DenseGrid): number {
  let bytes = 0;
  for (const row of grid.cells) for (let c = 0; c < grid.cols; c++) bytes += cellBytes(row[c]);
  return bytes;
}

function cellBytes(cell: Cell | undefined): number {
  if (cell === undefined || cell === null) return 3;
  if (typeof cell === "number") return 12;
  if (typeof cell === "boolean") return 6;
  if (typeof cell === "string") return utf8Length(cell) + 4;
  return utf8Length(cell.formula) + 5;
}

/**
 * The hash (as hashGrid) and the bytes (as estimateBytes) of a sheet's grid, added a row at a
 * time (gridRows): the writer never holds a whole sheet's grid.
 */
export class GridDigest {
  private readonly h = new ContentHash();
  bytes = 0;

  constructor(
    readonly rows: number,
    readonly cols: number,
    private readonly roleOf: (sheet: string) => string | undefined
  ) {
    this.h.add(`${rows}x${cols}`);
  }

  addRow(row: readonly (Cell | undefined)[]): void {
    for (let c = 0; c < this.cols; c++) {
      const cell = row[c];
      this.h.add(canonicalWritten(cell ?? null, this.roleOf));
      this.bytes += cellBytes(cell);
    }
  }

  digest(): string {
    return this.h.digest();
  }
}

/** A block's number formats as JSON (a packed block's per-cell ones joined from its chunks). */
function formatsJson(b: AnyBlock): string {
  if (!isPacked(b) || !b.packed.formatChunks) return JSON.stringify(b.numberFormats ?? null);
  const utf8 = new TextDecoder();
  const parts = b.packed.formatChunks
    .map((c) => utf8.decode(c).slice(1, -1))
    .filter((c) => c.length > 0);
  return `[${parts.join(",")}]`;
}

/**
 * Hash of everything about a sheet other than its cell contents: formats, widths, tables, names,
 * validation, styles, merges, charts, print setup. Recorded in the mark so that regenerating
 * rewrites a sheet whose cells are the same but whose formatting or charts changed.
 */
export function shapeHash(sheet: SentSheet): string {
  const h = new ContentHash();
  const {
    kind,
    columns,
    freeze,
    tables,
    names,
    validations,
    styles,
    merges,
    charts,
    print,
    tabColor,
    dataBars,
    rowHeights,
  } = sheet;
  h.add(
    JSON.stringify({
      kind,
      columns,
      freeze,
      tables,
      names,
      validations,
      styles: listOf(styles),
      merges: listOf(merges),
      charts,
      print,
      tabColor,
      dataBars,
      ...(rowHeights ? { rowHeights: listOf(rowHeights) } : {}),
    })
  );
  for (const b of sheet.blocks) h.add(`[${b.row},${b.column},${formatsJson(b)}]`);
  return h.digest();
}

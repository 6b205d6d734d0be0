/**
 * A sheet layout's cells as the writer sends them: the grid they form, its hash, and the chunks
 * (row ranges of a block) that each fit a request budget. Pure.
 */
import { isFormula, type Block, type Cell, type SheetLayout } from "../workbook/layout";
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

export interface DenseGrid {
  rows: number;
  cols: number;
  /** Dense rows; undefined where no block puts a cell. Later blocks win where blocks overlap. */
  cells: (Cell | undefined)[][];
}

export function blockWidth(block: Block): number {
  let w = 0;
  for (const row of block.cells) w = Math.max(w, row.length);
  return w;
}

export function buildGrid(sheet: SheetLayout): DenseGrid {
  let rows = 0;
  let cols = 0;
  for (const b of sheet.blocks) {
    if (b.cells.length === 0) continue;
    rows = Math.max(rows, b.row + b.cells.length);
    cols = Math.max(cols, b.column + blockWidth(b));
  }
  const cells: (Cell | undefined)[][] = Array.from(
    { length: rows },
    () => new Array<Cell | undefined>(cols)
  );
  for (const b of sheet.blocks) {
    b.cells.forEach((row, i) => {
      const target = cells[b.row + i];
      row.forEach((cell, j) => {
        target[b.column + j] = cell;
      });
    });
  }
  return { rows, cols, cells };
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
  block: Block,
  budget: number,
  formula: (f: string) => string
): ValueChunk[] {
  const width = blockWidth(block);
  return chunkMatrix(block.row, block.column, block.cells.length, width, budget, (i) => {
    const cells = block.cells[i];
    const row = new Array<ExcelInput>(width);
    for (let j = 0; j < width; j++)
      row[j] = toExcelInput(j < cells.length ? cells[j] : null, formula);
    return row;
  });
}

/** Per-cell number formats of a block cut into row chunks like the values ("General" for null). */
export function formatChunks(
  block: Block,
  formats: (string | null)[][],
  budget: number
): ValueChunk[] {
  const width = blockWidth(block);
  return chunkMatrix(block.row, block.column, block.cells.length, width, budget, (i) => {
    const row = formats[i] ?? [];
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
export function withExcelTableHeaders(sheet: SheetLayout): {
  sheet: SheetLayout;
  changed: string[];
} {
  if (sheet.tables.length === 0) return { sheet, changed: [] };
  let blocks = sheet.blocks;
  const changed: string[] = [];
  const cellAt = (row: number, col: number): { block: number; cell: Cell | undefined } => {
    for (let b = blocks.length - 1; b >= 0; b--) {
      const blk = blocks[b];
      const r = row - blk.row;
      const c = col - blk.column;
      if (r >= 0 && r < blk.cells.length && c >= 0 && c < blockWidth(blk))
        return { block: b, cell: blk.cells[r][c] ?? null };
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
      if (block < 0) {
        blocks.push({ row, column: col, cells: [[text]] });
        continue;
      }
      const blk = blocks[block];
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
  for (const row of grid.cells) {
    for (let c = 0; c < grid.cols; c++) {
      const cell = row[c];
      if (cell === undefined || cell === null) bytes += 3;
      else if (typeof cell === "number") bytes += 12;
      else if (typeof cell === "boolean") bytes += 6;
      else if (typeof cell === "string") bytes += utf8Length(cell) + 4;
      else bytes += utf8Length(cell.formula) + 5;
    }
  }
  return bytes;
}

/**
 * Hash of everything about a sheet other than its cell contents: formats, widths, tables, names,
 * validation, styles, merges, charts, print setup. Recorded in the mark so that regenerating
 * rewrites a sheet whose cells are the same but whose formatting or charts changed.
 */
export function shapeHash(sheet: SheetLayout): string {
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
      styles,
      merges,
      charts,
      print,
      tabColor,
      dataBars,
      ...(rowHeights ? { rowHeights } : {}),
    })
  );
  for (const b of sheet.blocks) h.add(JSON.stringify([b.row, b.column, b.numberFormats ?? null]));
  return h.digest();
}

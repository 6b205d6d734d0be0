/**
 * A sparse cell grid that layout builders fill row by row and turn into a block; and the reverse,
 * a layout turned into the plain values a reader sees (what Office.js `values` or a file gives).
 */
import type { Block, Cell, SheetLayout } from "./layout";
import { isFormula } from "./layout";
import type { CellInput } from "../engine/coerce";

export class Grid {
  private readonly rows: Cell[][] = [];
  private readonly formats: (string | null)[][] = [];
  private anyFormat = false;

  set(row: number, column: number, value: Cell, format?: string | null): void {
    const r = (this.rows[row] ??= []);
    r[column] = value;
    if (format) {
      (this.formats[row] ??= [])[column] = format;
      this.anyFormat = true;
    }
  }

  /** Writes values left to right from a cell. */
  line(row: number, column: number, values: Cell[], formats?: (string | null | undefined)[]): void {
    values.forEach((v, i) => this.set(row, column + i, v, formats?.[i] ?? null));
  }

  get height(): number {
    return this.rows.length;
  }

  get width(): number {
    let w = 0;
    for (const r of this.rows) if (r && r.length > w) w = r.length;
    return w;
  }

  /** One block from A1 covering everything written; unwritten cells are null. */
  block(): Block {
    const h = this.height;
    const w = this.width;
    const cells: Cell[][] = new Array(h);
    const formats: (string | null)[][] = new Array(h);
    for (let r = 0; r < h; r++) {
      const src = this.rows[r] ?? [];
      const fsrc = this.formats[r] ?? [];
      const line: Cell[] = new Array(w);
      const fline: (string | null)[] = new Array(w);
      for (let c = 0; c < w; c++) {
        const v = src[c];
        line[c] = v === undefined ? null : v;
        fline[c] = fsrc[c] ?? null;
      }
      cells[r] = line;
      formats[r] = fline;
    }
    return this.anyFormat
      ? { row: 0, column: 0, cells, numberFormats: formats }
      : { row: 0, column: 0, cells };
  }
}

/**
 * The values of a sheet as a reader sees them: formulas replaced by their cached (engine)
 * values, errors as null, rows and columns from A1.
 */
export function sheetValues(sheet: SheetLayout): CellInput[][] {
  let h = 0;
  let w = 0;
  for (const b of sheet.blocks) {
    h = Math.max(h, b.row + b.cells.length);
    for (const r of b.cells) w = Math.max(w, b.column + r.length);
  }
  const out: CellInput[][] = Array.from({ length: h }, () => new Array<CellInput>(w).fill(null));
  for (const b of sheet.blocks) {
    b.cells.forEach((line, i) =>
      line.forEach((c, j) => {
        out[b.row + i][b.column + j] = isFormula(c) ? (c.error ? null : c.value) : c;
      })
    );
  }
  return out;
}

/**
 * A printed sheet written block after block, row by row — the statements and the target letters:
 * the grid, its styles, merges, page breaks and row heights, and the heading each block starts
 * with, across the page's columns.
 */
import type { CellInput } from "../engine/coerce";
import type { Language } from "../engine/messages";
import { Grid } from "./grid";
import type { RangeRef, Scalar, SheetLayout, StyleSpec } from "./layout";
import { say, type Words } from "./text";

export function box(row: number, column: number, rows: number, columns: number): RangeRef {
  return { row, column, rows, columns };
}

export class PageWriter {
  readonly g = new Grid();
  readonly styles: StyleSpec[] = [];
  readonly merges: RangeRef[] = [];
  readonly breaks: number[] = [];
  readonly heights: NonNullable<SheetLayout["rowHeights"]> = [];
  row = 0;

  constructor(
    readonly language: Language,
    /** The page's width in columns: headings and banners span it. */
    readonly columns: number
  ) {}

  say(w: Words): string {
    return say(w, this.language);
  }

  /** A block's heading across the page. */
  heading(w: Words): void {
    this.g.set(this.row, 0, this.say(w));
    this.styles.push({
      range: box(this.row, 0, 1, this.columns),
      bold: true,
      fill: "#DDEBF7",
      border: "bottom",
    });
    // merged, so a long heading shows whole wherever filled cells stop text overflowing
    this.merges.push(box(this.row, 0, 1, this.columns));
    this.row++;
  }
}

/** A cell as read back, with a blank cell as null. */
export function scalar(c: CellInput): Scalar {
  return c === undefined || c === "" ? null : c;
}

/**
 * A block's entry in the page's hidden index column, as written (`prefix` + JSON of id, period,
 * version, rows and the offsets of its written-on lines), or null when the cell holds none: its
 * id, period, plan version and row count, and `offset(key)` — a whole number ≥ 0, else −1.
 */
export function indexEntry(
  cell: CellInput,
  prefix: string
): {
  id: string;
  period: string;
  planVersion: string;
  rows: number;
  offset(key: string): number;
  raw: Record<string, unknown>;
} | null {
  const s = cell === null || cell === undefined ? "" : String(cell);
  if (!s.startsWith(prefix)) return null;
  let e: unknown;
  try {
    e = JSON.parse(s.slice(prefix.length));
  } catch {
    return null; // not an entry the add-in wrote
  }
  if (!e || typeof e !== "object") return null;
  const o = e as Record<string, unknown>;
  if (typeof o.id !== "string" || typeof o.period !== "string") return null;
  const offset = (key: string) => {
    const v = o[key];
    return typeof v === "number" && Number.isInteger(v) && v >= 0 ? v : -1;
  };
  return {
    id: o.id,
    period: o.period,
    planVersion: typeof o.version === "string" ? o.version : "",
    rows: offset("rows"),
    offset,
    raw: o,
  };
}

/**
 * A printed sheet written block after block, row by row — the statements and the target letters:
 * the grid, its styles, merges, page breaks and row heights, and the heading each block starts
 * with, across the page's columns.
 */
import type { Language } from "../engine/messages";
import { Grid } from "./grid";
import type { RangeRef, SheetLayout, StyleSpec } from "./layout";
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

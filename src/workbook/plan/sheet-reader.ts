/**
 * The cells of a Plan sheet as the reader walks them: sections found by their titles in column A
 * (either language), tables by their headers, and each cell read as its column says, with the
 * located issue when it cannot be.
 */
import type { CellInput } from "../../engine/coerce";
import { readNumber } from "../../engine/coerce";
import type { Issue } from "../../engine/issues";
import { columnLetter, issue } from "../../engine/issues";
import type { EnumName, EnumValue, Words } from "../text";
import { enumList, H, isWords, readEnum } from "../text";
import { SECTIONS, type SectionKey } from "./settings";
import type { ColumnRead, HeaderKey, ReadOf, RowReader } from "./tables";

export function text(v: CellInput): string {
  return v === null || v === undefined ? "" : String(v);
}

export function blank(v: CellInput): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** A table found on the sheet: its body rows and where each column is (-1: absent). */
export interface FoundTable<C extends PropertyKey> {
  rows: number[];
  col: Record<C, number>;
  /** Every required column was found. */
  ok: boolean;
}

export class PlanCells {
  readonly issues: Issue[] = [];
  private readonly titles = new Map<SectionKey, number>();

  constructor(
    private readonly cells: CellInput[][],
    readonly sheetName: string
  ) {
    for (let r = 0; r < cells.length; r++) {
      const v = this.at(r, 0);
      // A title stands alone in its row (a table row with the same text in column A has more).
      if (!blank(this.at(r, 1))) continue;
      for (const [k, w] of Object.entries(SECTIONS) as [SectionKey, Words][]) {
        if (!this.titles.has(k) && isWords(v, w)) this.titles.set(k, r);
      }
    }
  }

  at(r: number, c: number): CellInput {
    return this.cells[r]?.[c] ?? null;
  }

  /** Where a problem is: the sheet, a 1-based row, a column letter. */
  loc(r: number, c?: number): Pick<Issue, "location"> {
    return {
      location: {
        sheet: this.sheetName,
        row: r + 1,
        column: c === undefined ? undefined : columnLetter(c),
      },
    };
  }

  /** The title row of a section, or null (no issue: for sections a sheet may not have). */
  title(k: SectionKey): number | null {
    return this.titles.get(k) ?? null;
  }

  /** Whether the sheet has a section (for the sections a plan may leave out). */
  has(k: SectionKey): boolean {
    return this.titles.has(k);
  }

  /** The title row of a section, or null with an issue when the sheet has none. */
  need(k: SectionKey): number | null {
    const r = this.titles.get(k);
    if (r === undefined) {
      this.issues.push(
        issue(
          "error",
          "planSectionMissing",
          { section: SECTIONS[k] },
          { location: { sheet: this.sheetName, row: 1 } }
        )
      );
      return null;
    }
    return r;
  }

  private isTitleRow(r: number): boolean {
    for (const row of this.titles.values()) if (row === r) return true;
    return false;
  }

  /** Rows of a table below its header: until a blank row or the next section. */
  bodyRows(headerRow: number, width: number): number[] {
    const out: number[] = [];
    for (let r = headerRow + 1; r < this.cells.length && !this.isTitleRow(r); r++) {
      let any = false;
      for (let c = 0; c < width; c++) if (!blank(this.at(r, c))) any = true;
      if (!any) break;
      out.push(r);
    }
    return out;
  }

  /** A section's table, its columns mapped by their headers (in either language). */
  table<C extends HeaderKey>(
    k: SectionKey,
    cols: readonly C[],
    optional: readonly C[] = []
  ): FoundTable<C> | null {
    const t = this.need(k);
    if (t === null) return null;
    const headerRow = t + 1;
    const col = {} as Record<C, number>;
    let ok = true;
    let width = 0;
    for (let c = 0; c < 64; c++) if (!blank(this.at(headerRow, c))) width = c + 1;
    for (const name of cols) {
      let found = -1;
      for (let c = 0; c < width; c++) if (isWords(this.at(headerRow, c), H[name])) found = c;
      if (found < 0) {
        if (!optional.includes(name)) {
          this.issues.push(
            issue(
              "error",
              "planColumnMissing",
              { section: SECTIONS[k], column: H[name] },
              this.loc(headerRow)
            )
          );
          ok = false;
        }
        col[name] = -1;
      } else col[name] = found;
    }
    return { rows: this.bodyRows(headerRow, width), col, ok };
  }

  /** A number; blank is null when allowed, else an issue (and NaN), as is a word. */
  num(k: SectionKey, r: number, c: number, what: Words, nullable = false): number | null {
    if (c < 0) return nullable ? null : NaN;
    const v = this.at(r, c);
    const reading = readNumber(v);
    if (reading.kind === "number") return reading.value;
    if (reading.kind === "blank") {
      if (nullable) return null;
      this.issues.push(
        issue("error", "planValueMissing", { section: SECTIONS[k], name: what }, this.loc(r, c))
      );
      return NaN;
    }
    this.issues.push(
      issue("error", "planNumberExpected", { section: SECTIONS[k], text: text(v) }, this.loc(r, c))
    );
    return NaN;
  }

  /** An enumeration by its words in either language; an unknown word is an issue, then the fallback. */
  enumeration<E extends EnumName>(
    k: SectionKey,
    e: E,
    r: number,
    c: number,
    fallback: EnumValue<E>
  ): EnumValue<E> {
    const v = this.at(r, c);
    const got = readEnum(e, v);
    if (got !== null) return got;
    this.issues.push(
      issue(
        "error",
        "planEnumUnknown",
        {
          section: SECTIONS[k],
          text: text(v),
          allowed: enumList(e, "en-US").join(", ") + " / " + enumList(e, "zh-CN").join("、"),
        },
        this.loc(r, c)
      )
    );
    return fallback;
  }

  str(r: number, c: number): string {
    return c < 0 ? "" : text(this.at(r, c));
  }

  /** A body row of a found table, each cell read as its column describes. */
  row<Cols extends object>(
    k: SectionKey,
    columns: Cols,
    found: FoundTable<keyof Cols & HeaderKey>,
    r: number
  ): RowReader<Cols> {
    const column = (key: keyof Cols) => found.col[key as keyof Cols & HeaderKey];
    return {
      get: <K extends keyof Cols>(key: K): ReadOf<Cols[K]> => {
        const def = columns[key] as { read: ColumnRead };
        return this.cell(k, def.read, key as HeaderKey, r, column(key)) as ReadOf<Cols[K]>;
      },
      pos: (key) => ({ row: r, column: column(key) }),
      report: (severity, code, params, key) =>
        this.issues.push(issue(severity, code, params, this.loc(r, column(key)))),
    };
  }

  private cell(
    k: SectionKey,
    read: ColumnRead,
    header: HeaderKey,
    r: number,
    c: number
  ): string | number | null {
    if (typeof read === "object")
      return this.enumeration(k, read.enum, r, c, read.fallback as never);
    switch (read) {
      case "key":
        return this.str(r, c).trim();
      case "text":
      case "computed":
        return this.str(r, c);
      case "number":
        return this.num(k, r, c, H[header]);
      case "optionalNumber":
        return this.num(k, r, c, H[header], true);
    }
  }
}

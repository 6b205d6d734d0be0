/**
 * The self-check of a written workbook, pure: which cells of an output sheet to read back (all
 * of them, or for a large sheet every column over a stratified sample of rows), and how what
 * Excel holds compares with the layout the add-in wrote — the engine's value of every cell, and
 * the formula written there. The adapters read the cells; the pane shows the findings.
 *
 * A value agrees when it is the engine's to 1e-9 (relative to its size, so money to far below a
 * cent), text and Booleans exactly, an empty result as empty, and where the engine expects an
 * error by design (an input it cannot read) any error but #NAME? (which says Excel does not know
 * a function: the formula cannot be what the engine computed) — the rule scripts/layout-compare.ts
 * applies to HyperFormula's and LibreOffice's values in the tests.
 */
import type { CellInput } from "../engine/coerce";
import { cell as a1 } from "./a1";
import { isFormula, type Cell, type Scalar, type SheetLayout, type SheetRole } from "./layout";
import { rng } from "./random";

export type FindingKind = "value" | "formula";

/** One cell where Excel and the add-in disagree. */
export interface Finding {
  /** "value": Excel computed another value than the engine; "formula": the formula was changed. */
  kind: FindingKind;
  role: SheetRole;
  /** The sheet's name in the workbook. */
  sheet: string;
  /** 0-based. */
  row: number;
  column: number;
  /** What Excel shows in the cell. */
  excel: CellInput;
  /** The engine's value (an error value such as "#N/A" where the layout expects one). */
  engine: Scalar;
  /** The formula Excel holds ("=…"), or null for a constant. */
  formula: string | null;
  /** The formula the add-in wrote, when the cell's formula is not that one. */
  written?: string | null;
}

export interface SheetCheck {
  role: SheetRole;
  sheet: string;
  /** Rows of the sheet the layout fills, and how many of them were read back. */
  rows: number;
  rowsChecked: number;
  /** Cells compared. */
  cells: number;
  findings: Finding[];
}

/** The self-check of a set of output sheets. */
export interface CheckReport {
  sheets: SheetCheck[];
  /** Output sheets the layout has that the workbook lacks (deleted, or never written). */
  missing: SheetRole[];
  /** Cells still calculating when read (not compared). */
  pending: number;
}

/** Sheets up to this many cells are read back whole; larger ones by a sample of rows. */
export const FULL_CHECK_CELLS = 200_000;
/** Rows sampled from a larger sheet (every column of each). */
export const SAMPLE_ROWS = 600;

/** The cells a sheet layout writes, by position (later blocks win, as written). */
export interface LaidOut {
  rows: number;
  columns: number;
  at(row: number, column: number): Cell | undefined;
}

export function laidOut(sheet: SheetLayout): LaidOut {
  const cells = new Map<number, Map<number, Cell>>();
  let rows = 0;
  let columns = 0;
  for (const b of sheet.blocks) {
    b.cells.forEach((line, i) => {
      let row = cells.get(b.row + i);
      if (!row) cells.set(b.row + i, (row = new Map()));
      line.forEach((c, j) => row!.set(b.column + j, c));
      rows = Math.max(rows, b.row + i + 1);
      columns = Math.max(columns, b.column + line.length);
    });
  }
  return { rows, columns, at: (r, c) => cells.get(r)?.get(c) };
}

/**
 * The rows to read back: every row when `rows × columns` is at most {@link FULL_CHECK_CELLS},
 * else the first and last rows and one row drawn from each of equal strata of the rest.
 */
export function rowsToCheck(rows: number, columns: number, seed = 2024): number[] {
  if (rows * columns <= FULL_CHECK_CELLS || rows <= SAMPLE_ROWS)
    return Array.from({ length: rows }, (_, i) => i);
  const pick = rng(seed);
  const out = new Set<number>([0, rows - 1]);
  const strata = SAMPLE_ROWS - 2;
  const size = (rows - 2) / strata;
  for (let k = 0; k < strata; k++) out.add(1 + Math.floor(k * size + pick() * size));
  return [...out].sort((a, b) => a - b);
}

/** The engine's value a laid-out cell expects Excel to show. */
export function expectedValue(cell: Cell): Scalar {
  if (!isFormula(cell)) return cell;
  return cell.error ?? cell.value;
}

const EMPTY = (v: unknown) => v === null || v === undefined || v === "";

const ERROR_VALUE =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|GETTING_DATA|BUSY!)$/;

/** Whether Excel shows an error value in the cell. */
export function isErrorValue(v: unknown): boolean {
  return typeof v === "string" && ERROR_VALUE.test(v);
}

/** Whether Excel's value is what the laid-out cell expects (see the module comment). */
export function cellAgrees(excel: unknown, cell: Cell): boolean {
  if (isFormula(cell) && cell.error) return isErrorValue(excel) && excel !== "#NAME?";
  return valuesAgree(excel, expectedValue(cell));
}

/** Whether Excel's value is the engine's (see the module comment). */
export function valuesAgree(excel: unknown, engine: Scalar): boolean {
  if (EMPTY(engine)) return EMPTY(excel);
  if (typeof engine === "number") {
    if (typeof excel !== "number") return false;
    return Math.abs(excel - engine) <= 1e-9 * Math.max(1, Math.abs(engine), Math.abs(excel));
  }
  if (typeof engine === "boolean") return excel === engine;
  return typeof excel === "string" && excel === engine;
}

/** Excel's address of a cell ("E12"). */
export function cellName(row: number, column: number): string {
  return a1(row, column);
}

/** One row of a sheet as read back: what Excel shows and the formulas it holds (columns from A). */
export interface ReadRow {
  /** 0-based sheet row. */
  row: number;
  values: CellInput[];
  formulas: unknown[];
}

/** Rows of a sheet as a backend reads them back for the check. */
export interface RowsRead {
  /** The sheet's name, or null when the workbook has no such sheet. */
  sheet: string | null;
  rows: ReadRow[];
  /** Cells still calculating (#BUSY!) after the backend's waits: not compared. */
  pending: number;
}

/**
 * The findings of the rows read back from one sheet. `sameFormula(written, read)` says whether
 * Excel's formula is the one the add-in wrote (the adapter's canonical comparison: sheet names,
 * function names, spacing and case as Excel normalizes them).
 */
export function compareRows(
  layout: LaidOut,
  target: { role: SheetRole; sheet: string },
  read: readonly ReadRow[],
  sameFormula: (written: string, read: string) => boolean
): { cells: number; findings: Finding[] } {
  const findings: Finding[] = [];
  let cells = 0;
  for (const { row, values, formulas } of read) {
    for (let column = 0; column < layout.columns; column++) {
      const cell = layout.at(row, column);
      if (cell === undefined) continue;
      const raw = formulas[column];
      const excel = values[column] ?? null;
      if (excel === "#BUSY!" || excel === "#GETTING_DATA") continue; // still calculating
      cells++;
      const agrees = cellAgrees(excel, cell);
      // text that starts with "=" reads back from `formulas` just like a formula: a constant
      // cell holds a formula only when its value is not that text
      const formula =
        typeof raw === "string" && raw.startsWith("=") && !(raw === excel && !isFormula(cell))
          ? raw
          : null;
      const base = {
        role: target.role,
        sheet: target.sheet,
        row,
        column,
        excel,
        engine: expectedValue(cell),
        formula,
      };
      if (isFormula(cell)) {
        if (formula === null || !sameFormula(cell.formula, formula.slice(1)))
          findings.push({ ...base, kind: "formula", written: `=${cell.formula}` });
        else if (!agrees) findings.push({ ...base, kind: "value" });
      } else if (!agrees)
        findings.push(
          formula !== null
            ? { ...base, kind: "formula", written: null }
            : { ...base, kind: "value" }
        );
    }
  }
  return { cells, findings };
}

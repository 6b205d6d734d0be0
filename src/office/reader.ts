/**
 * Reading the workbook for the engine and the pane. Reads come back in row chunks sized to stay
 * under the response limit, adapting to what the first chunks weigh.
 */
import type { CellInput, CellTable } from "../engine";
import type { RangeRef, SheetRole } from "../workbook/layout";
import { clampBudget, commandBytes, syncEach, type RoundTrip } from "./batch";
import { jsonBytes } from "./cells";
import { officeHost, OfficeError, toOfficeFailure, type Host } from "./host";
import { loadWorkbookState, type WorkbookInventory } from "./workbook";

export interface ReadOptions {
  host?: Host;
  /** Response budget per round trip (default 2 MB, at most 4 MB). */
  chunkBytes?: number;
}

/** A sheet of the add-in (by role) or any sheet (by name). */
export type SheetTarget = SheetRole | { name: string };

/** The add-in's sheets by role, with their names now (only sheets it created and marked). */
export async function addinSheets(
  options: ReadOptions = {}
): Promise<Partial<Record<SheetRole, string>>> {
  const host = options.host ?? officeHost();
  return run(host, async (context) => {
    const state = await loadWorkbookState(context);
    const out: Partial<Record<SheetRole, string>> = {};
    for (const [role, owned] of state.owned) if (owned.mark.state === "ok") out[role] = owned.sheet;
    return out;
  });
}

/** Turn a rejected Excel.run into an {@link OfficeError}. */
export async function run<T>(
  host: Host,
  batch: (context: Excel.RequestContext) => Promise<T>
): Promise<T> {
  try {
    return await host.run(batch);
  } catch (error) {
    if (error instanceof OfficeError) throw error;
    const f = toOfficeFailure(error);
    throw new OfficeError(f.message, f.code, f.debugInfo);
  }
}

export function targetName(state: WorkbookInventory, target: SheetTarget): string | undefined {
  if (typeof target === "object") {
    const found = state.sheets.find((s) => s.name.toUpperCase() === target.name.toUpperCase());
    return found?.name;
  }
  return state.owned.get(target)?.sheet;
}

/**
 * Read a rectangle's values in row chunks: each round trip asks for as many rows as the budget
 * allows at the largest row weight seen so far, and halves its request if Excel still answers
 * ResponsePayloadSizeLimitExceeded. Empty cells come back as null.
 */
export async function readValues(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  area: RangeRef,
  budget: number,
  property: "values" | "numberFormat" = "values"
): Promise<CellInput[][]> {
  const out: CellInput[][] = [];
  if (area.rows <= 0 || area.columns <= 0) return out;
  let next = 0;
  // a first guess; after each chunk, the heaviest row weight seen so far, with a margin
  let bytesPerRow = Math.max(64, area.columns * 24);
  let heaviest = 0;
  await syncEach(context, (): RoundTrip | undefined => {
    if (next >= area.rows) return undefined;
    const rows = Math.max(1, Math.min(area.rows - next, Math.floor(budget / bytesPerRow)));
    const range = sheet
      .getRangeByIndexes(area.row + next, area.column, rows, area.columns)
      .load(property);
    return {
      bytes: commandBytes(),
      done: () => {
        const values = range[property] as unknown[][];
        heaviest = Math.max(heaviest, jsonBytes(values) / rows);
        bytesPerRow = Math.max(16, 1.25 * heaviest);
        for (const row of values) out.push(row.map((v) => (v === "" ? null : (v as CellInput))));
        next += rows;
      },
      failed: (error) => {
        if (toOfficeFailure(error).code !== "ResponsePayloadSizeLimitExceeded" || rows === 1)
          return false;
        bytesPerRow = (2 * budget) / rows;
        return true;
      },
    };
  });
  return out;
}

/** Used range of a sheet (values only) as a rectangle from A1, or null when it is empty. */
async function usedFromA1(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet
): Promise<{ rows: number; columns: number } | null> {
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  await context.sync();
  if (used.isNullObject) return null;
  return { rows: used.rowIndex + used.rowCount, columns: used.columnIndex + used.columnCount };
}

export interface SheetValues {
  name: string;
  /** Values from A1 to the end of the used range; empty cells are null. */
  values: CellInput[][];
  /** 0-based row of the header of the sheet's first table, when it has one. */
  headerRow?: number;
}

/** A sheet's values from A1, and where its table's header is. Null when there is no such sheet. */
export async function readSheet(
  target: SheetTarget,
  options: ReadOptions = {}
): Promise<SheetValues | null> {
  const host = options.host ?? officeHost();
  const budget = clampBudget(options.chunkBytes);
  return run(host, async (context) => {
    const state = await loadWorkbookState(context);
    const name = targetName(state, target);
    if (!name) return null;
    const sheet = context.workbook.worksheets.getItem(name);
    const tables = sheet.tables.load("items/name");
    const used = await usedFromA1(context, sheet);
    let headerRow: number | undefined;
    if (tables.items.length > 0) {
      const header = tables.items[0].getHeaderRowRange();
      header.load("rowIndex");
      await context.sync();
      headerRow = header.rowIndex;
    }
    const values = used
      ? await readValues(
          context,
          sheet,
          { row: 0, column: 0, rows: used.rows, columns: used.columns },
          budget
        )
      : [];
    return { name, values, headerRow };
  });
}

/** The values of a range of a sheet (empty cells null); an empty array when there is no sheet. */
export async function readRange(
  target: SheetTarget,
  area: RangeRef,
  options: ReadOptions = {}
): Promise<CellInput[][]> {
  const host = options.host ?? officeHost();
  const budget = clampBudget(options.chunkBytes);
  return run(host, async (context) => {
    const state = await loadWorkbookState(context);
    const name = targetName(state, target);
    if (!name) return [];
    return readValues(context, context.workbook.worksheets.getItem(name), area, budget);
  });
}

/**
 * A sheet as a table for the engine's readers: the header is the first row of the sheet's table
 * (or `headerRow`, 1-based, or the first used row), the rows follow it, trailing blank rows
 * dropped.
 */
export async function readTable(
  target: SheetTarget,
  options: ReadOptions & { headerRow?: number } = {}
): Promise<CellTable | null> {
  const read = await readSheet(target, options);
  if (!read) return null;
  let header = options.headerRow !== undefined ? options.headerRow - 1 : read.headerRow;
  if (header === undefined) {
    header = read.values.findIndex((row) =>
      row.some((v) => v !== null && v !== undefined && v !== "")
    );
    if (header < 0) header = 0;
  }
  const rows = read.values.slice(header + 1);
  let end = rows.length;
  while (
    end > 0 &&
    rows[end - 1].every(
      (v) => v === null || v === undefined || (typeof v === "string" && v.trim() === "")
    )
  )
    end--;
  return {
    sheet: read.name,
    headerRow: header + 1,
    header: read.values[header] ?? [],
    rows: rows.slice(0, end),
    firstDataRow: header + 2,
    firstColumn: 0,
  };
}

export interface SelectionValues {
  sheet: string;
  /** 0-based top-left of the selection. */
  row: number;
  column: number;
  values: CellInput[][];
}

/** The values of the active sheet's selection (one rectangle; several areas are refused by Excel). */
export async function readSelection(options: ReadOptions = {}): Promise<SelectionValues> {
  const host = options.host ?? officeHost();
  const budget = clampBudget(options.chunkBytes);
  return run(host, async (context) => {
    const range = context.workbook
      .getSelectedRange()
      .load("rowIndex,columnIndex,rowCount,columnCount");
    const sheet = range.worksheet.load("name");
    await context.sync();
    const area = {
      row: range.rowIndex,
      column: range.columnIndex,
      rows: range.rowCount,
      columns: range.columnCount,
    };
    const values = await readValues(
      context,
      context.workbook.worksheets.getItem(sheet.name),
      area,
      budget
    );
    return { sheet: sheet.name, row: area.row, column: area.column, values };
  });
}

/**
 * The number formats of a rectangle of a sheet (by name), in the same chunks as values: how the
 * pane tells a date cell (a serial number formatted as a date) from a number.
 */
export async function readNumberFormats(
  sheetName: string,
  area: RangeRef,
  options: ReadOptions = {}
): Promise<string[][]> {
  const host = options.host ?? officeHost();
  const budget = clampBudget(options.chunkBytes);
  return run(host, async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
    await context.sync();
    if (sheet.isNullObject) return [];
    const formats = await readValues(context, sheet, area, budget, "numberFormat");
    return formats.map((row) => row.map((f) => (typeof f === "string" ? f : "General")));
  });
}

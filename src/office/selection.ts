/**
 * The selection, for the pane: where the active cell is (and on which add-in sheet), going to a
 * cell, and hearing about selection changes.
 */
import type { CellLocation } from "../engine";
import type { SheetRole } from "../workbook/layout";
import { parseColumn } from "./a1";
import { officeHost, OfficeError, toOfficeFailure, type Host } from "./host";
import { loadWorkbookState } from "./workbook";

export interface ActiveCell {
  sheet: string;
  /** The add-in role of that sheet, when it is one of the add-in's sheets. */
  role: SheetRole | null;
  /** 0-based row and column of the active cell. */
  row: number;
  column: number;
}

async function run<T>(
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

/** The active cell (top-left of the selection) and the add-in role of its sheet. */
export async function getActiveCell(host: Host = officeHost()): Promise<ActiveCell> {
  return run(host, async (context) => {
    const cell = context.workbook.getActiveCell().load("rowIndex,columnIndex");
    const sheet = cell.worksheet.load("name");
    const state = await loadWorkbookState(context); // syncs the loads above too
    let role: SheetRole | null = null;
    for (const [r, owned] of state.owned)
      if (owned.sheet.toUpperCase() === sheet.name.toUpperCase()) role = r;
    return { sheet: sheet.name, role, row: cell.rowIndex, column: cell.columnIndex };
  });
}

/** Activate a sheet and select one cell of it ("go to cell" from a located problem). */
export async function goToCell(location: CellLocation, host: Host = officeHost()): Promise<void> {
  const row = Math.max(0, location.row - 1);
  const column = location.column ? parseColumn(location.column) : 0;
  return run(host, async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(location.sheet);
    await context.sync();
    if (sheet.isNullObject)
      throw new OfficeError(`There is no sheet "${location.sheet}".`, "NoSheet");
    sheet.activate();
    sheet.getRangeByIndexes(row, column, 1, 1).select();
    await context.sync();
  });
}

/**
 * Call `callback` with the active cell after every selection change; returns the function that
 * stops listening. Registration is asynchronous: changes before it completes are not reported.
 */
export function onSelectionChanged(
  callback: (cell: ActiveCell) => void,
  host: Host = officeHost()
): () => void {
  let registered: { context: OfficeExtension.ClientRequestContext; remove(): void } | undefined;
  let stopped = false;
  const handler = async () => {
    if (stopped) return;
    try {
      callback(await getActiveCell(host));
    } catch {
      // a selection the add-in cannot describe (several areas, a chart): nothing to report
    }
  };
  run(host, async (context) => {
    const result = context.workbook.onSelectionChanged.add(handler);
    await context.sync();
    registered = result;
    if (stopped) await removeHandler(host, result);
  }).catch(() => {
    // without the event (an old host) the pane simply does not follow the selection
  });
  return () => {
    stopped = true;
    if (registered) void removeHandler(host, registered);
  };
}

async function removeHandler(
  host: Host,
  result: { context: OfficeExtension.ClientRequestContext; remove(): void }
): Promise<void> {
  await host.runIn(result.context, async (context) => {
    result.remove();
    await context.sync();
  });
}

/**
 * The task pane's sheet backend in Excel: the operations src/taskpane/layoutHost.ts builds the
 * pane's WorkbookHost from, done with Office.js. Layouts go through the writer (./writer.ts, which
 * owns the safety rules); reads are small Excel.run calls sized by bytes, never per row or cell.
 */
import type { CellInput } from "../engine/coerce";
import type { CellLocation } from "../engine/issues";
import { HostError, type SettingsStore, type WriteResult } from "../taskpane/host";
import type { ApplyOptions, RawSelection, SheetBackend, SheetRead } from "../taskpane/layoutHost";
import type { RangeRef, SheetRole, WorkbookLayout } from "../workbook/layout";
import { columnLetters, parseColumn } from "./a1";
import { syncEach } from "./batch";
import { officeHost, toOfficeFailure, type Host } from "./host";
import { applyLayout } from "./writer";
import { loadWorkbookState } from "./workbook";

/** About 2 MB of values per round trip (Excel on the web refuses responses over 5 MB). */
const READ_BUDGET_BYTES = 2 * 1024 * 1024;
/** A generous estimate of one cell in a JSON response. */
const BYTES_PER_CELL = 24;

/** What Office.js gives for a cell, as the engine's readers take it ("" is a blank cell). */
export function cellInput(v: unknown): CellInput {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/** Rows per read so that one response stays within the budget. */
export function rowsPerRead(columns: number, budget = READ_BUDGET_BYTES): number {
  return Math.max(1, Math.floor(budget / (Math.max(1, columns) * BYTES_PER_CELL)));
}

function failure(error: unknown): HostError {
  if (error instanceof HostError) return error;
  const f = toOfficeFailure(error);
  return new HostError(f.message, f.code, f.debugInfo);
}

/** Reads rows [first, first + count) × columns [0, columns) of a sheet in byte-sized round trips. */
async function readRows(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  first: number,
  count: number,
  columns: number
): Promise<CellInput[][]> {
  const out: CellInput[][] = [];
  if (count <= 0 || columns <= 0) return out;
  const step = rowsPerRead(columns);
  let next = first;
  await syncEach(context, () => {
    if (next >= first + count) return undefined;
    const n = Math.min(step, first + count - next);
    const read = { range: sheet.getRangeByIndexes(next, 0, n, columns) };
    read.range.load("values");
    next += n;
    return {
      bytes: 200,
      done: () => {
        for (const line of read.range.values as unknown[][]) out.push(line.map(cellInput));
      },
    };
  });
  return out;
}

/** Settings kept in the browser storage of the add-in's origin, mirrored into the document. */
export function officeSettings(): SettingsStore {
  const local = (): Storage | null => {
    try {
      return typeof localStorage === "undefined" ? null : localStorage;
    } catch {
      return null;
    }
  };
  const doc = (): Office.Settings | null => {
    try {
      return Office.context?.document?.settings ?? null;
    } catch {
      return null;
    }
  };
  const prefix = "perf:";
  return {
    get(key) {
      const v = local()?.getItem(prefix + key) ?? doc()?.get(prefix + key);
      return typeof v === "string" ? v : null;
    },
    async set(key, value) {
      local()?.setItem(prefix + key, value);
      const settings = doc();
      if (!settings) return;
      settings.set(prefix + key, value);
      await new Promise<void>((resolve) => settings.saveAsync(() => resolve()));
    },
  };
}

export function officePaneBackend(host: Host = officeHost()): SheetBackend {
  const run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    try {
      return await host.run(batch);
    } catch (e) {
      throw failure(e);
    }
  };

  return {
    kind: "office",
    displayLanguage(): string | undefined {
      try {
        return host.displayLanguage() ?? navigator.language;
      } catch {
        return typeof navigator === "undefined" ? undefined : navigator.language; // outside Office
      }
    },
    isDarkTheme(): boolean {
      try {
        return Boolean(Office.context?.officeTheme?.isDarkTheme);
      } catch {
        return false;
      }
    },
    available(): boolean {
      try {
        return typeof Excel !== "undefined" && Office.context?.host === Office.HostType.Excel;
      } catch {
        return false;
      }
    },
    settings: officeSettings(),

    addinSheets: () =>
      run(async (context) => {
        const state = await loadWorkbookState(context);
        const out: Partial<Record<SheetRole, string>> = {};
        for (const [role, owned] of state.owned)
          if (owned.mark.state === "ok") out[role] = owned.sheet;
        return out;
      }),

    async applyLayout(layout: WorkbookLayout, options: ApplyOptions): Promise<WriteResult> {
      const result = await applyLayout(layout, {
        host,
        rewriteInputs: options.rewriteInputs,
        onProgress: options.onProgress
          ? (p) => options.onProgress!({ done: p.completed, total: p.total, stage: p.sheet })
          : undefined,
        confirmReplace: options.confirmReplace
          ? (name) => options.confirmReplace!(name)
          : undefined,
      });
      if (result.status === "cancelled") return { sheets: [], cancelled: true };
      if (result.status === "failed")
        throw new HostError(result.message, result.error.code, result.error.debugInfo);
      const written = result.sheets.filter((s) => s.action !== "kept");
      const first = written[0] ?? result.sheets[0];
      return {
        sheets: written.map((s) => s.name),
        location: first ? { sheet: first.name, row: 1, column: "A" } : undefined,
      };
    },

    readSheet: (role: SheetRole) =>
      run(async (context): Promise<SheetRead | null> => {
        const state = await loadWorkbookState(context);
        const owned = state.owned.get(role);
        if (!owned) return null;
        const sheet = context.workbook.worksheets.getItem(owned.sheet);
        const used = sheet.getUsedRangeOrNullObject(true);
        used.load("rowIndex,columnIndex,rowCount,columnCount");
        await context.sync();
        if (used.isNullObject) return { name: owned.sheet, values: [] };
        const values = await readRows(
          context,
          sheet,
          0,
          used.rowIndex + used.rowCount,
          used.columnIndex + used.columnCount
        );
        return { name: owned.sheet, values };
      }),

    readRange: (role: SheetRole, r: RangeRef) =>
      run(async (context) => {
        const state = await loadWorkbookState(context);
        const owned = state.owned.get(role);
        if (!owned) return [];
        const sheet = context.workbook.worksheets.getItem(owned.sheet);
        const rows = await readRows(context, sheet, r.row, r.rows, r.column + r.columns);
        return rows.map((line) => line.slice(r.column));
      }),

    readSelection: () =>
      run(async (context) => {
        const range = context.workbook.getSelectedRange();
        range.load("rowIndex,columnIndex,rowCount,columnCount");
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        sheet.load("name");
        await context.sync();
        const at = {
          row: range.rowIndex,
          column: range.columnIndex,
          rows: range.rowCount,
          columns: range.columnCount,
        };
        const rows = await readRows(context, sheet, at.row, at.rows, at.column + at.columns);
        return {
          sheet: sheet.name,
          row: at.row,
          column: at.column,
          values: rows.map((line) => line.slice(at.column)),
        };
      }),

    goToCell: (location: CellLocation) =>
      run(async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(location.sheet);
        await context.sync();
        if (sheet.isNullObject)
          throw new HostError(`There is no sheet named “${location.sheet}”.`, "ItemNotFound");
        sheet.activate();
        const column = location.column ? parseColumn(location.column) : 0;
        sheet.getRange(`${columnLetters(column)}${Math.max(1, location.row)}`).select();
        await context.sync();
      }),

    onSelectionChanged(callback: (selection: RawSelection) => void): () => void {
      let stopped = false;
      const handler = () => {
        void run(async (context) => {
          const range = context.workbook.getSelectedRange();
          range.load("rowIndex,columnIndex");
          const sheet = context.workbook.worksheets.getActiveWorksheet();
          sheet.load("name");
          await context.sync();
          const state = await loadWorkbookState(context);
          if (stopped) return;
          let role: SheetRole | null = null;
          for (const [r, owned] of state.owned) if (owned.sheet === sheet.name) role = r;
          callback({ sheet: sheet.name, role, row: range.rowIndex, column: range.columnIndex });
        }).catch(() => undefined); // a selection we could not read is not worth an error message
      };
      Office.context.document.addHandlerAsync(Office.EventType.DocumentSelectionChanged, handler);
      return () => {
        stopped = true;
        Office.context.document.removeHandlerAsync(Office.EventType.DocumentSelectionChanged, {
          handler,
        });
      };
    },
  };
}

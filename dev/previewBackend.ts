/**
 * The sheet backend of the development preview: the task pane's host operations on the in-browser
 * PreviewWorkbook instead of Excel. Development tooling only.
 */
import type { CellLocation } from "../src/engine";
import type { SettingsStore, WriteResult } from "../src/app/host";
import type { ApplyOptions, RawSelection, SheetBackend, SheetRead } from "../src/app/ports";
import type { RangeRef, SentLayout, SheetRole } from "../src/workbook/layout";
import { unpackLayout } from "../src/workbook/pack";
import { fromHyperFormula, type PreviewWorkbook } from "./workbook/PreviewWorkbook";

/** Settings kept in localStorage (as Office roaming settings keep them for the add-in). */
export function localSettings(prefix = "perf-preview:"): SettingsStore {
  const memory = new Map<string, string>();
  const storage = (): Storage | null => {
    try {
      return typeof localStorage === "undefined" ? null : localStorage;
    } catch {
      return null;
    }
  };
  return {
    get: (key) => storage()?.getItem(prefix + key) ?? memory.get(key) ?? null,
    set: async (key, value) => {
      memory.set(key, value);
      storage()?.setItem(prefix + key, value);
    },
  };
}

/** "AB" → 27 (0-based column index). */
export function columnIndexOf(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export interface PreviewBackendOptions {
  displayLanguage?: string;
  dark?: boolean;
  settings?: SettingsStore;
}

export function previewBackend(
  workbook: PreviewWorkbook,
  options: PreviewBackendOptions = {}
): SheetBackend {
  const settings = options.settings ?? localSettings();
  const sheetOf = (role: SheetRole) => workbook.byRole(role);
  return {
    kind: "preview",
    displayLanguage: () =>
      options.displayLanguage ??
      (typeof navigator === "undefined" ? undefined : navigator.language),
    isDarkTheme: () => Boolean(options.dark),
    available: () => true,
    settings,

    async addinSheets() {
      const out: Partial<Record<SheetRole, string>> = {};
      for (const s of workbook.sheets()) if (s.role) out[s.role] = s.name;
      return out;
    },

    async applyLayout(layout: SentLayout, opts: ApplyOptions): Promise<WriteResult> {
      // HyperFormula takes a sheet's cells at once: the blocks as laid out
      const r = await workbook.applyLayout(unpackLayout(layout), opts);
      if (r.cancelled) return { sheets: [], cancelled: true };
      const written = r.sheets.filter((s) => s.action !== "kept");
      const first = written[0] ?? r.sheets[0];
      return {
        sheets: written.map((s) => s.name),
        location: first ? { sheet: first.name, row: 1, column: "A" } : undefined,
      };
    },

    async readSheet(role: SheetRole): Promise<SheetRead | null> {
      const s = sheetOf(role);
      if (!s) return null;
      const table = s.tables[0];
      return {
        name: s.name,
        values: workbook.values(s.id),
        headerRow: table ? table.range.row : undefined,
      };
    },

    async readRange(role: SheetRole, range: RangeRef) {
      const s = sheetOf(role);
      if (!s) return [];
      return workbook.values(s.id, range);
    },

    async numberFormats(sheetName: string, range: RangeRef) {
      const s = workbook.byName(sheetName);
      if (!s) return [];
      return Array.from({ length: range.rows }, (_, r) =>
        Array.from(
          { length: range.columns },
          (_, c) => workbook.cell(s.id, range.row + r, range.column + c).format ?? "General"
        )
      );
    },

    async readSelection() {
      const sel = workbook.selection;
      const row = Math.min(sel.row, sel.row2);
      const column = Math.min(sel.column, sel.column2);
      const range = {
        row,
        column,
        rows: Math.abs(sel.row2 - sel.row) + 1,
        columns: Math.abs(sel.column2 - sel.column) + 1,
      };
      return {
        sheet: workbook.sheet(sel.sheet).name,
        row,
        column,
        values: workbook.values(sel.sheet, range),
      };
    },

    async goToCell(location: CellLocation) {
      const s = workbook.byName(location.sheet);
      if (!s) throw new Error(`There is no sheet named “${location.sheet}”.`);
      const column = location.column ? columnIndexOf(location.column) : 0;
      workbook.select({
        sheet: s.id,
        row: location.row - 1,
        column,
        row2: location.row - 1,
        column2: column,
      });
    },

    onSelectionChanged(callback: (s: RawSelection) => void) {
      return workbook.onSelection((sel) => {
        const m = workbook.sheet(sel.sheet);
        callback({ sheet: m.name, role: m.role, row: sel.row, column: sel.column });
      });
    },

    // ---- issue 12: HyperFormula calculates at once, and a browser downloads files itself
    async readRowsForCheck(role: SheetRole, rows: readonly number[], columns: number) {
      const s = sheetOf(role);
      if (!s) return { sheet: null, rows: [], pending: 0 };
      return {
        sheet: s.name,
        pending: 0,
        rows: rows.map((row) => {
          const cells = Array.from({ length: columns }, (_, c) => workbook.cell(s.id, row, c));
          return {
            row,
            values: cells.map((c) => c.error ?? c.value),
            formulas: cells.map((c) => (c.formula ? fromHyperFormula(c.formula) : (c.value ?? ""))),
          };
        }),
      };
    },

    dynamicArrays: async () => true,
  };
}

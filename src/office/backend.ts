/**
 * The task pane's sheet backend in Excel: `createLayoutHost(createOfficeBackend(), layouts)`
 * gives the pane its WorkbookHost (src/app/layoutHost.ts). Everything here delegates to the
 * adapter's functions; this file only translates between the pane's vocabulary and theirs.
 */
import type { SettingsStore, WriteResult } from "../app/host";
import type { ApplyOptions, RawSelection, SheetBackend } from "../app/ports";
import type { SentLayout } from "../workbook/layout";
import { officeHost, OfficeError, REQUIREMENTS, type Host } from "./host";
import { probeDynamicArrays } from "./arrays";
import { readRowsForCheck } from "./check";
import { addinSheets, readNumberFormats, readRange, readSelection, readSheet } from "./reader";
import { goToCell, onSelectionChanged } from "./selection";
import { applyLayout } from "./writer";

/** Office.context.document.settings as the pane's settings store (saved with the workbook). */
export function documentSettings(): SettingsStore {
  const settings = () =>
    typeof Office === "undefined" ? undefined : Office.context?.document?.settings;
  return {
    get(key) {
      const v = settings()?.get(key) as unknown;
      return typeof v === "string" ? v : null;
    },
    set(key, value) {
      const s = settings();
      if (!s) return Promise.resolve();
      s.set(key, value);
      return new Promise((resolve, reject) =>
        s.saveAsync((result) =>
          result.status === Office.AsyncResultStatus.Failed
            ? reject(new OfficeError(result.error.message, "SettingsNotSaved"))
            : resolve()
        )
      );
    },
  };
}

/** Office's theme background is dark. */
function darkTheme(): boolean {
  const color =
    typeof Office === "undefined" ? undefined : Office.context?.officeTheme?.bodyBackgroundColor;
  const m = color ? /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color) : null;
  if (!m) return false;
  const [r, g, b] = m.slice(1).map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

/**
 * The pane's `SheetBackend` over Office.js. Failures reject with an {@link OfficeError} whose
 * message is in the layout's language and whose `code` is Excel's error code; a cancel (the user
 * chose to stop when asked about an edited sheet) resolves with `cancelled`.
 */
export function createOfficeBackend(
  host: Host = officeHost(),
  settings: SettingsStore = documentSettings()
): SheetBackend {
  return {
    kind: "office",
    displayLanguage: () => host.displayLanguage(),
    isDarkTheme: darkTheme,
    available: () => {
      try {
        return host.isSetSupported("ExcelApi", REQUIREMENTS.core);
      } catch {
        return false; // no Office (the page opened in a plain browser)
      }
    },
    settings,

    addinSheets: () => addinSheets({ host }),

    async applyLayout(layout: SentLayout, options: ApplyOptions): Promise<WriteResult> {
      const result = await applyLayout(layout, {
        host,
        rewriteInputs: options.rewriteInputs,
        confirmReplace: options.confirmReplace,
        signal: options.signal,
        onProgress: (p) =>
          options.onProgress?.({ done: p.completed, total: p.total, stage: p.sheet }),
      });
      if (result.status === "failed")
        throw new OfficeError(result.message, result.error.code, result.error.debugInfo);
      if (result.status === "cancelled") return { sheets: [], cancelled: true };
      const first =
        result.sheets.find((s) => s.action !== "kept" && s.action !== "unchanged") ??
        result.sheets[0];
      return {
        sheets: result.sheets.map((s) => s.name),
        location: first ? { sheet: first.name, row: 1, column: "A" } : undefined,
      };
    },

    async readSheet(role) {
      const read = await readSheet(role, { host });
      return read ? { name: read.name, values: read.values, headerRow: read.headerRow } : null;
    },

    readRange: (role, range) => readRange(role, range, { host }),

    numberFormats: (sheet, range) => readNumberFormats(sheet, range, { host }),

    readSelection: () => readSelection({ host }),

    goToCell: (location) => goToCell(location, host),

    onSelectionChanged(callback: (selection: RawSelection) => void): () => void {
      return onSelectionChanged(
        (cell) =>
          callback({ sheet: cell.sheet, role: cell.role, row: cell.row, column: cell.column }),
        host
      );
    },

    // ---- issue 12 ---------------------------------------------------------------------------
    readRowsForCheck: (role, rows, columns) => readRowsForCheck(role, rows, columns, { host }),

    platform: () =>
      typeof Office === "undefined" ? undefined : String(Office.context?.diagnostics?.platform),

    openBrowserWindow(url: string): boolean {
      // the system browser saves files the webview of Excel for Mac cannot (office-js #2700, #3662)
      if (!host.isSetSupported("OpenBrowserWindowApi", "1.1")) return false;
      Office.context.ui.openBrowserWindow(url);
      return true;
    },

    dynamicArrays: () => probeDynamicArrays(host),
  };
}

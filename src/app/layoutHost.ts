/**
 * The task pane's `WorkbookHost`, once, over any sheet backend: Excel (src/office) or the browser
 * preview (dev/). What the pane's operations mean — which layout a step writes, where the Data
 * sheet's table starts, how imported rows are laid out, which salesperson a selected row is — is
 * decided here, so Excel and the preview cannot differ in it. Nothing here calls Office.
 */
import { IDENTITY_HEADERS, columnLetter, normalizeHeader } from "../engine";
import type { Compatibility } from "../compat/requirements";
import { parsePeriodKey, parsePeriodLabel } from "../engine/periods";
import type { SheetRole } from "../workbook/layout";
import type { SelectionInfo, WorkbookHost, WorkbookState } from "./host";
import { importOperations, inputOperations } from "./inputSheets";
import { closeOperations, outputOperations } from "./outputSheets";
import { letterOperations } from "./letterSheets";
import type { LayoutBuilders, SheetBackend } from "./ports";
import type { Compute } from "./compute";
import { inThreadCompute } from "./inThread";
import { tasksOver } from "./tasks";

export interface LayoutHostOptions {
  /** What the host supports (Excel: src/compat's detectCompatibility, asked after Office.onReady). */
  compatibility?: () => Compatibility | null;
  /**
   * Where the layouts of an import and of a run's outputs are built: the pane's worker in the
   * browser (which builds src/workbook's layouts, ./layouts.ts), or in the pane's thread over
   * `layouts` (the default).
   */
  compute?: Compute;
}

/** The WorkbookHost over a backend and the layouts. */
export function createLayoutHost(
  backend: SheetBackend,
  layouts: LayoutBuilders,
  options: LayoutHostOptions = {}
): WorkbookHost {
  const compute = options.compute ?? inThreadCompute(tasksOver(layouts));
  return {
    kind: backend.kind,
    displayLanguage() {
      try {
        return backend.displayLanguage();
      } catch {
        return undefined; // outside Office (a plain browser) there is no display language
      }
    },
    isDarkTheme: () => backend.isDarkTheme(),
    available: () => backend.available(),
    compatibility: () => options.compatibility?.() ?? null,
    settings: backend.settings,

    async inspect(): Promise<WorkbookState> {
      const sheets = await backend.addinSheets();
      return { sheets, language: layouts.languageOf(sheets) };
    },
    goToCell: (location) => backend.goToCell(location),
    platform: () => backend.platform?.(),
    openBrowserWindow: (url) => backend.openBrowserWindow?.(url) ?? false,
    dynamicArrays: () => backend.dynamicArrays?.() ?? Promise.resolve(undefined),
    onSelectionChanged: (callback) => selectionEvents(backend, callback),
    ...inputOperations(backend, layouts),
    ...importOperations(backend, layouts, compute),
    ...outputOperations(backend, layouts, compute),
    ...closeOperations(backend, layouts),
    ...letterOperations(backend, layouts, compute),
  };
}

/** WorkbookHost.onSelectionChanged: where the selection is and, on an output sheet, whose row. */
function selectionEvents(
  backend: SheetBackend,
  callback: (selection: SelectionInfo) => void
): () => void {
  let latest = 0;
  return backend.onSelectionChanged((sel) => {
    const ticket = ++latest;
    const info: SelectionInfo = {
      sheet: sel.sheet,
      role: sel.role,
      row: sel.row + 1,
      column: columnLetter(sel.column),
      subject: null,
    };
    if (sel.role !== "scorecard" && sel.role !== "statements") {
      callback(info);
      return;
    }
    void subjectAt(backend, sel.role, sel.row).then(
      (subject) => ticket === latest && callback({ ...info, subject }),
      () => ticket === latest && callback(info)
    );
  });
}

const ID_HEADERS = new Set([IDENTITY_HEADERS.id.en, IDENTITY_HEADERS.id.zh].map(normalizeHeader));
const PERIOD_HEADERS = new Set(
  [
    IDENTITY_HEADERS.period.en,
    IDENTITY_HEADERS.period.zh,
    "Evaluation period",
    "考核期间",
    "期间",
    // zh-CN sheets show the period's label (2024年第一季度) under 考核期, the key far right
    "考核期",
  ].map(normalizeHeader)
);

/** The salesperson and period of a row of an output sheet, by its id and period columns. */
async function subjectAt(
  backend: SheetBackend,
  role: SheetRole,
  row: number
): Promise<{ id: string; period: string } | null> {
  const head = await backend.readRange(role, {
    row: 0,
    column: 0,
    rows: Math.min(row + 1, 12),
    columns: 40,
  });
  for (let h = head.length - 1; h >= 0; h--) {
    const names = head[h].map((c) =>
      normalizeHeader(c === null || c === undefined ? "" : String(c))
    );
    const idCol = names.findIndex((n) => ID_HEADERS.has(n));
    const periodCol = names.findIndex((n) => PERIOD_HEADERS.has(n));
    if (idCol < 0 || periodCol < 0 || h >= row) continue;
    const [line] = await backend.readRange(role, {
      row,
      column: 0,
      rows: 1,
      columns: Math.max(idCol, periodCol) + 1,
    });
    const id = line?.[idCol];
    const period = line?.[periodCol];
    if (
      id === null ||
      id === undefined ||
      String(id).trim() === "" ||
      period === null ||
      period === undefined
    )
      return null;
    const text = String(period).trim();
    return {
      id: String(id).trim(),
      period: parsePeriodKey(text) ? text : (parsePeriodLabel(text) ?? text),
    };
  }
  return null;
}

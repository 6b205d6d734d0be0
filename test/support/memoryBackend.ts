/**
 * A sheet backend that keeps the sheets the pane writes in memory, for the pane's long-task
 * bench (bench/pane, bench/taskpane.bench.ts) and the component tests of progress and Cancel —
 * never part of the add-in. Excel does its work in its own process; the browser preview's
 * HyperFormula workbook would do it on the pane's thread and be measured with it. So this backend
 * stores what it is given and answers reads in slices of rows, awaiting between them the way
 * Excel's requests are awaited: what the bench measures on the pane's thread is the pane's own
 * work. Like the writer, a write is all or nothing: a Cancel (options.signal) before its sheets
 * are stored leaves the workbook as it was. A sheet's blocks are kept as the layout gave them:
 * a layout from the pane's worker has its large blocks packed (src/workbook/pack.ts), bytes
 * outside the JavaScript heap, as Excel keeps its cells outside the pane's — millions of cells
 * kept as objects here would be the pane's to garbage-collect, which in Excel they are not.
 */
import type { CellInput, CellLocation } from "../../src/engine";
import type { SettingsStore, WriteResult } from "../../src/app/host";
import type { ApplyOptions, SheetBackend, SheetRead } from "../../src/app/ports";
import { blockReader, gridSize } from "../../src/office/content";
import {
  blockRowCount,
  isFormula,
  type Cell,
  type RangeRef,
  type SentLayout,
  type SentSheet,
  type SheetLayout,
  type SheetRole,
} from "../../src/workbook/layout";

/** Rows handled between two awaits (an Excel request of a few thousand rows)… */
const SLICE = 2000;
/** …or fewer: an await once this many milliseconds have passed (a wide sheet's rows). */
const BUSY_MS = 8;

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Pauses (an await, as for an Excel request) once BUSY_MS have passed since the last. */
function pacer(): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < BUSY_MS) return undefined;
    return pause().then(() => void (since = performance.now()));
  };
}

/**
 * A sheet's cells as the layout gave them: its blocks, packed or not (a packed block's rows stay
 * bytes, outside the JavaScript heap, as Excel keeps its cells outside the pane's). A row is
 * made from the blocks when it is read (later blocks win where blocks overlap, as written).
 */
class StoredCells {
  readonly rows: number;
  readonly cols: number;
  private readonly blocks: { row: number; column: number; n: number; at: BlockRow }[];

  constructor(sheet: SentSheet) {
    ({ rows: this.rows, cols: this.cols } = gridSize(sheet));
    this.blocks = sheet.blocks.map((b) => ({
      row: b.row,
      column: b.column,
      n: blockRowCount(b),
      at: blockReader(b),
    }));
  }

  /** Row `r` (empty beyond the sheet). */
  line(r: number): readonly (Cell | undefined)[] {
    if (r < 0 || r >= this.rows) return [];
    const out = new Array<Cell | undefined>(this.cols);
    for (const b of this.blocks) {
      const i = r - b.row;
      if (i < 0 || i >= b.n) continue;
      const cells = b.at(i) ?? [];
      for (let j = 0; j < cells.length; j++) out[b.column + j] = cells[j];
    }
    return out;
  }
}

type BlockRow = ReturnType<typeof blockReader>;

interface StoredSheet {
  name: string;
  role: SheetRole;
  kind: SheetLayout["kind"];
  cells: StoredCells;
  headerRow?: number;
}

export interface MemoryBackend extends SheetBackend {
  /** Sheets by name, in the order written. */
  sheets: Map<string, StoredSheet>;
  /** Layouts applied, in order (sheet names and roles). */
  writes: { role: SheetRole; name: string; rows: number }[];
}

function settingsStore(): SettingsStore {
  const values = new Map<string, string>();
  return {
    get: (key) => values.get(key) ?? null,
    set: async (key, value) => void values.set(key, value),
  };
}

function valueOf(c: Cell | null | undefined): CellInput {
  if (c === undefined) return null;
  if (isFormula(c)) return c.error ?? c.value;
  return c;
}

async function values(cells: StoredCells, range?: RangeRef): Promise<CellInput[][]> {
  const first = range?.row ?? 0;
  const last = range ? Math.min(cells.rows, range.row + range.rows) : cells.rows;
  const width = range ? range.columns : cells.cols;
  const column = range?.column ?? 0;
  const out: CellInput[][] = [];
  const pace = pacer();
  for (let r = first; r < last; r++) {
    const line = cells.line(r);
    const row: CellInput[] = new Array<CellInput>(width);
    for (let c = 0; c < width; c++) row[c] = valueOf(line[column + c]);
    out.push(row);
    if ((r - first) % SLICE === SLICE - 1) await pause();
    else await pace();
  }
  return out;
}

export function memoryBackend(displayLanguage = "en-US"): MemoryBackend {
  const sheets = new Map<string, StoredSheet>();
  const writes: MemoryBackend["writes"] = [];
  const byRole = (role: SheetRole) => [...sheets.values()].find((s) => s.role === role);
  return {
    kind: "preview",
    sheets,
    writes,
    displayLanguage: () => displayLanguage,
    isDarkTheme: () => false,
    available: () => true,
    settings: settingsStore(),

    async addinSheets() {
      const out: Partial<Record<SheetRole, string>> = {};
      for (const s of sheets.values()) out[s.role] = s.name;
      return out;
    },

    async applyLayout(layout: SentLayout, options: ApplyOptions): Promise<WriteResult> {
      const staged: StoredSheet[] = [];
      for (const sheet of layout.sheets) {
        const there = byRole(sheet.role);
        const keep =
          there && sheet.kind === "input" && !options.rewriteInputs?.includes(sheet.role);
        if (keep) continue;
        const cells = new StoredCells(sheet);
        await pause(); // a request to Excel
        const table = sheet.tables[0];
        staged.push({
          name: there?.name ?? sheet.name,
          role: sheet.role,
          kind: sheet.kind,
          cells,
          headerRow: table ? table.range.row : undefined,
        });
        options.onProgress?.({
          done: staged.length,
          total: layout.sheets.length,
          stage: sheet.name,
        });
        // Cancel before the sheets are in place: nothing was changed
        if (options.signal?.aborted) return { sheets: [], cancelled: true };
      }
      const written: string[] = [];
      for (const s of staged) {
        const there = byRole(s.role);
        if (there) sheets.delete(there.name);
        sheets.set(s.name, s);
        writes.push({ role: s.role, name: s.name, rows: s.cells.rows });
        written.push(s.name);
      }
      return {
        sheets: written,
        location: written[0] ? { sheet: written[0], row: 1, column: "A" } : undefined,
      };
    },

    async readSheet(role: SheetRole): Promise<SheetRead | null> {
      const s = byRole(role);
      if (!s) return null;
      return { name: s.name, values: await values(s.cells), headerRow: s.headerRow };
    },

    async readRange(role: SheetRole, range: RangeRef) {
      const s = byRole(role);
      return s ? values(s.cells, range) : [];
    },

    async readSelection() {
      return { sheet: "Sheet1", row: 0, column: 0, values: [] };
    },

    async goToCell(_location: CellLocation) {},

    onSelectionChanged: () => () => {},

    // a perfectly calculating Excel: each formula shows the value the engine gave it
    async readRowsForCheck(role: SheetRole, rows: readonly number[], columns: number) {
      const s = byRole(role);
      if (!s) return { sheet: null, rows: [], pending: 0 };
      const out = [];
      const pace = pacer();
      for (let k = 0; k < rows.length; k++) {
        const line = s.cells.line(rows[k]);
        const cells = Array.from({ length: columns }, (_, c) => line[c]);
        out.push({
          row: rows[k],
          values: cells.map(valueOf),
          formulas: cells.map((c) =>
            c === undefined ? "" : isFormula(c) ? `=${c.formula}` : (c ?? "")
          ),
        });
        if (k % SLICE === SLICE - 1) await pause();
        else await pace();
      }
      return { sheet: s.name, rows: out, pending: 0 };
    },

    dynamicArrays: async () => true,
  };
}

/**
 * An in-browser workbook for the development preview: sheets of cells whose formulas HyperFormula
 * (GPL-3.0 — development tooling only, never in the shipped add-in) evaluates, plus what a grid
 * needs to show them as Excel would (number formats, styles, merges, widths, charts).
 *
 * It applies the same `WorkbookLayout`s the add-in writes into Excel, with Excel's rules for what
 * the add-in may touch: it writes only sheets it created (remembered by role), replaces them in
 * place, asks before replacing one the user edited (or writes a new sheet next to it), writes text
 * as text (a name that starts with "=" never becomes a formula), and makes sheet names valid.
 */
import {
  HyperFormula,
  DetailedCellError,
  type RawCellContent,
  type SimpleCellAddress,
} from "hyperformula";
import type {
  Cell,
  ChartSpec,
  ColumnSpec,
  DefinedNameSpec,
  RangeRef,
  Scalar,
  SheetLayout,
  SheetRole,
  StyleSpec,
  TableSpec,
  ValidationSpec,
  WorkbookLayout,
} from "../../src/workbook/layout";
import type { ReplaceChoice } from "../../src/app/host";
import { isFormula } from "../../src/workbook/layout";
import * as PERF from "../../src/functions/functions";
import { installExcelRounding } from "./excelFunctions";
import { installPerfFunctions } from "./perfFunctions";
import { formatNumber } from "./numberFormat";

export type CellValue = number | string | boolean | null;

export interface SheetMeta {
  id: number;
  name: string;
  /** The add-in's role for this sheet; null for a sheet the user made. */
  role: SheetRole | null;
  kind: SheetLayout["kind"] | null;
  /** The user changed a cell since the add-in last wrote the sheet. */
  edited: boolean;
  columns: ColumnSpec[];
  styles: StyleSpec[];
  merges: RangeRef[];
  charts: ChartSpec[];
  tables: TableSpec[];
  validations: ValidationSpec[];
  dataBars: { range: RangeRef; color: string }[];
  freeze?: { rows: number; columns: number };
  tabColor?: string;
  /** Number format codes by "row,column". */
  formats: Map<string, string>;
  /** Heights in points of the rows the layout sets (SheetLayout.rowHeights). */
  rowHeights: Map<number, number>;
  /** Rows a printed page starts at (the print setup's page breaks), drawn as Excel's page-break line. */
  pageBreaks: Set<number>;
}

export interface Selection {
  sheet: number;
  row: number;
  column: number;
  /** The other corner of a range selection (equal to row/column for a single cell). */
  row2: number;
  column2: number;
}

export interface PreviewApplyOptions {
  onProgress?: (p: { done: number; total: number; stage?: string }) => void;
  /** An edited add-in sheet: replace it, keep it and write a new one beside it, or stop. Default "new". */
  confirmReplace?: (sheetName: string) => Promise<ReplaceChoice>;
  /** Input sheets (Plan, Data, Feedback) to rewrite although they exist; others that exist are kept. */
  rewriteInputs?: SheetRole[];
}

export type PreviewSheetAction = "created" | "replaced" | "kept" | "createdAlongside";

export interface PreviewApplyResult {
  /** Every layout sheet, in layout order, by its actual name, and what happened to it. */
  sheets: { role: SheetRole; name: string; id: number; action: PreviewSheetAction }[];
  /** The user stopped when asked about an edited sheet: nothing was written. */
  cancelled: boolean;
}

export interface CellView {
  value: CellValue;
  /** An Excel error value ("#DIV/0!") when the formula yields one. */
  error: string | null;
  /** The formula with its "=", when the cell holds one. */
  formula: string | null;
  format: string | null;
  /** The text a grid shows. */
  text: string;
}

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/g;

/** A valid Excel sheet name (31 characters, none of []:*?/\, not blank, no leading/trailing '). */
export function validSheetName(name: string): string {
  const clean = name
    .replace(INVALID_SHEET_CHARS, "_")
    .replace(/^'+|'+$/g, "")
    .trim();
  return (clean || "Sheet").slice(0, 31);
}

function key(row: number, column: number): string {
  return `${row},${column}`;
}

/** Quotes bare non-ASCII sheet names before "!" (Excel accepts 方案!A1; HyperFormula needs '方案'!A1). */
export function quoteSheetNames(formula: string, names: readonly string[]): string {
  let out = formula;
  for (const name of names) {
    if (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name)) continue;
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    out = out.replace(
      new RegExp(`(^|[^'A-Za-z0-9_\\u0080-\\uffff])(${escaped})!`, "g"),
      (_, before: string) => `${before}'${name.replace(/'/g, "''")}'!`
    );
  }
  return out;
}

/**
 * A layout formula as HyperFormula takes it: sheet names quoted, and a bare TRUE/FALSE written
 * TRUE()/FALSE() (HyperFormula has them only as functions), outside string literals.
 */
export function toHyperFormula(formula: string, sheetNames: readonly string[]): string {
  const parts = formula.replace(/^=/, "").split('"');
  for (let i = 0; i < parts.length; i += 2) {
    parts[i] = quoteSheetNames(parts[i], sheetNames).replace(
      /(^|[^A-Za-z0-9_.'])(TRUE|FALSE)(?![A-Za-z0-9_.(!'])/gi,
      (_, b: string, v: string) => `${b}${v.toUpperCase()}()`
    );
  }
  return "=" + parts.join('"');
}

/** A formula as Excel would show it, from HyperFormula's text (TRUE() back to TRUE). */
export function fromHyperFormula(formula: string): string {
  const parts = formula.split('"');
  for (let i = 0; i < parts.length; i += 2)
    parts[i] = parts[i].replace(
      /(^|[^A-Za-z0-9_.'])(TRUE|FALSE)\(\)/gi,
      (_, b: string, v: string) => `${b}${v.toUpperCase()}`
    );
  return parts.join('"');
}

export class PreviewWorkbook {
  readonly hf: HyperFormula;
  private readonly meta = new Map<number, SheetMeta>();
  private order: number[] = [];
  private listeners = new Set<() => void>();
  private selectionListeners = new Set<(s: Selection) => void>();
  private activeId: number;
  private sel: Selection;
  /** Bumped on every change, so views can re-render. */
  version = 0;

  constructor(firstSheet = "Sheet1") {
    installExcelRounding();
    installPerfFunctions(PERF as unknown as Record<string, unknown>);
    this.hf = HyperFormula.buildEmpty({
      licenseKey: "gpl-v3",
      useArrayArithmetic: true,
      // HyperFormula's smartRounding rounds results to about 10 decimals; Excel keeps the double
      smartRounding: false,
    });
    this.activeId = this.addSheet(firstSheet, null, null).id;
    this.sel = { sheet: this.activeId, row: 0, column: 0, row2: 0, column2: 0 };
  }

  // ---- sheets ---------------------------------------------------------------------------------

  sheets(): SheetMeta[] {
    return this.order.map((id) => this.meta.get(id)!);
  }

  sheet(id: number): SheetMeta {
    const m = this.meta.get(id);
    if (!m) throw new Error(`no sheet ${id}`);
    return m;
  }

  byName(name: string): SheetMeta | undefined {
    const k = name.toLowerCase();
    return this.sheets().find((s) => s.name.toLowerCase() === k);
  }

  byRole(role: SheetRole): SheetMeta | undefined {
    return this.sheets().find((s) => s.role === role);
  }

  private uniqueName(wanted: string): string {
    const base = validSheetName(wanted);
    if (!this.byName(base)) return base;
    for (let n = 2; ; n++) {
      const suffix = ` (${n})`;
      const candidate = base.slice(0, 31 - suffix.length) + suffix;
      if (!this.byName(candidate)) return candidate;
    }
  }

  private addSheet(
    name: string,
    role: SheetRole | null,
    kind: SheetLayout["kind"] | null
  ): SheetMeta {
    const actual = this.hf.addSheet(this.uniqueName(name));
    const id = this.hf.getSheetId(actual)!;
    const m: SheetMeta = {
      id,
      name: actual,
      role,
      kind,
      edited: false,
      columns: [],
      styles: [],
      merges: [],
      charts: [],
      tables: [],
      validations: [],
      dataBars: [],
      formats: new Map(),
      rowHeights: new Map(),
      pageBreaks: new Set(),
    };
    this.meta.set(id, m);
    this.order.push(id);
    return m;
  }

  /** A sheet the user adds (e.g. to paste an export and import the selection). */
  addUserSheet(name: string): SheetMeta {
    const m = this.addSheet(name, null, null);
    this.changed();
    return m;
  }

  get active(): number {
    return this.activeId;
  }

  activate(id: number): void {
    if (!this.meta.has(id) || id === this.activeId) return;
    this.activeId = id;
    this.select({ sheet: id, row: 0, column: 0, row2: 0, column2: 0 });
    this.changed();
  }

  // ---- selection ------------------------------------------------------------------------------

  get selection(): Selection {
    return this.sel;
  }

  select(s: Selection): void {
    this.sel = s;
    if (s.sheet !== this.activeId) this.activeId = s.sheet;
    for (const l of this.selectionListeners) l(s);
    this.changed();
  }

  onSelection(listener: (s: Selection) => void): () => void {
    this.selectionListeners.add(listener);
    return () => this.selectionListeners.delete(listener);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }

  // ---- cells ----------------------------------------------------------------------------------

  private content(c: Cell): RawCellContent {
    if (isFormula(c))
      return toHyperFormula(
        c.formula,
        this.sheets().map((s) => s.name)
      );
    if (typeof c === "string") return c === "" ? null : "'" + c; // text stays text, whatever it starts with
    return c;
  }

  dimensions(id: number): { rows: number; columns: number } {
    const d = this.hf.getSheetDimensions(id);
    return { rows: d.height, columns: d.width };
  }

  cell(id: number, row: number, column: number): CellView {
    const address: SimpleCellAddress = { sheet: id, row, col: column };
    const raw = this.hf.getCellValue(address);
    const formula = this.hf.doesCellHaveFormula(address)
      ? (this.hf.getCellFormula(address) ?? null)
      : null;
    const format =
      this.sheet(id).formats.get(key(row, column)) ??
      this.sheet(id).columns[column]?.numberFormat ??
      null;
    if (raw instanceof DetailedCellError)
      return { value: null, error: raw.value, formula, format, text: raw.value };
    const value = raw as CellValue;
    let text: string;
    if (value === null || value === undefined) text = "";
    else if (typeof value === "number")
      text = format === "@" ? String(value) : formatNumber(value, format);
    else if (typeof value === "boolean") text = value ? "TRUE" : "FALSE";
    else text = String(value);
    return { value: value ?? null, error: null, formula, format, text };
  }

  /** Values of a range as readers see them (Office.js `values`): errors as their text, blanks as null. */
  values(id: number, range?: RangeRef): CellValue[][] {
    const d = this.dimensions(id);
    const r = range ?? { row: 0, column: 0, rows: d.rows, columns: d.columns };
    const out: CellValue[][] = [];
    for (let i = 0; i < r.rows; i++) {
      const line: CellValue[] = [];
      for (let j = 0; j < r.columns; j++) {
        const c = this.cell(id, r.row + i, r.column + j);
        line.push(c.error ?? c.value);
      }
      out.push(line);
    }
    return out;
  }

  /** What a user typed into a cell: "=…" is a formula, a number is a number, anything else is text. */
  enter(id: number, row: number, column: number, typed: string): void {
    const t = typed.trim();
    let content: RawCellContent;
    if (t === "") content = null;
    else if (t.startsWith("="))
      content = toHyperFormula(
        t,
        this.sheets().map((s) => s.name)
      );
    else if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) content = Number(t);
    else if (/^(true|false)$/i.test(t)) content = /^true$/i.test(t);
    else content = "'" + typed;
    this.hf.setCellContents({ sheet: id, row, col: column }, content);
    this.sheet(id).edited = true;
    this.changed();
  }

  /** The add-in writes plain values (text as text) from a cell; this is not a user edit. */
  writeValues(
    id: number,
    row: number,
    column: number,
    values: Scalar[][],
    formats?: (string | null)[]
  ): void {
    if (values.length === 0) return;
    this.hf.setCellContents(
      { sheet: id, row, col: column },
      values.map((line) => line.map((c) => this.content(c)))
    );
    if (formats) {
      const m = this.sheet(id);
      for (let i = 0; i < values.length; i++)
        formats.forEach((f, j) => f && m.formats.set(key(row + i, column + j), f));
    }
    this.changed();
  }

  /** Clears rows from `fromRow` down (the add-in replacing its data rows). */
  clearRows(id: number, fromRow: number): void {
    const d = this.dimensions(id);
    if (d.rows > fromRow && d.columns > 0) {
      this.hf.setCellContents(
        { sheet: id, row: fromRow, col: 0 },
        Array.from({ length: d.rows - fromRow }, () =>
          new Array<RawCellContent>(d.columns).fill(null)
        )
      );
    }
    this.changed();
  }

  /** Text a grid shows for a cell, with its number format. */
  display(id: number, row: number, column: number): string {
    return this.cell(id, row, column).text;
  }

  // ---- layouts --------------------------------------------------------------------------------

  /**
   * Writes a layout: each sheet replaces the add-in's sheet of the same role (asking first if the
   * user edited it), or is added. Names are (re)defined after every sheet exists.
   */
  async applyLayout(
    layout: WorkbookLayout,
    options: PreviewApplyOptions = {}
  ): Promise<PreviewApplyResult> {
    type Decision = {
      layout: SheetLayout;
      action: PreviewSheetAction;
      target?: SheetMeta;
      choice?: ReplaceChoice;
    };
    // 1. decide for every sheet before writing anything (a "cancel" changes nothing)
    const decisions: Decision[] = [];
    for (const s of layout.sheets) {
      const owned = this.byRole(s.role);
      if (!owned) decisions.push({ layout: s, action: "created" });
      else if (s.kind === "input" && !options.rewriteInputs?.includes(s.role))
        decisions.push({ layout: s, action: "kept", target: owned });
      else if (owned.edited) {
        const choice = options.confirmReplace ? await options.confirmReplace(owned.name) : "new";
        if (choice === "cancel") return { sheets: [], cancelled: true };
        decisions.push({
          layout: s,
          action: choice === "replace" ? "replaced" : "createdAlongside",
          target: owned,
          choice,
        });
      } else decisions.push({ layout: s, action: "replaced", target: owned });
    }
    // 2. the target sheets; an edited sheet the user keeps becomes theirs
    const targets: SheetMeta[] = decisions.map((d) => {
      if (d.action === "kept" || d.action === "replaced") return d.target!;
      if (d.action === "createdAlongside") {
        d.target!.role = null;
        d.target!.kind = null;
      }
      return this.addSheet(d.layout.name, d.layout.role, d.layout.kind);
    });
    // formulas name the layout's sheets; point them at the sheets actually written (or kept)
    const renames = new Map<string, string>();
    decisions.forEach((d, i) => {
      if (d.layout.name !== targets[i].name) renames.set(d.layout.name, targets[i].name);
    });
    const rename = (f: string) => {
      let out = f;
      for (const [from, to] of renames)
        out = out.split(`'${from.replace(/'/g, "''")}'!`).join(`'${to.replace(/'/g, "''")}'!`);
      return out;
    };
    const total = decisions.reduce(
      (n, d) =>
        n +
        (d.action === "kept"
          ? 0
          : d.layout.blocks.reduce((m, b) => m + b.cells.length * (b.cells[0]?.length ?? 0), 0)),
      0
    );
    let done = 0;
    // 3. write each sheet; a pause between sheets lets the pane show its progress
    for (let i = 0; i < decisions.length; i++) {
      const d = decisions[i];
      const s = d.layout;
      const m = targets[i];
      if (d.action === "kept") continue;
      options.onProgress?.({ done, total, stage: m.name });
      await new Promise((r) => setTimeout(r, 0));
      this.hf.batch(() => {
        this.hf.clearSheet(m.id);
        for (const b of s.blocks) {
          if (b.cells.length === 0) continue;
          this.hf.setCellContents(
            { sheet: m.id, row: b.row, col: b.column },
            b.cells.map((line) =>
              line.map((c) => this.content(isFormula(c) ? { ...c, formula: rename(c.formula) } : c))
            )
          );
        }
      });
      m.role = s.role;
      m.kind = s.kind;
      m.edited = false;
      m.columns = s.columns;
      m.styles = s.styles;
      m.merges = s.merges;
      m.charts = s.charts;
      m.tables = s.tables;
      m.validations = s.validations;
      m.dataBars = s.dataBars ?? [];
      m.freeze = s.freeze;
      m.tabColor = s.tabColor;
      m.rowHeights = new Map();
      for (const h of s.rowHeights ?? [])
        for (let r = h.row; r < h.row + h.rows; r++) m.rowHeights.set(r, h.points);
      m.pageBreaks = new Set(s.print?.rowBreaks ?? []);
      m.formats = new Map();
      for (const b of s.blocks) {
        const nf = b.numberFormats;
        done += b.cells.length * (b.cells[0]?.length ?? 0);
        if (!nf) continue;
        b.cells.forEach((line, r) =>
          line.forEach((_, c) => {
            const f = Array.isArray(nf[0])
              ? (nf as (string | null)[][])[r]?.[c]
              : (nf as (string | null)[])[c];
            if (f) m.formats.set(key(b.row + r, b.column + c), f);
          })
        );
      }
      for (const n of s.names) this.defineName({ ...n, ref: rename(n.ref) });
    }
    options.onProgress?.({ done: total, total });
    const shown = decisions.findIndex((d) => d.action !== "kept");
    if (shown >= 0) this.activate(targets[shown].id);
    this.changed();
    return {
      sheets: decisions.map((d, i) => ({
        role: d.layout.role,
        name: targets[i].name,
        id: targets[i].id,
        action: d.action,
      })),
      cancelled: false,
    };
  }

  private defineName(n: DefinedNameSpec): void {
    const expression =
      "=" +
      quoteSheetNames(
        n.ref.replace(/^=/, ""),
        this.sheets().map((s) => s.name)
      );
    if (this.hf.getNamedExpression(n.name)) this.hf.changeNamedExpression(n.name, expression);
    else this.hf.addNamedExpression(n.name, expression);
  }

  // ---- styles -------------------------------------------------------------------------------

  /** The styles that apply to a cell, last one winning per property. */
  styleAt(id: number, row: number, column: number): Omit<StyleSpec, "range"> {
    const out: Omit<StyleSpec, "range"> = {};
    for (const s of this.sheet(id).styles) {
      const r = s.range;
      if (
        row >= r.row &&
        row < r.row + r.rows &&
        column >= r.column &&
        column < r.column + r.columns
      ) {
        const { range: _range, ...rest } = s;
        Object.assign(out, rest);
      }
    }
    return out;
  }

  /** The merge a cell starts (with its span), or "covered" when another merge covers it. */
  mergeAt(id: number, row: number, column: number): RangeRef | "covered" | null {
    for (const m of this.sheet(id).merges) {
      if (m.row === row && m.column === column) return m;
      if (
        row >= m.row &&
        row < m.row + m.rows &&
        column >= m.column &&
        column < m.column + m.columns
      )
        return "covered";
    }
    return null;
  }
}

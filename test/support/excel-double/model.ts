/**
 * The Excel double's workbook: sheets of cells, names, tables, charts, validation, print setup,
 * with Excel's rules where they catch real bugs (sheet names, typed-input conversion, formulas
 * that follow sheet renames and turn into #REF! when a sheet is deleted, table header rules).
 * Tests act as the user through the same model (typing into cells, renaming sheets).
 */
import { functionCalls } from "../../../src/functions/names";
import { Calculation, registeredNames, unregisteredCalls } from "./calculation";
import {
  MAX_COLS,
  MAX_ROWS,
  formatAddress,
  parseAddress,
  parseEntry,
  sheetPrefix,
  tokenizeFormula,
  type Rect,
} from "./parse";

export class DoubleError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    location?: string
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message, errorLocation: location };
  }
}

export type Scalar = string | number | boolean;
type FormulaPart = string | { sheet: SheetModel };

export interface CellModel {
  /** Constant value (text, number, Boolean, or an error literal as text). */
  value?: Scalar;
  isError?: boolean;
  /** Formula, with sheet references bound to sheets so that renames follow. */
  formula?: FormulaPart[];
  /** The text was entered with Excel's text prefix (an apostrophe). */
  prefixed?: boolean;
  numberFormat?: string;
  style?: Record<string, unknown>;
  /** A formula's value as last calculated (./calculation.ts). */
  result?: Scalar;
}

export interface ValidationModel {
  rect: Rect;
  rule?: unknown;
  /** A list rule's source formula, bound to its sheets like a cell formula. */
  source?: FormulaPart[];
  prompt?: unknown;
  errorAlert?: unknown;
}

export interface ChartModel {
  name: string;
  type: string;
  title: string;
  series: {
    name: string;
    values: { sheet: SheetModel; rect: Rect };
    xValues?: { sheet: SheetModel; rect: Rect };
  }[];
  position?: { start: string; end?: string };
}

export interface PageModel {
  orientation?: string;
  paperSize?: string;
  zoom?: unknown;
  printArea?: Rect;
  titleRows?: Rect;
  rowBreaks: number[];
}

let nextSheetId = 1;

export class SheetModel {
  readonly id = `{sheet-${nextSheetId++}}`;
  deleted = false;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  tabColor = "";
  cells = new Map<number, Map<number, CellModel>>();
  colWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  colHidden = new Set<number>();
  /** Outline level of each grouped column (Range.group by columns adds one, ungroup takes one). */
  colOutline = new Map<number, number>();
  colFormats = new Map<number, string>();
  freeze = { rows: 0, cols: 0 };
  merges: Rect[] = [];
  validations: ValidationModel[] = [];
  charts: ChartModel[] = [];
  conditionalFormats: { rect: Rect; type: string; fillColor?: string }[] = [];
  page: PageModel = { rowBreaks: [] };
  /** Values spilled by dynamic-array formulas into cells that hold nothing, by "row,column". */
  spilled = new Map<string, Scalar>();
  constructor(public name: string) {}

  cell(row: number, col: number, create: true): CellModel;
  cell(row: number, col: number, create?: false): CellModel | undefined;
  cell(row: number, col: number, create = false): CellModel | undefined {
    let r = this.cells.get(row);
    if (!r) {
      if (!create) return undefined;
      r = new Map();
      this.cells.set(row, r);
    }
    let c = r.get(col);
    if (!c && create) {
      c = {};
      r.set(col, c);
    }
    return c;
  }

  /** Existing cells inside `rect`, without visiting empty space (whole columns are 1M rows). */
  *cellsIn(rect: Rect): Generator<[number, number, CellModel]> {
    for (const [r, row] of this.cells) {
      if (r < rect.row || r >= rect.row + rect.rows) continue;
      for (const [c, cell] of row)
        if (c >= rect.col && c < rect.col + rect.cols) yield [r, c, cell];
    }
  }

  numberFormatAt(row: number, col: number): string {
    return this.cell(row, col)?.numberFormat ?? this.colFormats.get(col) ?? "General";
  }
}

export interface NameModel {
  name: string;
  scope: SheetModel | null;
  /** A range reference (follows its sheet) or a constant formula such as ="text". */
  range?: { sheet: SheetModel; rect: Rect };
  formula?: string;
  comment: string;
  visible: boolean;
}

export interface TableModel {
  name: string;
  sheet: SheetModel;
  rect: Rect;
  style: string;
}

const FORBIDDEN = /[[\]:*?/\\]/;
let nextTable = 1;

export class WorkbookModel {
  sheets: SheetModel[] = [];
  names = new Map<string, NameModel>();
  tables: TableModel[] = [];
  active!: SheetModel;
  selection!: { sheet: SheetModel; rect: Rect };
  /** Formulas that referred to a sheet that did not exist when they were written. */
  brokenReferences: string[] = [];
  /** Sheets a freeze on an inactive sheet reported as activated (office-js #3148). */
  activations: string[] = [];
  /** Handlers of the workbook's selection-changed event. */
  selectionListeners = new Set<(args: unknown) => Promise<unknown>>();
  /** What formula cells return from `values` when nothing calculated them. */
  evaluate: (sheet: SheetModel, row: number, col: number) => Scalar = () => 0;
  /** Recalculation, its cost, and (with an evaluator) the values of formulas. */
  readonly calculation = new Calculation(this);
  /** The PERF functions as Excel registered them (upper-case name → id); set by the host. */
  registered: () => Map<string, string> = () => registeredNames("en-US");

  constructor(firstSheet = "Sheet1") {
    const s = this.addSheet(firstSheet);
    this.active = s;
    this.selection = { sheet: s, rect: { row: 0, col: 0, rows: 1, cols: 1 } };
  }

  // ---- sheets --------------------------------------------------------------------------------

  live(): SheetModel[] {
    return this.sheets.filter((s) => !s.deleted);
  }

  findSheet(name: string): SheetModel | undefined {
    const key = name.toUpperCase();
    return this.live().find((s) => s.name.toUpperCase() === key || s.id === name);
  }

  checkSheetName(name: string, except?: SheetModel): void {
    if (typeof name !== "string" || name.length === 0 || name.length > 31)
      throw new DoubleError("InvalidArgument", `Sheet name "${name}" must be 1-31 characters.`);
    if (FORBIDDEN.test(name))
      throw new DoubleError(
        "InvalidArgument",
        `Sheet name "${name}" contains a forbidden character.`
      );
    if (name.startsWith("'") || name.endsWith("'"))
      throw new DoubleError(
        "InvalidArgument",
        `Sheet name "${name}" begins or ends with an apostrophe.`
      );
    if (name.toUpperCase() === "HISTORY")
      throw new DoubleError("InvalidArgument", `"History" is reserved.`);
    const other = this.findSheet(name);
    if (other && other !== except)
      throw new DoubleError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
  }

  addSheet(name?: string): SheetModel {
    let n = name;
    if (n === undefined) {
      let i = this.live().length + 1;
      while (this.findSheet(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    this.checkSheetName(n);
    const s = new SheetModel(n);
    this.sheets.push(s);
    return s;
  }

  renameSheet(sheet: SheetModel, name: string): void {
    this.checkSheetName(name, sheet);
    sheet.name = name; // formulas and names hold the sheet itself, so they follow
  }

  setVisibility(sheet: SheetModel, visibility: SheetModel["visibility"]): void {
    if (
      visibility !== "Visible" &&
      sheet.visibility === "Visible" &&
      this.live().filter((s) => s.visibility === "Visible").length === 1
    ) {
      throw new DoubleError("InvalidOperation", "A workbook must keep at least one visible sheet.");
    }
    sheet.visibility = visibility;
    if (visibility !== "Visible" && this.active === sheet)
      this.active = this.live().find((s) => s.visibility === "Visible")!;
  }

  deleteSheet(sheet: SheetModel): void {
    const visible = this.live().filter((s) => s.visibility === "Visible");
    if (this.live().length === 1 || (sheet.visibility === "Visible" && visible.length === 1)) {
      throw new DoubleError("InvalidOperation", "The last visible sheet cannot be deleted.");
    }
    sheet.deleted = true;
    this.tables = this.tables.filter((t) => t.sheet !== sheet);
    for (const [k, n] of this.names) if (n.scope === sheet) this.names.delete(k);
    if (this.active === sheet) this.active = this.live().find((s) => s.visibility === "Visible")!;
    if (this.selection.sheet === sheet)
      this.selection = { sheet: this.active, rect: { row: 0, col: 0, rows: 1, cols: 1 } };
  }

  position(sheet: SheetModel): number {
    return this.live().indexOf(sheet);
  }

  // ---- cells ---------------------------------------------------------------------------------

  /** Store one element of a values/formulas array the way Excel does. */
  enter(sheet: SheetModel, row: number, col: number, input: unknown): void {
    let entry;
    try {
      entry = parseEntry(input, sheet.numberFormatAt(row, col) === "@");
    } catch (e) {
      throw new DoubleError(
        "InvalidArgument",
        `${formatAddress({ row, col, rows: 1, cols: 1 })}: ${(e as Error).message}`
      );
    }
    if (entry.kind === "skip") return;
    this.calculation.changed(sheet);
    if (entry.kind === "empty") {
      const c = sheet.cell(row, col);
      if (c) {
        delete c.value;
        delete c.formula;
        delete c.prefixed;
        delete c.isError;
        delete c.result;
      }
      return;
    }
    const c = sheet.cell(row, col, true);
    delete c.formula;
    delete c.prefixed;
    delete c.isError;
    delete c.result;
    switch (entry.kind) {
      case "text":
        if (entry.text.length > 32767)
          throw new DoubleError("InvalidArgument", "Text longer than 32,767 characters.");
        c.value = entry.text;
        if (entry.prefixed) c.prefixed = true;
        break;
      case "number":
      case "boolean":
        c.value = entry.value;
        break;
      case "error":
        c.value = entry.value;
        c.isError = true;
        break;
      case "formula":
        delete c.value;
        c.formula = this.bindFormula(entry.text);
        break;
    }
  }

  bindFormula(text: string): FormulaPart[] {
    if (text.length > 8192)
      throw new DoubleError("InvalidArgument", "Formula longer than 8,192 characters.");
    let tokens;
    try {
      tokens = tokenizeFormula(text);
    } catch (e) {
      throw new DoubleError(
        "InvalidArgument",
        `Formula "=${text}" is not valid: ${(e as Error).message}`
      );
    }
    return tokens.map((t) => {
      if ("text" in t) return t.text;
      const sheet = this.findSheet(t.sheet);
      if (!sheet) {
        this.brokenReferences.push(`=${text}`);
        return "#REF!";
      }
      return { sheet };
    });
  }

  renderFormula(parts: FormulaPart[]): string {
    return (
      "=" +
      parts
        .map((p) =>
          typeof p === "string" ? p : p.sheet.deleted ? "#REF!" : sheetPrefix(p.sheet.name)
        )
        .join("")
    );
  }

  /** What `Range.formulas` returns for a cell. */
  formulaAt(sheet: SheetModel, row: number, col: number): Scalar {
    const c = sheet.cell(row, col);
    if (!c) return "";
    if (c.formula) return this.renderFormula(c.formula);
    return c.value ?? "";
  }

  /**
   * What `Range.values` returns for a cell: a formula's value as last calculated (#NAME? when it
   * calls a PERF function by a name Excel did not register), a spilled value, or the constant.
   */
  valueAt(sheet: SheetModel, row: number, col: number): Scalar {
    const c = sheet.cell(row, col);
    if (!c || (c.value === undefined && !c.formula))
      return sheet.spilled.get(`${row},${col}`) ?? "";
    if (c.formula) {
      if (c.result !== undefined) return c.result;
      if (unregisteredCalls(this.renderFormula(c.formula), this.registered())) return "#NAME?";
      return this.evaluate(sheet, row, col);
    }
    return c.value ?? "";
  }

  /** Whether a cell's formula calls a PERF function (by any name). */
  callsFunctions(sheet: SheetModel, row: number, col: number): boolean {
    const c = sheet.cell(row, col);
    return !!c?.formula && functionCalls(this.renderFormula(c.formula)).length > 0;
  }

  clear(sheet: SheetModel, rect: Rect, applyTo: string): void {
    const contents = applyTo === "All" || applyTo === "Contents";
    const formats = applyTo === "All" || applyTo === "Formats";
    if (contents) this.calculation.changed(sheet);
    for (const [r, c, cell] of [...sheet.cellsIn(rect)]) {
      if (contents) {
        delete cell.value;
        delete cell.formula;
        delete cell.prefixed;
        delete cell.isError;
        delete cell.result;
      }
      if (formats) {
        delete cell.numberFormat;
        delete cell.style;
      }
      if (
        cell.value === undefined &&
        cell.formula === undefined &&
        cell.numberFormat === undefined &&
        cell.style === undefined
      )
        sheet.cells.get(r)!.delete(c);
    }
    if (formats && rect.row === 0 && rect.rows === MAX_ROWS) {
      for (let c = rect.col; c < rect.col + rect.cols && c < MAX_COLS; c++)
        sheet.colFormats.delete(c);
    }
  }

  usedRange(sheet: SheetModel, valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [r, row] of sheet.cells) {
      for (const [c, cell] of row) {
        const has =
          cell.value !== undefined ||
          cell.formula !== undefined ||
          (!valuesOnly && (cell.numberFormat !== undefined || cell.style !== undefined));
        if (!has) continue;
        r0 = Math.min(r0, r);
        c0 = Math.min(c0, c);
        r1 = Math.max(r1, r);
        c1 = Math.max(c1, c);
      }
    }
    if (r1 < 0) return null;
    return { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  setNumberFormat(sheet: SheetModel, rect: Rect, formats: unknown): void {
    if (!Array.isArray(formats) || !Array.isArray(formats[0]))
      throw new DoubleError("InvalidArgument", "numberFormat must be a two-dimensional array.");
    const grid = formats as unknown[][];
    const broadcast = grid.length === 1 && grid[0].length === 1;
    if (!broadcast && (grid.length !== rect.rows || grid.some((r) => r.length !== rect.cols))) {
      throw new DoubleError(
        "InvalidArgument",
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range."
      );
    }
    if (broadcast && rect.row === 0 && rect.rows === MAX_ROWS) {
      const fmt = grid[0][0];
      if (typeof fmt !== "string") return;
      for (let c = rect.col; c < rect.col + rect.cols; c++) sheet.colFormats.set(c, fmt);
      for (const [, , cell] of sheet.cellsIn(rect)) cell.numberFormat = fmt;
      return;
    }
    if (rect.rows * rect.cols > 5_000_000)
      throw new DoubleError("RangeExceedsLimit", "Too many cells.");
    for (let i = 0; i < rect.rows; i++) {
      for (let j = 0; j < rect.cols; j++) {
        const fmt = broadcast ? grid[0][0] : grid[i][j];
        if (fmt === null || fmt === undefined) continue;
        if (typeof fmt !== "string")
          throw new DoubleError("InvalidArgument", "Number formats are strings.");
        sheet.cell(rect.row + i, rect.col + j, true).numberFormat = fmt;
      }
    }
  }

  setStyle(sheet: SheetModel, rect: Rect, key: string, value: unknown): void {
    if (rect.rows * rect.cols > 5_000_000)
      throw new DoubleError("RangeExceedsLimit", "Too many cells.");
    for (let i = 0; i < rect.rows; i++) {
      for (let j = 0; j < rect.cols; j++) {
        const c = sheet.cell(rect.row + i, rect.col + j, true);
        c.style = { ...(c.style ?? {}), [key]: value };
      }
    }
  }

  /** Range.copyFrom(source, "All") to the same position (what the adapter uses). */
  copy(
    from: { sheet: SheetModel; rect: Rect },
    to: { sheet: SheetModel; rect: Rect },
    copyType: string
  ): void {
    if (copyType !== "All")
      throw new DoubleError("NotImplemented", "The double copies with copyType All only.");
    if (from.rect.row !== to.rect.row || from.rect.col !== to.rect.col) {
      throw new DoubleError(
        "NotImplemented",
        "The double copies to the same position only (relative references would move)."
      );
    }
    this.clear(to.sheet, from.rect, "All");
    for (const [r, c, cell] of [...from.sheet.cellsIn(from.rect)]) {
      const copy: CellModel = { ...cell, formula: cell.formula ? [...cell.formula] : undefined };
      if (copy.formula === undefined) delete copy.formula;
      if (cell.style) copy.style = { ...cell.style };
      let row = to.sheet.cells.get(r);
      if (!row) {
        row = new Map();
        to.sheet.cells.set(r, row);
      }
      row.set(c, copy);
    }
  }

  /** The user selects cells; the workbook's selection handlers are called afterwards. */
  select(sheetName: string, address: string): void {
    const sheet = this.mustFindSheet(sheetName);
    this.active = sheet;
    this.selection = { sheet, rect: parseAddress(address) };
    this.fireSelection();
  }

  fireSelection(): void {
    for (const h of this.selectionListeners) setTimeout(() => void h({ workbook: {} }), 0);
  }

  // ---- names and tables ------------------------------------------------------------------------

  checkName(name: string): void {
    if (
      !/^[A-Za-z_\\\u00c0-\uffff][A-Za-z0-9_.\\\u00c0-\uffff]*$/.test(name) ||
      /^[A-Za-z]{1,3}\d+$/.test(name) ||
      /^[RC]$/i.test(name) ||
      name.length > 255
    ) {
      throw new DoubleError("InvalidArgument", `"${name}" is not a valid name.`);
    }
  }

  addName(
    name: string,
    reference: { sheet: SheetModel; rect: Rect } | string,
    comment: string,
    scope: SheetModel | null = null
  ): NameModel {
    this.checkName(name);
    if (comment.length > 255)
      throw new DoubleError("InvalidArgument", "A name's comment is limited to 255 characters.");
    const key = (scope ? scope.id + "!" : "") + name.toUpperCase();
    if (
      this.names.has(key) ||
      (!scope && this.tables.some((t) => t.name.toUpperCase() === name.toUpperCase()))
    ) {
      throw new DoubleError("ItemAlreadyExists", `The name "${name}" already exists.`);
    }
    const model: NameModel = { name, scope, comment, visible: true };
    if (typeof reference === "string") {
      const text = reference.startsWith("=") ? reference.slice(1) : reference;
      const m =
        /^(?:'((?:[^']|'')+)'|([^!'"]+))!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)$/.exec(
          text
        );
      if (m) {
        const sheetName = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
        const sheet = this.findSheet(sheetName);
        if (!sheet)
          throw new DoubleError("InvalidArgument", `The reference ${reference} names no sheet.`);
        model.range = { sheet, rect: parseAddress(m[3]) };
      } else {
        model.formula = `=${text}`;
      }
    } else {
      model.range = reference;
    }
    this.names.set(key, model);
    return model;
  }

  nameType(n: NameModel): string {
    if (n.range) return n.range.sheet.deleted ? "Error" : "Range";
    const f = n.formula ?? "";
    if (/^="([^"]|"")*"$/.test(f)) return "String";
    if (/^=[+-]?\d+(\.\d+)?$/.test(f)) return "Double";
    return "Error";
  }

  nameValue(n: NameModel): unknown {
    if (n.range)
      return n.range.sheet.deleted
        ? "#REF!"
        : `${sheetPrefix(n.range.sheet.name)}${formatAddress(n.range.rect, true)}`;
    const f = n.formula ?? "";
    if (/^="([^"]|"")*"$/.test(f)) return f.slice(2, -1).replace(/""/g, '"');
    return f.slice(1);
  }

  findTable(name: string): TableModel | undefined {
    return this.tables.find((t) => t.name.toUpperCase() === name.toUpperCase());
  }

  addTable(sheet: SheetModel, rect: Rect, hasHeaders: boolean): TableModel {
    if (rect.rows < (hasHeaders ? 2 : 1) && hasHeaders)
      throw new DoubleError("InvalidArgument", "A table with headers needs at least two rows.");
    const overlaps = (a: Rect, b: Rect) =>
      a.row < b.row + b.rows &&
      b.row < a.row + a.rows &&
      a.col < b.col + b.cols &&
      b.col < a.col + a.cols;
    if (this.tables.some((t) => t.sheet === sheet && overlaps(t.rect, rect)))
      throw new DoubleError("InvalidArgument", "Tables can't overlap other tables.");
    if (sheet.merges.some((m) => overlaps(m, rect)))
      throw new DoubleError("InvalidOperation", "Tables can't contain merged cells.");
    if (hasHeaders) {
      // Excel makes header cells unique, non-empty, constant text
      const seen = new Set<string>();
      for (let j = 0; j < rect.cols; j++) {
        const cell = sheet.cell(rect.row, rect.col + j);
        let text = cell?.formula
          ? String(this.evaluate(sheet, rect.row, rect.col + j))
          : cell?.value === undefined
            ? ""
            : String(cell.value);
        if (text === "") text = `Column${j + 1}`;
        let unique = text;
        for (let k = 2; seen.has(unique.toUpperCase()); k++) unique = `${text}${k}`;
        seen.add(unique.toUpperCase());
        const target = sheet.cell(rect.row, rect.col + j, true);
        if (target.formula || target.value !== unique) {
          delete target.formula;
          target.value = unique;
        }
      }
    }
    let name = `Table${nextTable++}`;
    while (this.findTable(name)) name = `Table${nextTable++}`;
    const t: TableModel = { name, sheet, rect, style: "TableStyleMedium2" };
    this.tables.push(t);
    return t;
  }

  renameTable(t: TableModel, name: string): void {
    this.checkName(name);
    const clash = this.findTable(name);
    if ((clash && clash !== t) || this.names.has(name.toUpperCase()))
      throw new DoubleError("ItemAlreadyExists", `The name "${name}" is already used.`);
    t.name = name;
  }

  // ---- the user ------------------------------------------------------------------------------

  /** Type into cells as a user would (same conversion rules as the API). */
  type(sheetName: string, address: string, rows: unknown[][]): void {
    const sheet = this.mustFindSheet(sheetName);
    const rect = parseAddress(address);
    rows.forEach((row, i) =>
      row.forEach((v, j) => this.enter(sheet, rect.row + i, rect.col + j, v))
    );
    this.calculation.run("automatic"); // Excel calculates automatically after typing
  }

  mustFindSheet(name: string): SheetModel {
    const s = this.findSheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** The formula or value of one cell, as `Range.formulas` would return it. */
  read(sheetName: string, address: string): Scalar {
    const sheet = this.mustFindSheet(sheetName);
    const r = parseAddress(address);
    return this.formulaAt(sheet, r.row, r.col);
  }

  // ---- snapshots ------------------------------------------------------------------------------

  /** A deterministic picture of sheets (all, or those named) and of workbook names and tables. */
  snapshot(only?: string[]): unknown {
    const wanted = only ? new Set(only.map((n) => n.toUpperCase())) : undefined;
    const sheets = this.live()
      .filter((s) => !wanted || wanted.has(s.name.toUpperCase()))
      .map((s) => this.sheetSnapshot(s));
    const names = [...this.names.values()]
      .map((n) => ({
        name: n.name,
        scope: n.scope ? n.scope.name : null,
        refersTo: n.range ? this.nameValue(n) : n.formula,
        comment: n.comment,
        visible: n.visible,
      }))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    const tables = this.tables
      .map((t) => ({
        name: t.name,
        sheet: t.sheet.name,
        range: formatAddress(t.rect),
        style: t.style,
      }))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    return only ? { sheets } : { sheets, names, tables };
  }

  sheetSnapshot(s: SheetModel): unknown {
    const cells: Record<string, unknown> = {};
    const rows = [...s.cells.keys()].sort((a, b) => a - b);
    for (const r of rows) {
      const row = s.cells.get(r)!;
      for (const c of [...row.keys()].sort((a, b) => a - b)) {
        const cell = row.get(c)!;
        const out: Record<string, unknown> = {};
        if (cell.formula) out.f = this.renderFormula(cell.formula);
        if (cell.value !== undefined) out.v = cell.value;
        if (cell.prefixed) out.prefixed = true;
        if (cell.numberFormat !== undefined) out.nf = cell.numberFormat;
        if (cell.style) out.style = cell.style;
        if (Object.keys(out).length > 0)
          cells[formatAddress({ row: r, col: c, rows: 1, cols: 1 })] = out;
      }
    }
    const sorted = <T>(m: Map<number, T>) => [...m.entries()].sort((a, b) => a[0] - b[0]);
    return {
      name: s.name,
      visibility: s.visibility,
      position: this.position(s),
      tabColor: s.tabColor,
      cells,
      colWidths: sorted(s.colWidths),
      rowHeights: sorted(s.rowHeights),
      colHidden: [...s.colHidden].sort((a, b) => a - b),
      colOutline: sorted(s.colOutline),
      colFormats: sorted(s.colFormats),
      freeze: s.freeze,
      merges: s.merges.map((m) => formatAddress(m)),
      conditionalFormats: s.conditionalFormats.map((c) => ({
        range: formatAddress(c.rect),
        type: c.type,
        fillColor: c.fillColor,
      })),
      validations: s.validations.map((v) => ({
        range: formatAddress(v.rect),
        rule: v.source
          ? { list: { ...(v.rule as { list: object }).list, source: this.renderFormula(v.source) } }
          : v.rule,
        prompt: v.prompt,
        errorAlert: v.errorAlert,
      })),
      charts: s.charts.map((c) => ({
        name: c.name,
        type: c.type,
        title: c.title,
        position: c.position,
        series: c.series.map((x) => ({
          name: x.name,
          values: formatAddress(x.values.rect),
          x: x.xValues ? formatAddress(x.xValues.rect) : undefined,
        })),
      })),
      page: {
        ...s.page,
        printArea: s.page.printArea ? formatAddress(s.page.printArea) : undefined,
        titleRows: s.page.titleRows ? formatAddress(s.page.titleRows) : undefined,
      },
    };
  }
}

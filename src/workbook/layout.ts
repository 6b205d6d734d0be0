/**
 * Workbook layouts as data: what the add-in writes, described without any Office call, so the
 * layouts are built and tested in Node and applied by one writer per target (Office.js in Excel,
 * exceljs for .xlsx files, the in-browser preview workbook).
 *
 * Coordinates are 0-based (row, column) within a sheet. Formulas are A1-style, en-US function
 * names and comma separators (Office.js `formulas` and exceljs both take that form), written
 * without the leading "=" and only from the common set every target evaluates
 * (shared/TOOLCHAIN.md): SUMPRODUCT, INDEX/MATCH, VLOOKUP, IF, IFERROR, AND/OR, MIN, MAX, ROUND,
 * SUM, SUMIFS, COUNTIFS, AVERAGEIFS, ABS — or PERF.* when the user chose that style.
 */

/** A plain value: text is always written as text (never interpreted as a formula). */
export type Scalar = number | string | boolean | null;

/** A formula and the engine's value for it, which the writer stores as the cached result. */
export interface FormulaCell {
  formula: string;
  value: Scalar;
  /**
   * Set when the formula yields an Excel error by design (an input that cannot be read, a score
   * that cannot be computed): the cached result is this error value and `value` is null.
   */
  error?: "#N/A" | "#VALUE!" | "#DIV/0!" | "#NUM!" | "#REF!";
}

export type Cell = Scalar | FormulaCell;

export function isFormula(c: Cell): c is FormulaCell {
  return typeof c === "object" && c !== null;
}

/** A rectangular block of cells written in one go. */
export interface Block {
  row: number;
  column: number;
  cells: Cell[][];
  /** Number format codes per column of the block (null = General), or one per cell. */
  numberFormats?: (string | null)[] | (string | null)[][];
}

/**
 * A block's rows packed as text, for a layout that crosses from the pane's worker to the pane
 * (./pack.ts): a block of 10,000 rows is millions of small objects (rows, formula cells) that
 * the pane would hold, young, from the moment they arrive until they are written — and each
 * minor garbage collection of its thread would copy them. Packed, they are a few hundred byte
 * arrays (UTF-8 JSON: outside the JavaScript heap, and each crosses as a message of its own),
 * and the pane decodes a chunk of rows only when it writes it (`rowsOf`).
 */
export interface PackedRows {
  /** Rows in the block. */
  rows: number;
  /** Its widest row's cells. */
  width: number;
  /** The first row of each chunk (0 first, ascending): a chunk holds the rows up to the next. */
  starts: number[];
  /** Each chunk's rows, `Cell[][]` as JSON in UTF-8. */
  chunks: Uint8Array[];
  /** With per-cell number formats: each chunk's rows of formats, `(string | null)[][]` likewise. */
  formatChunks?: Uint8Array[];
}

/** A block whose rows are packed (./pack.ts); only `rowsOf` and `formatRowsOf` read them. */
export interface PackedBlock {
  row: number;
  column: number;
  packed: PackedRows;
  /** Number format codes per column (per-cell formats are packed with the rows). */
  numberFormats?: (string | null)[];
}

/** A block as the pane receives it: as laid out, or packed. */
export type AnyBlock = Block | PackedBlock;

export function isPacked(b: AnyBlock): b is PackedBlock {
  return "packed" in b;
}

/** How many rows a block has. */
export function blockRowCount(b: AnyBlock): number {
  return isPacked(b) ? b.packed.rows : b.cells.length;
}

/** A block's width: its widest row's cells. */
export function blockWidth(b: AnyBlock): number {
  if (isPacked(b)) return b.packed.width;
  let w = 0;
  for (const row of b.cells) w = Math.max(w, row.length);
  return w;
}

let utf8: TextDecoder | undefined;

/** A packed chunk's items (a block's rows, a list's items). */
export function decodeChunk<T>(chunk: Uint8Array): T[] {
  utf8 ??= new TextDecoder();
  return JSON.parse(utf8.decode(chunk)) as T[];
}

/** The packed chunk holding row `r` (0 ≤ r < rows): its index, first row and end (excluded). */
export function chunkSpan(p: PackedRows, r: number): [number, number, number] {
  let lo = 0;
  let hi = p.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (p.starts[mid] <= r) lo = mid;
    else hi = mid - 1;
  }
  return [lo, p.starts[lo], lo + 1 < p.starts.length ? p.starts[lo + 1] : p.rows];
}

/** Rows `from` to `to` (excluded) of packed chunks, each chunk decoded as it is needed. */
function unpackRows<T>(p: PackedRows, chunks: Uint8Array[], from: number, to: number): T[][] {
  const out: T[][] = [];
  const end = Math.min(to, p.rows);
  for (let r = Math.max(0, from); r < end;) {
    const [k, first] = chunkSpan(p, r);
    const rows = decodeChunk<T[]>(chunks[k]);
    const stop = Math.min(end, first + rows.length);
    for (let i = r; i < stop; i++) out.push(rows[i - first]);
    r = stop;
  }
  return out;
}

/**
 * Rows `from` to `to` (excluded, clipped to the block) of a block's cells: every reader of a
 * block that may be packed reads its cells through this. A packed block's are decoded from its
 * chunks (new objects each call, which the caller may keep or change); a laid-out block's are
 * its own rows.
 */
export function rowsOf(b: AnyBlock, from: number, to: number): Cell[][] {
  if (!isPacked(b)) return b.cells.slice(Math.max(0, from), Math.max(0, to));
  return unpackRows<Cell>(b.packed, b.packed.chunks, from, to);
}

/** A block's per-cell number formats for rows `from` to `to` (excluded); null when it has none. */
export function formatRowsOf(b: AnyBlock, from: number, to: number): (string | null)[][] | null {
  if (isPacked(b)) {
    const f = b.packed.formatChunks;
    return f ? unpackRows<string | null>(b.packed, f, from, to) : null;
  }
  const nf = b.numberFormats;
  if (!nf || nf.length === 0 || !Array.isArray(nf[0])) return null;
  return (nf as (string | null)[][]).slice(Math.max(0, from), Math.max(0, to));
}

/** A block's number formats by column (null: none, or it has them per cell). */
export function columnFormatsOf(b: AnyBlock): (string | null)[] | null {
  const nf = b.numberFormats;
  if (!nf || nf.length === 0 || Array.isArray(nf[0])) return null;
  return nf as (string | null)[];
}

export interface ColumnSpec {
  /** Width in characters (Excel's column width unit). */
  width?: number;
  numberFormat?: string;
  hidden?: boolean;
  /**
   * Outline level (1–7): the column is detail of a column group (working columns), which the user
   * opens and closes with the outline's +/− button. A run of adjacent columns at a level is a group.
   */
  outlineLevel?: number;
  /** With outlineLevel: the group starts closed (its columns hidden until the user opens it). */
  collapsed?: boolean;
}

/** The outline groups of a sheet's columns: runs of adjacent columns at level ≥ 1. */
export interface ColumnGroup {
  column: number;
  columns: number;
  level: number;
  collapsed: boolean;
}

/** The column groups of a sheet (level 1 runs; deeper levels nest inside them as their own runs). */
export function columnGroups(columns: readonly ColumnSpec[]): ColumnGroup[] {
  const out: ColumnGroup[] = [];
  const deepest = Math.max(0, ...columns.map((c) => c.outlineLevel ?? 0));
  for (let level = 1; level <= deepest; level++) {
    let start = -1;
    for (let i = 0; i <= columns.length; i++) {
      const inside = i < columns.length && (columns[i].outlineLevel ?? 0) >= level;
      if (inside && start < 0) start = i;
      if (!inside && start >= 0) {
        const run = columns.slice(start, i);
        out.push({
          column: start,
          columns: i - start,
          level,
          collapsed: run.every((c) => c.collapsed),
        });
        start = -1;
      }
    }
  }
  return out;
}

/** Whether a column starts hidden: hidden, or in a closed group. */
export function columnHidden(c: ColumnSpec): boolean {
  return !!c.hidden || (!!c.outlineLevel && !!c.collapsed);
}

export interface RangeRef {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface TableSpec {
  /** Valid, workbook-unique table name. */
  name: string;
  /** Header row included. */
  range: RangeRef;
  style?: string;
}

export interface DefinedNameSpec {
  /** Workbook-scoped name, e.g. "Plan_Tiers". */
  name: string;
  /** Absolute reference without "=", e.g. "'方案'!$B$5:$C$7". */
  ref: string;
  comment?: string;
}

export interface ValidationSpec {
  range: RangeRef;
  /** A list of allowed values, or a formula/reference that yields them (without "="). */
  list?: string[];
  source?: string;
  /** Numbers: allowed interval. */
  decimal?: { min?: number; max?: number };
  prompt?: string;
  error?: string;
}

export interface StyleSpec {
  range: RangeRef;
  bold?: boolean;
  italic?: boolean;
  /** "#RRGGBB" */
  fill?: string;
  fontColor?: string;
  fontSize?: number;
  wrap?: boolean;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "center" | "bottom";
  border?: "thin" | "bottom" | "top";
}

export interface ChartSpec {
  type: "columnClustered" | "barClustered" | "pie" | "line";
  title: string;
  /** Categories (e.g. grade labels) and one or more series ranges, as sheet ranges. */
  categories: RangeRef;
  series: { name: string; values: RangeRef }[];
  /** Where it sits: top-left cell and size in columns × rows. */
  anchor: RangeRef;
}

export interface PrintSpec {
  area: RangeRef;
  orientation: "portrait" | "landscape";
  paper: "A4";
  /** Sheet rows (0-based) before which a page break goes. */
  rowBreaks: number[];
  fitToWidth: boolean;
  /** Rows repeated at the top of each page. */
  titleRows?: { first: number; last: number };
}

/** The add-in's sheets with a fixed role, one sheet each. */
export type FixedRole =
  | "guide"
  | "plan"
  | "data"
  | "feedback"
  | "scorecard"
  /** The Data sheet's months as the formulas read them (checked, one row per salesperson-month). */
  | "months"
  | "commission"
  | "annual"
  | "summary"
  | "statements"
  /** 结账记录: one row per close and reopen of a period, with its stamp and checksums. */
  | "close_log"
  /** 年度累计: pay of the closed periods so far, recomputed, and the catch-up. */
  | "year_to_date"
  /** 工资表: one row per salesperson and pay month, the month's pay lines and gross. */
  | "paylist"
  /** 工资条: one printable strip per salesperson and pay month, from the pay list. */
  | "payslips"
  /** 月度跟踪: a month's attainment to date, the projection if the pace holds, feedback notes. */
  | "tracking"
  /** 目标责任书: one printable target letter per salesperson and period (roles are lower-case: marks keep them so). */
  | "target_letters"
  /**
   * 历年评级: prior years' annual grades typed by HR (id, name, year, grade), which the promotion
   * rule reads. (Roles are lower-case with underscores: marks keep them so.)
   */
  | "grade_history"
  /** 绩效申诉: one row per appeal (who, which number, reason, status, decision, effect on pay). */
  | "appeals"
  /** 绩效审批: one row per sign-off of a period (sales manager, HR, finance; who and when). */
  | "sign_off";

/** A closed period's frozen scorecard (values and its stamp): one sheet per period, e.g. "closed_2024_q1". */
export type ClosedRole = `closed_${string}`;

/** The add-in's sheets, by role. */
export type SheetRole = FixedRole | ClosedRole;

/** The role of a period's frozen scorecard: "2024-Q1" → "closed_2024_q1" (lower-case, as marks keep roles). */
export function closedRole(period: string): ClosedRole {
  return `closed_${period.toLowerCase().replace(/[^a-z0-9]+/g, "_")}`;
}

export function isClosedRole(role: string): role is ClosedRole {
  return /^closed_[a-z0-9_]+$/.test(role);
}

/**
 * A sheet's layout. `B` is the kind of its blocks: as laid out (`Block`, everywhere a layout is
 * built and used in one thread) or possibly packed (`AnyBlock`, a layout the pane receives from
 * its worker: see PackedBlock).
 */
export interface SheetLayout<B extends AnyBlock = Block> {
  role: SheetRole;
  /** Sheet name in the user's language (made valid and unique by the writer). */
  name: string;
  blocks: B[];
  columns: ColumnSpec[];
  freeze?: { rows: number; columns: number };
  tables: TableSpec[];
  names: DefinedNameSpec[];
  validations: ValidationSpec[];
  styles: StyleSpec[];
  merges: RangeRef[];
  charts: ChartSpec[];
  print?: PrintSpec;
  /**
   * Heights in points of rows that need more than the default (a wrapped header line): neither
   * LibreOffice nor a printout fits a row to wrapped text by itself.
   */
  rowHeights?: RowHeight[];
  tabColor?: string;
  /**
   * In-cell data bars (conditional formatting) — a picture of the numbers where a writer cannot
   * make charts (exceljs), and a quick read where it can.
   */
  dataBars?: { range: RangeRef; color: string }[];
  /**
   * Input sheets (Plan, Data, Feedback) hold HR's data once written: regenerating the outputs
   * never rewrites them. Output sheets are the add-in's to replace.
   */
  kind: "input" | "output";
}

export interface WorkbookLayout<B extends AnyBlock = Block> {
  language: "en-US" | "zh-CN";
  sheets: SheetLayout<B>[];
}

/** Rows of a sheet given a height in points. */
export interface RowHeight {
  row: number;
  rows: number;
  points: number;
}

/**
 * A long list of a sheet's (the payslips' styles, merges and row heights: several for every
 * salesperson and month) packed like a block's rows (./pack.ts): JSON in UTF-8.
 */
export interface PackedList {
  /** The list's items in chunks (each crosses alone), each chunk's `T[]` as JSON in UTF-8. */
  packedList: Uint8Array[];
  /** Items in the list. */
  length: number;
}

/** A sheet's list as the pane receives it: as laid out, or packed. */
export type SheetList<T> = T[] | PackedList;

/** A sheet's list, decoded when packed (every reader of a list that may be packed reads it so). */
export function listOf<T>(list: SheetList<T> | undefined): T[] {
  if (list === undefined) return [];
  if (Array.isArray(list)) return list;
  const out: T[] = [];
  for (const chunk of list.packedList) for (const item of decodeChunk<T>(chunk)) out.push(item);
  return out;
}

/**
 * A sheet as the pane receives it from its worker: its large blocks may be packed (PackedBlock),
 * and its long lists (PackedList). A laid-out sheet (SheetLayout) is one.
 */
export interface SentSheet extends Omit<SheetLayout<AnyBlock>, "styles" | "merges" | "rowHeights"> {
  styles: SheetList<StyleSpec>;
  merges: SheetList<RangeRef>;
  rowHeights?: SheetList<RowHeight>;
}

/** A layout as the pane receives it from its worker (see SentSheet). */
export interface SentLayout {
  language: WorkbookLayout["language"];
  sheets: SentSheet[];
}

/** An empty sheet layout to fill in. */
export function sheet(role: SheetRole, name: string, kind: SheetLayout["kind"]): SheetLayout {
  return {
    role,
    name,
    kind,
    blocks: [],
    columns: [],
    tables: [],
    names: [],
    validations: [],
    styles: [],
    merges: [],
    charts: [],
  };
}

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

export interface SheetLayout {
  role: SheetRole;
  /** Sheet name in the user's language (made valid and unique by the writer). */
  name: string;
  blocks: Block[];
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
  rowHeights?: { row: number; rows: number; points: number }[];
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

export interface WorkbookLayout {
  language: "en-US" | "zh-CN";
  sheets: SheetLayout[];
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

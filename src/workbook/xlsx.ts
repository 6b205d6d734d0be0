/**
 * The .xlsx writer: any WorkbookLayout to a file with exceljs (a devDependency — used by the demo
 * and template commands and the tests, never bundled into the task pane).
 *
 * Formulas carry the engine's value as their cached result ({ formula, result }), text is always
 * text (a name "=HYPERLINK(…)" is written as a string, never as a formula), and the workbook asks
 * Excel to recalculate fully when it is opened. Names, validation, styles, merges, freeze panes,
 * column widths, row heights, number formats, print setup and data bars are written. exceljs cannot write
 * charts: the layout's ChartSpecs are left to the Office writer, and the Summary carries data
 * bars so its tables still read as pictures in a file.
 */
import ExcelJS from "exceljs";
import { columnLetter } from "./a1";
import type { Block, Cell, RangeRef, SheetLayout, StyleSpec, WorkbookLayout } from "./layout";
import { columnHidden, isFormula } from "./layout";

function argb(hex: string): string {
  return "FF" + hex.replace(/^#/, "").toUpperCase();
}

function address(r: RangeRef): string {
  const a = `${columnLetter(r.column)}${r.row + 1}`;
  const b = `${columnLetter(r.column + r.columns - 1)}${r.row + r.rows}`;
  return a === b ? a : `${a}:${b}`;
}

/** 'Sheet name'!$A$1:$B$2 → sheet and 0-based box. */
export function parseRef(ref: string): { sheet: string; box: RangeRef } {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref);
  if (!m) throw new Error(`not a sheet reference: ${ref}`);
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const col = (s: string) => {
    let c = 0;
    for (const ch of s) c = c * 26 + ch.charCodeAt(0) - 64;
    return c - 1;
  };
  const r1 = Number(m[4]) - 1;
  const c1 = col(m[3]);
  const r2 = m[6] ? Number(m[6]) - 1 : r1;
  const c2 = m[5] ? col(m[5]) : c1;
  return { sheet, box: { row: r1, column: c1, rows: r2 - r1 + 1, columns: c2 - c1 + 1 } };
}

function cellValue(c: Cell): ExcelJS.CellValue {
  if (isFormula(c)) {
    const result = c.error
      ? ({ error: c.error } as ExcelJS.CellErrorValue)
      : c.value === null
        ? undefined
        : c.value;
    return { formula: c.formula, result } as ExcelJS.CellFormulaValue;
  }
  // Text stays text, whatever it starts with: exceljs writes a string as a shared string.
  return c;
}

function formatAt(b: Block, i: number, j: number): string | null {
  const f = b.numberFormats;
  if (!f) return null;
  const row = f[i];
  if (Array.isArray(row)) return row[j] ?? null;
  return (f as (string | null)[])[j] ?? null;
}

/** A cell's style from every StyleSpec that covers it, later specs over earlier ones. */
interface Combined {
  font: Partial<ExcelJS.Font>;
  fill?: string;
  alignment: Partial<ExcelJS.Alignment>;
  border: Partial<ExcelJS.Borders>;
}

function combineStyles(
  styles: readonly StyleSpec[]
): Map<string, { row: number; column: number; style: Combined }> {
  const out = new Map<string, { row: number; column: number; style: Combined }>();
  const thin = { style: "thin" as const, color: { argb: "FFBFBFBF" } };
  for (const st of styles) {
    for (let r = st.range.row; r < st.range.row + st.range.rows; r++) {
      for (let c = st.range.column; c < st.range.column + st.range.columns; c++) {
        const k = `${r}:${c}`;
        let e = out.get(k);
        if (!e) {
          e = { row: r, column: c, style: { font: {}, alignment: {}, border: {} } };
          out.set(k, e);
        }
        const x = e.style;
        if (st.bold !== undefined) x.font.bold = st.bold;
        if (st.italic !== undefined) x.font.italic = st.italic;
        if (st.fontColor) x.font.color = { argb: argb(st.fontColor) };
        if (st.fontSize) x.font.size = st.fontSize;
        if (st.fill) x.fill = st.fill;
        if (st.wrap !== undefined) x.alignment.wrapText = st.wrap;
        if (st.horizontal) x.alignment.horizontal = st.horizontal;
        if (st.vertical) x.alignment.vertical = st.vertical === "center" ? "middle" : st.vertical;
        if (st.border === "thin") x.border = { top: thin, left: thin, bottom: thin, right: thin };
        else if (st.border === "bottom") x.border.bottom = thin;
        else if (st.border === "top") x.border.top = thin;
      }
    }
  }
  return out;
}

function applyStyles(ws: ExcelJS.Worksheet, styles: readonly StyleSpec[]): void {
  for (const { row, column, style } of combineStyles(styles).values()) {
    const target = ws.getRow(row + 1).getCell(column + 1);
    if (Object.keys(style.font).length) target.font = style.font;
    if (style.fill)
      target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
    if (Object.keys(style.alignment).length) target.alignment = style.alignment;
    if (Object.keys(style.border).length) target.border = style.border;
  }
}

function writeSheet(wb: ExcelJS.Workbook, s: SheetLayout): void {
  const ws = wb.addWorksheet(s.name, {
    properties: s.tabColor ? { tabColor: { argb: argb(s.tabColor) } } : {},
    views: s.freeze ? [{ state: "frozen", xSplit: s.freeze.columns, ySplit: s.freeze.rows }] : [],
  });
  s.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    if (c.width !== undefined) col.width = c.width;
    if (c.outlineLevel) col.outlineLevel = c.outlineLevel;
    if (columnHidden(c)) col.hidden = true;
  });
  const outline = Math.max(0, ...s.columns.map((c) => c.outlineLevel ?? 0));
  if (outline > 0) {
    // the outline's level buttons; a group's +/− sits right of it (Excel's default)
    ws.properties.outlineLevelCol = outline;
    ws.properties.outlineProperties = { summaryBelow: true, summaryRight: true };
  }
  for (const b of s.blocks) {
    b.cells.forEach((line, i) => {
      const row = ws.getRow(b.row + i + 1);
      line.forEach((c, j) => {
        const col = b.column + j;
        const fmt = formatAt(b, i, j) ?? s.columns[col]?.numberFormat ?? null;
        if (c === null && !fmt) return;
        const cell = row.getCell(col + 1);
        if (c !== null) cell.value = cellValue(c);
        if (fmt) cell.numFmt = fmt;
      });
    });
  }
  for (const h of s.rowHeights ?? [])
    for (let r = h.row; r < h.row + h.rows; r++) ws.getRow(r + 1).height = h.points;
  applyStyles(ws, s.styles);
  for (const m of s.merges)
    ws.mergeCells(m.row + 1, m.column + 1, m.row + m.rows, m.column + m.columns);
  for (const v of s.validations) {
    const base = {
      allowBlank: true,
      showErrorMessage: true,
      ...(v.prompt ? { showInputMessage: true, prompt: v.prompt } : {}),
      ...(v.error ? { error: v.error } : {}),
    };
    let dv: ExcelJS.DataValidation | null = null;
    if (v.list) dv = { type: "list", formulae: [`"${v.list.join(",")}"`], ...base };
    else if (v.source) dv = { type: "list", formulae: [v.source], ...base };
    else if (v.decimal) {
      const { min, max } = v.decimal;
      dv =
        min !== undefined && max !== undefined
          ? { type: "decimal", operator: "between", formulae: [min, max], ...base }
          : min !== undefined
            ? { type: "decimal", operator: "greaterThanOrEqual", formulae: [min], ...base }
            : { type: "decimal", operator: "lessThanOrEqual", formulae: [max], ...base };
    }
    if (dv)
      (
        ws as unknown as {
          dataValidations: { add(address: string, v: ExcelJS.DataValidation): void };
        }
      ).dataValidations.add(address(v.range), dv);
  }
  (s.dataBars ?? []).forEach((d, k) => {
    ws.addConditionalFormatting({
      ref: address(d.range),
      rules: [
        {
          type: "dataBar",
          priority: k + 1,
          cfvo: [{ type: "min" }, { type: "max" }],
          color: { argb: argb(d.color) },
        } as unknown as ExcelJS.ConditionalFormattingRule,
      ],
    });
  });
  if (s.print) {
    const p = s.print;
    ws.pageSetup = {
      paperSize: 9,
      orientation: p.orientation,
      fitToPage: p.fitToWidth,
      fitToWidth: p.fitToWidth ? 1 : undefined,
      fitToHeight: p.fitToWidth ? 0 : undefined,
      printArea: address(p.area),
      ...(p.titleRows
        ? { printTitlesRow: `${p.titleRows.first + 1}:${p.titleRows.last + 1}` }
        : {}),
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    };
    for (const r of p.rowBreaks) if (r > 0) ws.getRow(r).addPageBreak();
  }
}

/** The workbook for a layout (defined names of every sheet included). */
export function layoutWorkbook(layout: WorkbookLayout): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "perf-plan-excel-addin";
  wb.calcProperties.fullCalcOnLoad = true;
  for (const s of layout.sheets) writeSheet(wb, s);
  for (const s of layout.sheets) {
    for (const n of s.names) {
      const { sheet, box } = parseRef(n.ref);
      wb.definedNames.addEx(
        {
          sheetName: sheet,
          top: box.row + 1,
          left: box.column + 1,
          bottom: box.row + box.rows,
          right: box.column + box.columns,
        } as never,
        n.name
      );
    }
  }
  return wb;
}

/** Writes a layout to an .xlsx file. */
export async function writeXlsx(layout: WorkbookLayout, file: string): Promise<void> {
  await layoutWorkbook(layout).xlsx.writeFile(file);
}

/** The .xlsx bytes of a layout. */
export async function xlsxBuffer(layout: WorkbookLayout): Promise<Buffer> {
  return Buffer.from(await layoutWorkbook(layout).xlsx.writeBuffer());
}

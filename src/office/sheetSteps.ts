/**
 * The steps that write one sheet's content and structure, queued by the writer (writer.ts) into
 * its round trips: values and formulas in chunks, number formats and styles, columns, merges,
 * drop-down lists, tables, data bars, charts, printing and defined names. Each function only
 * queues: nothing here syncs, and what Excel cannot do in this version becomes a note.
 */
import type { MessageParams } from "../engine/messages";
import { columnLetter } from "../engine/issues";
import {
  blockRowCount,
  columnFormatsOf,
  listOf,
  type DefinedNameSpec,
  type SentSheet,
  type TableSpec,
  type ValidationSpec,
} from "../workbook/layout";
import { columnGroups, columnHidden } from "../workbook/layout";
import { commandBytes, requestBytes, type Phase } from "./batch";
import { formatChunks, valueChunks } from "./content";
import { addChart, applyStyle, chartBytes, printBytes, setupPrint, styleBytes } from "./formats";
import type { Features } from "./host";
import { ownedNameComment } from "./marks";
import type { OfficeMessageKey } from "./messages";
import { uniqueTableName } from "./names";

/** Queues a write of a phase, of about `bytes` request bytes. */
export type Queue = (
  phase: Phase,
  bytes: number,
  queue: (context: Excel.RequestContext) => void
) => void;

/** Where what Excel could not do is told to the user. */
export interface NoteSink {
  add(key: OfficeMessageKey, params?: MessageParams): void;
}

/** What the steps of one sheet share. */
export interface SheetSteps {
  step: Queue;
  /** The sheet the steps write to, looked up when the round trip runs. */
  ws: () => Excel.Worksheet;
  /** The sheet's final name, for the notes. */
  sheet: string;
  /** Layout formulas → formulas for the workbook as it is while writing. */
  mapFormula: (f: string) => string;
  features: Features;
  notes: NoteSink;
}

/** Excel column width in points for a width in characters (Calibri 11: 7 px a character + 5 px). */
export function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * Empty an add-in sheet for a rewrite: its charts, tables, merges, validation, cells and panes
 * (not the panes of a sheet the user hid: Excel refuses to unfreeze a hidden sheet).
 */
export function clearSheet(
  ws: Excel.Worksheet,
  old: { tables: string[]; charts: string[]; hidden: boolean; outline?: number },
  features: Features
): void {
  for (const c of old.charts) ws.charts.getItem(c).delete();
  for (const t of old.tables) ws.tables.getItem(t).convertToRange();
  const all = ws.getRange();
  all.unmerge();
  all.conditionalFormats.clearAll();
  if (features.dataValidation) all.dataValidation.clear();
  all.clear("All");
  all.columnHidden = false;
  // the column groups the add-in made (its mark says how deep): one level off per call
  if (features.outline) for (let l = 0; l < (old.outline ?? 0); l++) all.ungroup("ByColumns");
  if (!old.hidden) ws.freezePanes.unfreeze();
  if (features.pageLayout) ws.horizontalPageBreaks.removePageBreaks();
}

/** Request bytes of {@link clearSheet}: the sheet's range and its parts, one action each. */
export function clearBytes(tables: string[], charts: string[]): number {
  return requestBytes(
    5 + tables.length + charts.length,
    7 + tables.length + charts.length,
    tables,
    charts
  );
}

/** Values and formulas of a layout, in chunks of at most `budget` bytes. */
export function valueSteps(
  layout: SentSheet,
  target: string,
  budget: number,
  s: Pick<SheetSteps, "step" | "ws" | "mapFormula">
): void {
  for (const block of layout.blocks) {
    for (const chunk of valueChunks(block, budget, s.mapFormula)) {
      s.step("writing", chunk.bytes + requestBytes(1, 2, target), () => {
        const rows = chunk.values.length;
        const cols = chunk.values[0].length;
        s.ws().getRangeByIndexes(chunk.row, chunk.column, rows, cols).formulas = chunk.values;
      });
    }
  }
}

/** Number formats of the content, by column or by cell, then the styles by range. */
export function contentFormatSteps(
  layout: SentSheet,
  target: string,
  budget: number,
  s: Pick<SheetSteps, "step" | "ws">
): void {
  const { step, ws } = s;
  for (const block of layout.blocks) {
    const rows = blockRowCount(block);
    if (rows === 0) continue;
    // per cell (formatChunks gives none without them), or by column
    for (const chunk of formatChunks(block, budget)) {
      step("formatting", chunk.bytes + requestBytes(1, 2, target), () => {
        const range = ws().getRangeByIndexes(
          chunk.row,
          chunk.column,
          chunk.values.length,
          chunk.values[0].length
        );
        range.numberFormat = chunk.values;
      });
    }
    (columnFormatsOf(block) ?? []).forEach((fmt, j) => {
      if (fmt === null || fmt === undefined) return;
      step("formatting", commandBytes(target, fmt), () => {
        ws().getRangeByIndexes(block.row, block.column + j, rows, 1).numberFormat = [[fmt]];
      });
    });
  }
  for (const style of listOf(layout.styles)) {
    step("formatting", styleBytes(style), () =>
      applyStyle(
        ws().getRangeByIndexes(
          style.range.row,
          style.range.column,
          style.range.rows,
          style.range.columns
        ),
        style
      )
    );
  }
}

/**
 * Column groups (ExcelApi 1.10): each run grouped, level by level, and closed where the layout
 * says so; below 1.10 a closed group's columns are hidden instead (columnSteps).
 */
function groupSteps(layout: SentSheet, s: Pick<SheetSteps, "step" | "ws" | "features">): void {
  if (!s.features.outline) return;
  for (const g of columnGroups(layout.columns)) {
    const address = `${columnLetter(g.column)}:${columnLetter(g.column + g.columns - 1)}`;
    s.step("finishing", commandBytes(address) * 2, () => {
      const r = s.ws().getRange(address);
      r.group("ByColumns");
      if (g.collapsed) r.hideGroupDetails("ByColumns");
    });
  }
}

/** Hidden columns in runs: hidden ones, and below ExcelApi 1.10 the columns of closed groups. */
function hiddenSteps(layout: SentSheet, s: Pick<SheetSteps, "step" | "ws" | "features">): void {
  const hidden = (i: number) => {
    const c = layout.columns[i];
    return i < layout.columns.length && (s.features.outline ? !!c.hidden : columnHidden(c));
  };
  for (let i = 0; i < layout.columns.length; i++) {
    if (!hidden(i)) continue;
    let end = i;
    while (hidden(end + 1)) end++;
    const address = `${columnLetter(i)}:${columnLetter(end)}`;
    s.step(
      "finishing",
      commandBytes(address),
      () => (s.ws().getRange(address).columnHidden = true)
    );
    i = end;
  }
}

/** Columns: widths in runs, hidden columns, whole-column number formats, column groups; then row heights. */
export function columnSteps(
  layout: SentSheet,
  s: Pick<SheetSteps, "step" | "ws" | "features">
): void {
  const { step, ws } = s;
  let run: { start: number; width: number } | undefined;
  const flushWidth = (end: number) => {
    if (!run) return;
    const { start, width } = run;
    step("finishing", requestBytes(2, 1, width), () => {
      ws().getRange(`${columnLetter(start)}:${columnLetter(end - 1)}`).format.columnWidth =
        widthInPoints(width);
    });
    run = undefined;
  };
  layout.columns.forEach((col, i) => {
    if (run && col.width !== run.width) flushWidth(i);
    if (col.width !== undefined && !run) run = { start: i, width: col.width };
    const letter = columnLetter(i);
    if (col.numberFormat) {
      const fmt = col.numberFormat;
      step(
        "finishing",
        commandBytes(fmt),
        () => (ws().getRange(`${letter}:${letter}`).numberFormat = [[fmt]])
      );
    }
  });
  flushWidth(layout.columns.length);
  hiddenSteps(layout, s);
  groupSteps(layout, s);
  for (const h of listOf(layout.rowHeights))
    step("finishing", requestBytes(2, 1, h.points), () => {
      ws().getRangeByIndexes(h.row, 0, h.rows, 1).format.rowHeight = h.points;
    });
}

/**
 * The sheet's structure: merges, drop-down lists, tables (named uniquely among `tableNames`), data
 * bars, tab colour, charts (named PERF_<role>_<n>), printing and defined names (`existingNames`
 * are the add-in's own, replaced). Returns how many charts it adds.
 */
export function structureSteps(
  layout: SentSheet,
  tableNames: Set<string>,
  existingNames: ReadonlySet<string>,
  s: SheetSteps
): number {
  const { step, ws, sheet, features, notes } = s;
  for (const m of listOf(layout.merges)) {
    step("finishing", commandBytes(), () =>
      ws().getRangeByIndexes(m.row, m.column, m.rows, m.columns).merge(false)
    );
  }
  if (layout.validations.length > 0) {
    if (!features.dataValidation)
      notes.add("officeValidationSkipped", { sheet, count: layout.validations.length });
    else for (const v of layout.validations) validationStep(v, s);
  }
  for (const t of layout.tables) tableStep(t, tableNames, s);
  for (const bar of layout.dataBars ?? []) {
    const { range: r, color } = bar;
    step("finishing", requestBytes(4, 2, color), () => {
      const cf = ws()
        .getRangeByIndexes(r.row, r.column, r.rows, r.columns)
        .conditionalFormats.add("DataBar");
      cf.dataBar.positiveFormat.fillColor = color;
    });
  }
  if (layout.tabColor) {
    const color = layout.tabColor;
    step("finishing", commandBytes(color), () => (ws().tabColor = color));
  }
  let chartsMade = 0;
  layout.charts.forEach((chart, i) => {
    if (chart.series.length === 0) {
      notes.add("officeChartSkipped", { sheet, title: chart.title });
      return;
    }
    chartsMade++;
    step("finishing", chartBytes(chart, `PERF_${layout.role}_${i + 1}`), () =>
      addChart(ws(), chart, `PERF_${layout.role}_${i + 1}`)
    );
  });
  if (layout.print) {
    if (!features.pageLayout) notes.add("officePrintSkipped", { sheet });
    else {
      const print = layout.print;
      step("finishing", printBytes(print), () => setupPrint(ws(), print));
    }
  }
  for (const n of layout.names) nameStep(n, existingNames.has(n.name.toUpperCase()), s);
  return chartsMade;
}

function validationStep(v: ValidationSpec, s: SheetSteps): void {
  let rule: Excel.DataValidationRule | undefined;
  if (v.list) {
    const source = v.list.join(",");
    if (source.length > 255 || v.list.some((item) => item.includes(","))) {
      s.notes.add("officeValidationListTooLong", { sheet: s.sheet });
      return;
    }
    rule = { list: { inCellDropDown: true, source } };
  } else if (v.source) {
    rule = { list: { inCellDropDown: true, source: `=${s.mapFormula(v.source)}` } };
  } else if (v.decimal) {
    const { min, max } = v.decimal;
    if (min !== undefined && max !== undefined)
      rule = { decimal: { formula1: min, formula2: max, operator: "Between" } };
    else if (min !== undefined)
      rule = { decimal: { formula1: min, operator: "GreaterThanOrEqualTo" } };
    else if (max !== undefined)
      rule = { decimal: { formula1: max, operator: "LessThanOrEqualTo" } };
  }
  if (!rule && !v.prompt) return;
  const r = v.range;
  s.step("finishing", requestBytes(2, 3, rule, v.prompt, v.error), () => {
    const dv = s.ws().getRangeByIndexes(r.row, r.column, r.rows, r.columns).dataValidation;
    if (rule) dv.rule = rule;
    if (v.prompt) dv.prompt = { showPrompt: true, message: v.prompt, title: "" };
    if (v.error) dv.errorAlert = { showAlert: true, message: v.error, style: "Stop", title: "" };
  });
}

function tableStep(t: TableSpec, taken: Set<string>, s: SheetSteps): void {
  const name = uniqueTableName(t.name, taken);
  taken.add(name.toUpperCase());
  if (name !== t.name)
    s.notes.add("officeTableRenamed", { requested: t.name, name, sheet: s.sheet });
  s.step("finishing", requestBytes(3, 2, t, name), () => {
    const r = t.range;
    const table = s
      .ws()
      .tables.add(s.ws().getRangeByIndexes(r.row, r.column, r.rows, r.columns), true);
    table.name = name;
    if (t.style) table.style = t.style;
  });
}

function nameStep(n: DefinedNameSpec, exists: boolean, s: SheetSteps): void {
  const ref = `=${s.mapFormula(n.ref)}`;
  const comment = ownedNameComment(n.comment);
  s.step("finishing", requestBytes(3, 2, n.name, ref, comment), (c) => {
    // the conflict check let through only names the add-in created: replace them
    if (exists) c.workbook.names.getItem(n.name).delete();
    c.workbook.names.add(n.name, ref, comment);
  });
}

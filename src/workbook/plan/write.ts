/**
 * The Plan sheet's writer: every parameter of the plan as a labelled section — key/value settings
 * and tables, as described in settings.ts and tables.ts — each with its defined names, data
 * validation, and the anchors of the cells the scorecard formulas read.
 */
import type { Language } from "../../engine/messages";
import type { Plan } from "../../engine/plan/model";
import { quoteSheet, range as a1range } from "../a1";
import { Grid } from "../grid";
import type { DefinedNameSpec, RangeRef, SheetLayout, StyleSpec, ValidationSpec } from "../layout";
import { sheet as emptySheet } from "../layout";
import type { EnumName, Words } from "../text";
import { enumList, enumText, H, say, SHEET_NAMES } from "../text";
import type { PlanAnchors, Pos, SettingKey } from "./names";
import { settingName } from "./names";
import { SECTIONS, SETTING_DEFS, type SectionKey } from "./settings";
import type { ColumnDef, Columns, FixedRowsDef, HeaderKey, TableDef } from "./tables";
import {
  ANNUAL,
  CURVES,
  DIMENSIONS,
  FEEDBACK,
  FIELDS,
  GRADES,
  INDICATORS,
  MATRIX,
  TEAM_LEADS,
  TEAM_TIERS,
  TIERS,
} from "./tables";

const TITLE_FILL = "#1F4E78";
const SECTION_FILL = "#DDEBF7";
const HEADER_FILL = "#F2F2F2";
const CALC_FILL = "#F7F7F7";

const COLUMN_WIDTHS = [22, 20, 26, 14, 12, 11, 12, 12, 34, 12, 9, 9, 9, 11, 11, 20, 16, 12];

export interface PlanSheet {
  sheet: SheetLayout;
  anchors: PlanAnchors;
}

function box(row: number, column: number, rows: number, columns: number): RangeRef {
  return { row, column, rows, columns };
}

/** Where a table went: its first body row and item count, for validations that list its cells. */
interface Placed {
  first: number;
  count: number;
  keys: readonly HeaderKey[];
}

/** The sheet being written, row by row, with its styles, names and validations. */
class PlanWriter {
  readonly g = new Grid();
  readonly styles: StyleSpec[] = [];
  readonly names: DefinedNameSpec[] = [];
  readonly validations: ValidationSpec[] = [];
  readonly placed = new Map<SectionKey, Placed>();
  row = 3;

  constructor(
    readonly plan: Plan,
    readonly language: Language,
    readonly name: string
  ) {}

  say(w: Words): string {
    return say(w, this.language);
  }

  ref(r: RangeRef): string {
    return `${quoteSheet(this.name)}!${a1range(r, true)}`;
  }

  define(name: string, r: RangeRef, comment?: string): void {
    this.names.push(comment ? { name, ref: this.ref(r), comment } : { name, ref: this.ref(r) });
  }

  list(r: RangeRef, e: EnumName): void {
    this.validations.push({ range: r, list: enumList(e, this.language) });
  }

  title(key: SectionKey, width: number): void {
    this.g.set(this.row, 0, this.say(SECTIONS[key]));
    this.styles.push({
      range: box(this.row, 0, 1, Math.max(width, 3)),
      bold: true,
      fill: SECTION_FILL,
      fontSize: 12,
    });
    this.row++;
  }

  header(cols: readonly HeaderKey[], style: Omit<StyleSpec, "range">): void {
    this.g.line(
      this.row,
      0,
      cols.map((c) => this.say(H[c]))
    );
    this.styles.push({ range: box(this.row, 0, 1, cols.length), ...style });
    this.row++;
  }
}

const TABLE_HEADER = { bold: true, fill: HEADER_FILL, border: "bottom", wrap: true } as const;

function writeHeading(w: PlanWriter): void {
  w.g.set(0, 0, w.say({ en: "Plan parameters", zh: "方案参数" }));
  w.styles.push({
    range: box(0, 0, 1, 8),
    bold: true,
    fontSize: 14,
    fontColor: "#FFFFFF",
    fill: TITLE_FILL,
  });
  w.g.set(
    1,
    0,
    w.say({
      en: "Edit the numbers here and the scorecard recalculates. After adding or removing an indicator, or changing a scoring method, direction or input, generate the scorecard again.",
      zh: "修改本表中的数值，评分卡会自动重新计算。增删指标、修改计分方式、方向或输入方式后，请重新生成评分卡。",
    })
  );
  w.styles.push({ range: box(1, 0, 1, 8), italic: true, fontColor: "#595959" });
}

/** A key/value section: label, value, note; each value cell named and validated. */
function writeSettings(w: PlanWriter, key: SectionKey, settings: Record<SettingKey, Pos>): void {
  w.title(key, 3);
  w.header(["setting", "value", "note"], { bold: true, fill: HEADER_FILL, border: "bottom" });
  for (const d of SETTING_DEFS.filter((x) => x.section === key)) {
    const value = d.value(w.plan);
    const cell = box(w.row, 1, 1, 1);
    w.g.set(w.row, 0, w.say(d.label));
    w.g.set(
      w.row,
      1,
      d.enum ? enumText(d.enum, value as never, w.language) : value,
      d.text ? "@" : (d.format ?? null)
    );
    if (d.note.en) w.g.set(w.row, 2, w.say(d.note));
    settings[d.key] = { row: w.row, column: 1 };
    w.define(settingName(d.key), cell);
    if (d.enum) w.list(cell, d.enum);
    if (d.source) w.validations.push({ range: cell, source: d.source });
    if (d.list) w.validations.push({ range: cell, list: d.list.map(String) });
    w.row++;
  }
  w.row++;
}

/** A table: title, header, one row per item; its names and validations; the items' anchors. */
function writeTable<T, Cols extends Columns<T>, A, X>(
  w: PlanWriter,
  def: TableDef<T, Cols, A, X>
): A[] {
  const keys = (Object.keys(def.columns) as (keyof Cols & HeaderKey)[]).filter((k) => {
    const when = (def.columns[k] as ColumnDef<T>).when;
    return when === undefined || when(w.plan);
  });
  const column = (k: keyof Cols) => keys.indexOf(k as keyof Cols & HeaderKey);
  const items = def.items(w.plan);
  w.title(def.section, keys.length);
  w.header(keys, TABLE_HEADER);
  const first = w.row;
  const n = items.length;
  const anchors: A[] = [];
  items.forEach((item, index) => {
    const context = {
      plan: w.plan,
      language: w.language,
      index,
      count: n,
      bodyRef: (k: HeaderKey, rows: number) => w.ref(box(first, keys.indexOf(k as never), rows, 1)),
    };
    keys.forEach((k, c) => {
      const col = def.columns[k] as ColumnDef<T>;
      const value = col.write(item, context);
      const cell =
        typeof col.read === "object" && value !== null
          ? enumText(col.read.enum, value as never, w.language)
          : value;
      const format = typeof col.format === "function" ? col.format(item, w.plan) : col.format;
      w.g.set(w.row, c, cell, format ?? null);
    });
    const row = w.row;
    anchors.push(def.anchor(item, (k) => ({ row, column: column(k) })));
    w.row++;
  });
  w.placed.set(def.section, { first, count: n, keys });
  keys.forEach((k, c) => {
    if ((def.columns[k] as ColumnDef<T>).read === "computed" && n > 0)
      w.styles.push({ range: box(first, c, n, 1), fill: CALC_FILL, italic: true });
  });
  for (const d of def.names) {
    const from = d.from === undefined ? 0 : column(d.from);
    const to = d.to === undefined ? (d.from === undefined ? keys.length - 1 : from) : column(d.to);
    const r = d.header
      ? box(first - 1, from, n + 1, to - from + 1)
      : box(first, from, Math.max(1, n), to - from + 1);
    w.define(d.name, r, d.comment);
  }
  tableValidations(w, keys, def.columns as Columns<T>, first, Math.max(1, n));
  w.row++;
  return anchors;
}

/** Enumeration lists first, then sources and intervals, in column order; adjacent columns with the same interval share one. */
function tableValidations<T>(
  w: PlanWriter,
  keys: readonly HeaderKey[],
  columns: Columns<T>,
  first: number,
  rows: number
): void {
  const defs = keys.map((k) => columns[k] as ColumnDef<T>);
  defs.forEach((d, c) => {
    if (typeof d.read === "object") w.list(box(first, c, rows, 1), d.read.enum);
  });
  for (let c = 0; c < defs.length; c++) {
    const d = defs[c];
    if (d.source) {
      const p = w.placed.get(d.source.table)!;
      const r = box(p.first, p.keys.indexOf(d.source.column), Math.max(1, p.count), 1);
      w.validations.push({ range: box(first, c, rows, 1), source: w.ref(r) });
    }
    if (d.decimal) {
      const { min, max } = d.decimal;
      let width = 1;
      while (defs[c + width]?.decimal?.min === min && defs[c + width]?.decimal?.max === max)
        width++;
      w.validations.push({ range: box(first, c, rows, width), decimal: { min, max } });
      c += width - 1;
    }
  }
}

function writeMatrix(w: PlanWriter): PlanAnchors["matrix"] {
  const m = w.plan.grading.matrix;
  w.title(MATRIX.section, m.columns.length + 1);
  const corner = { row: w.row, column: 0 };
  w.g.set(w.row, 0, w.say(H[MATRIX.corner]));
  m.columns.forEach((c, j) => w.g.set(w.row, 1 + j, c, MATRIX.thresholdFormat));
  w.styles.push({ range: box(w.row, 0, 1, m.columns.length + 1), bold: true, fill: HEADER_FILL });
  w.styles.push({
    range: box(w.row + 1, 0, Math.max(1, m.rows.length), 1),
    bold: true,
    fill: HEADER_FILL,
  });
  w.row++;
  m.rows.forEach((r, i) => {
    w.g.set(w.row, 0, r, MATRIX.thresholdFormat);
    m.columns.forEach((_, j) => w.g.set(w.row, 1 + j, m.cells[i]?.[j] ?? null, MATRIX.cellFormat));
    w.row++;
  });
  w.define(
    MATRIX.names.table,
    box(corner.row, 0, m.rows.length + 1, m.columns.length + 1),
    MATRIX.comment
  );
  w.define(MATRIX.names.rows, box(corner.row + 1, 0, Math.max(1, m.rows.length), 1));
  w.define(MATRIX.names.columns, box(corner.row, 1, 1, Math.max(1, m.columns.length)));
  w.row++;
  return { corner, rows: m.rows.length, columns: m.columns.length };
}

/** A fixed-row table (label, weight); the anchors of its weights and of its labels. */
function writeFixedRows(w: PlanWriter, def: FixedRowsDef): { values: Pos[]; labels: Pos[] } {
  w.title(def.section, 2);
  w.header([def.label, def.value], TABLE_HEADER);
  const values: Pos[] = [];
  const labels: Pos[] = [];
  const weights = def.values(w.plan);
  const first = w.row;
  def.rows.forEach((x, i) => {
    w.g.line(w.row, 0, [x.label(w.language), weights[i]], [null, def.format]);
    labels.push({ row: w.row, column: 0 });
    values.push({ row: w.row, column: 1 });
    w.row++;
  });
  for (const d of def.names)
    w.define(d.name, box(first, d.column === "label" ? 0 : 1, def.rows.length, 1), d.comment);
  w.row++;
  return { values, labels };
}

/** The Plan sheet for a plan, in a language, with the anchors of every parameter cell. */
export function planSheet(
  plan: Plan,
  language: Language,
  name = say(SHEET_NAMES.plan, language)
): PlanSheet {
  const w = new PlanWriter(plan, language, name);
  const settings = {} as Record<SettingKey, Pos>;
  writeHeading(w);
  writeSettings(w, "info", settings);
  const dimensions = writeTable(w, DIMENSIONS);
  const indicators = writeTable(w, INDICATORS);
  const points = writeTable(w, CURVES);
  const grades = writeTable(w, GRADES);
  writeSettings(w, "grading", settings);
  const matrix = writeMatrix(w);
  const tiers = writeTable(w, TIERS);
  writeSettings(w, "commission", settings);
  // 团队提成: its sections only when the plan has it, so plans without it lay out as before.
  let teamTiers: PlanAnchors["teamTiers"] = [];
  if (plan.commission.team) {
    writeSettings(w, "team", settings);
    teamTiers = writeTable(w, TEAM_TIERS);
    writeTable(w, TEAM_LEADS);
  }
  writeSettings(w, "pay", settings);
  writeSettings(w, "periods", settings);
  const annual = writeFixedRows(w, ANNUAL);
  const feedback = writeFixedRows(w, FEEDBACK);
  writeTable(w, FIELDS);
  // after everything else, so plans written before it keep every other cell where it was
  writeSettings(w, "payroll", settings);
  // likewise after the payroll section
  writeSettings(w, "review", settings);

  const s = emptySheet("plan", name, "input");
  s.blocks.push(w.g.block());
  s.styles = w.styles;
  s.names = w.names;
  s.validations = w.validations;
  s.columns = COLUMN_WIDTHS.map((width) => ({ width }));
  s.freeze = { rows: 1, columns: 0 };
  s.tabColor = "#2F75B5";
  // The curve table lists the points of the curve indicators in order; give each its own.
  let next = 0;
  const curves = plan.indicators.map((i) =>
    i.scoring.method === "curve" ? i.scoring.points.map(() => points[next++]) : []
  );
  const anchors: PlanAnchors = {
    sheet: name,
    dimensions,
    indicators,
    curves,
    grades,
    matrix,
    tiers,
    teamTiers,
    settings,
    annualWeights: annual.values,
    feedbackWeights: feedback.values,
    raterLabels: feedback.labels,
  };
  return { sheet: s, anchors };
}

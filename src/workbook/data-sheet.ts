/**
 * The Data (数据) and Feedback (360评价) sheets: headers in the user's language, a second line
 * with each column's unit and source, number formats and validation; filled with records when
 * given. And their readers, which hand the cells to the engine's readers (tolerant of column
 * order, extra columns and header language) and keep where each column is, for the formulas.
 */
import type { Scalar } from "./layout";
import type { CellInput } from "../engine/coerce";
import type { Issue } from "../engine/issues";
import { columnLetter } from "../engine/issues";
import type { Language } from "../engine/messages";
import type { FieldDef, Plan, RatingScale } from "../engine/plan/model";
import { IDENTITY_COLUMNS } from "../engine/plan/model";
import type { ColumnMapping, DataReading, DataRow, FeedbackRating } from "../engine/records";
import { IDENTITY_HEADERS, mapColumns, mayBeNegative, readDataTable } from "../engine/records";
import {
  FEEDBACK_HEADERS,
  feedbackColumnsOf,
  readFeedbackTable,
  type FeedbackOptions,
  type FeedbackReading,
} from "../engine/import/feedback";
import { Grid } from "./grid";
import type { Cell, RangeRef, SheetLayout, StyleSpec, ValidationSpec } from "./layout";
import { sheet as emptySheet } from "./layout";
import type { Words } from "./text";
import { enumList, enumText, isWords, say, SHEET_NAMES } from "./text";

/** The first cell of the Data sheet's unit line (its first row, above the header). */
export const UNIT_LINE: Words = { en: "Unit · source", zh: "单位 · 来源" };

const UNIT_WORDS: Record<FieldDef["unit"], Words> = {
  currency: { en: "CNY", zh: "元" },
  ratio: { en: "%", zh: "%" },
  count: { en: "count", zh: "个/次" },
  score: { en: "score 0–100", zh: "分（0–100）" },
  days: { en: "days", zh: "天" },
  hours: { en: "hours", zh: "小时" },
  points: { en: "points", zh: "分" },
};

/** Number format of a data field by its unit. */
export function fieldFormat(unit: FieldDef["unit"]): string {
  switch (unit) {
    case "currency":
      return "#,##0.00";
    case "ratio":
      return "0.0%";
    case "count":
      return "#,##0";
    case "score":
    case "hours":
      return "0.0";
    case "days":
    case "points":
      return "0";
  }
}

/** Number format of an indicator's values (actual, target) by its unit. */
export function indicatorFormat(unit: FieldDef["unit"]): string {
  switch (unit) {
    case "currency":
    case "count":
    case "days":
    case "points":
      return "#,##0";
    case "ratio":
      return "0.0%";
    case "score":
    case "hours":
      return "0.0";
  }
}

/** What the reader saw in a cell it could not read, from its issue: written back as that text. */
export function unreadableTexts(issues: readonly Issue[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const i of issues) {
    const l = i.location;
    if (!l || !l.column || i.severity !== "error") continue;
    const p = i.params as Record<string, unknown>;
    const t =
      typeof p.text === "string"
        ? p.text
        : typeof p.value === "number"
          ? String(p.value)
          : i.code === "booleanInNumber"
            ? "TRUE"
            : null;
    if (t !== null) out.set(`${l.sheet}\u0000${l.row}\u0000${l.column}`, t);
  }
  return out;
}

export interface DataRecords {
  rows: readonly DataRow[];
  ratings: readonly FeedbackRating[];
  /** The reading's issues: unreadable cells are written back as the text that was read. */
  issues?: readonly Issue[];
  /** Rows of the Appeals and Sign-off sheets, in their columns (sheets/appeals.ts). */
  appeals?: readonly Scalar[][];
  signOffs?: readonly Scalar[][];
}

/** Sheet row (1-based) of the first data row of the Data sheet this module writes. */
export const DATA_FIRST_ROW = 3;

const HEADER_FILL = "#DDEBF7";
const UNIT_FILL = "#F2F2F2";

/** The Data sheet: header, unit/source line, then one row per salesperson and month. */
export function dataSheet(
  plan: Plan,
  language: Language,
  records?: DataRecords,
  name = say(SHEET_NAMES.data, language)
): SheetLayout {
  const s = emptySheet("data", name, "input");
  const g = new Grid();
  const L = (w: Words) => say(w, language);
  const fields = plan.fields;
  const identity = IDENTITY_COLUMNS.map((k) => L(IDENTITY_HEADERS[k]));
  // Row 1: unit and source of each column; row 2: the header the readers match; data from row 3.
  g.line(1, 0, [...identity, ...fields.map((f) => L(f.name))]);
  g.line(0, 0, [
    L(UNIT_LINE),
    null,
    null,
    L({ en: "yyyy-mm", zh: "yyyy-mm" }),
    ...fields.map(
      (f) =>
        `${L(UNIT_WORDS[f.unit])} · ${L(f.source)}${f.optional ? L({ en: " · optional", zh: " · 可空" }) : ""}`
    ),
  ]);
  const rows = records?.rows ?? [];
  const unreadable = unreadableTexts(records?.issues ?? []);
  rows.forEach((r, i) => {
    const line: Cell[] = [r.id, r.name, r.team, r.period];
    for (const f of fields) {
      const v = r.values[f.key];
      if (r.invalid.includes(f.key)) {
        const col = r.source.columns?.[f.key];
        line.push(unreadable.get(`${r.source.sheet}\u0000${r.source.row}\u0000${col}`) ?? "?");
      } else line.push(v === undefined ? null : v);
    }
    g.line(DATA_FIRST_ROW - 1 + i, 0, line);
  });
  s.blocks.push(g.block());
  const width = IDENTITY_COLUMNS.length + fields.length;
  const lastRow = Math.max(DATA_FIRST_ROW - 1 + rows.length, DATA_FIRST_ROW - 1 + 1000);
  const body = (column: number): RangeRef => ({
    row: DATA_FIRST_ROW - 1,
    column,
    rows: lastRow - DATA_FIRST_ROW + 2,
    columns: 1,
  });
  s.columns = [
    { width: 12, numberFormat: "@" },
    { width: 10, numberFormat: "@" },
    { width: 12, numberFormat: "@" },
    { width: 10, numberFormat: "@" },
    ...fields.map((f) => ({
      width: Math.min(18, Math.max(11, L(f.name).length * (language === "zh-CN" ? 2 : 1) + 2)),
      numberFormat: fieldFormat(f.unit),
    })),
  ];
  const styles: StyleSpec[] = [
    {
      range: { row: 1, column: 0, rows: 1, columns: width },
      bold: true,
      fill: HEADER_FILL,
      wrap: true,
      vertical: "center",
      border: "bottom",
    },
    {
      range: { row: 0, column: 0, rows: 1, columns: width },
      italic: true,
      fontColor: "#595959",
      fill: UNIT_FILL,
      fontSize: 9,
      wrap: true,
    },
  ];
  const validations: ValidationSpec[] = [];
  fields.forEach((f, k) => {
    const column = IDENTITY_COLUMNS.length + k;
    if (f.unit === "score")
      validations.push({
        range: body(column),
        decimal: { min: 0, max: 100 },
        error: L({ en: "A score lies between 0 and 100.", zh: "分数应在 0 到 100 之间。" }),
      });
    else if (!mayBeNegative(f))
      validations.push({
        range: body(column),
        decimal: { min: 0 },
        error: L({ en: "This value cannot be negative.", zh: "该值不能为负数。" }),
      });
  });
  s.styles = styles;
  s.validations = validations;
  s.freeze = { rows: 2, columns: 2 };
  s.tabColor = "#70AD47";
  return s;
}

/** The rating column's header: "Score", or with the plan's scale when it is not out of 100. */
export function ratingHeader(scale: RatingScale): Words {
  const H = FEEDBACK_HEADERS.score;
  return scale === 100
    ? { en: H.en, zh: H.zh }
    : { en: `${H.en} (out of ${scale})`, zh: `${H.zh}（${scale}分制）` };
}

/** The Feedback sheet: one row per rating, on the plan's rating scale. */
export function feedbackSheet(
  language: Language,
  ratings: readonly FeedbackRating[] = [],
  name = say(SHEET_NAMES.feedback, language),
  scale: RatingScale = 100
): SheetLayout {
  const s = emptySheet("feedback", name, "input");
  const g = new Grid();
  const L = (w: Words) => say(w, language);
  const H = FEEDBACK_HEADERS;
  g.line(0, 0, [L(H.id), L(H.period), L(H.rater), L(ratingHeader(scale)), L(H.raterName)]);
  ratings.forEach((r, i) =>
    g.line(1 + i, 0, [
      r.id,
      r.period,
      enumText("rater", r.rater, language),
      r.score,
      r.raterName || null,
    ])
  );
  s.blocks.push(g.block());
  const rows = Math.max(ratings.length, 2000);
  s.columns = [
    { width: 12, numberFormat: "@" },
    { width: 10, numberFormat: "@" },
    { width: 12 },
    { width: 8, numberFormat: "0.0" },
    { width: 14, numberFormat: "@" },
  ];
  s.styles = [
    {
      range: { row: 0, column: 0, rows: 1, columns: 5 },
      bold: true,
      fill: HEADER_FILL,
      border: "bottom",
    },
  ];
  s.validations = [
    { range: { row: 1, column: 2, rows, columns: 1 }, list: enumList("rater", language) },
    {
      range: { row: 1, column: 3, rows, columns: 1 },
      decimal: { min: 0, max: scale },
      error: L({
        en: `A rating lies between 0 and ${scale}.`,
        zh: `评分应在 0 到 ${scale} 之间。`,
      }),
    },
  ];
  s.freeze = { rows: 1, columns: 1 };
  s.tabColor = "#70AD47";
  return s;
}

// ---------------------------------------------------------------------------------------------
// Readers
// ---------------------------------------------------------------------------------------------

function trimRows(cells: CellInput[][]): CellInput[][] {
  let n = cells.length;
  const empty = (r: CellInput[] | undefined) =>
    !r ||
    r.every((c) => c === null || c === undefined || (typeof c === "string" && c.trim() === ""));
  while (n > 0 && empty(cells[n - 1])) n--;
  return cells.slice(0, n);
}

/**
 * The 0-based header row of a Data sheet: the first row (of the first 20) in which the employee id
 * and period columns are found, in either language; lines above it (the unit/source line) are not
 * data.
 */
export function dataHeaderRow(cells: CellInput[][], plan: Plan): number {
  for (let r = 0; r < Math.min(cells.length, 20); r++) {
    if (isWords(cells[r]?.[0], UNIT_LINE)) continue;
    const m = mapColumns(
      { sheet: "", headerRow: r + 1, header: cells[r] ?? [], rows: [] },
      plan
    ).mapping;
    if (m.id !== undefined && m.period !== undefined) return r;
  }
  return 0;
}

/** Reads the Data sheet (values from A1) with the engine's readDataTable, below its header row. */
export function readDataSheet(
  cells: CellInput[][],
  sheetName: string,
  plan: Plan,
  saved?: ColumnMapping
): DataReading {
  const all = trimRows(cells);
  const h = dataHeaderRow(all, plan);
  return readDataTable(
    {
      sheet: sheetName,
      headerRow: h + 1,
      header: all[h] ?? [],
      rows: all.slice(h + 1),
      firstDataRow: h + 2,
    },
    plan,
    saved
  );
}

/** Where the ratings are, for formulas over them: 0-based column of each part. */
export interface FeedbackColumns {
  sheet: string;
  id: number;
  period: number;
  rater: number;
  score: number;
}

export interface FeedbackSheetReading extends FeedbackReading {
  columns: FeedbackColumns | null;
}

/** Reads the Feedback sheet (values from A1, header in the first row). */
export function readFeedbackSheet(
  cells: CellInput[][],
  sheetName: string,
  options: FeedbackOptions
): FeedbackSheetReading {
  const all = trimRows(cells);
  const header = all[0] ?? [];
  const reading = readFeedbackTable(
    { sheet: sheetName, headerRow: 1, header, rows: all.slice(1) },
    options
  );
  return { ...reading, columns: feedbackColumns(header, sheetName) };
}

/** The columns the Feedback reader uses, found the same way it finds them. */
export function feedbackColumns(header: CellInput[], sheetName: string): FeedbackColumns | null {
  const c = feedbackColumnsOf(header);
  if (c.id === undefined || c.period === undefined || c.rater === undefined) return null;
  if (c.score === undefined) return null;
  return { sheet: sheetName, id: c.id, period: c.period, rater: c.rater, score: c.score };
}

/** The Feedback columns this module writes. */
export function defaultFeedbackColumns(
  language: Language,
  name = say(SHEET_NAMES.feedback, language)
): FeedbackColumns {
  return { sheet: name, id: 0, period: 1, rater: 2, score: 3 };
}

/** Column letter of a field in a data row's source (undefined when the data has no such column). */
export function sourceColumn(
  row: { source: { columns?: Readonly<Record<string, string>> } },
  key: string
): string | undefined {
  return row.source.columns?.[key];
}

export { columnLetter };

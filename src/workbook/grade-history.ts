/**
 * Grade history (历年评级): an input sheet where HR types the annual grades of years the Data
 * sheet does not cover (id, name, year, annual grade), which the promotion rule reads for the
 * years before the one under review. The template and Start create it (empty), the demo fills
 * it; the reader finds its columns by their headers in either language and names every row it
 * cannot use by sheet, row and column.
 */
import type { CellInput } from "../engine/coerce";
import type { Language } from "../engine/messages";
import type { Issue } from "../engine/issues";
import { issue } from "../engine/issues";
import type { Plan } from "../engine/plan/model";
import type { GradeHistoryEntry } from "../engine/evaluate/review";
import { gradeRank } from "../engine/rules/promotion";
import { columnLetter } from "./a1";
import { Grid } from "./grid";
import type { SheetLayout } from "./layout";
import { sheet as emptySheet } from "./layout";
import { PLAN_NAMES } from "./plan-sheet";
import type { Words } from "./text";
import { say, SHEET_NAMES } from "./text";

export { GRADE_HISTORY_MESSAGES } from "./grade-history-messages";

export const GRADE_HISTORY_HEADERS = {
  id: { en: "Employee ID", zh: "员工编号" },
  name: { en: "Name", zh: "姓名" },
  year: { en: "Year", zh: "年度" },
  grade: { en: "Annual grade", zh: "年度评级" },
} as const satisfies Record<string, Words>;

type Column = keyof typeof GRADE_HISTORY_HEADERS;
const ORDER: Column[] = ["id", "name", "year", "grade"];

/** Where the grade history's columns are (0-based), as the formulas read them. */
export interface GradeHistoryColumns {
  sheet: string;
  id: number;
  year: number;
  grade: number;
}

export interface GradeHistoryReading {
  entries: GradeHistoryEntry[];
  issues: Issue[];
  columns: GradeHistoryColumns | null;
}

/** The sheet as the add-in creates it: the header, and the entries given (the demo's). */
export function gradeHistorySheet(
  language: Language,
  entries: readonly Omit<GradeHistoryEntry, "row">[] = [],
  name = say(SHEET_NAMES.grade_history, language)
): SheetLayout {
  const s = emptySheet("grade_history", name, "input");
  const g = new Grid();
  g.line(
    0,
    0,
    ORDER.map((k) => say(GRADE_HISTORY_HEADERS[k], language))
  );
  entries.forEach((e, i) => g.line(1 + i, 0, [e.id, e.name, e.year, e.grade]));
  s.blocks.push(g.block());
  const rows = Math.max(entries.length, 2000);
  s.columns = [
    { width: 12, numberFormat: "@" },
    { width: 10, numberFormat: "@" },
    { width: 8, numberFormat: "0" },
    { width: 10, numberFormat: "@" },
  ];
  s.styles = [
    {
      range: { row: 0, column: 0, rows: 1, columns: ORDER.length },
      bold: true,
      fill: "#DDEBF7",
      border: "bottom",
    },
  ];
  s.validations = [
    {
      range: { row: 1, column: 2, rows, columns: 1 },
      decimal: { min: 1990, max: 2100 },
      error: say({ en: "A year, e.g. 2023.", zh: "请填写年度，如 2023。" }, language),
    },
    { range: { row: 1, column: 3, rows, columns: 1 }, source: PLAN_NAMES.gradeLabel },
  ];
  s.freeze = { rows: 1, columns: 0 };
  s.tabColor = "#548235";
  return s;
}

/** The columns of a header row (either language), or null when one the formulas need is missing. */
export function gradeHistoryColumns(
  header: readonly CellInput[],
  sheet: string
): { columns: GradeHistoryColumns | null; missing: Words | null; name: number } {
  const at = (w: Words) =>
    header.findIndex((h) => typeof h === "string" && (h.trim() === w.en || h.trim() === w.zh));
  const H = GRADE_HISTORY_HEADERS;
  const id = at(H.id);
  const year = at(H.year);
  const grade = at(H.grade);
  const missing = id < 0 ? H.id : year < 0 ? H.year : grade < 0 ? H.grade : null;
  return {
    columns: missing ? null : { sheet, id, year, grade },
    missing,
    name: at(H.name),
  };
}

function text(v: CellInput): string {
  return v === null || v === undefined ? "" : String(v).trim();
}

/** Reads the sheet's rows (values from A1); every row it cannot use is named. */
export function readGradeHistorySheet(
  cells: readonly (readonly CellInput[])[],
  sheet: string,
  plan: Pick<Plan, "grading">
): GradeHistoryReading {
  const found = gradeHistoryColumns(cells[0] ?? [], sheet);
  const issues: Issue[] = [];
  const c = found.columns;
  if (!c) {
    issues.push(
      issue(
        "error",
        "gradeHistoryColumnMissing",
        { column: found.missing! },
        { location: { sheet, row: 1 } }
      )
    );
    return { entries: [], issues, columns: null };
  }
  const labels = plan.grading.grades.map((g) => g.label);
  const entries: GradeHistoryEntry[] = [];
  const first = new Map<string, number>();
  const at = (row: number, col: number) => ({
    location: { sheet, row, column: columnLetter(col) },
  });
  for (let i = 1; i < cells.length; i++) {
    const r = cells[i] ?? [];
    const row = i + 1;
    const id = text(r[c.id]);
    const yearCell = r[c.year];
    const grade = text(r[c.grade]);
    if (!id && !text(yearCell) && !grade) continue;
    if (!id) {
      issues.push(issue("error", "gradeHistoryIdBlank", {}, at(row, c.id)));
      continue;
    }
    const year = typeof yearCell === "number" ? yearCell : NaN;
    if (!(Number.isInteger(year) && year >= 1990 && year <= 2100)) {
      issues.push(
        issue("error", "gradeHistoryYearInvalid", { text: text(yearCell) }, at(row, c.year))
      );
      continue;
    }
    if (!grade)
      issues.push(issue("warning", "gradeHistoryGradeBlank", { id, year }, at(row, c.grade)));
    else if (gradeRank(grade, labels) === 0)
      issues.push(
        issue("warning", "gradeHistoryGradeUnknown", { id, year, grade }, at(row, c.grade))
      );
    const key = id.toLowerCase() + "\u0000" + year;
    if (first.has(key))
      issues.push(
        issue("warning", "gradeHistoryTwice", { id, year, first: first.get(key)! }, at(row, c.id))
      );
    else first.set(key, row);
    entries.push({ id, name: found.name >= 0 ? text(r[found.name]) : "", year, grade, row });
  }
  return { entries, issues, columns: c };
}

/**
 * 绩效申诉 (Appeals) and 绩效审批 (Sign-off): the input sheets of the review cycle. HR types on
 * them or the pane's Appeals view adds and decides rows; the add-in never changes a row it is not
 * asked to. Their columns are fixed here (the Scorecard's appeal adjustment sums over them by
 * letter); their headers are read back by name (src/engine/import/appeals.ts).
 */
import {
  APPEAL_HEADERS,
  APPEAL_WORDS,
  SIGN_OFF_HEADERS,
  type Appeal,
  type AppealColumn,
  type SignOff,
  type SignOffColumn,
  type SignOffRole,
  type SignOffState,
} from "../../engine/import/appeals";
import type { Language } from "../../engine/messages";
import type { CellInput } from "../../engine/coerce";
import type { CellTable } from "../../engine/records";
import { columnLetter } from "../a1";
import { Grid } from "../grid";
import type { Scalar, SheetLayout } from "../layout";
import { sheet as emptySheet } from "../layout";
import { say, SHEET_NAMES, type Words } from "../text";
import { localizeMoney } from "../money";
import { HEADER_FILL, MONEY } from "./context";

/** The Appeals sheet's columns, left to right. */
export const APPEAL_COLUMNS: readonly AppealColumn[] = [
  "no",
  "id",
  "name",
  "period",
  "subject",
  "reason",
  "status",
  "decision",
  "amount",
  "decidedBy",
  "decidedOn",
];

/** The Sign-off sheet's columns, left to right. */
export const SIGN_OFF_COLUMNS: readonly SignOffColumn[] = ["period", "role", "name", "date"];

/** Rows the validation lists cover below the header (more when the sheet holds more). */
const LIST_ROWS = 2000;

/** The absolute whole-column reference of an Appeals column on a sheet ('绩效申诉'!$I:$I). */
export function appealColumnRef(sheetRef: string, column: AppealColumn): string {
  const l = columnLetter(APPEAL_COLUMNS.indexOf(column));
  return `${sheetRef}!$${l}:$${l}`;
}

/** An appeal as the sheet holds it (status in the sheet's language, amount blank when 0 and not upheld). */
export function appealCells(a: Omit<Appeal, "row">, language: Language): Scalar[] {
  const v: Record<AppealColumn, Scalar> = {
    no: a.no,
    id: a.id,
    name: a.name || null,
    period: a.period,
    subject: a.subject || null,
    reason: a.reason || null,
    status: say(APPEAL_WORDS.status[a.status], language),
    decision: a.decision || null,
    amount: a.amount === 0 && a.status !== "upheld" ? null : a.amount,
    decidedBy: a.decidedBy || null,
    decidedOn: a.decidedOn || null,
  };
  return APPEAL_COLUMNS.map((k) => v[k]);
}

export function signOffCells(s: Omit<SignOff, "row">, language: Language): Scalar[] {
  return [s.period, say(APPEAL_WORDS.role[s.role], language), s.name, s.date];
}

function listOf(words: Record<string, Words>, language: Language): string[] {
  return Object.values(words).map((w) => say(w, language));
}

function inputSheet(
  role: "appeals" | "sign_off",
  name: string,
  header: string[],
  rows: readonly Scalar[][],
  widths: number[]
): SheetLayout {
  const s = emptySheet(role, name, "input");
  const g = new Grid();
  g.line(0, 0, header);
  rows.forEach((r, i) => g.line(1 + i, 0, [...r]));
  s.blocks.push(g.block());
  s.columns = widths.map((width) => ({ width, numberFormat: "@" }));
  s.styles = [
    {
      range: { row: 0, column: 0, rows: 1, columns: header.length },
      bold: true,
      fill: HEADER_FILL,
      border: "bottom",
      wrap: true,
    },
  ];
  s.freeze = { rows: 1, columns: 0 };
  s.tabColor = "#7030A0";
  return s;
}

/** The Appeals sheet holding these rows (already in its columns). */
export function appealsSheet(
  language: Language,
  rows: readonly Scalar[][] = [],
  name = say(SHEET_NAMES.appeals, language)
): SheetLayout {
  const L = (w: Words) => say(w, language);
  const header = APPEAL_COLUMNS.map((k) => L(APPEAL_HEADERS[k]));
  const s = inputSheet("appeals", name, header, rows, [9, 11, 9, 10, 16, 28, 11, 28, 12, 10, 11]);
  const n = Math.max(rows.length, LIST_ROWS);
  const at = (k: AppealColumn) => APPEAL_COLUMNS.indexOf(k);
  s.columns[at("amount")] = { width: 12, numberFormat: MONEY };
  s.styles.push(
    {
      range: { row: 1, column: 0, rows: Math.max(rows.length, 1), columns: header.length },
      vertical: "top",
    },
    ...(["reason", "decision"] as const).map((k) => ({
      range: { row: 1, column: at(k), rows: Math.max(rows.length, 1), columns: 1 },
      wrap: true,
      vertical: "top" as const,
    }))
  );
  s.validations = [
    {
      range: { row: 1, column: at("status"), rows: n, columns: 1 },
      list: listOf(APPEAL_WORDS.status, language),
      error: L({
        en: "Choose a status from the list; only Upheld changes pay.",
        zh: "请从列表中选择处理状态；只有“申诉成立”才调整薪酬。",
      }),
    },
    {
      range: { row: 1, column: at("amount"), rows: n, columns: 1 },
      decimal: { min: -100_000_000, max: 100_000_000 },
      error: L({
        en: "The effect on pay is an amount (negative to deduct).",
        zh: "薪酬调整应为金额（扣减填负数）。",
      }),
    },
  ];
  return localizeMoney(s, language);
}

/** The Sign-off sheet holding these rows (already in its columns). */
export function signOffSheet(
  language: Language,
  rows: readonly Scalar[][] = [],
  name = say(SHEET_NAMES.sign_off, language)
): SheetLayout {
  const L = (w: Words) => say(w, language);
  const header = SIGN_OFF_COLUMNS.map((k) => L(SIGN_OFF_HEADERS[k]));
  const s = inputSheet("sign_off", name, header, rows, [11, 14, 14, 12]);
  s.validations = [
    {
      range: { row: 1, column: 1, rows: Math.max(rows.length, LIST_ROWS), columns: 1 },
      list: listOf(APPEAL_WORDS.role, language),
      error: L({
        en: "Choose a role from the list: sales manager, HR or finance.",
        zh: "请从列表中选择审批角色：销售经理、人力资源或财务。",
      }),
    },
  ];
  return s;
}

/** The Appeals or Sign-off sheet's values (from A1) as the readers' table: header on row 1. */
export function reviewTable(values: readonly CellInput[][], sheet: string): CellTable {
  return { sheet, headerRow: 1, header: values[0] ?? [], rows: values.slice(1) };
}

/** Who overrode the missing sign-offs of a close, and why. */
export interface SignOffOverride {
  by: string;
  reason: string;
}

/** Roles in words, in the language ("HR, Finance" / "人力资源、财务"). */
export function rolesText(roles: readonly SignOffRole[], language: Language): string {
  return roles
    .map((r) => say(APPEAL_WORDS.role[r], language))
    .join(language === "zh-CN" ? "、" : ", ");
}

/**
 * A close's sign-off record in words (the Close log's note, the frozen scorecard's stamp): who
 * signed and when, and an override of the missing roles with who and why.
 */
export function signOffNote(
  state: SignOffState,
  override: SignOffOverride | null,
  language: Language
): string {
  const zh = language === "zh-CN";
  const signed = (Object.keys(state.byRole) as SignOffRole[])
    .filter((r) => state.byRole[r])
    .map((r) => {
      const s = state.byRole[r]!;
      return zh
        ? `${say(APPEAL_WORDS.role[r], language)} ${s.name}（${s.date}）`
        : `${say(APPEAL_WORDS.role[r], language)} ${s.name} (${s.date})`;
    })
    .join(zh ? "；" : "; ");
  const parts: string[] = [];
  if (signed) parts.push(zh ? `已审批：${signed}。` : `Signed off: ${signed}.`);
  if (state.missing.length && override)
    parts.push(
      zh
        ? `未经${rolesText(state.missing, language)}审批即结账，越过审批：${override.by}，理由：${override.reason}。`
        : `Closed without the sign-off of ${rolesText(state.missing, language)}: overridden by ${override.by}, reason: ${override.reason}.`
    );
  return parts.join(" ");
}

/**
 * Problems found in a plan, in data, or while scoring — every one located (sheet, row, column,
 * or a path into the plan) and worded in the user's language when shown.
 */
import { formatMessage, Language, MessageKey, MessageParams } from "./messages";

export type Severity = "error" | "warning" | "info";

export interface CellLocation {
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  /** Column letter(s), e.g. "F". */
  column?: string;
  /** The header text of that column as the source had it. */
  header?: string;
}

export interface Issue {
  severity: Severity;
  code: MessageKey;
  params: MessageParams;
  /** Where in a sheet or file. */
  location?: CellLocation;
  /** Which salesperson and period it concerns. */
  subject?: { id: string; period?: string };
  /** Where in the plan (plan validation), e.g. "dimensions.sales.indicators". */
  path?: string;
  /** What it concerns, in words (an indicator's or dimension's name), shown before the message. */
  label?: { en: string; zh: string };
}

export function issue(
  severity: Severity,
  code: MessageKey,
  params: MessageParams = {},
  where: Pick<Issue, "location" | "subject" | "path" | "label"> = {}
): Issue {
  return { severity, code, params, ...where };
}

/** 0-based column index → letters ("A", "Z", "AA"). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "Data!F15" style reference of a location. */
export function cellReference(loc: CellLocation): string {
  const sheet = /^[A-Za-z0-9_]+$/.test(loc.sheet)
    ? loc.sheet
    : `'${loc.sheet.replace(/'/g, "''")}'`;
  return `${sheet}!${loc.column ?? ""}${loc.row}`;
}

/** The issue's full sentence, prefixed with where it is. */
export function formatIssue(i: Issue, language: Language): string {
  const text = formatMessage(i.code, i.params, language);
  const parts: string[] = [];
  if (i.location) {
    const l = i.location;
    const header = l.header ? (language === "zh-CN" ? `（${l.header}）` : ` (${l.header})`) : "";
    parts.push(
      language === "zh-CN"
        ? `${l.sheet} 第 ${l.row} 行${l.column ? ` ${l.column} 列` : ""}${header}`
        : `${l.sheet} row ${l.row}${l.column ? `, column ${l.column}` : ""}${header}`
    );
  }
  if (i.label) parts.push(language === "zh-CN" ? i.label.zh : i.label.en);
  else if (i.path && !i.location) parts.push(i.path);
  if (i.subject && !i.location)
    parts.push(`${i.subject.id}${i.subject.period ? " " + i.subject.period : ""}`);
  const colon = language === "zh-CN" ? "：" : ": ";
  return parts.length ? `${parts.join(" · ")}${colon}${text}` : text;
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === "error");
}

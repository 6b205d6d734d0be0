/**
 * How the add-in marks what it created. Pure.
 *
 * Each add-in sheet is marked by a hidden, workbook-scoped defined name `PERF_SHEET_<role>` that
 * refers to the whole sheet (ExcelApi 1.4). A range name follows the sheet when the user renames
 * or moves it, survives deleted rows and columns (it spans them all), turns into #REF! when the
 * sheet is deleted, and is not duplicated onto a copy of the sheet as a workbook-scoped name
 * (Excel gives the copy a sheet-scoped one), so exactly one sheet answers for each role.
 *
 * Why a name: worksheet custom properties would be tidier but need ExcelApi 1.12 (not in Excel
 * 2019/2021 perpetual); workbook custom properties (1.7) and custom XML parts (1.5) are not tied
 * to a sheet, so a rename or a deletion would go unnoticed. Names are ExcelApi 1.4 and travel
 * with the .xlsx, so the .xlsx writer can mark its sheets the same way. The name's comment records the role, the kind, the
 * state of the last write and a hash of what was written:
 *
 *   perf-addin/1 role=scorecard kind=output state=ok hash=0123456789abcdef
 *   shape=fedcba9876543210 rows=10001 cols=30 tables=1 charts=0 bytes=9000000
 *
 * Defined names that the layouts ask for (Plan_Tiers, …) carry the tag {@link OWNED_NAME_TAG} at
 * the end of their comment, so the add-in replaces its own names and never a user's.
 */
import type { SheetLayout, SheetRole } from "../workbook/layout";

export const MARK_PREFIX = "PERF_SHEET_";
export const MARK_VERSION = "perf-addin/1";
export const OWNED_NAME_TAG = "[perf-addin]";
/** Excel limits a defined name's comment to 255 characters. */
export const NAME_COMMENT_MAX = 255;

export type MarkState = "ok" | "writing" | "replacing";

export interface SheetMark {
  role: SheetRole;
  kind: SheetLayout["kind"];
  state: MarkState;
  hash: string;
  /** Hash of the sheet's formats, tables, names, charts… (what the cell hash does not cover). */
  shape: string;
  rows: number;
  cols: number;
  tables: number;
  charts: number;
  /** Estimated request bytes of the cell contents, to size the reads that verify them. */
  bytes: number;
  /** Depth of the column groups the add-in made on the sheet (0: none; marks before them: absent). */
  outline?: number;
}

/** Roles are lower-case words (the layouts may add roles; a mark names whichever it was given). */
const ROLE_PATTERN = /^[a-z][a-z0-9_]*$/;

function asRole(text: string | undefined): SheetRole | undefined {
  return text !== undefined && ROLE_PATTERN.test(text) ? (text as SheetRole) : undefined;
}

export function markName(role: SheetRole): string {
  return `${MARK_PREFIX}${role}`;
}

/** The role a mark name stands for, or undefined if it is not a mark. */
export function roleOfMarkName(name: string): SheetRole | undefined {
  if (!name.toUpperCase().startsWith(MARK_PREFIX)) return undefined;
  return asRole(name.slice(MARK_PREFIX.length).toLowerCase());
}

export function encodeMark(mark: SheetMark): string {
  return [
    MARK_VERSION,
    `role=${mark.role}`,
    `kind=${mark.kind}`,
    `state=${mark.state}`,
    `hash=${mark.hash}`,
    `shape=${mark.shape}`,
    `rows=${mark.rows}`,
    `cols=${mark.cols}`,
    `tables=${mark.tables}`,
    `charts=${mark.charts}`,
    `bytes=${mark.bytes}`,
    ...(mark.outline ? [`outline=${mark.outline}`] : []),
  ].join(" ");
}

export function decodeMark(comment: string): SheetMark | undefined {
  const parts = comment.trim().split(/\s+/);
  if (parts[0] !== MARK_VERSION) return undefined;
  const f: Record<string, string> = {};
  for (const p of parts.slice(1)) {
    const eq = p.indexOf("=");
    if (eq > 0) f[p.slice(0, eq)] = p.slice(eq + 1);
  }
  const role = asRole(f.role);
  const kind = f.kind === "input" || f.kind === "output" ? f.kind : undefined;
  const state =
    f.state === "ok" || f.state === "writing" || f.state === "replacing" ? f.state : undefined;
  const num = (k: string) => (f[k] !== undefined && /^\d+$/.test(f[k]) ? Number(f[k]) : NaN);
  const mark = {
    rows: num("rows"),
    cols: num("cols"),
    tables: num("tables"),
    charts: num("charts"),
    bytes: num("bytes"),
  };
  if (!role || !kind || !state || !f.hash || !f.shape) return undefined;
  if (Object.values(mark).some((v) => Number.isNaN(v))) return undefined;
  const outline = num("outline");
  return {
    role,
    kind,
    state,
    hash: f.hash,
    shape: f.shape,
    ...mark,
    ...(outline > 0 ? { outline } : {}),
  };
}

/** The comment for a defined name the add-in creates: the layout's comment, then the tag. */
export function ownedNameComment(comment: string | undefined): string {
  const room = NAME_COMMENT_MAX - OWNED_NAME_TAG.length - 1;
  const text = (comment ?? "").slice(0, room).trim();
  return text ? `${text} ${OWNED_NAME_TAG}` : OWNED_NAME_TAG;
}

export function isOwnedNameComment(comment: string | null | undefined): boolean {
  return typeof comment === "string" && comment.trimEnd().endsWith(OWNED_NAME_TAG);
}

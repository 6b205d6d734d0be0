/**
 * What the adapter needs to know about the open workbook before it writes: its sheets, names and
 * tables, and which sheets the add-in owns (by their marks, see ./marks.ts).
 */
import type { SheetRole } from "../workbook/layout";
import { splitSheetAddress } from "./a1";
import { decodeMark, roleOfMarkName, type SheetMark } from "./marks";
import { isStagingName } from "./names";

export interface SheetInfo {
  name: string;
  visibility: string;
  position: number;
}

export interface NameInfo {
  name: string;
  type: string;
  value: unknown;
  comment: string;
}

export interface OwnedSheet {
  role: SheetRole;
  /** The sheet's current name. */
  sheet: string;
  markName: string;
  mark: SheetMark;
}

export interface WorkbookInventory {
  sheets: SheetInfo[];
  names: NameInfo[];
  tables: string[];
  owned: Map<SheetRole, OwnedSheet>;
  /** Mark names that no longer point at a finished add-in sheet. */
  staleMarks: string[];
  /** Temporary sheets a failed run left behind. */
  leftovers: string[];
}

/** Interpret what was loaded. Pure, so the rules are tested without Excel. */
export function interpretWorkbook(
  sheets: SheetInfo[],
  names: NameInfo[],
  tables: string[]
): WorkbookInventory {
  const byName = new Map(sheets.map((s) => [s.name.toUpperCase(), s]));
  const owned = new Map<SheetRole, OwnedSheet>();
  const staleMarks: string[] = [];
  for (const n of names) {
    const role = roleOfMarkName(n.name);
    if (!role) continue;
    const mark = decodeMark(n.comment ?? "");
    const address =
      n.type === "Range" && typeof n.value === "string" ? splitSheetAddress(n.value) : null;
    const sheet = address ? byName.get(address.sheet.toUpperCase()) : undefined;
    if (!mark || mark.role !== role || !sheet || isStagingName(sheet.name) || owned.has(role)) {
      staleMarks.push(n.name);
      continue;
    }
    owned.set(role, { role, sheet: sheet.name, markName: n.name, mark });
  }
  const leftovers = sheets.filter((s) => isStagingName(s.name)).map((s) => s.name);
  return { sheets, names, tables, owned, staleMarks, leftovers };
}

/** Load sheets, workbook-scoped names and tables in one round trip. */
export async function loadWorkbookState(context: Excel.RequestContext): Promise<WorkbookInventory> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility,items/position");
  const names = context.workbook.names;
  names.load("items/name,items/type,items/value,items/comment");
  const tables = context.workbook.tables;
  tables.load("items/name");
  await context.sync();
  return interpretWorkbook(
    worksheets.items.map((s) => ({ name: s.name, visibility: s.visibility, position: s.position })),
    names.items.map((n) => ({
      name: n.name,
      type: n.type,
      value: n.value as unknown,
      comment: n.comment ?? "",
    })),
    tables.items.map((t) => t.name)
  );
}

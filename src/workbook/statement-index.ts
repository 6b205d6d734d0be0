/**
 * The Statements sheet's index and reading (绩效结果通知单): the first row of every statement
 * carries, in a hidden column outside the print area, an entry (`perf-statement {"id":…,…}`) with
 * the block's extent and where its improvement-plan, signature and follow-up lines are.
 * `readStatementsSheet` reads the entries back with what the user wrote on those lines, and
 * `changedStatements` says which statements' printed content would change when rewritten.
 * statements.ts writes the blocks and their entries.
 */
import type { CellInput } from "../engine/coerce";
import type { Scalar } from "./layout";
import { indexEntry, scalar } from "./page-writer";
import {
  followUpWritten,
  readFollowUpEntry,
  type FollowUpEntry,
  type FollowUpLine,
} from "./statement-followup";

/** Where a statement sits on the sheet (0-based rows), as its index entry says. */
export interface StatementEntry {
  id: string;
  period: string;
  /** Plan version the statement was computed with. */
  planVersion: string;
  /** First row of the block, and its height. */
  row: number;
  rows: number;
  /** Offsets from `row` of the first improvement-plan line and of the signature line. */
  notes: number;
  sign: number;
  /** The block following up the previous period's improvement plan (absent on older sheets). */
  follow?: FollowUpEntry;
}

/** What the user wrote on a statement's improvement-plan lines and signature line. */
export interface StatementNotes {
  /** The improvement-plan lines, columns A–H. */
  notes: Scalar[][];
  /** The signature line's value cells (after each label). */
  sign: Scalar[];
  /** The follow-up block's carried lines with the outcomes written on them (when any was). */
  followUp?: FollowUpLine[];
}

export function statementKey(id: string, period: string): string {
  return id + "\u0000" + period;
}

/** The hidden column (I) that holds each block's index entry. */
export const STATEMENT_INDEX_COLUMN = 8;
export const ENTRY_PREFIX = "perf-statement ";
export const NOTE_LINES = 4;
/** Columns of the signature line that take the names and dates (labels sit before them). */
export const SIGN_VALUE_COLUMNS = [1, 3, 5, 7];
/** Columns A–H: the printed width of a statement. */
export const STATEMENT_COLUMNS = 8;

/**
 * The statements a Statements sheet holds (its index entries, top to bottom), and what was
 * written on each one's improvement-plan and signature lines. Values from A1, as read back.
 */
export function readStatementsSheet(values: readonly (readonly CellInput[])[]): {
  entries: StatementEntry[];
  notes: Map<string, StatementNotes>;
} {
  const entries: StatementEntry[] = [];
  const notes = new Map<string, StatementNotes>();
  values.forEach((line, row) => {
    const x = indexEntry(line[STATEMENT_INDEX_COLUMN], ENTRY_PREFIX);
    if (!x) return;
    const o = x.raw;
    const entry: StatementEntry = {
      id: x.id,
      period: x.period,
      planVersion: x.planVersion,
      row,
      rows: x.rows,
      notes: x.offset("notes"),
      sign: x.offset("sign"),
    };
    if (entry.rows <= 0 || entry.notes < 0 || entry.sign < 0) return;
    const follow = readFollowUpEntry(o.follow);
    if (follow) entry.follow = follow;
    entries.push(entry);
    const at = (r: number) => values[row + r] ?? [];
    const lines: Scalar[][] = [];
    for (let k = 0; k < NOTE_LINES; k++)
      lines.push(
        Array.from({ length: STATEMENT_COLUMNS }, (_, c) => scalar(at(entry.notes + k)[c]))
      );
    const sign = SIGN_VALUE_COLUMNS.map((c) => scalar(at(entry.sign)[c]));
    const followUp = follow ? followUpWritten(follow, at) : undefined;
    const written: StatementNotes = { notes: lines, sign, ...(followUp ? { followUp } : {}) };
    if (lines.some((l) => l.some((c) => c !== null)) || sign.some((c) => c !== null) || followUp)
      notes.set(statementKey(entry.id, entry.period), written);
  });
  return { entries, notes };
}

function same(a: CellInput, b: CellInput): boolean {
  const x = a === undefined || a === "" ? null : a;
  const y = b === undefined || b === "" ? null : b;
  if (typeof x === "number" && typeof y === "number")
    return x === y || Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(x));
  return x === y;
}

/**
 * A statement's printed lines without what the user writes or carries over: its improvement-plan
 * lines stand as one marker line, the signature line loses its names and dates, and the
 * follow-up block (the previous statement's lines and their outcomes) is left out.
 */
function printedLines(
  values: readonly (readonly CellInput[])[],
  e: StatementEntry
): (readonly CellInput[])[] {
  const out: (readonly CellInput[])[] = [];
  const f = e.follow;
  for (let r = 0; r < e.rows; r++) {
    if (f && r >= f.at && r <= f.at + f.rows) continue; // the block and the blank line after it
    if (r >= e.notes && r < e.notes + NOTE_LINES) {
      if (r === e.notes) out.push([ENTRY_PREFIX]);
      continue;
    }
    const line = values[e.row + r] ?? [];
    out.push(
      Array.from({ length: STATEMENT_COLUMNS }, (_, c) =>
        r === e.sign && SIGN_VALUE_COLUMNS.includes(c) ? null : line[c]
      )
    );
  }
  return out;
}

/**
 * The statements of a sheet as read (`before`) whose printed content differs in the sheet about
 * to be written (`after`): another number, another line. What the user wrote on the
 * improvement-plan, signature and outcome lines does not count, nor what the follow-up block
 * carries from the previous statement; a statement no longer in `after` does.
 */
export function changedStatements(
  before: readonly (readonly CellInput[])[],
  after: readonly (readonly CellInput[])[]
): StatementEntry[] {
  const next = new Map(
    readStatementsSheet(after).entries.map((e) => [statementKey(e.id, e.period), e])
  );
  return readStatementsSheet(before).entries.filter((e) => {
    const n = next.get(statementKey(e.id, e.period));
    if (!n) return true;
    const a = printedLines(before, e);
    const b = printedLines(after, n);
    if (a.length !== b.length) return true;
    return a.some((line, r) => line.some((x, c) => !same(x, b[r][c])));
  });
}

/**
 * Improvement plans followed up (绩效面谈 → 改进计划跟进): the improvement-plan lines written on a
 * salesperson's statement of the previous evaluation period (the month or quarter before, across
 * a year boundary too) come back on the next statement, each with a line for its outcome that the
 * interviewer fills (已达成 / 部分达成 / 未达成 and a note).
 *
 * Pure: what a statement's block says is decided here from the statements the sheet is to hold
 * and what the user wrote on them (read back by readStatementsSheet); statements.ts lays it out.
 *
 * - The previous statement is not on the sheet: the block says so (it never disappears silently).
 * - It is, with no improvement-plan lines written: the block says that.
 * - It is, with lines: one line each, in order, blank lines left out, each with its outcome line.
 * - Once an outcome is written on a statement's block, the lines it answers stay as they were
 *   carried (the statement is a record of the interview), even if the previous statement's
 *   lines are edited or it leaves the sheet; until then the block follows the previous statement.
 */
import type { CellInput } from "../engine/coerce";
import type { Language } from "../engine/messages";
import { previousPeriod } from "../engine/periods";
import type { Cell, RangeRef, Scalar, SheetLayout, StyleSpec, ValidationSpec } from "./layout";
import type { Words } from "./text";
import { say } from "./text";

/** Where the previous period's improvement plan stands for a statement. */
export type FollowUpState = "present" | "missing" | "blank";

/** One carried improvement-plan line and what the user wrote for its outcome. */
export interface FollowUpLine {
  text: string;
  /** 已达成 / 部分达成 / 未达成 (or whatever the user typed), and the note. */
  result: Scalar;
  note: Scalar;
}

/** A statement's follow-up block: the period before, its state and the lines carried. */
export interface FollowUp {
  previous: string;
  state: FollowUpState;
  lines: FollowUpLine[];
}

/** The block as a statement's index entry records it (offsets from the statement's first row). */
export interface FollowUpEntry {
  previous: string;
  state: FollowUpState;
  /** Offset of the block's heading, the block's height, and the lines carried. */
  at: number;
  rows: number;
  lines: number;
}

export const FOLLOW_UP_WORDS = {
  heading: { en: "Last period's improvement plan", zh: "上期改进计划跟进" },
  line: { en: "Plan", zh: "计划" },
  result: { en: "Outcome:", zh: "结果：" },
  note: { en: "Note:", zh: "说明：" },
  achieved: { en: "Achieved", zh: "已达成" },
  partly: { en: "Partly achieved", zh: "部分达成" },
  notAchieved: { en: "Not achieved", zh: "未达成" },
  prompt: {
    en: "How the improvement-plan line came out: Achieved, Partly achieved or Not achieved.",
    zh: "该项改进计划的结果：已达成、部分达成或未达成。",
  },
} as const satisfies Record<string, Words>;

/** The outcome list of the result cells, in the sheet's language. */
export function outcomeChoices(language: Language): string[] {
  const w = FOLLOW_UP_WORDS;
  return [w.achieved, w.partly, w.notAchieved].map((x) => say(x, language));
}

/** What the block says when no line is carried: no previous statement, or no lines written on it. */
export function followUpMessage(
  state: Exclude<FollowUpState, "present">,
  id: string,
  previous: string
): Words {
  return state === "missing"
    ? {
        en: `No previous statement found: the sheet holds no statement of ${previous} for ${id}, so there is no improvement plan to follow up.`,
        zh: `未找到上期通知单：本表没有 ${id} ${previous} 的绩效结果通知单，无改进计划可跟进。`,
      }
    : {
        en: `The statement of ${previous} has no improvement-plan lines written: nothing to follow up.`,
        zh: `上期（${previous}）通知单未填写改进计划，无可跟进事项。`,
      };
}

/** A written line's text: its cells that hold something, in order, joined. */
export function lineText(cells: readonly Scalar[]): string {
  return cells
    .filter((c) => c !== null && String(c).trim() !== "")
    .map((c) => String(c).trim())
    .join(" ");
}

/**
 * The follow-up block of a statement (`id`, `period`); null when the period has no period before
 * it (not a period key). `onSheet`: whether the sheet is to hold a statement of a salesperson
 * and period; `written`: the improvement-plan lines written on a statement and, for a statement
 * whose block had outcomes written, that block's lines as read back.
 */
export function followUpOf(
  id: string,
  period: string,
  onSheet: (id: string, period: string) => boolean,
  written: (
    id: string,
    period: string
  ) => { notes: Scalar[][]; followUp?: FollowUpLine[] } | undefined
): FollowUp | null {
  const previous = previousPeriod(period);
  if (previous === null) return null;
  const own = written(id, period)?.followUp;
  if (own && own.some((l) => l.result !== null || l.note !== null))
    return { previous, state: "present", lines: own.map((l) => ({ ...l })) };
  if (!onSheet(id, previous)) return { previous, state: "missing", lines: [] };
  const texts = (written(id, previous)?.notes ?? []).map(lineText).filter((t) => t !== "");
  if (texts.length === 0) return { previous, state: "blank", lines: [] };
  return {
    previous,
    state: "present",
    lines: texts.map((text) => ({ text, result: null, note: null })),
  };
}

/** Display width of text in character widths (a CJK character takes two). */
function displayWidth(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return n;
}

/** Height in points a wrapped text needs in a cell `width` characters wide (null: one line does). */
export function wrappedHeight(text: string, width: number): number | null {
  const lines = text
    .split(/\r?\n/)
    .reduce((n, part) => n + Math.max(1, Math.ceil(displayWidth(part) / (width * 0.95))), 0);
  return lines > 1 ? lines * 15 : null;
}

/** Reads an index entry's follow-up record; null when it has none or it is not one. */
export function readFollowUpEntry(v: unknown): FollowUpEntry | null {
  if (!v || typeof v !== "object") return null;
  const o = v as Record<string, unknown>;
  const int = (x: unknown) => typeof x === "number" && Number.isInteger(x) && x >= 0;
  if (typeof o.previous !== "string") return null;
  if (o.state !== "present" && o.state !== "missing" && o.state !== "blank") return null;
  if (!int(o.at) || !int(o.rows) || !int(o.lines) || (o.rows as number) < 1) return null;
  return {
    previous: o.previous,
    state: o.state,
    at: o.at as number,
    rows: o.rows as number,
    lines: o.lines as number,
  };
}

/** What the block is written with: the statement sheet's writer (statements.ts), row by row. */
export interface BlockWriter {
  readonly language: Language;
  readonly styles: StyleSpec[];
  readonly merges: RangeRef[];
  readonly validations: ValidationSpec[];
  readonly heights: NonNullable<SheetLayout["rowHeights"]>;
  row: number;
  say(w: Words): string;
  period(key: string): string;
  heading(w: Words): void;
  line(cells: Cell[]): void;
  banner(text: string, style: Omit<StyleSpec, "range">): void;
}

/** The statement's width in columns, and in characters of B–H (a line's text) and A–H (a message). */
export interface BlockSizes {
  columns: number;
  text: number;
  message: number;
}

function box(row: number, column: number, rows: number, columns: number): RangeRef {
  return { row, column, rows, columns };
}

/**
 * 上期改进计划跟进: the previous period's improvement-plan lines, each with its outcome line (a
 * result from a list and a note, as written before), or why there are none; its index record.
 * `start`: the statement's first row.
 */
export function writeFollowUp(
  w: BlockWriter,
  id: string,
  f: FollowUp,
  start: number,
  size: BlockSizes
): FollowUpEntry {
  const W = FOLLOW_UP_WORDS;
  const at = w.row - start;
  const shown = w.period(f.previous);
  w.heading({ en: `${W.heading.en} (${shown})`, zh: `${W.heading.zh}（${shown}）` });
  if (f.state !== "present") {
    const message = w.say(followUpMessage(f.state, id, shown));
    w.banner(message, { italic: true, wrap: true, fontColor: "#595959" });
    const high = wrappedHeight(message, size.message);
    if (high) w.heights.push({ row: w.row, rows: 1, points: high });
    w.row++;
  }
  const choices = outcomeChoices(w.language);
  const wide = size.columns - 1;
  f.lines.forEach((l, k) => {
    w.line([`${w.say(W.line)} ${k + 1}`, l.text]);
    const r = w.row - 1;
    w.styles.push({ range: box(r, 0, 1, 1), bold: true, vertical: "top" });
    w.merges.push(box(r, 1, 1, wide));
    w.styles.push({ range: box(r, 1, 1, wide), wrap: true, vertical: "top" });
    const high = wrappedHeight(l.text, size.text);
    if (high) w.heights.push({ row: r, rows: 1, points: high });
    w.line([w.say(W.result), l.result, w.say(W.note), l.note]);
    for (const c of [0, 2]) w.styles.push({ range: box(r + 1, c, 1, 1), bold: true });
    w.merges.push(box(r + 1, 3, 1, size.columns - 3));
    w.styles.push({ range: box(r + 1, 0, 1, size.columns), border: "bottom" });
    w.styles.push({ range: box(r + 1, 3, 1, size.columns - 3), wrap: true });
    w.validations.push({ range: box(r + 1, 1, 1, 1), list: choices, prompt: w.say(W.prompt) });
  });
  const rows = w.row - start - at;
  w.row++;
  return { previous: f.previous, state: f.state, at, rows, lines: f.lines.length };
}

function scalar(c: CellInput): Scalar {
  return c === undefined || c === "" ? null : c;
}

/**
 * A follow-up block's carried lines with the outcomes written on them, as read back (`at`: a row
 * of the statement by its offset); undefined when no outcome was written (the block then follows
 * the previous statement when rewritten).
 */
export function followUpWritten(
  f: FollowUpEntry,
  at: (r: number) => readonly CellInput[]
): FollowUpLine[] | undefined {
  if (f.state !== "present") return undefined;
  const lines: FollowUpLine[] = [];
  for (let k = 0; k < f.lines; k++) {
    const outcome = at(f.at + 2 + 2 * k);
    const text = at(f.at + 1 + 2 * k)[1];
    lines.push({
      text: text === null || text === undefined ? "" : String(text),
      result: scalar(outcome[1]),
      note: scalar(outcome[3]),
    });
  }
  return lines.some((l) => l.result !== null || l.note !== null) ? lines : undefined;
}

/**
 * The host's Target letters sheet (目标责任书): reading which letters it holds, and writing the
 * letters asked for beside those it keeps. The letters are computed (the engine's targetLetter,
 * three evaluations each) and laid out off the pane's thread, in the "targetLetters" task. Part
 * of createLayoutHost (layoutHost.ts).
 */
import { targetLetter, type CellInput, type Issue, type TargetLetter } from "../engine";
import type { SentLayout, WorkbookLayout } from "../workbook/layout";
import type {
  Progress,
  TargetLettersRequest,
  TargetLettersResult,
  WorkbookHost,
  WriteOptions,
} from "./host";
import type { LayoutBuilders, LayoutContext, SheetBackend } from "./ports";
import { taskOptions, type Compute } from "./compute";

/** A salesperson's evaluation period. */
export interface LetterSubject {
  id: string;
  period: string;
}

/** Letters laid out; `L`: a SentLayout once crossed from the worker (its blocks may be packed). */
export interface LettersLayout<L extends SentLayout = WorkbookLayout> {
  /** Null when nothing is to be written (see `changed`, `lost`, or no letter could be computed). */
  layout: L | null;
  /** Letters asked for and laid out. */
  written: LetterSubject[];
  /** Problems of the letters asked for, located: errors stopped a letter, warnings are printed on it. */
  problems: Issue[];
  /** "id period" of letters the sheet keeps whose figures would change (nothing is written). */
  changed: string[];
  /** "id period" of letters the sheet holds that can no longer be computed (nothing is written). */
  lost: string[];
  /** "id period" of letters asked for, signed on the sheet, whose figures change with this write. */
  signedChanged: string[];
}

const key = (s: LetterSubject) => `${s.id}\u0000${s.period}`;
const label = (s: LetterSubject) => `${s.id} ${s.period}`;

/**
 * The Target letters sheet for a request, over the one there now (`before`, its values): the
 * letters it holds stay in their order (those asked for are computed anew there), new ones follow
 * in the order asked; what was written on the signature lines is kept. Letters kept (not asked
 * for) whose figures would change are listed in `changed` and nothing is written, unless the
 * request says to update them. Pure: it runs off the pane's thread.
 */
export function targetLettersLayout(
  layouts: LayoutBuilders,
  request: TargetLettersRequest,
  context: LayoutContext,
  before: CellInput[][] | null,
  progress: (p: Progress) => void = () => {}
): LettersLayout {
  const read = before ? layouts.readTargetLetters(before) : { entries: [], signs: new Map() };
  const asked = new Set(request.subjects.map(key));
  const wanted: { subject: LetterSubject; isNew: boolean }[] = read.entries.map((e) => ({
    subject: { id: e.id, period: e.period },
    isNew: false,
  }));
  const onSheet = new Set(wanted.map((w) => key(w.subject)));
  const seen = new Set<string>();
  for (const s of request.subjects) {
    if (seen.has(key(s)) || onSheet.has(key(s))) continue;
    seen.add(key(s));
    wanted.push({ subject: { id: s.id, period: s.period }, isNew: true });
  }
  const out: LettersLayout = {
    layout: null,
    written: [],
    problems: [],
    changed: [],
    lost: [],
    signedChanged: [],
  };
  const letters: TargetLetter[] = [];
  wanted.forEach(({ subject, isNew }, k) => {
    progress({ done: k, total: wanted.length });
    const r = targetLetter(request.plan, request.rows, subject.id, subject.period);
    if (r.letter) letters.push(r.letter);
    if (asked.has(key(subject))) {
      if (r.letter) out.written.push(subject);
      out.problems.push(...r.problems);
    }
    if (!r.letter && !isNew) out.lost.push(label(subject));
  });
  progress({ done: wanted.length, total: wanted.length });
  if (out.lost.length || out.written.length === 0) return out;
  const layout = layouts.targetLetters(letters, request.language, context, read.signs);
  if (before) {
    out.changed = request.updateChanged
      ? []
      : layouts.changedLetters(before, layout, asked).map(label);
    const changedAsked = new Set(layouts.changedLetters(before, layout).map(key));
    out.signedChanged = read.entries
      .filter((e) => asked.has(key(e)) && changedAsked.has(key(e)) && read.signs.has(key(e)))
      .map(label);
  }
  if (out.changed.length === 0) out.layout = layout;
  return out;
}

type LetterOperations = Pick<WorkbookHost, "readTargetLetters" | "writeTargetLetters">;

/** Reading and writing the Target letters sheet. */
export function letterOperations(
  backend: SheetBackend,
  layouts: LayoutBuilders,
  compute: Compute
): LetterOperations {
  return {
    async readTargetLetters() {
      const read = await backend.readSheet("target_letters");
      return read ? layouts.readTargetLetters(read.values).entries : [];
    },

    async writeTargetLetters(
      request: TargetLettersRequest,
      options: WriteOptions = {}
    ): Promise<TargetLettersResult> {
      const [sheets, read] = await Promise.all([
        backend.addinSheets(),
        backend.readSheet("target_letters"),
      ]);
      const r = await compute.task(
        "targetLetters",
        { request, context: { sheets }, before: read?.values ?? null },
        taskOptions(options)
      );
      const base = {
        written: r.layout ? r.written : [],
        problems: r.problems,
        changed: r.changed,
        lost: r.lost,
        signedChanged: r.signedChanged,
      };
      if (!r.layout) return { sheets: [], ...base };
      const written = await backend.applyLayout(r.layout, options);
      return { ...written, ...base, written: written.cancelled ? [] : r.written };
    },
  };
}

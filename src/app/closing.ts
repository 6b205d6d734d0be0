/**
 * Plan versions, period close, statements and year to date as the pane's steps: plain functions
 * over the host and the engine, tested without React.
 *
 * - A period is closed with the plan on the Plan sheet: its scorecard is frozen as values on its
 *   own sheet under a stamp, and the Close log keeps the stamp, each salesperson's input checksum
 *   and the plan itself. The live output sheets hold open periods only: generating leaves closed
 *   periods out, and closing a period the Scorecard sheet holds rewrites the live sheets without it.
 * - A closed period is recomputed (statements, catch-up) with the plan it was closed with, so a
 *   later plan change never reaches it; its inputs are checked against the stamp, and a change is
 *   reported by salesperson.
 */
import {
  checkClosedPeriod,
  closePeriod,
  explain,
  hasErrors,
  mergeYearToDate,
  planChecksum,
  signOffState,
  validatePlan,
  type SignOffRole,
  yearToDate,
  type Language,
  type PeriodStamp,
  type Plan,
  type YearToDateRow,
} from "../engine";
import {
  closedPeriods,
  emptyCloseLog,
  planOf,
  stampOf,
  type CloseEvent,
  type CloseLog,
  type CloseLogReading,
} from "../workbook/close";
import { rolesText, signOffNote } from "../workbook/sheets/appeals";
import type { StatementItem } from "../workbook/statements";
import {
  annualConsequences,
  annualReviewLine,
  type AnnualConsequences,
  type AnnualReviewLine,
} from "../engine/evaluate/review";
import {
  HostError,
  type FormulaStyle,
  type StatementsResult,
  type WorkbookHost,
  type WorkbookInputs,
  type WriteOptions,
  type WriteResult,
} from "./host";
import {
  checkWorkbook,
  evaluationPeriods,
  readingUnder,
  runPlan,
  type DataCheck,
  type RunResult,
} from "./workflow";

/** Where the pane remembers who closes periods (Office has no reliable user identity). */
export const CLOSED_BY_SETTING = "perf.closedBy";

/** A closed period checked against the workbook as it is now. */
export interface PeriodCheck {
  period: string;
  event: CloseEvent;
  inputsChanged: boolean;
  /** Salespeople whose inputs differ since the close, were added, or were removed. */
  changed: string[];
  added: string[];
  removed: string[];
  /** The Plan sheet's plan is not the one the period was closed with (the period keeps its own). */
  planChanged: boolean;
  /** The Close log holds no plan for this close: the Plan sheet's stands in for it. */
  planMissing: boolean;
}

export interface ClosingState {
  log: CloseLog;
  /** Cells of the Close log that cannot be read; closing and reopening stop until they are restored. */
  problems: CloseLogReading["problems"];
  /** Closed periods (the last event of each is a close). */
  closed: Map<string, CloseEvent>;
  checks: PeriodCheck[];
}

/** The plan a closed period is recomputed with: its own, or the current one when the log has none. */
export function planForClose(
  log: CloseLog,
  e: CloseEvent,
  current: Plan
): { plan: Plan; missing: boolean } {
  const own = planOf(log, e);
  return own ? { plan: own, missing: false } : { plan: current, missing: true };
}

/** Checks every closed period's inputs against its stamp. */
export function checkClosed(log: CloseLog, inputs: WorkbookInputs, current: Plan): PeriodCheck[] {
  const out: PeriodCheck[] = [];
  for (const [period, e] of closedPeriods(log)) {
    const { plan, missing } = planForClose(log, e, current);
    const reading = readingUnder(inputs, plan);
    const c = checkClosedPeriod(
      stampOf(log, e),
      plan,
      reading?.data.rows ?? [],
      reading?.feedback.ratings ?? []
    );
    out.push({
      period,
      event: e,
      inputsChanged: c.inputsChanged,
      changed: c.changed,
      added: c.added,
      removed: c.removed,
      planChanged: planChecksum(current) !== e.planChecksum,
      planMissing: missing,
    });
  }
  return out.sort((a, b) => (a.period < b.period ? -1 : 1));
}

/** The Close log and the check of every closed period (reads the log, and the inputs if anything is closed). */
export async function loadClosing(host: WorkbookHost, plan: Plan | null): Promise<ClosingState> {
  const reading = await host.readCloseLog();
  const log = reading?.log ?? emptyCloseLog();
  const closed = closedPeriods(log);
  const checks = closed.size && plan ? checkClosed(log, await host.readInputs(), plan) : [];
  return { log, problems: reading?.problems ?? [], closed, checks };
}

async function currentPlan(host: WorkbookHost): Promise<Plan> {
  const plan = (await host.readPlan()).plan;
  if (!plan) throw new HostError("The Plan sheet cannot be read.", "NoPlan");
  if (hasErrors(validatePlan(plan))) throw new HostError("The plan has errors.", "PlanErrors");
  return plan;
}

export interface CloseArgs {
  period: string;
  by: string;
  /**
   * Closing a period some role has not signed off (Sign-off sheet): refused unless this says why
   * (recorded with the close, with the closer's name as who overrode).
   */
  overrideReason?: string;
  language: Language;
  /** How the live output sheets are rewritten when they held the period. */
  style: FormulaStyle;
  now?: Date;
  options?: WriteOptions;
}

export interface CloseOutcome {
  written: WriteResult;
  stamp: PeriodStamp;
  /** Salespeople of the period that could not be scored (frozen as not paid). */
  blocked: number;
  /** The live output sheets rewritten without the closed period (when they held it). */
  live: { periods: string[]; written: WriteResult } | null;
}

/**
 * Closes a period: freezes its scorecard (computed now, all teams, with the Plan sheet's plan)
 * under its stamp, logs the close; then, if the live Scorecard sheet holds the period, rewrites the
 * live output sheets for the open periods it held, so nothing left recalculates a closed period.
 */
export async function closeAPeriod(
  host: WorkbookHost,
  args: CloseArgs
): Promise<CloseOutcome | null> {
  const by = args.by.trim();
  if (!by) throw new HostError("Say who closes the period.", "NoName");
  const plan = await currentPlan(host);
  const check = await checkWorkbook(host, plan);
  if (!check) throw new HostError("The workbook has no Data sheet.", "NoSheet");
  const closing = await loadClosing(host, plan);
  if (closing.closed.has(args.period))
    throw new HostError(`${args.period} is closed already.`, "AlreadyClosed");
  const run = runPlan(plan, check, args.period, "");
  if (run.rows.length === 0) throw new HostError(`No data rows for ${args.period}.`, "NoRows");
  const note = signOffOf(check, args.period, by, args.overrideReason ?? "", args.language);
  const stamp = closePeriod(
    plan,
    check.data.rows,
    check.feedback.ratings,
    args.period,
    by,
    args.now ?? new Date()
  );
  const written = await host.closePeriod(
    {
      language: args.language,
      plan,
      evaluation: run.evaluation,
      data: run.data,
      feedback: check.feedback,
      stamp,
      note,
    },
    args.options
  );
  if (written.cancelled) return null;
  const blocked = run.rows.filter((r) => r.totalPay === null).length;
  const held = await host.scorecardPeriods();
  if (!held.includes(args.period)) return { written, stamp, blocked, live: null };
  const closed = new Set([...closing.closed.keys(), args.period]);
  const open = held.filter((p) => !closed.has(p));
  const all = evaluationPeriods(check.data.rows, plan);
  const exclude = new Set(all.filter((p) => !open.includes(p)));
  const live: RunResult = runPlan(plan, check, "", "", exclude);
  const rewritten = await host.writeOutputs(
    {
      plan,
      language: args.language,
      style: args.style,
      evaluation: live.evaluation,
      data: live.data,
      feedback: check.feedback,
    },
    args.options
  );
  return { written, stamp, blocked, live: { periods: open, written: rewritten } };
}

/** Refused when sign-off is missing (HostError "SignOffMissing"; the roles in its details). */
export class SignOffMissingError extends HostError {
  constructor(
    public readonly period: string,
    public readonly missing: SignOffRole[]
  ) {
    super(
      `${period} is not signed off by ${rolesText(missing, "en-US")}: record the sign-offs (Appeals view) or close with a reason for overriding them.`,
      "SignOffMissing",
      { period, missing }
    );
    this.name = "SignOffMissingError";
  }
}

/**
 * The period's sign-off as the close records it (its note); refuses (SignOffMissingError) a period
 * a role has not signed unless a reason for overriding is given. A workbook without a Sign-off
 * sheet (made before it existed) closes as it did, with no note; Start adds the sheet.
 */
export function signOffOf(
  check: DataCheck,
  period: string,
  by: string,
  overrideReason: string,
  language: Language
): string {
  if (!check.signOff) return "";
  const state = signOffState(check.signOff.signOffs, period);
  const reason = overrideReason.trim();
  if (state.missing.length && !reason) throw new SignOffMissingError(period, state.missing);
  return signOffNote(state, state.missing.length ? { by, reason } : null, language);
}

/** Records a reopen of a closed period (explicit and confirmed in the pane). */
export async function reopenAPeriod(
  host: WorkbookHost,
  args: {
    period: string;
    by: string;
    note: string;
    language: Language;
    now?: Date;
    options?: WriteOptions;
  }
): Promise<WriteResult> {
  const by = args.by.trim();
  if (!by) throw new HostError("Say who reopens the period.", "NoName");
  return host.reopenPeriod(
    {
      language: args.language,
      period: args.period,
      by,
      at: (args.now ?? new Date()).toISOString(),
      note: args.note.trim(),
    },
    args.options
  );
}

/** A salesperson's evaluation period. */
export interface Subject {
  id: string;
  period: string;
}

export interface StatementsOutcome {
  result: StatementsResult;
  /** New statements asked for and written. */
  added: Subject[];
  /** New statements not written, and why. */
  skipped: { subject: Subject; reason: "inputsChanged" | "notInData" }[];
}

/** ISO time as a statement shows it: "2024-04-05 09:30 UTC". */
export function closedAtText(iso: string): string {
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}

/**
 * Writes statements for these salespeople (a person, a team, everyone of a period), adding them
 * to those already on the Statements sheet, which are written again as they were asked for.
 * Each is computed from the workbook as it is now, for its whole period (all teams) — with the
 * plan of the close for a closed period, whose statement is refused for anyone whose inputs
 * changed after the close. Statements already on the sheet whose numbers would change are only
 * rewritten with `updateChanged` (the result lists them otherwise).
 */
export async function writeStatementsFor(
  host: WorkbookHost,
  args: {
    language: Language;
    subjects: Subject[];
    updateChanged?: boolean;
    options?: WriteOptions;
  }
): Promise<StatementsOutcome> {
  const plan = await currentPlan(host);
  const [inputs, logReading, existing, history] = await Promise.all([
    host.readInputs(),
    host.readCloseLog(),
    host.readStatements(),
    plan ? host.readGradeHistory(plan) : Promise.resolve(null),
  ]);
  const log = logReading?.log ?? emptyCloseLog();
  const closed = closedPeriods(log);
  const checks = closed.size ? checkClosed(log, inputs, plan) : [];
  const key = (s: Subject) => `${s.id}\u0000${s.period}`;
  const onSheet = new Set(existing.map((e) => key(e)));
  const wanted: { subject: Subject; isNew: boolean }[] = [
    ...existing.map((e) => ({ subject: { id: e.id, period: e.period }, isNew: false })),
  ];
  const asked = new Set<string>();
  for (const s of args.subjects) {
    if (asked.has(key(s))) continue;
    asked.add(key(s));
    if (!onSheet.has(key(s))) wanted.push({ subject: s, isNew: true });
  }
  const runs = new Map<string, RunResult | null>();
  const runFor = (period: string, p: Plan): RunResult | null => {
    const k = `${period}\u0000${planChecksum(p)}`;
    if (!runs.has(k)) {
      const reading = readingUnder(inputs, p);
      runs.set(k, reading ? runPlan(p, reading, period, "") : null);
    }
    return runs.get(k)!;
  };
  // The annual review (a year's last period): from a run over all the data, as the Annual sheet.
  const reviews = new Map<RunResult, AnnualConsequences>();
  const annualFor = (subject: Subject, p: Plan): AnnualReviewLine | null => {
    if (!/-(Q4|12)$/.test(subject.period)) return null;
    const full = runFor("", p);
    const row = full?.rows.find((r) => r.id === subject.id && r.period === subject.period);
    if (!full || !row) return null;
    if (!reviews.has(full))
      reviews.set(full, annualConsequences(full.evaluation, history?.entries ?? [], args.language));
    return annualReviewLine(full.evaluation, reviews.get(full)!, row.index);
  };
  const items: StatementItem[] = [];
  const added: Subject[] = [];
  const skipped: StatementsOutcome["skipped"] = [];
  const lost: Subject[] = [];
  for (const { subject, isNew } of wanted) {
    const e = closed.get(subject.period);
    const p = e ? planForClose(log, e, plan).plan : plan;
    const c = e ? checks.find((x) => x.period === subject.period) : undefined;
    if (isNew && c && [...c.changed, ...c.added, ...c.removed].includes(subject.id)) {
      skipped.push({ subject, reason: "inputsChanged" });
      continue;
    }
    const run = runFor(subject.period, p);
    const row = run?.rows.find((r) => r.id === subject.id && r.period === subject.period);
    if (!run || !row) {
      if (isNew) skipped.push({ subject, reason: "notInData" });
      else lost.push(subject);
      continue;
    }
    items.push({
      plan: p,
      trace: explain(run.evaluation, row.index),
      closed: e ? { at: closedAtText(e.at), by: e.by } : undefined,
      annual: annualFor(subject, p),
    });
    if (isNew) added.push(subject);
  }
  if (lost.length)
    throw new HostError(
      `The Statements sheet holds statements that can no longer be computed (${lost
        .map((s) => `${s.id} ${s.period}`)
        .join(
          ", "
        )}): their rows are no longer on the Data sheet. Restore the rows, or delete those statements from the sheet (their rows, with the hidden index cell in column I).`,
      "StatementsNotComputable"
    );
  if (added.length === 0) return { result: { sheets: [] }, added, skipped };
  const result = await host.writeStatements(
    { language: args.language, items, updateChanged: args.updateChanged },
    args.options
  );
  return { result, added: result.changed || result.cancelled ? [] : added, skipped };
}

export interface YearToDate {
  year: string;
  /** Closed periods of the year, and those whose frozen scorecard is missing. */
  periods: string[];
  missing: string[];
  rows: YearToDateRow[];
}

/** The years that have closed periods. */
export function closedYears(closing: ClosingState): string[] {
  return [...new Set([...closing.closed.keys()].map((p) => p.slice(0, 4)))].sort();
}

/**
 * Year to date from the closed periods of a year: their frozen pay lines against the same
 * periods recomputed now, each with the plan it was closed with and as it was computed at close
 * (the period's rows, all teams) — so the catch-up is zero unless its inputs changed.
 */
export async function computeYearToDate(host: WorkbookHost, year: string): Promise<YearToDate> {
  const plan = await currentPlan(host);
  const [inputs, logReading] = await Promise.all([host.readInputs(), host.readCloseLog()]);
  const log = logReading?.log ?? emptyCloseLog();
  const periods = [...closedPeriods(log).entries()]
    .filter(([p]) => p.startsWith(year))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const parts: YearToDateRow[][] = [];
  const missing: string[] = [];
  for (const [period, e] of periods) {
    const lines = await host.readFrozenScorecard(period);
    if (!lines) {
      missing.push(period);
      continue;
    }
    const p = planForClose(log, e, plan).plan;
    const reading = readingUnder(inputs, p);
    if (!reading) continue;
    const run = runPlan(p, reading, period, "");
    parts.push(yearToDate(lines, run.evaluation, year));
  }
  return { year, periods: periods.map(([p]) => p), missing, rows: mergeYearToDate(parts) };
}

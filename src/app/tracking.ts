/**
 * Monthly tracking (月度跟踪) for the pane: the months the data can be tracked for, each
 * salesperson's month as the Tracking view lists it (the engine's trackMonth), and writing the
 * Tracking sheet with the notes typed in the pane.
 */
import type { Language, Plan } from "../engine";
import { evaluate, type Evaluation } from "../engine/evaluate/evaluate";
import { trackableMonths, trackMonth } from "../engine/evaluate/tracking";
import { say } from "../workbook/text";
import { behindText } from "../workbook/sheets/tracking";
import type {
  FormulaStyle,
  TrackingReading,
  WorkbookHost,
  WriteOptions,
  WriteResult,
} from "./host";
import type { DataCheck } from "./workflow";

/** Indicators behind pace the view names (largest shortfall first); the sheet names them all. */
const BEHIND_SHOWN = 3;

/** One salesperson's month as the Tracking view shows it. */
export interface TrackedPerson {
  id: string;
  name: string;
  team: string;
  /** The headline indicator (the first scored on attainment): its name, share of the period's target done, pace. */
  headline: { name: string; ofPeriod: number; pace: number } | null;
  projectedTotal: number;
  /** Projected grade label, "" when none. */
  grade: string;
  coefficient: number;
  /** The indicators behind pace with their attainment to date, "" when none. */
  behind: string;
}

export interface TrackingList {
  month: string;
  period: string;
  people: TrackedPerson[];
}

/** The evaluation tracking reads: the whole data (every team and month). */
export function trackingEvaluation(plan: Plan, check: DataCheck): Evaluation {
  return evaluate(plan, check.data.rows, check.feedback.ratings);
}

export function monthsToTrack(ev: Evaluation): string[] {
  return trackableMonths(ev);
}

/** The salespeople of a month (of a team, or all with team ""), by id. */
export function trackingList(
  ev: Evaluation,
  month: string,
  team: string,
  language: Language
): TrackingList | null {
  const t = trackMonth(ev, month);
  if (!t) return null;
  const plan = ev.plan;
  const head = plan.dimensions
    .flatMap((d) =>
      plan.indicators.map((ind, i) => ({ ind, i })).filter((x) => x.ind.dimension === d.key)
    )
    .find((x) => ev.compiled.indicators[x.i].usesTarget);
  const people = t.rows
    .filter((r) => !team || r.team === team)
    .map((r): TrackedPerson => {
      const gi = r.projectedGrade;
      const h = head ? r.indicators[head.i] : null;
      return {
        id: r.id,
        name: r.name,
        team: r.team,
        headline:
          head && h
            ? { name: say(head.ind.name, language), ofPeriod: h.ofPeriod, pace: h.pace }
            : null,
        projectedTotal: r.projectedTotal,
        grade: gi >= 0 ? plan.grading.grades[gi].label : "",
        coefficient: r.projectedCoefficient,
        behind: behindText(plan, r, language, BEHIND_SHOWN),
      };
    });
  return { month, period: t.period, people };
}

/** A list's salespeople of a team ("" keeps every team). */
export function ofTeam(list: TrackingList, team: string): TrackedPerson[] {
  return team ? list.people.filter((p) => p.team === team) : list.people;
}

/** The notes on the Tracking sheet for a month, by salesperson. */
export function notesOf(reading: TrackingReading, month: string): Map<string, string> {
  return new Map(reading.notes.filter((n) => n.month === month).map((n) => [n.id, n.note]));
}

/** Writes the Tracking sheet for a month with the notes typed in the pane (every other note is kept). */
export function writeTrackingFor(
  host: WorkbookHost,
  args: {
    plan: Plan;
    language: Language;
    style: FormulaStyle;
    evaluation: Evaluation;
    check: DataCheck;
    month: string;
    notes: ReadonlyMap<string, string>;
    options?: WriteOptions;
  }
): Promise<WriteResult> {
  return host.writeTracking(
    {
      plan: args.plan,
      language: args.language,
      style: args.style,
      evaluation: args.evaluation,
      data: args.check.data,
      feedback: args.check.feedback,
      month: args.month,
      notes: [...args.notes].map(([id, note]) => ({ id, note })),
    },
    args.options
  );
}

/**
 * The pane's steps as plain functions over the host and the engine, shared by the views and
 * tested without React: check the inputs, choose a period and group, run the plan, summarise a
 * run, and remember a column mapping by header text.
 */
import {
  CellTable,
  ColumnMapping,
  DataReading,
  DataRow,
  FeedbackReading,
  Plan,
  ScorecardRow,
  distributionCutoffs,
  evaluate,
  normalizeHeader,
  parsePeriodKey,
  quarterOf,
  ratingScale,
  readDataTable,
  readFeedbackTable,
  scorecardRows,
  Evaluation,
  readAppealsTable,
  readSignOffTable,
  roundMoney,
  type AppealsReading,
  type EvaluationAppeals,
  type SignOffReading,
  type Issue,
} from "../engine";
import type { SettingsStore, WorkbookHost, WorkbookInputs } from "./host";
import { throwIfCancelled, type Compute, type TaskOptions } from "./compute";
import { readGradeHistorySheet, type GradeHistoryReading } from "../workbook/grade-history";
import { closedPeriods } from "../workbook/close";
import { IN_THREAD } from "./inThread";

/** The Data and Feedback sheets as read and checked against the plan. */
export interface DataCheck {
  data: DataReading;
  feedback: FeedbackReading;
  /** The Grade history sheet (历年评级) as read, with the rows it cannot use; absent without it. */
  gradeHistory?: GradeHistoryReading;
  /** The Appeals sheet (an empty reading without one) and the Sign-off sheet (absent without one). */
  appeals?: AppealsReading;
  signOff?: SignOffReading;
}

/** Every problem of a check, sheet by sheet: Data, Feedback, Grade history, Appeals, Sign-off. */
export function checkIssues(check: DataCheck): Issue[] {
  return [
    ...check.data.issues,
    ...check.feedback.issues,
    ...(check.gradeHistory?.issues ?? []),
    ...(check.appeals?.issues ?? []),
    ...(check.signOff?.issues ?? []),
  ];
}

/**
 * Reads the input sheets and checks them against the plan (the check runs where `compute` runs
 * it: the pane's worker, or in the pane's thread by default). The Close log's closed periods are
 * read with them, so that an appeal upheld on the sheet for a closed period is named in the check.
 */
export async function checkWorkbook(
  host: WorkbookHost,
  plan: Plan,
  compute: Compute = IN_THREAD,
  options: TaskOptions = {}
): Promise<DataCheck | null> {
  const [inputs, log] = await Promise.all([host.readInputs(), host.readCloseLog()]);
  throwIfCancelled(options.signal);
  const closed = log ? [...closedPeriods(log.log).keys()] : [];
  return compute.task("check", { inputs, plan, closed }, options);
}

/**
 * The input sheets read for a plan (each plan names its own columns and its rating scale);
 * ratings of people the Data sheet does not hold are reported, and upheld appeals of the
 * `closed` evaluation periods are named (they change pay only after a reopen).
 */
export function readingUnder(
  inputs: WorkbookInputs,
  plan: Plan,
  closed?: ReadonlySet<string>
): DataCheck | null {
  if (!inputs.data) return null;
  const data = readDataTable(inputs.data, plan);
  const feedback: FeedbackReading = inputs.feedback
    ? readFeedbackTable(inputs.feedback, {
        scale: ratingScale(plan),
        knownIds: new Set(data.rows.map((r) => r.id)),
      })
    : { ratings: [], issues: [] };
  const gh = inputs.gradeHistory;
  return {
    data,
    feedback,
    ...(gh ? { gradeHistory: readGradeHistorySheet(gh.values, gh.name, plan) } : {}),
    ...reviewUnder(inputs, plan, new Set(data.rows.map((r) => r.id)), closed),
  };
}

/** The Appeals and Sign-off sheets read for a plan (its evaluation periods), appeals of `knownIds`. */
export function reviewUnder(
  inputs: WorkbookInputs,
  plan: Plan,
  knownIds?: ReadonlySet<string>,
  closed?: ReadonlySet<string>
): { appeals: AppealsReading; signOff?: SignOffReading } {
  const evaluation = plan.periods.evaluation === "month" ? "month" : "quarter";
  return {
    appeals: inputs.appeals
      ? readAppealsTable(inputs.appeals, { evaluation, knownIds, closed })
      : { appeals: [], blocked: new Map(), issues: [] },
    // a workbook made before the Sign-off sheet existed has none: it closes as it did
    ...(inputs.signOff ? { signOff: readSignOffTable(inputs.signOff, { evaluation }) } : {}),
  };
}

/** The appeals of a run's people (those the selected rows hold). */
export function appealsOf(check: DataCheck, ids: ReadonlySet<string>): EvaluationAppeals {
  const a = check.appeals;
  if (!a) return { appeals: [], blocked: new Map() };
  const person = (k: string) => ids.has(k.slice(0, k.indexOf("\u0000")));
  return {
    appeals: a.appeals.filter((x) => ids.has(x.id)),
    blocked: new Map([...a.blocked].filter(([k]) => person(k))),
  };
}

/** The evaluation periods (quarters, or months when the plan evaluates monthly) the rows cover. */
export function evaluationPeriods(rows: readonly DataRow[], plan: Plan): string[] {
  const keys = new Set<string>();
  for (const r of rows) {
    const p = parsePeriodKey(r.period);
    if (!p || p.kind !== "month") continue;
    keys.add(plan.periods.evaluation === "month" ? p.key : quarterOf(p));
  }
  return [...keys].sort();
}

export function teamsOf(rows: readonly DataRow[]): string[] {
  return [...new Set(rows.map((r) => r.team).filter((t) => t !== ""))].sort((a, b) =>
    a.localeCompare(b)
  );
}

function inPeriod(row: DataRow, period: string, plan: Plan): boolean {
  if (period === "") return true;
  const p = parsePeriodKey(row.period);
  if (!p) return false;
  return (plan.periods.evaluation === "month" ? p.key : quarterOf(p)) === period;
}

/** The evaluation period a month row belongs to under a plan ("" when it is not a month). */
export function evaluationPeriodOf(row: DataRow, plan: Plan): string {
  const p = parsePeriodKey(row.period);
  if (!p || p.kind !== "month") return "";
  return plan.periods.evaluation === "month" ? p.key : quarterOf(p);
}

/**
 * The part of a data reading for one evaluation period ("" = all) and team ("" = all), leaving
 * out the evaluation periods in `exclude` (closed periods: generating never rewrites them).
 */
export function selectReading(
  reading: DataReading,
  plan: Plan,
  period: string,
  group: string,
  exclude: ReadonlySet<string> = new Set()
): DataReading {
  const rows = reading.rows.filter(
    (r) =>
      inPeriod(r, period, plan) &&
      (group === "" || r.team === group) &&
      (exclude.size === 0 || !exclude.has(evaluationPeriodOf(r, plan)))
  );
  const ids = new Set(rows.map((r) => r.id));
  const issues = reading.issues.filter(
    (i) =>
      !i.subject ||
      (ids.has(i.subject.id) &&
        (!i.subject.period ||
          rows.some((r) => r.id === i.subject!.id && r.period === i.subject!.period)))
  );
  // what is all of the reading's stays the reading's own (the same arrays need not cross again)
  return {
    ...reading,
    rows: rows.length === reading.rows.length ? reading.rows : rows,
    issues: issues.length === reading.issues.length ? reading.issues : issues,
  };
}

export interface RunResult {
  evaluation: Evaluation;
  rows: ScorecardRow[];
  data: DataReading;
  /** What the pane shows of the run, worked out with it (off the pane's thread). */
  summary: RunSummary;
}

/** Runs the plan over the selected rows (throws PlanInvalidError when the plan has errors). */
export function runPlan(
  plan: Plan,
  check: DataCheck,
  period: string,
  group: string,
  exclude: ReadonlySet<string> = new Set()
): RunResult {
  const data = selectReading(check.data, plan, period, group, exclude);
  const ids = new Set(data.rows.map((r) => r.id));
  const ratings = check.feedback.ratings.filter((r) => ids.has(r.id));
  const evaluation = evaluate(plan, data.rows, ratings, appealsOf(check, ids));
  const rows = scorecardRows(evaluation);
  return { evaluation, rows, data, summary: summarize(plan, rows) };
}

export interface GradeCount {
  label: string;
  name: { en: string; zh: string };
  actual: number;
  /** How many the plan's quotas allow (forced-distribution cut-offs over the graded rows of each period). */
  quota: number;
}

export interface TeamTotal {
  team: string;
  people: number;
  averageScore: number | null;
  totalPay: number;
  commission: number;
}

export interface RunSummary {
  scored: number;
  blocked: number;
  totalPay: number;
  commission: number;
  grades: GradeCount[];
  teams: TeamTotal[];
  /**
   * Positions in the rows summarized of those with a total, best first (ties keep the scorecard
   * order): positions, not the rows again, so that a summary crossing from the worker carries
   * no second copy of 10,000 rows.
   */
  ranking: Int32Array;
  /** Positions of the rows that cannot be scored (status error). */
  problems: Int32Array;
}

export function summarize(plan: Plan, rows: readonly ScorecardRow[]): RunSummary {
  const grades = plan.grading.grades;
  const counts = grades.map((g) => ({ label: g.label, name: g.name, actual: 0, quota: 0 }));
  const byPeriod = new Map<string, number>();
  let totalPay = 0;
  let commission = 0;
  let scored = 0;
  const teams = new Map<
    string,
    { people: number; scoreSum: number; scored: number; totalPay: number; commission: number }
  >();
  for (const r of rows) {
    const t = teams.get(r.team) ?? {
      people: 0,
      scoreSum: 0,
      scored: 0,
      totalPay: 0,
      commission: 0,
    };
    t.people++;
    if (r.total !== null) {
      scored++;
      t.scoreSum += r.total;
      t.scored++;
    }
    if (r.totalPay !== null) {
      totalPay += r.totalPay;
      t.totalPay += r.totalPay;
    }
    if (r.commission !== null) {
      commission += r.commission;
      t.commission += r.commission;
    }
    teams.set(r.team, t);
    const gi = r.grade === null ? -1 : grades.findIndex((g) => g.label === r.grade);
    if (gi >= 0) {
      counts[gi].actual++;
      byPeriod.set(r.period, (byPeriod.get(r.period) ?? 0) + 1);
    }
  }
  const quotas = grades.map((g) => ({ label: g.label, share: g.quota }));
  for (const n of byPeriod.values()) {
    const cut = distributionCutoffs(n, quotas);
    cut.forEach((c, k) => (counts[k].quota += c - (k > 0 ? cut[k - 1] : 0)));
  }
  const ranking = rows
    .map((_, k) => k)
    .filter((k) => rows[k].total !== null)
    .sort((a, b) => rows[b].total! - rows[a].total! || rows[a].index - rows[b].index);
  const problems = rows.map((_, k) => k).filter((k) => rows[k].status === "error");
  return {
    scored,
    blocked: rows.length - scored,
    totalPay: roundMoney(totalPay),
    commission: roundMoney(commission),
    grades: counts,
    teams: [...teams]
      .map(([team, t]) => ({
        team,
        people: t.people,
        averageScore: t.scored ? t.scoreSum / t.scored : null,
        totalPay: roundMoney(t.totalPay),
        commission: roundMoney(t.commission),
      }))
      .sort((a, b) => a.team.localeCompare(b.team)),
    ranking: Int32Array.from(ranking),
    problems: Int32Array.from(problems),
  };
}

// ---- remembering a column mapping -----------------------------------------------------------

export const MAPPING_SETTING = "perf.columnMapping";

/** A mapping stored by header text (so it applies to the next export whatever its column order). */
export type SavedMapping = Record<string, string>;

export function mappingToHeaders(table: CellTable, mapping: ColumnMapping): SavedMapping {
  const out: SavedMapping = {};
  for (const [key, index] of Object.entries(mapping)) {
    const h = table.header[index];
    if (h !== null && h !== undefined && String(h).trim() !== "") out[key] = String(h);
  }
  return out;
}

/** The saved mapping for this table's header: by header text, ignoring case, spaces and width. */
export function mappingFromHeaders(table: CellTable, saved: SavedMapping): ColumnMapping {
  const index = new Map<string, number>();
  table.header.forEach((h, i) => {
    if (h === null || h === undefined) return;
    const k = normalizeHeader(String(h));
    if (k && !index.has(k)) index.set(k, i);
  });
  const out: ColumnMapping = {};
  for (const [key, header] of Object.entries(saved)) {
    const i = index.get(normalizeHeader(header));
    if (i !== undefined) out[key] = i;
  }
  return out;
}

export function loadSavedMapping(settings: SettingsStore): SavedMapping | null {
  const text = settings.get(MAPPING_SETTING);
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== "object" || Array.isArray(value)) return null;
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).filter(([, v]) => typeof v === "string")
    ) as SavedMapping;
  } catch {
    return null;
  }
}

export async function saveMapping(
  settings: SettingsStore,
  table: CellTable,
  mapping: ColumnMapping
): Promise<void> {
  await settings.set(MAPPING_SETTING, JSON.stringify(mappingToHeaders(table, mapping)));
}

/**
 * A payroll job without Excel (`npm run score`): a CRM export and, optionally, 360 ratings, read by
 * the import's rules exactly as the pane reads them (decode, header, totals, mapping, quantities),
 * laid on the Data and Feedback sheets as the pane's import lays them, then generated as the
 * pane's Generate reads those sheets back. Says every import message and every row that cannot
 * be scored; nothing here touches the file system (scripts/score.ts does).
 */
import {
  FEEDBACK_HEADER_SPEC,
  dataHeaderSpec,
  mapColumns,
  ratingScale,
  readCsvFile,
  readDataTable,
  readFeedbackTable,
  scorecardRows,
  type CellTable,
  type Issue,
  type Language,
  type Plan,
  type RatingScale,
  type ScorecardRow,
} from "../engine";
import { formatIssue, issue } from "../engine/issues";
import { formatMessage } from "../engine/messages";
import { enumText } from "../workbook/text";
import { buildFromTemplate, type BuiltWorkbook } from "../workbook/build";
import type { FormulaStyle } from "../workbook/formula";
import type { WorkbookLayout } from "../workbook/layout";
import { feedbackRows, importRows } from "./imports";
import { workbookLayouts } from "./layouts";

export interface ScoreFile {
  name: string;
  bytes: Uint8Array;
}

export interface ScoreJob {
  data: ScoreFile;
  feedback?: ScoreFile;
  /** The scale the ratings file is on when it is not the plan's (the pane asks for it). */
  feedbackScale?: RatingScale;
  plan: Plan;
  language: Language;
  style: FormulaStyle;
}

export interface ScoreOutcome {
  /** The import's messages, data file first (file, line, column, reason). */
  messages: Issue[];
  /** The workbook as the pane would leave it; null when a file could not be read at all. */
  built: BuiltWorkbook | null;
  /** Scorecard rows that cannot be scored, with their reasons. */
  unscored: ScorecardRow[];
  /** True when every row was scored (the exit code is 0). */
  ok: boolean;
}

/** The data file as the pane's Data view reads it; null (with messages) when it cannot be. */
async function readData(
  job: ScoreJob,
  messages: Issue[]
): Promise<{ table: CellTable; mapping: Record<string, number>; ids: Set<string> } | null> {
  const read = await readCsvFile(job.data.bytes, job.data.name, dataHeaderSpec(job.plan));
  messages.push(...read.issues);
  if (!read.ok) return null;
  const { mapping, ambiguous } = mapColumns(read.table, job.plan);
  const open = Object.entries(ambiguous);
  for (const [key, columns] of open)
    messages.push(
      issue(
        "error",
        "scoreAmbiguous",
        {
          field: key,
          headers: columns.map((c) => String(read.table.header[c] ?? "")).join(", "),
        },
        { location: { sheet: job.data.name, row: read.table.headerRow } }
      )
    );
  if (open.length) return null;
  const reading = readDataTable(read.table, job.plan, mapping, { exact: true });
  messages.push(...reading.issues);
  return { table: read.table, mapping, ids: new Set(reading.rows.map((r) => r.id)) };
}

/** The ratings file as the Data view's 360 import reads it, for the ids the data holds. */
async function readRatings(job: ScoreJob, known: ReadonlySet<string>, messages: Issue[]) {
  if (!job.feedback) return { ok: true as const, ratings: [] };
  const read = await readCsvFile(job.feedback.bytes, job.feedback.name, FEEDBACK_HEADER_SPEC);
  messages.push(...read.issues);
  if (!read.ok) return { ok: false as const, ratings: [] };
  const reading = readFeedbackTable(read.table, {
    scale: ratingScale(job.plan),
    knownIds: known,
    sourceScale: job.feedbackScale,
  });
  messages.push(...reading.issues);
  if (reading.scaleFound) {
    messages.push(issue("error", "scoreScaleOption", { scale: reading.scaleFound.scale }));
    return { ok: false as const, ratings: [] };
  }
  return { ok: true as const, ratings: reading.readable ?? reading.ratings };
}

/** The template the pane's import would leave: Data and Feedback sheets holding the files' rows. */
function importedTemplate(
  job: ScoreJob,
  table: CellTable,
  mapping: Record<string, number>,
  ratings: Parameters<typeof feedbackRows>[0]
): WorkbookLayout {
  const { plan, language } = job;
  const empty = workbookLayouts.template(plan, language, { sheets: {} });
  const header = workbookLayouts.dataHeader(plan, language);
  const rows = importRows(table, mapping, header, plan).rows;
  const data = workbookLayouts.dataSheet(plan, language, { sheets: {} }, rows).sheets[0];
  const feedback = workbookLayouts.feedbackSheet(
    plan,
    language,
    { sheets: {} },
    feedbackRows(ratings, (r) => enumText("rater", r, language))
  ).sheets[0];
  return {
    language,
    sheets: empty.sheets.map((s) =>
      s.role === "data" ? data : s.role === "feedback" ? feedback : s
    ),
  };
}

/** Runs the job: import, Generate; what cannot be scored is said. */
export async function runScoreJob(job: ScoreJob): Promise<ScoreOutcome> {
  const messages: Issue[] = [];
  const data = await readData(job, messages);
  if (!data) return { messages, built: null, unscored: [], ok: false };
  const ratings = await readRatings(job, data.ids, messages);
  if (!ratings.ok) return { messages, built: null, unscored: [], ok: false };
  const template = importedTemplate(job, data.table, data.mapping, ratings.ratings);
  const built = buildFromTemplate(job.plan, template, job.style);
  const rows = scorecardRows(built.evaluation);
  const unscored = rows.filter((r) => r.status === "error");
  if (rows.length === 0) messages.push(issue("error", "scoreNothing"));
  return { messages, built, unscored, ok: rows.length > 0 && unscored.length === 0 };
}

/** What the job says at its end: each row that cannot be scored, and what was written. */
export function scoreSummary(
  outcome: ScoreOutcome,
  language: Language,
  file = ""
): { unscored: string[]; written: string } {
  const unscored = outcome.unscored.map((r) =>
    formatMessage(
      "scoreUnscored",
      {
        id: r.id,
        name: r.name,
        period: r.period,
        reason: r.problems
          .filter((p) => p.severity === "error")
          .map((p) => formatIssue(p, language))
          .join(language === "zh-CN" ? "；" : "; "),
      },
      language
    )
  );
  const ev = outcome.built?.evaluation;
  const sheets = outcome.built?.layout.sheets ?? [];
  const written = formatMessage(
    "scoreWritten",
    {
      file,
      rows: ev?.periods.frame.n ?? 0,
      unscored: outcome.unscored.length,
      lines: payLines(outcome),
      slips: sheets.some((s) => s.role === "payslips") ? payLines(outcome) : 0,
    },
    language
  );
  return { unscored, written };
}

/** Lines of the pay list: one per salesperson and pay month. */
function payLines(outcome: ScoreOutcome): number {
  return outcome.built?.evaluation.payroll.frame.n ?? 0;
}

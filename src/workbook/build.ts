/**
 * A whole plan workbook in one call: the template filled with records, read back as the add-in
 * reads a workbook (so every formula points at the cells the engine read), evaluated, and the
 * output sheets and statements laid out. The demo command, the tests and the bench use it.
 */
import type { Language } from "../engine/messages";
import { ratingScale, type Plan } from "../engine/plan/model";
import type { DataReading, DataRow, FeedbackRating } from "../engine/records";
import { evaluate, type Evaluation } from "../engine/evaluate/evaluate";
import { readDataSheet, readFeedbackSheet, type FeedbackSheetReading } from "./data-sheet";
import type { FormulaStyle } from "./formula";
import { sheetValues } from "./grid";
import type { Scalar, SheetLayout, WorkbookLayout } from "./layout";
import { readAppealsTable, type AppealsReading } from "../engine/import/appeals";
import { reviewTable } from "./sheets/appeals";
import { outputLayout } from "./output";
import { readPlanSheet, type PlanAnchors } from "./plan-sheet";
import { trackMonth, type Tracking } from "../engine/evaluate/tracking";
import { trackingSheet } from "./sheets/tracking";
import { say, SHEET_NAMES } from "./text";
import { statementKey, statementsLayout, statementsSheet, type StatementNotes } from "./statements";
import { explain, type ScorecardTrace } from "../engine/evaluate/explain";
import { previousPeriod } from "../engine/periods";
import { templateLayout } from "./template";
import { targetLetter, type TargetLetter } from "../engine/evaluate/letters";
import { targetLettersSheet } from "./letters";

/** The Target letters sheet of everyone in a period ("latest": the evaluation's latest period). */
function lettersSheet(
  plan: Plan,
  evaluation: Evaluation,
  rows: readonly DataRow[],
  language: Language,
  which: string
): SheetLayout {
  const pf = evaluation.periods.frame;
  let period = which;
  if (which === "latest") {
    period = "";
    for (let r = 0; r < pf.n; r++) if (pf.periods[r] > period) period = pf.periods[r];
  }
  const ids = [...new Set(Array.from(pf.ids).filter((_, r) => pf.periods[r] === period))].sort();
  const letters: TargetLetter[] = [];
  for (const id of ids) {
    const l = targetLetter(plan, rows, id, period).letter;
    if (l) letters.push(l);
  }
  return targetLettersSheet(letters, language);
}
import { readGradeHistorySheet } from "./grade-history";
import {
  annualConsequences,
  annualReviewLine,
  type GradeHistoryEntry,
} from "../engine/evaluate/review";

export interface BuiltWorkbook {
  layout: WorkbookLayout;
  evaluation: Evaluation;
  data: DataReading;
  feedback: FeedbackSheetReading;
  anchors: PlanAnchors;
}

export interface BuildOptions {
  /** Evaluation rows to write statements for: "latest" (every row of the latest period), indexes, or none. */
  statements?: "latest" | number[];
  /** Months to write a Tracking sheet for (月度跟踪), with notes by trackingKey(id, month). */
  tracking?: { months: string[]; notes?: ReadonlyMap<string, string> };
  /**
   * With "latest": the statements of the period before it for one team, written first (as the
   * previous interviews left them), with the improvement-plan lines `plan` gives written on them
   * (none: left blank) — so the latest period's statements follow them up.
   */
  previousStatements?: { team: string; plan: (trace: ScorecardTrace) => string[] };
  /** Target letters (目标责任书) of everyone in an evaluation period: "latest", a period key, or none. */
  letters?: string;
}

function byRole(layout: WorkbookLayout, role: SheetLayout["role"]): SheetLayout {
  const s = layout.sheets.find((x) => x.role === role);
  if (!s) throw new Error(`no ${role} sheet`);
  return s;
}

/** The Statements sheet: the team's statements of the period before, with their plans, then `rows`'. */
function withPreviousStatements(
  evaluation: Evaluation,
  rows: number[],
  language: Language,
  previous: NonNullable<BuildOptions["previousStatements"]>,
  gradeHistory: readonly GradeHistoryEntry[]
): SheetLayout {
  const pf = evaluation.periods.frame;
  const before = rows.length ? previousPeriod(pf.periods[rows[0]]) : null;
  const earlier: number[] = [];
  for (let r = 0; r < pf.n; r++)
    if (pf.periods[r] === before && pf.teams[r] === previous.team) earlier.push(r);
  const kept = new Map<string, StatementNotes>();
  const review = annualConsequences(evaluation, gradeHistory, language);
  const items = [...earlier, ...rows].map((r) => ({
    plan: evaluation.plan,
    trace: explain(evaluation, r),
    annual: annualReviewLine(evaluation, review, r),
  }));
  for (const item of items.slice(0, earlier.length)) {
    const lines = previous.plan(item.trace);
    if (lines.length === 0) continue;
    const notes: Scalar[][] = lines.map((text) => [text, null, null, null, null, null, null, null]);
    kept.set(statementKey(item.trace.subject.id, item.trace.subject.period), { notes, sign: [] });
  }
  return statementsSheet(items, language, undefined, kept);
}

export function buildWorkbook(
  plan: Plan,
  language: Language,
  records: {
    rows: readonly DataRow[];
    ratings: readonly FeedbackRating[];
    /** Prior years' annual grades for the Grade history sheet (历年评级). */
    gradeHistory?: readonly Omit<GradeHistoryEntry, "row">[];
    /** Rows of the Appeals and Sign-off sheets, in their columns (sheets/appeals.ts). */
    appeals?: readonly Scalar[][];
    signOffs?: readonly Scalar[][];
  },
  style: FormulaStyle,
  options: BuildOptions = {}
): BuiltWorkbook {
  const template = templateLayout(plan, language, records, records.gradeHistory ?? []);
  return buildFromTemplate(plan, template, style, options);
}

/**
 * The outputs for a template as it stands (its Plan, Data and Feedback sheets read back as the
 * add-in reads a workbook — a test may have edited their cells as HR would), appended to it.
 */
export function buildFromTemplate(
  plan: Plan,
  template: WorkbookLayout,
  style: FormulaStyle,
  options: BuildOptions = {}
): BuiltWorkbook {
  const language = template.language;
  const planSheet = byRole(template, "plan");
  const dataSheet = byRole(template, "data");
  const fbSheet = byRole(template, "feedback");
  const planReading = readPlanSheet(sheetValues(planSheet), planSheet.name);
  if (!planReading.anchors)
    throw new Error(
      "the Plan sheet does not read back: " + JSON.stringify(planReading.issues.slice(0, 3))
    );
  const data = readDataSheet(sheetValues(dataSheet), dataSheet.name, plan);
  const feedback = readFeedbackSheet(sheetValues(fbSheet), fbSheet.name, {
    scale: ratingScale(plan),
  });
  const appeals = appealsOfTemplate(template, plan, new Set(data.rows.map((r) => r.id)));
  const evaluation = evaluate(plan, data.rows, feedback.ratings, appeals);
  const ghSheet = template.sheets.find((x) => x.role === "grade_history");
  const gradeHistory = ghSheet
    ? readGradeHistorySheet(sheetValues(ghSheet), ghSheet.name, plan)
    : undefined;
  const outputs = outputLayout(
    plan,
    evaluation,
    { rows: data.rows, ratings: feedback.ratings, issues: [...data.issues, ...feedback.issues] },
    style,
    language,
    {
      anchors: planReading.anchors,
      feedback: feedback.columns ?? undefined,
      gradeHistory,
    }
  );
  const sheets = [...template.sheets, ...outputs.sheets];
  const pick = options.statements;
  if (pick) {
    const pf = evaluation.periods.frame;
    let rows: number[];
    if (pick === "latest") {
      let latest = "";
      for (let r = 0; r < pf.n; r++) if (pf.periods[r] > latest) latest = pf.periods[r];
      rows = [];
      for (let r = 0; r < pf.n; r++) if (pf.periods[r] === latest) rows.push(r);
    } else rows = pick;
    if (options.previousStatements && pick === "latest")
      sheets.push(
        withPreviousStatements(
          evaluation,
          rows,
          language,
          options.previousStatements,
          gradeHistory?.entries ?? []
        )
      );
    else if (rows.length)
      sheets.push(
        ...statementsLayout(evaluation, rows, language, undefined, gradeHistory?.entries).sheets
      );
  }
  if (options.tracking) {
    const months = options.tracking.months
      .map((m) => trackMonth(evaluation, m))
      .filter((t): t is Tracking => t !== null);
    sheets.push(
      trackingSheet({
        plan,
        evaluation,
        months,
        language,
        style,
        anchors: planReading.anchors,
        name: say(SHEET_NAMES.tracking, language),
        notes: options.tracking.notes ?? new Map(),
      })
    );
  }
  if (options.letters)
    sheets.push(lettersSheet(plan, evaluation, data.rows, language, options.letters));
  // Helper sheet last: the months as the formulas read them.
  const months = sheets.findIndex((s) => s.role === "months");
  if (months >= 0) sheets.push(...sheets.splice(months, 1));
  return { layout: { language, sheets }, evaluation, data, feedback, anchors: planReading.anchors };
}

/** The template's Appeals sheet as the add-in reads it (none without the sheet). */
function appealsOfTemplate(
  template: WorkbookLayout,
  plan: Plan,
  knownIds: ReadonlySet<string>
): AppealsReading {
  const sheet = template.sheets.find((s) => s.role === "appeals");
  if (!sheet) return { appeals: [], blocked: new Map(), issues: [] };
  return readAppealsTable(reviewTable(sheetValues(sheet), sheet.name), {
    evaluation: plan.periods.evaluation === "month" ? "month" : "quarter",
    knownIds,
  });
}

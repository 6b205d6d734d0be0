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
import { statementsLayout } from "./statements";
import { templateLayout } from "./template";

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
}

function byRole(layout: WorkbookLayout, role: SheetLayout["role"]): SheetLayout {
  const s = layout.sheets.find((x) => x.role === role);
  if (!s) throw new Error(`no ${role} sheet`);
  return s;
}

export function buildWorkbook(
  plan: Plan,
  language: Language,
  records: {
    rows: readonly DataRow[];
    ratings: readonly FeedbackRating[];
    /** Rows of the Appeals and Sign-off sheets, in their columns (sheets/appeals.ts). */
    appeals?: readonly Scalar[][];
    signOffs?: readonly Scalar[][];
  },
  style: FormulaStyle,
  options: BuildOptions = {}
): BuiltWorkbook {
  return buildFromTemplate(plan, templateLayout(plan, language, records), style, options);
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
  const outputs = outputLayout(
    plan,
    evaluation,
    { rows: data.rows, ratings: feedback.ratings, issues: [...data.issues, ...feedback.issues] },
    style,
    language,
    {
      anchors: planReading.anchors,
      feedback: feedback.columns ?? undefined,
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
    if (rows.length) sheets.push(...statementsLayout(evaluation, rows, language).sheets);
  }
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

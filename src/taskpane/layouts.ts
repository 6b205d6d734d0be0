/**
 * The workbook layouts the pane writes, bound to src/workbook: the template, the Plan sheet, the
 * output sheets and statements, each built with the sheet names the workbook already uses (so
 * every formula points at the sheet it means), and the Plan sheet reader.
 */
import type { Language } from "../engine";
import {
  DATA_FIRST_ROW,
  SHEET_NAMES,
  dataSheet,
  feedbackSheet,
  guideSheet,
  outputLayout,
  planSheet,
  readFeedbackSheet,
  readPlanSheet,
  sheetNames,
  sheetValues,
  statementsLayout,
  type FixedRole,
  type SheetRole,
  type WorkbookLayout,
} from "../workbook";
import type { AddinSheets } from "./host";
import type { LayoutBuilders, LayoutContext } from "./layoutHost";

/** The names to build with: the workbook's own for sheets it has, the language's for the rest. */
export function namesFor(language: Language, context: LayoutContext): Record<SheetRole, string> {
  return { ...sheetNames(language), ...context.sheets } as Record<SheetRole, string>;
}

export function languageOf(sheets: AddinSheets): Language | null {
  let zh = 0;
  let en = 0;
  for (const [role, name] of Object.entries(sheets) as [SheetRole, string][]) {
    if (!(role in SHEET_NAMES)) continue; // a closed period's sheet is named after its period
    const words = SHEET_NAMES[role as FixedRole];
    if (name === words.zh) zh++;
    else if (name === words.en) en++;
  }
  return zh > en ? "zh-CN" : en > zh ? "en-US" : null;
}

export const workbookLayouts: LayoutBuilders = {
  template(plan, language, context): WorkbookLayout {
    const names = namesFor(language, context);
    return {
      language,
      sheets: [
        guideSheet(plan, language, names.guide),
        planSheet(plan, language, names.plan).sheet,
        dataSheet(plan, language, undefined, names.data),
        feedbackSheet(language, [], names.feedback),
      ],
    };
  },

  dataSheet(plan, language, context, rows): WorkbookLayout {
    const sheet = dataSheet(plan, language, undefined, namesFor(language, context).data);
    if (rows.length) sheet.blocks.push({ row: DATA_FIRST_ROW - 1, column: 0, cells: rows });
    return { language, sheets: [sheet] };
  },

  dataHeader(plan, language) {
    const sheet = dataSheet(plan, language);
    return sheetValues(sheet)[DATA_FIRST_ROW - 2] ?? [];
  },

  planSheet(plan, language, context): WorkbookLayout {
    return {
      language,
      sheets: [planSheet(plan, language, namesFor(language, context).plan).sheet],
    };
  },

  outputs(request, context): WorkbookLayout {
    const names = namesFor(request.language, context);
    const anchors = context.plan
      ? (readPlanSheet(context.plan.values, context.plan.name).anchors ?? undefined)
      : undefined;
    const feedback = context.feedback
      ? (readFeedbackSheet(context.feedback.values, context.feedback.name).columns ?? undefined)
      : undefined;
    return outputLayout(
      request.plan,
      request.evaluation,
      { rows: request.data.rows, ratings: request.feedback.ratings, issues: request.data.issues },
      request.style,
      request.language,
      { anchors, feedback, sheetNames: names }
    );
  },

  statements(request, context): WorkbookLayout {
    return statementsLayout(
      request.evaluation,
      request.rows,
      request.language,
      namesFor(request.language, context).statements
    );
  },

  readPlan: (cells, sheetName) => readPlanSheet(cells, sheetName),

  languageOf,
};

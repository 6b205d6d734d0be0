/**
 * The workbook layouts the pane writes, bound to src/workbook: the template, the Plan sheet, the
 * output sheets and statements, each built with the sheet names the workbook already uses (so
 * every formula points at the sheet it means), and the Plan sheet reader.
 */
import { ratingScale, type CellInput, type Language } from "../engine";
import {
  DATA_FIRST_ROW,
  SHEET_NAMES,
  changedStatements,
  changedLetters,
  readTargetLettersSheet,
  targetLettersSheet,
  closeLogSheet,
  frozenScorecardSheet,
  readCloseLog,
  readFrozenScorecard,
  readScorecardPeriods,
  readStatementsSheet,
  statementsSheet,
  withEvent,
  yearToDateSheet,
  dataSheet,
  feedbackSheet,
  appealsSheet,
  signOffSheet,
  guideSheet,
  outputLayout,
  planSheet,
  feedbackColumns,
  gradeHistorySheet,
  readGradeHistorySheet,
  readPlanSheet,
  sheetNames,
  sheetValues,
  type FixedRole,
  type SheetRole,
  type WorkbookLayout,
} from "../workbook";
import type { AddinSheets } from "./host";
import type { LayoutBuilders, LayoutContext, OutputContext } from "./ports";
import type { TrackingRequest } from "./host";
import { trackMonth, type Tracking } from "../engine/evaluate/tracking";
import { readTrackingSheet, trackingKey, trackingSheet } from "../workbook/sheets/tracking";

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
        feedbackSheet(language, [], names.feedback, ratingScale(plan)),
        gradeHistorySheet(language, [], names.grade_history),
        appealsSheet(language, [], names.appeals),
        signOffSheet(language, [], names.sign_off),
      ],
    };
  },

  gradeHistorySheet(language, context): WorkbookLayout {
    const name = namesFor(language, context).grade_history;
    return { language, sheets: [gradeHistorySheet(language, [], name)] };
  },

  reviewSheet(role, language, context, rows): WorkbookLayout {
    const names = namesFor(language, context);
    const sheet =
      role === "appeals"
        ? appealsSheet(language, rows, names.appeals)
        : signOffSheet(language, rows, names.sign_off);
    return { language, sheets: [sheet] };
  },

  feedbackSheet(plan, language, context, rows): WorkbookLayout {
    const scale = ratingScale(plan);
    const sheet = feedbackSheet(language, [], namesFor(language, context).feedback, scale);
    if (rows.length) sheet.blocks.push({ row: 1, column: 0, cells: rows });
    const used = 1 + rows.length;
    for (const v of sheet.validations ?? [])
      v.range = { ...v.range, rows: Math.max(v.range.rows, used - v.range.row) };
    return { language, sheets: [sheet] };
  },

  dataSheet(plan, language, context, rows, userColumns = []): WorkbookLayout {
    const sheet = dataSheet(plan, language, undefined, namesFor(language, context).data);
    if (rows.length) sheet.blocks.push({ row: DATA_FIRST_ROW - 1, column: 0, cells: rows });
    if (userColumns.length) {
      // the user's own columns, right of the plan's: unit line, header and values as they were
      const at = sheet.columns.length;
      const height = Math.max(rows.length, ...userColumns.map((u) => u.values.length));
      const cells = [
        userColumns.map((u) => u.unit),
        userColumns.map((u) => u.header),
        ...Array.from({ length: height }, (_, r) => userColumns.map((u) => u.values[r] ?? null)),
      ];
      sheet.blocks.push({ row: DATA_FIRST_ROW - 3, column: at, cells });
      sheet.columns.push(...userColumns.map(() => ({ width: 14 })));
      sheet.styles.push({
        range: { row: DATA_FIRST_ROW - 2, column: at, rows: 1, columns: userColumns.length },
        bold: true,
        wrap: true,
      });
    }
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
      ? (feedbackColumns(firstRow(context.feedback.values), context.feedback.name) ?? undefined)
      : undefined;
    const gh = context.gradeHistory
      ? readGradeHistorySheet(context.gradeHistory.values, context.gradeHistory.name, request.plan)
      : undefined;
    return outputLayout(
      request.plan,
      request.evaluation,
      { rows: request.data.rows, ratings: request.feedback.ratings, issues: request.data.issues },
      request.style,
      request.language,
      { anchors, feedback, sheetNames: names, gradeHistory: gh }
    );
  },

  statements(request, context, kept): WorkbookLayout {
    const name = namesFor(request.language, context).statements;
    return {
      language: request.language,
      sheets: [statementsSheet(request.items, request.language, name, kept)],
    };
  },

  readStatements: (cells) => readStatementsSheet(cells),

  tracking(request, context, before) {
    return trackingLayout(request, namesFor(request.language, context), context, before);
  },

  readTracking: (cells) => readTrackingSheet(cells),

  changedStatements: (before, after) => changedStatements(before, sheetValues(after.sheets[0])),

  targetLetters(letters, language, context, signs): WorkbookLayout {
    const name = namesFor(language, context).target_letters;
    return { language, sheets: [targetLettersSheet(letters, language, name, signs)] };
  },

  readTargetLetters: (cells) => readTargetLettersSheet(cells),

  changedLetters: (before, after, asked) =>
    changedLetters(before, sheetValues(after.sheets[0]), asked),

  closeLog: (log, language, context) =>
    closeLogSheet(log, language, namesFor(language, context).close_log),

  readCloseLog: (cells) => readCloseLog(cells),

  addCloseEvent: (log, event, details) => withEvent(log, event, details),

  frozenScorecard(request, context) {
    const names = namesFor(request.language, context);
    return frozenScorecardSheet({
      plan: request.plan,
      evaluation: request.evaluation,
      inputs: {
        rows: request.data.rows,
        ratings: request.feedback.ratings,
        issues: request.data.issues,
      },
      language: request.language,
      stamp: request.stamp,
      note: request.note,
      sheetNames: names,
      name: `${names.scorecard} ${request.stamp.period}`.slice(0, 31),
    });
  },

  readFrozenScorecard: (cells) => readFrozenScorecard(cells)?.lines ?? null,

  scorecardPeriods: (cells) => readScorecardPeriods(cells),

  yearToDate(request, context): WorkbookLayout {
    const name = namesFor(request.language, context).year_to_date;
    return {
      language: request.language,
      sheets: [
        yearToDateSheet(request.rows, request.year, request.periods, request.language, name),
      ],
    };
  },

  readPlan: (cells, sheetName) => readPlanSheet(cells, sheetName),

  languageOf,
};

function firstRow(values: CellInput[][]): CellInput[] {
  return values[0] ?? [];
}

/**
 * The Tracking sheet for a request: its month and the months the sheet holds now, each tracked
 * from the request's evaluation; the notes on the sheet kept, those typed in the pane for the
 * month put in (an empty one clears the note).
 */
function trackingLayout(
  request: TrackingRequest,
  names: Record<SheetRole, string>,
  context: OutputContext,
  before: CellInput[][] | null
): WorkbookLayout {
  const read = before
    ? readTrackingSheet(before)
    : { months: [], notes: new Map<string, string>() };
  const notes = read.notes;
  for (const n of request.notes ?? []) {
    const key = trackingKey(n.id, request.month);
    if (n.note.trim()) notes.set(key, n.note.trim());
    else notes.delete(key);
  }
  const months = [...new Set([...read.months, request.month])].sort();
  const anchors =
    (context.plan ? readPlanSheet(context.plan.values, context.plan.name).anchors : null) ??
    planSheet(request.plan, request.language, names.plan).anchors;
  const sheet = trackingSheet({
    plan: request.plan,
    evaluation: request.evaluation,
    months: months.map((m) => trackMonth(request.evaluation, m)).filter((t): t is Tracking => !!t),
    language: request.language,
    style: request.style,
    anchors,
    name: names.tracking,
    notes,
  });
  return { language: request.language, sheets: [sheet] };
}

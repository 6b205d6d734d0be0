/**
 * The output sheets, as formulas over the Plan, Data and Feedback sheets (or PERF.* formulas, or
 * values only), each formula cell carrying the engine's value as its cached result:
 *
 * - Monthly data (月度数据): the Data sheet's cells the engine read, one row per salesperson and
 *   month, checked as the reader checks them (blank → "", unreadable → error) and guarded against
 *   the Data rows moving;
 * - Commission (提成明细): the monthly ledger — basis, tiers, gate, cap, share paid now and
 *   deferred, clawbacks carried forward, the month's pay lines, the year-end settlement;
 * - Scorecard (评分卡): one row per salesperson and evaluation period — each indicator's score,
 *   each dimension's, the total, grade, coefficient and pay lines (the Commission rows summed),
 *   status; to the right, the working (period values, actual, target, attainment);
 * - Annual (年度评价): where the data covers a year — weighted period totals and annual 360,
 *   annual grade, bonus and the settlement of deferred commission;
 * - Pay list (工资表): one row per salesperson and pay month — the month's pay lines by the
 *   plan's schedule, the new-hire guarantee and the gross (sheets/paylist.ts);
 * - Payslips (工资条): a printable strip per pay-list line, its amounts the Pay list's cells
 *   (sheets/payslips.ts);
 * - Summary (汇总, summary.ts).
 *
 * Rows of the output sheets are the engine's rows in the engine's order (by id, then period), so
 * a period's months are contiguous rows of the monthly sheets and are referenced as a range.
 */
import type { Language } from "../engine/messages";
import type { Plan } from "../engine/plan/model";
import type { Evaluation } from "../engine/evaluate/evaluate";
import { explain } from "../engine/evaluate/explain";
import { DataRecords, FeedbackColumns, defaultFeedbackColumns } from "./data-sheet";
import { cellMaker, FormulaStyle } from "./formula";
import type { SheetLayout, SheetRole, WorkbookLayout } from "./layout";
import { anchorRef, planSheet, PlanAnchors } from "./plan-sheet";
import { summarySheet } from "./summary";
import type { Words } from "./text";
import { say, SHEET_NAMES } from "./text";
import { Cols, type Ctx } from "./sheets/context";
import { monthColumns, monthsSheet } from "./sheets/months";
import { commissionColumns, commissionSheet } from "./sheets/commission";
import { scorecardColumns, scorecardSheet } from "./sheets/scorecard";
import { annualSheet } from "./sheets/annual";
import { payListColumns, payListSheet } from "./sheets/paylist";
import { localizeMoney } from "./money";
import { payslipsSheet } from "./sheets/payslips";
import { annualConsequences, type GradeHistoryEntry } from "../engine/evaluate/review";
import type { GradeHistoryColumns } from "./grade-history";

export type { FormulaStyle };

/** Header words of the output sheets (readers of a frozen scorecard find its columns by them). */
export { T as OUTPUT_WORDS } from "./sheets/context";

export interface OutputOptions {
  /** Where the Plan sheet's parameters are (readPlanSheet gives them); default: planSheet's layout. */
  anchors?: PlanAnchors;
  /** Where the ratings are (readFeedbackSheet gives them); default: feedbackSheet's layout. */
  feedback?: FeedbackColumns;
  /** Sheet names in use, by role (default: the language's names). */
  sheetNames?: Partial<Record<SheetRole, string>>;
  /**
   * The Grade history sheet as read (its entries and columns); absent: none, so prior years
   * not on the Annual sheet are missing.
   */
  gradeHistory?: { entries: readonly GradeHistoryEntry[]; columns: GradeHistoryColumns | null };
}

/**
 * The output sheets for an evaluation. `inputs` are the records the evaluation was run on (their
 * sources locate the Data cells the formulas read; their issues add reading problems to the
 * monthly status).
 */
export function outputLayout(
  plan: Plan,
  ev: Evaluation,
  inputs: DataRecords,
  style: FormulaStyle,
  language: Language,
  options: OutputOptions = {}
): WorkbookLayout {
  const names = {} as Record<SheetRole, string>;
  for (const [role, w] of Object.entries(SHEET_NAMES) as [SheetRole, Words][])
    names[role] = options.sheetNames?.[role] ?? say(w, language);
  const A = options.anchors ?? planSheet(plan, language, names.plan).anchors;
  const fb = options.feedback ?? defaultFeedbackColumns(language, names.feedback);
  const L = (w: Words) => say(w, language);
  const fieldIndex = new Map(plan.fields.map((f, i) => [f.key, i]));
  const order: number[] = [];
  for (const d of plan.dimensions)
    plan.indicators.forEach((ind, i) => ind.dimension === d.key && order.push(i));
  const pf = ev.periods.frame;
  const ctx: Ctx = {
    plan,
    ev,
    lang: language,
    style,
    A,
    fb,
    names,
    fx: cellMaker(style),
    L,
    P: (p) => anchorRef(A, p),
    fieldIndex,
    order,
    mc: new Cols(),
    cc: new Cols(),
    sc: new Cols(),
    pc: new Cols(),
    ac: null,
    review: annualConsequences(ev, options.gradeHistory?.entries ?? [], language),
    gradeHistory: options.gradeHistory?.columns ?? null,
    periodRow: (r) => r + 2,
    monthRow: (m) => m + 1,
    traces: Array.from({ length: pf.n }, (_, r) => explain(ev, r)),
  };
  monthColumns(ctx);
  commissionColumns(ctx);
  payListColumns(ctx);
  scorecardColumns(ctx);
  const sheets: SheetLayout[] = [scorecardSheet(ctx), commissionSheet(ctx, inputs.issues ?? [])];
  const annual = annualSheet(ctx);
  if (annual) sheets.push(annual);
  sheets.push(payListSheet(ctx), payslipsSheet(ctx));
  const scRef = {
    sheet: names.scorecard,
    first: ctx.periodRow(0),
    last: ctx.periodRow(Math.max(0, pf.n - 1)),
    column: (k: string) => ctx.sc.get(k),
    has: (k: string) => ctx.sc.has(k),
  };
  const monthRef = (sheet: string, cols: Cols) => ({
    sheet,
    first: ctx.monthRow(0),
    last: ctx.monthRow(Math.max(0, ev.months.frame.n - 1)),
    column: (k: string) => cols.get(k),
    has: (k: string) => cols.has(k),
  });
  sheets.push(
    summarySheet(plan, ev, style, language, scRef, names, {
      months: monthRef(names.months, ctx.mc),
      ledger: monthRef(names.commission, ctx.cc),
      paylist: monthRef(names.paylist, ctx.pc),
    })
  );
  sheets.push(monthsSheet(ctx));
  return { language, sheets: sheets.map((s) => localizeMoney(s, language)) };
}

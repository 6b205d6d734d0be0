/**
 * Annual (年度评价): where the data covers a year — weighted period totals and annual 360, annual
 * grade, bonus and the settlement of deferred commission.
 */
import { formatIssue } from "../../engine/issues";
import type { MessageKey } from "../../engine/messages";
import { PAY_FIELDS } from "../../engine/plan/model";
import { matrixRatios } from "../../engine/evaluate/grading";
import { annualRows } from "../../engine/evaluate/rows";
import { cellValue } from "../../engine/evaluate/frame";
import { quarterLabel } from "../../engine/periods";
import { lastFilledFormula } from "../../engine/rules/aggregate";
import { feedbackFormula } from "../../engine/rules/feedback";
import { weightedTermsFormula } from "../../engine/rules/weighting";
import { performancePayFormula } from "../../engine/rules/pay";
import { quoteSheet, range as a1range, cell as a1cell } from "../a1";
import { ERR, numOr } from "../formula";
import { Grid } from "../grid";
import type { Cell, SheetLayout, StyleSpec } from "../layout";
import { sheet as emptySheet } from "../layout";
import { PLAN_NAMES, settingName } from "../plan-sheet";
import {
  MONEY,
  SCORE,
  PCT,
  HEADER_FILL,
  WORK_FILL,
  RESULT_FILL,
  Ctx,
  Cols,
  T,
  fieldName,
  monthFields,
  monthFieldRange,
  comCell,
  aggregateFormula,
  feedbackMeans,
  periodColumn,
  periodKeyColumns,
  putPeriod,
  showsPeriodLabels,
} from "./context";
import { putGrade, gradeCoefficient, putMatrixCoefficient } from "./grades";
import { putReview, reviewColumns, reviewFooter, reviewWorkColumns } from "./annual-review";

/** The Annual sheet's columns: a slot per month or quarter, then the year's results and working. */
function annualColumns(ctx: Ctx, slots: readonly string[], monthly: boolean): Cols {
  const { plan, L, lang } = ctx;
  const c = new Cols();
  c.add("id", L(T.id), { width: 11 });
  c.add("name", L(T.name), { width: 9 });
  c.add("team", L(T.team), { width: 11 });
  periodColumn(ctx, c, "year", 6);
  for (const sl of slots)
    c.add("p:" + sl, monthly ? `${sl}${L({ en: "", zh: "月" })}` : slotLabel(sl, lang), {
      width: 8,
      numberFormat: SCORE,
    });
  c.add("fb", L(T.fbScore), { width: 9, numberFormat: SCORE });
  c.add("total", L(T.total), { width: 8, numberFormat: SCORE });
  c.add("grade", L(T.grade), { width: 6 });
  c.add("coefficient", L(T.coefficient), { width: 7, numberFormat: "0.00" });
  c.add("bonusStandard", L(T.bonusStandard), { width: 11, numberFormat: MONEY });
  c.add("bonus", L(T.annualBonus), { width: 11, numberFormat: MONEY });
  c.add("settlement", L(T.settlement), { width: 11, numberFormat: MONEY });
  c.add("outstanding", L(T.outstanding), { width: 11, numberFormat: MONEY });
  c.add("payout", L(T.payout), { width: 12, numberFormat: MONEY });
  reviewColumns(ctx, c);
  c.add("status", L(T.status), { width: 50 });
  c.add("fb0", L(T.fbSuperior), { width: 9, numberFormat: SCORE }, true);
  c.add("fb1", L(T.fbPeer), { width: 9, numberFormat: SCORE }, true);
  c.add("fb2", L(T.fbCustomer), { width: 9, numberFormat: SCORE }, true);
  if (plan.grading.coefficientMode === "matrix") {
    for (const k of MATRIX_FIELDS)
      c.add("a:" + k, fieldName(plan, k, lang), { width: 12, numberFormat: MONEY }, true);
    c.add("ma", L(T.matrixAttainment), { width: 9, numberFormat: PCT }, true);
    c.add("mc", L(T.matrixCollection), { width: 9, numberFormat: PCT }, true);
  }
  if (plan.grading.mode === "forced") {
    c.add("rank", L(T.rank), { width: 6, numberFormat: "0" }, true);
    c.add("n", L(T.groupSize), { width: 6, numberFormat: "0" }, true);
  }
  periodKeyColumns(ctx, c);
  reviewWorkColumns(ctx, c);
  return c;
}

/** A quarter slot's header: Q1, or in zh-CN 第一季度. */
function slotLabel(slot: string, lang: Ctx["lang"]): string {
  return showsPeriodLabels(lang) ? quarterLabel(Number(slot.slice(1)), lang) : slot;
}

const MATRIX_FIELDS = [
  PAY_FIELDS.signed,
  PAY_FIELDS.salesTarget,
  PAY_FIELDS.collected,
  PAY_FIELDS.due,
] as const;

/** One Annual row being built. */
interface YearLine {
  y: number;
  row: number;
  put: (key: string, v: Cell) => void;
  at: (key: string) => string;
  /** The person-year's first and last month rows. */
  span: [number, number];
}

/**
 * The year's period totals (from the Scorecard), the annual 360 and the total: weighted present
 * periods and the annual 360, renormalized; a period that cannot be scored blocks it.
 */
function putYearTotal(ctx: Ctx, x: YearLine, monthly: boolean): void {
  const { ev, fx, A, P, style } = ctx;
  const an = ev.annual;
  const { y, put, at } = x;
  const id = an.frame.ids[y];
  const year = an.frame.periods[y];
  const qw = A.annualWeights.slice(0, 4).map(P);
  const present: { ref: string; weight: string }[] = [];
  for (const r of an.periodRows[y]) {
    const p = ev.periods.frame.periods[r];
    const slot = monthly ? p.slice(5, 7) : p.slice(5);
    const scTotal = `${quoteSheet(ctx.names.scorecard)}!${a1cell(ctx.periodRow(r), ctx.sc.get("total"), true)}`;
    put("p:" + slot, fx(scTotal, numOr(ev.periods.totals[r], "")));
    const w = monthly ? `(${qw.join("+")})/12` : qw[Number(p.slice(6)) - 1];
    present.push({ ref: at("p:" + slot), weight: w });
  }
  // Annual 360: ratings of exactly the year.
  const means = feedbackMeans(ctx, id, `$A${x.row + 1}`, ev.feedback.ratings(id, year, true));
  const parts = ev.feedback.score(id, year, true);
  means.forEach((m, i) =>
    put("fb" + i, fx(m.formula, parts && parts.means[i] !== null ? parts.means[i]! : m.value))
  );
  const fbF = feedbackFormula(
    [0, 1, 2].map((i) => at("fb" + i)),
    A.feedbackWeights.map(P),
    style === "perf",
    PLAN_NAMES.feedbackWeights
  );
  put("fb", fx(fbF, numOr(an.feedbackScore[y], "")));
  const fw = P(A.annualWeights[4]);
  const { num, den } = weightedTermsFormula([
    ...present,
    { ref: at("fb"), weight: fw, optional: true },
  ]);
  const blocked = present.length ? `OR(${present.map((p) => `${p.ref}=""`).join(",")})` : "1=0";
  put("total", fx(`IFERROR(IF(${blocked},"",(${num})/(${den})),"")`, numOr(an.totals[y], "")));
}

/** The year's coefficient: by grade, or from the matrix over the year's aggregates. */
function putYearCoefficient(ctx: Ctx, x: YearLine): void {
  const { plan, ev, fx } = ctx;
  const an = ev.annual;
  const yf = an.frame;
  const { y, put, at, span } = x;
  const coefficient = numOr(an.grading.coefficient[y], "");
  if (plan.grading.coefficientMode !== "matrix") {
    put("coefficient", gradeCoefficient(ctx, at("grade"), coefficient));
    return;
  }
  for (const k of MATRIX_FIELDS) {
    const fi = ctx.fieldIndex.get(k)!;
    put("a:" + k, fx(aggregateFormula(ctx, k, span[0], span[1]), cellValue(yf, fi, y, ERR)));
  }
  const ratios = matrixRatios(ev.compiled, yf, y);
  putMatrixCoefficient(ctx, put, at, at("grade"), (k) => at("a:" + k), ratios, coefficient);
}

/** Bonus standard (the latest month's in the data, else the plan's), bonus, settlement, payout. */
function putYearPay(ctx: Ctx, x: YearLine): void {
  const { ev, fx } = ctx;
  const an = ev.annual;
  const { y, put, at, span } = x;
  const bsKey = PAY_FIELDS.bonusStandard;
  const planStandard = settingName("bonusStandard");
  if (ctx.fieldIndex.has(bsKey)) {
    const R = monthFieldRange(ctx, bsKey, span[0], span[1]);
    const latest = lastFilledFormula(R, monthFields(ctx, bsKey, span[0], span[1]), planStandard);
    put("bonusStandard", fx(`IFERROR(${latest},${planStandard})`, an.bonusStandard[y]));
  } else put("bonusStandard", fx(planStandard, an.bonusStandard[y]));
  put(
    "bonus",
    fx(performancePayFormula(at("bonusStandard"), at("coefficient")), numOr(an.bonus[y], ""))
  );
  const yearEnd = (key: string) => `IFERROR(${comCell(ctx, key, span[1], false)},"")`;
  put("settlement", fx(yearEnd("ySettlement"), numOr(an.settlement[y], "")));
  put("outstanding", fx(yearEnd("yOutstanding"), numOr(an.outstanding[y], "")));
  put(
    "payout",
    fx(
      `IF(OR(${at("bonus")}="",${at("settlement")}=""),"",IFERROR(ROUND(${at("bonus")}+${at("settlement")},2),""))`,
      numOr(an.payout[y], "")
    )
  );
}

function annualStyles(c: Cols, rows: number): StyleSpec[] {
  const nCols = c.list.length;
  const firstWork = c.list.findIndex((x) => x.work);
  return [
    {
      range: { row: 0, column: 0, rows: 1, columns: nCols },
      bold: true,
      fill: HEADER_FILL,
      wrap: true,
      vertical: "center",
    },
    {
      range: { row: 1, column: c.get("total"), rows, columns: 3 },
      bold: true,
      fill: RESULT_FILL,
    },
    {
      range: { row: 1, column: c.get("payout"), rows, columns: 1 },
      bold: true,
      fill: RESULT_FILL,
    },
    {
      range: { row: 0, column: firstWork, rows: 1, columns: nCols - firstWork },
      fill: WORK_FILL,
      italic: true,
    },
  ];
}

export function annualSheet(ctx: Ctx): SheetLayout | null {
  const { plan, ev, L, lang } = ctx;
  const an = ev.annual;
  const yf = an.frame;
  const rowsA = annualRows(ev);
  const keep: number[] = [];
  for (let y = 0; y < yf.n; y++) if (rowsA[y].yearComplete) keep.push(y);
  if (keep.length === 0) return null;
  const monthly = plan.periods.evaluation === "month";
  const slots = monthly
    ? Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, "0"))
    : ["Q1", "Q2", "Q3", "Q4"];
  const c = annualColumns(ctx, slots, monthly);
  ctx.ac = c;
  const s = emptySheet("annual", ctx.names.annual, "output");
  const g = new Grid();
  g.line(
    0,
    0,
    c.list.map((x) => x.header)
  );
  const first = 1;
  const colRange = (key: string) =>
    a1range({ row: first, column: c.get(key), rows: keep.length, columns: 1 }, true);
  const sep = lang === "zh-CN" ? "；" : "; ";
  // Month rows of each person-year: the ledger's year (contiguous in the monthly sheets).
  const years = new Map(ev.ledger.settlements.map((st) => [st.id + "\u0000" + st.year, st.rows]));
  const place = { rowOf: new Map(keep.map((y, j) => [y, first + j])), colRange };
  keep.forEach((y, j) => {
    const row = first + j;
    const line: Cell[] = new Array(c.list.length).fill(null);
    const months = years.get(yf.ids[y] + "\u0000" + yf.periods[y])!;
    const x: YearLine = {
      y,
      row,
      put: (key, v) => {
        line[c.get(key)] = v;
      },
      at: (key) => a1cell(row, c.get(key)),
      span: [months[0], months[months.length - 1]],
    };
    x.put("id", yf.ids[y]);
    x.put("name", yf.names[y]);
    x.put("team", yf.teams[y]);
    putPeriod(ctx, x.put, (k) => c.has(k), "year", yf.periods[y]);
    putYearTotal(ctx, x, monthly);
    putGrade(ctx, x.put, x.at, colRange, "year", x.at("total"), an.grading, y);
    putYearCoefficient(ctx, x);
    putYearPay(ctx, x);
    putReview(ctx, x, place);
    x.put("status", annualStatus(ctx, rowsA[y]).join(sep) || L({ en: "OK", zh: "正常" }));
    g.line(row, 0, line);
  });
  const footer = reviewFooter(ctx, c, g, first + keep.length + 1, place);
  s.blocks.push(g.block());
  s.columns = c.list.map((x) => x.spec);
  s.freeze = { rows: 1, columns: 4 };
  s.styles = [...annualStyles(c, keep.length), ...footer];
  s.tabColor = "#7030A0";
  return s;
}

function annualStatus(ctx: Ctx, row: ReturnType<typeof annualRows>[number]): string[] {
  const { lang, plan } = ctx;
  const out: string[] = [];
  const msg = (code: MessageKey, params: Record<string, string | number>) =>
    formatIssue({ severity: "warning", code, params }, lang);
  for (const p of row.periods)
    if (p.total === null) out.push(msg("annualPeriodError", { period: p.period }));
  const expected = plan.periods.evaluation === "month" ? 12 : 4;
  if (row.periods.length < expected)
    out.push(msg("annualPeriodsMissing", { count: row.periods.length, expected }));
  if (row.feedback === null && plan.periods.annual.feedbackWeight > 0)
    out.push(msg("annualFeedbackMissing", {}));
  if (row.total !== null && row.grade === null) out.push(msg("noGrade", { score: row.total }));
  return out;
}

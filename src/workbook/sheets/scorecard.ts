/**
 * Scorecard (评分卡): one row per salesperson and evaluation period — each indicator's score, each
 * dimension's, the total, grade, coefficient and pay lines (the Commission rows summed), status;
 * to the right, the working (period values, actual, target, attainment, curve segment).
 */
import { formatIssue } from "../../engine/issues";
import type { Indicator } from "../../engine/plan/model";
import { guaranteeOf, PAY_FIELDS, readsRatings } from "../../engine/plan/model";
import { matrixRatios } from "../../engine/evaluate/grading";
import { scorecardRows } from "../../engine/evaluate/rows";
import { absentLeadIssues } from "../../engine/evaluate/explain";
import { cellValue, monthSpan } from "../../engine/evaluate/frame";
import {
  IndicatorStatus,
  readIndicator,
  Reason,
  TargetSource,
  targetOf,
  targetSourceOf,
} from "../../engine/evaluate/score";
import {
  attainmentCellValue,
  attainmentFormula,
  growthFormula,
  ratioFormula,
  sumFormula,
  UNBOUNDED_ATTAINMENT,
} from "../../engine/rules/attainment";
import { kpiScorePerfFormula, linearScoreFormula } from "../../engine/rules/linear";
import {
  curvePerfFormula,
  curveScoreFormula,
  curveSegment,
  curveSegmentFormula,
} from "../../engine/rules/curve";
import { directScoreFormula } from "../../engine/rules/direct";
import { deductionScoreFormula } from "../../engine/rules/deduction";
import { customerBlendFormula, feedbackFormula } from "../../engine/rules/feedback";
import { missingFormula, renormalizedFormula } from "../../engine/rules/weighting";
import { moneySumFormula, performancePayFormula, totalPayFormula } from "../../engine/rules/pay";
import { appealAdjustmentFormula } from "../../engine/rules/appeal";
import { appealIssues, hasAppeals } from "../../engine/evaluate/appeals";
import { APPEAL_WORDS, type AppealColumn } from "../../engine/import/appeals";
import { appealColumnRef } from "./appeals";
import { columnLetter, quoteSheet, range as a1range, cell as a1cell, str } from "../a1";
import { fieldFormat } from "../data-sheet";
import { ERR, numOr, type Value } from "../formula";
import { Grid } from "../grid";
import type { Cell, SheetLayout, StyleSpec } from "../layout";
import { sheet as emptySheet } from "../layout";
import { PLAN_NAMES, settingName } from "../plan-sheet";
import { say } from "../text";
import {
  MONEY,
  GROUPED,
  periodColumn,
  periodKeyColumns,
  putPeriod,
  SCORE,
  PCT,
  HEADER_FILL,
  WORK_FILL,
  RESULT_FILL,
  Ctx,
  T,
  fieldName,
  indicatorFields,
  comRange,
  usesTarget,
  aggregateFormula,
  feedbackMeans,
  RowCells,
} from "./context";
import { putGrade, gradeCoefficient, putMatrixCoefficient } from "./grades";

function usedFields(ctx: Ctx): string[] {
  const used = new Set<string>();
  ctx.plan.indicators.forEach((ind, i) => {
    for (const f of indicatorFields(ind)) used.add(f);
    if (usesTarget(ctx, i) && ind.target.field) used.add(ind.target.field);
  });
  if (ctx.plan.grading.coefficientMode === "matrix")
    for (const f of [
      PAY_FIELDS.signed,
      PAY_FIELDS.salesTarget,
      PAY_FIELDS.collected,
      PAY_FIELDS.due,
    ])
      used.add(f);
  return ctx.plan.fields.map((f) => f.key).filter((k) => used.has(k));
}

export function scorecardColumns(ctx: Ctx): void {
  const c = ctx.sc;
  const { plan, L, lang } = ctx;
  c.add("id", L(T.id), { width: 11 });
  c.add("name", L(T.name), { width: 9 });
  c.add("team", L(T.team), { width: 11 });
  periodColumn(ctx, c, "period", 9);
  c.add("months", L(T.months), { width: 5, numberFormat: "0", ...GROUPED });
  for (const i of ctx.order)
    c.add("s:" + plan.indicators[i].key, say(plan.indicators[i].name, lang), {
      width: 10,
      numberFormat: SCORE,
    });
  for (const d of plan.dimensions)
    c.add("d:" + d.key, say(d.name, lang), { width: 11, numberFormat: SCORE });
  c.add("total", L(T.total), { width: 8, numberFormat: SCORE });
  c.add("grade", L(T.grade), { width: 6 });
  c.add("coefficient", L(T.coefficient), { width: 7, numberFormat: "0.00" });
  c.add("base", L(T.base), { width: 11, numberFormat: MONEY });
  c.add("perfStd", L(T.perfStd), { width: 11, numberFormat: MONEY, ...GROUPED });
  c.add("perfPay", L(T.perfPay), { width: 11, numberFormat: MONEY });
  c.add("commission", L(T.commission), { width: 11, numberFormat: MONEY });
  if (plan.commission.team)
    c.add("teamCommission", L(T.teamCommission), { width: 11, numberFormat: MONEY });
  c.add("bonus", L(T.bonus), { width: 10, numberFormat: MONEY });
  if (hasAppeals(ctx.ev.appeals))
    c.add("appeal", L(T.appealAdjustment), { width: 11, numberFormat: MONEY });
  const g = guaranteeOf(plan);
  if (g.enabled) {
    c.add("gTopUp", L(T.guaranteeTopUp), { width: 11, numberFormat: MONEY });
    if (g.recoverable)
      c.add("gRecovered", L(T.guaranteeRecovered), { width: 11, numberFormat: MONEY });
  }
  c.add("totalPay", L(T.totalPay), { width: 12, numberFormat: MONEY });
  // the plan version the row was computed with (formulas: the Plan sheet's, whose parameters they read)
  c.add("planVersion", L(T.planVersion), { width: 9, ...GROUPED });
  c.add("status", L(T.status), { width: 50 });
  const unitFmt = (k: string) => fieldFormat(plan.fields.find((f) => f.key === k)?.unit ?? "count");
  for (const k of usedFields(ctx))
    c.add("a:" + k, fieldName(plan, k, lang), { width: 12, numberFormat: unitFmt(k) }, true);
  plan.indicators.forEach((ind, i) => {
    const n = say(ind.name, lang);
    const fmt = ind.unit === "currency" ? MONEY : ind.unit === "ratio" ? PCT : "0.00";
    c.add("x:" + ind.key, `${n}：${L(T.actual)}`, { width: 11, numberFormat: fmt }, true);
    if (usesTarget(ctx, i)) {
      c.add("t:" + ind.key, `${n}：${L(T.targetOf)}`, { width: 11, numberFormat: fmt }, true);
      c.add("r:" + ind.key, `${n}：${L(T.attainmentOf)}`, { width: 9, numberFormat: PCT }, true);
    }
    if (ind.scoring.method === "curve")
      c.add("k:" + ind.key, `${n}：${L(T.segment)}`, { width: 6, numberFormat: "0" }, true);
  });
  if (plan.indicators.some((i) => readsRatings(i.input))) {
    c.add("fb0", L(T.fbSuperior), { width: 9, numberFormat: SCORE }, true);
    c.add("fb1", L(T.fbPeer), { width: 9, numberFormat: SCORE }, true);
    c.add("fb2", L(T.fbCustomer), { width: 9, numberFormat: SCORE }, true);
  }
  if (plan.grading.coefficientMode === "matrix") {
    c.add("ma", L(T.matrixAttainment), { width: 9, numberFormat: PCT }, true);
    c.add("mc", L(T.matrixCollection), { width: 9, numberFormat: PCT }, true);
  }
  if (plan.grading.mode === "forced") {
    c.add("rank", L(T.rank), { width: 6, numberFormat: "0" }, true);
    c.add("n", L(T.groupSize), { width: 6, numberFormat: "0" }, true);
  }
  periodKeyColumns(ctx, c);
}

/** The actual value of an indicator as a formula over the period values (and 360 means). */
function actualFormula(ctx: Ctx, i: number, row: RowCells): string {
  const ind: Indicator = ctx.plan.indicators[i];
  const { A, P, style } = ctx;
  const inp = ind.input;
  const { agg, at } = row;
  switch (inp.kind) {
    case "field":
      return agg(inp.field);
    case "ratio":
      return ratioFormula(agg(inp.numerator), agg(inp.denominator));
    case "growth":
      return growthFormula(agg(inp.current), agg(inp.prior), style === "perf");
    case "sum":
      return sumFormula(inp.fields.map(agg));
    case "feedback":
      return feedbackFormula(
        [0, 1, 2].map((j) => at("fb" + j)),
        A.feedbackWeights.map(P),
        style === "perf",
        PLAN_NAMES.feedbackWeights
      );
    case "customer360":
      return customerBlendFormula(
        at("fb2"),
        inp.survey === null ? null : agg(inp.survey),
        ctx.P(ctx.A.indicators[i].share!)
      );
  }
}

/**
 * An indicator's target and attainment cells (for indicators scored on attainment): the data's
 * target for the period, else the default (× months when the engine adds it up), and the
 * attainment with the engine's value. Returns the attainment cell and its value.
 */
function putTargetAndAttainment(
  ctx: Ctx,
  row: RowCells,
  i: number,
  X: string
): { ref: string; value: Value } {
  const { plan, ev, A, P, fx, style } = ctx;
  const ind = plan.indicators[i];
  const ci = ev.compiled.indicators[i];
  const an = A.indicators[i];
  const pf = ev.periods.frame;
  const { r, put, at, agg } = row;
  const defF =
    ind.target.default === null
      ? `""`
      : ci.additive
        ? `${P(an.targetDefault)}*${at("months")}`
        : P(an.targetDefault);
  const ft = ind.target.field
    ? `IF(${agg(ind.target.field)}<>"",${agg(ind.target.field)},${defF})`
    : defF;
  const source = targetSourceOf(ci, pf, r);
  const tv: Value =
    source === TargetSource.Invalid
      ? ERR
      : source === TargetSource.None
        ? ""
        : targetOf(ci, pf, r, source);
  put("t:" + ind.key, fx(ft, tv));
  const best = ind.scoring.method === "linear" ? P(an.cap!) : UNBOUNDED_ATTAINMENT.formula;
  const fr = attainmentFormula(X, at("t:" + ind.key), ind.direction, best, style === "perf");
  const reading = readIndicator(ci, pf, r, ev.feedback);
  const rv: Value =
    reading.reason === Reason.None
      ? attainmentCellValue(reading.attainment)
      : reading.reason === Reason.Invalid || reading.reason === Reason.TargetNegative
        ? ERR
        : "";
  put("r:" + ind.key, fx(fr, rv));
  return { ref: at("r:" + ind.key), value: rv };
}

/** The curve segment cell and the curve's score formula of the value in cell `x`. */
function curveScore(
  ctx: Ctx,
  row: RowCells,
  i: number,
  x: string,
  xv: Value,
  missing: string
): string {
  const { plan, A, P, fx, style } = ctx;
  const ind = plan.indicators[i];
  const sc = ind.scoring;
  if (sc.method !== "curve") throw new Error("not a curve");
  const pts = A.curves[i];
  const n = pts.length;
  const column = (c: "x" | "y", columns = 1) =>
    `${quoteSheet(A.sheet)}!${a1range({ row: pts[0][c].row, column: pts[0][c].column, rows: n, columns }, true)}`;
  // The segment is the last point reached (the engine's curve walk).
  const segV: Value = typeof xv === "number" ? curveSegment(xv, sc.points) : xv;
  row.put(
    "k:" + ind.key,
    fx(
      curveSegmentFormula(
        x,
        pts.map((p) => P(p.x))
      ),
      segV
    )
  );
  if (style === "perf") return curvePerfFormula(x, missing, column("x", 2), str(sc.mode));
  const refs = {
    x: pts.map((p) => P(p.x)),
    y: pts.map((p) => P(p.y)),
    xRange: column("x"),
    yRange: column("y"),
  };
  return curveScoreFormula(x, row.at("k:" + ind.key), missing, refs, sc.mode);
}

/** One indicator on a Scorecard row: actual, target, attainment, curve segment, score. */
function putIndicator(ctx: Ctx, row: RowCells, i: number): void {
  const { plan, ev, A, P, fx, style } = ctx;
  const set = ev.periods;
  const ind = plan.indicators[i];
  const t = ctx.traces[row.r].indicators[i];
  const an = A.indicators[i];
  const { put, at } = row;
  // The engine reads the input before the target: no actual means the input was blank (→ "") or unreadable (→ error).
  const actualValue: Value = t.actual !== null ? t.actual : t.reason === "invalid" ? ERR : "";
  put("x:" + ind.key, fx(actualFormula(ctx, i, row), actualValue));
  const X = at("x:" + ind.key);
  let x = X;
  let xv: Value = actualValue;
  if (usesTarget(ctx, i)) {
    const a = putTargetAndAttainment(ctx, row, i, X);
    x = a.ref;
    xv = a.value;
  }
  const pol = missingFormula(ind.missing);
  const sIdx = row.r * set.nIndicators + i;
  const st = set.indicatorStatus[sIdx];
  const sv: Value =
    st === IndicatorStatus.Scored
      ? set.indicatorScores[sIdx]
      : st === IndicatorStatus.Zeroed
        ? 0
        : st === IndicatorStatus.Excluded
          ? ""
          : ERR;
  let fs: string;
  switch (ind.scoring.method) {
    case "linear":
      fs =
        style === "perf"
          ? kpiScorePerfFormula(
              x,
              pol,
              X,
              at("t:" + ind.key),
              P(an.floor!),
              P(an.cap!),
              str(ind.direction),
              P(an.fullScore!)
            )
          : linearScoreFormula(x, pol, P(an.floor!), P(an.cap!), P(an.fullScore!));
      break;
    case "curve":
      fs = curveScore(ctx, row, i, x, xv, pol);
      break;
    case "direct":
    case "feedback":
      fs = directScoreFormula(x, pol, P(an.cap!));
      break;
    case "deduction":
      fs = deductionScoreFormula(x, pol, P(an.fullScore!));
      break;
  }
  put("s:" + ind.key, fx(fs, sv));
}

/** The period values of the fields the indicators use, and the 360 group means. */
function putPeriodValues(ctx: Ctx, x: RowCells, m0: number, m1: number): void {
  const { ev, fx } = ctx;
  const pf = ev.periods.frame;
  const r = x.r;
  for (const k of usedFields(ctx)) {
    const fi = ctx.fieldIndex.get(k)!;
    x.put("a:" + k, fx(aggregateFormula(ctx, k, m0, m1), cellValue(pf, fi, r, ERR)));
  }
  if (!ctx.sc.has("fb0")) return;
  const id = pf.ids[r];
  const idRef = `$${columnLetter(0)}${ctx.periodRow(r) + 1}`;
  const means = feedbackMeans(ctx, id, idRef, ev.feedback.ratingsFor(id, pf.periods[r]));
  const parts = ev.feedback.score(id, pf.periods[r]);
  means.forEach((m, i) =>
    x.put("fb" + i, fx(m.formula, parts && parts.means[i] !== null ? parts.means[i]! : m.value))
  );
}

/** Each dimension's score and the total: renormalized weighted means of the row's scores. */
function putDimensionsAndTotal(ctx: Ctx, x: RowCells, m0: number, m1: number): void {
  const { plan, ev, fx, style } = ctx;
  const c = ctx.sc;
  const set = ev.periods;
  const nd = set.nDimensions;
  const { r, put } = x;
  const row = ctx.periodRow(r);
  // Scores of a run of columns on this row, and their weights on row 2.
  const run = (first: string, columns: number) => [
    a1range({ row, column: c.get(first), rows: 1, columns }),
    a1range({ row: 1, column: c.get(first), rows: 1, columns }, true),
  ];
  plan.dimensions.forEach((d, di) => {
    const inds = ctx.order.filter((i) => plan.indicators[i].dimension === d.key);
    const [S, W] = run("s:" + plan.indicators[inds[0]].key, inds.length);
    const dv = set.dimensionScores[r * nd + di];
    const v: Value = set.dimensionExcluded[r * nd + di] ? "" : numOr(dv, ERR);
    put("d:" + d.key, fx(renormalizedFormula(S, W, `""`, style === "perf"), v));
  });
  const [D, DW] = run("d:" + plan.dimensions[0].key, nd);
  let totalF = `IFERROR(${renormalizedFormula(D, DW, "#N/A", style === "perf")},"")`;
  // The engine's period row carries a conflict of any of its months.
  if (ev.periods.frame.conflicts[r]) {
    // A month with two different Data rows: no total until one of them is corrected.
    const unique = `${quoteSheet(ctx.names.months)}!${a1range({ row: ctx.monthRow(m0), column: ctx.mc.get("unique"), rows: m1 - m0 + 1, columns: 1 }, true)}`;
    totalF = `IF(AND(${unique}),${totalF},"")`;
  }
  put("total", fx(totalF, numOr(set.totals[r], "")));
}

/** Pay lines: the Commission sheet's months summed, performance pay and the total. */
function putPayLines(ctx: Ctx, x: RowCells, m0: number, m1: number): void {
  const { ev, fx, style } = ctx;
  const pp = ev.periodPay;
  const { r, put, at } = x;
  const sumOf = (key: string) => moneySumFormula(comRange(ctx, key, m0, m1));
  put("base", fx(sumOf("base"), numOr(pp.base[r], "")));
  put("perfStd", fx(sumOf("perfStd"), numOr(pp.performanceStandard[r], "")));
  put("commission", fx(sumOf("net"), numOr(pp.commission[r], "")));
  // 团队提成: the Commission rows' team commission summed; a lead without a row in a month
  // the team has rows in cannot be summed (the run's issue says which month).
  const team = ctx.sc.has("teamCommission");
  if (team)
    put(
      "teamCommission",
      absentLeadIssues(ev, ev.periods.frame.ids[r], ev.periods.frame.periods[r]).length > 0
        ? fx(`""`, "")
        : fx(sumOf("teamCommission"), numOr(pp.teamCommission[r], ""))
    );
  put("bonus", fx(sumOf("adjustment"), numOr(pp.bonus[r], "")));
  const appeal = ctx.sc.has("appeal");
  if (appeal) putAppeal(ctx, x);
  const BASE = at("base");
  const STD = at("perfStd");
  const COEF = at("coefficient");
  put("perfPay", fx(performancePayFormula(STD, COEF), numOr(pp.performancePay[r], "")));
  let total = totalPayFormula(
    BASE,
    STD,
    COEF,
    at("commission"),
    at("bonus"),
    style === "perf",
    team ? at("teamCommission") : null,
    appeal ? at("appeal") : null
  );
  if (ctx.sc.has("gTopUp")) total = withGuarantee(ctx, x, m0, m1, total);
  put("totalPay", fx(total, numOr(pp.total[r], "")));
}

/**
 * 申诉调整: the Appeals sheet's upheld amounts of this id and period (SUMIFS, either language's
 * word for upheld); "" while an appeal of the period cannot be read as it stands (its status says
 * which), as the engine holds the total up.
 */
function putAppeal(ctx: Ctx, x: RowCells): void {
  const { ev, fx } = ctx;
  const pf = ev.periods.frame;
  const r = x.r;
  if (appealIssues(ev.appeals, pf.ids[r], pf.periods[r]).length) {
    x.put("appeal", fx(`""`, ""));
    return;
  }
  const sheet = quoteSheet(ctx.names.appeals);
  const ref = (k: AppealColumn) => appealColumnRef(sheet, k);
  const f = appealAdjustmentFormula(
    { amount: ref("amount"), id: ref("id"), period: ref("period"), status: ref("status") },
    x.at("id"),
    x.at("period"),
    [APPEAL_WORDS.status.upheld.zh, APPEAL_WORDS.status.upheld.en]
  );
  x.put("appeal", fx(f, numOr(ev.periodPay.appeal[r], "")));
}

/**
 * The new-hire guarantee's lines of the period (the Pay list's months summed; "" when one of them
 * is "") and the total pay with them: ROUND(total + top-up − recovered, 2).
 */
function withGuarantee(ctx: Ctx, x: RowCells, m0: number, m1: number, total: string): string {
  const { ev, fx } = ctx;
  const pp = ev.periodPay;
  const sheet = quoteSheet(ctx.names.paylist);
  const sumOf = (key: string) => {
    const col = ctx.pc.get(key);
    const cells = [];
    for (let m = m0; m <= m1; m++) cells.push(`${sheet}!${a1cell(ctx.monthRow(m), col, true)}`);
    const range = `${sheet}!${a1range({ row: ctx.monthRow(m0), column: col, rows: m1 - m0 + 1, columns: 1 }, true)}`;
    return `IF(OR(${cells.map((c) => `${c}=""`).join(",")}),"",${moneySumFormula(range)})`;
  };
  x.put("gTopUp", fx(sumOf("topUp"), numOr(pp.guaranteeTopUp[x.r], "")));
  const parts = [x.at("gTopUp")];
  let expr = `(${total})+${x.at("gTopUp")}`;
  if (ctx.sc.has("gRecovered")) {
    x.put("gRecovered", fx(sumOf("recovered"), numOr(pp.guaranteeRecovered[x.r], "")));
    parts.push(x.at("gRecovered"));
    expr += `-${x.at("gRecovered")}`;
  }
  return `IF(OR(${[...parts, `${total}`].map((p) => `${p}=""`).join(",")}),"",IFERROR(ROUND(${expr},2),""))`;
}

/** One Scorecard row: a salesperson's evaluation period. */
function scorecardLine(
  ctx: Ctx,
  r: number,
  colRange: (key: string) => string,
  status: string
): Cell[] {
  const { plan, ev, fx } = ctx;
  const c = ctx.sc;
  const pf = ev.periods.frame;
  const gr = ev.grading;
  const row = ctx.periodRow(r);
  const line: Cell[] = new Array(c.list.length).fill(null);
  const put = (key: string, v: Cell) => {
    line[c.get(key)] = v;
  };
  const at = (key: string) => a1cell(row, c.get(key));
  const x: RowCells = { r, put, at, agg: (k) => at("a:" + k) };
  const [m0, m1] = monthSpan(pf, r);
  put("id", pf.ids[r]);
  put("name", pf.names[r]);
  put("team", pf.teams[r]);
  putPeriod(ctx, put, (k) => c.has(k), "period", pf.periods[r]);
  put("months", pf.monthCount[r]);
  putPeriodValues(ctx, x, m0, m1);
  plan.indicators.forEach((_, i) => putIndicator(ctx, x, i));
  putDimensionsAndTotal(ctx, x, m0, m1);
  putGrade(ctx, put, at, colRange, "period", at("total"), gr, r);
  const G = at("grade");
  const coefficient = numOr(gr.coefficient[r], "");
  if (plan.grading.coefficientMode === "matrix")
    putMatrixCoefficient(ctx, put, at, G, x.agg, matrixRatios(ev.compiled, pf, r), coefficient);
  else put("coefficient", gradeCoefficient(ctx, G, coefficient));
  putPayLines(ctx, x, m0, m1);
  put("planVersion", fx(`${settingName("version")}&""`, plan.version));
  put("status", status);
  return line;
}

function scorecardStyles(ctx: Ctx): StyleSpec[] {
  const c = ctx.sc;
  const firstWork = c.list.findIndex((x) => x.work);
  const nCols = c.list.length;
  const dataRows = Math.max(1, ctx.ev.periods.frame.n);
  const styles: StyleSpec[] = [
    {
      range: { row: 0, column: 0, rows: 1, columns: nCols },
      bold: true,
      fill: HEADER_FILL,
      wrap: true,
      vertical: "center",
    },
    {
      range: { row: 1, column: 0, rows: 1, columns: nCols },
      italic: true,
      fontColor: "#595959",
      border: "bottom",
    },
    {
      range: { row: 2, column: c.get("total"), rows: dataRows, columns: 3 },
      bold: true,
      fill: RESULT_FILL,
    },
    {
      range: { row: 2, column: c.get("totalPay"), rows: dataRows, columns: 1 },
      bold: true,
      fill: RESULT_FILL,
    },
  ];
  if (firstWork >= 0)
    styles.push({
      range: { row: 0, column: firstWork, rows: 1, columns: nCols - firstWork },
      fill: WORK_FILL,
      italic: true,
    });
  return styles;
}

export function scorecardSheet(ctx: Ctx): SheetLayout {
  const { plan, ev, L, lang, A, P } = ctx;
  const c = ctx.sc;
  const pf = ev.periods.frame;
  const s = emptySheet("scorecard", ctx.names.scorecard, "output");
  const g = new Grid();
  g.line(
    0,
    0,
    c.list.map((x) => x.header)
  );
  // Row 2: the weights the formulas use (indicator weight in its dimension, dimension weight).
  g.set(1, 0, L(T.weightRow));
  plan.indicators.forEach((ind, i) =>
    g.set(1, c.get("s:" + ind.key), ctx.fx(P(A.indicators[i].weight), ind.weight), "0%")
  );
  plan.dimensions.forEach((d, i) =>
    g.set(1, c.get("d:" + d.key), ctx.fx(P(A.dimensions[i].weight), d.weight), "0%")
  );
  const rows = scorecardRows(ev);
  const sep = lang === "zh-CN" ? "；" : "; ";
  const first = ctx.periodRow(0);
  const last = ctx.periodRow(Math.max(0, pf.n - 1));
  const colRange = (key: string) =>
    `${a1range({ row: first, column: c.get(key), rows: last - first + 1, columns: 1 }, true)}`;
  for (let r = 0; r < pf.n; r++) {
    const sr = rows[r];
    const status =
      sr.status === "ok"
        ? L({ en: "OK", zh: "正常" })
        : [...new Set(sr.problems.map((i) => formatIssue(i, lang)))].join(sep);
    g.line(ctx.periodRow(r), 0, scorecardLine(ctx, r, colRange, status));
  }
  s.blocks.push(g.block());
  s.columns = c.list.map((x) => x.spec);
  s.freeze = { rows: 2, columns: 4 };
  s.styles = scorecardStyles(ctx);
  s.tabColor = "#FFC000";
  return s;
}

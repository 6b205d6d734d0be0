/**
 * Annual (年度评价): where the data covers a year — weighted period totals and annual 360, annual
 * grade, bonus and the settlement of deferred commission.
 */
import { formatIssue } from "../../engine/issues";
import { PAY_FIELDS } from "../../engine/plan/model";
import { matrixRatios } from "../../engine/evaluate/grading";
import { annualRows } from "../../engine/evaluate/rows";
import { cellValue } from "../../engine/evaluate/frame";
import { feedbackFormula } from "../../engine/rules/feedback";
import { weightedTermsFormula } from "../../engine/rules/weighting";
import { performancePayFormula } from "../../engine/rules/pay";
import { quoteSheet, range as a1range, cell as a1cell } from "../a1";
import { ERR, numOr } from "../formula";
import { Grid } from "../grid";
import type { Cell, SheetLayout } from "../layout";
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
  monthField,
  monthFieldRange,
  comCell,
  aggregateFormula,
  feedbackMeans,
} from "./context";
import { putGrade, gradeCoefficient, putMatrixCoefficient } from "./grades";

export function annualSheet(ctx: Ctx): SheetLayout | null {
  const { plan, ev, fx, L, lang, A, P, style } = ctx;
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
  const c = new Cols();
  c.add("id", L(T.id), { width: 11 });
  c.add("name", L(T.name), { width: 9 });
  c.add("team", L(T.team), { width: 11 });
  c.add("year", L(T.year), { width: 6 });
  for (const sl of slots)
    c.add("p:" + sl, monthly ? `${sl}${L({ en: "", zh: "月" })}` : sl, {
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
  c.add("status", L(T.status), { width: 50 });
  c.add("fb0", L(T.fbSuperior), { width: 9, numberFormat: SCORE }, true);
  c.add("fb1", L(T.fbPeer), { width: 9, numberFormat: SCORE }, true);
  c.add("fb2", L(T.fbCustomer), { width: 9, numberFormat: SCORE }, true);
  const matrix = plan.grading.coefficientMode === "matrix";
  if (matrix) {
    for (const k of [
      PAY_FIELDS.signed,
      PAY_FIELDS.salesTarget,
      PAY_FIELDS.collected,
      PAY_FIELDS.due,
    ])
      c.add("a:" + k, fieldName(plan, k, lang), { width: 12, numberFormat: MONEY }, true);
    c.add("ma", L(T.matrixAttainment), { width: 9, numberFormat: PCT }, true);
    c.add("mc", L(T.matrixCollection), { width: 9, numberFormat: PCT }, true);
  }
  const forced = plan.grading.mode === "forced";
  if (forced) {
    c.add("rank", L(T.rank), { width: 6, numberFormat: "0" }, true);
    c.add("n", L(T.groupSize), { width: 6, numberFormat: "0" }, true);
  }
  const s = emptySheet("annual", ctx.names.annual, "output");
  const g = new Grid();
  g.line(
    0,
    0,
    c.list.map((x) => x.header)
  );
  const first = 1;
  const last = keep.length;
  const colRange = (key: string) =>
    a1range({ row: first, column: c.get(key), rows: last - first + 1, columns: 1 }, true);
  const pfr = ev.periods.frame;
  const scTotal = (r: number) =>
    `${quoteSheet(ctx.names.scorecard)}!${a1cell(ctx.periodRow(r), ctx.sc.get("total"), true)}`;
  const qw = A.annualWeights.slice(0, 4).map(P);
  const fw = P(A.annualWeights[4]);
  const sep = lang === "zh-CN" ? "；" : "; ";
  const mf = ev.months.frame;
  // Month rows of each person-year (contiguous in the monthly sheets).
  const monthSpan = new Map<string, [number, number]>();
  for (let m = 0; m < mf.n; m++) {
    const k = mf.ids[m] + "\u0000" + mf.periods[m].slice(0, 4);
    const span = monthSpan.get(k);
    if (span) span[1] = m;
    else monthSpan.set(k, [m, m]);
  }
  keep.forEach((y, j) => {
    const row = first + j;
    const line: Cell[] = new Array(c.list.length).fill(null);
    const put = (key: string, v: Cell) => {
      line[c.get(key)] = v;
    };
    const at = (key: string) => a1cell(row, c.get(key));
    const id = yf.ids[y];
    const year = yf.periods[y];
    put("id", id);
    put("name", yf.names[y]);
    put("team", yf.teams[y]);
    put("year", year);
    const present: { slot: string; ref: string; weight: string }[] = [];
    an.periodRows[y].forEach((r) => {
      const p = pfr.periods[r];
      const slot = monthly ? p.slice(5, 7) : p.slice(5);
      put("p:" + slot, fx(scTotal(r), numOr(ev.periods.totals[r], "")));
      const w = monthly ? `(${qw.join("+")})/12` : qw[Number(p.slice(6)) - 1];
      present.push({ slot, ref: at("p:" + slot), weight: w });
    });
    // Annual 360: ratings of exactly the year.
    const means = feedbackMeans(ctx, id, `$A${row + 1}`, ev.feedback.ratings(id, year, true));
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
    const FB = at("fb");
    // Total: weighted present periods and the annual 360, renormalized; a period that cannot be scored blocks it.
    const { num, den } = weightedTermsFormula([
      ...present,
      { ref: FB, weight: fw, optional: true },
    ]);
    const blocked = present.length ? `OR(${present.map((p) => `${p.ref}=""`).join(",")})` : "1=0";
    put("total", fx(`IFERROR(IF(${blocked},"",(${num})/(${den})),"")`, numOr(an.totals[y], "")));
    const TOT = at("total");
    putGrade(ctx, put, at, colRange, "year", TOT, an.grading, y);
    const G = at("grade");
    const span = monthSpan.get(id + "\u0000" + year)!;
    if (matrix) {
      const fi = (k: string) => ctx.fieldIndex.get(k)!;
      for (const k of [
        PAY_FIELDS.signed,
        PAY_FIELDS.salesTarget,
        PAY_FIELDS.collected,
        PAY_FIELDS.due,
      ]) {
        put("a:" + k, fx(aggregateFormula(ctx, k, span[0], span[1]), cellValue(yf, fi(k), y, ERR)));
      }
      putMatrixCoefficient(
        ctx,
        put,
        at,
        G,
        (k) => at("a:" + k),
        matrixRatios(ev.compiled, yf, y),
        numOr(an.grading.coefficient[y], "")
      );
    } else put("coefficient", gradeCoefficient(ctx, G, numOr(an.grading.coefficient[y], "")));
    // Bonus standard: the latest month's in the data, else the plan's.
    const bsKey = PAY_FIELDS.bonusStandard;
    if (ctx.fieldIndex.has(bsKey)) {
      const R = monthFieldRange(ctx, bsKey, span[0], span[1]);
      let nested = `""`;
      for (let mm = span[0]; mm <= span[1]; mm++) {
        const x = monthField(ctx, bsKey, mm)!;
        nested = `IF(${x}<>"",${x},${nested})`;
      }
      put(
        "bonusStandard",
        fx(
          `IFERROR(IF(SUMPRODUCT((${R}<>"")*1)=0,${settingName("bonusStandard")},SUM(${R})*0+${nested}),${settingName("bonusStandard")})`,
          an.bonusStandard[y]
        )
      );
    } else put("bonusStandard", fx(settingName("bonusStandard"), an.bonusStandard[y]));
    put(
      "bonus",
      fx(performancePayFormula(at("bonusStandard"), at("coefficient")), numOr(an.bonus[y], ""))
    );
    const lastMonth = span[1];
    put(
      "settlement",
      fx(
        `IFERROR(${comCell(ctx, "ySettlement", lastMonth, false)},"")`,
        numOr(an.settlement[y], "")
      )
    );
    put(
      "outstanding",
      fx(
        `IFERROR(${comCell(ctx, "yOutstanding", lastMonth, false)},"")`,
        numOr(an.outstanding[y], "")
      )
    );
    put(
      "payout",
      fx(
        `IF(OR(${at("bonus")}="",${at("settlement")}=""),"",IFERROR(ROUND(${at("bonus")}+${at("settlement")},2),""))`,
        numOr(an.payout[y], "")
      )
    );
    put("status", annualStatus(ctx, rowsA[y]).join(sep) || L({ en: "OK", zh: "正常" }));
    g.line(row, 0, line);
  });
  s.blocks.push(g.block());
  s.columns = c.list.map((x) => x.spec);
  s.freeze = { rows: 1, columns: 4 };
  const nCols = c.list.length;
  const firstWork = c.list.findIndex((x) => x.work);
  s.styles = [
    {
      range: { row: 0, column: 0, rows: 1, columns: nCols },
      bold: true,
      fill: HEADER_FILL,
      wrap: true,
      vertical: "center",
    },
    {
      range: { row: 1, column: c.get("total"), rows: keep.length, columns: 3 },
      bold: true,
      fill: RESULT_FILL,
    },
    {
      range: { row: 1, column: c.get("payout"), rows: keep.length, columns: 1 },
      bold: true,
      fill: RESULT_FILL,
    },
    {
      range: { row: 0, column: firstWork, rows: 1, columns: nCols - firstWork },
      fill: WORK_FILL,
      italic: true,
    },
  ];
  s.tabColor = "#7030A0";
  return s;
}

function annualStatus(ctx: Ctx, row: ReturnType<typeof annualRows>[number]): string[] {
  const { lang, plan } = ctx;
  const out: string[] = [];
  const msg = (code: string, params: Record<string, string | number>) =>
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

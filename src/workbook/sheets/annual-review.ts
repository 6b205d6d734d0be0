/**
 * The Annual sheet's review columns (年度总评的结果): the promotion recommendation (晋升建议) with
 * its reason, and the profit share (分红) with the pool's lines under the table — formulas over
 * the Scorecard's period grades, the Grade history sheet (历年评级), the Annual sheet's own rows
 * and the Plan sheet's review settings, each with the engine's value (annualConsequences).
 */
import type { AnnualConsequences } from "../../engine/evaluate/review";
import { promotionWords } from "../../engine/evaluate/review";
import { reviewOf } from "../../engine/plan/model";
import {
  gradeRankFormula,
  promotionFormula,
  promotionReasonFormula,
  type PromotionRefs,
} from "../../engine/rules/promotion";
import {
  profitShareBasisFormula,
  profitShareFormula,
  profitShareTotalFormula,
  roundingDifferenceFormula,
} from "../../engine/rules/profitshare";
import { cellValue } from "../../engine/evaluate/frame";
import { cell as a1cell, columnLetter, quoteSheet, str } from "../a1";
import { ERR, numOr } from "../formula";
import type { GradeHistoryColumns } from "../grade-history";
import type { Grid } from "../grid";
import type { Cell, StyleSpec } from "../layout";
import { PLAN_NAMES, settingName } from "../plan-sheet";
import type { Words } from "../text";
import { roundMoney } from "../../engine/numeric";
import { MONEY, RESULT_FILL, aggregateFormula, type Cols, type Ctx } from "./context";

const W = {
  promotion: { en: "Promotion", zh: "晋升建议" },
  promotionReason: { en: "Promotion: why", zh: "晋升依据" },
  profitShare: { en: "Profit share", zh: "分红" },
  worstRank: { en: "Worst period grade (rank)", zh: "考核期最差等级（序号）" },
  priorCount: { en: "Year −{k}: entries", zh: "前{k}年：评级条数" },
  priorRank: { en: "Year −{k}: grade rank", zh: "前{k}年：评级序号" },
  annualBase: { en: "Annual base salary", zh: "年度基本工资" },
  basis: { en: "Profit-share basis (coefficient × base)", zh: "分红基数（系数 × 基本工资）" },
  total: { en: "Year's total basis", zh: "当年分红基数合计" },
  pool: { en: "{year} profit-share pool", zh: "{year}年分红池" },
  allocated: { en: "{year} allocated", zh: "{year}年已分配" },
  difference: {
    en: "{year} rounding difference (not paid)",
    zh: "{year}年舍入差额（不发放）",
  },
} as const satisfies Record<string, Words>;

/** The review's result columns (after the year-end payout). */
export function reviewColumns(ctx: Ctx, c: Cols): void {
  const r = reviewOf(ctx.plan);
  if (r.promotion.enabled) {
    c.add("promotion", ctx.L(W.promotion), { width: 11 });
    c.add("promotionReason", ctx.L(W.promotionReason), { width: 40 });
  }
  if (r.profitShare.enabled)
    c.add("profitShare", ctx.L(W.profitShare), { width: 12, numberFormat: MONEY });
}

/** The review's working columns (at the end of the sheet). */
export function reviewWorkColumns(ctx: Ctx, c: Cols): void {
  const r = reviewOf(ctx.plan);
  const k = (w: Words, i: number) => ctx.L(w).replace("{k}", String(i));
  if (r.promotion.enabled) {
    c.add("worstRank", ctx.L(W.worstRank), { width: 9, numberFormat: "0" }, true);
    for (let i = 1; i < r.promotion.years; i++) {
      c.add("pc:" + i, k(W.priorCount, i), { width: 9, numberFormat: "0" }, true);
      c.add("pr:" + i, k(W.priorRank, i), { width: 9, numberFormat: "0" }, true);
    }
  }
  if (r.profitShare.enabled) {
    c.add("annualBase", ctx.L(W.annualBase), { width: 12, numberFormat: MONEY }, true);
    c.add("psBasis", ctx.L(W.basis), { width: 14, numberFormat: MONEY }, true);
    c.add("psTotal", ctx.L(W.total), { width: 14, numberFormat: MONEY }, true);
  }
}

/** A row of the Annual sheet being built (annual.ts's YearLine). */
export interface ReviewLine {
  y: number;
  row: number;
  put: (key: string, v: Cell) => void;
  at: (key: string) => string;
  span: [number, number];
}

/** Where the Annual sheet's rows are: the row of an annual frame row, a column's range. */
export interface ReviewPlace {
  rowOf: Map<number, number>;
  colRange: (key: string) => string;
}

/** The Grade history cells of a person and year: entries, and the sum of their grade ranks. */
function historyFormulas(
  ctx: Ctx,
  gh: GradeHistoryColumns,
  idRef: string,
  year: string
): { count: string; rank: string } {
  const col = (i: number) => {
    const l = columnLetter(i);
    return `${quoteSheet(gh.sheet)}!$${l}:$${l}`;
  };
  const who = `${col(gh.id)},${idRef},${col(gh.year)},${year}`;
  const n = ctx.plan.grading.grades.length;
  const terms = Array.from(
    { length: n },
    (_, j) => `${j + 1}*COUNTIFS(${who},${col(gh.grade)},INDEX(${PLAN_NAMES.gradeLabel},${j + 1}))`
  );
  return { count: `COUNTIFS(${who})`, rank: terms.join("+") };
}

/** The promotion cells of a row: the worst period grade, the prior years, the outcome and reason. */
function putPromotion(ctx: Ctx, rv: AnnualConsequences, x: ReviewLine, place: ReviewPlace): void {
  const { ev, fx, lang } = ctx;
  const { y, put, at } = x;
  const labels = PLAN_NAMES.gradeLabel;
  const rule = reviewOf(ctx.plan).promotion;
  const grades = ev.annual.periodRows[y].map(
    (r) =>
      `${quoteSheet(ctx.names.scorecard)}!${a1cell(ctx.periodRow(r), ctx.sc.get("grade"), true)}`
  );
  const worst = grades.length
    ? `MAX(${grades.map((g) => gradeRankFormula(g, labels)).join(",")})`
    : "0";
  put("worstRank", fx(worst, rv.worstPeriodRank[y]));
  const idRef = `$A${x.row + 1}`;
  const priors = rv.priors[y].map((p, i) => {
    const k = i + 1;
    if (p.annualRow >= 0) {
      const row = place.rowOf.get(p.annualRow)!;
      const grade = a1cell(row, ctx.ac!.get("grade"));
      put("pc:" + k, 1);
      put("pr:" + k, fx(gradeRankFormula(grade, labels), p.rank));
    } else if (ctx.gradeHistory) {
      const f = historyFormulas(ctx, ctx.gradeHistory, idRef, p.year);
      put("pc:" + k, fx(f.count, p.count));
      put("pr:" + k, fx(f.rank, p.rank));
    } else {
      // no Grade history sheet: the year is missing, as the reason says
      put("pc:" + k, 0);
      put("pr:" + k, 0);
    }
    return { year: p.year, count: at("pc:" + k), rank: at("pr:" + k) };
  });
  const refs: PromotionRefs = {
    year: ev.annual.frame.periods[y],
    grade: at("grade"),
    worstPeriodRank: at("worstRank"),
    labels,
    minGrade: settingName("promotionMinGrade"),
    worstGrade: settingName("promotionWorstGrade"),
    years: rule.years,
    priors,
  };
  const words = promotionWords(lang);
  const p = rv.promotion[y];
  put("promotion", fx(promotionFormula(refs, words), p ? p.text : ""));
  put(
    "promotionReason",
    fx(promotionReasonFormula(refs, at("promotion"), words), p ? p.reason : "")
  );
}

/** The profit-share cells of a row: annual base, basis, the year's total basis, the share. */
function putProfitShare(ctx: Ctx, rv: AnnualConsequences, x: ReviewLine, place: ReviewPlace): void {
  const { ev, fx } = ctx;
  const { y, put, at, span } = x;
  const key = "base_salary";
  const fi = ctx.fieldIndex.get(key);
  put(
    "annualBase",
    fi === undefined
      ? null
      : fx(aggregateFormula(ctx, key, span[0], span[1]), cellValue(ev.annual.frame, fi, y, ERR))
  );
  put(
    "psBasis",
    fx(profitShareBasisFormula(at("coefficient"), at("annualBase")), numOr(rv.basis[y], ""))
  );
  const year = str(ev.annual.frame.periods[y]);
  const pool = rv.pools.find((p) => p.year === ev.annual.frame.periods[y]);
  put(
    "psTotal",
    fx(
      profitShareTotalFormula(place.colRange("psBasis"), place.colRange("year"), year),
      pool ? pool.total : 0
    )
  );
  put(
    "profitShare",
    fx(
      profitShareFormula(
        settingName("profitSharePool"),
        at("psBasis"),
        at("psTotal"),
        settingName("profitShareDecimals")
      ),
      numOr(rv.share[y], "")
    )
  );
}

/** The review cells of an Annual row. */
export function putReview(ctx: Ctx, x: ReviewLine, place: ReviewPlace): void {
  const rv = ctx.review;
  if (!rv) return;
  const r = reviewOf(ctx.plan);
  if (r.promotion.enabled) putPromotion(ctx, rv, x, place);
  if (r.profitShare.enabled) putProfitShare(ctx, rv, x, place);
}

/**
 * Each year's pool under the table (a blank row between): the pool, what was allocated, and the
 * rounding difference — labels in the column before the shares, amounts in the shares' column.
 */
export function reviewFooter(
  ctx: Ctx,
  c: Cols,
  g: Grid,
  first: number,
  place: ReviewPlace
): StyleSpec[] {
  const rv = ctx.review;
  if (!rv || !c.has("profitShare")) return [];
  const col = c.get("profitShare");
  const styles: StyleSpec[] = [];
  let row = first;
  for (const p of rv.pools) {
    const L = (w: Words) => ctx.L(w).replace("{year}", p.year);
    const year = str(p.year);
    const sum = `SUMIFS(${place.colRange("profitShare")},${place.colRange("year")},${year})`;
    const pool = settingName("profitSharePool");
    g.line(row, col - 1, [L(W.pool), ctx.fx(pool, p.pool)]);
    g.line(row + 1, col - 1, [L(W.allocated), ctx.fx(`ROUND(${sum},2)`, roundMoney(p.allocated))]);
    g.line(row + 2, col - 1, [
      L(W.difference),
      ctx.fx(
        roundingDifferenceFormula(
          pool,
          place.colRange("profitShare"),
          place.colRange("year"),
          year
        ),
        p.difference
      ),
    ]);
    styles.push({
      range: { row, column: col - 1, rows: 3, columns: 2 },
      bold: true,
      fill: RESULT_FILL,
    });
    row += 4;
  }
  return styles;
}

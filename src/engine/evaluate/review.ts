/**
 * The annual review's consequences (年度总评与长期激励、晋升发展挂钩) for the person-years the
 * Annual sheet holds (years the data covers completely): the promotion recommendation (晋升建议)
 * by the plan's rule, with the prior years' annual grades from the evaluation itself where it
 * holds them, else from the Grade history sheet (历年评级); and each year's profit-share pool
 * (分红) shared by annual coefficient × annual base salary. Pure: the evaluation, the grade
 * history entries and the language in, numbers and words out.
 */
import type { Language } from "../messages";
import { reviewOf, PAY_FIELDS } from "../plan/model";
import { CellState } from "./frame";
import type { Evaluation } from "./evaluate";
import {
  gradeRank,
  promotion,
  type PriorYear,
  type Promotion,
  type PromotionWords,
} from "../rules/promotion";
import {
  profitShare,
  profitShareBasis,
  profitShareTotal,
  roundingDifference,
} from "../rules/profitshare";

export { REVIEW_MESSAGES } from "./review-messages";
import { REVIEW_MESSAGES } from "./review-messages";

/** The promotion words in a language (the templates raw: the sheet builds its formulas from them). */
export function promotionWords(lang: Language): PromotionWords {
  const t = (k: keyof typeof REVIEW_MESSAGES) =>
    lang === "zh-CN" ? REVIEW_MESSAGES[k].zh : REVIEW_MESSAGES[k].en;
  return {
    yes: t("promotionYes"),
    no: t("promotionNo"),
    missing: t("promotionMissing"),
    sep: t("promotionSep"),
    below: t("promotionBelow"),
    periodBelow: t("promotionPeriodBelow"),
    priorMissing: t("promotionPriorMissing"),
    priorTwice: t("promotionPriorTwice"),
    passed: t("promotionPassed"),
    passedNoPeriods: t("promotionPassedNoPeriods"),
  };
}

/** One row of the Grade history sheet (历年评级) as read. */
export interface GradeHistoryEntry {
  id: string;
  name: string;
  year: number;
  grade: string;
  /** 1-based sheet row. */
  row: number;
}

/** Where a prior year's grade comes from: the evaluation's Annual row, or the grade history. */
export interface PriorSource extends PriorYear {
  /** The Annual row (annual frame index) holding the year, or −1 for the grade history. */
  annualRow: number;
}

export interface YearPool {
  year: string;
  pool: number;
  /** Σ basis of the year's rows in the pool. */
  total: number;
  /** Σ shares. */
  allocated: number;
  difference: number;
  /** Annual rows (annual frame index) in the pool, in row order. */
  rows: number[];
}

export interface AnnualConsequences {
  /** Annual frame rows the Annual sheet holds (complete years), in order. */
  rows: number[];
  /** Per annual frame row (only `rows` filled): the worst rank of the year's graded periods. */
  worstPeriodRank: Int32Array;
  priors: PriorSource[][];
  /** null where the rule is off or the row is not on the sheet. */
  promotion: (Promotion | null)[];
  /** Σ base salary of the year's months (NaN when a month's is missing). */
  annualBase: Float64Array;
  basis: Float64Array;
  share: Float64Array;
  /** One per year on the sheet when the profit share is on. */
  pools: YearPool[];
}

/** Who is found in the grade history for a year: entries and the sum of their ranks. */
function historyIndex(history: readonly GradeHistoryEntry[], labels: readonly string[]) {
  const at = new Map<string, { count: number; rank: number }>();
  for (const e of history) {
    const k = e.id.toLowerCase() + "\u0000" + e.year;
    const v = at.get(k) ?? { count: 0, rank: 0 };
    v.count++;
    v.rank += gradeRank(e.grade, labels);
    at.set(k, v);
  }
  return (id: string, year: number) =>
    at.get(id.toLowerCase() + "\u0000" + year) ?? { count: 0, rank: 0 };
}

/** The worst rank of the year's graded periods (0: none graded). */
function worstPeriod(ev: Evaluation, y: number): number {
  let worst = 0;
  for (const r of ev.annual.periodRows[y]) worst = Math.max(worst, ev.grading.gradeIndex[r] + 1);
  return worst;
}

/** The annual review's consequences of an evaluation (see the module's comment). */
export function annualConsequences(
  ev: Evaluation,
  history: readonly GradeHistoryEntry[],
  lang: Language
): AnnualConsequences {
  const an = ev.annual;
  const yf = an.frame;
  const n = yf.n;
  const { promotion: rule, profitShare: ps } = reviewOf(ev.plan);
  const labels = ev.plan.grading.grades.map((g) => g.label);
  const rows: number[] = [];
  for (let y = 0; y < n; y++) if ((an.monthsInData.get(yf.periods[y]) ?? 0) >= 12) rows.push(y);
  const onSheet = new Map(rows.map((y) => [yf.ids[y] + "\u0000" + yf.periods[y], y]));
  const found = historyIndex(history, labels);
  const words = promotionWords(lang);
  const res: AnnualConsequences = {
    rows,
    worstPeriodRank: new Int32Array(n),
    priors: Array.from({ length: n }, () => []),
    promotion: new Array<Promotion | null>(n).fill(null),
    annualBase: new Float64Array(n).fill(NaN),
    basis: new Float64Array(n).fill(NaN),
    share: new Float64Array(n).fill(NaN),
    pools: [],
  };
  const minRank = gradeRank(rule.minGrade, labels);
  const worstRank = gradeRank(rule.worstGrade, labels);
  for (const y of rows) {
    res.worstPeriodRank[y] = worstPeriod(ev, y);
    for (let k = 1; k < rule.years; k++) {
      const year = String(Number(yf.periods[y]) - k);
      const a = onSheet.get(yf.ids[y] + "\u0000" + year);
      const gi = a === undefined ? -1 : an.grading.gradeIndex[a];
      res.priors[y].push(
        a !== undefined
          ? { year, count: 1, rank: gi + 1, annualRow: a }
          : { year, ...found(yf.ids[y], Number(year)), annualRow: -1 }
      );
    }
    if (!rule.enabled) continue;
    const gi = an.grading.gradeIndex[y];
    res.promotion[y] = promotion(
      {
        year: yf.periods[y],
        rank: gi >= 0 ? gi + 1 : NaN,
        worstPeriodRank: res.worstPeriodRank[y],
        minGrade: rule.minGrade,
        minRank,
        worstGrade: rule.worstGrade,
        worstRank,
        years: rule.years,
        priors: res.priors[y],
      },
      labels,
      words
    );
  }
  if (ps.enabled) sharePools(ev, res, ps.pool, ps.decimals);
  return res;
}

/** Each year's pool shared among its rows by coefficient × annual base salary. */
function sharePools(ev: Evaluation, res: AnnualConsequences, pool: number, decimals: number): void {
  const an = ev.annual;
  const yf = an.frame;
  const bi = ev.plan.fields.findIndex((f) => f.key === PAY_FIELDS.baseSalary);
  const byYear = new Map<string, number[]>();
  for (const y of res.rows) {
    const base = bi >= 0 && yf.states[bi][y] === CellState.Ok ? yf.values[bi][y] : NaN;
    res.annualBase[y] = base;
    res.basis[y] = profitShareBasis(an.grading.coefficient[y], base);
    const list = byYear.get(yf.periods[y]) ?? [];
    list.push(y);
    byYear.set(yf.periods[y], list);
  }
  for (const [year, ys] of byYear) {
    const total = profitShareTotal(ys.map((y) => res.basis[y]));
    for (const y of ys) res.share[y] = profitShare(pool, res.basis[y], total, decimals);
    const shares = ys.map((y) => res.share[y]);
    let allocated = 0;
    for (const s of shares) if (!Number.isNaN(s)) allocated += s;
    res.pools.push({
      year,
      pool,
      total,
      allocated,
      difference: roundingDifference(pool, shares),
      rows: ys,
    });
  }
}

/** What a statement shows of the annual review (the statement of a year's last period). */
export interface AnnualReviewLine {
  year: string;
  total: number | null;
  grade: string | null;
  coefficient: number | null;
  /** null where the promotion rule is off. */
  promotion: { text: string; reason: string } | null;
  /** null where the profit share is off or the person-year is not in the pool. */
  profitShare: {
    share: number;
    basis: number;
    annualBase: number;
    coefficient: number;
    pool: number;
    total: number;
  } | null;
}

/**
 * The annual review line of an evaluation row's statement: set when the row is the last period
 * of a person-year the Annual sheet holds, else null.
 */
export function annualReviewLine(
  ev: Evaluation,
  rv: AnnualConsequences,
  r: number
): AnnualReviewLine | null {
  const an = ev.annual;
  const y = rv.rows.find((k) => {
    const pr = an.periodRows[k];
    return pr.length > 0 && pr[pr.length - 1] === r;
  });
  if (y === undefined) return null;
  const gi = an.grading.gradeIndex[y];
  const num = (x: number) => (Number.isNaN(x) ? null : x);
  const p = rv.promotion[y];
  const pool = rv.pools.find((x) => x.year === an.frame.periods[y]);
  return {
    year: an.frame.periods[y],
    total: num(an.totals[y]),
    grade: gi >= 0 ? ev.plan.grading.grades[gi].label : null,
    coefficient: num(an.grading.coefficient[y]),
    promotion: p && p.outcome ? { text: p.text, reason: p.reason } : null,
    profitShare:
      pool && !Number.isNaN(rv.share[y])
        ? {
            share: rv.share[y],
            basis: rv.basis[y],
            annualBase: rv.annualBase[y],
            coefficient: an.grading.coefficient[y],
            pool: pool.pool,
            total: pool.total,
          }
        : null,
  };
}

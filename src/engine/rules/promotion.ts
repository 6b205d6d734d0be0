/**
 * 晋升建议 (the promotion recommendation of a person-year): the annual grade at the rule's grade
 * or better this year and in each of the years before it the rule asks for, and no evaluation
 * period of the year graded below the rule's worst grade. The value function and the formulas
 * that compute the same over sheet cells, side by side.
 *
 * Grades are compared by their rank in the plan's grade table (1 = best), found as Excel's MATCH
 * finds them: case-insensitive. A prior year is counted as it is found — `count` entries for the
 * person and year, `rank` the sum of their ranks (a grade outside the table ranks 0) — so one
 * entry of a known grade gives that grade's rank; none (or an unknown grade) is "missing", more
 * than one is "entered twice"; neither is ever read as a no.
 *
 * Outcome: not recommended when any condition fails (each failure and each missing year named
 * in the reason); otherwise "grade missing" while a prior year is missing or entered twice;
 * otherwise recommended, the rule that passed in the reason. No annual grade: no recommendation
 * (the row's status says why).
 */
import { str } from "./formula-text";

/** The words of the outcome and the reason's parts; templates take {year} {grade} {min} {worst} {years}. */
export interface PromotionWords {
  yes: string;
  no: string;
  missing: string;
  /** Between two parts of a reason. */
  sep: string;
  /** This year's or a prior year's grade below the rule: {year} {grade} {min}. */
  below: string;
  /** A period of the year below the worst grade allowed: {grade} {worst}. */
  periodBelow: string;
  /** {year} */
  priorMissing: string;
  /** {year} */
  priorTwice: string;
  /** The rule passed: {min} {years} {worst}. */
  passed: string;
  /** The rule passed, without a condition on the periods: {min} {years}. */
  passedNoPeriods: string;
}

/** A prior year as found: entries for the person and year, and the sum of their grade ranks. */
export interface PriorYear {
  year: string;
  count: number;
  rank: number;
}

export interface PromotionInput {
  year: string;
  /** The annual grade's rank (1 = best); NaN without an annual grade. */
  rank: number;
  /** The worst rank of the year's graded periods (0: none graded). */
  worstPeriodRank: number;
  /** The rule's grade and its rank. */
  minGrade: string;
  minRank: number;
  /** The worst period grade allowed and its rank (null: no condition). */
  worstGrade: string | null;
  worstRank: number;
  /** Years running the rule asks for, this one included. */
  years: number;
  /** The years before this one, latest first (years − 1 of them). */
  priors: readonly PriorYear[];
}

export type PromotionOutcome = "yes" | "no" | "missing";

export interface Promotion {
  outcome: PromotionOutcome | null;
  /** The outcome in words ("" without an annual grade). */
  text: string;
  reason: string;
}

/** A grade's rank in the table (1 = best), as MATCH(label, labels, 0) finds it; 0 when absent. */
export function gradeRank(label: string | null, labels: readonly string[]): number {
  if (label === null || label === "") return 0;
  const l = label.toLowerCase();
  return labels.findIndex((x) => x.toLowerCase() === l) + 1;
}

/** Fills a template's {placeholders}. */
export function fillTemplate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** The reason's parts, in order: this year, the periods, then each prior year. */
function reasonParts(
  x: PromotionInput,
  labels: readonly string[],
  w: PromotionWords
): { parts: string[]; fail: boolean; gap: boolean } {
  const parts: string[] = [];
  const labelAt = (rank: number) => labels[rank - 1] ?? "";
  let fail = false;
  let gap = false;
  if (x.rank > x.minRank) {
    parts.push(fillTemplate(w.below, { year: x.year, grade: labelAt(x.rank), min: x.minGrade }));
    fail = true;
  }
  if (x.worstGrade !== null && x.worstPeriodRank > x.worstRank) {
    parts.push(
      fillTemplate(w.periodBelow, { grade: labelAt(x.worstPeriodRank), worst: x.worstGrade })
    );
    fail = true;
  }
  for (const p of x.priors) {
    if (p.count === 0 || (p.count === 1 && p.rank === 0)) {
      parts.push(fillTemplate(w.priorMissing, { year: p.year }));
      gap = true;
    } else if (p.count > 1) {
      parts.push(fillTemplate(w.priorTwice, { year: p.year }));
      gap = true;
    } else if (p.rank > x.minRank) {
      parts.push(fillTemplate(w.below, { year: p.year, grade: labelAt(p.rank), min: x.minGrade }));
      fail = true;
    }
  }
  return { parts, fail, gap };
}

/** The recommendation of a person-year, in words, with its reason. */
export function promotion(
  x: PromotionInput,
  labels: readonly string[],
  w: PromotionWords
): Promotion {
  if (!(x.rank >= 1)) return { outcome: null, text: "", reason: "" };
  const { parts, fail, gap } = reasonParts(x, labels, w);
  const outcome: PromotionOutcome = fail ? "no" : gap ? "missing" : "yes";
  const reason =
    outcome === "yes"
      ? x.worstGrade === null
        ? fillTemplate(w.passedNoPeriods, { min: x.minGrade, years: x.years })
        : fillTemplate(w.passed, { min: x.minGrade, years: x.years, worst: x.worstGrade })
      : parts.join(w.sep);
  return { outcome, text: w[outcome], reason };
}

/** A template as a formula: its text and its placeholders' expressions joined with &. */
export function templateFormula(template: string, params: Record<string, string>): string {
  const out: string[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    if (m.index > last) out.push(str(template.slice(last, m.index)));
    out.push(params[m[1]] ?? str(m[0]));
    last = m.index + m[0].length;
  }
  if (last < template.length) out.push(str(template.slice(last)));
  return out.length ? out.join("&") : `""`;
}

/** The cells (or expressions) the promotion formulas read. */
export interface PromotionRefs {
  year: string;
  /** The annual grade cell. */
  grade: string;
  /** The worst period rank cell (0: none graded). */
  worstPeriodRank: string;
  /** The grade labels, best first (a range or name). */
  labels: string;
  /** The rule's grade cell, and the worst period grade cell (blank: no condition). */
  minGrade: string;
  worstGrade: string;
  years: number;
  /** Each prior year's count and rank cells, latest first. */
  priors: readonly { year: string; count: string; rank: string }[];
}

/** The rank of a grade cell in the labels (0 when absent), as gradeRank. */
export function gradeRankFormula(grade: string, labels: string): string {
  return `IFERROR(MATCH(${grade},${labels},0),0)`;
}

/** The conditions and the parts of the reason as formulas (each part "" or sep & text). */
function partFormulas(r: PromotionRefs, w: PromotionWords) {
  const minRank = `MATCH(${r.minGrade},${r.labels},0)`;
  const rank = gradeRankFormula(r.grade, r.labels);
  const at = (k: string) => `INDEX(${r.labels},${k})`;
  const fails: string[] = [`${rank}>${minRank}`];
  const gaps: string[] = [];
  const part = (cond: string, text: string) => `IF(${cond},${str(w.sep)}&${text},"")`;
  const parts = [
    part(
      fails[0],
      templateFormula(w.below, { year: str(r.year), grade: at(rank), min: r.minGrade })
    ),
  ];
  const periodFail = `AND(${r.worstGrade}<>"",${r.worstPeriodRank}>IFERROR(MATCH(${r.worstGrade},${r.labels},0),0))`;
  fails.push(periodFail);
  parts.push(
    part(
      periodFail,
      templateFormula(w.periodBelow, { grade: at(r.worstPeriodRank), worst: r.worstGrade })
    )
  );
  for (const p of r.priors) {
    const missing = `OR(${p.count}=0,AND(${p.count}=1,${p.rank}=0))`;
    const twice = `${p.count}>1`;
    const below = `AND(${p.count}=1,${p.rank}>${minRank})`;
    gaps.push(missing, twice);
    fails.push(below);
    parts.push(part(missing, templateFormula(w.priorMissing, { year: str(p.year) })));
    parts.push(part(twice, templateFormula(w.priorTwice, { year: str(p.year) })));
    parts.push(
      part(
        below,
        templateFormula(w.below, { year: str(p.year), grade: at(p.rank), min: r.minGrade })
      )
    );
  }
  return { fails, gaps, parts };
}

/** The outcome cell: "" without an annual grade, else the words of promotion().outcome. */
export function promotionFormula(r: PromotionRefs, w: PromotionWords): string {
  const { fails, gaps } = partFormulas(r, w);
  const gap = gaps.length
    ? `IF(OR(${gaps.join(",")}),${str(w.missing)},${str(w.yes)})`
    : str(w.yes);
  const noGrade = `${gradeRankFormula(r.grade, r.labels)}=0`;
  return `IF(${noGrade},"",IF(OR(${fails.join(",")}),${str(w.no)},${gap}))`;
}

/** The reason cell, over the outcome cell: the rule that passed, or the parts joined. */
export function promotionReasonFormula(
  r: PromotionRefs,
  outcome: string,
  w: PromotionWords
): string {
  const { parts } = partFormulas(r, w);
  const passed = templateFormula(w.passed, {
    min: r.minGrade,
    years: String(r.years),
    worst: r.worstGrade,
  });
  const passedNo = templateFormula(w.passedNoPeriods, { min: r.minGrade, years: String(r.years) });
  const joined = `MID(${parts.join("&")},${w.sep.length + 1},1000)`;
  return `IF(${outcome}="","",IF(${outcome}=${str(w.yes)},IF(${r.worstGrade}="",${passedNo},${passed}),${joined}))`;
}

/**
 * 强制分布: grades by rank within a group, each grade taking its quota's share of the group:
 * cut-off ranks c_k = ROUND(N × (share_1 + … + share_k), 0); equal scores share a rank.
 */
import { isError, PerfError, Result, valueError } from "../errors";
import { excelRound, weightScale } from "../numeric";
import { describeSum, key } from "./keywords";
import type { Label } from "./grade";
import { plusTol } from "./formula-text";

export interface Quota {
  label: Label;
  share: number;
}

export const DEFAULT_QUOTAS: readonly Quota[] = [
  { label: "S", share: 0.1 },
  { label: "A", share: 0.2 },
  { label: "B", share: 0.5 },
  { label: "C", share: 0.15 },
  { label: "D", share: 0.05 },
];

export function checkQuotas(quotas: readonly Quota[]): PerfError | null {
  if (quotas.length === 0) return valueError("tableEmpty", { arg: "quotas" });
  const seen = new Set<string>();
  let total = 0;
  for (const q of quotas) {
    if (q.share < 0) return valueError("quotaNegative", { label: q.label, value: q.share });
    const k = key(q.label);
    if (seen.has(k)) return valueError("duplicateLabel", { arg: "quotas", label: q.label });
    seen.add(k);
    total += q.share;
  }
  if (weightScale(total) === null) return valueError("quotaSum", { sum: describeSum(total) });
  return null;
}

/**
 * The cut-off rank of each grade for N scores: c_k = ROUND(N × (share_1 + … + share_k), 0),
 * computed on the value rounded to 9 decimals.
 */
export function distributionCutoffs(n: number, quotas: readonly Quota[]): number[] {
  let total = 0;
  for (const q of quotas) total += q.share;
  const scale = weightScale(total) ?? 1;
  const cut: number[] = [];
  let cum = 0;
  for (const q of quotas) {
    cum += q.share / scale;
    cut.push(excelRound(excelRound(n * cum, 9), 0));
  }
  return cut;
}

/**
 * The grade spread of one distribution group against the quotas, checked as bandsWithCheck has
 * always checked it: from the best grade down, the people at or above grade k (counts[0..k]) may
 * not outnumber the forced-distribution cut-off c_k = ROUND(N × cumulative share_k, 0), N being the
 * group's graded people. Fewer is not a departure (nobody is pushed up), and the last grade cannot
 * depart (everyone is at or above it). The same test holds whatever the grading mode: with bands
 * the scores decide the spread, with forced distribution ties at a cut-off can push it over.
 */
export interface SpreadCheck {
  /** People graded in the group. */
  n: number;
  /** People at or above each grade. */
  cumulative: number[];
  /** The cut-off of each grade: how many may be at or above it. */
  allowed: number[];
  /** Whether the people at or above each grade exceed its cut-off. */
  departs: boolean[];
}

export function spreadCheck(counts: readonly number[], quotas: readonly Quota[]): SpreadCheck {
  let n = 0;
  for (const c of counts) n += c;
  const allowed = distributionCutoffs(n, quotas);
  const cumulative: number[] = [];
  let cum = 0;
  for (const c of counts) cumulative.push((cum += c));
  const departs = cumulative.map((c, k) => k < quotas.length - 1 && c > allowed[k]);
  return { n, cumulative, allowed, departs };
}

/**
 * The spread check of one grade as a formula: `flag` (a quoted text) when `cumulative` (people at
 * or above the grade) exceeds ROUND(n × `share`, 0), `share` being the grade's cumulative quota
 * share (Plan_GradeCumulative), else "".
 */
export function aboveQuotaFormula(
  cumulative: string,
  n: string,
  share: string,
  flag: string
): string {
  return `IF(${cumulative}>ROUND(ROUND(${n}*${share},9),0),${flag},"")`;
}

/**
 * Ranks of numeric scores, best first: 1 + the number of scores strictly greater beyond the
 * boundary tolerance (each pair compared on its own, so near-ties never chain). Equal scores
 * share a rank. `NaN` entries are skipped and get rank 0.
 */
export function competitionRanks(scores: ArrayLike<number>): Int32Array {
  const idx: number[] = [];
  for (let i = 0; i < scores.length; i++) if (!Number.isNaN(scores[i])) idx.push(i);
  // highest first; the comparator answers −1, 0 or 1 (a difference would be a new number per call)
  idx.sort((a, b) => (scores[b] > scores[a] ? 1 : scores[b] < scores[a] ? -1 : 0));
  const ranks = new Int32Array(scores.length);
  // Scores clearly above the current one form a prefix of the sorted list that only grows.
  let above = 0;
  for (let j = 0; j < idx.length; j++) {
    const v = scores[idx[j]];
    while (above < j) {
      const x = scores[idx[above]];
      if (x - v > 1e-9 * Math.max(1, Math.abs(x), Math.abs(v))) above++;
      else break;
    }
    ranks[idx[j]] = above + 1;
  }
  return ranks;
}

/** Grade index (into quotas) for each rank, given the cut-offs. */
export function gradeIndexForRank(rank: number, cutoffs: readonly number[]): number {
  for (let k = 0; k < cutoffs.length; k++) if (rank <= cutoffs[k]) return k;
  return cutoffs.length - 1;
}

/**
 * 强制分布: a grade label per cell. Blank cells (null) give "", error cells keep their error,
 * numeric cells get the first grade whose cut-off their rank reaches.
 */
export function distribute(
  scores: readonly (number | null | PerfError)[],
  quotas: readonly Quota[] = DEFAULT_QUOTAS
): Result<(Label | PerfError)[]> {
  const bad = checkQuotas(quotas);
  if (bad) return bad;
  const values = new Float64Array(scores.length);
  let n = 0;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (typeof s === "number") {
      values[i] = s;
      n++;
    } else values[i] = NaN;
  }
  const ranks = competitionRanks(values);
  const cut = distributionCutoffs(n, quotas);
  return scores.map((s, i) => {
    if (s === null) return "";
    if (isError(s)) return s;
    return quotas[gradeIndexForRank(ranks[i], cut)].label;
  });
}

/**
 * The rank of the total in cell `total` among the totals range `totals` of its group
 * (`inGroup`: the COUNTIFS criteria pairs that select the group), "" when `total` is "".
 */
export function rankFormula(total: string, inGroup: string, totals: string): string {
  return `IF(${total}="","",1+COUNTIFS(${inGroup},${totals},">"&(${plusTol(total)})))`;
}

/** The number of graded (numeric) totals in the group. */
export function groupSizeFormula(total: string, inGroup: string, totals: string): string {
  return `IF(${total}="","",COUNTIFS(${inGroup},${totals},">-1E+300"))`;
}

/**
 * The grade of rank `rank` in a group of `n`: the first grade whose cut-off ROUND(n × cumulative
 * share, 0) the rank does not pass; `labels` and `cumulative` are the grade table's ranges.
 */
export function forcedGradeFormula(
  total: string,
  rank: string,
  n: string,
  labels: string,
  cumulative: string,
  grades: number
): string {
  return `IF(${total}="","",INDEX(${labels},MIN(${grades},1+SUMPRODUCT((${rank}>ROUND(ROUND(${n}*${cumulative},9),0))*1))))`;
}

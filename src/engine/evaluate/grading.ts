/**
 * Grades and coefficients for a set of scored rows: by absolute bands, by forced distribution
 * within a group (team or company, per period), or by bands with a check against the quotas;
 * the coefficient by grade or from the attainment × collection-rate matrix.
 */
import {
  competitionRanks,
  distributionCutoffs,
  gradeIndexForRank,
  spreadCheck,
  type Quota,
  type SpreadCheck,
} from "../rules/distribution";
import { matrixRatio, matrixUnchecked } from "../rules/coefficient";
import { reaches } from "../numeric";
import { type Catalogue } from "../messages";
import { Issue, issue } from "../issues";
import type { CompiledPlan } from "./compile";
import { CellState, Frame } from "./frame";

export const GRADING_MESSAGES = {
  distributionDeparts: {
    en: "{label} or better: {share} ({count} of {n}) against a quota of {quota} (at most {allowed}) in {group}, {period}.",
    zh: "{group} {period}：{label} 及以上占 {share}（{n} 人中 {count} 人），超出分布比例 {quota}（最多 {allowed} 人）。",
  },
  companyGroup: { en: "the company", zh: "全公司" },
} satisfies Catalogue;

export const enum GradeRule {
  None = 0,
  Band = 1,
  Forced = 2,
}

export interface Grading {
  /** Index into plan.grading.grades, −1 when the row has no grade. */
  gradeIndex: Int8Array;
  rule: Uint8Array;
  /** Rank within the distribution group (forced distribution), else 0. */
  rank: Int32Array;
  groupSize: Int32Array;
  /** Group key: "" for the company, else the team. */
  groups: string[];
  coefficient: Float64Array;
  /** Matrix inputs per row (NaN when the grade table is used). */
  matrixAttainment: Float64Array;
  matrixCollection: Float64Array;
  /** The grade spread of each distribution group and period against the quotas, in every mode. */
  spread: GroupSpread[];
  issues: Issue[];
}

/** How one distribution group's grades spread in one period, checked against the quotas. */
export interface GroupSpread {
  period: string;
  /** "" for the company, else the team. */
  group: string;
  /** People at each grade (plan.grading.grades order). */
  counts: number[];
  check: SpreadCheck;
}

/** A share as a percentage with at most one decimal, the same in both languages ("35%", "7.5%"). */
export function percentText(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** The located, bilingual warnings of a group whose spread departs from the quotas. */
export function spreadIssues(spread: GroupSpread, quotas: readonly Quota[]): Issue[] {
  const { check, group, period } = spread;
  let total = 0;
  for (const q of quotas) total += q.share;
  const scale = Math.abs(total - 100) <= 1e-6 ? 100 : 1;
  const out: Issue[] = [];
  let cumShare = 0;
  quotas.forEach((q, k) => {
    cumShare += q.share / scale;
    if (!check.departs[k]) return;
    out.push(
      issue("warning", "distributionDeparts", {
        group: group ? { en: `team ${group}`, zh: group } : GRADING_MESSAGES.companyGroup,
        period,
        count: check.cumulative[k],
        label: q.label,
        allowed: check.allowed[k],
        n: check.n,
        share: percentText(check.n ? check.cumulative[k] / check.n : 0),
        quota: percentText(cumShare),
      })
    );
  });
  return out;
}

export function bandIndex(cp: CompiledPlan, total: number): number {
  const mins = cp.gradeMins;
  for (let g = 0; g < mins.length; g++) if (reaches(total, mins[g])) return g;
  return -1;
}

function ratioOf(frame: Frame, num: number, den: number, r: number): number {
  if (num < 0 || den < 0) return NaN;
  if (frame.states[num][r] !== CellState.Ok || frame.states[den][r] !== CellState.Ok) return NaN;
  return matrixRatio(frame.values[num][r], frame.values[den][r]);
}

/**
 * The coefficient matrix's axis values of a row, whether or not it is graded: sales attainment
 * (signed ÷ target) and collection rate (collected ÷ due), NaN where there is none.
 */
export function matrixRatios(cp: CompiledPlan, frame: Frame, r: number): [number, number] {
  const p = cp.pay;
  return [ratioOf(frame, p.signed, p.salesTarget, r), ratioOf(frame, p.collected, p.due, r)];
}

/** The graded rows of one distribution group in one period. */
interface GradedGroup {
  period: string;
  /** "" for the company, else the team. */
  group: string;
  rows: number[];
}

/**
 * The rows with a total by period and distribution group, groups in order of their first row;
 * fills `groups` (each row's group, graded or not). Looked up by period, then group: no key is
 * built per row.
 */
function gradedGroups(
  frame: Frame,
  totals: Float64Array,
  byTeam: boolean,
  groups: string[]
): GradedGroup[] {
  const list: GradedGroup[] = [];
  const byPeriod = new Map<string, Map<string, GradedGroup>>();
  let lastPeriod: string | null = null;
  let inPeriod: Map<string, GradedGroup> | undefined;
  for (let r = 0; r < frame.n; r++) {
    const group = byTeam ? frame.teams[r] : "";
    groups[r] = group;
    if (Number.isNaN(totals[r])) continue;
    const period = frame.periods[r];
    if (period !== lastPeriod) {
      inPeriod = byPeriod.get(period);
      if (!inPeriod) byPeriod.set(period, (inPeriod = new Map()));
      lastPeriod = period;
    }
    const found = inPeriod!.get(group);
    if (found) found.rows.push(r);
    else {
      const g: GradedGroup = { period, group, rows: [r] };
      inPeriod!.set(group, g);
      list.push(g);
    }
  }
  return list;
}

/** Grades every row with a numeric total; `totals` are NaN for rows that cannot be graded. */
export function gradeRows(cp: CompiledPlan, frame: Frame, totals: Float64Array): Grading {
  const n = frame.n;
  const g = cp.plan.grading;
  const out: Grading = {
    gradeIndex: new Int8Array(n).fill(-1),
    rule: new Uint8Array(n),
    rank: new Int32Array(n),
    groupSize: new Int32Array(n),
    groups: new Array(n),
    coefficient: new Float64Array(n).fill(NaN),
    matrixAttainment: new Float64Array(n).fill(NaN),
    matrixCollection: new Float64Array(n).fill(NaN),
    spread: [],
    issues: [],
  };
  const quotas: Quota[] = g.grades.map((x) => ({ label: x.label, share: x.quota }));
  const byGroup = gradedGroups(frame, totals, g.group === "team", out.groups);
  for (const { rows } of byGroup) {
    const m = rows.length;
    const cut = distributionCutoffs(m, quotas);
    if (g.mode === "forced") {
      const scores = new Float64Array(m);
      for (let j = 0; j < m; j++) scores[j] = totals[rows[j]];
      const ranks = competitionRanks(scores);
      for (let j = 0; j < m; j++) {
        const r = rows[j];
        out.rank[r] = ranks[j];
        out.groupSize[r] = m;
        out.gradeIndex[r] = gradeIndexForRank(ranks[j], cut);
        out.rule[r] = GradeRule.Forced;
      }
      continue;
    }
    for (const r of rows) {
      const b = bandIndex(cp, totals[r]);
      out.gradeIndex[r] = b;
      out.rule[r] = b >= 0 ? GradeRule.Band : GradeRule.None;
      out.groupSize[r] = m;
    }
  }
  for (const { period, group, rows } of byGroup) {
    const counts = new Array<number>(quotas.length).fill(0);
    for (const r of rows) if (out.gradeIndex[r] >= 0) counts[out.gradeIndex[r]]++;
    out.spread.push({ period, group, counts, check: spreadCheck(counts, quotas) });
  }
  out.spread.sort((a, b) =>
    a.period !== b.period ? (a.period < b.period ? -1 : 1) : a.group.localeCompare(b.group, "zh-CN")
  );
  for (const sp of out.spread) out.issues.push(...spreadIssues(sp, quotas));
  // Coefficients
  const matrix = g.coefficientMode === "matrix";
  for (let r = 0; r < n; r++) {
    const gi = out.gradeIndex[r];
    if (gi < 0) continue;
    if (!matrix) {
      out.coefficient[r] = cp.gradeCoefficients[gi];
      continue;
    }
    const [att, col] = matrixRatios(cp, frame, r);
    out.matrixAttainment[r] = att;
    out.matrixCollection[r] = col;
    if (Number.isNaN(att) || Number.isNaN(col)) continue;
    const c = matrixUnchecked(att, col, g.matrix);
    out.coefficient[r] = typeof c === "number" ? c : NaN;
  }
  return out;
}

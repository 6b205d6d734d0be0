/**
 * The engine's hot paths were rewritten for speed (issue 16); each rewrite gives what the code it
 * replaced gave, to the bit. The replaced code is kept here as the reference, and fast-check
 * compares the two on random input:
 * - strengthsAndGaps: the three largest contributions and shortfalls, picked in one pass instead
 *   of copied, sorted and sliced;
 * - FeedbackIndex: scores cached per person in arrays by period code instead of maps, each
 *   group's ratings tallied as read instead of gathered in lists, and the score alone (points)
 *   for the scoring of many rows, with no parts built;
 * - gradeRows: rows grouped by period, then group, instead of by a key string built per row;
 * - competitionRanks: sorted with a comparator that answers −1, 0 or 1 instead of a difference;
 * - tolerance, reaches and roundMoney: written out so hot loops inline them (no Math.max of three,
 *   no tolerance where the value is at or above its bound, ROUND's fast path in roundMoney);
 * - the pay list's sums: a loop for numbers and one for columns, not one loop for both;
 * - the commission ledger's month: one function per number instead of records of two;
 * - aggregate: a field whose months are all numbers (or all absent) rolled up without a tally.
 */
import fc from "fast-check";
import type { IndicatorTrace } from "../../src/engine/evaluate/explain";
import { strengthsAndGaps } from "../../src/engine/evaluate/explain-rank";
import { FeedbackIndex } from "../../src/engine/evaluate/feedback-index";
import { isError } from "../../src/engine/errors";
import { parsePeriodKey, quarterOf, within, type Period } from "../../src/engine/periods";
import type { FeedbackParts } from "../../src/engine/rules/feedback";
import { effectiveWeight } from "../../src/engine/rules/weighting";
import { naError, type Result } from "../../src/engine/errors";
import type { FeedbackRating } from "../../src/engine/records";
import {
  bandIndex,
  gradeRows,
  GradeRule,
  matrixRatios,
  spreadIssues,
  type Grading,
} from "../../src/engine/evaluate/grading";
import { compilePlan, type CompiledPlan } from "../../src/engine/evaluate/compile";
import { aggregate, CellState, monthFrame, type Frame } from "../../src/engine/evaluate/frame";
import { periodState, periodValue, type MonthTally } from "../../src/engine/rules/aggregate";
import type { DataRow } from "../../src/engine/records";
import {
  competitionRanks,
  distributionCutoffs,
  gradeIndexForRank,
  spreadCheck,
  type Quota,
} from "../../src/engine/rules/distribution";
import { matrixUnchecked } from "../../src/engine/rules/coefficient";
import { defaultPlan } from "../../src/engine/plan/defaultPlan";
import { excelRound, reaches, roundMoney, tolerance } from "../../src/engine/numeric";
import { payLinesSum, payLinesSumAt, type PayTerm } from "../../src/engine/rules/pay";
import {
  clawbackBalance,
  clawbackRecovered,
  commissionCapped,
  commissionDeferred,
  commissionPaidNow,
  earnedCommission,
  Gate,
} from "../../src/engine/rules/commission";

/** The 360 score of lists of ratings per group, as it was (before the groups were tallied). */
function feedbackPartsBefore(
  superior: readonly number[],
  peers: readonly number[],
  customers: readonly number[],
  weights: readonly number[]
): Result<FeedbackParts> {
  const mean = (xs: readonly number[]) =>
    xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
  const means: [number | null, number | null, number | null] = [
    mean(superior),
    mean(peers),
    mean(customers),
  ];
  let wsum = 0;
  for (let g = 0; g < 3; g++) if (means[g] !== null) wsum += weights[g];
  if (means.every((m) => m === null)) return naError("noRatings");
  if (wsum <= 0) return naError("noRatings");
  const used: [number, number, number] = [0, 0, 0];
  let score = 0;
  for (let g = 0; g < 3; g++) {
    const m = means[g];
    if (m === null) continue;
    used[g] = effectiveWeight(weights[g], wsum);
    score += m * weights[g];
  }
  return { means, weights: used, score: score / wsum };
}

/** The previous FeedbackIndex, as it was (caches in maps per person). */
interface PersonRatings {
  list: { rating: FeedbackRating; period: Period }[];
  /** Months that have ratings of their own (usually none: 360 reviews are quarterly or yearly). */
  months: Set<string>;
  cache: Map<string, FeedbackParts | null>;
  exact: Map<string, FeedbackParts | null>;
  /** Scores by the period asked for (before a month is resolved to its quarter). */
  asked: Map<string, FeedbackParts | null>;
}

class FeedbackIndexByMaps {
  private readonly byId = new Map<string, PersonRatings>();
  private lastId: string | null = null;
  private lastPerson: PersonRatings | undefined = undefined;
  /**
   * `factor` turns a rating on the plan's scale into points out of 100 (1, 10 or 20: exact, so a
   * sheet formula that multiplies each rating cell by it gives the same doubles).
   */
  constructor(
    ratings: readonly FeedbackRating[],
    readonly weights: readonly number[],
    readonly factor = 1
  ) {
    for (const given of ratings) {
      const rating = factor === 1 ? given : { ...given, score: given.score * factor };
      const period = parsePeriodKey(rating.period);
      if (!period) continue;
      let person = this.byId.get(rating.id);
      if (!person) {
        person = {
          list: [],
          months: new Set(),
          cache: new Map(),
          exact: new Map(),
          asked: new Map(),
        };
        this.byId.set(rating.id, person);
      }
      person.list.push({ rating, period });
      if (period.kind === "month") person.months.add(period.key);
    }
  }
  /** Ratings of an employee that lie within a period (a quarter takes its months' ratings too). */
  ratings(id: string, periodKey: string, exact = false): FeedbackRating[] {
    const person = this.byId.get(id);
    if (!person) return [];
    const outer = parsePeriodKey(periodKey);
    if (!outer) return [];
    return person.list
      .filter((x) => (exact ? x.period.key === outer.key : within(x.period, outer)))
      .map((x) => x.rating);
  }
  /**
   * The ratings an indicator uses for a period: those within it; for a month without ratings of
   * its own (360 reviews are rarely monthly), those of the quarter it lies in.
   */
  ratingsFor(id: string, periodKey: string): FeedbackRating[] {
    return this.ratings(id, this.resolve(id, periodKey));
  }
  /** The period whose ratings a period uses: a month without its own resolves to its quarter. */
  private resolve(id: string, periodKey: string): string {
    const p = parsePeriodKey(periodKey);
    if (!p || p.kind !== "month") return periodKey;
    return this.byId.get(id)?.months.has(periodKey) ? periodKey : quarterOf(p);
  }
  /** The 360 score and its parts (see {@link ratingsFor}; `exact` takes only ratings of that very period), or null. */
  score(id: string, periodKey: string, exact = false): FeedbackParts | null {
    // rows come sorted by person: the last person looked up is usually the one asked for
    let person: PersonRatings | undefined;
    if (id === this.lastId) person = this.lastPerson;
    else {
      person = this.byId.get(id);
      this.lastId = id;
      this.lastPerson = person;
    }
    if (!person) return null;
    if (!exact) {
      const known = person.asked.get(periodKey);
      if (known !== undefined) return known;
    }
    const result = this.scoreOf(person, id, periodKey, exact);
    if (!exact) person.asked.set(periodKey, result);
    return result;
  }

  private scoreOf(
    person: PersonRatings,
    id: string,
    periodKey: string,
    exact: boolean
  ): FeedbackParts | null {
    const key = exact ? periodKey : this.resolve(id, periodKey);
    const cache = exact ? person.exact : person.cache;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const rs = this.ratings(id, key, exact);
    let result: FeedbackParts | null = null;
    if (rs.length > 0) {
      const s: number[] = [];
      const p: number[] = [];
      const c: number[] = [];
      for (const r of rs) (r.rater === "superior" ? s : r.rater === "peer" ? p : c).push(r.score);
      const parts = feedbackPartsBefore(s, p, c, this.weights);
      result = isError(parts) ? null : parts;
    }
    cache.set(key, result);
    return result;
  }
}

/** The previous strengthsAndGaps: filter, copy, stable sort, first three. */
function strengthsAndGapsBySorting(indicators: readonly IndicatorTrace[]): [string[], string[]] {
  const scored = indicators.filter((x) => x.contribution !== null);
  const strengths = [...scored]
    .sort((a, b) => b.contribution! - a.contribution!)
    .slice(0, 3)
    .map((x) => x.key);
  const gaps = [...scored]
    .filter((x) => x.shortfall! > 0)
    .sort((a, b) => b.shortfall! - a.shortfall!)
    .slice(0, 3)
    .map((x) => x.key);
  return [strengths, gaps];
}

describe("strengthsAndGaps", () => {
  // few distinct values, so ties (which a stable sort keeps in order) are common
  const value = fc.oneof(
    fc.constantFrom(0, 1.5, 2, 7.25, 12),
    fc.double({ min: 0, max: 40, noNaN: true })
  );
  const indicator = fc
    .record({ scored: fc.boolean(), contribution: value, shortfall: value })
    .map((x) => ({
      contribution: x.scored ? x.contribution : null,
      shortfall: x.scored ? x.shortfall : null,
    }));
  it("gives the keys a stable sort gives, ties in the plan's order", () => {
    fc.assert(
      fc.property(fc.array(indicator, { maxLength: 25 }), (list) => {
        const keyed = list.map((x, i) => ({ ...x, key: `k${i}` }) as unknown as IndicatorTrace);
        expect(strengthsAndGaps(keyed)).toEqual(strengthsAndGapsBySorting(keyed));
      }),
      { numRuns: 2000 }
    );
  });
});

describe("FeedbackIndex", () => {
  const ids = ["S1", "S2", "S3"];
  const periods = ["2024-01", "2024-02", "2024-05", "2024-Q1", "2024-Q2", "2024", "2023-Q4", "x"];
  const rating = fc.record({
    id: fc.constantFrom(...ids),
    period: fc.constantFrom(...periods),
    rater: fc.constantFrom("superior" as const, "peer" as const, "customer" as const),
    score: fc.integer({ min: 0, max: 100 }),
  });
  const ask = fc.record({
    id: fc.constantFrom(...ids, "S9"),
    period: fc.constantFrom(...periods, "2024-03", "2024-Q3"),
    exact: fc.boolean(),
  });
  it("gives the scores and ratings the map-based index gave, in any order of questions", () => {
    fc.assert(
      fc.property(
        fc.array(rating, { maxLength: 30 }),
        fc.array(ask, { maxLength: 40 }),
        fc.constantFrom(1, 20),
        fc.constantFrom([0.6, 0.2, 0.2], [0, 0.5, 0.5], [1, 0, 0]),
        (given, asks, factor, weights) => {
          const ratings: FeedbackRating[] = given.map((r) => ({
            ...r,
            raterName: "",
            source: { sheet: "Feedback", row: 2 },
          }));
          const a = new FeedbackIndex(ratings, weights, factor);
          const b = new FeedbackIndexByMaps(ratings, weights, factor);
          // asked twice: the second answer comes from the caches
          for (const q of [...asks, ...asks]) {
            const parts = b.score(q.id, q.period, q.exact);
            expect(a.score(q.id, q.period, q.exact)).toEqual(parts);
            // the score alone, as the scoring of many rows reads it
            expect(a.points(q.id, q.period, q.exact)).toBe(parts ? parts.score : Number.NaN);
            expect(a.ratings(q.id, q.period, q.exact)).toEqual(b.ratings(q.id, q.period, q.exact));
            expect(a.ratingsFor(q.id, q.period)).toEqual(b.ratingsFor(q.id, q.period));
          }
        }
      ),
      { numRuns: 500 }
    );
  });
});

/** The previous gradeRows, as it was (rows grouped under "period\u0000group" keys). */
function gradeRowsByStringKeys(cp: CompiledPlan, frame: Frame, totals: Float64Array): Grading {
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
  const byGroup = new Map<string, number[]>();
  for (let r = 0; r < n; r++) {
    const group = g.group === "team" ? frame.teams[r] : "";
    out.groups[r] = group;
    if (Number.isNaN(totals[r])) continue;
    const k = frame.periods[r] + "\u0000" + group;
    const list = byGroup.get(k);
    if (list) list.push(r);
    else byGroup.set(k, [r]);
  }
  for (const rows of byGroup.values()) {
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
  for (const [k, rows] of byGroup) {
    const counts = new Array<number>(quotas.length).fill(0);
    for (const r of rows) if (out.gradeIndex[r] >= 0) counts[out.gradeIndex[r]]++;
    const [period, group] = k.split("\u0000");
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

describe("gradeRows", () => {
  const row = fc.record({
    period: fc.constantFrom("2024-Q1", "2024-Q2", "2024", "2024-03"),
    team: fc.constantFrom("", "T1", "T2", "华东", "华南", "a", "A"),
    total: fc.oneof(
      fc.constant(Number.NaN),
      fc.constantFrom(60, 70, 85, 95),
      fc.double({ min: 0, max: 120, noNaN: true })
    ),
  });
  it("gives the grades, ranks, groups and spread the string-keyed grouping gave", () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 60 }),
        fc.constantFrom("bands" as const, "forced" as const),
        fc.constantFrom("team" as const, "company" as const),
        (rows, mode, group) => {
          const plan = defaultPlan();
          plan.grading.mode = mode;
          plan.grading.group = group;
          const cp: CompiledPlan = compilePlan(plan);
          const frame = {
            n: rows.length,
            ids: rows.map((_, i) => `S${i}`),
            names: rows.map(() => ""),
            teams: rows.map((r) => r.team),
            periods: rows.map((r) => r.period),
            values: [],
            states: [],
          } as unknown as Frame;
          const totals = Float64Array.from(rows, (r) => r.total);
          const a: Grading = gradeRows(cp, frame, totals);
          const b: Grading = gradeRowsByStringKeys(cp, frame, totals);
          expect(a).toEqual(b);
        }
      ),
      { numRuns: 500 }
    );
  });
});

/** The previous competitionRanks, as it was (sorted by the difference of two scores). */
function competitionRanksByDifference(scores: ArrayLike<number>): Int32Array {
  const idx: number[] = [];
  for (let i = 0; i < scores.length; i++) if (!Number.isNaN(scores[i])) idx.push(i);
  idx.sort((a, b) => scores[b] - scores[a]);
  const ranks = new Int32Array(scores.length);
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

describe("competitionRanks", () => {
  it("gives the ranks the difference comparator gave (ties, near-ties, NaN, infinities)", () => {
    const score = fc.oneof(
      fc.constantFrom(Number.NaN, Infinity, -Infinity, 0, -0, 80, 80 + 1e-12, 95.5),
      fc.double({ min: -1e6, max: 1e6, noNaN: true })
    );
    fc.assert(
      fc.property(fc.array(score, { maxLength: 80 }), (list) => {
        const scores = Float64Array.from(list);
        expect(competitionRanks(scores)).toEqual(competitionRanksByDifference(scores));
      }),
      { numRuns: 2000 }
    );
  });
});

/** Numbers as the engine meets them: money, scores, attainments, and every edge of a double. */
const anyNumber = fc.oneof(
  fc.constantFrom(Number.NaN, Infinity, -Infinity, 0, -0, 1, -1, 2.675, -2.675, 1.005, 0.125),
  fc.double({ noNaN: false }),
  fc.integer({ min: -10_000_000, max: 10_000_000 }).map((c) => c / 100),
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map((c) => c / 1000 + 0.005)
);

describe("numeric helpers", () => {
  const toleranceBefore = (a: number, b: number) => 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  const reachesBefore = (v: number, bound: number) => v >= bound - toleranceBefore(v, bound);

  it("tolerance, reaches and roundMoney give what the code they replaced gave", () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, (a, b) => {
        expect(Object.is(tolerance(a, b), toleranceBefore(a, b))).toBe(true);
        expect(reaches(a, b)).toBe(reachesBefore(a, b));
        // near a bound: within, at and beyond the tolerance on both sides
        for (const d of [0, 1e-12, 1e-10, 1e-9, 1e-8]) {
          expect(reaches(b - d * Math.max(1, Math.abs(b)), b)).toBe(
            reachesBefore(b - d * Math.max(1, Math.abs(b)), b)
          );
        }
        expect(Object.is(roundMoney(a), excelRound(a, 2))).toBe(true);
      }),
      { numRuns: 5000 }
    );
  });
});

describe("pay list sums", () => {
  /** The loop both sums shared before, numbers (row −1) or columns at a row. */
  function sumTermsBefore(
    terms: readonly PayTerm<number>[] | readonly PayTerm<ArrayLike<number>>[],
    row: number
  ): number {
    let s = 0;
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i];
      const v = row < 0 ? (t.value as number) : (t.value as ArrayLike<number>)[row];
      s = i === 0 ? (t.minus ? -v : v) : t.minus ? s - v : s + v;
    }
    return roundMoney(s);
  }

  it("payLinesSum and payLinesSumAt give the shared loop's sums", () => {
    const term = fc.record({
      value: anyNumber,
      minus: fc.option(fc.boolean(), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(term, { maxLength: 12 }), (terms) => {
        expect(Object.is(payLinesSum(terms), sumTermsBefore(terms, -1))).toBe(true);
        const columns = terms.map((t) => ({ value: Float64Array.of(0, t.value), minus: t.minus }));
        expect(Object.is(payLinesSumAt(columns, 1), sumTermsBefore(columns, 1))).toBe(true);
      }),
      { numRuns: 3000 }
    );
  });
});

describe("commission ledger month", () => {
  /** The record-returning rules, as they were. */
  function before(
    gross: number,
    gate: Gate,
    cap: number | null,
    share: number,
    opening: number,
    clawback: number,
    deductAtOnce: boolean
  ) {
    const amount = gate === Gate.Open ? gross : 0;
    const e =
      cap !== null && amount > cap
        ? { earned: roundMoney(cap), capped: true }
        : { earned: roundMoney(amount), capped: false };
    const paidNow = roundMoney(e.earned * share);
    const deferred = roundMoney(e.earned - paidNow);
    let recovered: number;
    let balance: number;
    if (deductAtOnce) {
      recovered = clawback;
      balance = opening;
    } else {
      const owed = roundMoney(opening + clawback);
      recovered = Math.min(owed, paidNow);
      balance = roundMoney(owed - recovered);
    }
    return { ...e, paidNow, deferred, recovered, balance };
  }

  it("the one-number rules give the records' numbers", () => {
    const money = fc.oneof(
      anyNumber,
      fc.integer({ min: 0, max: 50_000_000 }).map((c) => c / 100)
    );
    fc.assert(
      fc.property(
        money,
        fc.constantFrom(Gate.Open, Gate.Attainment, Gate.Grade),
        fc.option(money, { nil: null }),
        fc.constantFrom(1, 0.7, 0.5, 1 / 3),
        money,
        money,
        fc.boolean(),
        (gross, gate, cap, share, opening, clawback, deduct) => {
          const b = before(gross, gate, cap, share, opening, clawback, deduct);
          const earned = earnedCommission(gross, gate, cap);
          const paidNow = commissionPaidNow(earned, share);
          const recovered = clawbackRecovered(opening, clawback, paidNow, deduct);
          const now = {
            earned,
            capped: commissionCapped(gross, gate, cap),
            paidNow,
            deferred: commissionDeferred(earned, paidNow),
            recovered,
            balance: clawbackBalance(opening, clawback, recovered, deduct),
          };
          for (const k of Object.keys(b) as (keyof typeof b)[])
            expect(Object.is(now[k], b[k])).toBe(true);
        }
      ),
      { numRuns: 5000 }
    );
  });
});

describe("aggregate", () => {
  /** The tally of every period, month by month, as aggregate did it for every field. */
  function tallied(cp: CompiledPlan, months: Frame, starts: number[], k: number) {
    const def = cp.plan.fields[k];
    const values: number[] = [];
    const states: number[] = [];
    for (let g = 0; g + 1 < starts.length; g++) {
      const t: MonthTally = {
        invalid: false,
        anyBlank: false,
        allAbsent: true,
        sum: 0,
        count: 0,
        last: Number.NaN,
      };
      for (let r = starts[g]; r < starts[g + 1]; r++) {
        const st = months.states[k][r];
        if (st !== CellState.Absent) t.allAbsent = false;
        if (st === CellState.Ok) {
          t.sum += months.values[k][r];
          t.count++;
          t.last = months.values[k][r];
        } else if (st === CellState.Invalid) t.invalid = true;
        else t.anyBlank = true;
      }
      const state = periodState(def.aggregate, def.optional, t);
      states.push(["ok", "blank", "invalid", "absent"].indexOf(state));
      values.push(state === "ok" ? periodValue(def.aggregate, t) : Number.NaN);
    }
    return { values, states };
  }

  it("gives every field's period values and states the month-by-month tally gave", () => {
    const cp = compilePlan(defaultPlan());
    const keys = cp.fieldKeys;
    // a column is all numbers, all absent, or mixed (blank, invalid, absent cells among numbers)
    const column = fc.constantFrom("numbers", "absent", "mixed");
    const value = fc.oneof(
      fc.double({ min: -1e7, max: 1e7, noNaN: true }),
      fc.integer({ min: 0, max: 100 })
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(column, { minLength: keys.length, maxLength: keys.length }),
        fc.array(fc.tuple(value, fc.constantFrom("n", "n", "n", "blank", "invalid")), {
          minLength: 12 * 4 * keys.length,
          maxLength: 12 * 4 * keys.length,
        }),
        (people, kinds, cells) => {
          const rows: DataRow[] = [];
          for (let p = 0; p < people; p++)
            for (let m = 1; m <= 12; m++) {
              const values: Record<string, number | null> = {};
              const invalid: string[] = [];
              const absent: string[] = [];
              keys.forEach((key, k) => {
                const [v, kind] = cells[((p * 12 + m - 1) * keys.length + k) % cells.length];
                if (kinds[k] === "absent") absent.push(key);
                else if (kinds[k] === "numbers" || kind === "n") values[key] = v;
                else if (kind === "blank") values[key] = null;
                else invalid.push(key);
              });
              rows.push({
                id: `S${p}`,
                name: `P${p}`,
                team: "T",
                period: `2024-${String(m).padStart(2, "0")}`,
                values,
                invalid,
                absent,
                conflict: null,
                source: { sheet: "Data", row: rows.length + 2 },
              });
            }
          const months = monthFrame(cp, rows);
          for (const to of ["quarter", "year"] as const) {
            const agg = aggregate(cp, months, to);
            const starts = Array.from(agg.first);
            starts.push(months.n);
            for (let k = 0; k < keys.length; k++) {
              const want = tallied(cp, months, starts, k);
              expect(Array.from(agg.states[k])).toEqual(want.states);
              want.values.forEach((v, g) => expect(Object.is(agg.values[k][g], v)).toBe(true));
            }
          }
        }
      ),
      { numRuns: 60 }
    );
  });
});

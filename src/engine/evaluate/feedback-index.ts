/**
 * The 360 ratings by salesperson and period, for the feedback indicator, the customers' ratings
 * and the annual 360 score: each person's scores worked out once per period and kept by a small
 * code per period key (arrays, not maps); the score alone (points) for the scoring of many rows,
 * and its parts for an explanation or a sheet.
 */
import {
  feedbackOfMeans,
  feedbackScoreOfMeans,
  groupMean,
  tallyMean,
  type FeedbackParts,
} from "../rules/feedback";
import { isError } from "../errors";
import type { FeedbackRating } from "../records";
import { parsePeriodKey, Period, quarterOf, within } from "../periods";

/** Ratings by employee, for the feedback indicator and the annual 360 score. */
interface PersonRatings {
  /** The person's ratings in input order, and the period of each. */
  ratings: FeedbackRating[];
  periods: Period[];
  /**
   * Months that have ratings of their own; null when none has (usually: 360 reviews are
   * quarterly or yearly).
   */
  months: Set<string> | null;
  /**
   * Scores by period code (FeedbackIndex.code; undefined: not computed yet): of the period a
   * score uses (`cache`; a month without its own ratings uses its quarter's), of exactly that
   * period (`exact`), and by the period asked for (`asked`, before a month is resolved).
   */
  cache: (FeedbackParts | null | undefined)[];
  exact: (FeedbackParts | null | undefined)[];
  asked: (FeedbackParts | null | undefined)[];
  /** The customers' mean rating by the period asked for (客户360评价), by period code. */
  customers: (number | null | undefined)[];
  /** The person's place in the index's score tables ({@link PointsTable}). */
  index: number;
}

/**
 * The 360 score alone of every person for one period code (NaN: none), kept like the parts'
 * `cache`, `exact` and `asked`: the scoring of every row reads these and builds no parts.
 */
interface PointsTable {
  values: Float64Array;
  known: Uint8Array;
}

/** The tally of a person's ratings in a period: each group's sum and count (superior, peers, customers). */
const TALLY = new Float64Array(6);

export class FeedbackIndex {
  private readonly byId = new Map<string, PersonRatings>();
  private lastId: string | null = null;
  private lastPerson: PersonRatings | undefined = undefined;
  /**
   * A small code per period key asked about, so each person's scores are kept in arrays, not
   * maps: a run asks for every person's months, quarters and years (a few dozen keys in all).
   * `keys` by code, and the code of the period whose ratings it uses for a person without
   * month ratings (its quarter for a month; −1 until known).
   */
  private readonly codes = new Map<string, number>();
  private readonly keys: string[] = [];
  private readonly resolved: number[] = [];
  private lastKey: string | null = null;
  private lastCode = -1;
  /** Scores alone by period code: within the period, of exactly it, and by the period asked for. */
  private readonly pointsWithin: PointsTable[] = [];
  private readonly pointsExact: PointsTable[] = [];
  private readonly pointsAsked: PointsTable[] = [];
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
      let person = this.lastId === rating.id ? this.lastPerson : this.byId.get(rating.id);
      if (!person) {
        person = {
          ratings: [],
          periods: [],
          months: null,
          cache: [],
          exact: [],
          asked: [],
          customers: [],
          index: this.byId.size,
        };
        this.byId.set(rating.id, person);
      }
      this.lastId = rating.id;
      this.lastPerson = person;
      person.ratings.push(rating);
      person.periods.push(period);
      if (period.kind === "month") (person.months ??= new Set()).add(period.key);
    }
  }
  /** Ratings of an employee that lie within a period (a quarter takes its months' ratings too). */
  ratings(id: string, periodKey: string, exact = false): FeedbackRating[] {
    const person = this.byId.get(id);
    if (!person) return [];
    return ratingsWithin(person, periodKey, exact);
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
    return resolvePeriod(this.byId.get(id), periodKey);
  }
  private code(periodKey: string): number {
    if (periodKey === this.lastKey) return this.lastCode;
    let c = this.codes.get(periodKey);
    if (c === undefined) {
      this.codes.set(periodKey, (c = this.keys.length));
      this.keys.push(periodKey);
      this.resolved.push(-1);
    }
    this.lastKey = periodKey;
    this.lastCode = c;
    return c;
  }
  /** The code of the period whose ratings period `code` uses for this person. */
  private resolvedCode(person: PersonRatings, code: number): number {
    if (person.months !== null) return this.code(resolvePeriod(person, this.keys[code]));
    let rc = this.resolved[code];
    if (rc < 0) {
      rc = this.code(resolvePeriod(person, this.keys[code]));
      this.resolved[code] = rc;
    }
    return rc;
  }
  /** The 360 score and its parts (see {@link ratingsFor}; `exact` takes only ratings of that very period), or null. */
  score(id: string, periodKey: string, exact = false): FeedbackParts | null {
    const person = this.person(id);
    if (!person) return null;
    const code = this.code(periodKey);
    if (exact) return this.scoreOf(person, code, true);
    const known = person.asked[code];
    if (known !== undefined) return known;
    const result = this.scoreOf(person, this.resolvedCode(person, code), false);
    person.asked[code] = result;
    return result;
  }

  /**
   * The 360 score alone, NaN where {@link score} has no parts (or parts whose score is NaN,
   * which finite ratings never give): what scoring every row needs, with no parts built.
   */
  points(id: string, periodKey: string, exact = false): number {
    const person = this.person(id);
    if (!person) return Number.NaN;
    const code = this.code(periodKey);
    if (exact) return this.pointsOf(person, code, true);
    const asked = this.table(this.pointsAsked, code);
    const i = person.index;
    if (asked.known[i] === 0) {
      asked.values[i] = this.pointsOf(person, this.resolvedCode(person, code), false);
      asked.known[i] = 1;
    }
    return asked.values[i];
  }

  /** The score table of a period code, made on first use. */
  private table(tables: PointsTable[], code: number): PointsTable {
    let t = tables[code];
    if (t === undefined) {
      const n = this.byId.size;
      t = tables[code] = { values: new Float64Array(n), known: new Uint8Array(n) };
    }
    return t;
  }

  /** A person's ratings; rows come sorted by person, so the last one looked up is usually asked for. */
  private person(id: string): PersonRatings | undefined {
    if (id === this.lastId) return this.lastPerson;
    const person = this.byId.get(id);
    this.lastId = id;
    this.lastPerson = person;
    return person;
  }

  /**
   * The mean of the customers' ratings (rater type 客户) an indicator uses for a period, in
   * points out of 100 (see {@link ratingsFor}), or null when customers gave none.
   */
  customerMean(id: string, periodKey: string): number | null {
    const person = this.byId.get(id);
    if (!person) return null;
    const code = this.code(periodKey);
    const known = person.customers[code];
    if (known !== undefined) return known;
    const scores: number[] = [];
    for (const r of this.ratingsFor(id, periodKey))
      if (r.rater === "customer") scores.push(r.score);
    const m = groupMean(scores);
    person.customers[code] = m;
    return m;
  }

  /** The score of the ratings of period `code` (within it, or exactly it), computed once. */
  private scoreOf(person: PersonRatings, code: number, exact: boolean): FeedbackParts | null {
    const cache = exact ? person.exact : person.cache;
    const hit = cache[code];
    if (hit !== undefined) return hit;
    let result: FeedbackParts | null = null;
    if (this.tally(person, code, exact)) {
      const T = TALLY;
      const parts = feedbackOfMeans(
        tallyMean(T[0], T[1]),
        tallyMean(T[2], T[3]),
        tallyMean(T[4], T[5]),
        this.weights
      );
      result = isError(parts) ? null : parts;
    }
    cache[code] = result;
    return result;
  }

  /** {@link scoreOf}'s score alone (NaN: none), computed once. */
  private pointsOf(person: PersonRatings, code: number, exact: boolean): number {
    const cache = this.table(exact ? this.pointsExact : this.pointsWithin, code);
    const i = person.index;
    if (cache.known[i] === 1) return cache.values[i];
    const T = TALLY;
    const result = this.tally(person, code, exact)
      ? feedbackScoreOfMeans(
          tallyMean(T[0], T[1]),
          tallyMean(T[2], T[3]),
          tallyMean(T[4], T[5]),
          this.weights
        )
      : Number.NaN;
    cache.values[i] = result;
    cache.known[i] = 1;
    return result;
  }

  /**
   * Tallies the person's ratings of period `code` (within it, or exactly it) into TALLY, each
   * group's sum in the order the ratings came and its count; false when there are none.
   */
  private tally(person: PersonRatings, code: number, exact: boolean): boolean {
    const T = TALLY;
    T.fill(0);
    const outer = parsePeriodKey(this.keys[code]);
    if (!outer) return false;
    for (let j = 0; j < person.ratings.length; j++) {
      const period = person.periods[j];
      if (!(exact ? period.key === outer.key : within(period, outer))) continue;
      const r = person.ratings[j];
      const g = r.rater === "superior" ? 0 : r.rater === "peer" ? 2 : 4;
      T[g] += r.score;
      T[g + 1]++;
    }
    return T[1] + T[3] + T[5] > 0;
  }
}

/** A person's ratings that lie within a period (or are of exactly that period), in order. */
function ratingsWithin(person: PersonRatings, periodKey: string, exact: boolean): FeedbackRating[] {
  const outer = parsePeriodKey(periodKey);
  if (!outer) return [];
  const out: FeedbackRating[] = [];
  for (let j = 0; j < person.ratings.length; j++) {
    const period = person.periods[j];
    if (exact ? period.key === outer.key : within(period, outer)) out.push(person.ratings[j]);
  }
  return out;
}

/** The period whose ratings a period uses: a month without its own resolves to its quarter. */
function resolvePeriod(person: PersonRatings | undefined, periodKey: string): string {
  const p = parsePeriodKey(periodKey);
  if (!p || p.kind !== "month") return periodKey;
  return person?.months?.has(periodKey) ? periodKey : quarterOf(p);
}

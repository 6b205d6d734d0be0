/**
 * A realistic generated sample for the default plan's fields: salespeople in teams over a year of
 * months, with new hires (partial first months), leavers (partial last months), a quarter without
 * the customer survey, a month whose returns exceed its sales followed by a commission clawback,
 * a month without its new-customer count (an error row), one-off adjustments, and 360 ratings per quarter and year
 * (one person's quarter without any). Pure and deterministic: the same options give the same
 * sample (the demo workbook, tests, and the task pane's "load sample").
 */
import type { DataRow, FeedbackRating, RaterType } from "../engine/records";
import { DEFAULT_FIELDS } from "../engine/plan/defaultPlan";
import { rng } from "./random";

export interface SampleOptions {
  /** Salespeople (default 200). */
  people?: number;
  /** Teams (default 8, at most 12). */
  teams?: number;
  year?: number;
  /** Months from January (default 12). */
  months?: number;
  /** Seed of the random numbers (default 2024). */
  seed?: number;
}

export interface Sample {
  /** One row per salesperson and month, values by the default plan's field keys. */
  rows: DataRow[];
  ratings: FeedbackRating[];
  /** What the special cases are, for a reader of the demo (ids and months). */
  notes: {
    newHires: string[];
    leavers: string[];
    missingSurvey: string;
    returnMonth: string;
    clawback: string;
    missingInput: string;
    no360Quarter: string;
  };
}

const TEAMS = [
  "华东一部",
  "华东二部",
  "华南一部",
  "华南二部",
  "华北一部",
  "华北二部",
  "西南一部",
  "华中一部",
  "西北一部",
  "东北一部",
  "大客户部",
  "渠道部",
];
const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const GIVEN =
  "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红梅晓东海波斌宇浩凯鑫欣怡婷雪琳晨阳博文佳慧颖琪雯倩然睿轩子涵思源嘉鹏飞";

const round = (x: number, d = 0) => {
  const p = 10 ** d;
  return Math.round(x * p) / p;
};

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The random draws of a sample, in the order they are made (the order is the sample). */
interface Draws {
  rand: () => number;
  between: (lo: number, hi: number) => number;
  normal: (mean: number, sd: number) => number;
  pick: <T>(list: readonly T[]) => T;
}

function draws(seed: number): Draws {
  const rand = rng(seed);
  return {
    rand,
    between: (lo, hi) => lo + (hi - lo) * rand(),
    normal: (mean, sd) => {
      const u = Math.max(1e-12, rand());
      const v = rand();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    pick: (list) => list[Math.floor(rand() * list.length)],
  };
}

const clip = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Who and when the special cases are: people by index, months 1-based. */
interface Cases {
  surveyPerson: number;
  returnPerson: number;
  missingPerson: number;
  no360Person: number;
  /** Person → first month (new hires), person → last month (leavers). */
  hires: Map<number, number>;
  leavers: Map<number, number>;
  surveyMonth: number;
  returnMonth: number;
  missingMonth: number;
  no360Quarter: number;
}

/** Special cases, chosen by position so every sample size has them (at least 10 people). */
function specialCases(people: number, nMonths: number, d: Draws): Cases {
  const pOf = (frac: number) => Math.min(people - 1, Math.floor(people * frac));
  const surveyPerson = pOf(0.31);
  const returnPerson = pOf(0.52);
  const missingPerson = pOf(0.77);
  const no360Person = pOf(0.43);
  const special = new Set([surveyPerson, returnPerson, missingPerson, no360Person]);
  const hires = new Map<number, number>();
  const leavers = new Map<number, number>();
  const nHires = Math.max(1, Math.round(people * 0.06));
  const nLeavers = Math.max(1, Math.round(people * 0.04));
  for (
    let k = 0, p = 3;
    hires.size < nHires && nMonths > 2 && k < people;
    k++, p = (p + 17) % people
  ) {
    if (!special.has(p) && !hires.has(p))
      hires.set(p, 2 + Math.floor(d.rand() * Math.max(1, nMonths - 3)));
  }
  for (
    let k = 0, p = 8;
    leavers.size < nLeavers && nMonths > 3 && k < people;
    k++, p = (p + 23) % people
  ) {
    if (!special.has(p) && !hires.has(p) && !leavers.has(p))
      leavers.set(p, 3 + Math.floor(d.rand() * Math.max(1, nMonths - 4)));
  }
  return {
    surveyPerson,
    returnPerson,
    missingPerson,
    no360Person,
    hires,
    leavers,
    surveyMonth: Math.min(nMonths, 5),
    returnMonth: Math.min(nMonths, 6),
    missingMonth: Math.min(nMonths, 8),
    no360Quarter: Math.min(Math.ceil(nMonths / 3), 2),
  };
}

/** Distinct names, one per id. */
function personNames(ids: readonly string[], d: Draws): string[] {
  const used = new Set<string>();
  return ids.map(() => {
    for (;;) {
      const n =
        d.pick([...SURNAMES]) + d.pick([...GIVEN]) + (d.rand() < 0.6 ? d.pick([...GIVEN]) : "");
      if (!used.has(n)) {
        used.add(n);
        return n;
      }
    }
  });
}

/** One salesperson: who, and the constants their months are drawn around. */
interface Person {
  p: number;
  id: string;
  name: string;
  team: string;
  ability: number;
  target: number;
  baseSalary: number;
  perfPay: number;
  bonusStandard: number | null;
  firstMonth: number;
  lastMonth: number;
}

/** The sample's frame: its year and months, cases and draws, and what it collects. */
interface Frame {
  year: number;
  nMonths: number;
  cases: Cases;
  d: Draws;
  rows: DataRow[];
  ratings: FeedbackRating[];
}

const SEASON = [0.78, 0.7, 0.95, 0.98, 1.0, 1.05, 0.96, 0.98, 1.04, 1.06, 1.1, 1.3];
const KEYS = DEFAULT_FIELDS.map((f) => f.key);

/** The sample: deterministic for its options. */
export function generateSample(options: SampleOptions = {}): Sample {
  const people = options.people ?? 200;
  const nTeams = Math.min(TEAMS.length, Math.max(1, options.teams ?? 8));
  const year = options.year ?? 2024;
  const nMonths = Math.min(12, Math.max(1, options.months ?? 12));
  const d = draws(options.seed ?? 2024);
  const ids = Array.from({ length: people }, (_, i) => `S${String(i + 1).padStart(4, "0")}`);
  const names = personNames(ids, d);
  const cases = specialCases(people, nMonths, d);
  const f: Frame = { year, nMonths, cases, d, rows: [], ratings: [] };
  for (let p = 0; p < people; p++) {
    const person: Person = {
      p,
      id: ids[p],
      name: names[p],
      team: TEAMS[p % nTeams],
      ability: clip(d.normal(1, 0.16), 0.55, 1.45),
      target: round(d.between(150, 400)) * 1000,
      baseSalary: round(d.between(60, 150)) * 100,
      perfPay: round(d.between(20, 60)) * 100,
      bonusStandard: d.rand() < 0.8 ? round(d.between(10, 40)) * 1000 : null,
      firstMonth: cases.hires.get(p) ?? 1,
      lastMonth: cases.leavers.get(p) ?? nMonths,
    };
    personMonths(f, person);
    personRatings(f, person);
  }
  const month = (m: number) => monthKey(year, m);
  const c = cases;
  return {
    rows: f.rows,
    ratings: f.ratings,
    notes: {
      newHires: [...c.hires.keys()].map((p) => `${ids[p]} ${month(c.hires.get(p)!)}`),
      leavers: [...c.leavers.keys()].map((p) => `${ids[p]} ${month(c.leavers.get(p)!)}`),
      missingSurvey: `${ids[c.surveyPerson]} ${year}-Q${Math.ceil(c.surveyMonth / 3)}`,
      returnMonth: `${ids[c.returnPerson]} ${month(c.returnMonth)}`,
      clawback: `${ids[c.returnPerson]} ${month(Math.min(nMonths, c.returnMonth + 1))}`,
      missingInput: `${ids[c.missingPerson]} ${month(c.missingMonth)}`,
      no360Quarter: `${ids[c.no360Person]} ${year}-Q${c.no360Quarter}`,
    },
  };
}

function monthKey(year: number, m: number): string {
  return `${year}-${String(m).padStart(2, "0")}`;
}

/** A person's data rows, month by month. */
function personMonths(f: Frame, person: Person): void {
  const { d, cases: c } = f;
  const { p, ability } = person;
  let pending = 0;
  for (let m = person.firstMonth; m <= person.lastMonth; m++) {
    const days = daysIn(f.year, m);
    let worked = days;
    if (m === person.firstMonth && c.hires.has(p)) worked = Math.floor(d.between(8, days - 3));
    if (m === person.lastMonth && c.leavers.has(p)) worked = Math.floor(d.between(5, days - 5));
    const share = worked / days;
    const s = SEASON[(m - 1) % 12];
    const monthTarget = round(
      person.target * s * (c.hires.has(p) && m === person.firstMonth ? share : 1),
      -3
    );
    let sales = round(monthTarget * ability * clip(d.normal(1, 0.18), 0.45, 1.7), 2);
    const due = round(sales * d.between(0.85, 1.1), 2);
    let collected = round(due * clip(d.normal(0.82 + 0.12 * (ability - 1), 0.07), 0.55, 1), 2);
    let claw: number | null = null;
    if (p === c.returnPerson && m === c.returnMonth) {
      // Returns exceed the month's sales: a negative signed amount, little collected.
      sales = -round(d.between(20, 60)) * 1000;
      collected = round(d.between(0, 15)) * 1000;
      pending = round(d.between(2, 6)) * 1000;
    } else if (pending > 0) {
      claw = pending;
      pending = 0;
    }
    const v = monthValues(d, person, { sales, monthTarget, due, collected, claw, worked, days });
    // The quarter's customer survey was not done (renormalized); a month's new customers were not entered (an error).
    if (p === c.surveyPerson && Math.ceil(m / 3) === Math.ceil(c.surveyMonth / 3))
      v.satisfaction = null;
    if (p === c.missingPerson && m === c.missingMonth) v.new_customers = null;
    const values: Record<string, number | null> = {};
    for (const k of KEYS) values[k] = v[k] ?? null;
    f.rows.push({
      id: person.id,
      name: person.name,
      team: person.team,
      period: monthKey(f.year, m),
      values,
      invalid: [],
      absent: [],
      conflict: null,
      source: { sheet: "sample", row: f.rows.length + 1 },
    });
  }
}

/** A month's values by field key, around the amounts already drawn for it. */
function monthValues(
  d: Draws,
  person: Person,
  a: {
    sales: number;
    monthTarget: number;
    due: number;
    collected: number;
    claw: number | null;
    worked: number;
    days: number;
  }
): Record<string, number | null> {
  const { ability } = person;
  const { sales, worked, days } = a;
  const share = worked / days;
  const leads = Math.round(clip(d.normal(80 * ability, 15), 20, 160));
  return {
    sales_amount: sales,
    sales_target: a.monthTarget,
    prior_sales: round(Math.abs(sales) / clip(d.normal(1.08, 0.12), 0.7, 1.5) + 1000, 2),
    collected: a.collected,
    due: Math.max(a.due, 0) || round(d.between(5, 20)) * 1000,
    new_customers: Math.max(0, Math.round(d.normal(3 * ability * share, 1.2))),
    new_customers_target: d.rand() < 0.9 ? 3 : null,
    strategic_amount: round(Math.max(0, sales) * clip(d.normal(0.22, 0.08), 0.02, 0.5), 2),
    satisfaction: round(clip(d.normal(86 + 6 * (ability - 1), 5), 60, 100), 1),
    retention_rate: round(clip(d.normal(0.84 + 0.08 * (ability - 1), 0.06), 0.5, 1), 3),
    clv: round(clip(d.normal(300000 * ability, 60000), 80000, 700000), -2),
    complaint_resolution: round(clip(d.normal(0.93, 0.04), 0.7, 1), 3),
    visits: Math.round(clip(d.normal(40 * ability * share, 8), 0, 90)),
    calls: Math.round(clip(d.normal(110 * share, 20), 0, 220)),
    proposals: Math.round(clip(d.normal(12 * ability * share, 3), 0, 30)),
    leads,
    opportunities: Math.round(leads * clip(d.normal(0.25 * ability, 0.05), 0.05, 0.6)),
    sales_cycle_days: round(clip(d.normal(45 / ability, 7), 15, 90), 1),
    product_knowledge: round(clip(d.normal(84 + 8 * (ability - 1), 6), 50, 100), 1),
    digital_tools: round(clip(d.normal(82, 9), 40, 100), 1),
    training_hours: round(clip(d.normal(8, 2.5), 0, 20), 1),
    deductions: d.rand() < 0.88 ? 0 : Math.round(d.between(1, 10)),
    days_worked: worked,
    days_in_period: days,
    base_salary: person.baseSalary,
    performance_pay: person.perfPay,
    bonus_standard: person.bonusStandard,
    adjustment: d.rand() < 0.05 ? round(d.between(-1, 3)) * 500 || 500 : null,
    clawback: a.claw,
  };
}

/** 360 ratings: per quarter worked, and for the year. */
function personRatings(f: Frame, person: Person): void {
  const { d, cases: c, year, nMonths } = f;
  const rate = (period: string, rater: RaterType, n: number, raterName: string) => {
    for (let i = 0; i < n; i++) {
      const score = round(
        clip(d.normal(78 + 12 * (person.ability - 1) + (rater === "customer" ? 3 : 0), 7), 40, 100),
        1
      );
      f.ratings.push({
        id: person.id,
        period,
        rater,
        score,
        raterName: `${raterName}${n > 1 ? i + 1 : ""}`,
        source: { sheet: "sample", row: f.ratings.length + 1 },
      });
    }
  };
  for (let q = 1; q <= Math.ceil(nMonths / 3); q++) {
    const qFirst = (q - 1) * 3 + 1;
    if (qFirst + 2 < person.firstMonth || qFirst > person.lastMonth) continue;
    if (person.p === c.no360Person && q === c.no360Quarter) continue;
    const key = `${year}-Q${q}`;
    rate(key, "superior", 1, "主管");
    rate(key, "peer", 2, "同事");
    rate(key, "customer", 2, "客户");
  }
  if (person.lastMonth === nMonths && person.firstMonth <= 6) {
    rate(String(year), "superior", 1, "主管");
    rate(String(year), "peer", 3, "同事");
    rate(String(year), "customer", 2, "客户");
  }
}

/**
 * The seed plan's extra measures (seedPlan.ts) on each row of a sample, drawn from a stream of
 * their own so the default plan's sample stays the same: product and service satisfaction
 * around the row's survey score (blank where the survey is), complaint resolution satisfaction,
 * deals won out of the row's opportunities, certifications. The customers' 360 ratings the
 * service score blends with are the sample's own.
 */
export function withSeedFields<S extends { rows: DataRow[] }>(sample: S, seed = 2024): S {
  const d = draws(seed + 15);
  const rows = sample.rows.map((row) => {
    const v = row.values;
    const survey = v.satisfaction ?? null;
    const opportunities = v.opportunities ?? null;
    const around = (shift: number) =>
      survey === null ? null : round(clip(survey + d.normal(shift, 3), 40, 100), 1);
    const values: Record<string, number | null> = {
      ...v,
      product_satisfaction: around(0.5),
      service_satisfaction: around(-1),
      complaint_satisfaction: round(clip(d.normal(88, 6), 50, 100), 1),
      deals_won:
        opportunities === null
          ? null
          : Math.round(opportunities * clip(d.normal(0.3, 0.08), 0.05, 0.7)),
      certifications: d.rand() < 0.12 ? (d.rand() < 0.2 ? 2 : 1) : 0,
    };
    return { ...row, values };
  });
  return { ...sample, rows };
}

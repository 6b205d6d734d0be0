/**
 * The pay scenarios of a target letter (目标责任书), computed by the engine itself: for an
 * attainment a (0.8, 1, 1.2), the person's months of the period are rebuilt with inputs that
 * attain a of every target-based indicator's period target, a commission basis of a × each
 * month's sales target, full attendance and no one-off adjustments, and those rows are run through
 * evaluate() and explain(). Nothing here scores, grades or pays: it only chooses inputs.
 *
 * Indicators without a target (direct scores, deductions, 360 feedback) are taken at the
 * scenario's level, at most full marks (80, 100, 100 points): a stated assumption the letter
 * prints. Every scenario is checked afterwards: each target-based indicator must show attainment
 * a in the engine's own trace, else the scenario is refused with the indicator named.
 */
import type { FieldDef, Indicator, Plan } from "../plan/model";
import { PAY_FIELDS, inputFields, ratingScale } from "../plan/model";
import type { DataRow, FeedbackRating, RaterType } from "../records";
import { evaluate } from "./evaluate";
import { explain, type ScorecardTrace } from "./explain";

/** A month of the scenario: the person's row values, to be overwritten. */
type MonthValues = Record<string, number | null>;

/** The period target of an indicator and, when the data gave it, each month's. */
export interface ScenarioTarget {
  key: string;
  target: number;
  /** Month targets from the data (same order as the months), or null when the default applies. */
  months: (number | null)[] | null;
}

export interface ScenarioInput {
  plan: Plan;
  /** The person's rows of the period, one per month, in month order. */
  rows: readonly DataRow[];
  /** The evaluation period key (2024-Q1, or a month). */
  period: string;
  /** Period targets of the target-based indicators. */
  targets: readonly ScenarioTarget[];
}

/** Whether an indicator is scored against a target (linear or curve), or held (direct, deduction, 360). */
export function isTargetBased(ind: Indicator): boolean {
  return ind.scoring.method === "linear" || ind.scoring.method === "curve";
}

/** The score a held indicator is taken at in a scenario: the attainment × full marks, at most full marks. */
export function heldScore(attainment: number): number {
  return Math.min(attainment, 1) * 100;
}

/** Days of a month key (2024-02 → 29). */
function calendarDays(month: string): number {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
}

/** The months' values of a plan's fields, written as a field's aggregation reads them back. */
class Months {
  readonly values: MonthValues[];
  readonly fixed = new Set<string>();
  private readonly defs: Map<string, FieldDef>;

  constructor(plan: Plan, rows: readonly DataRow[]) {
    this.defs = new Map(plan.fields.map((f) => [f.key, f]));
    this.values = rows.map((r) => ({ ...r.values }));
  }

  get n(): number {
    return this.values.length;
  }

  aggregate(key: string): FieldDef["aggregate"] {
    return this.defs.get(key)?.aggregate ?? "sum";
  }

  has(key: string): boolean {
    return this.defs.has(key);
  }

  /** The period's value of a field, as the engine aggregates it. */
  period(key: string): number {
    const vs = this.values.map((m) => m[key] ?? NaN);
    const agg = this.aggregate(key);
    if (agg === "last") return vs[vs.length - 1];
    const sum = vs.reduce((a, b) => a + b, 0);
    return agg === "sum" ? sum : sum / vs.length;
  }

  /** Sets a field month by month. */
  setMonths(key: string, values: readonly number[]): void {
    this.values.forEach((m, i) => (m[key] = values[i]));
    this.fixed.add(key);
  }

  /** Sets a field so that its period value is v (spread evenly over the months when summed). */
  setPeriod(key: string, v: number): void {
    const each = this.aggregate(key) === "sum" ? v / this.n : v;
    this.setMonths(
      key,
      this.values.map(() => each)
    );
  }

  month(key: string): number[] {
    return this.values.map((m) => m[key] ?? NaN);
  }
}

/** The actual an indicator needs for attainment a of target t (lower is better: t ÷ a). */
function wanted(ind: Indicator, t: number, a: number): number {
  return ind.direction === "lower" ? t / a : t * a;
}

/** Each month's target of an indicator: the data's, or the period target spread as its input sums. */
function monthTargets(m: Months, ind: Indicator, target: ScenarioTarget): number[] {
  if (target.months && target.months.every((x) => x !== null)) return target.months as number[];
  return m.values.map(() => target.target / m.n);
}

/** A field or sum indicator: its fields set so the period attains a. */
function setDirect(m: Months, ind: Indicator, target: ScenarioTarget, a: number): void {
  const fields = inputFields(ind.input);
  const additive = fields.every((f) => m.aggregate(f) === "sum");
  const perMonth = additive
    ? monthTargets(m, ind, target).map((t) => wanted(ind, t, a))
    : m.values.map(() => wanted(ind, target.target, a));
  const free = fields.filter((f) => !m.fixed.has(f));
  if (free.length === 0) return; // already set by another rule; the check after the run decides
  const taken = perMonth.map((v, i) =>
    fields.filter((f) => m.fixed.has(f)).reduce((s, f) => s - (m.values[i][f] ?? 0), v)
  );
  for (const f of free)
    m.setMonths(
      f,
      taken.map((v) => v / free.length)
    );
}

/** A ratio or growth indicator: one side set from the other so the period attains a. */
function setRelative(m: Months, ind: Indicator, target: ScenarioTarget, a: number): void {
  const input = ind.input;
  if (input.kind !== "ratio" && input.kind !== "growth") return;
  const [x, y] =
    input.kind === "ratio" ? [input.numerator, input.denominator] : [input.current, input.prior];
  const want = wanted(ind, target.target, a);
  // x = factor × y gives the wanted ratio (x ÷ y) or growth ((x − y) ÷ y)
  const factor = input.kind === "ratio" ? want : 1 + want;
  const same = m.aggregate(x) === m.aggregate(y) && m.aggregate(x) !== "last";
  if (m.fixed.has(x) && m.fixed.has(y)) return;
  if (!m.fixed.has(y) && !m.fixed.has(x)) m.setPeriod(y, 100 * m.n);
  if (m.fixed.has(y)) {
    if (same)
      m.setMonths(
        x,
        m.month(y).map((v) => v * factor)
      );
    else m.setPeriod(x, m.period(y) * factor);
  } else if (same)
    m.setMonths(
      y,
      m.month(x).map((v) => v / factor)
    );
  else m.setPeriod(y, m.period(x) / factor);
}

/** A held indicator (direct score, deductions): its field set so it scores heldScore(a). */
function setHeld(m: Months, ind: Indicator, a: number): void {
  const s = ind.scoring;
  const fields = inputFields(ind.input);
  if (fields.length !== 1 || m.fixed.has(fields[0])) return;
  const score = heldScore(a);
  if (s.method === "direct") m.setPeriod(fields[0], score);
  else if (s.method === "deduction") m.setPeriod(fields[0], (s.fullScore * (100 - score)) / 100);
}

/** 360 ratings at the scenario's level for every rater type, on the plan's scale. */
function heldRatings(plan: Plan, id: string, period: string, a: number): FeedbackRating[] {
  const score = (heldScore(a) / 100) * ratingScale(plan);
  const types: RaterType[] = ["superior", "peer", "customer"];
  return types.map((rater) => ({
    id,
    period,
    rater,
    score,
    raterName: "scenario",
    source: { sheet: "", row: 0 },
  }));
}

/** The plan a scenario runs with: grades by bands, no team commission (both depend on others' results). */
export function scenarioPlan(plan: Plan): Plan {
  return {
    ...plan,
    grading: { ...plan.grading, mode: "bands" },
    commission: { ...plan.commission, team: null },
  };
}

/** The person's months rebuilt for attainment a: the rows evaluate() is given. */
export function scenarioRows(input: ScenarioInput, a: number): DataRow[] {
  const { plan, rows, targets } = input;
  const m = new Months(plan, rows);
  const f = PAY_FIELDS;
  const basis = plan.commission.basis === "collected" ? f.collected : f.signed;
  m.setMonths(
    basis,
    m.month(f.salesTarget).map((t) => t * a)
  );
  const days = rows.map((r, i) => m.values[i][f.daysInPeriod] ?? calendarDays(r.period));
  if (m.has(f.daysInPeriod)) m.setMonths(f.daysInPeriod, days);
  if (m.has(f.daysWorked)) m.setMonths(f.daysWorked, days);
  for (const k of [f.adjustment, f.clawback]) if (m.has(k)) m.setPeriod(k, 0);
  const byKey = new Map(targets.map((t) => [t.key, t]));
  const targeted = plan.indicators.filter((i) => isTargetBased(i) && byKey.has(i.key));
  const direct = targeted.filter((i) => i.input.kind === "field" || i.input.kind === "sum");
  for (const ind of direct) setDirect(m, ind, byKey.get(ind.key)!, a);
  // ratios and growth: those with a side already set first, so shared fields agree
  const relative = targeted.filter((i) => i.input.kind === "ratio" || i.input.kind === "growth");
  const sides = (i: Indicator) => inputFields(i.input).filter((k) => m.fixed.has(k)).length;
  while (relative.length) {
    relative.sort((p, q) => sides(q) - sides(p));
    const ind = relative.shift()!;
    setRelative(m, ind, byKey.get(ind.key)!, a);
  }
  for (const ind of plan.indicators) if (!isTargetBased(ind)) setHeld(m, ind, a);
  return rows.map((r, i) => ({
    ...r,
    values: m.values[i],
    invalid: [],
    absent: r.absent.filter((k) => !m.fixed.has(k)),
    conflict: null,
  }));
}

/** One scenario run: the engine's trace of the rebuilt period. */
export function runScenario(input: ScenarioInput, a: number): ScorecardTrace | null {
  const rows = scenarioRows(input, a);
  const plan = scenarioPlan(input.plan);
  const ratings = plan.indicators.some((i) => i.input.kind === "feedback")
    ? heldRatings(plan, rows[0].id, input.period, a)
    : [];
  const ev = evaluate(plan, rows, ratings);
  const f = ev.periods.frame;
  for (let r = 0; r < f.n; r++)
    if (f.ids[r] === rows[0].id && f.periods[r] === input.period) return explain(ev, r);
  return null;
}

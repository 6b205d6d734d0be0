/**
 * Target letters (目标责任书): at the start of a period, what one salesperson is asked to reach and
 * what it pays — per indicator its dimension, weight, period target (from the person's target
 * columns on the Data sheet, else the plan's default scaled to the period) and scoring rule in
 * words; the commission tiers; the grade bands; and the pay that results at 80%, 100% and 120%
 * attainment, computed by evaluate() itself over the person's months rebuilt for each attainment
 * (letter-scenarios.ts). A letter needs the period's rows with targets and pay standards; blank
 * actuals are fine. What is missing is reported by sheet, row and column.
 */
import { issue, type Issue } from "../issues";

import type { FieldDef, Indicator, LocalizedText, Plan, Unit } from "../plan/model";
import { PAY_FIELDS } from "../plan/model";
import { monthsOf, parsePeriodKey, quarterOf } from "../periods";
import type { DataRow } from "../records";
import { compilePlan } from "./compile";
import { evaluate } from "./evaluate";
import { isTargetBased, runScenario, type ScenarioTarget } from "./letter-scenarios";
import { TargetSource, targetOf, targetSourceOf } from "./score";
import { scenarioAssumptions, scoringWords } from "./letter-words";

export { heldScore, isTargetBased } from "./letter-scenarios";

export { LETTER_MESSAGES } from "./letter-messages";

/** The attainments a letter shows pay at. */
export const LETTER_ATTAINMENTS = [0.8, 1, 1.2] as const;

export interface LetterIndicator {
  key: string;
  name: LocalizedText;
  dimension: string;
  dimensionName: LocalizedText;
  /** Weight in the dimension, and in the total (dimension weight × weight in dimension). */
  weight: number;
  effectiveWeight: number;
  unit: Unit;
  direction: "higher" | "lower";
  /** Scored against a target, or held at the scenario's level (no target: direct, deduction, 360). */
  basis: "target" | "held";
  /** The period's target, and where it comes from. */
  target: number | null;
  targetSource: "data" | "default" | "none";
  /** The plan's default (per month when additive) and the months it was multiplied by. */
  targetDefault: number | null;
  targetMonths: number;
  rule: LocalizedText;
  /** Score at each of the letter's attainments (null when the scenario could not be built). */
  scores: (number | null)[];
}

export interface LetterScenario {
  attainment: number;
  total: number | null;
  grade: string | null;
  coefficient: number | null;
  base: number | null;
  performancePay: number | null;
  commission: number | null;
  /** Total pay of the period (base + performance pay + commission, no one-off adjustments). */
  pay: number | null;
  /** Commission basis of each month in the scenario (attainment × the month's sales target). */
  basis: number[];
}

export interface LetterMonth {
  period: string;
  salesTarget: number | null;
  baseSalary: number | null;
  performancePay: number | null;
}

export interface TargetLetter {
  subject: { id: string; name: string; team: string; period: string };
  plan: { name: LocalizedText; version: string; effectiveDate: string };
  months: LetterMonth[];
  indicators: LetterIndicator[];
  commission: Plan["commission"];
  grades: { label: string; name: LocalizedText; min: number; coefficient: number }[];
  scenarios: LetterScenario[];
  /** Whether the person leads a team (the team commission is left out of the scenarios). */
  leadsTeam: boolean;
  /** The grades of the scenarios are by bands even though the plan distributes grades. */
  forcedGrades: boolean;
  /** What every scenario assumes, as the letter prints it. */
  assumptions: LocalizedText[];
  /** Months of the period without a Data row: the letter covers the others (a new hire, a leaver). */
  missingMonths: string[];
}

export interface LetterResult {
  letter: TargetLetter | null;
  problems: Issue[];
}

/** The months a period needs rows for. */
function periodMonths(period: string): string[] {
  const p = parsePeriodKey(period);
  return p ? monthsOf(p) : [];
}

/** The evaluation period of a month row under the plan ("" when the row is not a month). */
export function letterPeriodOf(row: DataRow, plan: Plan): string {
  const p = parsePeriodKey(row.period);
  if (!p || p.kind !== "month") return "";
  return plan.periods.evaluation === "month" ? p.key : quarterOf(p);
}

function fieldDef(plan: Plan, key: string): FieldDef | undefined {
  return plan.fields.find((f) => f.key === key);
}

/** Located problems of the person's rows: missing months, conflicts, blank pay standards and sales targets. */
function rowProblems(plan: Plan, rows: readonly DataRow[], id: string, period: string): Issue[] {
  const subject = { id, period };
  if (rows.length === 0) return [issue("error", "letterNoRows", { id, period }, { subject })];
  const out: Issue[] = [];
  const first = rows[0].source;
  for (const month of periodMonths(period)) {
    if (!rows.some((r) => r.period === month))
      out.push(
        issue(
          "warning",
          "letterMonthMissing",
          { id, month },
          { subject, location: { sheet: first.sheet, row: first.row } }
        )
      );
  }
  const needed = [PAY_FIELDS.salesTarget, PAY_FIELDS.baseSalary, PAY_FIELDS.performancePay];
  for (const r of rows) {
    const at = (key?: string) => ({
      sheet: r.source.sheet,
      row: r.source.row,
      column: key ? r.source.columns?.[key] : undefined,
    });
    if (r.conflict !== null)
      out.push(
        issue(
          "error",
          "letterRowConflict",
          { month: r.period, row: r.source.row, other: r.conflict },
          { subject, location: at() }
        )
      );
    for (const key of needed) {
      const v = r.values[key];
      if (v === null || v === undefined || r.invalid.includes(key) || !Number.isFinite(v))
        out.push(
          issue(
            "error",
            "letterFieldMissing",
            { month: r.period, field: fieldDef(plan, key)?.name ?? key },
            { subject, location: at(key) }
          )
        );
    }
  }
  return out;
}

interface PeriodTargets {
  targets: ScenarioTarget[];
  sources: Map<string, { source: "data" | "default" | "none"; target: number | null }>;
  problems: Issue[];
}

/** Each target-based indicator's period target, as the engine reads it from the person's rows. */
function periodTargets(plan: Plan, rows: readonly DataRow[], period: string): PeriodTargets {
  const ev = evaluate(plan, rows);
  const frame = ev.periods.frame;
  const cp = compilePlan(plan);
  let r = 0;
  while (r < frame.n && frame.periods[r] !== period) r++;
  const out: PeriodTargets = { targets: [], sources: new Map(), problems: [] };
  const first = rows[0];
  for (const ind of cp.indicators) {
    if (!isTargetBased(ind.def)) {
      out.sources.set(ind.def.key, { source: "none", target: null });
      continue;
    }
    const source = r < frame.n ? targetSourceOf(ind, frame, r) : TargetSource.None;
    const target = source === TargetSource.None ? NaN : targetOf(ind, frame, r, source);
    if (source === TargetSource.None || source === TargetSource.Invalid || !(target >= 0)) {
      const tf = ind.def.target.field;
      out.problems.push(
        issue(
          "error",
          "letterTargetMissing",
          { field: (tf && fieldDef(plan, tf)?.name) || ind.def.name },
          {
            subject: { id: first.id, period },
            label: ind.def.name,
            location: {
              sheet: first.source.sheet,
              row: first.source.row,
              column: tf ? first.source.columns?.[tf] : undefined,
            },
          }
        )
      );
      continue;
    }
    const fromData = source === TargetSource.Data;
    const tf = ind.targetField;
    const months = fromData
      ? rows.map((x) => {
          const v = tf >= 0 ? x.values[cp.fieldKeys[tf]] : null;
          return typeof v === "number" && Number.isFinite(v) ? v : null;
        })
      : null;
    out.targets.push({ key: ind.def.key, target, months });
    out.sources.set(ind.def.key, { source: fromData ? "data" : "default", target });
  }
  return out;
}

function indicatorOf(
  plan: Plan,
  ind: Indicator,
  t: PeriodTargets,
  months: number,
  scores: (number | null)[],
  additive: boolean
): LetterIndicator {
  const dim = plan.dimensions.find((d) => d.key === ind.dimension)!;
  const src = t.sources.get(ind.key) ?? { source: "none" as const, target: null };
  return {
    key: ind.key,
    name: ind.name,
    dimension: ind.dimension,
    dimensionName: dim.name,
    weight: ind.weight,
    effectiveWeight: ind.weight * dim.weight,
    unit: ind.unit,
    direction: ind.direction,
    basis: isTargetBased(ind) ? "target" : "held",
    target: src.target,
    targetSource: src.source,
    targetDefault: ind.target.default,
    targetMonths: additive ? months : 1,
    rule: scoringWords(plan, ind),
    scores,
  };
}

function pctText(a: number): string {
  return `${Math.round(a * 1000) / 10}%`;
}

/**
 * The target letter of one salesperson for one evaluation period, from the Data sheet's rows
 * (all of them; the person's are picked) — or the located problems that stop it.
 */
export function targetLetter(
  plan: Plan,
  data: readonly DataRow[],
  id: string,
  period: string,
  attainments: readonly number[] = LETTER_ATTAINMENTS
): LetterResult {
  const rows = data
    .filter((r) => r.id === id && letterPeriodOf(r, plan) === period)
    .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  const problems = rowProblems(plan, rows, id, period);
  if (problems.some((p) => p.severity === "error")) return { letter: null, problems };
  const warnings = problems.splice(0);
  const targets = periodTargets(plan, rows, period);
  if (targets.problems.length)
    return { letter: null, problems: [...warnings, ...targets.problems] };
  const input = { plan, rows, period, targets: targets.targets };
  const traces = attainments.map((a) => runScenario(input, a));
  const byKey = new Map(targets.targets.map((x) => [x.key, x]));
  traces.forEach((trace, k) => {
    const a = attainments[k];
    for (const i of trace?.indicators ?? []) {
      const ok =
        !byKey.has(i.key) ||
        (i.attainment !== null && Math.abs(i.attainment - a) <= 1e-9 * Math.max(1, a));
      if (!ok)
        problems.push(
          issue(
            "error",
            "letterScenarioFailed",
            { attainment: pctText(a) },
            { subject: { id, period }, label: i.name, path: `indicators.${i.key}` }
          )
        );
    }
  });
  if (problems.length) return { letter: null, problems: [...warnings, ...problems] };
  const last = rows[rows.length - 1];
  const scenarios: LetterScenario[] = traces.map((tr, k) => ({
    attainment: attainments[k],
    total: tr?.total ?? null,
    grade: tr?.grade.label ?? null,
    coefficient: tr?.coefficient.value ?? null,
    base: tr?.pay.base ?? null,
    performancePay: tr?.pay.performancePay ?? null,
    commission: tr?.pay.commission ?? null,
    pay: tr?.pay.total ?? null,
    basis: (tr?.commission ?? []).map((c) => c.amount ?? 0),
  }));
  const compiled = compilePlan(plan).indicators;
  const indicators = plan.indicators.map((ind, k) =>
    indicatorOf(
      plan,
      ind,
      targets,
      rows.length,
      traces.map((tr) => tr?.indicators.find((x) => x.key === ind.key)?.score ?? null),
      compiled[k].additive
    )
  );
  const value = (r: DataRow, k: string) => {
    const v = r.values[k];
    return typeof v === "number" && Number.isFinite(v) ? v : null;
  };
  const leadsTeam = (plan.commission.team?.leads ?? []).some((l) => l.id === id);
  const forcedGrades = plan.grading.mode === "forced";
  const held = plan.indicators.filter((i) => !isTargetBased(i));
  const missingMonths = periodMonths(period).filter((m) => !rows.some((r) => r.period === m));
  return {
    letter: {
      subject: { id, name: last.name, team: last.team, period },
      plan: { name: plan.name, version: plan.version, effectiveDate: plan.effectiveDate },
      months: rows.map((r) => ({
        period: r.period,
        salesTarget: value(r, PAY_FIELDS.salesTarget),
        baseSalary: value(r, PAY_FIELDS.baseSalary),
        performancePay: value(r, PAY_FIELDS.performancePay),
      })),
      indicators,
      commission: plan.commission,
      grades: plan.grading.grades.map((g) => ({
        label: g.label,
        name: g.name,
        min: g.min,
        coefficient: g.coefficient,
      })),
      scenarios,
      leadsTeam,
      forcedGrades,
      assumptions: scenarioAssumptions(plan, held, attainments, {
        leadsTeam,
        forcedGrades,
        missingMonths,
      }),
      missingMonths,
    },
    problems: warnings,
  };
}

/**
 * A validated plan turned into flat arrays for the scoring loop: field positions instead of
 * keys, numeric codes instead of strings. Compiling happens once per run; the plan is never
 * used to pay anyone unless validation found no error.
 */
import type { CurveMode, CurvePoint } from "../primitives";
import type { Indicator, Plan } from "../plan/model";
import { PAY_FIELDS } from "../plan/model";
import { validatePlan } from "../plan/validate";
import { hasErrors, Issue } from "../issues";

export const enum InputKind {
  Field,
  Ratio,
  Growth,
  Sum,
  Feedback,
  /** 客户360评价: the customers' mean rating, alone or blended with a survey field (a). */
  Customer360,
}
export const enum Method {
  Linear,
  Curve,
  Direct,
  Deduction,
  Feedback,
}
export const enum Missing {
  Error,
  Zero,
  Renormalize,
}

export interface CompiledIndicator {
  index: number;
  def: Indicator;
  dimension: number;
  weight: number;
  lower: boolean;
  inputKind: InputKind;
  /** Field positions: field / numerator / current, and denominator / prior. */
  a: number;
  b: number;
  fields: number[];
  method: Method;
  floor: number;
  cap: number;
  fullScore: number;
  points: CurvePoint[];
  curveMode: CurveMode;
  curveOnAttainment: boolean;
  usesTarget: boolean;
  targetField: number;
  targetDefault: number;
  /** Default target is per month and scales with the months in the period. */
  additive: boolean;
  /** 客户360评价: the ratings' share of the blend (1: the ratings alone). */
  share: number;
  missing: Missing;
}

export interface CompiledPlan {
  plan: Plan;
  fieldKeys: string[];
  fieldIndex: Map<string, number>;
  indicators: CompiledIndicator[];
  dimensionWeights: Float64Array;
  /** Grade minimums, best grade first. */
  gradeMins: Float64Array;
  gradeCoefficients: Float64Array;
  tierFrom: Float64Array;
  tierRates: Float64Array;
  /** Positions of the pay fields (−1 when the plan has none). */
  pay: Record<keyof typeof PAY_FIELDS, number>;
}

export class PlanInvalidError extends Error {
  constructor(readonly issues: Issue[]) {
    super("The plan has errors and cannot be used to score or pay anyone.");
  }
}

/** Validates and compiles; throws PlanInvalidError (with every issue) when the plan has errors. */
export function compilePlan(plan: Plan): CompiledPlan {
  const issues = validatePlan(plan);
  if (hasErrors(issues)) throw new PlanInvalidError(issues);
  const fieldKeys = plan.fields.map((f) => f.key);
  const fieldIndex = new Map(fieldKeys.map((k, i) => [k, i]));
  const pos = (k: string | null) => (k === null ? -1 : (fieldIndex.get(k) ?? -1));
  const dimIndex = new Map(plan.dimensions.map((d, i) => [d.key, i]));
  const aggregateOf = (k: string) => plan.fields[pos(k)]?.aggregate;
  const indicators = plan.indicators.map((def, index): CompiledIndicator => {
    const s = def.scoring;
    const inp = def.input;
    const c: CompiledIndicator = {
      index,
      def,
      dimension: dimIndex.get(def.dimension)!,
      weight: def.weight,
      lower: def.direction === "lower",
      inputKind: InputKind.Field,
      a: -1,
      b: -1,
      fields: [],
      method: Method.Linear,
      floor: 0,
      cap: 1,
      fullScore: 100,
      points: [],
      curveMode: "linear",
      curveOnAttainment: true,
      usesTarget: false,
      targetField: pos(def.target.field),
      targetDefault: def.target.default ?? NaN,
      additive: false,
      share: 1,
      missing:
        def.missing === "error"
          ? Missing.Error
          : def.missing === "zero"
            ? Missing.Zero
            : Missing.Renormalize,
    };
    switch (inp.kind) {
      case "field":
        c.inputKind = InputKind.Field;
        c.a = pos(inp.field);
        c.additive = aggregateOf(inp.field) === "sum";
        break;
      case "ratio":
        c.inputKind = InputKind.Ratio;
        c.a = pos(inp.numerator);
        c.b = pos(inp.denominator);
        break;
      case "growth":
        c.inputKind = InputKind.Growth;
        c.a = pos(inp.current);
        c.b = pos(inp.prior);
        break;
      case "sum":
        c.inputKind = InputKind.Sum;
        c.fields = inp.fields.map(pos);
        c.additive = inp.fields.every((f) => aggregateOf(f) === "sum");
        break;
      case "feedback":
        c.inputKind = InputKind.Feedback;
        break;
      case "customer360":
        c.inputKind = InputKind.Customer360;
        c.a = pos(inp.survey);
        c.share = inp.share;
        break;
    }
    switch (s.method) {
      case "linear":
        c.method = Method.Linear;
        c.floor = s.floor;
        c.cap = s.cap;
        c.fullScore = s.fullScore;
        c.usesTarget = true;
        break;
      case "curve":
        c.method = Method.Curve;
        c.points = s.points;
        c.curveMode = s.mode;
        c.curveOnAttainment = s.on === "attainment";
        c.usesTarget = s.on === "attainment";
        break;
      case "direct":
        c.method = Method.Direct;
        c.cap = s.cap;
        break;
      case "deduction":
        c.method = Method.Deduction;
        c.fullScore = s.fullScore;
        break;
      case "feedback":
        c.method = Method.Feedback;
        c.cap = s.cap;
        break;
    }
    return c;
  });
  const pay = {} as Record<keyof typeof PAY_FIELDS, number>;
  for (const [k, v] of Object.entries(PAY_FIELDS) as [keyof typeof PAY_FIELDS, string][])
    pay[k] = pos(v);
  const grades = plan.grading.grades;
  return {
    plan,
    fieldKeys,
    fieldIndex,
    indicators,
    dimensionWeights: Float64Array.from(plan.dimensions.map((d) => d.weight)),
    gradeMins: Float64Array.from(grades.map((g) => g.min)),
    gradeCoefficients: Float64Array.from(grades.map((g) => g.coefficient)),
    tierFrom: Float64Array.from(plan.commission.tiers.map((t) => t.from)),
    tierRates: Float64Array.from(plan.commission.tiers.map((t) => t.rate)),
    pay,
  };
}

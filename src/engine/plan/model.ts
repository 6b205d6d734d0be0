/**
 * The sales performance plan as data (shared/spec/plan.md). Every number HR can change is here;
 * the engine reads nothing else. A plan is plain JSON: it round-trips through the Plan sheet and
 * through storage unchanged.
 */
import type {
  Band,
  CommissionMethod,
  CurveMode,
  CurvePoint,
  Direction,
  MissingPolicy,
} from "../primitives";

/** Text in both languages the add-in speaks. */
export interface LocalizedText {
  en: string;
  zh: string;
}

export type Unit = "currency" | "ratio" | "count" | "score" | "days" | "hours" | "points";

/** How monthly values of a field combine into a quarter or a year. */
export type Aggregation = "sum" | "mean" | "last";

/** Whether a data field is an indicator measure or feeds pay. */
export type FieldRole = "measure" | "target" | "pay";

/** One numeric column of the Data sheet (identity columns id, name, team, period are fixed). */
export interface FieldDef {
  key: string;
  name: LocalizedText;
  unit: Unit;
  role: FieldRole;
  aggregate: Aggregation;
  /** Where the number comes from (CRM field, survey, HR), shown under the header. */
  source: LocalizedText;
  /** Other header spellings seen in CRM exports, matched when importing. */
  aliases: string[];
  /** Optional columns may be absent from the data; a blank cell then means 0 (pay adjustments). */
  optional: boolean;
}

/** How an indicator's actual value is computed from a data row (or from 360 ratings). */
export type InputSpec =
  | { kind: "field"; field: string }
  | { kind: "ratio"; numerator: string; denominator: string }
  | { kind: "growth"; current: string; prior: string }
  | { kind: "sum"; fields: string[] }
  | { kind: "feedback" }
  /**
   * 客户360评价: the mean of the 360 ratings given by customers (rater type 客户, on the plan's
   * rating scale), alone (`survey` null, `share` 1) or blended with a survey field:
   * share × ratings + (1 − share) × survey. A person without customer ratings has no input.
   */
  | { kind: "customer360"; survey: string | null; share: number };

export type Scoring =
  /** PERF.KPISCORE: attainment with floor and cap. */
  | { method: "linear"; floor: number; cap: number; fullScore: number }
  /** PERF.CURVE over the attainment (or the raw value when `on` is "value"). */
  | { method: "curve"; points: CurvePoint[]; mode: CurveMode; on: "attainment" | "value" }
  /** The input already is a 0–100 score; clamped to 0 … cap × 100. */
  | { method: "direct"; cap: number }
  /** full score minus deduction points, never below 0. */
  | { method: "deduction"; fullScore: number }
  /** 360-degree ratings (PERF.FEEDBACK), then as direct. */
  | { method: "feedback"; cap: number };

export type ScoringMethod = Scoring["method"];

/** The data fields an indicator's input reads, in the order the input names them. */
export function inputFields(input: InputSpec): string[] {
  switch (input.kind) {
    case "field":
      return [input.field];
    case "ratio":
      return [input.numerator, input.denominator];
    case "growth":
      return [input.current, input.prior];
    case "sum":
      return input.fields;
    case "feedback":
      return [];
    case "customer360":
      return input.survey === null ? [] : [input.survey];
  }
}

/** Whether an indicator's input reads 360 ratings (all groups, or the customers'). */
export function readsRatings(input: InputSpec): boolean {
  return input.kind === "feedback" || input.kind === "customer360";
}

export interface Indicator {
  key: string;
  name: LocalizedText;
  dimension: string;
  /** Weight inside its dimension, as a fraction (0.4 = 40%). */
  weight: number;
  unit: Unit;
  direction: Direction;
  input: InputSpec;
  scoring: Scoring;
  /**
   * The target: from a data column when the data has one for the row, else the default.
   * Defaults of additive inputs are per month and scale with the months in the period.
   */
  target: { field: string | null; default: number | null };
  /** What a missing or incomputable input means: flag an error, score 0, or leave it out. */
  missing: MissingPolicy;
}

export interface Dimension {
  key: string;
  name: LocalizedText;
  /** Weight in the total, as a fraction. */
  weight: number;
  /** The seed's recommended range; outside it is a warning. */
  range: { min: number; max: number };
}

export type GradeMode = "bands" | "forced" | "bandsWithCheck";
export type DistributionGroup = "team" | "company";

export interface GradeDef extends Band {
  name: LocalizedText;
  coefficient: number;
  /** Share in a forced distribution (fraction). */
  quota: number;
}

export interface CoefficientMatrix {
  /** Row axis: sales attainment of the period (actual ÷ target). */
  rows: number[];
  /** Column axis: collection rate of the period (collected ÷ due). */
  columns: number[];
  cells: number[][];
}

export interface GradeSettings {
  /** Best grade first. */
  grades: GradeDef[];
  mode: GradeMode;
  group: DistributionGroup;
  coefficientMode: "grade" | "matrix";
  matrix: CoefficientMatrix;
}

export interface CommissionSettings {
  /** Collected revenue (回款) or signed amount (签约额). */
  basis: "collected" | "signed";
  method: CommissionMethod;
  /** Tier bounds in currency, or as attainment ratios of the month's sales target. */
  boundType: "currency" | "attainment";
  tiers: { from: number; rate: number }[];
  /** No commission below a minimum attainment of the sales target, or below a minimum grade. */
  gate: { minAttainment: number | null; minGrade: string | null };
  /** Most commission paid for one month, or null. */
  capPerMonth: number | null;
  /** Share of each month's commission paid in the month; the rest is settled at year end. */
  paidShare: number;
  /** Clawbacks larger than the month's commission carry forward, or reduce pay at once. */
  clawback: "carryForward" | "deductFromPay";
  /**
   * 团队提成: an override paid to each team's lead on the team's basis. Absent (plans saved
   * before it existed) or null: no team commission.
   */
  team?: TeamCommissionSettings | null;
}

/**
 * 团队提成: each month, a team's lead earns tiered commission on the team's basis — the sum of
 * the plan's commission basis (collected or signed, as for personal commission) over the rows
 * of the team's members that month. It is its own pay line, paid whole in the month: the
 * personal commission's gate, cap, paid share and clawbacks do not apply to it.
 */
export interface TeamCommissionSettings {
  method: CommissionMethod;
  /** Tier bounds in currency of the team's monthly basis, ascending. */
  tiers: { from: number; rate: number }[];
  /** One lead per team and one team per lead; `team` as the Data sheet's team column writes it. */
  leads: { team: string; id: string }[];
  /**
   * Whether the lead's own basis counts in the team basis (whichever team the lead's own row
   * names); when false the lead's own row is left out even when it is in the team.
   */
  includeOwn: boolean;
}

/** The plan's team commission, or null when it has none. */
export function teamCommission(plan: Pick<Plan, "commission">): TeamCommissionSettings | null {
  return plan.commission.team ?? null;
}

/**
 * When a quarter's performance pay is paid: all of it with the quarter's last month, or a share
 * of each month's prorated standard as an advance and the rest (possibly negative) as a true-up
 * with the quarter's last month. With monthly evaluation each month's performance pay is paid
 * in that month, whatever the schedule.
 */
export type PerformanceSchedule = "quarterEnd" | "monthlyAdvance";

/**
 * 新人保底: in a new hire's months of service 1…`months`, the month's pay is topped up to
 * `minimum`; when `recoverable`, later months' commission repays the top-ups.
 */
export interface GuaranteeSettings {
  enabled: boolean;
  /** Minimum monthly pay (gross before the top-up). */
  minimum: number;
  /** The first N months of service. */
  months: number;
  /** Repaid from later commission (never below 0), carried forward until repaid. */
  recoverable: boolean;
}

export interface PaySettings {
  /** Prorate base and performance pay by days worked ÷ days in the month. */
  prorate: boolean;
  /** Annual bonus standard when the data has no bonus_standard column for a person. */
  bonusStandard: number;
  currency: string;
  /** Absent in plans saved before it existed: "quarterEnd". */
  schedule?: PerformanceSchedule;
  /** Share of the month's prorated performance-pay standard advanced (monthlyAdvance). */
  advanceShare?: number;
  /** Absent in plans saved before it existed: off. */
  guarantee?: GuaranteeSettings;
}

/** The defaults of the pay settings added after the first plans were saved. */
export const PAY_DEFAULTS = {
  schedule: "quarterEnd" as PerformanceSchedule,
  advanceShare: 0.8,
  guarantee: { enabled: false, minimum: 5000, months: 3, recoverable: false } as GuaranteeSettings,
};

/** A plan's performance-pay schedule and advance share (the defaults when the plan does not say). */
export function paySchedule(plan: Pick<Plan, "pay">): {
  schedule: PerformanceSchedule;
  advanceShare: number;
} {
  return {
    schedule: plan.pay.schedule ?? PAY_DEFAULTS.schedule,
    advanceShare: plan.pay.advanceShare ?? PAY_DEFAULTS.advanceShare,
  };
}

/** A plan's new-hire guarantee (off when the plan does not say). */
export function guaranteeOf(plan: Pick<Plan, "pay">): GuaranteeSettings {
  return plan.pay.guarantee ?? { ...PAY_DEFAULTS.guarantee };
}

export interface PeriodSettings {
  /** The evaluation period: scores, grades, coefficient and performance pay. */
  evaluation: "quarter" | "month";
  /** Annual score: weights of Q1…Q4 (or of the year's months) and of the annual 360 score. */
  annual: { quarterWeights: [number, number, number, number]; feedbackWeight: number };
}

/** The scales 360 ratings may be given on (points out of 100, 10 or 5). */
export const RATING_SCALES = [100, 10, 5] as const;
export type RatingScale = (typeof RATING_SCALES)[number];

export interface FeedbackSettings {
  /** superior, peers, customers — fractions summing to 1. */
  weights: [number, number, number];
  /**
   * The scale the Feedback sheet's ratings are on; a rating r counts as r × 100 ÷ scale points.
   * Absent in plans saved before it existed, which rated out of 100.
   */
  scale?: RatingScale;
}

/** A plan's rating scale (100 when the plan does not say). */
export function ratingScale(plan: Pick<Plan, "feedback">): RatingScale {
  return plan.feedback.scale ?? 100;
}

/**
 * 晋升建议: a person-year is recommended for promotion when its annual grade is `minGrade` or
 * better in `years` consecutive years (this one and the ones before it, from the Annual sheet
 * or the Grade history sheet), and no evaluation period of the year is graded below `worstGrade`
 * (null: no such condition).
 */
export interface PromotionRule {
  enabled: boolean;
  /** Grade label: this grade or better (grades are best first). */
  minGrade: string;
  /** Consecutive years at `minGrade` or better, this year included (1 = this year only). */
  years: number;
  /** Grade label: no period of the year graded below it; null: no condition on the periods. */
  worstGrade: string | null;
}

/**
 * 分红: a pool for each year the Annual sheet holds, shared among its person-years in proportion
 * to annual coefficient × annual base salary, each share rounded (Excel's ROUND) to `decimals`;
 * what rounding leaves over (or overshoots) is shown as the pool's rounding difference, never
 * paid silently.
 */
export interface ProfitShareSettings {
  enabled: boolean;
  /** The pool of one year, in the plan's currency. */
  pool: number;
  /** 2 = to the cent, 0 = to the yuan. */
  decimals: 0 | 2;
}

/** The annual review's consequences (年度总评与长期激励、晋升发展挂钩). */
export interface ReviewSettings {
  promotion: PromotionRule;
  profitShare: ProfitShareSettings;
}

/**
 * The defaults of a plan saved before the review settings: the promotion rule on — the second
 * best grade or better two years running, no period graded worst (A and C of S…D) — and no
 * profit share.
 */
export function reviewDefaults(grading: Pick<GradeSettings, "grades">): ReviewSettings {
  const labels = grading.grades.map((g) => g.label);
  const n = labels.length;
  return {
    promotion: {
      enabled: true,
      minGrade: labels[Math.min(1, n - 1)] ?? "",
      years: 2,
      worstGrade: n >= 2 ? labels[n - 2] : null,
    },
    profitShare: { enabled: false, pool: 0, decimals: 2 },
  };
}

/** A plan's review settings (the defaults when the plan does not say). */
export function reviewOf(plan: Pick<Plan, "review" | "grading">): ReviewSettings {
  const r = plan.review ?? reviewDefaults(plan.grading);
  return { promotion: { ...r.promotion }, profitShare: { ...r.profitShare } };
}

export interface Plan {
  name: LocalizedText;
  version: string;
  /** ISO date (yyyy-mm-dd). */
  effectiveDate: string;
  fields: FieldDef[];
  dimensions: Dimension[];
  indicators: Indicator[];
  grading: GradeSettings;
  commission: CommissionSettings;
  pay: PaySettings;
  periods: PeriodSettings;
  feedback: FeedbackSettings;
  /** Promotion rule and profit-share pool; absent in plans saved before them (REVIEW_DEFAULTS). */
  review?: ReviewSettings;
}

/** Field keys the engine reads for pay and commission; the default plan defines all of them. */
export const PAY_FIELDS = {
  signed: "sales_amount",
  salesTarget: "sales_target",
  collected: "collected",
  due: "due",
  daysWorked: "days_worked",
  daysInPeriod: "days_in_period",
  baseSalary: "base_salary",
  performancePay: "performance_pay",
  bonusStandard: "bonus_standard",
  adjustment: "adjustment",
  clawback: "clawback",
  /** Month of service (1 = the hire month); read only when the new-hire guarantee is on. */
  serviceMonth: "service_month",
} as const;

export const IDENTITY_COLUMNS = ["id", "name", "team", "period"] as const;
export type IdentityColumn = (typeof IDENTITY_COLUMNS)[number];

export type { Direction, MissingPolicy, CommissionMethod, CurveMode };

/**
 * Explanations: for every number of a scorecard, the inputs and the rule that produced it. The
 * statement and the task pane render these; tests read them. They are built by calling the very
 * functions that computed the numbers (readIndicatorRange, scoreRange, commissionSlices), on the
 * same frame, so they cannot drift from the results they explain.
 */
import { commissionSlices, type CommissionSlice } from "../rules/commission";
import type { FeedbackParts } from "../rules/feedback";
import { thresholdReached } from "../rules/coefficient";
import { effectiveWeight } from "../rules/weighting";
import { issue, type Issue } from "../issues";
import { orNull } from "../numeric";
import { type Catalogue, type MessageKey } from "../messages";
import type { Aggregation, InputSpec, LocalizedText, Scoring, Unit } from "../plan/model";
import { inputFields } from "../plan/model";
import { CAUSES, CONSEQUENCES } from "./explain-causes";
import { payTrace, type PayListMonthTrace } from "./explain-pay";
import { groupCutoffs, strengthsAndGaps } from "./explain-rank";
import type { SourceRef } from "../records";
import { CompiledPlan } from "./compile";
import { CommissionStatus, Gate } from "./commission";
import type { Evaluation } from "./evaluate";
import {
  absentLeadIssues,
  teamMonthTrace,
  teamProblems,
  type TeamMonthTrace,
} from "./explain-team";
import { CellState, Frame, membersOf } from "./frame";
import { GradeRule } from "./grading";
import { appealIssues, type AppealTrace } from "./appeals";
import {
  IndicatorStatus,
  readIndicator,
  Reason,
  REASON_CODES,
  ReasonCode,
  RowStatus,
  ScoreSet,
} from "./score";

export { absentLeadIssues, teamProblems, type TeamMonthTrace };

export const EXPLAIN_MESSAGES = {
  indicatorProblem: {
    en: "{indicator}: {cause} {consequence}",
    zh: "{indicator}：{cause}{consequence}",
  },
  noGrade: {
    en: "The total {score} is below every grade band.",
    zh: "总分 {score} 低于所有等级区间。",
  },
  coefficientMatrixInputs: {
    en: "The coefficient matrix needs the sales attainment and the collection rate of the period.",
    zh: "系数矩阵需要本期的销售完成率和回款率。",
  },
  commissionBasisMissing: {
    en: "{period}: {field} is blank or unreadable, so commission cannot be computed.",
    zh: "{period}：{field}为空或无法读取，无法计算提成。",
  },
  commissionTargetMissing: {
    en: "{period}: commission needs a sales target above 0.",
    zh: "{period}：计算提成需要大于 0 的销售目标。",
  },
  commissionGradeMissing: {
    en: "{period}: the commission gate needs this period's grade, which could not be computed.",
    zh: "{period}：提成门槛需要本期等级，但等级无法计算。",
  },
  payInputMissing: {
    en: "{period}: {field} is blank or unreadable, so pay cannot be computed.",
    zh: "{period}：{field}为空或无法读取，无法计算薪酬。",
  },
  rowConflict: {
    en: "{period}: rows {row} and {other} both hold this month with different values; fix one of them.",
    zh: "{period}：第 {row} 行和第 {other} 行都是本月数据且数值不同，请修正其中一行。",
  },
  annualPeriodsMissing: {
    en: "The annual score uses {count} of {expected} periods.",
    zh: "年度得分仅基于 {count}/{expected} 个考核期。",
  },
  annualFeedbackMissing: {
    en: "No annual 360 ratings: the annual score uses the periods only.",
    zh: "没有年度 360 评价：年度得分仅基于各考核期。",
  },
} satisfies Catalogue;

export interface MonthValue {
  period: string;
  value: number | null;
  state: "ok" | "blank" | "invalid" | "absent";
  source: SourceRef;
}

export interface FieldTrace {
  key: string;
  name: LocalizedText;
  unit: Unit;
  aggregate: Aggregation;
  value: number | null;
  state: "ok" | "blank" | "invalid" | "absent";
  months: MonthValue[];
}

export type IndicatorOutcome = "scored" | "zeroed" | "excluded" | "error";

export interface IndicatorTrace {
  key: string;
  name: LocalizedText;
  dimension: string;
  unit: Unit;
  direction: "higher" | "lower";
  input: InputSpec;
  fields: FieldTrace[];
  actual: number | null;
  target: number | null;
  targetSource: "data" | "default" | "none";
  /** Default target per month, and how many months it was multiplied by. */
  targetDefault: number | null;
  targetMonths: number;
  attainment: number | null;
  scoring: Scoring;
  feedback: (FeedbackParts & { ratings: number }) | null;
  /** 客户360评价: the customers' mean rating (null: none), how many, and the ratings' share. */
  customers: { mean: number | null; ratings: number; share: number } | null;
  score: number | null;
  outcome: IndicatorOutcome;
  reason: ReasonCode;
  /** Weight in the dimension as the plan sets it, and as used after leaving out indicators. */
  weight: number;
  effectiveWeight: number;
  /** Share of the total this indicator carries: effective weight × the dimension's effective weight. */
  totalWeight: number;
  /** Points of the total: score × totalWeight. */
  contribution: number | null;
  /** Points of the total missed against a full score (100): (100 − score) × totalWeight. */
  shortfall: number | null;
}

export interface DimensionTrace {
  key: string;
  name: LocalizedText;
  weight: number;
  effectiveWeight: number;
  score: number | null;
  excluded: boolean;
  contribution: number | null;
}

export interface GradeTrace {
  label: string | null;
  name: LocalizedText | null;
  rule: "band" | "forced" | "none";
  /** The band reached (rule "band"). */
  bandMin: number | null;
  /** Forced distribution: rank in the group, group size, group, cut-off ranks per grade. */
  rank: number;
  groupSize: number;
  group: string;
  cutoffs: number[];
}

export interface CoefficientTrace {
  value: number | null;
  rule: "grade" | "matrix";
  grade: string | null;
  attainment: number | null;
  collection: number | null;
  rowThreshold: number | null;
  columnThreshold: number | null;
}

export interface CommissionMonthTrace {
  period: string;
  basis: "collected" | "signed";
  amount: number | null;
  boundScale: number | null;
  method: "marginal" | "whole";
  slices: CommissionSlice[];
  gross: number | null;
  gate: "open" | "attainment" | "grade";
  attainment: number | null;
  capped: boolean;
  cap: number | null;
  earned: number | null;
  paidShare: number;
  paidNow: number | null;
  deferred: number | null;
  clawback: number;
  recovered: number | null;
  balance: number;
  net: number | null;
  status: "ok" | "basisMissing" | "targetMissing" | "gradeMissing" | "conflict";
}

export interface PayMonthTrace {
  period: string;
  share: number | null;
  baseSalary: number | null;
  base: number | null;
  performanceStandardFull: number | null;
  performanceStandard: number | null;
  commission: number | null;
  /** 团队提成 of the month (0 for people who lead no team). */
  teamCommission: number | null;
  adjustment: number;
}

export type { PayListMonthTrace };

export interface PayTrace {
  months: PayMonthTrace[];
  /** The pay list's lines of the row's months. */
  payList: PayListMonthTrace[];
  /** "quarterEnd" or "monthlyAdvance" (monthly evaluation pays each month: "quarterEnd"). */
  schedule: "quarterEnd" | "monthlyAdvance";
  /** The guarantee's top-ups and recoveries of the row's months (null without the guarantee). */
  guaranteeTopUp: number | null;
  guaranteeRecovered: number | null;
  /** The row's appeals (every status) and 申诉调整, their upheld amounts (null: held up or months). */
  appeals: AppealTrace[];
  appealAdjustment: number | null;
  base: number | null;
  performanceStandard: number | null;
  coefficient: number | null;
  performancePay: number | null;
  commission: number | null;
  teamCommission: number | null;
  bonus: number | null;
  total: number | null;
}

export interface ScorecardTrace {
  subject: { id: string; name: string; team: string; period: string };
  kind: "month" | "quarter";
  plan: { name: LocalizedText; version: string; effectiveDate: string };
  months: string[];
  sources: SourceRef[];
  indicators: IndicatorTrace[];
  dimensions: DimensionTrace[];
  total: number | null;
  renormalized: boolean;
  grade: GradeTrace;
  coefficient: CoefficientTrace;
  commission: CommissionMonthTrace[];
  /** 团队提成, month by month, when the person leads a team (else empty). */
  team: TeamMonthTrace[];
  pay: PayTrace;
  status: "ok" | "warning" | "error";
  problems: Issue[];
  /** Indicator keys with the largest contributions, and with the largest weighted shortfalls. */
  strengths: string[];
  gaps: string[];
}

const STATE_NAMES = ["ok", "blank", "invalid", "absent"] as const;
const OUTCOMES: IndicatorOutcome[] = ["scored", "zeroed", "excluded", "error"];
const STATUS_NAMES = ["ok", "warning", "error"] as const;

function fieldTrace(
  cp: CompiledPlan,
  frame: Frame,
  months: Frame,
  r: number,
  key: string
): FieldTrace {
  const k = cp.fieldIndex.get(key)!;
  const def = cp.plan.fields[k];
  const values = months.values[k];
  const states = months.states[k];
  const sources = months.sources;
  const monthValues: MonthValue[] = [];
  for (let m = frame.first[r]; m < frame.end[r]; m++)
    monthValues.push({
      period: months.periods[m],
      value: orNull(values[m]),
      state: STATE_NAMES[states[m]],
      source: sources[m],
    });
  return {
    key,
    name: def.name,
    unit: def.unit,
    aggregate: def.aggregate,
    value: orNull(frame.values[k][r]),
    state: STATE_NAMES[frame.states[k][r]],
    months: monthValues,
  };
}

/** The located problems of one row of a score set (month or evaluation period). */
export function rowProblems(ev: Evaluation, set: ScoreSet, r: number): Issue[] {
  const cp = ev.compiled;
  const frame = set.frame;
  const out: Issue[] = [];
  const subject = { id: frame.ids[r], period: frame.periods[r] };
  const months = ev.months.frame;
  for (let m = frame.first[r]; m < frame.end[r]; m++) {
    if (months.conflicts[m]) {
      const src = months.sources[m];
      out.push(
        issue(
          "error",
          "rowConflict",
          { period: months.periods[m], row: src.row, other: months.conflicts[m] },
          { subject, location: { sheet: src.sheet, row: src.row } }
        )
      );
    }
  }
  for (let i = 0; i < set.nIndicators; i++) {
    const st = set.indicatorStatus[r * set.nIndicators + i];
    if (st === IndicatorStatus.Scored) continue;
    const ind = cp.indicators[i];
    const input = readIndicator(ind, frame, r, ev.feedback);
    const reason = REASON_CODES[input.reason];
    const fieldName =
      input.reasonField >= 0 ? cp.plan.fields[input.reasonField].name : { en: "", zh: "" };
    const cause = CAUSES[reason];
    const causeText = {
      en: cause.en.replace("{field}", fieldName.en),
      zh: cause.zh.replace("{field}", fieldName.zh),
    };
    const outcome =
      st === IndicatorStatus.Error
        ? "error"
        : st === IndicatorStatus.Zeroed
          ? "zeroed"
          : "excluded";
    // Locate the month row whose cell caused it.
    let location: Issue["location"];
    if (input.reasonField >= 0) {
      const k = input.reasonField;
      const culprit =
        membersOf(frame, r).find((m) => months.states[k][m] !== CellState.Ok) ?? frame.first[r];
      const src = months.sources[culprit];
      const key = cp.fieldKeys[k];
      location = {
        sheet: src.sheet,
        row: src.row,
        column: src.columns?.[key],
        header: fieldName.zh,
      };
    } else if (input.reason === Reason.NoCustomerRatings) {
      // no cell is at fault: the person's Data row of the period, whose score lacks the ratings
      const src = months.sources[frame.first[r]];
      location = { sheet: src.sheet, row: src.row };
    }
    out.push(
      issue(
        st === IndicatorStatus.Error ? "error" : "warning",
        "indicatorProblem",
        { indicator: ind.def.name, cause: causeText, consequence: CONSEQUENCES[outcome] },
        { subject, location }
      )
    );
  }
  return out;
}

/** Dimension traces with their effective weights after leaving out dimensions. */
function dimensionTraces(ev: Evaluation, set: ScoreSet, r: number): DimensionTrace[] {
  const cp = ev.compiled;
  const nd = set.nDimensions;
  let totalDen = 0;
  for (let d = 0; d < nd; d++)
    if (!set.dimensionExcluded[r * nd + d]) totalDen += cp.dimensionWeights[d];
  return cp.plan.dimensions.map((d, di) => {
    const excluded = set.dimensionExcluded[r * nd + di] === 1;
    const eff = excluded ? 0 : effectiveWeight(d.weight, totalDen);
    const score = orNull(set.dimensionScores[r * nd + di]);
    return {
      key: d.key,
      name: d.name,
      weight: d.weight,
      effectiveWeight: eff,
      score,
      excluded,
      contribution: score === null ? null : score * eff,
    };
  });
}

/** The input fields of each indicator of a compiled plan, listed once. */
const indicatorFields = new WeakMap<CompiledPlan, string[][]>();
function fieldsOf(cp: CompiledPlan, i: number): string[] {
  let all = indicatorFields.get(cp);
  if (!all) indicatorFields.set(cp, (all = cp.indicators.map((x) => inputFields(x.def.input))));
  return all[i];
}

/** One indicator's trace: its reading, score, outcome and effective weight in its dimension. */
function indicatorTrace(
  ev: Evaluation,
  set: ScoreSet,
  r: number,
  i: number,
  dimensions: readonly DimensionTrace[],
  fieldTraces: Map<string, FieldTrace>
): IndicatorTrace {
  const cp = ev.compiled;
  const frame = set.frame;
  const ni = set.nIndicators;
  const ind = cp.indicators[i];
  const input = readIndicator(ind, frame, r, ev.feedback);
  const st = set.indicatorStatus[r * ni + i] as IndicatorStatus;
  const score = orNull(set.indicatorScores[r * ni + i]);
  const counted = st === IndicatorStatus.Scored || st === IndicatorStatus.Zeroed;
  const dimCounted = set.dimensionWeightCounted[r * set.nDimensions + ind.dimension];
  const eff = counted ? effectiveWeight(ind.weight, dimCounted) : 0;
  const totalWeight = eff * dimensions[ind.dimension].effectiveWeight;
  const def = ind.def;
  const reasonOk = input.reason === Reason.None;
  return {
    key: def.key,
    name: def.name,
    dimension: def.dimension,
    unit: def.unit,
    direction: def.direction,
    input: def.input,
    // a field several indicators read (the sales amount) is traced once per explanation
    fields: fieldsOf(cp, i).map((f) => {
      let t = fieldTraces.get(f);
      if (!t) fieldTraces.set(f, (t = fieldTrace(cp, frame, ev.months.frame, r, f)));
      return t;
    }),
    actual: reasonOk || !Number.isNaN(input.actual) ? orNull(input.actual) : null,
    target: orNull(input.target),
    targetSource: input.targetSource,
    targetDefault: def.target.default,
    targetMonths: input.targetSource === "default" && ind.additive ? frame.monthCount[r] : 1,
    attainment: reasonOk && Number.isFinite(input.attainment) ? input.attainment : null,
    scoring: def.scoring,
    feedback: input.feedback
      ? {
          ...input.feedback,
          ratings: ev.feedback.ratingsFor(frame.ids[r], frame.periods[r]).length,
        }
      : null,
    customers: def.input.kind === "customer360" ? customersOf(ev, frame, r, ind.share) : null,
    score: reasonOk ? input.score : score,
    outcome: OUTCOMES[st],
    reason: REASON_CODES[input.reason],
    weight: ind.weight,
    effectiveWeight: eff,
    totalWeight,
    contribution: score === null || !counted ? null : score * totalWeight,
    shortfall: score === null || !counted ? null : Math.max(0, 100 - score) * totalWeight,
  };
}

/** The customers' 360 ratings a 客户360评价 input reads for a row. */
function customersOf(ev: Evaluation, frame: Frame, r: number, share: number) {
  const id = frame.ids[r];
  const period = frame.periods[r];
  const ratings = ev.feedback.ratingsFor(id, period).filter((x) => x.rater === "customer").length;
  return { mean: ev.feedback.customerMean(id, period), ratings, share };
}

/** Whether any weight was scaled up: a dimension or an indicator counted at other than its share. */
function isRenormalized(
  ev: Evaluation,
  set: ScoreSet,
  r: number,
  indicators: readonly IndicatorTrace[]
): boolean {
  const cp = ev.compiled;
  const nd = set.nDimensions;
  let totalDen = 0;
  for (let d = 0; d < nd; d++)
    if (!set.dimensionExcluded[r * nd + d]) totalDen += cp.dimensionWeights[d];
  if (totalDen > 0 && Math.abs(totalDen - 1) > 1e-12) return true;
  return indicators.some((t, i) => {
    const counted = t.outcome === "scored" || t.outcome === "zeroed";
    const den = set.dimensionWeightCounted[r * nd + cp.indicators[i].dimension];
    return counted && Math.abs(den - 1) > 1e-12;
  });
}

const NO_GRADE: GradeTrace = {
  label: null,
  name: null,
  rule: "none",
  bandMin: null,
  rank: 0,
  groupSize: 0,
  group: "",
  cutoffs: [],
};

/** The grade of an evaluation row: the rule, band or rank, and the cut-offs of its group. */
function gradeTrace(ev: Evaluation, r: number): GradeTrace {
  const g = ev.compiled.plan.grading;
  const gr = ev.grading;
  const gi = gr.gradeIndex[r];
  const def = gi >= 0 ? g.grades[gi] : null;
  const forced = gr.rule[r] === GradeRule.Forced;
  return {
    label: def ? def.label : null,
    name: def ? def.name : null,
    rule: forced ? "forced" : gr.rule[r] === GradeRule.Band ? "band" : "none",
    bandMin: def && gr.rule[r] === GradeRule.Band ? def.min : null,
    rank: gr.rank[r],
    groupSize: gr.groupSize[r],
    group: gr.groups[r],
    cutoffs: forced ? groupCutoffs(ev.compiled, gr.groupSize[r]) : [],
  };
}

/** The coefficient of an evaluation row: by grade, or the matrix cell and the thresholds reached. */
function coefficientTrace(ev: Evaluation, r: number): CoefficientTrace {
  const g = ev.compiled.plan.grading;
  const gr = ev.grading;
  const gi = gr.gradeIndex[r];
  const att = orNull(gr.matrixAttainment[r]);
  const col = orNull(gr.matrixCollection[r]);
  const matrix = g.coefficientMode === "matrix";
  return {
    value: orNull(gr.coefficient[r]),
    rule: g.coefficientMode,
    grade: gi >= 0 ? g.grades[gi].label : null,
    attainment: att,
    collection: col,
    rowThreshold: matrix && att !== null ? thresholdReached(att, g.matrix.rows) : null,
    columnThreshold: matrix && col !== null ? thresholdReached(col, g.matrix.columns) : null,
  };
}

/** A month of the commission ledger as the explanation shows it, with its tier slices. */
function commissionMonthTrace(ev: Evaluation, m: number): CommissionMonthTrace {
  const plan = ev.compiled.plan;
  const L = ev.ledger;
  const c = plan.commission;
  const amount = orNull(L.basis[m]);
  const scale = orNull(L.boundScale[m]);
  const slices =
    amount !== null && scale !== null && L.status[m] === CommissionStatus.Ok
      ? commissionSlices(
          amount > 0 ? amount : 0,
          c.tiers.map((t) => t.from * scale),
          c.tiers.map((t) => t.rate),
          c.method
        )
      : [];
  return {
    period: ev.months.frame.periods[m],
    basis: c.basis,
    amount,
    boundScale: scale,
    method: c.method,
    slices,
    gross: orNull(L.gross[m]),
    gate:
      L.gate[m] === Gate.Attainment ? "attainment" : L.gate[m] === Gate.Grade ? "grade" : "open",
    attainment: orNull(L.attainment[m]),
    capped: L.capped[m] === 1,
    cap: c.capPerMonth,
    earned: orNull(L.earned[m]),
    paidShare: c.paidShare,
    paidNow: orNull(L.paidNow[m]),
    deferred: orNull(L.deferred[m]),
    clawback: L.clawback[m],
    recovered: orNull(L.recovered[m]),
    balance: L.balance[m],
    net: orNull(L.net[m]),
    status: COMMISSION_STATUS_NAMES[L.status[m]],
  };
}

const COMMISSION_STATUS_NAMES = [
  "ok",
  "basisMissing",
  "targetMissing",
  "gradeMissing",
  "conflict",
] as const;

/** The problems of a month's commission and pay inputs. */
function monthProblems(
  ev: Evaluation,
  m: number,
  status: CommissionMonthTrace["status"],
  problems: Issue[]
): void {
  const cp = ev.compiled;
  const plan = cp.plan;
  const months = ev.months.frame;
  const period = months.periods[m];
  const basisKey = plan.commission.basis === "collected" ? "collected" : "sales_amount";
  const basisField = cp.fieldIndex.get(basisKey);
  if (status === "basisMissing" && basisField !== undefined)
    out(
      problems,
      "error",
      "commissionBasisMissing",
      { period, field: plan.fields[basisField].name },
      months,
      m
    );
  if (status === "targetMissing")
    out(problems, "error", "commissionTargetMissing", { period }, months, m);
  if (status === "gradeMissing")
    out(problems, "error", "commissionGradeMissing", { period }, months, m);
  const p = cp.pay;
  for (const k of [
    p.baseSalary,
    p.performancePay,
    ...(plan.pay.prorate ? [p.daysWorked, p.daysInPeriod] : []),
  ]) {
    if (k >= 0 && monthValue(ev, k, m) === null && status !== "conflict")
      out(
        problems,
        "error",
        "payInputMissing",
        { period, field: plan.fields[k].name },
        months,
        m,
        cp.fieldKeys[k]
      );
  }
}

function monthValue(ev: Evaluation, k: number, m: number): number | null {
  const months = ev.months.frame;
  return k >= 0 && months.states[k][m] === CellState.Ok ? months.values[k][m] : null;
}

function payMonthTrace(ev: Evaluation, m: number): PayMonthTrace {
  const p = ev.compiled.pay;
  const mp = ev.monthPay;
  return {
    period: ev.months.frame.periods[m],
    share: orNull(mp.share[m]),
    baseSalary: monthValue(ev, p.baseSalary, m),
    base: orNull(mp.base[m]),
    performanceStandardFull: monthValue(ev, p.performancePay, m),
    performanceStandard: orNull(mp.performanceStandard[m]),
    commission: orNull(mp.commission[m]),
    teamCommission: orNull(mp.teamCommission[m]),
    adjustment: mp.adjustment[m],
  };
}

/** The pay of the row: an evaluation period's sums and coefficient, or a month's lines. */

/** The explanation of one row of a score set: evaluation rows by default. */
export function explain(
  ev: Evaluation,
  r: number,
  which: "periods" | "months" = "periods"
): ScorecardTrace {
  const plan = ev.compiled.plan;
  const set = which === "periods" ? ev.periods : ev.months;
  const frame = set.frame;
  const months = ev.months.frame;
  const isPeriods = which === "periods";
  const dimensions = dimensionTraces(ev, set, r);
  const fieldTraces = new Map<string, FieldTrace>();
  const indicators = ev.compiled.indicators.map((_, i) =>
    indicatorTrace(ev, set, r, i, dimensions, fieldTraces)
  );
  const total = orNull(set.totals[r]);
  const problems = rowProblems(ev, set, r);
  // Grade and coefficient (evaluation rows only).
  let grade = NO_GRADE;
  let coefficient: CoefficientTrace = {
    value: null,
    rule: plan.grading.coefficientMode,
    grade: null,
    attainment: null,
    collection: null,
    rowThreshold: null,
    columnThreshold: null,
  };
  if (isPeriods) {
    const gi = ev.grading.gradeIndex[r];
    grade = gradeTrace(ev, r);
    if (total !== null && gi < 0) out(problems, "error", "noGrade", { score: total }, frame, r);
    coefficient = coefficientTrace(ev, r);
    if (gi >= 0 && coefficient.value === null)
      out(problems, "error", "coefficientMatrixInputs", {}, frame, r);
  }
  // Commission and pay, month by month.
  const memberRows = isPeriods ? membersOf(frame, r) : [r];
  const monthSources = months.sources;
  const commission: CommissionMonthTrace[] = [];
  const payMonths: PayMonthTrace[] = [];
  const team: TeamMonthTrace[] = [];
  for (const m of memberRows) {
    const month = commissionMonthTrace(ev, m);
    commission.push(month);
    monthProblems(ev, m, month.status, problems);
    payMonths.push(payMonthTrace(ev, m));
    if (ev.ledger.teamLead[m] >= 0) {
      team.push(teamMonthTrace(ev, m));
      problems.push(...teamProblems(ev, m));
    }
  }
  problems.push(
    ...absentLeadIssues(ev, frame.ids[r], frame.periods[r]),
    ...(isPeriods ? appealIssues(ev.appeals, frame.ids[r], frame.periods[r]) : [])
  );
  const [strengths, gaps] = strengthsAndGaps(indicators);
  return {
    subject: {
      id: frame.ids[r],
      name: frame.names[r],
      team: frame.teams[r],
      period: frame.periods[r],
    },
    kind: isPeriods && set !== ev.months ? "quarter" : "month",
    plan: { name: plan.name, version: plan.version, effectiveDate: plan.effectiveDate },
    months: memberRows.map((m) => months.periods[m]),
    sources: membersOf(frame, r).map((m) => monthSources[m]),
    indicators,
    dimensions,
    total,
    renormalized: isRenormalized(ev, set, r, indicators),
    grade,
    coefficient,
    commission,
    team,
    pay: payTrace(ev, r, isPeriods, payMonths),
    status: STATUS_NAMES[set.status[r] as RowStatus],
    problems,
    strengths,
    gaps,
  };
}

function out(
  list: Issue[],
  severity: "error" | "warning",
  code: MessageKey,
  params: Record<string, string | number | LocalizedText>,
  frame: Frame,
  r: number,
  fieldKey?: string
): void {
  const src = frame.sources[r];
  list.push(
    issue(severity, code, params, {
      subject: { id: frame.ids[r], period: frame.periods[r] },
      location: src
        ? { sheet: src.sheet, row: src.row, column: fieldKey ? src.columns?.[fieldKey] : undefined }
        : undefined,
    })
  );
}

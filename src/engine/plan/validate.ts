/**
 * Plan validation: every problem at once, each with a path into the plan. Errors stop the plan
 * from paying anyone; warnings (a weight outside the seed's range, say) are shown and allowed.
 */
import { checkAscending, describeSum } from "../primitives";
import { Issue, issue } from "../issues";
import { type Catalogue, MessageKey, MessageParams } from "../messages";
import { weightScale } from "../numeric";
import type { Indicator, Plan } from "./model";
import {
  guaranteeOf,
  inputFields,
  PAY_FIELDS,
  paySchedule,
  RATING_SCALES,
  reviewOf,
  teamCommission,
} from "./model";
import { PLAN_LIMITS } from "./schema";

export const PLAN_MESSAGES = {
  planUnreadable: { en: "The plan cannot be checked: {reason}", zh: "无法检查方案：{reason}" },
  planNameBlank: { en: "The plan has no name.", zh: "方案名称为空。" },
  planVersionBlank: { en: "The plan has no version.", zh: "方案版本为空。" },
  planDateInvalid: {
    en: '"{value}" is not a date; write the effective date as 2024-01-01.',
    zh: "“{value}”不是有效日期，生效日期请写成 2024-01-01。",
  },
  keyInvalid: {
    en: '"{key}" is not a valid key: use letters, digits and underscores.',
    zh: "“{key}”不是有效的键：只能使用字母、数字和下划线。",
  },
  keyDuplicate: { en: '"{key}" is used twice.', zh: "“{key}”重复。" },
  payFieldMissing: {
    en: 'The data field "{key}" is needed for pay and commission but the plan has none.',
    zh: "薪酬与提成需要数据字段“{key}”，但方案中没有。",
  },
  noDimensions: { en: "The plan has no dimensions.", zh: "方案没有任何考核维度。" },
  dimensionWeightsSum: {
    en: "Dimension weights sum to {sum}; they must sum to 100%.",
    zh: "各维度权重合计为 {sum}，必须合计为 100%。",
  },
  weightNegativePlan: {
    en: "{name}: the weight is negative ({value}).",
    zh: "{name}：权重为负数（{value}）。",
  },
  dimensionOutOfRange: {
    en: "{name}: the weight {value} lies outside the recommended range {min}–{max}.",
    zh: "{name}：权重 {value} 超出建议范围 {min}–{max}。",
  },
  dimensionEmpty: { en: "{name} has no indicators.", zh: "{name}没有任何指标。" },
  indicatorWeightsSum: {
    en: "{name}: indicator weights sum to {sum}; they must sum to 100%.",
    zh: "{name}：指标权重合计为 {sum}，必须合计为 100%。",
  },
  unknownDimension: {
    en: '{name}: the dimension "{key}" does not exist.',
    zh: "{name}：维度“{key}”不存在。",
  },
  unknownField: {
    en: '{name}: the data field "{key}" does not exist.',
    zh: "{name}：数据字段“{key}”不存在。",
  },
  feedbackMismatch: {
    en: "{name}: 360 feedback input needs the feedback scoring method, and the other way round.",
    zh: "{name}：360 反馈输入必须使用“360 反馈”计分方式，反之亦然。",
  },
  customer360Share: {
    en: "{name}: the customers' 360 share {value} must be above 0% and at most 100%.",
    zh: "{name}：客户360评价占比 {value} 必须大于 0% 且不超过 100%。",
  },
  customer360Survey: {
    en: "{name}: a customers' 360 share of {value} blends the ratings with a survey field; name the field (or set the share to 100% to take the ratings alone).",
    zh: "{name}：客户360评价占比为 {value} 时需与调研字段加权，请指定该字段（或把占比设为 100%，只用客户评价）。",
  },
  targetNeeded: {
    en: "{name}: {method} scoring needs a target: a data column or a default target.",
    zh: "{name}：{method}计分需要目标值：数据列或默认目标值。",
  },
  targetInvalid: {
    en: "{name}: the default target {value} must be above 0.",
    zh: "{name}：默认目标值 {value} 必须大于 0。",
  },
  noGrades: { en: "The plan has no grades.", zh: "方案没有任何等级。" },
  gradesOrder: {
    en: "Grades must be listed best first with falling minimum scores; {label} ({min}) is not below {previous} ({previousMin}).",
    zh: "等级须从高到低排列且最低分递减；{label}（{min}）不低于 {previous}（{previousMin}）。",
  },
  gradeBelowZero: {
    en: "The lowest grade starts at {min}: a total below it gets no grade.",
    zh: "最低等级的起点为 {min}，低于该分数的总分将没有等级。",
  },
  coefficientNegative: {
    en: "Grade {label}: the coefficient is negative ({value}).",
    zh: "等级 {label}：绩效系数为负数（{value}）。",
  },
  quotasSumPlan: {
    en: "Distribution quotas sum to {sum}; they must sum to 100%.",
    zh: "强制分布比例合计为 {sum}，必须合计为 100%。",
  },
  quotaNegativePlan: {
    en: "Grade {label}: the quota is negative ({value}).",
    zh: "等级 {label}：分布比例为负数（{value}）。",
  },
  matrixShape: {
    en: "The coefficient matrix must have {rows} rows of {columns} values.",
    zh: "系数矩阵必须有 {rows} 行、每行 {columns} 个数值。",
  },
  noTiers: { en: "Commission has no tiers.", zh: "提成没有任何阶梯。" },
  tiersOrder: {
    en: "Commission tiers: bound {value} in tier {row} must be above {previous}.",
    zh: "提成阶梯：第 {row} 档的起点 {value} 必须大于 {previous}。",
  },
  tierRateNegative: {
    en: "Commission tier {row}: the rate is negative ({value}).",
    zh: "提成第 {row} 档：提成比例为负数（{value}）。",
  },
  tierRateHigh: {
    en: "Commission tier {row}: the rate {value} is above 100%.",
    zh: "提成第 {row} 档：提成比例 {value} 超过 100%。",
  },
  tierBoundNegative: {
    en: "Commission tier 1 starts below 0 ({value}).",
    zh: "提成第 1 档起点小于 0（{value}）。",
  },
  gateGradeUnknown: {
    en: 'The commission gate names grade "{label}", which the plan does not have.',
    zh: "提成门槛中的等级“{label}”在方案中不存在。",
  },
  promotionGradeUnknown: {
    en: 'The promotion rule names grade "{label}", which the plan does not have.',
    zh: "晋升规则中的等级“{label}”在方案中不存在。",
  },
  valueOutOfRange: {
    en: "{name} is {value}; it must lie between {min} and {max}.",
    zh: "{name}为 {value}，必须介于 {min} 与 {max} 之间。",
  },
  annualWeightsSum: {
    en: "Annual score weights (quarters and 360) sum to {sum}; they must sum to 100%.",
    zh: "年度得分权重（各季度与 360 评价）合计为 {sum}，必须合计为 100%。",
  },
  feedbackWeightsSumPlan: {
    en: "360 weights (superior, peers, customers) sum to {sum}; they must sum to 100%.",
    zh: "360 评价权重（上级、同事、客户）合计为 {sum}，必须合计为 100%。",
  },
  teamNoTiers: { en: "Team commission has no tiers.", zh: "团队提成没有任何阶梯。" },
  teamTiersOrder: {
    en: "Team commission tiers: bound {value} in tier {row} must be above {previous}.",
    zh: "团队提成阶梯：第 {row} 档的起点 {value} 必须大于 {previous}。",
  },
  teamTierBoundNegative: {
    en: "Team commission tier 1 starts below 0 ({value}).",
    zh: "团队提成第 1 档起点小于 0（{value}）。",
  },
  teamTierRateRange: {
    en: "Team commission tier {row}: the rate {value} must lie between 0% and 100%.",
    zh: "团队提成第 {row} 档：提成比例 {value} 必须介于 0% 与 100% 之间。",
  },
  teamLeadTeamBlank: {
    en: "Team lead {row}: the team is blank.",
    zh: "第 {row} 位团队负责人：团队为空。",
  },
  teamLeadIdBlank: {
    en: "Team lead {row}: the employee ID is blank.",
    zh: "第 {row} 位团队负责人：员工编号为空。",
  },
  teamLeadTwice: {
    en: "{id} is named as the lead of two teams ({team} and {other}); a lead is paid on one team.",
    zh: "{id} 同时被指定为两个团队（{team} 和 {other}）的负责人；每位负责人只按一个团队计提。",
  },
  teamTwice: {
    en: "The team {team} has two leads ({id} and {other}); a team has one lead.",
    zh: "团队“{team}”有两位负责人（{id} 和 {other}）；每个团队只能有一位负责人。",
  },
  teamNoLeads: {
    en: "Team commission is on but names no team lead, so nobody is paid on it.",
    zh: "已启用团队提成，但未指定任何团队负责人，因此不会发放团队提成。",
  },
  enumInvalid: {
    en: '{name}: "{value}" is not one of {allowed}.',
    zh: "{name}：“{value}”不是 {allowed} 之一。",
  },
} satisfies Catalogue;

const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

function pct(v: number): string {
  return describeSum(v);
}

/**
 * Validates a plan. An empty list, or warnings only, means the plan may be used. A plan that is
 * not even shaped like one (a damaged plan file) gives one error saying why, never an exception.
 */
export function validatePlan(plan: Plan): Issue[] {
  try {
    return checkPlan(plan);
  } catch (e) {
    return [
      issue("error", "planUnreadable", { reason: e instanceof Error ? e.message : String(e) }),
    ];
  }
}

/** The issues found so far, in the order they are found. */
class Found {
  readonly out: Issue[] = [];
  err(path: string, code: MessageKey, params: MessageParams = {}): void {
    this.out.push(issue("error", code, params, { path }));
  }
  warn(path: string, code: MessageKey, params: MessageParams = {}): void {
    this.out.push(issue("warning", code, params, { path }));
  }
  /** An enumeration's value outside its allowed values. */
  oneOf(path: string, name: MessageParams[string], value: unknown, allowed: readonly unknown[]) {
    if (!allowed.includes(value))
      this.err(path, "enumInvalid", { name, value: String(value), allowed: allowed.join(", ") });
  }
}

function checkPlan(plan: Plan): Issue[] {
  const f = new Found();
  if (!checkSizes(f, plan)) return f.out;
  checkHeading(f, plan);
  const fieldKeys = checkFields(f, plan);
  const dimKeys = checkDimensions(f, plan);
  checkIndicators(f, plan, fieldKeys, dimKeys);
  const labels = checkGrades(f, plan);
  checkMatrix(f, plan);
  checkCommission(f, plan, labels);
  checkTeamCommission(f, plan);
  checkPayAndPeriods(f, plan);
  checkReview(f, plan, labels);
  return f.out;
}

/** The promotion rule's grades and years, the profit-share pool and rounding. */
function checkReview(f: Found, plan: Plan, labels: ReadonlySet<string>): void {
  const { promotion: p, profitShare: s } = reviewOf(plan);
  const known = (label: string | null) => label === null || labels.has(label.trim().toLowerCase());
  if (p.enabled && !known(p.minGrade))
    f.err("review.promotion.minGrade", "promotionGradeUnknown", { label: p.minGrade });
  if (p.enabled && !known(p.worstGrade))
    f.err("review.promotion.worstGrade", "promotionGradeUnknown", { label: p.worstGrade ?? "" });
  if (!(Number.isInteger(p.years) && p.years >= 1 && p.years <= 5))
    f.err("review.promotion.years", "valueOutOfRange", {
      name: { en: "Promotion: years running", zh: "晋升：连续年数" },
      value: p.years,
      min: 1,
      max: 5,
    });
  if (!(s.pool >= 0 && Number.isFinite(s.pool)))
    f.err("review.profitShare.pool", "valueOutOfRange", {
      name: { en: "Profit-share pool", zh: "分红池金额" },
      value: s.pool,
      min: 0,
      max: "∞",
    });
  f.oneOf(
    "review.profitShare.decimals",
    { en: "Profit share: decimals", zh: "分红：保留小数位" },
    s.decimals,
    [0, 2]
  );
}

/** What the plan workbook's sheets can lay out (a Plan sheet can be made to hold more). */
function checkSizes(f: Found, plan: Plan): boolean {
  const sizes = [
    ["fields", plan.fields.length, PLAN_LIMITS.fields],
    ["dimensions", plan.dimensions.length, PLAN_LIMITS.dimensions],
    ["indicators", plan.indicators.length, PLAN_LIMITS.indicators],
    ["grading.grades", plan.grading.grades.length, PLAN_LIMITS.grades],
    ["commission.tiers", plan.commission.tiers.length, PLAN_LIMITS.tiers],
    ["commission.team.tiers", plan.commission.team?.tiers.length ?? 0, PLAN_LIMITS.teamTiers],
    ["commission.team.leads", plan.commission.team?.leads.length ?? 0, PLAN_LIMITS.teamLeads],
  ] as const;
  for (const [path, count, max] of sizes)
    if (count > max) f.err(path, "shapeTooMany", { count, max });
  return !sizes.some(([, count, max]) => count > max);
}

function checkHeading(f: Found, plan: Plan): void {
  if (!plan.name?.en?.trim() && !plan.name?.zh?.trim()) f.err("name", "planNameBlank");
  if (!String(plan.version ?? "").trim()) f.err("version", "planVersionBlank");
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(plan.effectiveDate) ||
    Number.isNaN(Date.parse(plan.effectiveDate))
  ) {
    f.err("effectiveDate", "planDateInvalid", { value: String(plan.effectiveDate) });
  }
}

/** Field keys valid and unique, and the fields pay and commission read present; the keys. */
function checkFields(f: Found, plan: Plan): Set<string> {
  const fieldKeys = new Set<string>();
  plan.fields.forEach((x, i) => {
    const path = `fields[${i}]`;
    if (!KEY.test(x.key)) f.err(path, "keyInvalid", { key: x.key });
    if (fieldKeys.has(x.key)) f.err(path, "keyDuplicate", { key: x.key });
    fieldKeys.add(x.key);
  });
  const needed: string[] = [
    PAY_FIELDS.daysWorked,
    PAY_FIELDS.daysInPeriod,
    PAY_FIELDS.baseSalary,
    PAY_FIELDS.performancePay,
  ];
  needed.push(plan.commission.basis === "collected" ? PAY_FIELDS.collected : PAY_FIELDS.signed);
  if (
    plan.commission.boundType === "attainment" ||
    plan.commission.gate.minAttainment !== null ||
    plan.grading.coefficientMode === "matrix"
  ) {
    needed.push(PAY_FIELDS.signed, PAY_FIELDS.salesTarget);
  }
  if (plan.grading.coefficientMode === "matrix") needed.push(PAY_FIELDS.collected, PAY_FIELDS.due);
  if (guaranteeOf(plan).enabled) needed.push(PAY_FIELDS.serviceMonth);
  for (const k of new Set(needed))
    if (!fieldKeys.has(k)) f.err("fields", "payFieldMissing", { key: k });
  return fieldKeys;
}

/** Dimension keys, weights and their sum; the keys. */
function checkDimensions(f: Found, plan: Plan): Set<string> {
  if (plan.dimensions.length === 0) f.err("dimensions", "noDimensions");
  const dimKeys = new Set<string>();
  let dimSum = 0;
  plan.dimensions.forEach((d, i) => {
    const path = `dimensions.${d.key || i}`;
    if (!KEY.test(d.key)) f.err(path, "keyInvalid", { key: d.key });
    if (dimKeys.has(d.key)) f.err(path, "keyDuplicate", { key: d.key });
    dimKeys.add(d.key);
    if (d.weight < 0)
      f.err(path + ".weight", "weightNegativePlan", { name: d.name, value: pct(d.weight) });
    dimSum += d.weight;
    if (d.weight < d.range.min - 1e-9 || d.weight > d.range.max + 1e-9) {
      f.warn(path + ".weight", "dimensionOutOfRange", {
        name: d.name,
        value: pct(d.weight),
        min: pct(d.range.min),
        max: pct(d.range.max),
      });
    }
  });
  if (plan.dimensions.length > 0 && weightScale(dimSum) !== 1)
    f.err("dimensions", "dimensionWeightsSum", { sum: pct(dimSum) });
  return dimKeys;
}

/** Each indicator, then each dimension's indicators (some, weights summing to 100%). */
function checkIndicators(
  f: Found,
  plan: Plan,
  fieldKeys: ReadonlySet<string>,
  dimKeys: ReadonlySet<string>
): void {
  const indKeys = new Set<string>();
  const sums = new Map<string, number>();
  const counts = new Map<string, number>();
  plan.indicators.forEach((ind, i) => {
    const path = `indicators.${ind.key || i}`;
    const name = ind.name;
    if (!KEY.test(ind.key)) f.err(path, "keyInvalid", { key: ind.key });
    if (indKeys.has(ind.key)) f.err(path, "keyDuplicate", { key: ind.key });
    indKeys.add(ind.key);
    if (!dimKeys.has(ind.dimension))
      f.err(path + ".dimension", "unknownDimension", { name, key: ind.dimension });
    if (ind.weight < 0)
      f.err(path + ".weight", "weightNegativePlan", { name, value: pct(ind.weight) });
    sums.set(ind.dimension, (sums.get(ind.dimension) ?? 0) + ind.weight);
    counts.set(ind.dimension, (counts.get(ind.dimension) ?? 0) + 1);
    f.oneOf(path + ".direction", name, ind.direction, ["higher", "lower"]);
    f.oneOf(path + ".missing", name, ind.missing, ["error", "zero", "renormalize"]);
    for (const r of inputFields(ind.input))
      if (!fieldKeys.has(r)) f.err(path + ".input", "unknownField", { name, key: r });
    if ((ind.input.kind === "feedback") !== (ind.scoring.method === "feedback"))
      f.err(path + ".scoring", "feedbackMismatch", { name });
    if (ind.input.kind === "customer360") checkCustomer360(f, ind, path);
    const needsTarget = checkScoring(f, ind, path);
    checkTarget(f, ind, path, fieldKeys, needsTarget);
  });
  for (const d of plan.dimensions) {
    const n = counts.get(d.key) ?? 0;
    if (n === 0) {
      f.err(`dimensions.${d.key}`, "dimensionEmpty", { name: d.name });
      continue;
    }
    const sum = sums.get(d.key) ?? 0;
    if (weightScale(sum) !== 1)
      f.err(`dimensions.${d.key}.indicators`, "indicatorWeightsSum", {
        name: d.name,
        sum: pct(sum),
      });
  }
}

/** 客户360评价: a share in (0, 100%], and a survey field to blend with below 100%. */
function checkCustomer360(f: Found, ind: Indicator, path: string): void {
  if (ind.input.kind !== "customer360") return;
  const { share, survey } = ind.input;
  if (!(share > 0 && share <= 1))
    f.err(path + ".input", "customer360Share", { name: ind.name, value: pct(share) });
  else if (share < 1 && survey === null)
    f.err(path + ".input", "customer360Survey", { name: ind.name, value: pct(share) });
}

/** An indicator's scoring parameters; whether the method needs a target. */
function checkScoring(f: Found, ind: Indicator, path: string): boolean {
  const name = ind.name;
  const s = ind.scoring;
  const problem = (code: MessageKey, params: MessageParams) =>
    f.out.push(issue("error", code, params, { path: path + ".scoring", label: name }));
  switch (s.method) {
    case "linear":
      if (s.floor < 0) problem("floorNegative", { value: s.floor });
      if (s.cap < s.floor) problem("capBelowFloor", { cap: s.cap, floor: s.floor });
      if (s.fullScore <= 0) problem("fullScoreNotPositive", { value: s.fullScore });
      return true;
    case "curve": {
      if (s.points.length === 0) problem("tableEmpty", { arg: "points" });
      const asc = checkAscending(
        s.points.map((p) => p.x),
        "points"
      );
      if (asc) problem(asc.key, asc.params);
      return s.on === "attainment";
    }
    case "direct":
    case "feedback":
      if (!(s.cap > 0))
        problem("valueOutOfRange", { name: "cap", value: s.cap, min: "0", max: "∞" });
      return false;
    case "deduction":
      if (!(s.fullScore > 0)) problem("fullScoreNotPositive", { value: s.fullScore });
      return false;
    default:
      f.oneOf(path + ".scoring", name, (s as { method: unknown }).method, [
        "linear",
        "curve",
        "direct",
        "deduction",
        "feedback",
      ]);
      return false;
  }
}

function checkTarget(
  f: Found,
  ind: Indicator,
  path: string,
  fieldKeys: ReadonlySet<string>,
  needsTarget: boolean
): void {
  const name = ind.name;
  if (ind.target.field !== null && !fieldKeys.has(ind.target.field))
    f.err(path + ".target", "unknownField", { name, key: ind.target.field });
  if (needsTarget) {
    if (ind.target.field === null && ind.target.default === null)
      f.err(path + ".target", "targetNeeded", { name, method: ind.scoring.method });
    if (ind.target.default !== null && !(ind.target.default > 0))
      f.err(path + ".target", "targetInvalid", { name, value: ind.target.default });
  }
}

/** Grade labels, order, coefficients, quotas, and the grading settings; the labels (lower case). */
function checkGrades(f: Found, plan: Plan): Set<string> {
  const g = plan.grading;
  if (g.grades.length === 0) f.err("grading.grades", "noGrades");
  const labels = new Set<string>();
  let quotaSum = 0;
  g.grades.forEach((gr, i) => {
    const path = `grading.grades.${gr.label || i}`;
    const k = gr.label.trim().toLowerCase();
    if (!k) f.err(path, "keyInvalid", { key: gr.label });
    if (labels.has(k)) f.err(path, "keyDuplicate", { key: gr.label });
    labels.add(k);
    if (i > 0 && !(gr.min < g.grades[i - 1].min)) {
      f.err(path + ".min", "gradesOrder", {
        label: gr.label,
        min: gr.min,
        previous: g.grades[i - 1].label,
        previousMin: g.grades[i - 1].min,
      });
    }
    if (gr.coefficient < 0)
      f.err(path + ".coefficient", "coefficientNegative", {
        label: gr.label,
        value: gr.coefficient,
      });
    if (gr.quota < 0)
      f.err(path + ".quota", "quotaNegativePlan", { label: gr.label, value: gr.quota });
    quotaSum += gr.quota;
  });
  const last = g.grades[g.grades.length - 1];
  if (last && last.min > 0) f.warn("grading.grades", "gradeBelowZero", { min: last.min });
  if (g.mode !== "bands" && g.grades.length > 0 && weightScale(quotaSum) !== 1)
    f.err("grading.grades", "quotasSumPlan", { sum: pct(quotaSum) });
  f.oneOf("grading.mode", "mode", g.mode, ["bands", "forced", "bandsWithCheck"]);
  f.oneOf("grading.group", "group", g.group, ["team", "company"]);
  f.oneOf("grading.coefficientMode", "coefficientMode", g.coefficientMode, ["grade", "matrix"]);
  return labels;
}

/** The coefficient matrix, when the coefficient comes from it: shape, ascending axes, values. */
function checkMatrix(f: Found, plan: Plan): void {
  if (plan.grading.coefficientMode !== "matrix") return;
  const m = plan.grading.matrix;
  if (
    m.rows.length === 0 ||
    m.columns.length === 0 ||
    m.cells.length !== m.rows.length ||
    m.cells.some((r) => r.length !== m.columns.length)
  ) {
    f.err("grading.matrix", "matrixShape", { rows: m.rows.length, columns: m.columns.length });
    return;
  }
  const bad = checkAscending(m.rows, "table") ?? checkAscending(m.columns, "table");
  if (bad) f.err("grading.matrix", bad.key, bad.params);
  m.cells.forEach((r, i) =>
    r.forEach((v, j) => {
      if (!(v >= 0))
        f.err(`grading.matrix.cells[${i}][${j}]`, "coefficientNegative", {
          label: `${m.rows[i]} × ${m.columns[j]}`,
          value: v,
        });
    })
  );
}

/** Commission tiers and settings; `labels` are the grades' (for the gate). */
function checkCommission(f: Found, plan: Plan, labels: ReadonlySet<string>): void {
  const c = plan.commission;
  if (c.tiers.length === 0) f.err("commission.tiers", "noTiers");
  c.tiers.forEach((t, i) => {
    const path = `commission.tiers[${i}]`;
    if (i === 0 && t.from < 0) f.err(path, "tierBoundNegative", { value: t.from });
    if (i > 0 && !(t.from > c.tiers[i - 1].from))
      f.err(path, "tiersOrder", { row: i + 1, value: t.from, previous: c.tiers[i - 1].from });
    if (t.rate < 0) f.err(path, "tierRateNegative", { row: i + 1, value: pct(t.rate) });
    else if (t.rate > 1) f.warn(path, "tierRateHigh", { row: i + 1, value: pct(t.rate) });
  });
  f.oneOf("commission.basis", "basis", c.basis, ["collected", "signed"]);
  f.oneOf("commission.method", "method", c.method, ["marginal", "whole"]);
  f.oneOf("commission.boundType", "boundType", c.boundType, ["currency", "attainment"]);
  f.oneOf("commission.clawback", "clawback", c.clawback, ["carryForward", "deductFromPay"]);
  if (c.gate.minAttainment !== null && !(c.gate.minAttainment >= 0))
    f.err("commission.gate.minAttainment", "valueOutOfRange", {
      name: "minAttainment",
      value: c.gate.minAttainment,
      min: 0,
      max: "∞",
    });
  if (c.gate.minGrade !== null && !labels.has(c.gate.minGrade.trim().toLowerCase()))
    f.err("commission.gate.minGrade", "gateGradeUnknown", { label: c.gate.minGrade });
  if (c.capPerMonth !== null && !(c.capPerMonth >= 0))
    f.err("commission.capPerMonth", "valueOutOfRange", {
      name: "capPerMonth",
      value: c.capPerMonth,
      min: 0,
      max: "∞",
    });
  if (!(c.paidShare >= 0 && c.paidShare <= 1))
    f.err("commission.paidShare", "valueOutOfRange", {
      name: "paidShare",
      value: c.paidShare,
      min: "0%",
      max: "100%",
    });
}

/** The performance-pay schedule and the new-hire guarantee. */
function checkSchedule(f: Found, plan: Plan): void {
  const { schedule, advanceShare } = paySchedule(plan);
  f.oneOf("pay.schedule", "schedule", schedule, ["quarterEnd", "monthlyAdvance"]);
  if (!(advanceShare >= 0 && advanceShare <= 1))
    f.err("pay.advanceShare", "valueOutOfRange", {
      name: "advanceShare",
      value: advanceShare,
      min: "0%",
      max: "100%",
    });
  const g = guaranteeOf(plan);
  if (!(g.minimum >= 0))
    f.err("pay.guarantee.minimum", "valueOutOfRange", {
      name: "guaranteeMinimum",
      value: g.minimum,
      min: 0,
      max: "∞",
    });
  if (!(Number.isInteger(g.months) && g.months >= 1 && g.months <= 120))
    f.err("pay.guarantee.months", "valueOutOfRange", {
      name: "guaranteeMonths",
      value: g.months,
      min: 1,
      max: 120,
    });
}

/** Team commission, when the plan has it: tiers ascending with rates 0–100%, one lead per team. */
function checkTeamCommission(f: Found, plan: Plan): void {
  const t = teamCommission(plan);
  if (!t) return;
  if (t.tiers.length === 0) f.err("commission.team.tiers", "teamNoTiers");
  t.tiers.forEach((x, i) => {
    const path = `commission.team.tiers[${i}]`;
    if (i === 0 && x.from < 0) f.err(path, "teamTierBoundNegative", { value: x.from });
    if (i > 0 && !(x.from > t.tiers[i - 1].from))
      f.err(path, "teamTiersOrder", { row: i + 1, value: x.from, previous: t.tiers[i - 1].from });
    if (!(x.rate >= 0 && x.rate <= 1))
      f.err(path, "teamTierRateRange", { row: i + 1, value: pct(x.rate) });
  });
  f.oneOf("commission.team.method", "method", t.method, ["marginal", "whole"]);
  if (t.leads.length === 0) f.warn("commission.team.leads", "teamNoLeads");
  const teamOf = new Map<string, string>();
  const leadOf = new Map<string, string>();
  t.leads.forEach((l, i) => {
    const path = `commission.team.leads[${i}]`;
    const team = String(l.team ?? "").trim();
    const id = String(l.id ?? "").trim();
    if (!team) f.err(path + ".team", "teamLeadTeamBlank", { row: i + 1 });
    if (!id) f.err(path + ".id", "teamLeadIdBlank", { row: i + 1 });
    if (id && teamOf.has(id))
      f.err(path + ".id", "teamLeadTwice", { id, team: teamOf.get(id)!, other: team });
    if (team && leadOf.has(team))
      f.err(path + ".team", "teamTwice", { team, id: leadOf.get(team)!, other: id });
    if (id && !teamOf.has(id)) teamOf.set(id, team);
    if (team && !leadOf.has(team)) leadOf.set(team, id);
  });
}

/** Pay, the periods and annual weights, the 360 weights and rating scale. */
function checkPayAndPeriods(f: Found, plan: Plan): void {
  if (!(plan.pay.bonusStandard >= 0))
    f.err("pay.bonusStandard", "valueOutOfRange", {
      name: "bonusStandard",
      value: plan.pay.bonusStandard,
      min: 0,
      max: "∞",
    });
  checkSchedule(f, plan);
  f.oneOf("periods.evaluation", "evaluation", plan.periods.evaluation, ["quarter", "month"]);
  const a = plan.periods.annual;
  const annualWeights = [...a.quarterWeights, a.feedbackWeight];
  annualWeights.forEach((w, i) => {
    if (w < 0)
      f.err(`periods.annual[${i}]`, "weightNegativePlan", {
        name: i < 4 ? `Q${i + 1}` : "360",
        value: pct(w),
      });
  });
  if (weightScale(annualWeights.reduce((x, y) => x + y, 0)) !== 1)
    f.err("periods.annual", "annualWeightsSum", {
      sum: pct(annualWeights.reduce((x, y) => x + y, 0)),
    });
  const fw = plan.feedback.weights;
  fw.forEach((w, i) => {
    if (w < 0)
      f.err(`feedback.weights[${i}]`, "weightNegativePlan", {
        name: ["superior", "peers", "customers"][i],
        value: pct(w),
      });
  });
  if (fw.length !== 3 || weightScale(fw.reduce((x, y) => x + y, 0)) !== 1)
    f.err("feedback.weights", "feedbackWeightsSumPlan", {
      sum: pct(fw.reduce((x, y) => x + y, 0)),
    });
  const scale = plan.feedback.scale;
  if (scale !== undefined) f.oneOf("feedback.scale", "scale", scale, RATING_SCALES);
}

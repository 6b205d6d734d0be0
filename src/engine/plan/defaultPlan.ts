/**
 * The default plan, built from the seed (2024年销售人员绩效方案) as shared/spec/plan.md reads it.
 * Numbers the seed does not give are common Chinese HR practice and are only defaults.
 */
import type { Dimension, FieldDef, GradeDef, Indicator, LocalizedText, Plan } from "./model";

function t(en: string, zh: string): LocalizedText {
  return { en, zh };
}

function field(
  key: string,
  en: string,
  zh: string,
  unit: FieldDef["unit"],
  aggregate: FieldDef["aggregate"],
  source: LocalizedText,
  extra: Partial<Pick<FieldDef, "role" | "aliases" | "optional">> = {}
): FieldDef {
  return {
    key,
    name: t(en, zh),
    unit,
    aggregate,
    source,
    role: extra.role ?? "measure",
    aliases: extra.aliases ?? [],
    optional: extra.optional ?? false,
  };
}

const CRM = t("CRM", "CRM系统");
const FINANCE = t("Finance (receivables)", "财务（应收/回款）");
const SURVEY = t("Customer survey", "客户满意度调研");
const HR = t("HR", "人力资源");
const LMS = t("Training records", "培训记录");

export const DEFAULT_FIELDS: FieldDef[] = [
  field("sales_amount", "Signed amount (CNY)", "签约金额(元)", "currency", "sum", CRM, {
    aliases: ["销售额", "签约额", "Signed amount"],
  }),
  field(
    "sales_target",
    "Sales target (CNY)",
    "销售目标(元)",
    "currency",
    "sum",
    t("Sales plan", "销售计划"),
    { role: "target", aliases: ["销售目标", "Target"] }
  ),
  field(
    "prior_sales",
    "Signed amount, same period last year (CNY)",
    "上年同期签约额(元)",
    "currency",
    "sum",
    CRM,
    { aliases: ["上年同期签约额", "Prior year amount"] }
  ),
  field("collected", "Collected (CNY)", "回款金额(元)", "currency", "sum", FINANCE, {
    aliases: ["回款金额", "回款额", "Collections"],
  }),
  field("due", "Receivable due (CNY)", "应收金额(元)", "currency", "sum", FINANCE, {
    aliases: ["应收金额", "Due"],
  }),
  field("new_customers", "New customers", "新签客户数", "count", "sum", CRM),
  field(
    "new_customers_target",
    "New customer target",
    "新客户目标",
    "count",
    "sum",
    t("Sales plan", "销售计划"),
    { role: "target", aliases: ["新签客户目标"] }
  ),
  field(
    "strategic_amount",
    "Strategic products signed (CNY)",
    "重点产品签约额(元)",
    "currency",
    "sum",
    CRM,
    { aliases: ["重点产品签约额", "战略产品签约额"] }
  ),
  field("satisfaction", "Customer satisfaction (0–100)", "客户满意度", "score", "mean", SURVEY, {
    aliases: ["满意度"],
  }),
  field("retention_rate", "Renewal rate", "续约率", "ratio", "mean", CRM, {
    aliases: ["复购率", "复购率/续约率", "Retention rate"],
  }),
  field("clv", "Customer lifetime value (CNY)", "客户生命周期价值(元)", "currency", "mean", CRM, {
    aliases: ["客户生命周期价值", "CLV"],
  }),
  field(
    "complaint_resolution",
    "Complaints resolved on time",
    "投诉处理及时率",
    "ratio",
    "mean",
    t("Service desk", "客服系统"),
    { aliases: ["投诉处理及时率与解决满意度"] }
  ),
  field("visits", "Qualified visits", "有效拜访数", "count", "sum", CRM, { aliases: ["拜访数"] }),
  field("calls", "Calls", "电话沟通量", "count", "sum", CRM, { aliases: ["电话量"] }),
  field("proposals", "Proposals submitted", "方案提交数", "count", "sum", CRM, {
    aliases: ["方案数"],
  }),
  field("leads", "Leads", "线索数", "count", "sum", CRM),
  field("opportunities", "Leads converted to opportunities", "转化商机数", "count", "sum", CRM, {
    aliases: ["商机数"],
  }),
  field("sales_cycle_days", "Average sales cycle (days)", "平均销售周期(天)", "days", "mean", CRM, {
    aliases: ["销售周期", "平均销售周期"],
  }),
  field(
    "product_knowledge",
    "Product knowledge test (0–100)",
    "产品知识测试",
    "score",
    "mean",
    LMS,
    { aliases: ["产品知识"] }
  ),
  field("digital_tools", "CRM usage score (0–100)", "CRM使用评分", "score", "mean", CRM, {
    aliases: ["数字化工具应用"],
  }),
  field("training_hours", "Training hours", "培训时长(小时)", "hours", "sum", LMS, {
    aliases: ["培训时长"],
  }),
  field("deductions", "Compliance deduction points", "违规扣分", "points", "sum", HR, {
    aliases: ["扣分"],
  }),
  field("days_worked", "Days worked", "出勤天数", "days", "sum", HR, {
    role: "pay",
    aliases: ["出勤"],
  }),
  field("days_in_period", "Days in month", "当月天数", "days", "sum", HR, {
    role: "pay",
    aliases: ["应出勤天数"],
  }),
  field("base_salary", "Base salary (CNY)", "基本工资(元)", "currency", "sum", HR, {
    role: "pay",
    aliases: ["基本工资"],
  }),
  field(
    "performance_pay",
    "Performance pay standard (CNY)",
    "绩效工资基数(元)",
    "currency",
    "sum",
    HR,
    { role: "pay", aliases: ["绩效工资基数", "绩效工资"] }
  ),
  field(
    "bonus_standard",
    "Annual bonus standard (CNY)",
    "年度奖金基数(元)",
    "currency",
    "last",
    HR,
    { role: "pay", optional: true, aliases: ["奖金基数"] }
  ),
  field("adjustment", "One-off adjustment (CNY)", "奖惩调整(元)", "currency", "sum", HR, {
    role: "pay",
    optional: true,
    aliases: ["奖惩", "SPIF"],
  }),
  field("clawback", "Commission clawback (CNY)", "提成追回(元)", "currency", "sum", FINANCE, {
    role: "pay",
    optional: true,
    aliases: ["提成追回", "退款追回"],
  }),
];

export const DEFAULT_DIMENSIONS: Dimension[] = [
  {
    key: "sales",
    name: t("Sales results", "销售业绩"),
    weight: 0.55,
    range: { min: 0.5, max: 0.6 },
  },
  {
    key: "customer",
    name: t("Customer value & satisfaction", "客户价值与满意度"),
    weight: 0.2,
    range: { min: 0.2, max: 0.25 },
  },
  {
    key: "process",
    name: t("Sales process & capability", "销售过程与能力"),
    weight: 0.15,
    range: { min: 0.15, max: 0.2 },
  },
  {
    key: "teamwork",
    name: t("Teamwork & growth", "团队协作与发展"),
    weight: 0.1,
    range: { min: 0.05, max: 0.1 },
  },
];

function linear(floor: number, cap: number) {
  return { method: "linear" as const, floor, cap, fullScore: 100 };
}

export const DEFAULT_INDICATORS: Indicator[] = [
  {
    key: "sales_amount",
    name: t("Signed amount", "签约额/销售额"),
    dimension: "sales",
    weight: 0.4,
    unit: "currency",
    direction: "higher",
    input: { kind: "field", field: "sales_amount" },
    scoring: linear(0.6, 1.2),
    target: { field: "sales_target", default: null },
    missing: "error",
  },
  {
    key: "sales_growth",
    name: t("Sales growth", "销售增长率"),
    dimension: "sales",
    weight: 0.15,
    unit: "ratio",
    direction: "higher",
    input: { kind: "growth", current: "sales_amount", prior: "prior_sales" },
    scoring: linear(0, 1.2),
    target: { field: null, default: 0.1 },
    missing: "renormalize",
  },
  {
    key: "collection_rate",
    name: t("Collection rate", "回款率"),
    dimension: "sales",
    weight: 0.2,
    unit: "ratio",
    direction: "higher",
    input: { kind: "ratio", numerator: "collected", denominator: "due" },
    scoring: linear(0.7, 1.0),
    target: { field: null, default: 1 },
    missing: "error",
  },
  {
    key: "new_customers",
    name: t("New customers", "新签客户数"),
    dimension: "sales",
    weight: 0.15,
    unit: "count",
    direction: "higher",
    input: { kind: "field", field: "new_customers" },
    scoring: linear(0, 1.2),
    target: { field: "new_customers_target", default: 3 },
    missing: "error",
  },
  {
    key: "strategic_share",
    name: t("Strategic product share", "重点产品销售额占比"),
    dimension: "sales",
    weight: 0.1,
    unit: "ratio",
    direction: "higher",
    input: { kind: "ratio", numerator: "strategic_amount", denominator: "sales_amount" },
    scoring: linear(0, 1.2),
    target: { field: null, default: 0.2 },
    missing: "renormalize",
  },
  {
    key: "satisfaction",
    name: t("Customer satisfaction", "客户满意度"),
    dimension: "customer",
    weight: 0.35,
    unit: "score",
    direction: "higher",
    input: { kind: "field", field: "satisfaction" },
    scoring: linear(0, 1.1),
    target: { field: null, default: 90 },
    missing: "renormalize",
  },
  {
    key: "retention_rate",
    name: t("Repurchase / renewal rate", "复购率/续约率"),
    dimension: "customer",
    weight: 0.3,
    unit: "ratio",
    direction: "higher",
    input: { kind: "field", field: "retention_rate" },
    scoring: linear(0, 1.2),
    target: { field: null, default: 0.85 },
    missing: "error",
  },
  {
    key: "clv",
    name: t("Customer lifetime value", "客户生命周期价值"),
    dimension: "customer",
    weight: 0.15,
    unit: "currency",
    direction: "higher",
    input: { kind: "field", field: "clv" },
    scoring: linear(0, 1.2),
    target: { field: null, default: 300000 },
    missing: "error",
  },
  {
    key: "complaint_resolution",
    name: t("Complaint handling", "投诉处理及时率与解决满意度"),
    dimension: "customer",
    weight: 0.2,
    unit: "ratio",
    direction: "higher",
    input: { kind: "field", field: "complaint_resolution" },
    scoring: linear(0, 1.0),
    target: { field: null, default: 0.95 },
    missing: "renormalize",
  },
  {
    key: "activity",
    name: t("Sales activity (visits + calls + proposals)", "销售活动量"),
    dimension: "process",
    weight: 0.25,
    unit: "count",
    direction: "higher",
    input: { kind: "sum", fields: ["visits", "calls", "proposals"] },
    scoring: linear(0, 1.2),
    target: { field: null, default: 180 },
    missing: "error",
  },
  {
    key: "conversion_rate",
    name: t("Lead-to-opportunity conversion", "线索/商机转化率"),
    dimension: "process",
    weight: 0.25,
    unit: "ratio",
    direction: "higher",
    input: { kind: "ratio", numerator: "opportunities", denominator: "leads" },
    scoring: linear(0, 1.2),
    target: { field: null, default: 0.25 },
    missing: "renormalize",
  },
  {
    key: "sales_cycle_days",
    name: t("Sales cycle", "销售周期"),
    dimension: "process",
    weight: 0.2,
    unit: "days",
    direction: "lower",
    input: { kind: "field", field: "sales_cycle_days" },
    scoring: linear(0, 1.2),
    target: { field: null, default: 45 },
    missing: "renormalize",
  },
  {
    key: "product_knowledge",
    name: t("Product & industry knowledge", "产品知识与行业理解"),
    dimension: "process",
    weight: 0.15,
    unit: "score",
    direction: "higher",
    input: { kind: "field", field: "product_knowledge" },
    scoring: { method: "direct", cap: 1 },
    target: { field: null, default: null },
    missing: "error",
  },
  {
    key: "digital_tools",
    name: t("Digital tools (CRM usage)", "数字化工具应用"),
    dimension: "process",
    weight: 0.15,
    unit: "score",
    direction: "higher",
    input: { kind: "field", field: "digital_tools" },
    scoring: { method: "direct", cap: 1 },
    target: { field: null, default: null },
    missing: "error",
  },
  {
    key: "collaboration",
    name: t("Collaboration & knowledge sharing (360)", "内部协作与知识共享"),
    dimension: "teamwork",
    weight: 0.4,
    unit: "score",
    direction: "higher",
    input: { kind: "feedback" },
    scoring: { method: "feedback", cap: 1 },
    target: { field: null, default: null },
    missing: "renormalize",
  },
  {
    key: "learning",
    name: t("Learning & growth (training hours)", "个人学习与成长"),
    dimension: "teamwork",
    weight: 0.3,
    unit: "hours",
    direction: "higher",
    input: { kind: "field", field: "training_hours" },
    scoring: linear(0, 1.0),
    target: { field: null, default: 8 },
    missing: "error",
  },
  {
    key: "compliance",
    name: t("Rules & culture (deductions)", "遵守规章制度与企业文化"),
    dimension: "teamwork",
    weight: 0.3,
    unit: "points",
    direction: "lower",
    input: { kind: "field", field: "deductions" },
    scoring: { method: "deduction", fullScore: 100 },
    target: { field: null, default: null },
    missing: "error",
  },
];

export const DEFAULT_GRADES: GradeDef[] = [
  { label: "S", name: t("Outstanding", "卓越"), min: 95, coefficient: 1.5, quota: 0.1 },
  { label: "A", name: t("Excellent", "优秀"), min: 85, coefficient: 1.2, quota: 0.2 },
  { label: "B", name: t("Good", "良好"), min: 70, coefficient: 1.0, quota: 0.5 },
  { label: "C", name: t("Acceptable", "合格"), min: 60, coefficient: 0.8, quota: 0.15 },
  { label: "D", name: t("Needs improvement", "待改进"), min: 0, coefficient: 0.5, quota: 0.05 },
];

/** A fresh copy of the default plan (callers may edit it freely). */
export function defaultPlan(): Plan {
  const plan: Plan = {
    name: t("2024 Sales Staff Performance Plan", "2024年销售人员绩效方案"),
    version: "2024.1",
    effectiveDate: "2024-01-01",
    fields: DEFAULT_FIELDS,
    dimensions: DEFAULT_DIMENSIONS,
    indicators: DEFAULT_INDICATORS,
    grading: {
      grades: DEFAULT_GRADES,
      mode: "bands",
      group: "company",
      coefficientMode: "grade",
      matrix: {
        rows: [0, 0.6, 0.8, 1, 1.2],
        columns: [0, 0.7, 0.9],
        cells: [
          [0.3, 0.4, 0.5],
          [0.5, 0.7, 0.8],
          [0.7, 0.9, 1.0],
          [0.9, 1.1, 1.2],
          [1.0, 1.3, 1.5],
        ],
      },
    },
    commission: {
      basis: "collected",
      method: "marginal",
      boundType: "currency",
      tiers: [
        { from: 0, rate: 0.02 },
        { from: 100000, rate: 0.03 },
        { from: 300000, rate: 0.05 },
      ],
      gate: { minAttainment: null, minGrade: null },
      capPerMonth: null,
      paidShare: 1,
      clawback: "carryForward",
    },
    pay: {
      prorate: true,
      bonusStandard: 20000,
      currency: "CNY",
      schedule: "quarterEnd",
      advanceShare: 0.8,
      guarantee: { enabled: false, minimum: 5000, months: 3, recoverable: false },
    },
    periods: {
      evaluation: "quarter",
      annual: { quarterWeights: [0.225, 0.225, 0.225, 0.225], feedbackWeight: 0.1 },
    },
    feedback: { weights: [0.6, 0.2, 0.2], scale: 100 },
  };
  return structuredClone(plan);
}

/**
 * The Data column the new-hire guarantee reads: the month of service (1 = the hire month), a
 * whole count read as every count is; blank means not a new hire. Not in the default plan (its
 * guarantee is off); the Plan editor adds it when the guarantee is switched on.
 */
export const SERVICE_MONTH_FIELD: FieldDef = field(
  "service_month",
  "Month of service",
  "在职月数",
  "count",
  "last",
  HR,
  {
    role: "pay",
    optional: true,
    aliases: [
      "司龄月数",
      "在职月份",
      "入职第几月",
      "入职月数",
      "Months of service",
      "Tenure (months)",
    ],
  }
);

/** The plan with the month-of-service column the guarantee reads (unchanged when it has one). */
export function withServiceMonthField(plan: Plan): Plan {
  if (plan.fields.some((f) => f.key === SERVICE_MONTH_FIELD.key)) return plan;
  return { ...plan, fields: [...plan.fields, structuredClone(SERVICE_MONTH_FIELD)] };
}

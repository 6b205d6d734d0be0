/**
 * The second built-in plan: the seed's indicators whole (2024年销售人员绩效方案（全指标）). The
 * default plan (shared/spec/plan.md's table) merges or leaves out some of what the seed lists;
 * this one keeps them apart: product and service satisfaction as two sub-scores splitting the
 * satisfaction weight, the service score blended with the customers' 360 ratings, complaint
 * resolution satisfaction beside timeliness, opportunity-to-deal conversion beside
 * lead-to-opportunity, certifications beside training hours. Weights inside each dimension sum
 * to 100%; the dimensions, grades, commission and pay are the default plan's.
 */
import { defaultPlan } from "./defaultPlan";
import type { FieldDef, Indicator, LocalizedText, Plan } from "./model";

function t(en: string, zh: string): LocalizedText {
  return { en, zh };
}

const SURVEY = t("Customer survey", "客户满意度调研");

/** The data fields the seed's indicators add to the default plan's (measures, never blank = 0). */
export const SEED_FIELDS: FieldDef[] = [
  {
    key: "product_satisfaction",
    name: t("Product satisfaction (0–100)", "产品满意度"),
    unit: "score",
    role: "measure",
    aggregate: "mean",
    source: SURVEY,
    aliases: ["产品满意度评分", "Product satisfaction"],
    optional: false,
  },
  {
    key: "service_satisfaction",
    name: t("Service satisfaction (0–100)", "服务满意度"),
    unit: "score",
    role: "measure",
    aggregate: "mean",
    source: SURVEY,
    aliases: ["服务满意度评分", "Service satisfaction"],
    optional: false,
  },
  {
    key: "complaint_satisfaction",
    name: t("Complaint resolution satisfaction (0–100)", "投诉解决满意度"),
    unit: "score",
    role: "measure",
    aggregate: "mean",
    source: t("Service desk", "客服系统"),
    aliases: ["投诉解决满意度评分", "Resolution satisfaction"],
    optional: false,
  },
  {
    key: "deals_won",
    name: t("Deals won", "成交数"),
    unit: "count",
    role: "measure",
    aggregate: "sum",
    source: t("CRM", "CRM系统"),
    aliases: ["成交商机数", "赢单数", "Deals won", "Won deals"],
    optional: false,
  },
  {
    key: "certifications",
    name: t("Certifications obtained", "获得认证数"),
    unit: "count",
    role: "measure",
    aggregate: "sum",
    source: t("Training records", "培训记录"),
    aliases: ["认证数", "获得认证", "Certifications"],
    optional: false,
  },
];

const linear = (floor: number, cap: number) => ({
  method: "linear" as const,
  floor,
  cap,
  fullScore: 100,
});

/** The seed's indicators the default plan merges or leaves out, by the key they go after. */
function seedIndicators(): { after: string; indicator: Indicator }[] {
  return [
    {
      after: "complaint_resolution",
      indicator: {
        key: "complaint_satisfaction",
        name: t("Complaint resolution satisfaction", "投诉解决满意度"),
        dimension: "customer",
        weight: 0.1,
        unit: "score",
        direction: "higher",
        input: { kind: "field", field: "complaint_satisfaction" },
        scoring: linear(0, 1),
        target: { field: null, default: 90 },
        missing: "renormalize",
      },
    },
    {
      after: "conversion_rate",
      indicator: {
        key: "deal_conversion",
        name: t("Opportunity-to-deal conversion", "商机转化率"),
        dimension: "process",
        weight: 0.1,
        unit: "ratio",
        direction: "higher",
        input: { kind: "ratio", numerator: "deals_won", denominator: "opportunities" },
        scoring: linear(0, 1.2),
        target: { field: null, default: 0.3 },
        missing: "renormalize",
      },
    },
    {
      after: "learning",
      indicator: {
        key: "certifications",
        name: t("Certifications obtained", "获得相关认证"),
        dimension: "teamwork",
        weight: 0.15,
        unit: "count",
        direction: "higher",
        input: { kind: "field", field: "certifications" },
        // 0 certificates 60 points, 1 → 85, 2 or more → 100 (a step on the period's count)
        scoring: {
          method: "curve",
          points: [
            { x: 0, y: 60 },
            { x: 1, y: 85 },
            { x: 2, y: 100 },
          ],
          mode: "step",
          on: "value",
        },
        target: { field: null, default: null },
        missing: "error",
      },
    },
  ];
}

/**
 * The default plan's satisfaction (35%) split into product (15%) and service (20%) sub-scores,
 * in whole percents as the Plan sheet shows weights; the service score also carries the
 * customers' 360 ratings.
 */
function satisfactionSplit(): Indicator[] {
  return [
    {
      key: "product_satisfaction",
      name: t("Product satisfaction", "产品满意度"),
      dimension: "customer",
      weight: 0.15,
      unit: "score",
      direction: "higher",
      input: { kind: "field", field: "product_satisfaction" },
      scoring: linear(0, 1.1),
      target: { field: null, default: 90 },
      missing: "renormalize",
    },
    {
      key: "service_satisfaction",
      name: t(
        "Service satisfaction (survey and customers' 360)",
        "服务满意度（调研与客户360评价）"
      ),
      dimension: "customer",
      weight: 0.2,
      unit: "score",
      direction: "higher",
      // half the survey's service score, half the customers' 360 ratings
      input: { kind: "customer360", survey: "service_satisfaction", share: 0.5 },
      scoring: linear(0, 1.1),
      target: { field: null, default: 90 },
      missing: "renormalize",
    },
  ];
}

/** Renames and reweights of the default plan's indicators that the seed's split leaves. */
const REWEIGHT: Record<string, { weight: number; name?: LocalizedText }> = {
  complaint_resolution: {
    weight: 0.1,
    name: t("Complaints resolved on time", "投诉处理及时率"),
  },
  conversion_rate: {
    weight: 0.15,
    name: t("Lead-to-opportunity conversion", "线索转化率"),
  },
  learning: { weight: 0.15, name: t("Learning & growth (training hours)", "培训时长") },
};

/** 2024年销售人员绩效方案（全指标）: a fresh copy (callers may edit it freely). */
export function seedPlan(): Plan {
  const plan = defaultPlan();
  plan.name = t("2024 sales plan, all seed indicators", "2024年销售人员绩效方案（全指标）");
  plan.version = "2024.1-full";
  plan.fields = [...plan.fields, ...structuredClone(SEED_FIELDS)];
  const added = seedIndicators();
  const indicators: Indicator[] = [];
  for (const ind of plan.indicators) {
    if (ind.key === "satisfaction") {
      indicators.push(...satisfactionSplit());
      continue;
    }
    const change = REWEIGHT[ind.key];
    indicators.push(
      change ? { ...ind, weight: change.weight, name: change.name ?? ind.name } : ind
    );
    for (const a of added) if (a.after === ind.key) indicators.push(a.indicator);
  }
  plan.indicators = indicators;
  return plan;
}

/** Whether a plan reads any of the seed plan's fields (its data needs them). */
export function usesSeedFields(plan: Pick<Plan, "fields">): boolean {
  return plan.fields.some((f) => SEED_FIELDS.some((s) => s.key === f.key));
}

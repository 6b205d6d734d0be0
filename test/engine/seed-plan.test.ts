/**
 * The seed's indicators whole (seedPlan.ts) and the customers' 360 ratings feeding a
 * satisfaction indicator (客户360评价): the plan validates with every dimension's weights at 100%,
 * each new indicator scores by hand, the blend reuses the 360 rule and the plan's rating scale,
 * and a person without customer ratings gets a located message under every missing policy.
 */
import {
  defaultPlan,
  evaluate,
  formatIssue,
  hasErrors,
  scorecardRows,
  validatePlan,
  type DataRow,
  type Plan,
} from "../../src/engine";
import { seedPlan, SEED_FIELDS, usesSeedFields } from "../../src/engine/plan/seedPlan";
import { quarter, rating } from "./fixtures";

const SEED_VALUES: Record<string, number> = {
  product_satisfaction: 90,
  service_satisfaction: 80,
  complaint_satisfaction: 90,
  deals_won: 2,
  certifications: 0,
};

/** A quarter of on-target months with the seed plan's fields (each month's values). */
function seedQuarter(id: string, values: Record<string, number | null> = {}): DataRow[] {
  return quarter(id, 2024, 1).map((r, i) => ({
    ...r,
    values: { ...r.values, ...SEED_VALUES, certifications: i === 0 ? 1 : 0, ...values },
  }));
}

function scoreOf(plan: Plan, sc: ReturnType<typeof scorecardRows>[number], key: string) {
  return sc.indicators[plan.indicators.findIndex((i) => i.key === key)];
}

describe("the seed plan (2024年销售人员绩效方案（全指标）)", () => {
  const plan = seedPlan();

  it("should validate, each dimension's indicator weights summing to 100%", () => {
    expect(validatePlan(plan)).toEqual([]);
    for (const d of plan.dimensions) {
      const sum = plan.indicators
        .filter((i) => i.dimension === d.key)
        .reduce((s, i) => s + i.weight, 0);
      expect(sum).toBeCloseTo(1, 12);
    }
    expect(plan.name.zh).toBe("2024年销售人员绩效方案（全指标）");
    expect(plan.name.en).toBe("2024 sales plan, all seed indicators");
  });

  it("should keep the default plan exactly as plan.md's table", () => {
    const d = defaultPlan();
    expect(d.indicators.map((i) => i.key)).not.toContain("deal_conversion");
    expect(usesSeedFields(d)).toBe(false);
    expect(usesSeedFields(plan)).toBe(true);
    // the same dimensions, grades, commission and pay
    expect(plan.dimensions).toEqual(d.dimensions);
    expect(plan.grading).toEqual(d.grading);
    expect(plan.commission).toEqual(d.commission);
  });

  it("should split satisfaction into product and service, and put the seed's pairs side by side", () => {
    const keys = plan.indicators.map((i) => i.key);
    const w = (k: string) => plan.indicators.find((i) => i.key === k)!.weight;
    expect(keys).not.toContain("satisfaction");
    expect(w("product_satisfaction") + w("service_satisfaction")).toBeCloseTo(0.35, 12);
    expect(keys.indexOf("complaint_satisfaction")).toBe(keys.indexOf("complaint_resolution") + 1);
    expect(keys.indexOf("deal_conversion")).toBe(keys.indexOf("conversion_rate") + 1);
    expect(keys.indexOf("certifications")).toBe(keys.indexOf("learning") + 1);
    // the new fields, each with other header spellings for imports
    for (const f of SEED_FIELDS) {
      expect(plan.fields.some((x) => x.key === f.key)).toBe(true);
      expect(f.aliases.length).toBeGreaterThan(0);
    }
  });

  it("should score each new indicator by hand", () => {
    const rows = seedQuarter("P001");
    const ratings = [
      rating("P001", "2024-Q1", "superior", 90),
      rating("P001", "2024-Q1", "customer", 70),
      rating("P001", "2024-Q1", "customer", 80),
    ];
    const [sc] = scorecardRows(evaluate(plan, rows, ratings));
    expect(sc.status).toBe("ok");
    // 90 vs 90 → 100%
    expect(scoreOf(plan, sc, "product_satisfaction")).toBeCloseTo(100, 12);
    // 0.5 × customers' mean 75 + 0.5 × survey 80 = 77.5 vs 90
    expect(scoreOf(plan, sc, "service_satisfaction")).toBeCloseTo((77.5 / 90) * 100, 10);
    expect(scoreOf(plan, sc, "complaint_satisfaction")).toBeCloseTo(100, 12);
    // 6 deals of 15 opportunities = 40% vs 30% → capped at 120%
    expect(scoreOf(plan, sc, "deal_conversion")).toBeCloseTo(120, 10);
    // lead-to-opportunity: 15 of 60 = 25% vs 25%
    expect(scoreOf(plan, sc, "conversion_rate")).toBeCloseTo(100, 10);
    // one certificate in the quarter: the step curve's 85
    expect(scoreOf(plan, sc, "certifications")).toBe(85);
  });
});

describe("customers' 360 ratings feeding satisfaction (客户360评价)", () => {
  /** The default plan with satisfaction fed by customers' ratings (alone or blended). */
  function fed(
    survey: string | null,
    share: number,
    missing: "error" | "zero" | "renormalize"
  ): Plan {
    const plan = defaultPlan();
    const s = plan.indicators.find((i) => i.key === "satisfaction")!;
    s.input = { kind: "customer360", survey, share };
    s.missing = missing;
    return plan;
  }
  const rows = quarter("P001", 2024, 1, { satisfaction: 84 });
  const customers = [
    rating("P001", "2024-Q1", "peer", 50),
    rating("P001", "2024-Q1", "customer", 92),
    rating("P001", "2024-Q1", "customer", 88),
  ];

  it("should take the customers' mean alone, leaving superiors and peers out", () => {
    const plan = fed(null, 1, "error");
    expect(validatePlan(plan)).toEqual([]);
    const [sc] = scorecardRows(evaluate(plan, rows, customers));
    expect(scoreOf(plan, sc, "satisfaction")).toBeCloseTo((90 / 90) * 100, 12);
  });

  it("should blend with the survey by the stated share", () => {
    const plan = fed("satisfaction", 0.25, "error");
    const [sc] = scorecardRows(evaluate(plan, rows, customers));
    // 0.25 × 90 + 0.75 × 84 = 85.5 vs 90
    expect(scoreOf(plan, sc, "satisfaction")).toBeCloseTo((85.5 / 90) * 100, 10);
  });

  it("should read ratings on the plan's scale (out of 5: × 20 points)", () => {
    const plan = fed(null, 1, "error");
    plan.feedback.scale = 5;
    const five = [
      rating("P001", "2024-Q1", "customer", 4.5),
      rating("P001", "2024-Q1", "customer", 4),
    ];
    const [sc] = scorecardRows(evaluate(plan, rows, five));
    // (90 + 80) ÷ 2 = 85 points vs 90
    expect(scoreOf(plan, sc, "satisfaction")).toBeCloseTo((85 / 90) * 100, 10);
  });

  it("should refuse a share outside (0, 100%] and a blend without a survey field", () => {
    const codes = (p: Plan) => validatePlan(p).map((i) => i.code);
    expect(codes(fed("satisfaction", 0, "error"))).toContain("customer360Share");
    expect(codes(fed("satisfaction", 1.5, "error"))).toContain("customer360Share");
    expect(codes(fed(null, 0.5, "error"))).toContain("customer360Survey");
    expect(codes(fed("no_such_field", 0.5, "error"))).toContain("unknownField");
    expect(hasErrors(validatePlan(fed("satisfaction", 1, "error")))).toBe(false);
  });

  it.each([
    ["error", "error", null],
    ["zero", "warning", 0],
    ["renormalize", "warning", null],
  ] as const)(
    "should say where a person has no customer ratings (policy %s), never a silent 0",
    (missing, status, score) => {
      const plan = fed("satisfaction", 0.5, missing);
      const onlyPeers = [rating("P001", "2024-Q1", "peer", 80)];
      const [sc] = scorecardRows(evaluate(plan, rows, onlyPeers));
      expect(sc.status).toBe(status);
      expect(scoreOf(plan, sc, "satisfaction")).toBe(score);
      const problem = sc.problems.find((p) => p.code === "indicatorProblem")!;
      expect(problem.subject).toEqual({ id: "P001", period: "2024-Q1" });
      expect(problem.location).toEqual({ sheet: "Data", row: rows[0].source.row });
      expect(formatIssue(problem, "en-US")).toContain("no 360 ratings by customers");
      expect(formatIssue(problem, "zh-CN")).toContain("没有客户（评价人类型：客户）的评价");
    }
  );

  it("should name the blank survey field before the ratings", () => {
    const plan = fed("satisfaction", 0.5, "error");
    const blank = quarter("P001", 2024, 1, { satisfaction: null });
    const [sc] = scorecardRows(evaluate(plan, blank, customers));
    const problem = sc.problems.find((p) => p.code === "indicatorProblem")!;
    expect(formatIssue(problem, "en-US")).toContain("Customer satisfaction (0–100) is blank");
  });
});

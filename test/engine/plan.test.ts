import {
  compilePlan,
  defaultPlan,
  formatIssue,
  PlanInvalidError,
  validatePlan,
  type Plan,
} from "../../src/engine";

describe("the default plan", () => {
  it("should follow the seed: four dimensions with their weights and 17 indicators", () => {
    const p = defaultPlan();
    expect(p.dimensions.map((d) => [d.key, d.weight])).toEqual([
      ["sales", 0.55],
      ["customer", 0.2],
      ["process", 0.15],
      ["teamwork", 0.1],
    ]);
    expect(p.indicators).toHaveLength(17);
    expect(p.dimensions.map((d) => d.name.zh)).toEqual([
      "销售业绩",
      "客户价值与满意度",
      "销售过程与能力",
      "团队协作与发展",
    ]);
    expect(p.grading.grades.map((g) => [g.label, g.min, g.coefficient, g.quota])).toEqual([
      ["S", 95, 1.5, 0.1],
      ["A", 85, 1.2, 0.2],
      ["B", 70, 1.0, 0.5],
      ["C", 60, 0.8, 0.15],
      ["D", 0, 0.5, 0.05],
    ]);
    expect(p.commission.tiers).toEqual([
      { from: 0, rate: 0.02 },
      { from: 100000, rate: 0.03 },
      { from: 300000, rate: 0.05 },
    ]);
    expect(p.commission.method).toBe("marginal");
    expect(p.commission.basis).toBe("collected");
    expect(p.feedback.weights).toEqual([0.6, 0.2, 0.2]);
  });
  it("should validate without any issue", () => {
    expect(validatePlan(defaultPlan())).toEqual([]);
  });
  it("should be a fresh copy each time", () => {
    const a = defaultPlan();
    a.dimensions[0].weight = 0;
    expect(defaultPlan().dimensions[0].weight).toBe(0.55);
  });
});

describe("plan validation", () => {
  it("should report indicator weights that do not sum to 100% with the dimension's name", () => {
    const p = defaultPlan();
    p.indicators[0].weight = 0.35; // sales: 95%
    const issues = validatePlan(p);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toEqual(
      expect.objectContaining({
        severity: "error",
        code: "indicatorWeightsSum",
        path: "dimensions.sales.indicators",
      })
    );
    expect(formatIssue(issues[0], "en-US")).toContain(
      "Sales results: indicator weights sum to 95%; they must sum to 100%."
    );
    expect(formatIssue(issues[0], "zh-CN")).toContain(
      "销售业绩：指标权重合计为 95%，必须合计为 100%。"
    );
  });
  it("should warn, not fail, when a dimension weight leaves the seed's range", () => {
    const p = defaultPlan();
    p.dimensions[0].weight = 0.65;
    p.dimensions[1].weight = 0.1;
    const issues = validatePlan(p);
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(issues.map((i) => i.code)).toEqual(["dimensionOutOfRange", "dimensionOutOfRange"]);
    expect(formatIssue(issues[0], "en-US")).toContain(
      "Sales results: the weight 65% lies outside the recommended range 50%–60%."
    );
    expect(() => compilePlan(p)).not.toThrow();
  });
  it("should return every problem at once, each with a path", () => {
    const p = defaultPlan();
    p.dimensions[3].weight = 0.05; // total 95%
    p.indicators[2].scoring = { method: "linear", floor: 0.8, cap: 0.5, fullScore: 100 };
    p.grading.grades[1].min = 99; // A above S
    p.commission.tiers[2].from = 50000; // not ascending
    p.commission.gate.minGrade = "Z";
    p.feedback.weights = [0.5, 0.2, 0.2];
    p.indicators[0].target = { field: null, default: null };
    const codes = validatePlan(p).map((i) => [i.code, i.path]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ["dimensionWeightsSum", "dimensions"],
        ["capBelowFloor", "indicators.collection_rate.scoring"],
        ["gradesOrder", "grading.grades.A.min"],
        ["tiersOrder", "commission.tiers[2]"],
        ["gateGradeUnknown", "commission.gate.minGrade"],
        ["feedbackWeightsSumPlan", "feedback.weights"],
        ["targetNeeded", "indicators.sales_amount.target"],
      ])
    );
  });
  it("should check forced-distribution quotas only when a distribution is used", () => {
    const p = defaultPlan();
    p.grading.grades[0].quota = 0.2; // 110%
    expect(validatePlan(p)).toEqual([]);
    p.grading.mode = "forced";
    expect(validatePlan(p).map((i) => i.code)).toEqual(["quotasSumPlan"]);
  });
  it("should refer to unknown data fields and dimensions", () => {
    const p = defaultPlan();
    p.indicators[0].input = { kind: "field", field: "nope" };
    p.indicators[1].dimension = "ghost";
    const codes = validatePlan(p).map((i) => i.code);
    expect(codes).toContain("unknownField");
    expect(codes).toContain("unknownDimension");
  });
  it("should never let an invalid plan be compiled, so it can never pay anyone", () => {
    const p = defaultPlan();
    p.dimensions[0].weight = 0.5;
    let caught: unknown;
    try {
      compilePlan(p);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(PlanInvalidError);
    expect((caught as PlanInvalidError).issues.map((i) => i.code)).toContain("dimensionWeightsSum");
  });
});

describe("a damaged plan", () => {
  it("should give one located error, never an exception", () => {
    const broken = { ...defaultPlan(), dimensions: undefined } as unknown as Plan;
    const issues = validatePlan(broken);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toEqual(
      expect.objectContaining({ severity: "error", code: "planUnreadable" })
    );
    expect(formatIssue(issues[0], "en-US")).toMatch(/^The plan cannot be checked: /);
    expect(formatIssue(issues[0], "zh-CN")).toMatch(/^无法检查方案：/);
  });
});

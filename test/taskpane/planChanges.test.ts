import { defaultPlan } from "../../src/engine";
import { nextVersion, planChanges, today } from "../../src/taskpane/planChanges";

describe("planChanges", () => {
  it("should name the changes the what-if makes, in either language", () => {
    const a = defaultPlan();
    const b = defaultPlan();
    b.commission.tiers[2].rate = 0.06;
    b.commission.tiers[1].from = 150000;
    b.grading.grades[0].min = 96;
    b.grading.grades[1].quota = 0.25;
    b.dimensions[0].weight = 0.5;
    b.indicators[0].weight = 0.35;
    b.commission.paidShare = 0.9;
    expect(planChanges(a, b, "en-US").map((c) => `${c.what}: ${c.before} → ${c.after}`)).toEqual([
      "Sales results: weight: 55% → 50%",
      "Signed amount: weight: 40% → 35%",
      "S: min score: 95 → 96",
      "A: quota: 20% → 25%",
      "Tier 2: from: 100,000 → 150,000",
      "Tier 3: rate: 5% → 6%",
      "Share paid in the month (rest at year end): 100% → 90%",
    ]);
    expect(planChanges(a, b, "zh-CN")[5]).toEqual({
      what: "第 3 档：提成比例",
      before: "5%",
      after: "6%",
    });
    expect(planChanges(a, defaultPlan(), "en-US")).toEqual([]);
    const c = defaultPlan();
    c.commission.method = "whole";
    c.indicators[0].scoring = { method: "linear", floor: 0.5, cap: 1.2, fullScore: 100 };
    expect(planChanges(a, c, "zh-CN").map((x) => `${x.what}: ${x.before} → ${x.after}`)).toEqual([
      "签约额/销售额：scoring.floor: 0.6 → 0.5",
      "累进方式: 超额累进 → 全额累进",
    ]);
  });

  it("should suggest the next version and today's date", () => {
    expect(nextVersion("2024.1")).toBe("2024.2");
    expect(nextVersion("v9")).toBe("v10");
    expect(nextVersion("1.0-draft")).toBe("1.1-draft");
    expect(nextVersion("draft")).toBe("draft.1");
    expect(today(new Date(2024, 3, 5))).toBe("2024-04-05");
  });
});

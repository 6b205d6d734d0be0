import { defaultPlan, evaluate, monthRows, scorecardRows, formatIssue } from "../../src/engine";
import { INCENTIVE_LINES, payMonth, planCost } from "../../src/engine/evaluate/cost";
import { isError } from "../../src/engine/errors";
import { spreadCheck } from "../../src/engine/rules/distribution";
import { quarter } from "./fixtures";

describe("the cost of the plan: a worked quarter", () => {
  // Two reps, Q1 2024, base 8,000 and performance standard 3,000 a month (the fixture's).
  // C1 (华东): signed 120,000 and collected 110,000 a month, a 500 adjustment each month → grade S (1.5).
  // C2 (华南): signed 80,000 and collected 60,000 a month → grade B (1.0).
  const plan = defaultPlan();
  const rows = [
    ...quarter(
      "C1",
      2024,
      1,
      { sales_amount: 120000, collected: 110000, adjustment: 500 },
      { team: "华东" }
    ),
    ...quarter("C2", 2024, 1, { sales_amount: 80000, collected: 60000 }, { team: "华南" }),
  ];
  const ev = evaluate(plan, rows);
  const cost = planCost(ev);
  const sc = scorecardRows(ev);
  const months = monthRows(ev);

  it("should take the lines from the scorecard and the ledger", () => {
    expect(INCENTIVE_LINES.map((l) => l.key)).toEqual(["performancePay", "commission", "bonus"]);
    expect(sc.map((r) => [r.id, r.grade, r.performancePay, r.bonus])).toEqual([
      ["C1", "S", 13500, 1500], // 3 × 3,000 × 1.5; 3 × 500
      ["C2", "B", 9000, 0], // 3 × 3,000 × 1.0
    ]);
    // the ledger's commission, month by month (the tiers' own tests cover the amounts)
    expect(months.map((m) => m.commission)).toEqual([2300, 2300, 2300, 1200, 1200, 1200]);
  });
  it("should set each team's incentive cost against its signed and collected revenue", () => {
    const [east, south] = cost.byTeam;
    expect(east).toMatchObject({ team: "华东", lines: [13500, 6900, 1500], cost: 21900 });
    expect(east).toMatchObject({ signed: 360000, collected: 330000 });
    expect(east.ofSigned).toBeCloseTo(21900 / 360000, 15); // 6.08%
    expect(east.ofCollected).toBeCloseTo(21900 / 330000, 15); // 6.64%
    expect(south).toMatchObject({ team: "华南", lines: [9000, 3600, 0], cost: 12600 });
    expect(south.ofSigned).toBe(0.0525); // 12,600 ÷ 240,000
    expect(south.ofCollected).toBe(0.07); // 12,600 ÷ 180,000
    expect(cost.overall).toMatchObject({ cost: 34500, signed: 600000, collected: 510000 });
    expect(cost.overall.ofSigned).toBe(0.0575);
  });
  it("should count performance pay in the quarter's last month, commission and adjustments in theirs", () => {
    expect(cost.byMonth.map((m) => [m.month, ...m.lines, m.cost, m.signed])).toEqual([
      ["2024-01", 0, 3500, 500, 4000, 200000],
      ["2024-02", 0, 3500, 500, 4000, 200000],
      ["2024-03", 22500, 3500, 500, 26500, 200000],
    ]);
    expect(cost.byMonth[2].ofSigned).toBe(0.1325);
    // the months add up to the whole
    expect(cost.byMonth.reduce((a, m) => a + m.cost, 0)).toBe(cost.overall.cost);
    expect(payMonth("2024-Q2")).toBe("2024-06");
    expect(payMonth("2024-05")).toBe("2024-05");
  });
  it("should give a grade without anyone no revenue, a named error rather than Infinity", () => {
    const [s, a, b] = cost.byGrade;
    expect(s).toMatchObject({ grade: "S", cost: 21900, signed: 360000 });
    expect(b).toMatchObject({ grade: "B", cost: 12600, collected: 180000 });
    expect(a).toMatchObject({ grade: "A", cost: 0, signed: 0 });
    expect(isError(a.ofSigned) && a.ofSigned.key).toBe("noRevenue");
  });
  it("should name unreadable revenue rather than leave it out", () => {
    const bad = evaluate(plan, [...quarter("C3", 2024, 1, {}, { team: "华北" })]);
    const mf = bad.months.frame;
    const k = bad.compiled.pay.signed;
    mf.states[k][1] = 2; // CellState.Invalid: a Data cell that is not a number
    const c = planCost(bad);
    expect(c.overall.signed).toBeNaN();
    expect(isError(c.overall.ofSigned) && c.overall.ofSigned.key).toBe("revenueUnreadable");
    expect(c.overall.collected).toBe(270000);
  });
});

describe("the grade spread against the quotas, in every grading mode", () => {
  it("should check people at or above each grade against its cut-off", () => {
    const quotas = ["S", "A", "B", "C", "D"].map((label, i) => ({
      label,
      share: [0.1, 0.2, 0.5, 0.15, 0.05][i],
    }));
    // 20 people: S 7 (35%), A 8 (40%), B 5: cut-offs S 2, A 6, B 16, C 19
    const c = spreadCheck([7, 8, 5, 0, 0], quotas);
    expect(c.n).toBe(20);
    expect(c.allowed).toEqual([2, 6, 16, 19, 20]);
    expect(c.cumulative).toEqual([7, 15, 20, 20, 20]);
    expect(c.departs).toEqual([true, true, true, true, false]);
    expect(spreadCheck([2, 4, 10, 3, 1], quotas).departs).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    // fewer at the top is no departure
    expect(spreadCheck([0, 0, 20, 0, 0], quotas).departs).toEqual([
      false,
      false,
      true,
      true,
      false,
    ]);
  });
  it.each(["bands", "bandsWithCheck", "forced"] as const)(
    "should flag a group's departure in %s mode, located and in both languages",
    (mode) => {
      const plan = defaultPlan();
      plan.grading.mode = mode;
      plan.grading.group = "team";
      // three reps with the same score in one team: S and A cut-offs of 3 are 0 and 1
      const rows = [0, 1, 2].flatMap((i) => quarter(`W${i}`, 2024, 1, {}, { team: "华东" }));
      const ev = evaluate(plan, rows);
      expect(ev.grading.spread).toHaveLength(1);
      const sp = ev.grading.spread[0];
      expect(sp).toMatchObject({ period: "2024-Q1", group: "华东" });
      expect(sp.check.n).toBe(3);
      const departs = ev.issues.filter((i) => i.code === "distributionDeparts");
      expect(departs.length).toBeGreaterThan(0);
      const first = departs[0];
      expect(first.params).toMatchObject({ n: 3, period: "2024-Q1" });
      const grade = String(first.params.label);
      const count = Number(first.params.count);
      expect(formatIssue(first, "en-US")).toBe(
        `${grade} or better: ${Math.round((count / 3) * 1000) / 10}% (${count} of 3) against a quota of ${first.params.quota} (at most ${first.params.allowed}) in team 华东, 2024-Q1.`
      );
      expect(formatIssue(first, "zh-CN")).toContain(`华东 2024-Q1：${grade} 及以上占`);
    }
  );
});

import {
  annualRows,
  DEFAULT_BANDS,
  defaultPlan,
  evaluate,
  explain,
  grade,
  monthRows,
  Plan,
  scorecardRows,
} from "../../src/engine";
import { quarter, rating, row } from "./fixtures";

function scoreOf(
  sc: ReturnType<typeof scorecardRows>[number],
  plan: Plan,
  key: string
): number | null {
  return sc.indicators[plan.indicators.findIndex((i) => i.key === key)];
}

describe("a worked quarter (every default indicator by hand)", () => {
  // One rep, Q1 2024, the same round month three times; 360 ratings for the quarter.
  const plan = defaultPlan();
  const rows = quarter("P001", 2024, 1, {}).map((r, i) => ({
    ...r,
    values: { ...r.values, deductions: i === 1 ? 5 : 0 },
  }));
  const ratings = [
    rating("P001", "2024-Q1", "superior", 90),
    rating("P001", "2024-Q1", "peer", 80),
    rating("P001", "2024-Q1", "peer", 70),
    rating("P001", "2024-Q1", "customer", 85),
  ];
  const ev = evaluate(plan, rows, ratings);
  const [sc] = scorecardRows(ev);

  it("should score the sales results dimension", () => {
    expect(scoreOf(sc, plan, "sales_amount")).toBe(100); // 300,000 ÷ 300,000
    expect(scoreOf(sc, plan, "sales_growth")).toBeCloseTo(120, 12); // growth 25% vs 10% → capped at 120%
    expect(scoreOf(sc, plan, "collection_rate")).toBeCloseTo(90, 12); // 270,000 ÷ 300,000
    expect(scoreOf(sc, plan, "new_customers")).toBe(100); // 9 ÷ 9
    expect(scoreOf(sc, plan, "strategic_share")).toBeCloseTo(120, 12); // 30% vs 20% → cap
    // 100×40% + 120×15% + 90×20% + 100×15% + 120×10% = 103
    expect(sc.dimensions[0]).toBeCloseTo(103, 12);
  });
  it("should score customer value, process and teamwork", () => {
    expect(sc.dimensions[1]).toBeCloseTo(100, 12);
    expect(scoreOf(sc, plan, "activity")).toBeCloseTo(100, 12); // 540 vs default 180 × 3 months
    expect(scoreOf(sc, plan, "sales_cycle_days")).toBeCloseTo(100, 12); // lower is better: 45 ÷ 45
    expect(scoreOf(sc, plan, "product_knowledge")).toBe(80);
    // 100×25% + 100×25% + 100×20% + 80×15% + 90×15% = 95.5
    expect(sc.dimensions[2]).toBeCloseTo(95.5, 12);
    // 360: 90×60% + mean(80,70)×20% + 85×20% = 86
    expect(scoreOf(sc, plan, "collaboration")).toBeCloseTo(86, 12);
    expect(scoreOf(sc, plan, "learning")).toBeCloseTo(100, 12); // 24 h vs 8 × 3
    expect(scoreOf(sc, plan, "compliance")).toBe(95); // 100 − 5 deduction points
    // 86×40% + 100×30% + 95×30% = 92.9
    expect(sc.dimensions[3]).toBeCloseTo(92.9, 12);
  });
  it("should total, grade and pay", () => {
    // 103×55% + 100×20% + 95.5×15% + 92.9×10% = 100.265
    expect(sc.total).toBeCloseTo(100.265, 10);
    expect(sc.grade).toBe("S");
    expect(sc.coefficient).toBe(1.5);
    expect(sc.base).toBe(24000);
    expect(sc.performanceStandard).toBe(9000);
    expect(sc.performancePay).toBe(13500);
    expect(sc.commission).toBe(5400); // 90,000 × 2% a month
    expect(sc.totalPay).toBe(42900);
    expect(sc.status).toBe("ok");
    expect(sc.problems).toEqual([]);
  });
  it("should explain every number with the same values", () => {
    const t = explain(ev, 0);
    const growth = t.indicators.find((i) => i.key === "sales_growth")!;
    expect(growth.actual).toBeCloseTo(0.25, 12);
    expect(growth.target).toBe(0.1);
    expect(growth.targetSource).toBe("default");
    expect(growth.attainment).toBeCloseTo(2.5, 12);
    const activity = t.indicators.find((i) => i.key === "activity")!;
    expect(activity.target).toBe(540);
    expect(activity.targetMonths).toBe(3);
    expect(activity.fields.map((f) => f.value)).toEqual([60, 450, 30]);
    expect(activity.fields[0].months.map((m) => m.value)).toEqual([20, 20, 20]);
    const sum = t.indicators.reduce((s, i) => s + (i.contribution ?? 0), 0);
    expect(sum).toBeCloseTo(t.total!, 10);
    expect(t.grade).toEqual(expect.objectContaining({ label: "S", rule: "band", bandMin: 95 }));
    expect(t.coefficient).toEqual(
      expect.objectContaining({ value: 1.5, rule: "grade", grade: "S" })
    );
    expect(t.commission.map((m) => m.slices)).toEqual([
      [{ tier: 1, from: 0, to: 100000, rate: 0.02, base: 90000, commission: 1800 }],
      [{ tier: 1, from: 0, to: 100000, rate: 0.02, base: 90000, commission: 1800 }],
      [{ tier: 1, from: 0, to: 100000, rate: 0.02, base: 90000, commission: 1800 }],
    ]);
    expect(t.pay.total).toBe(42900);
    expect(t.strengths[0]).toBe("sales_amount");
    expect(t.gaps[0]).toBe("collection_rate");
  });
});

describe("missing and incomputable inputs", () => {
  it("should flag a row with an unreadable cell as an error and never score it as zero", () => {
    const plan = defaultPlan();
    const rows = quarter("P002", 2024, 1);
    rows[1] = {
      ...rows[1],
      invalid: ["retention_rate"],
      values: { ...rows[1].values, retention_rate: null },
    };
    const [sc] = scorecardRows(evaluate(plan, rows));
    expect(sc.status).toBe("error");
    expect(sc.total).toBeNull();
    expect(sc.grade).toBeNull();
    expect(sc.totalPay).toBeNull();
    expect(sc.indicatorStatus[plan.indicators.findIndex((i) => i.key === "retention_rate")]).toBe(
      "error"
    );
    expect(sc.problems.map((p) => [p.severity, p.location?.row])).toContainEqual([
      "error",
      rows[1].source.row,
    ]);
  });
  it("should leave out a missing survey and scale the other weights up (renormalize)", () => {
    const plan = defaultPlan();
    const rows = quarter("P003", 2024, 1, { satisfaction: null });
    const [sc] = scorecardRows(evaluate(plan, rows));
    expect(sc.status).toBe("warning");
    // customer dimension without satisfaction: (100×30 + 100×15 + 100×20) / 65 = 100
    expect(sc.dimensions[1]).toBeCloseTo(100, 12);
    expect(sc.indicatorStatus[plan.indicators.findIndex((i) => i.key === "satisfaction")]).toBe(
      "excluded"
    );
  });
  it("should average a mean field over the months that have it", () => {
    const plan = defaultPlan();
    const rows = quarter("P004", 2024, 1);
    rows[0].values.satisfaction = null;
    rows[1].values.satisfaction = 99;
    rows[2].values.satisfaction = 81;
    const t = explain(evaluate(plan, rows), 0);
    expect(t.indicators.find((i) => i.key === "satisfaction")!.actual).toBe(90);
  });
  it("should score 0 when the plan says zero", () => {
    const plan = defaultPlan();
    plan.indicators.find((i) => i.key === "satisfaction")!.missing = "zero";
    const rows = quarter("P005", 2024, 1, { satisfaction: null });
    const [sc] = scorecardRows(evaluate(plan, rows));
    // (0×35 + 100×30 + 100×15 + 100×20) / 100 = 65
    expect(sc.dimensions[1]).toBeCloseTo(65, 12);
    expect(sc.status).toBe("warning");
  });
  it("should not compute attainment against a zero target (monthly tracking flags the month)", () => {
    const plan = defaultPlan();
    const rows = quarter("P006", 2024, 1);
    rows[0].values.sales_target = 0;
    const ev = evaluate(plan, rows);
    const months = monthRows(ev);
    expect(months[0].status).toBe("error");
    expect(months[0].problems[0].params.cause).toEqual(
      expect.objectContaining({ en: "the target is 0." })
    );
    // the quarter sums the targets (0 + 100,000 + 100,000) and is fine
    const [sc] = scorecardRows(ev);
    expect(sc.status).not.toBe("error");
    expect(sc.total).not.toBeNull();
    expect(scoreOf(sc, plan, "sales_amount")).toBe(120); // 300,000 ÷ 200,000 capped at 120%
  });
  it("should refuse a negative target whatever the missing policy", () => {
    const plan = defaultPlan();
    plan.indicators[0].missing = "renormalize";
    const rows = quarter("P007", 2024, 1, { sales_target: -100 });
    const [sc] = scorecardRows(evaluate(plan, rows));
    expect(sc.status).toBe("error");
  });
  it("should give a lower-is-better indicator with a zero actual its cap", () => {
    const plan = defaultPlan();
    const rows = quarter("P008", 2024, 1, { sales_cycle_days: 0 });
    const [sc] = scorecardRows(evaluate(plan, rows));
    expect(scoreOf(sc, plan, "sales_cycle_days")).toBe(120);
    expect(scoreOf(sc, plan, "compliance")).toBe(100);
  });
  it("should floor and cap exactly at the boundary", () => {
    const plan = defaultPlan();
    // sales 60% of target: exactly the floor → 60 points; 59.99% → 0
    let [sc] = scorecardRows(evaluate(plan, quarter("P009", 2024, 1, { sales_amount: 60000 })));
    expect(scoreOf(sc, plan, "sales_amount")).toBeCloseTo(60, 10);
    [sc] = scorecardRows(evaluate(plan, quarter("P009", 2024, 1, { sales_amount: 59990 })));
    expect(scoreOf(sc, plan, "sales_amount")).toBe(0);
    // collection exactly 100% → 100 (cap 100%); 110% → still 100
    [sc] = scorecardRows(evaluate(plan, quarter("P009", 2024, 1, { collected: 100000 })));
    expect(scoreOf(sc, plan, "collection_rate")).toBe(100);
    [sc] = scorecardRows(evaluate(plan, quarter("P009", 2024, 1, { collected: 110000 })));
    expect(scoreOf(sc, plan, "collection_rate")).toBe(100);
    // 0.7 computed as 0.7 × 100,000 ÷ 100,000 with float noise still reaches the 70% floor
    [sc] = scorecardRows(evaluate(plan, quarter("P009", 2024, 1, { collected: 0.1 * 7 * 100000 })));
    expect(scoreOf(sc, plan, "collection_rate")).toBeCloseTo(70, 9);
  });
  it("should block a person-month held twice with different values", () => {
    const plan = defaultPlan();
    const rows = quarter("P010", 2024, 1);
    rows[2] = { ...rows[2], conflict: 99 };
    const ev = evaluate(plan, rows);
    const [sc] = scorecardRows(ev);
    expect(sc.status).toBe("error");
    expect(sc.totalPay).toBeNull();
    expect(sc.problems.map((p) => p.code)).toContain("rowConflict");
  });
});

describe("grades and coefficients", () => {
  it("should give S to 94.99999999999999 when S starts at 95", () => {
    expect(grade(94.99999999999999, DEFAULT_BANDS)).toBe("S");
    expect(grade(94.9999999, DEFAULT_BANDS)).toBe("A");
    // The same in the engine: a total a hair below the S band (as 94.99999999999999 is below 95).
    const plan = defaultPlan();
    const rows = quarter("P020", 2024, 1, { sales_amount: 80000, collected: 100000 });
    const total = evaluate(plan, rows).periods.totals[0];
    plan.grading.grades[0].min = total * (1 + 1e-15) + 1e-13;
    expect(total).toBeLessThan(plan.grading.grades[0].min);
    expect(scorecardRows(evaluate(plan, rows))[0].grade).toBe("S");
    plan.grading.grades[0].min = total + 1e-6;
    expect(scorecardRows(evaluate(plan, rows))[0].grade).toBe("A");
  });
  it("should force a distribution within each team and give ties the same grade", () => {
    const plan = defaultPlan();
    plan.grading.mode = "forced";
    plan.grading.group = "team";
    // ten reps in one team whose totals fall with the collections; two tie for second
    const collected = [100000, 97000, 97000, 94000, 91000, 88000, 85000, 82000, 79000, 76000];
    const rows = collected.flatMap((c, i) =>
      quarter(`F${i}`, 2024, 1, { collected: c }, { team: "East" })
    );
    rows.push(...quarter("G1", 2024, 1, {}, { team: "West" }));
    const sc = scorecardRows(evaluate(plan, rows));
    const east = sc.filter((r) => r.team === "East").sort((a, b) => b.total! - a.total!);
    // cut-offs for 10: S ROUND(1)=1, A ROUND(3)=3, B ROUND(8)=8, C ROUND(9.5)=10, D 10
    expect(east.map((r) => r.id)).toEqual(collected.map((_, i) => `F${i}`));
    // ranks 1, 2, 2, 4 …: rank 4 is past A's cut-off of 3
    expect(east.map((r) => r.grade)).toEqual(["S", "A", "A", "B", "B", "B", "B", "B", "C", "C"]);
    expect(east[1].rank).toBe(2);
    expect(east[2].rank).toBe(2);
    expect(east[0].groupSize).toBe(10);
    // the lone West rep is the whole of their group: rank 1 of 1, cut-off S ROUND(0.1)=0, A ROUND(0.3)=0, B ROUND(0.8)=1
    expect(sc.find((r) => r.team === "West")!.grade).toBe("B");
  });
  it("should warn where band grades depart from the quotas", () => {
    const plan = defaultPlan();
    plan.grading.mode = "bandsWithCheck";
    const rows = [0, 1, 2].flatMap((i) => quarter(`W${i}`, 2024, 1));
    const ev = evaluate(plan, rows);
    expect(scorecardRows(ev).every((r) => r.grade === "S")).toBe(true);
    expect(ev.issues.map((i) => [i.code, i.params.count, i.params.allowed])).toContainEqual([
      "distributionDeparts",
      3,
      0,
    ]);
  });
  it("should take the coefficient from the attainment × collection-rate matrix", () => {
    const plan = defaultPlan();
    plan.grading.coefficientMode = "matrix";
    // attainment 105% (row 1.0), collection 95% (column 0.9) → 1.2
    const rows = quarter("M1", 2024, 1, { sales_amount: 105000, collected: 95000 });
    const ev = evaluate(plan, rows);
    const [sc] = scorecardRows(ev);
    expect(sc.coefficient).toBe(1.2);
    const t = explain(ev, 0);
    expect(t.coefficient).toEqual(
      expect.objectContaining({ rule: "matrix", rowThreshold: 1, columnThreshold: 0.9, value: 1.2 })
    );
  });
});

describe("commission", () => {
  it("should pay marginal tiers slice by slice and whole-amount tiers at the top rate", () => {
    const plan = defaultPlan();
    const rows = [row("C1", "2024-01", { collected: 350000 })];
    let ev = evaluate(plan, rows);
    // 100,000 × 2% + 200,000 × 3% + 50,000 × 5%
    expect(monthRows(ev)[0].commission).toBe(10500);
    expect(explain(ev, 0, "months").commission[0].slices.map((s) => s.commission)).toEqual([
      2000, 6000, 2500,
    ]);
    plan.commission.method = "whole";
    ev = evaluate(plan, rows);
    expect(monthRows(ev)[0].commission).toBe(17500);
  });
  it("should pay nothing below the attainment gate and pay exactly at it", () => {
    const plan = defaultPlan();
    plan.commission.gate.minAttainment = 0.6;
    const ev = evaluate(plan, [
      row("C2", "2024-01", { sales_amount: 59999, collected: 50000 }),
      row("C2", "2024-02", { sales_amount: 60000, collected: 50000 }),
      row("C2", "2024-03", { sales_amount: 0.1 * 6 * 100000, collected: 50000 }),
    ]);
    const m = monthRows(ev);
    expect(m.map((x) => x.commission)).toEqual([0, 1000, 1000]);
    expect(explain(ev, 0, "months").commission[0].gate).toBe("attainment");
  });
  it("should gate on the quarter's grade", () => {
    const plan = defaultPlan();
    plan.commission.gate.minGrade = "B";
    const weak = quarter("C3", 2024, 1, { sales_amount: 10000, collected: 50000 });
    const ev = evaluate(plan, weak);
    expect(scorecardRows(ev)[0].grade).toMatch(/[CD]/);
    expect(scorecardRows(ev)[0].commission).toBe(0);
  });
  it("should cap a month and use attainment bounds as accelerators", () => {
    const plan = defaultPlan();
    plan.commission.capPerMonth = 5000;
    let ev = evaluate(plan, [row("C4", "2024-01", { collected: 350000 })]);
    expect(monthRows(ev)[0].commission).toBe(5000);
    plan.commission.capPerMonth = null;
    plan.commission.boundType = "attainment";
    plan.commission.tiers = [
      { from: 0, rate: 0.01 },
      { from: 1, rate: 0.04 },
    ];
    // target 100,000: 100,000 × 1% + 20,000 × 4%
    ev = evaluate(plan, [row("C4", "2024-01", { collected: 120000 })]);
    expect(monthRows(ev)[0].commission).toBe(1800);
  });
  it("should defer a share to the year-end settlement, year by year across a year end", () => {
    const plan = defaultPlan();
    plan.commission.paidShare = 0.8;
    const ev = evaluate(plan, [
      row("C5", "2024-11", { collected: 50000 }),
      row("C5", "2024-12", { collected: 50000 }),
      row("C5", "2025-01", { collected: 50000 }),
    ]);
    const m = monthRows(ev);
    expect(m.map((x) => [x.earned, x.paidNow, x.deferred])).toEqual([
      [1000, 800, 200],
      [1000, 800, 200],
      [1000, 800, 200],
    ]);
    const a = annualRows(ev);
    expect(a.map((x) => [x.year, x.settlement])).toEqual([
      ["2024", 400],
      ["2025", 200],
    ]);
  });
  it("should recover a clawback larger than the month's commission from later commission", () => {
    const plan = defaultPlan();
    const rows = quarter("C6", 2024, 1);
    rows[1].values.clawback = 3000;
    const m = monthRows(evaluate(plan, rows));
    expect(m.map((x) => [x.paidNow, x.recovered, x.commission, x.clawbackBalance])).toEqual([
      [1800, 0, 1800, 0],
      [1800, 1800, 0, 1200],
      [1800, 1200, 600, 0],
    ]);
  });
  it("should deduct a clawback from pay at once when the plan says so", () => {
    const plan = defaultPlan();
    plan.commission.clawback = "deductFromPay";
    const rows = quarter("C7", 2024, 1);
    rows[1].values.clawback = 3000;
    const ev = evaluate(plan, rows);
    expect(monthRows(ev).map((x) => x.commission)).toEqual([1800, -1200, 1800]);
    expect(scorecardRows(ev)[0].commission).toBe(2400);
  });
  it("should recover a clawback still open at year end from the deferred share", () => {
    const plan = defaultPlan();
    plan.commission.paidShare = 0.5;
    const rows = [row("C8", "2024-12", { collected: 100000, clawback: 1500 })];
    const ev = evaluate(plan, rows);
    const m = monthRows(ev)[0];
    expect([m.earned, m.paidNow, m.recovered, m.clawbackBalance]).toEqual([2000, 1000, 1000, 500]);
    const a = annualRows(ev)[0];
    expect([a.settlement, a.outstandingClawback]).toEqual([500, 0]);
  });
});

describe("pay", () => {
  it("should prorate a new hire's base and performance pay by days worked", () => {
    const plan = defaultPlan();
    const rows = [
      row("N1", "2024-02", { days_worked: 12, days_in_period: 29 }),
      row("N1", "2024-03"),
    ];
    const ev = evaluate(plan, rows);
    const m = monthRows(ev);
    expect(m[0].base).toBe(3310.34); // 8,000 × 12 ÷ 29 = 3,310.3448…
    expect(m[0].performanceStandard).toBe(1241.38); // 3,000 × 12 ÷ 29 = 1,241.3793…
    const [sc] = scorecardRows(ev);
    expect(sc.months).toBe(2);
    expect(sc.base).toBe(11310.34);
    expect(sc.performanceStandard).toBe(4241.38);
  });
  it("should add monthly adjustments as bonus and total as PERF.PAY rounds", () => {
    const plan = defaultPlan();
    const rows = quarter("N2", 2024, 1, { adjustment: 333.335 });
    const [sc] = scorecardRows(evaluate(plan, rows));
    expect(sc.bonus).toBe(1000.01); // 3 × 333.335 = 1,000.005 → 1,000.01
    expect(sc.totalPay).toBe(24000 + 13500 + 5400 + 1000.01);
  });
});

describe("annual review", () => {
  it("should weigh the quarters and the annual 360 score", () => {
    const plan = defaultPlan();
    const rows = [1, 2, 3, 4].flatMap((q) =>
      quarter("Y1", 2024, q, q === 4 ? { sales_amount: 80000 } : {})
    );
    const ratings = [
      rating("Y1", "2024", "superior", 80),
      rating("Y1", "2024", "peer", 80),
      rating("Y1", "2024", "customer", 80),
    ];
    const ev = evaluate(plan, rows, ratings);
    const q = scorecardRows(ev).map((r) => r.total!);
    const [a] = annualRows(ev);
    expect(a.yearComplete).toBe(true);
    expect(a.total).toBeCloseTo(0.225 * (q[0] + q[1] + q[2] + q[3]) + 0.1 * 80, 10);
    expect(a.grade).toBe("S");
    expect(a.bonus).toBe(30000); // 20,000 × 1.5
    expect(a.payout).toBe(30000);
  });
  it("should use the quarters only when the annual survey is missing", () => {
    const plan = defaultPlan();
    const rows = [1, 2].flatMap((q) => quarter("Y2", 2024, q));
    const ev = evaluate(plan, rows);
    const q = scorecardRows(ev).map((r) => r.total!);
    const [a] = annualRows(ev);
    expect(a.yearComplete).toBe(false);
    expect(a.total).toBeCloseTo((q[0] + q[1]) / 2, 10);
    expect(a.status).toBe("warning");
  });
});

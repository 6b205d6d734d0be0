/**
 * Target letters (目标责任书): targets, weights and rules of a period, and pay at 80/100/120%
 * attainment computed by the engine. Worked examples by hand to the cent; located problems in
 * both languages; properties: pay never falls as attainment rises, and the 100% scenario is what
 * evaluate() pays a person whose actuals equal the targets.
 */
import fc from "fast-check";
import {
  defaultPlan,
  evaluate,
  explain,
  formatIssue,
  targetLetter,
  type DataRow,
  type FeedbackRating,
  type Plan,
} from "../../src/engine";
import { rating, row } from "./fixtures";

const Q1 = ["2024-01", "2024-02", "2024-03"];

function quarterRows(
  id: string,
  perMonth: Record<string, number | null>[],
  extra: Partial<DataRow> = {}
): DataRow[] {
  return Q1.map((m, i) => {
    const r = row(id, m, perMonth[i] ?? perMonth[0], extra);
    return { ...r, source: { ...r.source, columns: COLUMNS } };
  });
}

const COLUMNS = {
  sales_target: "F",
  base_salary: "AA",
  performance_pay: "AB",
  new_customers_target: "J",
};

describe("targetLetter: worked examples", () => {
  it("pays 37,800.00 / 43,500.00 / 45,300.00 at 80/100/120% on a 100,000 monthly target", () => {
    // base 8,000 × 3 = 24,000 every time.
    // 80%: every indicator scores 80 → total 80 → B, coefficient 1.0 → 3,000 × 3 × 1.0 = 9,000;
    //      collected 80,000 a month: 80,000 × 2% = 1,600 × 3 = 4,800 → 37,800.
    // 100%: total 100 → S, 1.5 → 13,500; 100,000 × 2% = 2,000 × 3 = 6,000 → 43,500.
    // 120%: total > 95 → S → 13,500; 2,000 + 20,000 × 3% = 2,600 × 3 = 7,800 → 45,300.
    const plan = defaultPlan();
    const rows = quarterRows("S1", [
      { sales_target: 100000, base_salary: 8000, performance_pay: 3000 },
    ]);
    const { letter, problems } = targetLetter(plan, rows, "S1", "2024-Q1");
    expect(problems).toEqual([]);
    const s = letter!.scenarios;
    expect(s.map((x) => x.attainment)).toEqual([0.8, 1, 1.2]);
    expect(s.map((x) => x.grade)).toEqual(["B", "S", "S"]);
    expect(s.map((x) => x.coefficient)).toEqual([1, 1.5, 1.5]);
    expect(s.map((x) => x.base)).toEqual([24000, 24000, 24000]);
    expect(s.map((x) => x.performancePay)).toEqual([9000, 13500, 13500]);
    expect(s.map((x) => x.commission)).toEqual([4800, 6000, 7800]);
    expect(s.map((x) => x.pay)).toEqual([37800, 43500, 45300]);
    expect(s[0].basis).toEqual([80000, 80000, 80000]);
    expect(s[0].total).toBeCloseTo(80, 9);
    expect(s[1].total).toBeCloseTo(100, 9);
  });

  it("takes month targets and pay standards from the Data rows, months apart", () => {
    // Targets 90,000 / 100,000 / 110,000; base 8,000 / 8,000 / 9,000; standard 3,000 / 3,000 / 3,600.
    // 100%: commission 1,800 + 2,000 + (2,000 + 10,000 × 3% = 2,300) = 6,100;
    //       base 25,000; performance pay 9,600 × 1.5 = 14,400; total 45,500.
    // 80%: 72,000 → 1,440; 80,000 → 1,600; 88,000 → 1,760: 4,800; 9,600 × 1.0; total 39,400.
    // 120%: 108,000 → 2,240; 120,000 → 2,600; 132,000 → 2,960: 7,800; total 25,000 + 14,400 + 7,800 = 47,200.
    const plan = defaultPlan();
    const rows = quarterRows("S2", [
      { sales_target: 90000, base_salary: 8000, performance_pay: 3000, new_customers_target: 2 },
      { sales_target: 100000, base_salary: 8000, performance_pay: 3000, new_customers_target: 3 },
      { sales_target: 110000, base_salary: 9000, performance_pay: 3600, new_customers_target: 4 },
    ]);
    const { letter } = targetLetter(plan, rows, "S2", "2024-Q1");
    const s = letter!.scenarios;
    expect(s.map((x) => x.commission)).toEqual([4800, 6100, 7800]);
    expect(s.map((x) => x.base)).toEqual([25000, 25000, 25000]);
    expect(s.map((x) => x.performancePay)).toEqual([9600, 14400, 14400]);
    expect(s.map((x) => x.pay)).toEqual([39400, 45500, 47200]);
    const by = new Map(letter!.indicators.map((i) => [i.key, i]));
    expect(by.get("sales_amount")).toMatchObject({ target: 300000, targetSource: "data" });
    expect(by.get("new_customers")).toMatchObject({ target: 9, targetSource: "data" });
    // the plan's default scaled to the quarter: 180 activities a month × 3
    expect(by.get("activity")).toMatchObject({
      target: 540,
      targetSource: "default",
      targetDefault: 180,
      targetMonths: 3,
    });
    // a ratio's default is not scaled
    expect(by.get("collection_rate")).toMatchObject({ target: 1, targetSource: "default" });
    expect(by.get("product_knowledge")).toMatchObject({ basis: "held", targetSource: "none" });
    expect(by.get("sales_amount")!.effectiveWeight).toBeCloseTo(0.22, 12);
    expect(letter!.months.map((m) => m.salesTarget)).toEqual([90000, 100000, 110000]);
  });

  it("states the held indicators' assumption and each indicator's scores per scenario", () => {
    const plan = defaultPlan();
    const rows = quarterRows("S1", [{}]);
    const { letter } = targetLetter(plan, rows, "S1", "2024-Q1");
    const held = letter!.indicators.filter((i) => i.basis === "held").map((i) => i.key);
    expect(held).toEqual(["product_knowledge", "digital_tools", "collaboration", "compliance"]);
    for (const k of held) {
      const scores = letter!.indicators.find((i) => i.key === k)!.scores;
      expect(scores.map((x) => Math.round(x! * 1e6) / 1e6)).toEqual([80, 100, 100]);
    }
    const text = letter!.assumptions.map((a) => a.en).join("\n");
    expect(text).toContain("taken at 80 / 100 / 100 points");
    expect(text).toContain("Product & industry knowledge");
    expect(letter!.assumptions.map((a) => a.zh).join("\n")).toContain("按 80 / 100 / 100 分计");
    // capped scores: sales amount counts up to 120%, collection rate up to 100%
    const s = (k: string) => letter!.indicators.find((i) => i.key === k)!.scores[2]!;
    expect(s("sales_amount")).toBeCloseTo(120, 9);
    expect(s("collection_rate")).toBeCloseTo(100, 9);
    const rule = (k: string) => letter!.indicators.find((i) => i.key === k)!.rule;
    expect(rule("sales_cycle_days").zh).toBe("越低越好；完成率 × 100，最高计 120%");
    expect(rule("compliance").en).toBe("100 − deduction points, not below 0");
    expect(rule("collaboration").zh).toBe("360 评价：上级60%、同事20%、客户20%");
    expect(rule("sales_amount").en).toBe("attainment × 100, 0 below 60%, up to 120%");
  });

  it("blank actuals are fine: the letter reads targets and pay standards only", () => {
    const plan = defaultPlan();
    const blank: Record<string, null> = {};
    for (const f of plan.fields) if (f.role === "measure") blank[f.key] = null;
    const rows = quarterRows("S3", [{ ...blank, sales_target: 100000 }]);
    const { letter, problems } = targetLetter(plan, rows, "S3", "2024-Q1");
    expect(problems).toEqual([]);
    expect(letter!.scenarios[1].pay).toBe(43500);
  });

  it("grades by bands under a forced distribution and leaves a lead's team commission out, saying so", () => {
    const plan: Plan = defaultPlan();
    plan.grading.mode = "forced";
    plan.commission.team = {
      method: "marginal",
      tiers: [{ from: 0, rate: 0.01 }],
      leads: [{ team: "T1", id: "S1" }],
      includeOwn: true,
    };
    const rows = quarterRows("S1", [{ sales_target: 100000 }]);
    const { letter } = targetLetter(plan, rows, "S1", "2024-Q1");
    expect(letter!.forcedGrades).toBe(true);
    expect(letter!.leadsTeam).toBe(true);
    expect(letter!.scenarios.map((x) => x.pay)).toEqual([37800, 43500, 45300]);
    const en = letter!.assumptions.map((a) => a.en).join("\n");
    expect(en).toContain("Grades by the grade bands");
    expect(en).toContain("team commission is not included");
  });
});

describe("targetLetter: located problems", () => {
  const plan = defaultPlan();

  it("no rows for the person in the period", () => {
    const { letter, problems } = targetLetter(plan, quarterRows("S1", [{}]), "S9", "2024-Q1");
    expect(letter).toBeNull();
    expect(problems.map((p) => formatIssue(p, "en-US"))).toEqual([
      "S9 2024-Q1: S9 has no Data rows in 2024-Q1: a target letter needs the period's rows with targets and pay standards (actuals may be blank).",
    ]);
    expect(formatIssue(problems[0], "zh-CN")).toContain("目标责任书需要本期各月的数据行");
  });

  it("a missing month and a blank base salary, by sheet, row and column", () => {
    const rows = quarterRows("S1", [{}]).slice(0, 2);
    rows[1].values.base_salary = null;
    const { problems } = targetLetter(plan, rows, "S1", "2024-Q1");
    expect(problems.map((p) => formatIssue(p, "en-US"))).toEqual([
      `Data row ${rows[0].source.row}: S1 has no Data row for 2024-03: the letter covers only the months that have rows (add the month's row, with its targets and pay standards, to include it).`,
      `Data row ${rows[1].source.row}, column AA: 2024-02: Base salary (CNY) is blank or unreadable; a target letter needs it.`,
    ]);
    expect(formatIssue(problems[1], "zh-CN")).toBe(
      `Data 第 ${rows[1].source.row} 行 AA 列：2024-02：基本工资(元)为空或无法读取，目标责任书需要该值。`
    );
  });

  it("a month without a row: the letter covers the others and says so (a new hire)", () => {
    const rows = quarterRows("S1", [{ sales_target: 100000 }]).slice(1);
    const { letter, problems } = targetLetter(plan, rows, "S1", "2024-Q1");
    expect(problems.map((p) => p.severity)).toEqual(["warning"]);
    expect(letter!.missingMonths).toEqual(["2024-01"]);
    // two months: base 16,000; 100%: 6,000 × 1.5 = 9,000; commission 2 × 2,000 → 29,000
    expect(letter!.scenarios[1].pay).toBe(29000);
    expect(letter!.assumptions.map((a) => a.en)).toContain(
      "The letter covers the months with Data rows only: 2024-01 has none."
    );
  });

  it("a target with neither a Data cell nor a default", () => {
    const p = defaultPlan();
    p.indicators.find((i) => i.key === "new_customers")!.target.default = null;
    const rows = quarterRows("S1", [{ new_customers_target: null }]);
    const { letter, problems } = targetLetter(p, rows, "S1", "2024-Q1");
    expect(letter).toBeNull();
    expect(problems.map((x) => formatIssue(x, "en-US"))).toEqual([
      `Data row ${rows[0].source.row}, column J · New customers: New customer target is blank or unreadable and the plan has no default target for this indicator.`,
    ]);
  });
});

/** A month whose every default indicator attains its target exactly (sales target t, 360 at 100). */
function onTarget(t: number, base: number, standard: number): Record<string, number | null> {
  return {
    sales_target: t,
    sales_amount: t,
    prior_sales: t / 1.1,
    collected: t,
    due: t,
    new_customers: 3,
    new_customers_target: 3,
    strategic_amount: t * 0.2,
    satisfaction: 90,
    retention_rate: 0.85,
    clv: 300000,
    complaint_resolution: 0.95,
    visits: 60,
    calls: 60,
    proposals: 60,
    leads: 100,
    opportunities: 25,
    sales_cycle_days: 45,
    product_knowledge: 100,
    digital_tools: 100,
    training_hours: 8,
    deductions: 0,
    base_salary: base,
    performance_pay: standard,
  };
}

const monthArb = fc.record({
  t: fc.integer({ min: 1, max: 80 }).map((x) => x * 10000),
  base: fc.integer({ min: 30, max: 200 }).map((x) => x * 100),
  standard: fc.integer({ min: 0, max: 100 }).map((x) => x * 100),
});

describe("targetLetter: properties", () => {
  it("pay never falls as attainment rises (default plan)", () => {
    const plan = defaultPlan();
    fc.assert(
      fc.property(fc.array(monthArb, { minLength: 3, maxLength: 3 }), (ms) => {
        const rows = quarterRows(
          "P1",
          ms.map((m) => ({ sales_target: m.t, base_salary: m.base, performance_pay: m.standard }))
        );
        const at = [0.3, 0.6, 0.8, 0.95, 1, 1.1, 1.2, 1.5];
        const { letter } = targetLetter(plan, rows, "P1", "2024-Q1", at);
        const pay = letter!.scenarios.map((s) => s.pay!);
        for (let i = 1; i < pay.length; i++) expect(pay[i]).toBeGreaterThanOrEqual(pay[i - 1]);
      }),
      { numRuns: 40 }
    );
  });

  it("the 100% scenario is what evaluate() pays when the actuals equal the targets", () => {
    const plan = defaultPlan();
    fc.assert(
      fc.property(fc.array(monthArb, { minLength: 3, maxLength: 3 }), (ms) => {
        const actual = quarterRows(
          "P2",
          ms.map((m) => onTarget(m.t, m.base, m.standard))
        );
        const ratings: FeedbackRating[] = (["superior", "peer", "customer"] as const).map((r) =>
          rating("P2", "2024-Q1", r, 100)
        );
        const ev = evaluate(plan, actual, ratings);
        const trace = explain(ev, 0);
        // the letter is written from the same rows with their actuals blank
        const blankRows = actual.map((r) => ({
          ...r,
          values: { ...r.values, sales_amount: null, collected: null, due: null, visits: null },
        }));
        const s = targetLetter(plan, blankRows, "P2", "2024-Q1").letter!.scenarios[1];
        expect(s.pay).toBe(trace.pay.total);
        expect(s.commission).toBe(trace.pay.commission);
        expect(s.performancePay).toBe(trace.pay.performancePay);
        expect(s.grade).toBe(trace.grade.label);
        expect(s.total!).toBeCloseTo(trace.total!, 9);
      }),
      { numRuns: 40 }
    );
  });
});

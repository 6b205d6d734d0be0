import fc from "fast-check";
import { defaultPlan, evaluate } from "../../src/engine";
import { trackMonth, trackableMonths, projectValue } from "../../src/engine/evaluate/tracking";
import { generateSample } from "../../src/workbook/sample";
import { quarter, rating, row } from "./fixtures";

const plan = defaultPlan();
const at = (key: string) => plan.indicators.findIndex((i) => i.key === key);
const ratings = [
  rating("P001", "2024-Q1", "superior", 90),
  rating("P001", "2024-Q1", "peer", 80),
  rating("P001", "2024-Q1", "peer", 70),
  rating("P001", "2024-Q1", "customer", 85),
];

describe("a month's tracking worked by hand", () => {
  // January on target; February half the signed amount (strategic share and growth kept).
  const rows = [
    row("P001", "2024-01"),
    row("P001", "2024-02", { sales_amount: 50000, strategic_amount: 15000, prior_sales: 40000 }),
  ];
  const ev = evaluate(plan, rows, ratings);
  const t = trackMonth(ev, "2024-02")!;
  const [r] = t.rows;

  it("should take the months of the quarter up to the month", () => {
    expect(t.period).toBe("2024-Q1");
    expect(t.periodMonths).toEqual(["2024-01", "2024-02", "2024-03"]);
    expect(r.monthsToDate).toBe(2);
    expect(r.monthsAfter).toBe(1);
    expect(r.monthsInPeriod).toBe(3);
  });

  it("should give the signed amount to date against the pace and the quarter's target", () => {
    const s = r.indicators[at("sales_amount")];
    expect(s.actual).toBe(150000); // 100,000 + 50,000
    expect(s.targetToDate).toBe(200000); // the data's target, two months
    expect(s.targetPeriod).toBe(300000); // 200,000 × 3 ÷ 2
    expect(s.pace).toBe(0.75);
    expect(s.ofPeriod).toBe(0.5);
    expect(s.projected).toBe(225000); // 150,000 × 3 ÷ 2
    expect(s.projectedScore).toBe(75); // linear, floor 60%
  });

  it("should scale default targets of additive inputs with the months, and hold ratios", () => {
    const a = r.indicators[at("activity")];
    expect(a.targetToDate).toBe(360); // 180 a month × 2
    expect(a.targetPeriod).toBe(540); // × 3
    expect(a.pace).toBe(1);
    const c = r.indicators[at("collection_rate")];
    expect(c.actual).toBeCloseTo(0.9, 15); // 180,000 ÷ 200,000
    expect(c.targetToDate).toBe(1);
    expect(c.targetPeriod).toBe(1);
  });

  it("should project the quarter's score and grade by the same rules", () => {
    // On target the quarter scores 103×55% + 100×20% + 95.5×15% + 94.4×10% = 100.415; the signed
    // amount's 75 instead of 100 takes 25 × 40% × 55% = 5.5 off.
    expect(r.projectedTotal).toBeCloseTo(94.915, 10);
    expect(plan.grading.grades[r.projectedGrade].label).toBe("A");
    expect(r.projectedCoefficient).toBe(1.2);
  });

  it("should list the indicators behind pace, largest shortfall against weight first", () => {
    // signed amount (1 − 75%) × 40% × 55% = 0.055; collection (1 − 90%) × 20% × 55% = 0.011
    expect(r.behind.map((i) => plan.indicators[i].key)).toEqual([
      "sales_amount",
      "collection_rate",
    ]);
    expect(r.indicators[at("sales_amount")].shortfall).toBeCloseTo(0.055, 15);
    expect(r.indicators[at("collection_rate")].shortfall).toBeCloseTo(0.011, 15);
  });

  it("should refuse what is not a month", () => {
    expect(trackMonth(ev, "2024-Q1")).toBeNull();
    expect(trackableMonths(ev)).toEqual(["2024-01", "2024-02"]);
  });

  it("should leave the value as it is when no month is to come", () => {
    expect(projectValue(0.1, 3, 3)).toBe(0.1);
    expect(projectValue(10, 2, 3)).toBe(15);
  });
});

describe("a projection is graded by the bands, never by forced distribution", () => {
  it("should grade by bands under a forced-distribution plan", () => {
    const forced = defaultPlan();
    forced.grading.mode = "forced";
    const rows = [...quarter("P001", 2024, 1), ...quarter("P002", 2024, 1)];
    const ev = evaluate(forced, rows, ratings);
    const t = trackMonth(ev, "2024-02")!;
    for (const r of t.rows)
      expect(r.projectedGrade).toBe(
        forced.grading.grades.findIndex((g) => r.projectedTotal >= g.min - 1e-9)
      );
  });
});

describe("at the period's last month the projection is the period", () => {
  it("should equal evaluate()'s quarter score and grade (bands)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 4 }),
        (seed, q) => {
          const sample = generateSample({ people: 6, teams: 2, seed });
          const ev = evaluate(plan, sample.rows, sample.ratings);
          const month = `2024-${String(q * 3).padStart(2, "0")}`;
          const t = trackMonth(ev, month)!;
          const pf = ev.periods.frame;
          expect(t.rows.length).toBeGreaterThan(0);
          for (const r of t.rows) {
            const p = pf.ids.findIndex((id, i) => id === r.id && pf.periods[i] === t.period);
            expect(r.monthsAfter).toBe(0);
            const total = ev.periods.totals[p];
            if (Number.isNaN(total)) expect(r.projectedTotal).toBeNaN();
            else expect(r.projectedTotal).toBe(total);
            expect(r.projectedGrade).toBe(ev.grading.gradeIndex[p]);
            for (const x of r.indicators)
              expect(x.projectedScore).toBe(
                ev.periods.indicatorScores[p * plan.indicators.length + x.index]
              );
          }
        }
      ),
      { numRuns: 8 }
    );
  });
});

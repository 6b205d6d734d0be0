import {
  checkClosedPeriod,
  ClosedPayLine,
  closePeriod,
  defaultPlan,
  evaluate,
  inputChecksums,
  mergeYearToDate,
  planChecksum,
  scorecardRows,
  whatIf,
  yearToDate,
} from "../../src/engine";
import { quarter, rating } from "./fixtures";

function team(): ReturnType<typeof quarter> {
  // Four reps with collections across all three tiers.
  return [
    ...quarter("A1", 2024, 1, { collected: 350000, due: 350000 }, { team: "East" }),
    ...quarter("A2", 2024, 1, { collected: 90000 }, { team: "East" }),
    ...quarter("A3", 2024, 1, { collected: 320000, due: 400000 }, { team: "West" }),
    ...quarter(
      "A4",
      2024,
      1,
      { collected: 150000, due: 200000, sales_amount: 70000 },
      { team: "West" }
    ),
  ];
}

describe("what-if", () => {
  it("should report exactly the difference recomputing gives when the top tier rate goes from 5% to 6%", () => {
    const rows = team();
    const before = defaultPlan();
    const after = defaultPlan();
    after.commission.tiers[2].rate = 0.06;
    const w = whatIf(before, after, rows);
    const a = scorecardRows(evaluate(before, rows));
    const b = scorecardRows(evaluate(after, rows));
    for (const r of w.rows) {
      const x = a.find((y) => y.id === r.id)!;
      const y = b.find((z) => z.id === r.id)!;
      expect(r.payChange).toBe(Math.round((y.totalPay! - x.totalPay!) * 100) / 100);
    }
    // Only the slices above 300,000 change: A1 3 × 50,000 × 1%; A3 3 × 20,000 × 1%.
    expect(w.rows.map((r) => [r.id, r.payChange])).toEqual([
      ["A1", 1500],
      ["A2", 0],
      ["A3", 600],
      ["A4", 0],
    ]);
    expect(w.summary.cost).toBe(2100);
    expect(w.summary.byTeam).toEqual([
      expect.objectContaining({ team: "East", cost: 1500 }),
      expect.objectContaining({ team: "West", cost: 600 }),
    ]);
    expect(w.summary.upgrades + w.summary.downgrades).toBe(0);
    // the cost of the plan: the same revenue, 2,100 more incentive cost
    const pc = w.summary.planCost!;
    expect(pc.after.cost - pc.before.cost).toBe(2100);
    expect(pc.after.signed).toBe(pc.before.signed);
    // signed: 3 reps × 3 × 100,000 and A4 3 × 70,000 = 1,110,000
    expect(pc.before.signed).toBe(1110000);
    expect(pc.after.ofSigned).toBeCloseTo(pc.after.cost / 1110000, 15);
    expect(pc.byTeam.map((t) => [t.team, t.after.cost - t.before.cost])).toEqual([
      ["East", 1500],
      ["West", 600],
    ]);
  });
  it("should show grade changes and their cost when a band moves", () => {
    const rows = team();
    const before = defaultPlan();
    const after = defaultPlan();
    after.grading.grades[0].min = 101; // nobody reaches S any more
    const w = whatIf(before, after, rows);
    const downs = w.rows.filter((r) => r.gradeMove === "down");
    expect(downs.length).toBeGreaterThan(0);
    for (const r of downs) {
      expect(r.before.grade).toBe("S");
      expect(r.after.grade).toBe("A");
      expect(r.payChange).toBeLessThan(0);
    }
    expect(w.summary.gradeMoves["S→A"]).toBe(downs.length);
    expect(w.summary.downgrades).toBe(downs.length);
  });
  it("should compute nothing for a changed plan with errors and return its issues", () => {
    const after = defaultPlan();
    after.dimensions[0].weight = 0.6;
    const w = whatIf(defaultPlan(), after, team());
    expect(w.rows).toEqual([]);
    expect(w.issues.map((i) => i.code)).toContain("dimensionWeightsSum");
  });
});

describe("period close", () => {
  const plan = defaultPlan();
  const rows = [...team(), ...quarter("A1", 2024, 2, {}, { team: "East" })];
  const ratings = [
    rating("A1", "2024-Q1", "superior", 90),
    rating("A2", "2024-Q2", "superior", 70),
  ];
  const stamp = closePeriod(
    plan,
    rows,
    ratings,
    "2024-Q1",
    "hr@example.com",
    new Date("2024-04-05T09:00:00Z")
  );

  it("should stamp who, when, the plan version and checksums of the inputs", () => {
    expect(stamp).toEqual(
      expect.objectContaining({
        period: "2024-Q1",
        planVersion: "2024.1",
        closedBy: "hr@example.com",
        closedAt: "2024-04-05T09:00:00.000Z",
        rows: 12,
      })
    );
    expect(stamp.inputChecksum).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(stamp.personChecksums)).toEqual(["A1", "A2", "A3", "A4"]);
    expect(stamp.planChecksum).toBe(planChecksum(defaultPlan()));
  });
  it("should see no change when nothing changed, whatever the row order, and ignore other periods", () => {
    const shuffled = [...rows].reverse();
    const more = [...shuffled, ...quarter("A9", 2024, 3)];
    expect(checkClosedPeriod(stamp, plan, more, ratings)).toEqual({
      inputsChanged: false,
      changed: [],
      added: [],
      removed: [],
      planChanged: false,
    });
  });
  it("should detect an input changed after the close, and say whose", () => {
    const edited = rows.map((r) =>
      r.id === "A3" && r.period === "2024-02"
        ? { ...r, values: { ...r.values, collected: 320001 } }
        : r
    );
    const check = checkClosedPeriod(stamp, plan, edited, ratings);
    expect(check.inputsChanged).toBe(true);
    expect(check.changed).toEqual(["A3"]);
    const withRating = checkClosedPeriod(stamp, plan, rows, [
      ...ratings,
      rating("A2", "2024-Q1", "peer", 60),
    ]);
    expect(withRating.changed).toEqual(["A2"]);
    const removed = checkClosedPeriod(
      stamp,
      plan,
      rows.filter((r) => r.id !== "A4"),
      ratings
    );
    expect(removed.removed).toEqual(["A4"]);
  });
  it("should notice a plan change but keep the closed values: they are frozen in the workbook", () => {
    const changed = defaultPlan();
    changed.commission.tiers[2].rate = 0.06;
    expect(checkClosedPeriod(stamp, changed, rows, ratings).planChanged).toBe(true);
    expect(inputChecksums(changed, rows, ratings, "2024-Q1").overall).toBe(stamp.inputChecksum);
  });
});

describe("year to date and catch-up", () => {
  it("should sum the closed periods' frozen pay and show the catch-up a later correction causes", () => {
    const plan = defaultPlan();
    plan.commission.paidShare = 0.8;
    const rows = [...quarter("B1", 2024, 1), ...quarter("B1", 2024, 2)];
    const frozen: ClosedPayLine[] = scorecardRows(evaluate(plan, rows)).map((r) => ({
      id: r.id,
      name: r.name,
      team: r.team,
      period: r.period,
      base: r.base!,
      performancePay: r.performancePay!,
      commission: r.commission!,
      teamCommission: r.teamCommission ?? 0,
      guarantee: 0,
      appeal: 0,
      bonus: r.bonus!,
      totalPay: r.totalPay!,
    }));
    // After both quarters closed, a late correction raises February's collections by 10,000.
    const corrected = rows.map((r) =>
      r.period === "2024-02" ? { ...r, values: { ...r.values, collected: 100000 } } : r
    );
    const [ytd] = yearToDate(frozen, evaluate(plan, corrected), "2024");
    expect(ytd.periods).toEqual(["2024-Q1", "2024-Q2"]);
    expect(ytd.paid.total).toBe(frozen[0].totalPay + frozen[1].totalPay);
    // 10,000 more at 2% = 200 earned, 80% paid now = 160 catch-up; 40 more deferred.
    expect(ytd.catchUp).toBe(160);
    expect(ytd.deferredToDate).toBe(6 * 360 + 40);
    expect(ytd.clawbackOutstanding).toBe(0);
  });
});

describe("mergeYearToDate", () => {
  const plan = defaultPlan();
  plan.commission.paidShare = 0.8;
  const rows = [
    ...quarter("C1", 2024, 1),
    ...quarter("C1", 2024, 2),
    ...quarter("C2", 2024, 1, { collected: 320000 }, { team: "West" }),
    ...quarter("C2", 2024, 2, { collected: 320000 }, { team: "West" }),
  ];
  const frozen = (p: typeof plan): ClosedPayLine[] =>
    scorecardRows(evaluate(p, rows)).map((r) => ({
      id: r.id,
      name: r.name,
      team: r.team,
      period: r.period,
      base: r.base!,
      performancePay: r.performancePay!,
      commission: r.commission!,
      teamCommission: r.teamCommission ?? 0,
      guarantee: 0,
      appeal: 0,
      bonus: r.bonus!,
      totalPay: r.totalPay!,
    }));

  it("should equal one yearToDate over all closed periods when every period was closed with the same plan", () => {
    const lines = frozen(plan);
    const corrected = rows.map((r) =>
      r.period === "2024-05" ? { ...r, values: { ...r.values, collected: 120000 } } : r
    );
    const ev = evaluate(plan, corrected);
    const whole = yearToDate(lines, ev, "2024");
    const parts = ["2024-Q1", "2024-Q2"].map((q) =>
      yearToDate(
        lines.filter((l) => l.period === q),
        ev,
        "2024"
      )
    );
    expect(mergeYearToDate(parts)).toEqual(whole);
    // the May correction shows as a catch-up for both, recomputed − paid
    for (const r of whole) {
      expect(r.catchUp).not.toBe(0);
      expect(r.catchUp).toBe(Math.round((r.recomputed!.total - r.paid.total) * 100) / 100);
    }
  });

  it("should give each closed period its own plan's catch-up, so a plan change after the close adds none", () => {
    const q1 = frozen(plan).filter((l) => l.period === "2024-Q1");
    const later = defaultPlan();
    later.commission.paidShare = 0.8;
    later.commission.tiers[2].rate = 0.06; // raised after Q1 closed, before Q2 closed
    const q2 = frozen(later).filter((l) => l.period === "2024-Q2");
    const merged = mergeYearToDate([
      yearToDate(q1, evaluate(plan, rows), "2024"),
      yearToDate(q2, evaluate(later, rows), "2024"),
    ]);
    expect(merged.map((r) => [r.id, r.periods, r.catchUp])).toEqual([
      ["C1", ["2024-Q1", "2024-Q2"], 0],
      ["C2", ["2024-Q1", "2024-Q2"], 0],
    ]);
    const c2 = merged[1];
    expect(c2.paid.total).toBe(Math.round((q1[1].totalPay + q2[1].totalPay) * 100) / 100);
    // what one evaluation under the new plan would claim: a retroactive raise for Q1
    const retro = yearToDate([...q1, ...q2], evaluate(later, rows), "2024");
    expect(retro[1].catchUp).toBeGreaterThan(0);
  });

  it("should make the recomputation null when a part cannot be recomputed", () => {
    const part = yearToDate(frozen(plan), evaluate(plan, rows), "2024");
    const broken = part.map((r) => ({ ...r, recomputed: null, catchUp: null }));
    const merged = mergeYearToDate([broken.map((r) => ({ ...r, periods: ["2024-Q3"] })), part]);
    expect(merged.every((r) => r.recomputed === null && r.catchUp === null)).toBe(true);
  });
});

/**
 * The pay list (ev.payroll), worked by hand to the cent: a quarter-end month with performance
 * pay, a clawback carried forward, a new hire on the guarantee (recoverable and not), a deferred
 * commission settled at year end with the annual bonus, monthly advances with a true-up (one of
 * them negative), and a quarter whose performance pay waits because the data ends inside it.
 *
 * The default plan: base 8,000 and performance-pay standard 3,000 a month (the fixtures), tiers
 * 2% to 100,000 then 3%, grades S ≥ 95 (1.5), A ≥ 85 (1.2), B, C, D (0.5); an on-target month
 * collects 90,000 → commission 1,800.
 */
import {
  defaultPlan,
  evaluate,
  explain,
  withServiceMonthField,
  type DataRow,
  type Evaluation,
  type Plan,
} from "../../src/engine";
import { row } from "./fixtures";

const MONTHS = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"];

/** The pay list's line of a person's month. */
function line(ev: Evaluation, id: string, month: string) {
  const P = ev.payroll;
  const f = P.frame;
  for (let m = 0; m < f.n; m++)
    if (f.ids[m] === id && f.periods[m] === month)
      return {
        base: P.base[m],
        performancePay: P.performancePay[m],
        advance: P.performanceAdvance[m],
        trueUp: P.performanceTrueUp[m],
        commission: P.commission[m],
        deferred: P.deferred[m],
        clawedBack: P.clawedBack[m],
        bonus: P.bonus[m],
        settlement: P.settlement[m],
        adjustment: P.adjustment[m],
        grossBefore: P.grossBeforeGuarantee[m],
        topUp: P.guaranteeTopUp[m],
        recovered: P.guaranteeRecovered[m],
        owed: P.guaranteeOwed[m],
        gross: P.gross[m],
        performanceFor:
          P.performanceRow[m] >= 0 ? ev.periods.frame.periods[P.performanceRow[m]] : null,
      };
  throw new Error(`no line ${id} ${month}`);
}

function periodRow(ev: Evaluation, id: string, period: string): number {
  const f = ev.periods.frame;
  for (let r = 0; r < f.n; r++) if (f.ids[r] === id && f.periods[r] === period) return r;
  throw new Error(`no period ${id} ${period}`);
}

describe("pay list: a quarter-end month with performance pay", () => {
  const ev = evaluate(
    defaultPlan(),
    MONTHS.slice(0, 3).map((m) => row("A", `2024-${m}`))
  );

  it("should pay base and commission each month and the quarter's performance pay with March", () => {
    expect(line(ev, "A", "2024-01")).toMatchObject({
      base: 8000,
      performancePay: 0,
      commission: 1800,
      gross: 9800,
    });
    expect(line(ev, "A", "2024-02").gross).toBe(9800);
    // Q1: on target, grade S, coefficient 1.5: 3 × 3,000 × 1.5 = 13,500
    expect(ev.grading.coefficient[periodRow(ev, "A", "2024-Q1")]).toBe(1.5);
    const march = line(ev, "A", "2024-03");
    expect(march).toMatchObject({ performancePay: 13500, performanceFor: "2024-Q1", gross: 23300 });
    // the quarter's pay lines add up to the Scorecard's total pay: 9,800 + 9,800 + 23,300
    expect(ev.periodPay.total[periodRow(ev, "A", "2024-Q1")]).toBe(42900);
  });
});

describe("pay list: a clawback carried forward", () => {
  const ev = evaluate(defaultPlan(), [
    row("C", "2024-01", { collected: 10000, clawback: 500 }),
    row("C", "2024-02"),
    row("C", "2024-03"),
  ]);

  it("should claw back what January's commission covers and the rest from February's", () => {
    // January: 10,000 × 2% = 200 paid, 200 of the 500 clawed back, 300 carried
    expect(line(ev, "C", "2024-01")).toMatchObject({
      commission: 200,
      clawedBack: 200,
      gross: 8000,
    });
    // February: 1,800 paid, the 300 still owed clawed back: 8,000 + 1,800 − 300
    expect(line(ev, "C", "2024-02")).toMatchObject({
      commission: 1800,
      clawedBack: 300,
      gross: 9500,
    });
    // March: nothing owed; Q1 grade A (1.2): 9,000 × 1.2 = 10,800
    expect(ev.grading.coefficient[0]).toBe(1.2);
    expect(line(ev, "C", "2024-03")).toMatchObject({
      clawedBack: 0,
      performancePay: 10800,
      gross: 20600,
    });
  });
});

describe("pay list: a new hire on the guarantee", () => {
  /** Hired in February 2024 (14 of 29 days worked), months of service 1…5 to June. */
  function hire(recoverable: boolean): Evaluation {
    const plan: Plan = withServiceMonthField(defaultPlan());
    plan.pay.guarantee = { enabled: true, minimum: 16000, months: 2, recoverable };
    const svc = (r: DataRow, n: number): DataRow => ({
      ...r,
      values: { ...r.values, service_month: n },
    });
    return evaluate(plan, [
      svc(row("N", "2024-02", { days_worked: 14, collected: 50000 }), 1),
      svc(row("N", "2024-03", { collected: 50000 }), 2),
      svc(row("N", "2024-04"), 3),
      svc(row("N", "2024-05"), 4),
      svc(row("N", "2024-06"), 5),
    ]);
  }

  it("should top months of service 1 and 2 up to the minimum", () => {
    const ev = hire(false);
    // February: base 8,000 × 14/29 = 3,862.07; commission 50,000 × 2% = 1,000; no performance pay yet
    const feb = line(ev, "N", "2024-02");
    expect(feb).toMatchObject({ base: 3862.07, commission: 1000, grossBefore: 4862.07 });
    expect(feb).toMatchObject({ topUp: 11137.93, gross: 16000 });
    // March: Q1 standard 1,448.28 (3,000 × 14/29) + 3,000 = 4,448.28, grade A 1.2 → 5,337.94
    expect(ev.grading.coefficient[periodRow(ev, "N", "2024-Q1")]).toBe(1.2);
    const mar = line(ev, "N", "2024-03");
    expect(mar).toMatchObject({
      performancePay: 5337.94,
      grossBefore: 14337.94,
      topUp: 1662.06,
      gross: 16000,
    });
    // April, month of service 3: off the guarantee, nothing recovered
    expect(line(ev, "N", "2024-04")).toMatchObject({ topUp: 0, recovered: 0, gross: 9800 });
    // The Scorecard's Q1 pay carries the top-ups: 3,862.07 + 8,000 + 5,337.94 + 2,000 + 12,799.99
    const q1 = periodRow(ev, "N", "2024-Q1");
    expect(ev.periodPay.guaranteeTopUp[q1]).toBe(12799.99);
    expect(ev.periodPay.total[q1]).toBe(32000);
    const pay = explain(ev, q1).pay;
    expect(pay.guaranteeTopUp).toBe(12799.99);
    expect(pay.payList.map((m) => [m.period, m.onGuarantee, m.topUp])).toEqual([
      ["2024-02", true, 11137.93],
      ["2024-03", true, 1662.06],
    ]);
  });

  it("should recover the top-ups from later commission when recoverable, carried forward", () => {
    const ev = hire(true);
    expect(line(ev, "N", "2024-03").owed).toBe(12799.99);
    // April to June: each month's 1,800 commission repays 1,800 of the 12,799.99 owed
    expect(line(ev, "N", "2024-04")).toMatchObject({
      recovered: 1800,
      owed: 10999.99,
      gross: 8000,
    });
    expect(line(ev, "N", "2024-05")).toMatchObject({ recovered: 1800, owed: 9199.99, gross: 8000 });
    // June: Q2 performance pay 9,000 × 1.5 = 13,500; 8,000 + 13,500 + 1,800 − 1,800
    expect(line(ev, "N", "2024-06")).toMatchObject({
      performancePay: 13500,
      recovered: 1800,
      owed: 7399.99,
      gross: 21500,
    });
    const q2 = periodRow(ev, "N", "2024-Q2");
    expect(ev.periodPay.guaranteeRecovered[q2]).toBe(5400);
    expect(ev.periodPay.total[q2]).toBe(37500);
  });

  it("should warn when the guarantee is on and the data has no month-of-service column", () => {
    const plan = withServiceMonthField(defaultPlan());
    plan.pay.guarantee = { enabled: true, minimum: 16000, months: 2, recoverable: false };
    const ev = evaluate(plan, [row("N", "2024-02")]);
    expect(ev.issues.map((i) => i.code)).toContain("guaranteeNoServiceColumn");
    expect(line(ev, "N", "2024-02").topUp).toBe(0);
  });
});

describe("pay list: deferred commission settled at year end", () => {
  const plan = defaultPlan();
  plan.commission.paidShare = 0.8;
  const ev = evaluate(
    plan,
    MONTHS.map((m) => row("D", `2024-${m}`))
  );

  it("should pay 80% of the commission each month and the rest with the bonus in December", () => {
    // 1,800 × 80% = 1,440 paid, 360 deferred (shown, not in the gross)
    expect(line(ev, "D", "2024-01")).toMatchObject({
      commission: 1440,
      deferred: 360,
      gross: 9440,
    });
    // December: Q4 13,500; annual grade S (1.5) × 20,000 = 30,000; 12 × 360 = 4,320 settled
    const dec = line(ev, "D", "2024-12");
    expect(dec).toMatchObject({ performancePay: 13500, bonus: 30000, settlement: 4320 });
    expect(dec.gross).toBe(8000 + 13500 + 1440 + 30000 + 4320);
    expect(dec.gross).toBe(57260);
    expect(line(ev, "D", "2024-11")).toMatchObject({ bonus: 0, settlement: 0, gross: 9440 });
  });
});

describe("pay list: monthly advances with a quarter-end true-up", () => {
  const plan = defaultPlan();
  plan.pay.schedule = "monthlyAdvance";
  plan.pay.advanceShare = 0.8;
  const weak = {
    sales_amount: 55000,
    collected: 50000,
    new_customers: 1,
    strategic_amount: 10000,
    satisfaction: 70,
    visits: 10,
    calls: 80,
  };
  const ev = evaluate(plan, [
    ...MONTHS.slice(0, 3).map((m) => row("A", `2024-${m}`)),
    ...MONTHS.slice(0, 3).map((m) => row("B", `2024-${m}`, weak)),
  ]);

  it("should advance 80% of the standard and true up with March", () => {
    // A: 3,000 × 80% = 2,400 a month; Q1 13,500 − 7,200 advanced = 6,300
    expect(line(ev, "A", "2024-01")).toMatchObject({
      advance: 2400,
      trueUp: 0,
      performancePay: 2400,
      gross: 12200,
    });
    expect(line(ev, "A", "2024-03")).toMatchObject({
      advance: 2400,
      trueUp: 6300,
      performancePay: 8700,
      gross: 18500,
    });
  });

  it("should take back advances the quarter did not earn: a negative true-up", () => {
    // B: grade D (0.5): Q1 4,500 − 7,200 = −2,700; March pays 2,400 − 2,700 = −300
    expect(ev.grading.coefficient[periodRow(ev, "B", "2024-Q1")]).toBe(0.5);
    expect(line(ev, "B", "2024-01")).toMatchObject({ commission: 1000, gross: 11400 });
    expect(line(ev, "B", "2024-03")).toMatchObject({
      trueUp: -2700,
      performancePay: -300,
      gross: 8700,
    });
    // the quarter still adds up to its Scorecard total: 24,000 + 4,500 + 3,000
    expect(ev.periodPay.total[periodRow(ev, "B", "2024-Q1")]).toBe(31500);
  });

  it("should explain each month's advance and the negative true-up", () => {
    const pay = explain(ev, periodRow(ev, "B", "2024-Q1")).pay;
    expect(pay.schedule).toBe("monthlyAdvance");
    expect(
      pay.payList.map((m) => [m.period, m.advance, m.trueUp, m.performanceFor, m.gross])
    ).toEqual([
      ["2024-01", 2400, 0, null, 11400],
      ["2024-02", 2400, 0, null, 11400],
      ["2024-03", 2400, -2700, "2024-Q1", 8700],
    ]);
    expect(pay.guaranteeTopUp).toBeNull();
  });
});

describe("pay list: a quarter the data ends inside", () => {
  it("should hold the quarter's performance pay back until its last month is in the data", () => {
    const ev = evaluate(defaultPlan(), [row("A", "2024-01"), row("A", "2024-02")]);
    expect(line(ev, "A", "2024-02")).toMatchObject({
      performancePay: 0,
      performanceFor: null,
      gross: 9800,
    });
  });

  it("should pay a leaver's quarter with their last month when the data goes on for others", () => {
    const ev = evaluate(defaultPlan(), [
      row("A", "2024-01"),
      row("A", "2024-02"),
      row("B", "2024-01"),
      row("B", "2024-02"),
      row("B", "2024-03"),
    ]);
    expect(line(ev, "A", "2024-02")).toMatchObject({
      performanceFor: "2024-Q1",
      performancePay: 9000,
    });
  });
});

describe("pay list: a team lead with team commission", () => {
  const plan = defaultPlan();
  plan.commission.team = {
    method: "marginal",
    tiers: [
      { from: 0, rate: 0.005 },
      { from: 200000, rate: 0.01 },
    ],
    leads: [{ team: "华东一部", id: "L1" }],
    includeOwn: false,
  };
  const TEAM = { team: "华东一部" };
  const ev = evaluate(plan, [
    ...MONTHS.slice(0, 3).map((m) => row("A1", `2024-${m}`, { collected: 120000.55 }, TEAM)),
    ...MONTHS.slice(0, 3).map((m) => row("L1", `2024-${m}`, { collected: 50000 }, TEAM)),
  ]);

  it("should pay the lead's team commission as its own line each month", () => {
    // the member's 120,000.55 × 0.5% = 600.00275 → 600.00; own commission 50,000 × 2% = 1,000
    const jan = line(ev, "L1", "2024-01");
    expect(ev.payroll.teamCommission[ev.payroll.frame.ids.indexOf("L1")]).toBe(600);
    expect(jan).toMatchObject({ commission: 1000, gross: 8000 + 1000 + 600 });
    // March adds the quarter's performance pay (standard 9,000 × the coefficient)
    const q1 = periodRow(ev, "L1", "2024-Q1");
    const perf = ev.periodPay.performancePay[q1];
    expect(line(ev, "L1", "2024-03").gross).toBe(8000 + perf + 1000 + 600);
    // the quarter adds up to the Scorecard's total with the team commission
    expect(ev.periodPay.total[q1]).toBe(3 * 9600 + perf);
    // the member: 100,000 × 2% + 20,000.55 × 3% = 2,600.0165 → 2,600.02, no team line
    expect(line(ev, "A1", "2024-01").gross).toBe(10600.02);
  });
});

/**
 * The pay list's rules as pairs (the style of rule-pairs.test.ts): fast-check draws the cells,
 * HyperFormula evaluates the formula builders, and the result must equal the value functions —
 * the new-hire guarantee (on guarantee, top-up, recovered, balance carried), the monthly
 * performance-pay advance and the quarter-end true-up, and the pay list's signed sum; to the
 * cent, "" where the engine has NaN.
 */
import fc from "fast-check";
import {
  guaranteeBalance,
  guaranteeBalanceFormula,
  guaranteeRecovered,
  guaranteeRecoveredFormula,
  guaranteeTopUp,
  guaranteeTopUpFormula,
  onGuarantee,
  onGuaranteeFormula,
} from "../../src/engine/rules/guarantee";
import {
  payLinesSum,
  payLinesSumFormula,
  performanceAdvance,
  performanceAdvanceFormula,
  performanceTrueUp,
  performanceTrueUpFormula,
} from "../../src/engine/rules/pay";
import { expectMoney, FormulaSheet } from "./support/formula-sheet";

const RUNS = { numRuns: 150 };
const sheet = new FormulaSheet();
beforeEach(() => sheet.clear());

const num = (min: number, max: number): fc.Arbitrary<number> =>
  fc
    .double({ min, max, noNaN: true, noDefaultInfinity: true })
    .map((x) => Math.min(max, Math.max(min, Math.round(x * 1e4) / 1e4)));
const money = (min: number, max: number) => num(min, max).map((x) => Math.round(x * 100) / 100);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 4 });

describe("new-hire guarantee", () => {
  it("should put a month on guarantee in months of service 1…N only (blank: not a new hire)", () => {
    fc.assert(
      fc.property(
        maybe(fc.integer({ min: -2, max: 40 })),
        fc.integer({ min: 1, max: 24 }),
        (s, n) => {
          const [S, N] = sheet.column(0, [s, n]);
          expect(sheet.eval(onGuaranteeFormula(S, N))).toBe(onGuarantee(s ?? NaN, n) ? 1 : 0);
        }
      ),
      RUNS
    );
  });

  it("should top the month up to the minimum, never below 0, only on guarantee", () => {
    fc.assert(
      fc.property(fc.boolean(), money(0, 50_000), money(-20_000, 80_000), (on, min, gross) => {
        const [ON, MIN, G] = sheet.column(0, [on ? "=1=1" : "=1=0", min, gross]);
        expectMoney(sheet.eval(guaranteeTopUpFormula(ON, MIN, G)), guaranteeTopUp(on, min, gross));
      }),
      RUNS
    );
    expect(Number.isNaN(guaranteeTopUp(true, 5000, NaN))).toBe(true);
    expect(guaranteeTopUp(false, 5000, NaN)).toBe(0);
  });

  it("should recover what is owed from the net commission, never more, never below 0, and carry the rest", () => {
    fc.assert(
      fc.property(
        money(0, 60_000),
        money(-5_000, 40_000),
        money(0, 20_000),
        maybe(money(0, 40_000)),
        (owed, net, topUp, recoveredCell) => {
          const [O, NET, TU, R] = sheet.column(0, [owed, net, topUp, recoveredCell]);
          const rec = guaranteeRecovered(owed, net);
          expectMoney(sheet.eval(guaranteeRecoveredFormula(O, NET)), rec);
          expect(rec).toBeGreaterThanOrEqual(0);
          expect(rec).toBeLessThanOrEqual(owed);
          expectMoney(
            sheet.eval(guaranteeBalanceFormula(O, TU, R)),
            guaranteeBalance(owed, topUp, recoveredCell ?? NaN)
          );
        }
      ),
      RUNS
    );
  });
});

describe("performance pay by the schedule", () => {
  it("should advance the month's standard × the share, and true up the quarter to the cent", () => {
    fc.assert(
      fc.property(
        fc.array(money(0, 20_000), { minLength: 1, maxLength: 3 }),
        num(0, 1),
        money(0, 80_000),
        (standards, share, quarterPay) => {
          const [SH] = sheet.column(5, [share]);
          const stds = sheet.column(0, standards);
          const advances = standards.map((s, i) => {
            const v = performanceAdvance(s, share);
            expectMoney(sheet.eval(performanceAdvanceFormula(stds[i], SH)), v);
            return v;
          });
          sheet.column(1, advances);
          const [Q] = sheet.column(6, [quarterPay]);
          expectMoney(
            sheet.eval(performanceTrueUpFormula(Q, sheet.range(1, advances.length))),
            performanceTrueUp(quarterPay, advances)
          );
        }
      ),
      RUNS
    );
  });

  it("should sum the pay lines left to right with deductions, to the cent", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(money(-50_000, 100_000), fc.boolean()), { minLength: 1, maxLength: 9 }),
        (terms) => {
          const refs = sheet.column(
            0,
            terms.map((t) => t[0])
          );
          expectMoney(
            sheet.eval(payLinesSumFormula(terms.map((t, i) => ({ value: refs[i], minus: t[1] })))),
            payLinesSum(terms.map((t) => ({ value: t[0], minus: t[1] })))
          );
        }
      ),
      RUNS
    );
  });
});

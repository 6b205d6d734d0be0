/**
 * 团队提成 as pairs (the style of rule-pairs.test.ts): fast-check draws a team's basis cells and
 * tiers, HyperFormula evaluates the rule's formula builders — native formulas and PERF.* (the
 * shipped functions, test/workbook/support/perf-plugin.ts) — and the result must equal the
 * rule's value functions: the team basis exactly as the engine adds it, the team commission and
 * the total pay with it to the cent, errors as errors.
 */
import fc from "fast-check";
import { registerPerfPlugin } from "../workbook/support/perf-plugin";
import {
  teamBasis,
  teamBasisFormula,
  teamCommissionFormula,
  teamCommissionValue,
} from "../../src/engine/rules/team";
import { totalPay, totalPayFormula } from "../../src/engine/rules/pay";
import { expectMoney, expectNumber, FormulaSheet } from "./support/formula-sheet";

registerPerfPlugin();
const RUNS = { numRuns: 120 };
const sheet = new FormulaSheet();
beforeEach(() => sheet.clear());

const num = (min: number, max: number): fc.Arbitrary<number> =>
  fc
    .double({ min, max, noNaN: true, noDefaultInfinity: true })
    .map((x) => Math.min(max, Math.max(min, Math.round(x * 1e4) / 1e4)));
const money = (min: number, max: number) => num(min, max).map((x) => Math.round(x * 100) / 100);
const ascending = (count: number, min: number, step: number) =>
  fc
    .array(num(0.01, step), { minLength: count, maxLength: count })
    .map((steps) => steps.reduce<number[]>((xs, s) => [...xs, (xs.at(-1) ?? min) + s], []));
const tiers = fc
  .integer({ min: 1, max: 4 })
  .chain((n) =>
    fc.tuple(ascending(n, -1, 400_000), fc.array(num(0, 0.05), { minLength: n, maxLength: n }))
  );
const method = fc.constantFrom<"marginal" | "whole">("marginal", "whole");

describe("team basis", () => {
  it("should add the members' cells as the engine does, and be an error when one is not a number", () => {
    // A member cell: collections (refunds can make a month negative), blank, or unreadable.
    const member = fc.oneof(
      { weight: 8, arbitrary: money(-20_000, 600_000) },
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constant("=NA()") }
    );
    fc.assert(
      fc.property(
        fc.array(member, { minLength: 0, maxLength: 12 }),
        fc.boolean(),
        (cells, unique) => {
          sheet.clear();
          const refs = sheet.column(0, cells);
          const [U] = sheet.column(1, [unique ? "=1=1" : "=1=0"]);
          const got = sheet.eval(teamBasisFormula(refs, [U]));
          if (cells.length === 0) return expectNumber(got, 0);
          if (!unique || cells.some((c) => typeof c !== "number")) return expect(got).toBe("error");
          expectNumber(got, teamBasis(cells as number[]), 0);
        }
      ),
      RUNS
    );
  });

  it("should check teams larger than one AND can take", () => {
    const cells = Array.from({ length: 230 }, (_, i) => 1000 + i * 0.37);
    sheet.clear();
    const refs = [...sheet.column(0, cells.slice(0, 50)), ...sheet.column(1, cells.slice(50, 100))]
      .concat(sheet.column(2, cells.slice(100, 150)), sheet.column(3, cells.slice(150, 200)))
      .concat(sheet.column(4, cells.slice(200)));
    const f = teamBasisFormula(refs, []);
    expect(f.match(/AND\(/g)).toHaveLength(3);
    expectNumber(sheet.eval(f), teamBasis(cells), 0);
    sheet.column(4, [null], 10);
    expect(sheet.eval(f)).toBe("error");
  });
});

describe("team commission", () => {
  it("should give the engine's team commission to the cent, native and PERF.COMMISSION", () => {
    fc.assert(
      fc.property(tiers, money(-50_000, 1_500_000), method, ([bounds, rates], basis, m) => {
        sheet.clear();
        const B = sheet.column(1, bounds);
        const R = sheet.column(2, rates);
        const [A] = sheet.column(0, [basis]);
        const refs = {
          bounds: B,
          rates: R,
          rateRange: sheet.range(2, rates.length),
          tiersRange: sheet.range(1, bounds.length, 0, 2),
        };
        const expected = teamCommissionValue(basis, bounds, rates, m);
        expectMoney(sheet.eval(teamCommissionFormula(A, refs, m, `"${m}"`, false)), expected);
        expectMoney(sheet.eval(teamCommissionFormula(A, refs, m, `"${m}"`, true)), expected);
      }),
      RUNS
    );
  });
});

describe("total pay with the team commission", () => {
  it("should add the team commission with the commission, native and PERF.PAY", () => {
    fc.assert(
      fc.property(
        money(0, 30_000),
        money(0, 10_000),
        num(0, 2),
        money(-5_000, 40_000),
        money(0, 20_000),
        money(-3_000, 3_000),
        (base, std, coef, com, team, bonus) => {
          sheet.clear();
          const [BA, ST, CO, CM, TM, BO] = sheet.column(0, [base, std, coef, com, team, bonus]);
          const expected = totalPay(base, std, coef, com + team, bonus);
          for (const perf of [false, true])
            expectMoney(sheet.eval(totalPayFormula(BA, ST, CO, CM, BO, perf, TM)), expected);
        }
      ),
      RUNS
    );
  });

  it("should be blank when the team commission is", () => {
    const [BA, ST, CO, CM, TM, BO] = sheet.column(0, [8000, 3000, 1.2, 500, null, 0]);
    expect(sheet.eval(totalPayFormula(BA, ST, CO, CM, BO, false, TM))).toBe("");
    expect(sheet.eval(totalPayFormula(BA, ST, CO, CM, BO, true, TM))).toBe("");
  });
});

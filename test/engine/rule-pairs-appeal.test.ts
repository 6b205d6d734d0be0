/**
 * 申诉调整 as pairs (the style of rule-pairs.test.ts): fast-check draws an Appeals sheet's rows (ids,
 * periods, statuses in either language, amounts to the cent, blank amounts and amounts typed as
 * text) and HyperFormula evaluates the rule's SUMIFS; it must equal the rule's value over the
 * upheld rows of the id and period, to the cent. The total pay with it (PERF.PAY's bonus argument),
 * native and PERF.PAY, equals the engine's total.
 */
import fc from "fast-check";
import { registerPerfPlugin } from "../workbook/support/perf-plugin";
import { appealAdjustment, appealAdjustmentFormula } from "../../src/engine/rules/appeal";
import { totalPay, totalPayFormula } from "../../src/engine/rules/pay";
import { expectMoney, FormulaSheet } from "./support/formula-sheet";

registerPerfPlugin();
const RUNS = { numRuns: 100 };
const sheet = new FormulaSheet();
beforeEach(() => sheet.clear());

const cents = (min: number, max: number) =>
  fc.integer({ min: min * 100, max: max * 100 }).map((c) => c / 100);
const UPHELD = ["申诉成立", "Upheld"];
const status = fc.constantFrom("申诉成立", "Upheld", "维持原结果", "Rejected", "待处理", "受理中");
const row = fc.record({
  id: fc.constantFrom("S001", "S002", "S003"),
  period: fc.constantFrom("2024-Q1", "2024-Q2"),
  status,
  amount: fc.oneof(
    { weight: 6, arbitrary: cents(-3000, 5000) as fc.Arbitrary<number | string | null> },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constant("500") }
  ),
});

describe("appeal adjustment", () => {
  it("should sum the upheld amounts of the id and period as the engine does, to the cent", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 0, maxLength: 15 }), (rows) => {
        sheet.clear();
        const n = Math.max(1, rows.length);
        sheet.column(
          0,
          rows.map((r) => r.id)
        );
        sheet.column(
          1,
          rows.map((r) => r.period)
        );
        sheet.column(
          2,
          rows.map((r) => r.status)
        );
        // a blank amount is an empty cell (the sheet's), text stays text (SUMIFS leaves it out,
        // and the reader refuses it and holds the total up: tested in appeals.test.ts)
        sheet.column(
          3,
          rows.map((r) => (r.amount === null ? "" : r.amount))
        );
        const [ID, P] = sheet.column(5, ["S001", "2024-Q1"]);
        const f = appealAdjustmentFormula(
          {
            id: sheet.range(0, n),
            period: sheet.range(1, n),
            status: sheet.range(2, n),
            amount: sheet.range(3, n),
          },
          ID,
          P,
          UPHELD
        );
        const amounts = rows
          .filter((r) => r.id === "S001" && r.period === "2024-Q1" && UPHELD.includes(r.status))
          .map((r) => (typeof r.amount === "number" ? r.amount : 0));
        expectMoney(sheet.eval(f), appealAdjustment(amounts));
      }),
      RUNS
    );
  });

  it("should be 0 without upheld rows", () => {
    sheet.column(0, ["S001", "S001"]);
    sheet.column(1, ["2024-Q1", "2024-Q1"]);
    sheet.column(2, ["维持原结果", "待处理"]);
    sheet.column(3, [800, 200]);
    const [ID, P] = sheet.column(5, ["S001", "2024-Q1"]);
    const ranges = {
      id: sheet.range(0, 2),
      period: sheet.range(1, 2),
      status: sheet.range(2, 2),
      amount: sheet.range(3, 2),
    };
    expectMoney(sheet.eval(appealAdjustmentFormula(ranges, ID, P, UPHELD)), 0);
    expect(appealAdjustment([])).toBe(0);
  });
});

describe("total pay with the appeal adjustment", () => {
  it("should add the adjustment with the bonus, native and PERF.PAY, with and without team commission", () => {
    fc.assert(
      fc.property(
        cents(0, 30_000),
        cents(0, 10_000),
        fc.integer({ min: 0, max: 200 }).map((x) => x / 100),
        cents(-5_000, 40_000),
        cents(0, 20_000),
        cents(-3_000, 3_000),
        cents(-3_000, 5_000),
        (base, std, coef, com, team, bonus, appeal) => {
          sheet.clear();
          const [BA, ST, CO, CM, TM, BO, AP] = sheet.column(0, [
            base,
            std,
            coef,
            com,
            team,
            bonus,
            appeal,
          ]);
          const withTeam = totalPay(base, std, coef, com + team, bonus + appeal);
          const alone = totalPay(base, std, coef, com, bonus + appeal);
          for (const perf of [false, true]) {
            expectMoney(sheet.eval(totalPayFormula(BA, ST, CO, CM, BO, perf, TM, AP)), withTeam);
            expectMoney(sheet.eval(totalPayFormula(BA, ST, CO, CM, BO, perf, null, AP)), alone);
          }
        }
      ),
      RUNS
    );
  });

  it("should be blank while the adjustment is held up, and the formula unchanged without it", () => {
    const [BA, ST, CO, CM, BO, AP] = sheet.column(0, [8000, 3000, 1.2, 500, 0, null]);
    expect(sheet.eval(totalPayFormula(BA, ST, CO, CM, BO, false, null, AP))).toBe("");
    expect(sheet.eval(totalPayFormula(BA, ST, CO, CM, BO, true, null, AP))).toBe("");
    expect(totalPayFormula(BA, ST, CO, CM, BO, false, null, null)).toBe(
      totalPayFormula(BA, ST, CO, CM, BO, false)
    );
  });
});

/**
 * The PERF.* renderings of the rules as pairs: the same builders with `perf` set write the
 * custom functions instead of native formulas; HyperFormula runs them through the shipped
 * src/functions module (test/workbook/support/perf-plugin.ts) and the result must equal the
 * rule's value function, as the native rendering does in rule-pairs.test.ts.
 */
import fc from "fast-check";
import { registerPerfPlugin } from "../workbook/support/perf-plugin";
import {
  attainmentCellValue,
  attainmentFormula,
  growth,
  growthFormula,
  scoringAttainment,
} from "../../src/engine/rules/attainment";
import { kpiScore, kpiScorePerfFormula } from "../../src/engine/rules/linear";
import { curvePerfFormula, curveUnchecked } from "../../src/engine/rules/curve";
import { feedbackFormula, feedbackParts } from "../../src/engine/rules/feedback";
import { renormalizedFormula, weighted } from "../../src/engine/rules/weighting";
import { grade, gradeFormula } from "../../src/engine/rules/grade";
import {
  coefficient,
  coefficientFormula,
  matrixFormula,
  matrixUnchecked,
} from "../../src/engine/rules/coefficient";
import { commissionPerfFormula, commissionUnchecked } from "../../src/engine/rules/commission";
import { proratedMoney, proratedPerfFormula, workedShare } from "../../src/engine/rules/prorate";
import { pay, totalPayFormula } from "../../src/engine/rules/pay";
import { isError } from "../../src/engine/errors";
import { expectMoney, expectNumber, FormulaSheet } from "./support/formula-sheet";

registerPerfPlugin();
const RUNS = { numRuns: 100 };
const sheet = new FormulaSheet();
beforeEach(() => sheet.clear());

const num = (min: number, max: number): fc.Arbitrary<number> =>
  fc
    .double({ min, max, noNaN: true, noDefaultInfinity: true })
    .map((x) => Math.min(max, Math.max(min, Math.round(x * 1e4) / 1e4)));
const money = num(0, 500_000).map((x) => Math.round(x * 100) / 100);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 4 });
const ascending = (count: number, min: number, step: number) =>
  fc
    .array(num(0.01, step), { minLength: count, maxLength: count })
    .map((steps) => steps.reduce<number[]>((xs, s) => [...xs, (xs.at(-1) ?? min) + s], []));

describe("PERF.ATTAINMENT, PERF.GROWTH and PERF.KPISCORE", () => {
  it("should give the engine's attainment, growth and linear score", () => {
    fc.assert(
      fc.property(num(0.5, 1000), num(0.5, 1000), fc.boolean(), (x, t, lower) => {
        sheet.clear();
        const [X, T, F, C, S] = sheet.column(0, [x, t, 0.6, 1.2, 100]);
        const dir = lower ? "lower" : "higher";
        const a = sheet.eval(attainmentFormula(X, T, dir, C, true));
        expectNumber(a, attainmentCellValue(scoringAttainment(x, t, lower, 1.2)));
        expectNumber(sheet.eval(growthFormula(X, T, true)), growth(x, t) as number);
        const [A] = sheet.column(6, [a as number]);
        const score = sheet.eval(kpiScorePerfFormula(A, "#N/A", X, T, F, C, `"${dir}"`, S));
        expectNumber(score, kpiScore(x, t, 0.6, 1.2, dir, 100) as number);
      }),
      RUNS
    );
  });
});

describe("PERF.CURVE", () => {
  it("should score a value on the curve's points", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((n) =>
            fc.tuple(ascending(n, 0, 0.6), fc.array(num(0, 150), { minLength: n, maxLength: n }))
          ),
        num(0, 3),
        fc.constantFrom<"linear" | "step">("linear", "step"),
        ([xs, ys], v, mode) => {
          sheet.clear();
          sheet.column(1, xs);
          sheet.column(2, ys);
          const [V] = sheet.column(0, [v]);
          const got = sheet.eval(
            curvePerfFormula(V, `""`, sheet.range(1, xs.length, 0, 2), `"${mode}"`)
          );
          const points = xs.map((x, i) => ({ x, y: ys[i] }));
          expectNumber(got, curveUnchecked(v, points, mode));
        }
      ),
      RUNS
    );
  });
});

describe("PERF.WEIGHTED and PERF.FEEDBACK", () => {
  it("should renormalize over the scores present and weight the 360 groups present", () => {
    fc.assert(
      fc.property(
        fc.tuple(maybe(num(0, 100)), maybe(num(0, 100)), maybe(num(0, 100))),
        (scores) => {
          sheet.clear();
          const weights = [0.6, 0.2, 0.2];
          const M = sheet.column(0, scores);
          sheet.column(1, weights);
          const W = sheet.range(1, 3);
          const w = sheet.eval(renormalizedFormula(sheet.range(0, 3), W, `""`, true));
          const v = weighted(scores, weights, "renormalize");
          if (isError(v)) expect(w).toBe("");
          else expectNumber(w, v);
          const f = sheet.eval(feedbackFormula(M, [], true, W));
          const parts = feedbackParts(
            ...(scores.map((m) => (m === null ? [] : [m])) as [number[], number[], number[]]),
            weights
          );
          if (isError(parts)) expect(f).toBe("");
          else expectNumber(f, parts.score);
        }
      ),
      RUNS
    );
  });
});

describe("PERF.GRADE, PERF.COEFFICIENT and PERF.MATRIX", () => {
  it("should grade, look up the coefficient and read the matrix like the engine", () => {
    const bands = [
      { min: 90, label: "A" },
      { min: 70, label: "B" },
      { min: 10, label: "C" },
    ];
    const table = [
      { label: "A", coefficient: 1.3 },
      { label: "B", coefficient: 1 },
      { label: "C", coefficient: 0.7 },
    ];
    fc.assert(
      fc.property(num(0, 120), num(0, 2), num(0, 2), (total, att, col) => {
        sheet.clear();
        sheet.column(
          1,
          bands.map((b) => b.min)
        );
        sheet.column(
          2,
          bands.map((b) => b.label)
        );
        sheet.column(
          3,
          table.map((e) => e.coefficient)
        );
        const [T] = sheet.column(0, [total]);
        const refs = {
          mins: sheet.range(1, 3),
          labels: sheet.range(2, 3),
          bands: sheet.range(1, 3, 0, 2),
        };
        const g = sheet.eval(gradeFormula(T, refs, true));
        const expected = grade(total, bands);
        expect(g).toBe(isError(expected) ? "" : expected);
        const [G] = sheet.column(5, [isError(expected) ? null : expected]);
        const coefficients = { labels: "", coefficients: "", table: sheet.range(2, 3, 0, 2) };
        const c = sheet.eval(coefficientFormula(G, coefficients, true));
        if (isError(expected)) expect(c).toBe("");
        else expectNumber(c, coefficient(expected, table) as number);
        // a 2 × 2 matrix with its headers: column thresholds across row 8, row thresholds down column H
        sheet.column(7, [null, 0.5, 1], 7);
        sheet.column(8, [0.6, 0.8, 1.1], 7);
        sheet.column(9, [1, 1.2, 1.5], 7);
        const [MA, MC] = sheet.column(6, [att, col]);
        const m = sheet.eval(
          matrixFormula(
            '"A"',
            MA,
            MC,
            { rows: "", columns: "", table: sheet.range(7, 3, 7, 3) },
            true
          )
        );
        const cells = [
          [0.8, 1.2],
          [1.1, 1.5],
        ];
        expectNumber(
          m,
          matrixUnchecked(att, col, { rows: [0.5, 1], columns: [0.6, 1], cells }) as number
        );
      }),
      RUNS
    );
  });
});

describe("PERF.COMMISSION, PERF.PRORATE and PERF.PAY", () => {
  it("should compute tiered commission, prorated money and total pay like the engine", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 4 })
          .chain((n) =>
            fc.tuple(
              ascending(n, -1, 200_000),
              fc.array(num(0, 0.2), { minLength: n, maxLength: n })
            )
          ),
        money,
        fc.constantFrom<"marginal" | "whole">("marginal", "whole"),
        num(0, 31),
        num(1, 31),
        num(0, 2),
        ([bounds, rates], amount, method, dw, dm, coef) => {
          sheet.clear();
          sheet.column(1, bounds);
          sheet.column(2, rates);
          const [A, DW, DM, C] = sheet.column(0, [amount, dw, dm, coef]);
          const tiers = sheet.range(1, bounds.length, 0, 2);
          const got = sheet.eval(commissionPerfFormula(A, tiers, `"${method}"`, null));
          expectNumber(got, commissionUnchecked(amount, bounds, rates, method));
          const p = sheet.eval(proratedPerfFormula(A, DW, DM));
          expectMoney(p, proratedMoney(amount, workedShare(dw, dm)));
          const total = sheet.eval(totalPayFormula(A, A, C, A, DW, true));
          expectMoney(total, pay(amount, amount, coef, amount, dw) as number);
        }
      ),
      RUNS
    );
  });
});

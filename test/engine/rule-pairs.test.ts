/**
 * Each rule tested as a pair: fast-check draws inputs, HyperFormula evaluates the rule's formula
 * builder over them on a small sheet, and the result must equal the rule's value function —
 * scores within 1e-9, money to the cent (Excel's ROUND on both sides), missing as "", errors as
 * errors. The layouts write these builders' formulas; the engine and PERF.* call these functions.
 */
import fc from "fast-check";
import {
  attainmentCellValue,
  attainmentFormula,
  growth,
  growthFormula,
  ratioFormula,
  scoringAttainment,
  sumFormula,
  UNBOUNDED_ATTAINMENT,
} from "../../src/engine/rules/attainment";
import { linearScoreFormula, scoreAttainment } from "../../src/engine/rules/linear";
import {
  curveScoreFormula,
  curveSegment,
  curveSegmentFormula,
  curveUnchecked,
  type CurvePoint,
} from "../../src/engine/rules/curve";
import { directScore, directScoreFormula } from "../../src/engine/rules/direct";
import { deductionScore, deductionScoreFormula } from "../../src/engine/rules/deduction";
import {
  customerBlend,
  customerBlendFormula,
  feedbackFormula,
  feedbackParts,
  groupMean,
} from "../../src/engine/rules/feedback";
import {
  missingFormula,
  renormalizedFormula,
  weighted,
  weightedTermsFormula,
} from "../../src/engine/rules/weighting";
import { grade, gradeFormula, type Band } from "../../src/engine/rules/grade";
import { costRatio, costRatioFormula } from "../../src/engine/rules/cost";
import {
  aboveQuotaFormula,
  spreadCheck,
  competitionRanks,
  distributionCutoffs,
  forcedGradeFormula,
  gradeIndexForRank,
  groupSizeFormula,
  rankFormula,
} from "../../src/engine/rules/distribution";
import {
  coefficient,
  coefficientFormula,
  matrixFormula,
  matrixRatio,
  matrixRatioFormula,
  matrixUnchecked,
} from "../../src/engine/rules/coefficient";
import {
  attainmentGateFormula,
  commissionGate,
  commissionLine,
  commissionUnchecked,
  earnedCommission,
  Gate,
  gradeGateFormula,
  monthStatus,
  monthStatusFormula,
  clawbackBalance,
  clawbackRecovered,
  commissionCapped,
  commissionDeferred,
  commissionPaidNow,
  settleYear,
  settlementLine,
  tiersFormula,
} from "../../src/engine/rules/commission";
import {
  proratedFormula,
  proratedMoney,
  workedShare,
  workedShareFormula,
} from "../../src/engine/rules/prorate";
import {
  pay,
  performancePay,
  performancePayFormula,
  totalPayFormula,
} from "../../src/engine/rules/pay";
import {
  periodFormula,
  periodState,
  periodValue,
  type MonthTally,
} from "../../src/engine/rules/aggregate";
import { isError } from "../../src/engine/errors";
import { roundMoney } from "../../src/engine/numeric";
import { expectMoney, expectNumber, FormulaSheet } from "./support/formula-sheet";

const RUNS = { numRuns: 150 };
const sheet = new FormulaSheet();
beforeEach(() => sheet.clear());

/** Numbers as a sheet holds them: a few decimals, sometimes round, sometimes 0. */
const num = (min: number, max: number): fc.Arbitrary<number> => {
  const decimals = fc
    .double({ min, max, noNaN: true, noDefaultInfinity: true })
    .map((x) => Math.min(max, Math.max(min, Math.round(x * 1e4) / 1e4)));
  if (Math.ceil(min) > Math.floor(max)) return decimals;
  return fc.oneof(fc.integer({ min: Math.ceil(min), max: Math.floor(max) }), decimals);
};
const money = num(0, 500_000).map((x) => Math.round(x * 100) / 100);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 4 });
/** Strictly ascending numbers (curve x, tier bounds, matrix thresholds). */
const ascending = (count: number, min: number, step: number) =>
  fc
    .array(num(0.01, step), { minLength: count, maxLength: count })
    .map((steps) => steps.reduce<number[]>((xs, s) => [...xs, (xs.at(-1) ?? min) + s], []));

describe("period aggregation", () => {
  it("should sum, average or take the last month like the engine's frame", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(maybe(num(-100, 1000)), fc.constant("=NA()")), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.constantFrom<"sum" | "mean" | "last">("sum", "mean", "last"),
        fc.boolean(),
        (months, rule, optional) => {
          sheet.clear();
          const cells = sheet.column(0, months);
          const got = sheet.eval(
            periodFormula(rule, optional, sheet.range(0, months.length), cells)
          );
          const t: MonthTally = {
            invalid: false,
            anyBlank: false,
            allAbsent: false,
            sum: 0,
            count: 0,
            last: NaN,
          };
          for (const v of months) {
            if (typeof v === "number") {
              t.sum += v;
              t.count++;
              t.last = v;
            } else if (v === null) t.anyBlank = true;
            else t.invalid = true;
          }
          const state = periodState(rule, optional, t);
          if (state === "invalid") return expect(got).toBe("error");
          if (state !== "ok") return expect(got).toBe("");
          expectNumber(got, periodValue(rule, t));
        }
      ),
      RUNS
    );
  });
});

describe("attainment", () => {
  it("should give the engine's attainment, blank or error for the same inputs", () => {
    fc.assert(
      fc.property(
        maybe(num(0, 1000)),
        maybe(num(-10, 1000)),
        fc.boolean(),
        fc.constantFrom("linear", "curve"),
        (x, t, lower, method) => {
          sheet.clear();
          const [X, T, CAP] = sheet.column(0, [x, t, 1.2]);
          const best = method === "linear" ? CAP : UNBOUNDED_ATTAINMENT.formula;
          const got = sheet.eval(attainmentFormula(X, T, lower ? "lower" : "higher", best, false));
          if (x === null || t === null) return expect(got).toBe("");
          if (t < 0) return expect(got).toBe("error");
          const a = scoringAttainment(x, t, lower, method === "linear" ? 1.2 : Infinity);
          if (Number.isNaN(a)) return expect(got).toBe("");
          expectNumber(got, attainmentCellValue(a));
        }
      ),
      RUNS
    );
  });

  it("should compute ratio, growth and sum inputs as the engine reads them", () => {
    fc.assert(
      fc.property(maybe(num(-1000, 1000)), maybe(num(-1000, 1000)), (x, y) => {
        sheet.clear();
        const [X, Y] = sheet.column(0, [x, y]);
        const blank = x === null || y === null || y === 0;
        const ratio = sheet.eval(ratioFormula(X, Y));
        const g = sheet.eval(growthFormula(X, Y, false));
        const s = sheet.eval(sumFormula([X, Y]));
        if (blank) {
          expect(ratio).toBe("");
          expect(g).toBe("");
        } else {
          expectNumber(ratio, x / y);
          expectNumber(g, growth(x, y) as number);
        }
        if (x === null || y === null) expect(s).toBe("");
        else expectNumber(s, x + y);
      }),
      RUNS
    );
  });
});

describe("linear scoring", () => {
  it("should score an attainment with floor, cap and full score like scoreAttainment", () => {
    fc.assert(
      fc.property(
        maybe(num(0, 3)),
        num(0, 1),
        num(1, 2),
        num(1, 150),
        fc.constantFrom<"error" | "zero" | "renormalize">("error", "zero", "renormalize"),
        (a, floor, cap, full, policy) => {
          sheet.clear();
          const [A, F, C, S] = sheet.column(0, [a, floor, cap, full]);
          const got = sheet.eval(linearScoreFormula(A, missingFormula(policy), F, C, S));
          if (a === null) return expectMissing(got, policy);
          expectNumber(got, scoreAttainment(a, floor, cap, full));
        }
      ),
      RUNS
    );
  });
});

describe("curve scoring", () => {
  it("should find the engine's segment and score in both modes", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((n) =>
            fc.tuple(ascending(n, 0, 0.6), fc.array(num(0, 150), { minLength: n, maxLength: n }))
          ),
        maybe(num(0, 3)),
        fc.constantFrom<"linear" | "step">("linear", "step"),
        ([xs, ys], v, mode) => {
          sheet.clear();
          const points: CurvePoint[] = xs.map((x, i) => ({ x, y: ys[i] }));
          const X = sheet.column(1, xs);
          const Y = sheet.column(2, ys);
          const [V] = sheet.column(0, [v]);
          const segF = curveSegmentFormula(V, X);
          const seg = sheet.eval(segF);
          const [K] = sheet.column(3, [v === null ? null : (seg as number)]);
          const refs = {
            x: X,
            y: Y,
            xRange: sheet.range(1, xs.length),
            yRange: sheet.range(2, xs.length),
          };
          const got = sheet.eval(curveScoreFormula(V, K, `""`, refs, mode));
          if (v === null) {
            expect(seg).toBe("");
            return expect(got).toBe("");
          }
          expect(seg).toBe(curveSegment(v, points));
          expectNumber(got, curveUnchecked(v, points, mode));
        }
      ),
      RUNS
    );
  });
});

describe("direct and deduction scoring", () => {
  it("should clamp a direct score and deduct from the full score", () => {
    fc.assert(
      fc.property(maybe(num(-50, 200)), num(0.5, 2), num(1, 150), (x, cap, full) => {
        sheet.clear();
        const [X, C, F] = sheet.column(0, [x, cap, full]);
        const d = sheet.eval(directScoreFormula(X, "0", C));
        const k = sheet.eval(deductionScoreFormula(X, "#N/A", F));
        if (x === null) {
          expect(d).toBe(0);
          return expect(k).toBe("error");
        }
        expectNumber(d, directScore(x, cap));
        expectNumber(k, deductionScore(x, full));
      }),
      RUNS
    );
  });
});

describe("360 feedback", () => {
  it("should weight the group means present, leaving empty groups out", () => {
    fc.assert(
      fc.property(
        fc.tuple(maybe(num(0, 100)), maybe(num(0, 100)), maybe(num(0, 100))),
        fc.tuple(num(0, 1), num(0, 1), num(0, 1)),
        (means, weights) => {
          sheet.clear();
          const M = sheet.column(0, means);
          const W = sheet.column(1, weights);
          const got = sheet.eval(feedbackFormula(M, W, false, sheet.range(1, 3)));
          const parts = feedbackParts(
            ...(means.map((m) => (m === null ? [] : [m])) as [number[], number[], number[]]),
            weights
          );
          if (isError(parts)) return expect(got).toBe("");
          expectNumber(got, parts.score);
        }
      ),
      RUNS
    );
  });
});

describe("customers' 360 ratings feeding satisfaction (客户360评价)", () => {
  it("should take the customers' mean alone, or blend it with the survey by the share", () => {
    fc.assert(
      fc.property(
        fc.array(num(0, 100), { maxLength: 4 }),
        maybe(num(0, 100)),
        num(0.01, 1),
        fc.boolean(),
        (ratings, survey, share, alone) => {
          sheet.clear();
          // the customers' mean as the Scorecard's 360 column holds it: "" without ratings
          const mean = groupMean(ratings);
          const [M, S, W] = sheet.column(0, [mean, survey, share]);
          const got = sheet.eval(customerBlendFormula(M, alone ? null : S, W));
          if (mean === null || (!alone && survey === null)) return expect(got).toBe("");
          expectNumber(got, customerBlend(mean, alone ? null : survey, share));
        }
      ),
      RUNS
    );
  });
});

describe("weighting and missing scores", () => {
  it("should renormalize over the scores present like PERF.WEIGHTED", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 6 })
          .chain((n) =>
            fc.tuple(
              fc.array(maybe(num(0, 120)), { minLength: n, maxLength: n }),
              fc.array(fc.integer({ min: 0, max: 100 }), { minLength: n, maxLength: n })
            )
          ),
        ([scores, raw]) => {
          sheet.clear();
          const sum = raw.reduce((a, b) => a + b, 0) || 1;
          const weights = raw.map((w) => w / sum);
          // the first weight takes up the rounding so the weights sum to 1, never below 0 (−1e−17
          // would be a negative weight, which PERF.WEIGHTED refuses)
          weights[0] = Math.max(0, weights[0] + 1 - weights.reduce((a, b) => a + b, 0));
          sheet.column(0, scores);
          sheet.column(1, weights);
          const S = sheet.range(0, scores.length);
          const W = sheet.range(1, weights.length);
          const got = sheet.eval(renormalizedFormula(S, W, `""`, false));
          const v = weighted(scores, weights, "renormalize");
          if (isError(v)) return expect(got).toBe("");
          expectNumber(got, v);
        }
      ),
      RUNS
    );
  });

  it("should weight single cells with optional terms left out", () => {
    fc.assert(
      fc.property(num(0, 100), maybe(num(0, 100)), num(0.1, 1), num(0, 1), (p, fb, w, fw) => {
        sheet.clear();
        const [P, F, PW, FW] = sheet.column(0, [p, fb, w, fw]);
        const { num: n, den } = weightedTermsFormula([
          { ref: P, weight: PW },
          { ref: F, weight: FW, optional: true },
        ]);
        const got = sheet.eval(`(${n})/(${den})`);
        const v = weighted(
          [p, fb],
          [w, fw].map((x) => x / (w + fw)),
          "renormalize"
        );
        expectNumber(got, v as number);
      }),
      RUNS
    );
  });
});

const BANDS: Band[] = [
  { min: 95, label: "S" },
  { min: 85, label: "A" },
  { min: 70, label: "B" },
  { min: 60, label: "C" },
  { min: 10, label: "D" },
];

describe("grade bands", () => {
  it("should give the band the engine gives, or nothing below the lowest", () => {
    fc.assert(
      fc.property(
        maybe(fc.oneof(num(0, 120), fc.constantFrom(95, 85 - 1e-10, 70 + 1e-10, 60, 10))),
        (total) => {
          sheet.clear();
          sheet.column(
            1,
            BANDS.map((b) => b.min)
          );
          sheet.column(
            2,
            BANDS.map((b) => b.label)
          );
          const [T] = sheet.column(0, [total]);
          const refs = {
            mins: sheet.range(1, 5),
            labels: sheet.range(2, 5),
            bands: sheet.range(1, 5, 0, 2),
          };
          const got = sheet.eval(gradeFormula(T, refs, false));
          if (total === null) return expect(got).toBe("");
          const g = grade(total, BANDS);
          expect(got).toBe(isError(g) ? "" : g);
        }
      ),
      RUNS
    );
  });
});

describe("forced distribution", () => {
  it("should rank within the group and grade by the quotas' cut-offs", () => {
    const quotas = [0.1, 0.2, 0.5, 0.15, 0.05];
    const labels = ["S", "A", "B", "C", "D"];
    const cumulative = quotas.map((_, i) => quotas.slice(0, i + 1).reduce((a, b) => a + b, 0));
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.constantFrom("x", "y"), maybe(fc.oneof(num(0, 100), fc.constant(80)))),
          {
            minLength: 1,
            maxLength: 14,
          }
        ),
        (rows) => {
          sheet.clear();
          const n = rows.length;
          const groupRefs = sheet.column(
            0,
            rows.map((r) => r[0])
          );
          const totals = sheet.column(
            1,
            rows.map((r) => r[1])
          );
          sheet.column(5, labels);
          sheet.column(6, cumulative);
          const groups = sheet.range(0, n);
          const T = sheet.range(1, n);
          rows.forEach(([group, total], i) => {
            const inGroup = `${groups},${groupRefs[i]}`;
            const rank = sheet.eval(rankFormula(totals[i], inGroup, T));
            const size = sheet.eval(groupSizeFormula(totals[i], inGroup, T));
            if (total === null) {
              expect(rank).toBe("");
              return expect(size).toBe("");
            }
            const members = rows.filter((r) => r[0] === group).map((r) => r[1] ?? NaN);
            const mine = rows.slice(0, i).filter((r) => r[0] === group).length;
            const ranks = competitionRanks(members);
            const graded = members.filter((x) => !Number.isNaN(x)).length;
            expect(rank).toBe(ranks[mine]);
            expect(size).toBe(graded);
            const [R, N] = sheet.column(3, [rank as number, size as number], i * 2);
            const g = sheet.eval(
              forcedGradeFormula(totals[i], R, N, sheet.range(5, 5), sheet.range(6, 5), 5)
            );
            const cut = distributionCutoffs(
              graded,
              labels.map((label, k) => ({ label, share: quotas[k] }))
            );
            expect(g).toBe(labels[gradeIndexForRank(ranks[mine], cut)]);
          });
        }
      ),
      { numRuns: 60 }
    );
  });
});

describe("coefficient and matrix", () => {
  it("should look up the grade's coefficient", () => {
    const table = [
      { label: "S", coefficient: 1.5 },
      { label: "A", coefficient: 1.2 },
      { label: "B", coefficient: 1 },
    ];
    fc.assert(
      fc.property(maybe(fc.constantFrom("S", "A", "B")), (g) => {
        sheet.clear();
        sheet.column(
          1,
          table.map((e) => e.label)
        );
        sheet.column(
          2,
          table.map((e) => e.coefficient)
        );
        const [G] = sheet.column(0, [g]);
        const refs = {
          labels: sheet.range(1, 3),
          coefficients: sheet.range(2, 3),
          table: sheet.range(1, 3, 0, 2),
        };
        const got = sheet.eval(coefficientFormula(G, refs, false));
        if (g === null) return expect(got).toBe("");
        expectNumber(got, coefficient(g, table) as number);
      }),
      RUNS
    );
  });

  it("should read the matrix at the last thresholds reached, 0 below either axis", () => {
    fc.assert(
      fc.property(
        ascending(3, 0.3, 0.5),
        ascending(2, 0.4, 0.5),
        fc.array(num(0, 2), { minLength: 6, maxLength: 6 }),
        maybe(num(0, 3)),
        maybe(num(0, 2)),
        maybe(num(0, 3)),
        (rows, columns, flat, att, col, den) => {
          sheet.clear();
          const cells = [0, 1, 2].map((r) => flat.slice(r * 2, r * 2 + 2));
          // the table as the Plan sheet holds it: column thresholds across row 1, row thresholds down column 1
          sheet.column(4, [null, ...rows]);
          sheet.column(5, [columns[0], ...cells.map((c) => c[0])]);
          sheet.column(6, [columns[1], ...cells.map((c) => c[1])]);
          const refs = {
            rows: sheet.range(4, 3, 1),
            columns: "F1:G1",
            table: sheet.range(4, 4, 0, 3),
          };
          const [G, MA, MC, N, D] = sheet.column(0, ["A", att, col, att, den]);
          const got = sheet.eval(matrixFormula(G, MA, MC, refs, false));
          if (att === null || col === null) expect(got).toBe("");
          else expectNumber(got, matrixUnchecked(att, col, { rows, columns, cells }) as number);
          const ratio = sheet.eval(matrixRatioFormula(N, D));
          const r = att === null || den === null ? NaN : matrixRatio(att, den);
          if (Number.isNaN(r)) expect(ratio).toBe("");
          else expectNumber(ratio, r);
        }
      ),
      RUNS
    );
  });
});

describe("commission", () => {
  it("should compute tiered commission, marginal and whole, like the engine", () => {
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
        ([bounds, rates], amount, method) => {
          sheet.clear();
          const B = sheet.column(1, bounds);
          const R = sheet.column(2, rates);
          const [A] = sheet.column(0, [amount]);
          const got = sheet.eval(tiersFormula(A, B, R, sheet.range(2, rates.length), method));
          expectNumber(got, commissionUnchecked(amount, bounds, rates, method), 1e-9);
        }
      ),
      RUNS
    );
  });

  it("should pay nothing below a single whole-amount tier and the whole amount at its rate above", () => {
    // One tier: the count of tiers reached is a lone comparison; Excel's INDEX(…, FALSE) was an
    // error where the engine pays 0.
    for (const [amount, expected] of [
      [49_999.99, 0],
      [50_000, 1_500],
      [80_000, 2_400],
    ] as const) {
      sheet.clear();
      const B = sheet.column(1, [50_000]);
      const R = sheet.column(2, [0.03]);
      const [A] = sheet.column(0, [amount]);
      const got = sheet.eval(tiersFormula(A, B, R, sheet.range(2, 1), "whole"));
      expect(commissionUnchecked(amount, [50_000], [0.03], "whole")).toBeCloseTo(expected, 9);
      expectNumber(got, expected, 1e-9);
    }
  });

  it("should gate, cap, split, recover and settle to the cent like the ledger", () => {
    fc.assert(
      fc.property(
        money,
        maybe(num(0, 2)),
        num(0, 1.5),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        maybe(money),
        num(0, 1),
        money,
        money,
        fc.boolean(),
        (gross, att, minAtt, gi, minGi, cap, share, opening, claw, deduct) => {
          sheet.clear();
          sheet.column(5, ["S", "A", "B", "C"]);
          const [GR, AT, MIN, G, MG, CAP, SH, OP, CL] = sheet.column(0, [
            gross,
            att,
            minAtt,
            ["S", "A", "B", "C"][gi],
            ["S", "A", "B", "C"][minGi],
            cap,
            share,
            opening,
            claw,
          ]);
          const gateF = `AND(${attainmentGateFormula(AT, MIN)},${gradeGateFormula(G, MG, sheet.range(5, 4))})`;
          const gate = commissionGate(att ?? NaN, minAtt, gi, minGi);
          expect(sheet.eval(gateF)).toBe(gate === Gate.Open ? 1 : 0);
          let gated = `IF(${gateF},${GR},0)`;
          if (cap !== null) gated = commissionLine.capped(gated, CAP);
          const earned = earnedCommission(gross, gate, cap);
          expectMoney(sheet.eval(commissionLine.earned(gated)), earned);
          // capped: the cap is what is earned; else the gated gross
          const open = gate === Gate.Open ? gross : 0;
          expect(earned).toBe(roundMoney(commissionCapped(gross, gate, cap) ? cap! : open));
          const [E] = sheet.column(9, [earned]);
          const paidNow = commissionPaidNow(earned, share);
          const deferred = commissionDeferred(earned, paidNow);
          expectMoney(sheet.eval(commissionLine.paidNow(E, SH)), paidNow);
          const [PN] = sheet.column(10, [paidNow]);
          expectMoney(sheet.eval(commissionLine.deferred(E, PN)), deferred);
          const recovered = clawbackRecovered(opening, claw, paidNow, deduct);
          const rec = {
            recovered,
            balance: clawbackBalance(opening, claw, recovered, deduct),
          };
          if (!deduct) {
            expectMoney(sheet.eval(commissionLine.recovered(OP, CL, PN)), rec.recovered);
            const [RC] = sheet.column(11, [rec.recovered]);
            expectMoney(sheet.eval(commissionLine.balance(OP, CL, RC)), rec.balance);
          }
          const [DF, BAL] = sheet.column(9, [deferred, rec.balance], 2);
          const y = settleYear(deferred, rec.balance, deduct);
          expectMoney(sheet.eval(settlementLine.deferred(DF)), y.deferred);
          const yr = sheet.eval(settlementLine.recovered(BAL, DF, deduct));
          expectMoney(yr, y.recovered);
          const [YR] = sheet.column(11, [yr as number], 2);
          expectMoney(sheet.eval(settlementLine.settlement(DF, YR)), y.settlement);
          expectMoney(sheet.eval(settlementLine.outstanding(BAL, YR)), y.outstanding);
        }
      ),
      RUNS
    );
  });
});

describe("commission: can the ledger pay on the month", () => {
  it("should need a basis, a target above 0 and a grade only where the plan needs them", () => {
    fc.assert(
      fc.property(
        maybe(money),
        fc.option(maybe(num(-10, 1000)), { nil: undefined }),
        fc.option(maybe(fc.constantFrom("A", "B")), { nil: undefined }),
        fc.boolean(),
        (basis, target, g, conflict) => {
          sheet.clear();
          const [B, T, G, U] = sheet.column(0, [
            basis,
            target ?? null,
            g ?? null,
            conflict ? 0 : 1,
          ]);
          const got = sheet.eval(
            monthStatusFormula(
              B,
              target === undefined ? null : T,
              g === undefined ? null : G,
              conflict ? U : null
            )
          );
          const status = monthStatus(
            conflict,
            basis ?? NaN,
            target === undefined ? null : (target ?? NaN),
            g === undefined ? null : g === null ? -1 : 0
          );
          expect(got).toBe(status === 0 ? 1 : 0);
        }
      ),
      RUNS
    );
  });
});

describe("proration and pay", () => {
  it("should prorate by the share of the month worked, to the cent", () => {
    fc.assert(
      fc.property(maybe(num(-2, 35)), maybe(num(-1, 31)), money, (dw, dm, full) => {
        sheet.clear();
        const [DW, DM, F] = sheet.column(0, [dw, dm, full]);
        const got = sheet.eval(workedShareFormula(DW, DM));
        const share = dw === null || dm === null ? NaN : workedShare(dw, dm);
        if (Number.isNaN(share)) return expect(got).toBe("error");
        expectNumber(got, share);
        const [SH] = sheet.column(3, [share]);
        expectMoney(sheet.eval(proratedFormula(F, SH)), proratedMoney(full, share));
      }),
      RUNS
    );
  });

  it("should total pay like PERF.PAY and the performance pay line", () => {
    fc.assert(
      fc.property(
        money,
        money,
        maybe(num(0, 2)),
        money,
        num(-5000, 5000),
        (base, std, coef, com, bonus) => {
          sheet.clear();
          const [B, S, C, M, N] = sheet.column(0, [base, std, coef, com, bonus]);
          const perf = sheet.eval(performancePayFormula(S, C));
          const total = sheet.eval(totalPayFormula(B, S, C, M, N, false));
          if (coef === null) {
            expect(perf).toBe("");
            return expect(total).toBe("");
          }
          expectMoney(perf, performancePay(std, coef));
          expectMoney(total, pay(base, std, coef, com, bonus) as number);
        }
      ),
      RUNS
    );
  });
});

function expectMissing(got: unknown, policy: "error" | "zero" | "renormalize"): void {
  if (policy === "error") expect(got).toBe("error");
  else if (policy === "zero") expect(got).toBe(0);
  else expect(got).toBe("");
}

describe("grade spread against the quotas", () => {
  it("should flag a grade where the people at or above it pass its cut-off, like spreadCheck", () => {
    const labels = ["S", "A", "B", "C", "D"];
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 5, maxLength: 5 }),
        fc.constantFrom(
          [0.1, 0.2, 0.5, 0.15, 0.05],
          [10, 20, 40, 20, 10],
          [0.05, 0.25, 0.4, 0.2, 0.1]
        ),
        (counts, shares) => {
          sheet.clear();
          const quotas = labels.map((label, k) => ({ label, share: shares[k] }));
          const check = spreadCheck(counts, quotas);
          const total = shares.reduce((a, b) => a + b, 0);
          const scale = Math.abs(total - 100) <= 1e-6 ? 100 : 1;
          const cum = shares.map(
            (_, k) => shares.slice(0, k + 1).reduce((a, b) => a + b, 0) / scale
          );
          const C = sheet.column(0, counts);
          const S = sheet.column(1, cum);
          const [N] = sheet.column(2, [`=SUM(${sheet.range(0, 5)})`]);
          for (let k = 0; k < labels.length - 1; k++) {
            const atOrAbove = `SUM(${C[0]}:${C[k]})`;
            const flag = sheet.eval(aboveQuotaFormula(atOrAbove, N, S[k], `"over"`));
            expect(flag).toBe(check.departs[k] ? "over" : "");
          }
        }
      ),
      RUNS
    );
  });
});

describe("cost of the plan", () => {
  it("should divide cost by revenue, and say there is no revenue at 0 or less", () => {
    fc.assert(
      fc.property(
        money,
        fc.oneof(
          money,
          fc.constant(0),
          money.map((x) => -x)
        ),
        (cost, revenue) => {
          sheet.clear();
          const [C, R] = sheet.column(0, [cost, revenue]);
          const got = sheet.eval(costRatioFormula(C, R, `"none"`));
          const want = costRatio(cost, revenue);
          if (isError(want)) {
            expect(want.key).toBe("noRevenue");
            expect(got).toBe("none");
          } else expectNumber(got, want);
        }
      ),
      RUNS
    );
    sheet.clear();
    const [C, R] = sheet.column(0, [100, "=NA()"]);
    expect(sheet.eval(costRatioFormula(C, R, `"none"`))).toBe("error");
    expect(isError(costRatio(100, NaN))).toBe(true);
  });
});

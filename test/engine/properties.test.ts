import fc from "fast-check";
import {
  commission,
  competitionRanks,
  defaultPlan,
  distribute,
  distributionCutoffs,
  evaluate,
  explain,
  kpiScore,
  Plan,
  Quota,
  scorecardRows,
  Tier,
} from "../../src/engine";
import { ON_TARGET, row } from "./fixtures";

const money = fc.double({ min: 0, max: 2_000_000, noNaN: true });

/** Ascending tiers with rising (non-decreasing) rates, first bound 0. */
const risingTiers = fc
  .array(
    fc.tuple(
      fc.double({ min: 1, max: 200_000, noNaN: true }),
      fc.double({ min: 0, max: 0.1, noNaN: true })
    ),
    { minLength: 1, maxLength: 5 }
  )
  .map((steps) => {
    let from = 0;
    let rate = 0;
    return steps.map(([gap, inc], i) => {
      if (i > 0) from += gap;
      rate += inc;
      return { from, rate } as Tier;
    });
  });

describe("commission properties", () => {
  it("should pay marginal tiers no more than whole-amount tiers when rates rise", () => {
    fc.assert(
      fc.property(money, risingTiers, (amount, tiers) => {
        const m = commission(amount, tiers, "marginal") as number;
        const w = commission(amount, tiers, "whole") as number;
        return m <= w + 1e-9 * Math.max(1, w);
      }),
      { numRuns: 2000 }
    );
  });
  it("should never pay less for a larger amount with marginal tiers", () => {
    const anyRates = fc
      .array(
        fc.tuple(
          fc.double({ min: 1, max: 200_000, noNaN: true }),
          fc.double({ min: 0, max: 0.5, noNaN: true })
        ),
        { minLength: 1, maxLength: 5 }
      )
      .map((steps) => {
        let from = 0;
        return steps.map(([gap, rate], i) => ({ from: i === 0 ? 0 : (from += gap), rate }));
      });
    fc.assert(
      fc.property(money, money, anyRates, (a, b, tiers) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return (commission(lo, tiers) as number) <= (commission(hi, tiers) as number) + 1e-9;
      }),
      { numRuns: 2000 }
    );
  });
});

describe("score properties", () => {
  it("should keep an indicator score within [0, cap × 100]", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e7, max: 1e7, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e7, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.constantFrom("higher" as const, "lower" as const),
        (actual, target, floor, extra, direction) => {
          const cap = floor + extra;
          const s = kpiScore(actual, target, floor, cap, direction);
          return typeof s === "number" && s >= 0 && s <= cap * 100 + 1e-9;
        }
      ),
      { numRuns: 3000 }
    );
  });

  /** Random months of data around the targets, for a handful of reps. */
  const months = fc.array(
    fc.record({
      sales: fc.double({ min: -50_000, max: 400_000, noNaN: true }),
      collected: fc.double({ min: 0, max: 400_000, noNaN: true }),
      satisfaction: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
      cycle: fc.double({ min: 0, max: 120, noNaN: true }),
      deductions: fc.integer({ min: 0, max: 150 }),
      knowledge: fc.integer({ min: 0, max: 100 }),
    }),
    { minLength: 3, maxLength: 9 }
  );
  const toRows = (
    ms: {
      sales: number;
      collected: number;
      satisfaction: number | null;
      cycle: number;
      deductions: number;
      knowledge: number;
    }[]
  ) =>
    ms.map((m, i) =>
      row(`R${i % 3}`, `2024-${String(1 + Math.floor(i / 3)).padStart(2, "0")}`, {
        sales_amount: m.sales,
        collected: m.collected,
        satisfaction: m.satisfaction,
        sales_cycle_days: m.cycle,
        deductions: m.deductions,
        product_knowledge: m.knowledge,
      })
    );

  it("should keep every scorecard's indicator scores within [0, cap × 100] and the total within the largest cap", () => {
    const plan = defaultPlan();
    const caps = plan.indicators.map((i) => ("cap" in i.scoring ? i.scoring.cap : 1));
    fc.assert(
      fc.property(months, (ms) => {
        const sc = scorecardRows(evaluate(plan, toRows(ms)));
        return sc.every(
          (r) =>
            r.indicators.every((s, i) => s === null || (s >= 0 && s <= caps[i] * 100 + 1e-9)) &&
            (r.total === null || (r.total >= 0 && r.total <= Math.max(...caps) * 100 + 1e-9))
        );
      }),
      { numRuns: 300 }
    );
  });

  it("should give the same totals whatever the order of dimensions and indicators", () => {
    const shuffle = <T>(xs: T[], seed: number) => {
      const a = [...xs];
      let s = seed;
      for (let i = a.length - 1; i > 0; i--) {
        s = (s * 1103515245 + 12345) % 2147483648;
        const j = s % (i + 1);
        [a[i], a[j]] = [a[j], a[i]];
      }
      return a;
    };
    fc.assert(
      fc.property(months, fc.integer({ min: 1, max: 1e9 }), (ms, seed) => {
        const rows = toRows(ms);
        const a = defaultPlan();
        const b: Plan = {
          ...defaultPlan(),
          dimensions: shuffle(a.dimensions, seed),
          indicators: shuffle(a.indicators, seed + 1),
        };
        const x = scorecardRows(evaluate(a, rows));
        const y = scorecardRows(evaluate(b, rows));
        return x.every(
          (r, i) =>
            (r.total === null
              ? y[i].total === null
              : Math.abs(r.total - y[i].total!) <= 1e-9 * Math.max(1, r.total)) &&
            r.totalPay === y[i].totalPay
        );
      }),
      { numRuns: 200 }
    );
  });

  it("should explain each total as the sum of its indicators' contributions, and pay as the sum of its lines", () => {
    const plan = defaultPlan();
    fc.assert(
      fc.property(months, (ms) => {
        const ev = evaluate(plan, toRows(ms));
        for (let r = 0; r < ev.periods.frame.n; r++) {
          const t = explain(ev, r);
          if (t.total === null) continue;
          const sum = t.indicators.reduce((s, i) => s + (i.contribution ?? 0), 0);
          if (Math.abs(sum - t.total) > 1e-9 * Math.max(1, t.total)) return false;
          const p = t.pay;
          const lines = Math.round((p.base! + p.performancePay! + p.commission! + p.bonus!) * 100);
          if (lines !== Math.round(p.total! * 100)) return false;
          const slices = t.commission.reduce(
            (s, m) => s + m.slices.reduce((x, sl) => x + sl.commission, 0),
            0
          );
          const gross = t.commission.reduce((s, m) => s + (m.gross ?? 0), 0);
          if (Math.abs(slices - gross) > 1e-6) return false;
        }
        return true;
      }),
      { numRuns: 200 }
    );
  });
});

describe("forced distribution properties", () => {
  const quotas: Quota[] = [
    { label: "S", share: 0.1 },
    { label: "A", share: 0.2 },
    { label: "B", share: 0.5 },
    { label: "C", share: 0.15 },
    { label: "D", share: 0.05 },
  ];
  const scores = fc.array(
    fc.oneof(
      fc.integer({ min: 40, max: 100 }).map((x) => x as number | null),
      fc.constant(null)
    ),
    { minLength: 0, maxLength: 60 }
  );

  it("should give every numeric score exactly one grade and blanks none", () => {
    fc.assert(
      fc.property(scores, (xs) => {
        const out = distribute(xs, quotas) as string[];
        return (
          out.length === xs.length &&
          xs.every((x, i) => (x === null ? out[i] === "" : quotas.some((q) => q.label === out[i])))
        );
      }),
      { numRuns: 2000 }
    );
  });
  it("should never exceed a quota except by ties, and give equal scores equal grades", () => {
    fc.assert(
      fc.property(scores, (xs) => {
        const out = distribute(xs, quotas) as string[];
        const nums = xs.map((x, i) => ({ x, g: out[i] })).filter((p) => p.x !== null) as {
          x: number;
          g: string;
        }[];
        const n = nums.length;
        const cut = distributionCutoffs(n, quotas);
        const sorted = [...nums].sort((a, b) => b.x - a.x);
        for (let k = 0; k < quotas.length; k++) {
          const atOrAbove = nums.filter(
            (p) => quotas.findIndex((q) => q.label === p.g) <= k
          ).length;
          if (atOrAbove > cut[k]) {
            // only allowed when the score at the cut-off ties the one after it
            if (!(cut[k] > 0 && sorted[cut[k] - 1].x === sorted[cut[k]].x)) return false;
          }
        }
        for (const a of nums) for (const b of nums) if (a.x === b.x && a.g !== b.g) return false;
        return true;
      }),
      { numRuns: 2000 }
    );
  });
  it("should rank 1 + the number of strictly greater scores", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 40 }), (xs) => {
        const ranks = competitionRanks(Float64Array.from(xs));
        return xs.every((x, i) => ranks[i] === 1 + xs.filter((y) => y > x).length);
      })
    );
  });
});

it("uses the fixtures' on-target month as a fixed point", () => {
  expect(ON_TARGET.sales_amount).toBe(ON_TARGET.sales_target);
});

describe("competition ranks with near-ties", () => {
  it("should compare each pair on its own, so a chain of near-ties does not merge", () => {
    // At 100 the tolerance is 1e-7: neighbours 0.6e-7 apart tie, the ends 1.2e-7 apart do not.
    const ranks = competitionRanks(Float64Array.from([100, 100 - 0.6e-7, 100 - 1.2e-7]));
    expect(Array.from(ranks)).toEqual([1, 1, 2]);
  });
});

/**
 * The annual review's rules as pairs (the style of rule-pairs.test.ts): fast-check draws the
 * cells, HyperFormula evaluates the formula builders, and the result must equal the value
 * functions — the promotion recommendation and its reason (both languages' words), and the
 * profit-share basis, share and rounding difference; worked examples by hand.
 */
import fc from "fast-check";
import { promotionWords } from "../../src/engine/evaluate/review";
import {
  gradeRank,
  gradeRankFormula,
  promotion,
  promotionFormula,
  promotionReasonFormula,
  type PromotionInput,
} from "../../src/engine/rules/promotion";
import {
  profitShare,
  profitShareBasis,
  profitShareBasisFormula,
  profitShareFormula,
  profitShareTotal,
  profitShareTotalFormula,
  roundingDifference,
  roundingDifferenceFormula,
} from "../../src/engine/rules/profitshare";
import { expectMoney, FormulaSheet } from "./support/formula-sheet";

const RUNS = { numRuns: 120 };
const sheet = new FormulaSheet();
beforeEach(() => sheet.clear());

const LABELS = ["S", "A", "B", "C", "D"];
const EN = promotionWords("en-US");
const ZH = promotionWords("zh-CN");

describe("promotion recommendation", () => {
  const prior = fc.record({
    count: fc.constantFrom(0, 1, 1, 1, 2),
    rank: fc.integer({ min: 0, max: 5 }),
  });
  it("should give the outcome and the reason the value function gives, in both languages", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
        fc.integer({ min: 0, max: 5 }),
        fc.array(prior, { maxLength: 3 }),
        fc.boolean(),
        (rank, min, worst, worstPeriod, priors, zh) => {
          const w = zh ? ZH : EN;
          sheet.column(0, LABELS);
          const range = sheet.range(0, LABELS.length);
          const gradeText = rank ? LABELS[rank - 1].toLowerCase() : null; // MATCH ignores case
          const [G, MIN, WORST, WP] = sheet.column(1, [
            gradeText,
            LABELS[min - 1],
            worst ? LABELS[worst - 1] : null,
            worstPeriod,
          ]);
          const cells = sheet.column(
            2,
            priors.flatMap((p) => [p.count, p.rank])
          );
          const years = priors.length + 1;
          const pr = priors.map((p, i) => ({
            year: String(2023 - i),
            count: cells[2 * i],
            rank: cells[2 * i + 1],
          }));
          const x: PromotionInput = {
            year: "2024",
            rank: gradeRank(gradeText, LABELS) || NaN,
            worstPeriodRank: worstPeriod,
            minGrade: LABELS[min - 1],
            minRank: min,
            worstGrade: worst ? LABELS[worst - 1] : null,
            worstRank: worst ?? 0,
            years,
            priors: priors.map((p, i) => ({ year: String(2023 - i), ...p })),
          };
          const v = promotion(x, LABELS, w);
          const refs = {
            year: "2024",
            grade: G,
            worstPeriodRank: WP,
            labels: range,
            minGrade: MIN,
            worstGrade: WORST,
            years,
            priors: pr,
          };
          const [OUT] = sheet.column(3, ["=" + promotionFormula(refs, w)]);
          expect(sheet.eval(OUT)).toBe(v.text);
          expect(sheet.eval(promotionReasonFormula(refs, OUT, w))).toBe(v.reason);
        }
      ),
      RUNS
    );
  });

  it("should find a grade's rank as MATCH does (case-insensitive, 0 when absent)", () => {
    const range = sheet.range(0, LABELS.length);
    sheet.column(0, LABELS);
    for (const g of ["S", "a", "D", "E", null]) {
      const [G] = sheet.column(1, [g]);
      expect(sheet.eval(gradeRankFormula(G, range))).toBe(gradeRank(g, LABELS));
    }
  });

  it("should work the seed's examples by hand", () => {
    const base = {
      year: "2024",
      minGrade: "A",
      minRank: 2,
      worstGrade: "C",
      worstRank: 4,
      years: 2,
    };
    // A this year, S last year, quarters no worse than B: recommended
    expect(
      promotion(
        { ...base, rank: 2, worstPeriodRank: 3, priors: [{ year: "2023", count: 1, rank: 1 }] },
        LABELS,
        ZH
      )
    ).toEqual({ outcome: "yes", text: "建议晋升", reason: "连续2年评级A及以上，各考核期不低于C" });
    // S this year but a D quarter, and 2023 not entered: not recommended, both said
    expect(
      promotion(
        { ...base, rank: 1, worstPeriodRank: 5, priors: [{ year: "2023", count: 0, rank: 0 }] },
        LABELS,
        ZH
      )
    ).toEqual({
      outcome: "no",
      text: "暂不建议",
      reason: "有考核期评级为D，低于C；需补录2023年评级",
    });
    // A this year, 2023 missing: never a silent no
    expect(
      promotion(
        { ...base, rank: 2, worstPeriodRank: 2, priors: [{ year: "2023", count: 0, rank: 0 }] },
        LABELS,
        EN
      )
    ).toEqual({ outcome: "missing", text: "Grade missing", reason: "2023 grade missing" });
    // B this year: not recommended
    expect(promotion({ ...base, rank: 3, worstPeriodRank: 3, priors: [] }, LABELS, EN).reason).toBe(
      "2024 grade B below A"
    );
  });
});

describe("profit share", () => {
  const money = (min: number, max: number) =>
    fc.integer({ min: min * 100, max: max * 100 }).map((x) => x / 100);
  it("should share the pool by coefficient × base as the formulas do, the difference to the cent", () => {
    fc.assert(
      fc.property(
        money(0, 2_000_000),
        fc.array(
          fc.record({
            coef: fc.option(fc.constantFrom(0, 0.5, 0.8, 1, 1.2, 1.5), { nil: null }),
            base: money(0, 400_000),
          }),
          { minLength: 1, maxLength: 12 }
        ),
        fc.constantFrom(0, 2),
        (pool, people, decimals) => {
          const n = people.length;
          const C = sheet.column(
            0,
            people.map((p) => p.coef)
          );
          const B = sheet.column(
            1,
            people.map((p) => p.base)
          );
          sheet.column(
            2,
            people.map(() => "2024")
          );
          const [POOL, D] = sheet.column(6, [pool, decimals]);
          const bases = people.map((p) => profitShareBasis(p.coef ?? NaN, p.base));
          const basisCells = sheet.column(
            3,
            people.map((_, i) => "=" + profitShareBasisFormula(C[i], B[i]))
          );
          const years = sheet.range(2, n);
          const [TOTAL] = sheet.column(7, [
            "=" + profitShareTotalFormula(sheet.range(3, n), years, `"2024"`),
          ]);
          const total = profitShareTotal(bases);
          const shares = bases.map((b) => profitShare(pool, b, total, decimals));
          sheet.column(
            4,
            people.map((_, i) => "=" + profitShareFormula(POOL, basisCells[i], TOTAL, D))
          );
          people.forEach((_, i) => {
            const cell = `E${i + 1}`;
            if (Number.isNaN(shares[i])) expect(sheet.eval(cell)).toBe("");
            else expectMoney(sheet.eval(cell), shares[i]);
          });
          expectMoney(
            sheet.eval(roundingDifferenceFormula(POOL, sheet.range(4, n), years, `"2024"`)),
            roundingDifference(pool, shares)
          );
        }
      ),
      RUNS
    );
  });

  it("should work an example by hand: 100,000 over three people, a cent left over", () => {
    // bases: 1.2 × 120,000 = 144,000; 1.0 × 96,000 = 96,000; 0.8 × 90,000 = 72,000 → 312,000
    const bases = [
      profitShareBasis(1.2, 120_000),
      profitShareBasis(1, 96_000),
      profitShareBasis(0.8, 90_000),
    ];
    const total = profitShareTotal(bases);
    expect(total).toBe(312_000);
    const shares = bases.map((b) => profitShare(100_000, b, total, 2));
    // 46,153.846… → 46,153.85; 30,769.230… → 30,769.23; 23,076.923… → 23,076.92
    expect(shares).toEqual([46_153.85, 30_769.23, 23_076.92]);
    expect(roundingDifference(100_000, shares)).toBe(0);
    const yuan = bases.map((b) => profitShare(100_000, b, total, 0));
    expect(yuan).toEqual([46_154, 30_769, 23_077]);
    expect(roundingDifference(100_000, yuan)).toBe(0);
    // three equal bases: 33,333.33 each, a cent left over, shown as the difference
    const third = [1, 1, 1].map((b) => profitShare(100_000, b, 3, 2));
    expect(third).toEqual([33_333.33, 33_333.33, 33_333.33]);
    expect(roundingDifference(100_000, third)).toBe(0.01);
    // nobody with a positive basis: nothing shared, the whole pool is the difference
    expect(profitShare(100_000, 0, 0, 2)).toBe(0);
    expect(Number.isNaN(profitShare(100_000, NaN, 10, 2))).toBe(true);
  });
});

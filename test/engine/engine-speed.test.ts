/**
 * The engine's hot paths were rewritten for speed (issue 16); each rewrite gives what the code it
 * replaced gave, to the bit. The replaced code is kept here as the reference, and fast-check
 * compares the two on random input:
 * - strengthsAndGaps: the three largest contributions and shortfalls, picked in one pass instead
 *   of copied, sorted and sliced.
 */
import fc from "fast-check";
import { strengthsAndGaps, type IndicatorTrace } from "../../src/engine/evaluate/explain";

/** The previous strengthsAndGaps: filter, copy, stable sort, first three. */
function strengthsAndGapsBySorting(indicators: readonly IndicatorTrace[]): [string[], string[]] {
  const scored = indicators.filter((x) => x.contribution !== null);
  const strengths = [...scored]
    .sort((a, b) => b.contribution! - a.contribution!)
    .slice(0, 3)
    .map((x) => x.key);
  const gaps = [...scored]
    .filter((x) => x.shortfall! > 0)
    .sort((a, b) => b.shortfall! - a.shortfall!)
    .slice(0, 3)
    .map((x) => x.key);
  return [strengths, gaps];
}

describe("strengthsAndGaps", () => {
  // few distinct values, so ties (which a stable sort keeps in order) are common
  const value = fc.oneof(
    fc.constantFrom(0, 1.5, 2, 7.25, 12),
    fc.double({ min: 0, max: 40, noNaN: true })
  );
  const indicator = fc
    .record({ scored: fc.boolean(), contribution: value, shortfall: value })
    .map((x) => ({
      contribution: x.scored ? x.contribution : null,
      shortfall: x.scored ? x.shortfall : null,
    }));
  it("gives the keys a stable sort gives, ties in the plan's order", () => {
    fc.assert(
      fc.property(fc.array(indicator, { maxLength: 25 }), (list) => {
        const keyed = list.map((x, i) => ({ ...x, key: `k${i}` }) as unknown as IndicatorTrace);
        expect(strengthsAndGaps(keyed)).toEqual(strengthsAndGapsBySorting(keyed));
      }),
      { numRuns: 2000 }
    );
  });
});

/**
 * The import's fast path for plain ASCII numbers (plainAsciiValue, plainAsciiPercent, asciiShape)
 * against the full reader's parts (numberText, markEvidence, bodyValue, shiftDecimal): wherever
 * the fast path reads a text, it gives the full reading's value to the last bit, and it leaves
 * every other text (signs, spaces, units, a mark the full reading questions) to the full reader.
 */
import fc from "fast-check";
import {
  asciiShape,
  bodyValue,
  markEvidence,
  numberText,
  plainAsciiPercent,
  plainAsciiValue,
  shiftDecimal,
  type DecimalMark,
} from "../../src/engine/import/quantity";

/** The full reader's value of a text with no sign, unit or scale under a mark, or −1. */
function fullValue(text: string, decimal: DecimalMark, percent: boolean): number {
  const nt = numberText(text);
  if (!nt || nt.negative || nt.currency || nt.exponent || nt.scale !== 1) return -1;
  if (nt.percent !== percent) return -1;
  const mark = markEvidence(nt.body);
  if ((mark === "." || mark === ",") && mark !== decimal) return -1;
  const v = bodyValue(nt.body, decimal);
  return v === null ? -1 : shiftDecimal(v, percent ? -2 : 0);
}

const digits = (min: number, max: number) =>
  fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));

/** Texts near the fast path's edge: digits, marks and the odd other character. */
const nearPlain = fc.oneof(
  fc.stringMatching(/^[0-9.,]{1,22}$/),
  fc.stringMatching(/^[0-9]{1,3}(,[0-9]{2,4}){0,5}(\.[0-9]{0,6})?$/),
  fc.stringMatching(/^[0-9]{1,3}(\.[0-9]{3}){0,4}(,[0-9]{1,4})?$/),
  fc.tuple(digits(1, 17), digits(0, 8)).map(([a, b]) => (b ? `${a}.${b}` : a)),
  fc
    .tuple(fc.double({ min: 0, max: 1e13, noNaN: true }), fc.integer({ min: 0, max: 4 }))
    .map(([v, d]) => v.toLocaleString("en-US", { maximumFractionDigits: d })),
  fc.stringMatching(/^[-+ ]?[0-9]{1,6}([.,][0-9]{1,4})?[ %元]?$/)
);
const marks = fc.constantFrom<DecimalMark>(".", ",");

describe("plain ASCII numbers", () => {
  it("reads a text as the full reader does, or leaves it to the full reader", () => {
    fc.assert(
      fc.property(nearPlain, marks, (text, decimal) => {
        const fast = plainAsciiValue(text, decimal);
        if (fast >= 0) expect(Object.is(fast, fullValue(text, decimal, false))).toBe(true);
        const percent = plainAsciiPercent(`${text}%`, decimal);
        if (percent >= 0)
          expect(Object.is(percent, fullValue(`${text}%`, decimal, true))).toBe(true);
      }),
      { numRuns: 20000 }
    );
  });

  it("takes the common cells of a CRM export", () => {
    expect(plainAsciiValue("123", ".")).toBe(123);
    expect(plainAsciiValue("1,234,567.89", ".")).toBe(1234567.89);
    expect(plainAsciiValue("0.83", ".")).toBe(0.83);
    expect(plainAsciiValue("12,5", ",")).toBe(12.5);
    expect(plainAsciiPercent("85%", ".")).toBe(0.85);
    expect(plainAsciiPercent("12.34%", ".")).toBe(0.1234);
  });

  it("leaves signs, spaces, units, grouping under a decimal comma and a questioned mark to the full reader", () => {
    for (const text of ["-5", "+5", " 5", "5 ", "¥5", "5元", "1.234,5", "0,123", "1,23", "1e5", ""])
      expect(plainAsciiValue(text, ".")).toBe(-1);
    expect(plainAsciiValue("1.234", ",")).toBe(-1);
    expect(plainAsciiValue("1234567890123456", ".")).toBe(-1);
    expect(plainAsciiPercent("85 %", ".")).toBe(-1);
  });

  it("says which texts are their own body", () => {
    fc.assert(
      fc.property(nearPlain, (text) => {
        const shape = asciiShape(text);
        const nt = numberText(text);
        if (shape === 1) expect(markEvidence(text)).toBe("none");
        if (shape !== 0) {
          expect(nt).not.toBeNull();
          expect(nt!.body).toBe(text);
          expect(nt!.negative || nt!.percent || nt!.currency || nt!.exponent).toBe(false);
          expect(nt!.scale).toBe(1);
        }
      }),
      { numRuns: 20000 }
    );
  });
});

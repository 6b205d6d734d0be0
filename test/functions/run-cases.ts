/** Runs the worked examples of cases.ts against an Excel (source module or built bundle). */
import { CASES, type Expected, type ExpectedError } from "./cases";
import type { Excel, Outcome } from "./harness";

/** The outcome a case expects in one language. */
export function expectedOutcome(expected: Expected, language: "en" | "zh"): unknown {
  const asError = (e: ExpectedError) =>
    e[language] === undefined ? { error: e.error } : { error: e.error, message: e[language] };
  if (Array.isArray(expected))
    return {
      value: expected.map((row) => row.map((c) => (typeof c === "string" ? c : asError(c)))),
    };
  if (typeof expected === "object") return asError(expected);
  return { value: expected };
}

/** Compares an outcome with the expected one; numbers to 1e-9 relative. */
export function checkOutcome(actual: Outcome, expected: unknown): void {
  const e = expected as Outcome;
  if (
    "value" in e &&
    typeof e.value === "number" &&
    "value" in actual &&
    typeof actual.value === "number"
  ) {
    expect(Math.abs(actual.value - e.value)).toBeLessThanOrEqual(
      1e-9 * Math.max(1, Math.abs(e.value))
    );
    return;
  }
  expect(actual).toEqual(expected);
}

export function runCases(getExcel: () => Excel): void {
  for (const language of ["en", "zh"] as const) {
    describe(language === "en" ? "in en-US" : "in zh-CN", () => {
      beforeAll(() => {
        getExcel().globals.Office.context.displayLanguage = language === "en" ? "en-US" : "zh-CN";
      });
      afterAll(() => {
        getExcel().globals.Office.context.displayLanguage = "en-US";
      });
      for (const id of [...new Set(CASES.map((c) => c.id))]) {
        describe(`PERF.${id}`, () => {
          for (const c of CASES.filter((k) => k.id === id)) {
            it(`should handle ${c.why}`, () => {
              checkOutcome(getExcel().call(c.id, ...c.args), expectedOutcome(c.expect, language));
            });
          }
        });
      }
    });
  }
}

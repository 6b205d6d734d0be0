/**
 * Worked examples and every error row of the contract (test/functions/cases.ts), called the way
 * Excel calls them: by id through the registered associations, omitted optionals as null, errors
 * as thrown CustomFunctions.Error. Messages are checked in en-US and zh-CN.
 */
import { setDisplayLanguage } from "./stubs";
import { CASES, type Expected, type ExpectedError } from "./cases";
import { sourceExcel, type Excel, type Outcome } from "./harness";

/** The outcome a case expects in one language. */
export function expectedOutcome(expected: Expected, language: "en" | "zh"): unknown {
  const asError = (e: ExpectedError) => (e[language] === undefined ? { error: e.error } : { error: e.error, message: e[language] });
  if (Array.isArray(expected)) return { value: expected.map((row) => row.map((c) => (typeof c === "string" ? c : asError(c)))) };
  if (typeof expected === "object") return asError(expected);
  return { value: expected };
}

/** Compares an outcome with the expected one; numbers to 1e-9 relative. */
export function checkOutcome(actual: Outcome, expected: unknown): void {
  const e = expected as Outcome;
  if ("value" in e && typeof e.value === "number" && "value" in actual && typeof actual.value === "number") {
    expect(Math.abs(actual.value - e.value)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e.value)));
    return;
  }
  expect(actual).toEqual(expected);
}

export function runCases(getExcel: () => Excel): void {
  for (const language of ["en", "zh"] as const) {
    describe(language === "en" ? "in en-US" : "in zh-CN", () => {
      beforeAll(() => setDisplayLanguage(language === "en" ? "en-US" : "zh-CN"));
      afterAll(() => setDisplayLanguage("en-US"));
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

describe("PERF.* worked examples through the source module's associations", () => {
  let excel: Excel;
  beforeAll(async () => {
    excel = await sourceExcel();
  });
  runCases(() => excel);

  it("should cover every function and every function's error codes of the contract", () => {
    const ids = excel.metadata.functions.map((f) => f.id).sort();
    expect([...new Set(CASES.map((c) => c.id))].sort()).toEqual(ids);
    const codes = (id: string) => new Set(CASES.filter((c) => c.id === id && !Array.isArray(c.expect) && typeof c.expect === "object").map((c) => (c.expect as ExpectedError).error));
    const contract: Record<string, string[]> = {
      ATTAINMENT: ["#DIV/0!", "#NUM!", "#VALUE!"],
      GROWTH: ["#DIV/0!", "#VALUE!"],
      KPISCORE: ["#NUM!", "#DIV/0!", "#VALUE!"],
      CURVE: ["#VALUE!"],
      WEIGHTED: ["#VALUE!", "#N/A"],
      GRADE: ["#N/A", "#VALUE!"],
      DISTRIBUTE: ["#VALUE!"],
      COEFFICIENT: ["#N/A"],
      MATRIX: ["#VALUE!"],
      COMMISSION: ["#VALUE!", "#NUM!"],
      FEEDBACK: ["#VALUE!", "#N/A"],
      PRORATE: ["#NUM!"],
      PAY: ["#NUM!", "#VALUE!"],
    };
    for (const [id, expected] of Object.entries(contract)) expect([...codes(id)].sort()).toEqual([...expected].sort());
  });

  it("should show zh-CN messages for any Chinese display language and en-US otherwise", () => {
    const call = () => excel.call("ATTAINMENT", "abc", 1);
    setDisplayLanguage("zh-TW");
    expect(call()).toEqual({ error: "#VALUE!", message: "实际值必须是数字，“abc”不是数字。" });
    setDisplayLanguage("fr-FR");
    expect(call()).toEqual({ error: "#VALUE!", message: 'actual must be a number; "abc" is not one.' });
    setDisplayLanguage("en-US");
  });
});

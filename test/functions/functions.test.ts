/**
 * Worked examples and every error row of the contract (test/functions/cases.ts), called the way
 * Excel calls them: by id through the registered associations, omitted optionals as null, errors
 * as thrown CustomFunctions.Error. Messages are checked in en-US and zh-CN.
 */
import { setDisplayLanguage } from "./stubs";
import { CASES, type ExpectedError } from "./cases";
import { sourceExcel, type Excel } from "./harness";
import { runCases } from "./run-cases";

describe("PERF.* worked examples through the source module's associations", () => {
  let excel: Excel;
  beforeAll(async () => {
    excel = await sourceExcel();
  });
  runCases(() => excel);

  it("should cover every function and every function's error codes of the contract", () => {
    const ids = excel.metadata.functions.map((f) => f.id).sort();
    expect([...new Set(CASES.map((c) => c.id))].sort()).toEqual(ids);
    const codes = (id: string) =>
      new Set(
        CASES.filter(
          (c) => c.id === id && !Array.isArray(c.expect) && typeof c.expect === "object"
        ).map((c) => (c.expect as ExpectedError).error)
      );
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
    for (const [id, expected] of Object.entries(contract))
      expect([...codes(id)].sort()).toEqual([...expected].sort());
  });

  it("should show zh-CN messages for any Chinese display language and en-US otherwise", () => {
    const call = () => excel.call("ATTAINMENT", "abc", 1);
    setDisplayLanguage("zh-TW");
    expect(call()).toEqual({ error: "#VALUE!", message: "实际值必须是数字，“abc”不是数字。" });
    setDisplayLanguage("fr-FR");
    expect(call()).toEqual({
      error: "#VALUE!",
      message: 'actual must be a number; "abc" is not one.',
    });
    setDisplayLanguage("en-US");
  });
});

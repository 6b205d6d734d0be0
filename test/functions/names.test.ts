/**
 * src/functions/names.ts: the names Excel registers the PERF functions under, by Office's display
 * language, and formulas renamed to them and back to ids.
 */
import { CATALOG } from "../../src/functions/catalog";
import {
  canonicalFunctionNames,
  functionCalls,
  functionNames,
  localizeFunctionNames,
  localizedFunctions,
} from "../../src/functions/names";

describe("functionNames", () => {
  it("should give the 绩效 names under zh-CN only (the manifest's only override)", () => {
    expect(localizedFunctions("zh-CN")).toBe(true);
    expect(localizedFunctions("ZH-cn")).toBe(true);
    for (const other of ["en-US", "zh-TW", "zh-HK", "de-DE", undefined])
      expect(localizedFunctions(other)).toBe(false);
    const zh = functionNames("zh-CN");
    expect(zh.get("ATTAINMENT")).toBe("绩效.完成率");
    expect(functionNames("en-US").get("ATTAINMENT")).toBe("PERF.ATTAINMENT");
    expect(new Set(zh.values()).size).toBe(CATALOG.length);
  });
});

describe("localizeFunctionNames and canonicalFunctionNames", () => {
  const formula =
    'IF(E2="","",PERF.KPISCORE(E2,F2,0.6,1.2,"higher",100))+perf.grade(K2,Plan_GradeBands)';

  it("should rename every call, outside strings, in either direction", () => {
    const zh = localizeFunctionNames(formula, "zh-CN");
    expect(zh).toBe(
      'IF(E2="","",绩效.指标得分(E2,F2,0.6,1.2,"higher",100))+绩效.绩效等级(K2,Plan_GradeBands)'
    );
    expect(canonicalFunctionNames(zh)).toBe(
      'IF(E2="","",PERF.KPISCORE(E2,F2,0.6,1.2,"higher",100))+PERF.GRADE(K2,Plan_GradeBands)'
    );
    expect(localizeFunctionNames(zh, "en-US")).toBe(canonicalFunctionNames(formula));
    expect(functionCalls(zh)).toEqual(["KPISCORE", "GRADE"]);
  });

  it("should leave strings, other functions and longer names alone", () => {
    for (const f of [
      '"PERF.GRADE(1)"&A1',
      "STDEV.S(A1:A9)",
      "XPERF.GRADE(1)",
      "PERF.NOSUCH(1)",
      "'PERF.GRADE'!A1",
    ])
      expect(localizeFunctionNames(f, "zh-CN")).toBe(f);
  });
});

/**
 * Each scorecard row records the plan version it was computed with: a formula over the Plan
 * sheet's version (the sheet whose parameters the row's formulas read), or the version as a value
 * in a frozen (values) scorecard.
 */
import { defaultPlan } from "../../src/engine/plan/defaultPlan";
import { buildWorkbook } from "../../src/workbook/build";
import { isFormula } from "../../src/workbook/layout";
import { sheetValues } from "../../src/workbook/grid";
import { generateSample } from "../../src/workbook/sample";
import { evaluateLayout } from "./support/hyperformula";

const SAMPLE = generateSample({ people: 5, teams: 2, seed: 3 });

function plan() {
  const p = defaultPlan();
  p.version = "2024.2";
  p.effectiveDate = "2024-04-01";
  return p;
}

describe("Scorecard: plan version column", () => {
  it("should give every row the Plan sheet's version as a formula, which HyperFormula evaluates to the plan's version", () => {
    const built = buildWorkbook(plan(), "en-US", SAMPLE, "native");
    const sc = built.layout.sheets.find((s) => s.role === "scorecard")!;
    const values = sheetValues(sc);
    const col = values[0].indexOf("Plan version");
    expect(col).toBeGreaterThan(values[0].indexOf("Total pay"));
    const cells = sc.blocks[0].cells;
    const rows = cells.slice(2);
    expect(rows.length).toBe(built.evaluation.periods.frame.n);
    const ev = evaluateLayout(built.layout);
    rows.forEach((line, i) => {
      const c = line[col];
      expect(isFormula(c) && c.formula).toBe('Plan_Version&""');
      expect(ev.value(sc.name, i + 2, col)).toBe("2024.2");
    });
  });

  it("should write the version as a value in a values-only scorecard, in Chinese too", () => {
    const built = buildWorkbook(plan(), "zh-CN", SAMPLE, "values");
    const sc = built.layout.sheets.find((s) => s.role === "scorecard")!;
    const values = sheetValues(sc);
    const col = values[0].indexOf("方案版本");
    expect(col).toBeGreaterThan(0);
    for (const line of values.slice(2)) expect(line[col]).toBe("2024.2");
  });
});

/**
 * The plan limits (PLAN_LIMITS) are what the workbook can hold: a plan at every limit, with names
 * at their longest, passes validation, and every sheet the add-in writes for it fits in an Excel
 * sheet (16,384 columns, 32,767 characters a cell) and reads back as the same plan. So a plan that
 * the shape check accepts never fails half-way through building the workbook.
 */
import { checkPlanShape, defaultPlan, PLAN_LIMITS, validatePlan } from "../../src/engine";
import type { Plan } from "../../src/engine/plan/model";
import { buildWorkbook } from "../../src/workbook/build";
import { readPlanSheet } from "../../src/workbook/plan-sheet";
import { generateSample } from "../../src/workbook/sample";
import { sheetValues } from "../../src/workbook/grid";
import type { SheetLayout } from "../../src/workbook/layout";

const EXCEL_COLUMNS = 16384;
const EXCEL_CELL_TEXT = 32767;

/** The default plan grown to every limit: fields, indicators, dimensions, grades, tiers. */
function planAtLimits(): Plan {
  const p = defaultPlan();
  const long = (n: string) => (n + " ").repeat(40).slice(0, PLAN_LIMITS.name);
  const extraFields = PLAN_LIMITS.fields - p.fields.length;
  for (let i = 0; i < extraFields; i++)
    p.fields.push({
      key: `extra_${i}`,
      name: { en: `${long("Extra field")}${i}`.slice(-PLAN_LIMITS.name), zh: `附加字段${i}` },
      unit: "count",
      role: "measure",
      aggregate: "sum",
      source: { en: "CRM", zh: "CRM系统" },
      aliases: [],
      optional: true,
    });
  const extraDims = PLAN_LIMITS.dimensions - p.dimensions.length;
  for (const d of p.dimensions) d.weight = d.weight / 2;
  for (let i = 0; i < extraDims; i++)
    p.dimensions.push({
      key: `dim_${i}`,
      name: { en: `Dimension ${i}`, zh: `维度${i}` },
      weight: 0.5 / extraDims,
      range: { min: 0, max: 1 },
    });
  const extraInds = PLAN_LIMITS.indicators - p.indicators.length;
  for (let i = 0; i < extraInds; i++) {
    const dim = `dim_${i % extraDims}`;
    const inDim = Math.ceil((extraInds - (i % extraDims)) / extraDims);
    p.indicators.push({
      key: `ind_${i}`,
      name: { en: long(`Indicator ${i}`), zh: `附加指标${i}` },
      dimension: dim,
      weight: 1 / inDim,
      unit: "count",
      direction: "higher",
      input: { kind: "field", field: `extra_${i % extraFields}` },
      scoring: { method: "linear", floor: 0, cap: 1.2, fullScore: 100 },
      target: { field: null, default: 10 },
      missing: "renormalize",
    });
  }
  const grades = PLAN_LIMITS.grades;
  p.grading.grades = Array.from({ length: grades }, (_, i) => ({
    label: `G${i + 1}`,
    min: 100 - (100 / grades) * (i + 1),
    name: { en: `Grade ${i + 1}`, zh: `等级${i + 1}` },
    coefficient: 1.5 - i * 0.05,
    quota: 1 / grades,
  }));
  p.grading.grades[grades - 1].min = 0;
  p.commission.tiers = Array.from({ length: PLAN_LIMITS.tiers }, (_, i) => ({
    from: i * 10000,
    rate: 0.01 + i * 0.001,
  }));
  return p;
}

function widest(s: SheetLayout): number {
  return Math.max(0, ...sheetValues(s).map((r) => r.length));
}

describe("a plan at every limit", () => {
  it("should pass the shape check and validation, and its workbook should fit in Excel and read back", () => {
    const plan = planAtLimits();
    expect(
      checkPlanShape(JSON.parse(JSON.stringify(plan))).filter((i) => i.severity === "error")
    ).toEqual([]);
    expect(validatePlan(plan).filter((i) => i.severity === "error")).toEqual([]);
    const built = buildWorkbook(
      plan,
      "zh-CN",
      generateSample({ people: 4, teams: 2, months: 3, seed: 3 }),
      "native"
    );
    for (const s of built.layout.sheets) {
      expect({ sheet: s.name, fits: widest(s) <= EXCEL_COLUMNS }).toEqual({
        sheet: s.name,
        fits: true,
      });
      for (const row of sheetValues(s))
        for (const c of row)
          if (typeof c === "string") expect(c.length).toBeLessThanOrEqual(EXCEL_CELL_TEXT);
    }
    const planSheet = built.layout.sheets.find((s) => s.role === "plan")!;
    const read = readPlanSheet(sheetValues(planSheet), planSheet.name);
    expect(read.plan).toEqual(plan);
  }, 120_000);

  it("should refuse one more field than the limit, in the shape check and in validation", () => {
    const plan = planAtLimits();
    plan.fields.push({ ...plan.fields[plan.fields.length - 1], key: "one_more" });
    const shape = checkPlanShape(JSON.parse(JSON.stringify(plan)));
    expect(shape.map((i) => [i.code, i.path])).toEqual([["shapeTooMany", "fields"]]);
    expect(validatePlan(plan).map((i) => [i.code, i.path])).toEqual([["shapeTooMany", "fields"]]);
  });
});

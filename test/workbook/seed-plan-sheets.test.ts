/**
 * The seed plan on the sheets: its Plan sheet round-trips (the customers' 360 share column
 * written only for plans that blend ratings, so the default plan's sheet lays out as before), the
 * Scorecard's working shows the customers' mean the blend reads, and a person without customer
 * ratings gets the located message in the row's status, in both languages; the values style
 * writes the engine's numbers where the formula styles write formulas.
 */
import { defaultPlan } from "../../src/engine/plan/defaultPlan";
import { seedPlan } from "../../src/engine/plan/seedPlan";
import { formatIssue } from "../../src/engine/issues";
import { planSheet, readPlanSheet } from "../../src/workbook/plan-sheet";
import { sheetValues } from "../../src/workbook/grid";
import { buildWorkbook } from "../../src/workbook/build";
import { generateSample, withSeedFields } from "../../src/workbook/sample";
import { isFormula, type SheetLayout } from "../../src/workbook/layout";
import { H } from "../../src/workbook/text";

const LANGS = ["zh-CN", "en-US"] as const;
const SAMPLE = withSeedFields(generateSample({ people: 12, teams: 3, seed: 7, months: 6 }));

function headerRow(sheet: SheetLayout, words: { en: string; zh: string }): number {
  const cells = sheetValues(sheet);
  return cells.findIndex((line) => line.some((c) => c === words.en || c === words.zh));
}

describe("the seed plan's Plan sheet", () => {
  it.each(LANGS)("should read the seed plan back unchanged (%s)", (lang) => {
    const plan = seedPlan();
    const { sheet, anchors } = planSheet(plan, lang);
    const r = readPlanSheet(sheetValues(sheet), sheet.name);
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(r.plan).toEqual(plan);
    expect(r.anchors).toEqual(anchors);
    const service = plan.indicators.findIndex((i) => i.key === "service_satisfaction");
    expect(anchors.indicators[service].share).not.toBeNull();
    expect(anchors.indicators[0].share).toBeNull();
  });

  it("should write the customers' 360 share column only for a plan that blends ratings", () => {
    expect(headerRow(planSheet(seedPlan(), "zh-CN").sheet, H.share360)).toBeGreaterThan(0);
    expect(headerRow(planSheet(defaultPlan(), "zh-CN").sheet, H.share360)).toBe(-1);
    expect(headerRow(planSheet(defaultPlan(), "en-US").sheet, H.share360)).toBe(-1);
  });

  it("should locate a blend whose share is blank", () => {
    const { sheet } = planSheet(seedPlan(), "en-US");
    const cells = sheetValues(sheet);
    const header = headerRow(sheet, H.share360);
    const column = cells[header].indexOf(H.share360.en);
    const row = cells.findIndex((line) => line[0] === "service_satisfaction");
    cells[row][column] = null;
    const r = readPlanSheet(cells, sheet.name);
    const blank = r.issues.find((i) => i.code === "planValueMissing")!;
    expect(blank.location).toMatchObject({ row: row + 1 });
    expect(formatIssue(blank, "en-US")).toContain("Customer 360 share is blank");
  });
});

describe("the seed plan's Scorecard", () => {
  it.each(LANGS)(
    "should say which person has no customer ratings, in the row's status (%s)",
    (lang) => {
      const built = buildWorkbook(seedPlan(), lang, SAMPLE, "native");
      const sc = built.layout.sheets.find((s) => s.role === "scorecard")!;
      const cells = sc.blocks[0].cells;
      const status = cells[0].indexOf(lang === "zh-CN" ? "状态" : "Status");
      const noRatings = cells.filter((line) =>
        String(line[status]).includes(
          lang === "zh-CN" ? "没有客户（评价人类型：客户）的评价" : "no 360 ratings by customers"
        )
      );
      // the sample's person without 360 ratings in a quarter (sample.notes.no360Quarter)
      const [id] = generateSample({
        people: 12,
        teams: 3,
        seed: 7,
        months: 6,
      }).notes.no360Quarter.split(" ");
      expect(noRatings.map((line) => line[0])).toEqual([id]);
    }
  );

  it("should write the engine's numbers in the values style where the formula styles write formulas", () => {
    const plan = seedPlan();
    const native = buildWorkbook(plan, "en-US", SAMPLE, "native").layout;
    const values = buildWorkbook(plan, "en-US", SAMPLE, "values").layout;
    const sheet = (l: typeof native) => l.sheets.find((s) => s.role === "scorecard")!.blocks[0];
    const n = sheet(native).cells;
    const v = sheet(values).cells;
    const col = n[0].indexOf("Service satisfaction (survey and customers' 360)");
    expect(col).toBeGreaterThan(0);
    let formulas = 0;
    n.forEach((line, i) => {
      const c = line[col];
      if (!isFormula(c)) return;
      formulas++;
      // a blank value is an empty cell
      expect(v[i][col]).toEqual(c.value === "" ? null : c.value);
    });
    expect(formulas).toBeGreaterThan(10);
  });
});

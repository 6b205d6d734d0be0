/**
 * What real Excel does that the adapter must live with, taught to the Excel double, each with the
 * test that fails without the adapter's fix (issue 12):
 * - under a zh-CN display language Excel knows the PERF functions as 绩效.完成率 …, and an
 *   English name set through Range.formulas shows #NAME? (office-js #891);
 * - Application.calculate("Full") recalculates every formula of every open workbook and re-runs
 *   every custom function (office-js #6678, #6150, #6841);
 * - freezing panes on a hidden sheet fails (office-js #1463, #2196);
 * - retail Excel 2016/2019 run the functions but have no dynamic arrays: an array result shows its
 *   top-left value only (the double cuts it so; implicit intersection of a range in a scalar
 *   position is not modelled — LibreOffice, which applies it, evaluates the native style).
 */
import { defaultPlan } from "../../src/engine";
import { buildWorkbook, generateSample } from "../../src/workbook";
import { isFormula } from "../../src/workbook/layout";
import { probeDynamicArrays } from "../../src/office/arrays";
import { createExcelDouble } from "../support/excel-double";
import { CLIENT_PROFILES } from "../support/excel-double/profiles";
import { fixtureLayout } from "./fixtures";
import { disagreements, done, expectUsable, userWorkbook } from "./support";

jest.setTimeout(120_000);

function perfWorkbook(language: "zh-CN" | "en-US" = "zh-CN") {
  return buildWorkbook(defaultPlan(), language, generateSample({ people: 5, months: 3 }), "perf")
    .layout;
}

function perfCells(layout: ReturnType<typeof perfWorkbook>): number {
  let n = 0;
  for (const s of layout.sheets)
    for (const b of s.blocks)
      for (const line of b.cells)
        for (const c of line) if (isFormula(c) && /PERF\./.test(c.formula)) n++;
  return n;
}

describe("PERF formulas under Office's display language", () => {
  it.each([
    ["zh-CN", "绩效.完成率("],
    ["en-US", "PERF.ATTAINMENT("],
  ])(
    "should be written with the names Excel registered under %s, and calculate the engine's values",
    async (displayLanguage, name) => {
      const layout = perfWorkbook();
      expect(perfCells(layout)).toBeGreaterThan(50);
      const d = createExcelDouble({ displayLanguage, calculate: true });
      await done(d, layout);
      expect(disagreements(d, layout)).toEqual([]);
      const formulas = d.model
        .live()
        .flatMap((s) =>
          [...s.cells.values()].flatMap((row) =>
            [...row.values()].filter((c) => c.formula).map((c) => d.model.renderFormula(c.formula!))
          )
        );
      expect(formulas.some((f) => f.includes(name))).toBe(true);
      // the function names Excel returns do not make the sheets look edited
      const again = await done(d, layout);
      expect(again.sheets.filter((s) => s.action !== "kept").map((s) => s.action)).toEqual(
        again.sheets.filter((s) => s.action !== "kept").map(() => "unchanged")
      );
    }
  );

  it("should show #NAME? where a formula calls a PERF function by a name Excel did not register", () => {
    const d = createExcelDouble({ displayLanguage: "zh-CN" });
    d.model.type("Sheet1", "A1", [["=PERF.ATTAINMENT(1,2)"], ["=绩效.完成率(1,2)"]]);
    const sheet = d.model.mustFindSheet("Sheet1");
    expect(d.model.valueAt(sheet, 0, 0)).toBe("#NAME?");
    expect(d.model.valueAt(sheet, 1, 0)).not.toBe("#NAME?");
  });
});

describe("recalculation after a write", () => {
  it("should recalculate only what the write changed, never every formula of the workbook", async () => {
    const d = userWorkbook({ calculate: true });
    // the user's own large model in the same workbook, which a full recalculation would redo
    const rows = Array.from({ length: 400 }, (_, i) => [i, `=A${i + 4}*2`, `=SUM(B$4:B${i + 4})`]);
    d.model.type("Payroll", "A4", rows);
    const before = d.model.calculation.records.length;
    const layout = perfWorkbook();
    await done(d, layout);
    const records = d.model.calculation.records.slice(before);
    expect(records.map((r) => r.type)).not.toContain("Full");
    expect(records.map((r) => r.type)).not.toContain("FullRebuild");
    expect(records.map((r) => r.type)).toContain("Recalculate");
    // what the write put in: every formula of the add-in's sheets; the user's 801 are not redone
    const written = d.model
      .live()
      .filter((s) => s.name !== "Payroll")
      .reduce(
        (n, s) =>
          n +
          [...s.cells.values()].reduce(
            (m, row) => m + [...row.values()].filter((c) => c.formula).length,
            0
          ),
        0
      );
    for (const r of records) expect(r.formulas).toBeLessThanOrEqual(written);
    expect(d.model.calculation.pending).toBe(false);
    expect(disagreements(d, layout)).toEqual([]);
  });
});

describe("frozen panes", () => {
  it("should freeze each new sheet's panes after it is shown, never on the hidden sheet it is built on", async () => {
    const d = userWorkbook();
    await done(d, fixtureLayout({ rows: 12 }));
    expect(d.model.mustFindSheet("数据").freeze).toEqual({ rows: 1, cols: 2 });
    expect(d.model.mustFindSheet("评分卡").freeze).toEqual({ rows: 1, cols: 2 });
    expect(d.syncs.filter((s) => s.failed)).toEqual([]);
  });

  it("should rewrite a sheet the user hid without freezing or unfreezing it", async () => {
    const d = userWorkbook({ apiVersion: "1.8" }); // cleared and rewritten in place
    await done(d, fixtureLayout({ rows: 12 }));
    d.model.setVisibility(d.model.mustFindSheet("评分卡"), "Hidden");
    const r = await done(d, fixtureLayout({ rows: 12, revision: 1 }));
    expect(r.sheets.find((s) => s.role === "scorecard")?.action).toBe("replaced");
    expect(d.model.mustFindSheet("评分卡").visibility).toBe("Hidden");
    expect(d.model.read("评分卡", "G2")).toBe("=ROUND(E2*Plan_SalesWeight+F2*Plan_CashWeight,2)+1");
    expectUsable(d);
  });
});

describe("dynamic arrays", () => {
  const retail = CLIENT_PROFILES.find((p) => !p.dynamicArrays)!;
  const current = CLIENT_PROFILES.find((p) => p.name === "Excel on the web")!;

  it("should show only the top-left value of an array result on retail Excel 2016/2019, and spill elsewhere", () => {
    for (const [profile, below] of [
      [retail, ""],
      [current, 2],
    ] as const) {
      const d = createExcelDouble({ profile, calculate: true });
      d.model.type("Sheet1", "A1", [["={1;2}"]]);
      const sheet = d.model.mustFindSheet("Sheet1");
      expect([d.model.valueAt(sheet, 0, 0), d.model.valueAt(sheet, 1, 0)]).toEqual([1, below]);
    }
  });

  it("should be found out at run time, in a hidden sheet the add-in deletes again", async () => {
    for (const [profile, spills] of [
      [retail, false],
      [current, true],
    ] as const) {
      const d = createExcelDouble({ profile, calculate: true });
      const before = d.model.snapshot();
      expect(await probeDynamicArrays(d.asHost())).toBe(spills);
      expect(d.model.snapshot()).toEqual(before);
    }
  });

  it.each(["perf", "native"] as const)(
    "should not be needed by the %s-style workbook: on retail Excel 2016/2019 every cell is the engine's",
    async (style) => {
      const layout = buildWorkbook(
        defaultPlan(),
        "zh-CN",
        generateSample({ people: 5, months: 3 }),
        style
      ).layout;
      const d = createExcelDouble({ profile: retail, calculate: true });
      await done(d, layout);
      expect(disagreements(d, layout)).toEqual([]);
    }
  );
});

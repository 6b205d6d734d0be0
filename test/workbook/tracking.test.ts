/**
 * The Tracking sheet (月度跟踪): its formula columns (data cells by month, actual and targets to
 * date and for the period, attainment against the pace and the period's target) evaluated by
 * HyperFormula equal the engine's values in all three styles; the notes a user typed are read
 * back and kept by salesperson and month when the sheet is written again.
 */
import { defaultPlan } from "../../src/engine/plan/defaultPlan";
import { buildFromTemplate, buildWorkbook } from "../../src/workbook/build";
import { sheetValues } from "../../src/workbook/grid";
import { isFormula, type SheetLayout } from "../../src/workbook/layout";
import { generateSample } from "../../src/workbook/sample";
import { templateLayout } from "../../src/workbook/template";
import {
  readTrackingSheet,
  trackingKey,
  TRACKING_HEADER_ROW,
} from "../../src/workbook/sheets/tracking";
import { compareLayout, evaluateLayout } from "./support/hyperformula";
import { editAsHR, onPlanScale, VARIANTS } from "./support/fixtures";

const SAMPLE = generateSample({ people: 12, teams: 3, seed: 7 });
const MONTHS = ["2024-02", "2024-03", "2024-04", "2024-11"];

function trackingOf(layout: { sheets: SheetLayout[] }): SheetLayout {
  return layout.sheets.find((s) => s.role === "tracking")!;
}

describe("HyperFormula evaluates the Tracking sheet like the engine", () => {
  it.each([
    ["native", "zh-CN"],
    ["perf", "zh-CN"],
    ["native", "en-US"],
    ["perf", "en-US"],
  ] as const)("should match every formula cell in the %s style (%s)", (style, lang) => {
    const built = buildWorkbook(defaultPlan(), lang, SAMPLE, style, {
      tracking: { months: MONTHS },
    });
    const ev = evaluateLayout(built.layout, { perf: style === "perf" });
    const cmp = compareLayout(built.layout, ev.value, ["tracking"]);
    expect(cmp.mismatches).toEqual([]);
    expect(cmp.cells).toBeGreaterThan(4000);
  });

  it("should write the same numbers as values only, and no formula, in the values style", () => {
    const opts = { tracking: { months: MONTHS } };
    const native = trackingOf(buildWorkbook(defaultPlan(), "zh-CN", SAMPLE, "native", opts).layout);
    const values = trackingOf(buildWorkbook(defaultPlan(), "zh-CN", SAMPLE, "values", opts).layout);
    let compared = 0;
    values.blocks[0].cells.forEach((line, i) =>
      line.forEach((c, j) => {
        expect(isFormula(c)).toBe(false);
        const nc = native.blocks[0].cells[i][j];
        expect(c).toEqual(isFormula(nc) ? (nc.error || nc.value === "" ? null : nc.value) : nc);
        compared++;
      })
    );
    expect(compared).toBeGreaterThan(5000);
  });

  it.each(VARIANTS.map((v) => [v.name, v] as const))(
    "should match on the plan variant %s, with HR's faulty data",
    (_name, v) => {
      const plan = v.plan();
      const sample = generateSample({ people: 8, teams: 2, seed: 5 });
      const template = templateLayout(plan, "zh-CN", onPlanScale(plan, sample));
      editAsHR(template, plan);
      const built = buildFromTemplate(plan, template, "native", {
        tracking: { months: ["2024-01", "2024-05", "2024-09"] },
      });
      const ev = evaluateLayout(built.layout, { perf: false });
      const cmp = compareLayout(built.layout, ev.value, ["tracking"]);
      expect(cmp.mismatches).toEqual([]);
      expect(cmp.cells).toBeGreaterThan(500);
    }
  );
});

describe("Tracking formulas", () => {
  it("should use only the common function set (and PERF.* in the PERF style), no exponent or bare TRUE/FALSE literals", () => {
    const COMMON = ["SUMPRODUCT", "IF", "AND", "OR", "ROUND", "SUM", "ABS"];
    for (const style of ["native", "perf"] as const) {
      const used = new Set<string>();
      for (const plan of [defaultPlan(), ...VARIANTS.map((v) => v.plan())]) {
        const sheet = trackingOf(
          buildWorkbook(plan, "zh-CN", SAMPLE, style, { tracking: { months: MONTHS } }).layout
        );
        for (const line of sheet.blocks[0].cells)
          for (const c of line) {
            if (!isFormula(c)) continue;
            const code = c.formula
              .replace(/"(?:[^"]|"")*"/g, '""')
              .replace(/'(?:[^']|'')*'!/g, "S!");
            for (const m of code.matchAll(/([A-Z][A-Z0-9.]*)\(/g)) used.add(m[1]);
            expect(code).not.toMatch(/\d[eE][+-]?\d/);
            expect(code).not.toMatch(/\b(TRUE|FALSE)\b(?!\()/);
          }
      }
      const outside = [...used].filter(
        (f) => !COMMON.includes(f) && !(style === "perf" && f.startsWith("PERF."))
      );
      expect(outside).toEqual([]);
      expect(used.has("IF")).toBe(true);
    }
  });
});

describe("Tracking notes", () => {
  it("should read back the notes typed and keep them on the next write, with new months added", () => {
    const first = trackingOf(
      buildWorkbook(defaultPlan(), "zh-CN", SAMPLE, "values", {
        tracking: { months: ["2024-02"] },
      }).layout
    );
    const values = sheetValues(first);
    const header = values[TRACKING_HEADER_ROW];
    const note = header.indexOf("反馈记录");
    const id = header.indexOf("员工编号");
    expect(note).toBeGreaterThan(0);
    const who = values[TRACKING_HEADER_ROW + 1][id] as string;
    values[TRACKING_HEADER_ROW + 1][note] = "2月回款偏慢，已约客户跟进";
    const read = readTrackingSheet(values);
    expect(read.months).toEqual(["2024-02"]);
    expect(read.notes).toEqual(
      new Map([[trackingKey(who, "2024-02"), "2月回款偏慢，已约客户跟进"]])
    );
    // a salesperson no longer in the data keeps the note on a row of its own
    read.notes.set(trackingKey("X999", "2024-02"), "已离职");
    const next = trackingOf(
      buildWorkbook(defaultPlan(), "zh-CN", SAMPLE, "values", {
        tracking: { months: [...read.months, "2024-03"], notes: read.notes },
      }).layout
    );
    const again = readTrackingSheet(sheetValues(next));
    expect(again.months).toEqual(["2024-02", "2024-03"]);
    expect(again.notes.get(trackingKey(who, "2024-02"))).toBe("2月回款偏慢，已约客户跟进");
    expect(again.notes.get(trackingKey("X999", "2024-02"))).toBe("已离职");
  });

  it("should read an English sheet's notes too", () => {
    const sheet = trackingOf(
      buildWorkbook(defaultPlan(), "en-US", SAMPLE, "native", {
        tracking: {
          months: ["2024-05"],
          notes: new Map([[trackingKey(SAMPLE.rows[0].id, "2024-05"), "Call me"]]),
        },
      }).layout
    );
    const read = readTrackingSheet(sheetValues(sheet));
    expect(read.notes.get(trackingKey(SAMPLE.rows[0].id, "2024-05"))).toBe("Call me");
    expect(sheetValues(sheet)[TRACKING_HEADER_ROW]).toContain("Feedback note");
  });
});

/**
 * The real layouts of src/workbook (template, outputs in the three formula styles, statements)
 * written by the Office.js writer on the Excel double: every formula lands as written (up to the
 * way Excel normalizes it) and points at existing sheets, text stays text, regeneration is
 * idempotent, and a failure at any sync is recovered by a retry.
 */
import { defaultPlan } from "../../src/engine";
import { canonicalFormula } from "../../src/office/formula";
import { buildWorkbook, generateSample } from "../../src/workbook";
import { isFormula, type WorkbookLayout } from "../../src/workbook/layout";
import { createExcelDouble, type ExcelDouble } from "../support/excel-double";
import { apply, done, expectUsable, userState, userWorkbook } from "./support";

function built(style: "native" | "perf" | "values", people = 30, months = 6) {
  return buildWorkbook(defaultPlan(), "zh-CN", generateSample({ people, months }), style, {
    statements: "latest",
  });
}

/** Every cell of every written sheet holds what the layout says (formulas compared canonically). */
function expectWrittenAsLaidOut(d: ExcelDouble, layout: WorkbookLayout): void {
  const same = () => undefined;
  for (const s of layout.sheets) {
    const sheet = d.model.mustFindSheet(s.name);
    let mismatches = 0;
    for (const b of s.blocks) {
      b.cells.forEach((row, i) =>
        row.forEach((cell, j) => {
          const got = d.model.formulaAt(sheet, b.row + i, b.column + j);
          const ok = isFormula(cell)
            ? typeof got === "string" &&
              canonicalFormula(got.slice(1), same) === canonicalFormula(cell.formula, same)
            : cell === null || cell === ""
              ? got === ""
              : got === cell;
          if (!ok && mismatches++ < 3) {
            throw new Error(
              `${s.name}!R${b.row + i + 1}C${b.column + j + 1}: laid out ${JSON.stringify(cell)}, Excel holds ${JSON.stringify(got)}`
            );
          }
        })
      );
    }
  }
}

describe.each(["native", "perf", "values"] as const)("the %s-formula plan workbook", (style) => {
  it("should be written as laid out, pointing at existing sheets, and regenerate idempotently", async () => {
    const { layout } = built(style);
    const d = userWorkbook();
    const user = userState(d);
    const r = await done(d, layout);
    expect(r.sheets.every((s) => s.action === "created")).toBe(true);
    expect(d.model.brokenReferences).toEqual([]);
    expectWrittenAsLaidOut(d, layout);
    const before = d.model.snapshot();
    const again = await done(d, layout, { confirmReplace: async () => "cancel" });
    expect(new Set(again.sheets.map((s) => s.action))).toEqual(new Set(["unchanged", "kept"]));
    expect(d.model.snapshot()).toEqual(before);
    expect(userState(d)).toEqual(user);
  });
});

describe("the pane's order of work: template, then outputs, then statements", () => {
  it("should write each step's sheets beside the earlier ones without asking", async () => {
    const { layout } = built("native");
    const inputs = {
      ...layout,
      sheets: layout.sheets.filter((s) => ["guide", "plan", "data", "feedback"].includes(s.role)),
    };
    const outputs = {
      ...layout,
      sheets: layout.sheets.filter(
        (s) => !["guide", "plan", "data", "feedback", "statements"].includes(s.role)
      ),
    };
    const statements = { ...layout, sheets: layout.sheets.filter((s) => s.role === "statements") };
    const d = createExcelDouble();
    const confirm = jest.fn(async () => "cancel" as const);
    await done(d, inputs, { confirmReplace: confirm });
    await done(d, outputs, { confirmReplace: confirm });
    await done(d, statements, { confirmReplace: confirm });
    expect(confirm).not.toHaveBeenCalled();
    expect(d.model.brokenReferences).toEqual([]);
    expectWrittenAsLaidOut(d, layout);
  });
});

describe("a failure at any sync while writing the real workbook", () => {
  it("should leave it usable and be completed by a retry with the same result", async () => {
    const { layout } = built("native", 6, 2);
    const chunkBytes = 32 * 1024;
    const clean = userWorkbook();
    const from = clean.syncs.length;
    await done(clean, layout, { chunkBytes });
    const syncs = clean.syncs.length - from;
    expect(syncs).toBeGreaterThan(5);
    for (let k = 0; k < syncs; k++) {
      const d = userWorkbook();
      const user = userState(d);
      d.failAt(k, "partial");
      expect((await apply(d, layout, { chunkBytes })).status).toBe("failed");
      expectUsable(d);
      await done(d, layout, { chunkBytes });
      expect(userState(d)).toEqual(user);
      expect(d.model.snapshot()).toEqual(clean.model.snapshot());
    }
  });
});

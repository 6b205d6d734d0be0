/**
 * The written formulas compute what the engine computes: the output layouts are evaluated by
 * HyperFormula (a second spreadsheet engine) and every formula cell of the Monthly data,
 * Commission, Scorecard, Annual and Summary sheets is compared with the engine's value the
 * layout carries — scores to 1e-9, money to the cent, grades and texts equal, errors and blanks
 * where the engine has no number. All three styles: native formulas, PERF.* (through the shipped
 * src/functions module), values.
 */
import { defaultPlan } from "../../src/engine/plan/defaultPlan";
import { buildFromTemplate, buildWorkbook, type BuiltWorkbook } from "../../src/workbook/build";
import { generateSample } from "../../src/workbook/sample";
import { templateLayout } from "../../src/workbook/template";
import { isFormula, type SheetLayout, type WorkbookLayout } from "../../src/workbook/layout";
import type { FormulaStyle } from "../../src/workbook/formula";
import { compareLayout, evaluateLayout, type Comparison } from "./support/hyperformula";
import { editAsHR, onPlanScale, VARIANTS } from "./support/fixtures";

const OUTPUTS: SheetLayout["role"][] = [
  "months",
  "commission",
  "scorecard",
  "annual",
  "summary",
  "paylist",
];
const SAMPLE = generateSample({ people: 40, seed: 11 });
const SMALL = generateSample({ people: 18, teams: 4, seed: 5 });
const TINY = generateSample({ people: 6, teams: 2, seed: 5 });
const results: Record<string, Comparison & { hfMs: number }> = {};

function check(name: string, built: BuiltWorkbook, style: FormulaStyle): Comparison {
  const ev = evaluateLayout(built.layout, { perf: style === "perf" });
  const cmp = compareLayout(built.layout, ev.value, OUTPUTS);
  results[name] = { ...cmp, hfMs: Math.round(ev.buildMs) };
  return cmp;
}

function formulas(layout: WorkbookLayout): string[] {
  const out: string[] = [];
  for (const s of layout.sheets)
    for (const b of s.blocks)
      for (const line of b.cells) for (const c of line) if (isFormula(c)) out.push(c.formula);
  return out;
}

afterAll(() => {
  const lines = Object.entries(results).map(
    ([k, r]) =>
      `${k}: ${r.cells} formula cells (${r.numbers} numbers, ${r.money} money), max relative diff ${r.maxRelativeDiff.toExponential(2)}, max money diff ${r.maxMoneyDiff}, ${r.mismatches.length} mismatches, HyperFormula ${r.hfMs} ms`
  );
  console.log("HyperFormula vs engine\n" + lines.join("\n"));
});

describe("HyperFormula evaluates the demo layout like the engine (40 salespeople × 12 months)", () => {
  it.each([
    ["native", "zh-CN"],
    ["perf", "zh-CN"],
    ["native", "en-US"],
  ] as const)("should match every formula cell in the %s style (%s)", (style, lang) => {
    const built = buildWorkbook(defaultPlan(), lang, SAMPLE, style);
    const cmp = check(`default plan, ${style}, ${lang}`, built, style);
    expect(cmp.mismatches).toEqual([]);
    expect(cmp.cells).toBeGreaterThan(30000);
    expect(cmp.maxMoneyDiff).toBeLessThanOrEqual(1e-6);
  });

  it("should write the same numbers as values only, and no formula, in the values style", () => {
    const native = buildWorkbook(defaultPlan(), "zh-CN", SAMPLE, "native").layout;
    const values = buildWorkbook(defaultPlan(), "zh-CN", SAMPLE, "values").layout;
    let compared = 0;
    for (const s of values.sheets) {
      if (!OUTPUTS.includes(s.role)) continue;
      const n = native.sheets.find((x) => x.role === s.role)!;
      s.blocks.forEach((b, k) =>
        b.cells.forEach((line, i) =>
          line.forEach((c, j) => {
            expect(isFormula(c)).toBe(false);
            const nc = n.blocks[k].cells[i][j];
            const expected = isFormula(nc) ? (nc.error || nc.value === "" ? null : nc.value) : nc;
            expect(c).toEqual(expected);
            compared++;
          })
        )
      );
    }
    expect(compared).toBeGreaterThan(30000);
  });

  it("should use only the common function set (and PERF.* in the PERF style), no exponent or bare TRUE/FALSE literals", () => {
    const COMMON = new Set([
      "SUMPRODUCT",
      "INDEX",
      "MATCH",
      "VLOOKUP",
      "IF",
      "IFERROR",
      "AND",
      "OR",
      "MIN",
      "MAX",
      "ROUND",
      "SUM",
      "SUMIFS",
      "COUNTIFS",
      "AVERAGEIFS",
      "ABS",
      // text: the promotion recommendation's reason (Excel 2016, LibreOffice and HyperFormula alike)
      "MID",
    ]);
    for (const style of ["native", "perf"] as const) {
      const used = new Set<string>();
      for (const plan of [defaultPlan(), ...VARIANTS.map((v) => v.plan())]) {
        for (const f of formulas(buildWorkbook(plan, "zh-CN", TINY, style).layout)) {
          const code = f.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'!/g, "S!");
          for (const m of code.matchAll(/([A-Z][A-Z0-9.]*)\(/g)) used.add(m[1]);
          expect(code).not.toMatch(/\d[eE][+-]?\d/);
          expect(code).not.toMatch(/\b(TRUE|FALSE)\b(?!\()/);
        }
      }
      const outside = [...used].filter(
        (f) => !COMMON.has(f) && !(style === "perf" && f.startsWith("PERF."))
      );
      expect(outside).toEqual([]);
      if (style === "perf")
        expect([...used].filter((f) => f.startsWith("PERF.")).sort()).toEqual(
          [
            "PERF.COEFFICIENT",
            "PERF.COMMISSION",
            "PERF.CURVE",
            "PERF.FEEDBACK",
            "PERF.GRADE",
            "PERF.GROWTH",
            "PERF.KPISCORE",
            "PERF.MATRIX",
            "PERF.PAY",
            "PERF.PRORATE",
            "PERF.WEIGHTED",
            "PERF.ATTAINMENT",
          ].sort()
        );
    }
  });
});

describe("HyperFormula evaluates every branch of the formulas like the engine (plan variants, 18 × 12)", () => {
  it.each(
    VARIANTS.flatMap((v) =>
      (["native", "perf"] as const).map((style) => [v.name, style, v] as const)
    )
  )("%s (%s)", (_name, style, v) => {
    const plan = v.plan();
    const built = buildWorkbook(plan, "zh-CN", onPlanScale(plan, SMALL), style);
    const cmp = check(`${v.name.split(",")[0]}, ${style}`, built, style);
    expect(cmp.mismatches).toEqual([]);
    expect(cmp.cells).toBeGreaterThan(8000);
  });
});

describe("HyperFormula and the engine agree on HR's faulty data too", () => {
  it.each(["native", "perf"] as const)(
    "should flag the same rows and compute the rest alike (%s)",
    (style) => {
      for (const v of [{ name: "default", plan: defaultPlan }, ...VARIANTS]) {
        const plan = v.plan();
        const template = templateLayout(plan, "zh-CN", onPlanScale(plan, SMALL));
        const edits = editAsHR(template, plan);
        expect(edits.length).toBeGreaterThan(15);
        const built = buildFromTemplate(plan, template, style);
        // The faults reached the engine as HR left them.
        expect(built.data.issues.some((i) => i.code === "numberUnreadable")).toBe(true);
        expect(built.data.issues.some((i) => i.code === "conflictingRow")).toBe(true);
        const scorecard = built.layout.sheets.find((s) => s.role === "scorecard")!;
        const statuses = scorecard.blocks[0].cells
          .slice(2)
          .map((r) => r[scorecard.blocks[0].cells[0].indexOf("状态")]);
        expect(statuses.filter((s) => s !== "正常").length).toBeGreaterThan(5);
        const cmp = check(`${v.name.split(",")[0]}, faulty data, ${style}`, built, style);
        expect(cmp.mismatches).toEqual([]);
      }
    }
  );

  it("should keep a name that is a formula as text everywhere it is written", () => {
    const plan = defaultPlan();
    const template = templateLayout(plan, "zh-CN", SMALL);
    editAsHR(template, plan);
    const built = buildFromTemplate(plan, template, "native");
    const evaluated = evaluateLayout(built.layout);
    const name = '=HYPERLINK("http://example.com","x")';
    let seen = 0;
    for (const s of built.layout.sheets) {
      s.blocks.forEach((b) =>
        b.cells.forEach((line, i) =>
          line.forEach((c, j) => {
            if (c !== name) return;
            seen++;
            expect(evaluated.value(s.name, b.row + i, b.column + j)).toBe(name);
          })
        )
      );
    }
    // Data, Monthly data, Commission and Scorecard rows of S0001 (12 months, 4 quarters).
    expect(seen).toBeGreaterThanOrEqual(12 + 12 + 12 + 4);
  });
});

describe("HyperFormula's own ROUND", () => {
  it("should differ from Excel's at half cents — why the comparison uses Excel's rule", () => {
    const layout: WorkbookLayout = {
      language: "en-US",
      sheets: [
        {
          role: "summary",
          name: "S",
          kind: "output",
          columns: [],
          tables: [],
          names: [],
          validations: [],
          styles: [],
          merges: [],
          charts: [],
          blocks: [{ row: 0, column: 0, cells: [[{ formula: "ROUND(1.005,2)", value: 1.01 }]] }],
        },
      ],
    };
    // This file's HyperFormula already uses Excel's ROUND (registered by the comparisons above).
    expect(evaluateLayout(layout).value("S", 0, 0)).toBe(1.01);
  });
});

/**
 * The exceljs writer: what it writes reads back from the file — formulas with the engine's value
 * as cached result (numbers, texts, errors), defined names, validation, number formats, freeze
 * panes, merges, print setup with page breaks, data bars, full recalculation on load.
 */
import ExcelJS from "exceljs";
// exceljs's own zip library (a dependency of exceljs): what exceljs writes but does not read back.
import JSZip from "jszip";
import { defaultPlan } from "../../src/engine/plan/defaultPlan";
import { buildWorkbook } from "../../src/workbook/build";
import { isFormula } from "../../src/workbook/layout";
import { PLAN_NAMES } from "../../src/workbook/plan-sheet";
import { generateSample } from "../../src/workbook/sample";
import { YUAN } from "../../src/workbook/money";
import { parseRef, xlsxBuffer } from "../../src/workbook/xlsx";

const built = buildWorkbook(
  defaultPlan(),
  "zh-CN",
  generateSample({ people: 10, teams: 2, seed: 9 }),
  "native",
  { statements: "latest" }
);
let wb: ExcelJS.Workbook;
let zip: JSZip;

beforeAll(async () => {
  const buffer = await xlsxBuffer(built.layout);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  zip = await JSZip.loadAsync(buffer);
}, 60_000);

async function part(name: string): Promise<string> {
  return zip.file(name)!.async("string");
}

describe("xlsx writer", () => {
  it("should write every sheet in order, with the layout's names", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(built.layout.sheets.map((s) => s.name));
  });

  it("should write each formula with the engine's value as its cached result", () => {
    let checked = 0;
    for (const s of built.layout.sheets) {
      const ws = wb.getWorksheet(s.name)!;
      for (const b of s.blocks)
        b.cells.forEach((line, i) =>
          line.forEach((c, j) => {
            if (!isFormula(c)) return;
            const cell = ws.getRow(b.row + i + 1).getCell(b.column + j + 1);
            expect(cell.formula).toBe(c.formula);
            const result = (cell.model as { result?: unknown }).result;
            if (c.error) expect(result).toEqual({ error: c.error });
            else if (c.value === "") expect(result === "" || result === undefined).toBe(true);
            else expect(result).toEqual(c.value);
            checked++;
          })
        );
    }
    expect(checked).toBeGreaterThan(5000);
  });

  it("should ask Excel to recalculate the whole workbook when it is opened", async () => {
    expect(await part("xl/workbook.xml")).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it("should define the Plan sheet's names over the right cells", () => {
    const plan = built.layout.sheets.find((s) => s.role === "plan")!;
    const model = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] })
      .model;
    for (const n of plan.names) {
      const found = model.find((m) => m.name === n.name);
      expect(found).toBeDefined();
      const want = parseRef(n.ref);
      const got = parseRef(found!.ranges[0].replace(/^([^'!][^!]*)!/, "'$1'!"));
      expect(got).toEqual(want);
    }
    expect(model.map((m) => m.name)).toContain(PLAN_NAMES.gradeMin);
  });

  it("should write validation lists, number formats, freeze panes and merges", () => {
    const plan = wb.getWorksheet("方案")!;
    const dvs = (
      plan as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
    ).dataValidations.model;
    const lists = Object.values(dvs)
      .filter((v) => v && v.type === "list")
      .map((v) => String(v.formulae[0]));
    expect(lists).toContain('"越高越好,越低越好"');
    const sc = wb.getWorksheet("评分卡")!;
    expect(sc.views[0]).toMatchObject({ state: "frozen", xSplit: 4, ySplit: 2 });
    const layoutSc = built.layout.sheets.find((s) => s.role === "scorecard")!;
    const payCol = layoutSc.blocks[0].cells[0].indexOf("应发合计(元)") + 1;
    expect(sc.getRow(3).getCell(payCol).numFmt).toBe(YUAN);
    const st = wb.getWorksheet("绩效结果通知单")!;
    expect(
      Object.keys((st as unknown as { _merges: Record<string, unknown> })._merges).length
    ).toBeGreaterThan(10);
  });

  it("should write the Scorecard's working columns in closed outline groups", async () => {
    const index = built.layout.sheets.findIndex((s) => s.role === "scorecard");
    const layout = built.layout.sheets[index];
    const xml = await part(`xl/worksheets/sheet${index + 1}.xml`);
    expect(xml).toMatch(/<sheetFormatPr[^>]*outlineLevelCol="1"/);
    expect(xml).toMatch(/<outlinePr[^>]*summaryRight="1"/);
    // every <col> run: grouped and hidden exactly where the layout's columns are
    const cols = [...xml.matchAll(/<col ([^>]*)\/>/g)].map((m) => m[1]);
    const grouped = new Set<number>();
    for (const c of cols) {
      const min = Number(/min="(\d+)"/.exec(c)![1]);
      const max = Number(/max="(\d+)"/.exec(c)![1]);
      for (let i = min; i <= max; i++) {
        const spec = layout.columns[i - 1];
        expect([i, /outlineLevel="1"/.test(c)]).toEqual([i, spec?.outlineLevel === 1]);
        expect([i, /hidden="1"/.test(c)]).toEqual([i, !!spec?.collapsed]);
        if (/outlineLevel="1"/.test(c)) grouped.add(i);
      }
    }
    expect(grouped.size).toBe(layout.columns.filter((c) => c.outlineLevel === 1).length);
    expect(grouped.size).toBeGreaterThan(20);
  });

  it("should print the statements on A4 portrait, fitted to the width, a page per person", async () => {
    const index = built.layout.sheets.findIndex((s) => s.role === "statements");
    const layout = built.layout.sheets[index];
    const xml = await part(`xl/worksheets/sheet${index + 1}.xml`);
    expect(xml).toMatch(
      /<pageSetup[^>]*paperSize="9"[^>]*orientation="portrait"[^>]*fitToWidth="1"[^>]*fitToHeight="0"/
    );
    expect(xml).toMatch(/<pageSetUpPr[^>]*fitToPage="1"/);
    // OOXML: a break above the (0-based) row id — the layout's rows before which a page starts.
    const breaks = [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(breaks).toEqual(layout.print!.rowBreaks);
    const people = built.evaluation.periods.frame.periods.filter((p) => p === "2024-Q4").length;
    expect(breaks.length).toBe(people - 1);
    const area = new RegExp(
      `<definedName name="_xlnm.Print_Area" localSheetId="${index}">&apos;${layout.name}&apos;!\\$A\\$?1:\\$H\\$?${layout.print!.area.rows}</definedName>`
    );
    expect(await part("xl/workbook.xml")).toMatch(area);
  });

  it("should give the Summary data bars (exceljs writes no charts)", () => {
    const summary = built.layout.sheets.find((s) => s.role === "summary")!;
    expect(summary.charts.length).toBe(2);
    const ws = wb.getWorksheet(summary.name)!;
    const cf = (
      ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }
    ).conditionalFormattings;
    expect(cf.map((c) => c.rules[0].type)).toEqual(["dataBar", "dataBar", "dataBar"]);
  });
});

/**
 * The Data and Feedback sheets: written in either language, read back by the engine's readers in
 * any language and column order; unreadable cells written back as the text that was read; text
 * that looks like a formula kept as text; valid, unique sheet names.
 */
import ExcelJS from "exceljs";
import { defaultPlan } from "../../src/engine/plan/defaultPlan";
import type { DataRow } from "../../src/engine/records";
import {
  dataHeaderRow,
  dataSheet,
  DATA_FIRST_ROW,
  feedbackSheet,
  readDataSheet,
  readFeedbackSheet,
  UNIT_LINE,
} from "../../src/workbook/data-sheet";
import { sheetValues } from "../../src/workbook/grid";
import { isFormula, type SheetLayout } from "../../src/workbook/layout";
import { generateSample } from "../../src/workbook/sample";
import { sheetNames, templateLayout, validSheetName } from "../../src/workbook/template";
import { xlsxBuffer } from "../../src/workbook/xlsx";

const plan = defaultPlan();
const sample = generateSample({ people: 12, teams: 3, seed: 3 });

function values(rows: readonly DataRow[]) {
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    team: r.team,
    period: r.period,
    values: r.values,
    invalid: r.invalid,
  }));
}

describe("Data sheet", () => {
  it.each(["zh-CN", "en-US"] as const)(
    "should read back the records it was filled with (%s)",
    (lang) => {
      const sheet = dataSheet(plan, lang, sample);
      const reading = readDataSheet(sheetValues(sheet), sheet.name, plan);
      expect(reading.issues.filter((i) => i.severity === "error")).toEqual([]);
      expect(values(reading.rows)).toEqual(values(sample.rows));
      expect(reading.rows[0].source).toMatchObject({ sheet: sheet.name, row: DATA_FIRST_ROW });
    }
  );

  it("should put the unit and source of each column above the header", () => {
    const cells = sheetValues(dataSheet(plan, "zh-CN"));
    expect(cells[0][0]).toBe(UNIT_LINE.zh);
    expect(cells[0][4]).toBe("元 · CRM系统");
    expect(cells[1].slice(0, 5)).toEqual(["员工编号", "姓名", "部门", "月份", "签约金额(元)"]);
    expect(dataHeaderRow(cells, plan)).toBe(1);
  });

  it("should read a zh-CN sheet with its columns shuffled, headers half in English and an extra column", () => {
    const cells = sheetValues(dataSheet(plan, "zh-CN", sample));
    const en = sheetValues(dataSheet(plan, "en-US"));
    const width = cells[1].length;
    const order = Array.from({ length: width }, (_, i) => i).reverse();
    const shuffled = cells.map((r, i) => [
      ...order.map((c) => (i === 1 && c % 2 === 0 ? en[1][c] : r[c])),
      i === 1 ? "备注" : "x",
    ]);
    const reading = readDataSheet(shuffled, "数据", plan);
    expect(reading.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(reading.issues.some((i) => i.code === "columnIgnored")).toBe(true);
    expect(values(reading.rows)).toEqual(values(sample.rows));
  });

  it("should write back an unreadable cell as the text that was read, so it reads the same", () => {
    const cells = sheetValues(dataSheet(plan, "zh-CN", sample));
    cells[DATA_FIRST_ROW - 1 + 4][4 + 9] = "N/A";
    cells[DATA_FIRST_ROW - 1 + 6][4 + 12] = -3;
    const first = readDataSheet(cells, "数据", plan);
    expect(first.rows[4].invalid).toEqual(["retention_rate"]);
    expect(first.rows[6].invalid).toEqual(["visits"]);
    const again = dataSheet(plan, "zh-CN", { rows: first.rows, ratings: [], issues: first.issues });
    const second = readDataSheet(sheetValues(again), "数据", plan);
    expect(values(second.rows)).toEqual(values(first.rows));
    expect(sheetValues(again)[DATA_FIRST_ROW - 1 + 4][4 + 9]).toBe("N/A");
    expect(sheetValues(again)[DATA_FIRST_ROW - 1 + 6][4 + 12]).toBe("-3");
  });

  it("should keep names and teams that look like formulas as text, in the layout and in the .xlsx file", async () => {
    const rows = sample.rows.slice(0, 3).map((r, i) => ({
      ...r,
      name: ['=HYPERLINK("http://x","y")', "+86 138", "@me"][i],
      team: i === 1 ? "-team" : r.team,
    }));
    const layout = templateLayout(plan, "zh-CN", { rows, ratings: [] });
    const data = layout.sheets.find((s) => s.role === "data")!;
    const texts = data.blocks[0].cells
      .flat()
      .filter((c) => typeof c === "string" && /^[=+\-@]/.test(c));
    expect(texts.length).toBe(4);
    for (const b of data.blocks)
      for (const line of b.cells)
        for (const c of line) if (typeof c === "string") expect(isFormula(c)).toBe(false);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsxBuffer(layout)) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(data.name)!;
    for (let r = DATA_FIRST_ROW; r < DATA_FIRST_ROW + 3; r++) {
      const cell = ws.getRow(r).getCell(2);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
    expect(ws.getRow(DATA_FIRST_ROW).getCell(2).value).toBe('=HYPERLINK("http://x","y")');
  }, 60_000);
});

describe("Feedback sheet", () => {
  it.each(["zh-CN", "en-US"] as const)(
    "should read back the ratings and find its columns (%s)",
    (lang) => {
      const sheet: SheetLayout = feedbackSheet(lang, sample.ratings);
      const reading = readFeedbackSheet(sheetValues(sheet), sheet.name, { scale: 100 });
      expect(reading.issues).toEqual([]);
      expect(reading.ratings.map((r) => [r.id, r.period, r.rater, r.score, r.raterName])).toEqual(
        sample.ratings.map((r) => [r.id, r.period, r.rater, r.score, r.raterName])
      );
      expect(reading.columns).toEqual({ sheet: sheet.name, id: 0, period: 1, rater: 2, score: 3 });
      expect(sheetValues(sheet)[1][2]).toBe(lang === "zh-CN" ? "上级" : "superior");
    }
  );
});

describe("sheet names", () => {
  it("should make names valid and unique", () => {
    const taken = new Set<string>();
    expect(validSheetName("评分卡", taken)).toBe("评分卡");
    expect(validSheetName("评分卡", taken)).toBe("评分卡 (2)");
    expect(validSheetName("a[b]:c*d?e/f\\g", taken)).toBe("a_b__c_d_e_f_g");
    expect(validSheetName("'quoted'", taken)).toBe("quoted");
    expect(validSheetName("   ", taken)).toBe("Sheet");
    const long = validSheetName("x".repeat(40), taken);
    expect(long.length).toBe(31);
    expect(validSheetName("x".repeat(40), taken)).toBe("x".repeat(27) + " (2)");
    expect(validSheetName("History", taken)).toBe("History_");
  });

  it.each(["zh-CN", "en-US"] as const)(
    "should name every add-in sheet validly and uniquely (%s)",
    (lang) => {
      const names = Object.values(sheetNames(lang));
      expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
      for (const n of names) {
        expect(n.length).toBeLessThanOrEqual(31);
        expect(n).not.toMatch(/[[\]:*?/\\]/);
      }
    }
  );
});

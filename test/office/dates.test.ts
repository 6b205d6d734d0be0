/**
 * Months in cells Excel formats as dates: Office.js hands a date cell over as its serial number,
 * so the pane reads the period column's number formats (through the Office backend, on the Excel
 * double) and reads a date cell as its month — while 45413 typed into a plain number cell stays
 * a number and is named, never taken for a month.
 */
import { defaultPlan, formatIssue, readDataTable } from "../../src/engine";
import { createOfficeBackend } from "../../src/office/backend";
import { createLayoutHost } from "../../src/app/layoutHost";
import { workbookLayouts } from "../../src/app/layouts";
import { createExcelDouble } from "../support/excel-double";

function memorySettings() {
  const m = new Map<string, string>();
  return {
    get: (k: string) => m.get(k) ?? null,
    set: async (k: string, v: string) => void m.set(k, v),
  };
}

describe("date cells in the period column (Office backend on the Excel double)", () => {
  it("should read a cell formatted as a date as its month, and name a bare number", async () => {
    const d = createExcelDouble({ firstSheet: "Export" });
    d.model.type("Export", "A1", [
      ["员工编号", "姓名", "月份"],
      ["S1001", "王伟", 45383],
      ["S1002", "李娜", 45413],
    ]);
    const sheet = d.model.mustFindSheet("Export");
    // the first month was typed as a date (Excel formats it yyyy-mm); the second is a plain number
    d.model.setNumberFormat(sheet, { row: 1, col: 2, rows: 1, cols: 1 }, [["yyyy-mm"]]);
    d.model.select("Export", "A1:C3");
    const host = createLayoutHost(
      createOfficeBackend(d.asHost(), memorySettings()),
      workbookLayouts
    );
    const table = await host.readSelection();
    expect(table.rows.map((r) => r[2])).toEqual(["2024-04-01", 45413]);
    const reading = readDataTable(table, defaultPlan());
    expect(reading.rows.map((r) => [r.id, r.period])).toEqual([["S1001", "2024-04"]]);
    const bare = reading.issues.find((i) => i.code === "periodNumber")!;
    expect(formatIssue(bare, "zh-CN")).toBe(
      "Export 第 3 行 C 列（月份）：45413 是数字而不是月份：如果它是日期，请把单元格设为日期格式；否则请把月份写成 2024-03 的格式。"
    );
  });
});

/**
 * src/workbook/verify.ts, the self-check's pure core: which rows of a sheet are read back, when
 * Excel's value is the engine's, and what counts as a changed formula.
 */
import { sheet, type SheetLayout } from "../../src/workbook/layout";
import {
  FULL_CHECK_CELLS,
  SAMPLE_ROWS,
  cellAgrees,
  compareRows,
  laidOut,
  rowsToCheck,
  valuesAgree,
} from "../../src/workbook/verify";

describe("rowsToCheck", () => {
  it("should read every row of a sheet up to the full-check size", () => {
    expect(rowsToCheck(10, 5)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const rows = Math.floor(FULL_CHECK_CELLS / 40);
    expect(rowsToCheck(rows, 40)).toHaveLength(rows);
  });

  it("should sample a large sheet: first and last rows and one row of each stratum, the same every time", () => {
    const rows = 30_000;
    const sample = rowsToCheck(rows, 40);
    expect(sample).toHaveLength(SAMPLE_ROWS);
    expect(sample[0]).toBe(0);
    expect(sample[sample.length - 1]).toBe(rows - 1);
    expect(new Set(sample).size).toBe(sample.length);
    expect(sample).toEqual([...sample].sort((a, b) => a - b));
    // every tenth of the sheet is represented in proportion
    for (let k = 0; k < 10; k++) {
      const inside = sample.filter((r) => r >= (k * rows) / 10 && r < ((k + 1) * rows) / 10);
      expect(inside.length).toBeGreaterThanOrEqual(SAMPLE_ROWS / 10 - 2);
    }
    expect(rowsToCheck(rows, 40)).toEqual(sample);
    expect(rowsToCheck(rows, 40, 7)).not.toEqual(sample);
  });
});

describe("valuesAgree and cellAgrees", () => {
  it("should take the engine's number to 1e-9 of its size, text and Booleans exactly, blanks as blanks", () => {
    expect(valuesAgree(0.1 + 0.2, 0.3)).toBe(true);
    expect(valuesAgree(73232.85 + 5e-6, 73232.85)).toBe(true);
    expect(valuesAgree(73232.86, 73232.85)).toBe(false);
    expect(valuesAgree("85", 85)).toBe(false);
    expect(valuesAgree("A", "A")).toBe(true);
    expect(valuesAgree(true, true)).toBe(true);
    expect(valuesAgree("", "")).toBe(true);
    expect(valuesAgree(null, null)).toBe(true);
    expect(valuesAgree(0, "")).toBe(false);
  });

  it("should take any error where the engine expects one, except #NAME? (a function Excel does not know)", () => {
    const erring = { formula: 'IF(A1="",#N/A,1)', value: null, error: "#N/A" as const };
    expect(cellAgrees("#N/A", erring)).toBe(true);
    expect(cellAgrees("#VALUE!", erring)).toBe(true);
    expect(cellAgrees("#NAME?", erring)).toBe(false);
    expect(cellAgrees(0, erring)).toBe(false);
    expect(cellAgrees("#NAME?", { formula: "PERF.GRADE(K2)", value: "A" })).toBe(false);
  });
});

describe("compareRows", () => {
  const layout = (): SheetLayout => {
    const s = sheet("scorecard", "评分卡", "output");
    s.blocks.push({
      row: 0,
      column: 0,
      cells: [
        ["总分", '=HYPERLINK("x")', { formula: "SUM(A2:A3)", value: 30 }],
        [10, "销售一部", { formula: "'评分卡'!A2*2", value: 20 }],
      ],
    });
    return s;
  };
  const same = (a: string, b: string) => a.replace(/'/g, "") === b.replace(/'/g, "");
  const target = { role: "scorecard" as const, sheet: "评分卡" };

  it("should find nothing where Excel holds what was written, text starting with = included", () => {
    const read = [
      {
        row: 0,
        values: ["总分", '=HYPERLINK("x")', 30],
        formulas: ["总分", '=HYPERLINK("x")', "=SUM(A2:A3)"],
      },
      { row: 1, values: [10, "销售一部", 20], formulas: [10, "销售一部", "=评分卡!A2*2"] },
    ];
    expect(compareRows(laidOut(layout()), target, read, same)).toEqual({ cells: 6, findings: [] });
  });

  it("should report a changed formula with the written one, a changed value, and skip busy cells", () => {
    const read = [
      {
        row: 0,
        values: ["总分", '=HYPERLINK("x")', 99],
        formulas: ["总分", '=HYPERLINK("x")', "=99"],
      },
      { row: 1, values: [11, "#BUSY!", 22], formulas: [11, "=PERF.X()", "=评分卡!A2*2"] },
    ];
    const { cells, findings } = compareRows(laidOut(layout()), target, read, same);
    expect(cells).toBe(5);
    expect(findings).toEqual([
      expect.objectContaining({
        kind: "formula",
        row: 0,
        column: 2,
        formula: "=99",
        written: "=SUM(A2:A3)",
        excel: 99,
        engine: 30,
      }),
      expect.objectContaining({
        kind: "value",
        row: 1,
        column: 0,
        excel: 11,
        engine: 10,
        formula: null,
      }),
      expect.objectContaining({ kind: "value", row: 1, column: 2, excel: 22, engine: 20 }),
    ]);
  });
});

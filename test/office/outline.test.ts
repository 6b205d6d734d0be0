/**
 * Column groups (the outline of working columns) written by the Office.js writer on the Excel
 * double: grouped and closed with ExcelApi 1.10, hidden columns below it, and regenerating does
 * not stack a level on every run.
 */
import { decodeMark, markName } from "../../src/office/marks";
import type { ColumnSpec, WorkbookLayout } from "../../src/workbook/layout";
import { columnGroups } from "../../src/workbook/layout";
import { createExcelDouble } from "../support/excel-double";
import { fixtureLayout } from "./fixtures";
import { done, expectUsable } from "./support";

/** The fixture with the Scorecard's columns 3–5 in a closed group and 7 in an open one. */
function grouped(revision = 0): WorkbookLayout {
  const layout = fixtureLayout({ rows: 12, columns: 10, revision });
  const sc = layout.sheets.find((s) => s.role === "scorecard")!;
  const closed: ColumnSpec = { outlineLevel: 1, collapsed: true };
  sc.columns = sc.columns.map((c, i) =>
    i >= 3 && i <= 5 ? { ...c, ...closed } : i === 7 ? { ...c, outlineLevel: 1 } : c
  );
  return layout;
}

function outlineOf(d: ReturnType<typeof createExcelDouble>) {
  const s = d.model.mustFindSheet("评分卡");
  return {
    levels: [...s.colOutline.entries()].sort((a, b) => a[0] - b[0]),
    hidden: [...s.colHidden].sort(),
  };
}

describe("column groups in the layout model", () => {
  it("should find runs of grouped columns by level, closed when all their columns are", () => {
    const cols: ColumnSpec[] = [
      {},
      { outlineLevel: 1, collapsed: true },
      { outlineLevel: 2, collapsed: true },
      { outlineLevel: 1, collapsed: true },
      {},
      { outlineLevel: 1 },
    ];
    expect(columnGroups(cols)).toEqual([
      { column: 1, columns: 3, level: 1, collapsed: true },
      { column: 5, columns: 1, level: 1, collapsed: false },
      { column: 2, columns: 1, level: 2, collapsed: true },
    ]);
    expect(columnGroups([{}, { hidden: true }])).toEqual([]);
  });
});

describe("applyLayout: column groups", () => {
  it("should group the working columns and close the closed group with ExcelApi 1.10", async () => {
    const d = createExcelDouble({ apiVersion: "1.10" });
    await done(d, grouped());
    expect(outlineOf(d)).toEqual({
      levels: [
        [3, 1],
        [4, 1],
        [5, 1],
        [7, 1],
      ],
      hidden: [3, 4, 5],
    });
    const mark = decodeMark(d.model.names.get(markName("scorecard").toUpperCase())!.comment);
    expect(mark?.outline).toBe(1);
    expectUsable(d);
  });

  it("should regenerate to the same outline (the old groups are taken off first)", async () => {
    const d = createExcelDouble({ apiVersion: "1.10" });
    await done(d, grouped());
    const first = outlineOf(d);
    await done(d, grouped(1));
    await done(d, grouped(2));
    expect(outlineOf(d)).toEqual(first);
    expectUsable(d);
  });

  it("should hide a closed group's columns below ExcelApi 1.10, with no outline call", async () => {
    const d = createExcelDouble({ apiVersion: "1.9" });
    await done(d, grouped());
    expect(outlineOf(d)).toEqual({ levels: [], hidden: [3, 4, 5] });
    const mark = decodeMark(d.model.names.get(markName("scorecard").toUpperCase())!.comment);
    expect(mark?.outline).toBeUndefined();
    // and regenerating there never ungroups (the double refuses an ungroup below 1.10)
    await done(d, grouped(1));
    expect(outlineOf(d)).toEqual({ levels: [], hidden: [3, 4, 5] });
  });
});

import {
  PreviewWorkbook,
  quoteSheetNames,
  toHyperFormula,
  validSheetName,
} from "../../dev/workbook/PreviewWorkbook";
import { formatNumber } from "../../dev/workbook/numberFormat";
import { sheet, type WorkbookLayout } from "../../src/workbook/layout";

function layout(...sheets: ReturnType<typeof sheet>[]): WorkbookLayout {
  return { language: "zh-CN", sheets };
}

function planAndScore(value: number): WorkbookLayout {
  const plan = sheet("plan", "方案", "input");
  plan.blocks.push({ row: 0, column: 0, cells: [["rate", value]] });
  plan.names.push({ name: "Plan_Rate", ref: "'方案'!$B$1" });
  const sc = sheet("scorecard", "评分卡", "output");
  sc.blocks.push({
    row: 0,
    column: 0,
    cells: [
      [
        { formula: "'方案'!B1*100", value: value * 100 },
        { formula: "Plan_Rate*2", value: value * 2 },
        "=HYPERLINK(1)",
      ],
    ],
  });
  return layout(plan, sc);
}

describe("PreviewWorkbook", () => {
  it("should write a layout and evaluate its formulas across sheets and defined names", async () => {
    const wb = new PreviewWorkbook();
    const r = await wb.applyLayout(planAndScore(0.05));
    expect(r.sheets.map((s) => [s.name, s.action])).toEqual([
      ["方案", "created"],
      ["评分卡", "created"],
    ]);
    const sc = wb.byRole("scorecard")!;
    expect(wb.values(sc.id)).toEqual([[5, 0.1, "=HYPERLINK(1)"]]);
    expect(wb.cell(sc.id, 0, 0).formula).toBe("='方案'!B1*100");
    // text that looks like a formula stays text
    expect(wb.cell(sc.id, 0, 2).formula).toBeNull();
  });

  it("should keep input sheets that exist and replace output sheets in place", async () => {
    const wb = new PreviewWorkbook();
    await wb.applyLayout(planAndScore(0.05));
    const plan = wb.byRole("plan")!;
    wb.enter(plan.id, 0, 1, "0.07"); // HR edits the plan
    const again = await wb.applyLayout(planAndScore(0.05));
    expect(again.sheets.map((s) => s.action)).toEqual(["kept", "replaced"]);
    const sc = wb.byRole("scorecard")!;
    expect(wb.values(sc.id)[0][0]).toBeCloseTo(7, 12); // the scorecard follows the edited plan
    const rewritten = await wb.applyLayout(planAndScore(0.05), {
      rewriteInputs: ["plan"],
      confirmReplace: async () => "replace",
    });
    expect(rewritten.sheets[0].action).toBe("replaced");
    expect(wb.values(sc.id)[0][0]).toBeCloseTo(5, 12);
  });

  it("should ask before replacing an edited sheet: replace, write a new one beside it, or stop", async () => {
    const wb = new PreviewWorkbook();
    await wb.applyLayout(planAndScore(0.05));
    const sc = wb.byRole("scorecard")!;
    wb.enter(sc.id, 5, 0, "my note");
    const asked: string[] = [];
    const cancelled = await wb.applyLayout(planAndScore(0.05), {
      confirmReplace: async (n) => (asked.push(n), "cancel"),
    });
    expect(cancelled).toEqual({ sheets: [], cancelled: true });
    expect(wb.values(sc.id)[5][0]).toBe("my note");
    const alongside = await wb.applyLayout(planAndScore(0.05), {
      confirmReplace: async () => "new",
    });
    expect(alongside.sheets[1]).toEqual(
      expect.objectContaining({ name: "评分卡 (2)", action: "createdAlongside" })
    );
    expect(wb.byName("评分卡")!.role).toBeNull(); // the user's edited copy is theirs now
    expect(wb.values(wb.byName("评分卡 (2)")!.id)[0][0]).toBe(5);
    expect(asked).toEqual(["评分卡"]);
  });

  it("should point formulas at a sheet written under another name", async () => {
    const wb = new PreviewWorkbook("方案"); // the user's own sheet has the name the layout wants
    await wb.applyLayout(planAndScore(0.05));
    expect(wb.byRole("plan")!.name).toBe("方案 (2)");
    expect(wb.values(wb.byRole("scorecard")!.id)[0].slice(0, 2)).toEqual([5, 0.1]);
  });

  it("should round as Excel does (half away from zero on the decimal value)", async () => {
    const wb = new PreviewWorkbook();
    const s = sheet("summary", "Summary", "output");
    s.blocks.push({
      row: 0,
      column: 0,
      cells: [
        [
          { formula: "ROUND(2.675,2)", value: 2.68 },
          { formula: "ROUND(-2.675,2)", value: -2.68 },
          { formula: "ROUND(1.005,2)", value: 1.01 },
        ],
      ],
    });
    await wb.applyLayout(layout(s));
    expect(wb.values(wb.byRole("summary")!.id)).toEqual([[2.68, -2.68, 1.01]]);
  });

  it("should show numbers with the layout's formats and read typed input like Excel", async () => {
    const wb = new PreviewWorkbook();
    const s = sheet("data", "Data", "input");
    s.blocks.push({
      row: 0,
      column: 0,
      cells: [[1234.5, 0.823, "2024-03"]],
      numberFormats: ["#,##0.00", "0.0%", "@"],
    });
    await wb.applyLayout(layout(s));
    const id = wb.byRole("data")!.id;
    expect([0, 1, 2].map((c) => wb.display(id, 0, c))).toEqual(["1,234.50", "82.3%", "2024-03"]);
    wb.enter(id, 1, 0, "42");
    wb.enter(id, 1, 1, "N/A");
    wb.enter(id, 1, 2, "=A1*2");
    expect(wb.values(id)[1]).toEqual([42, "N/A", 2469]);
    expect(wb.sheet(id).edited).toBe(true);
  });
});

describe("PreviewWorkbook print setup", () => {
  it("should keep the layout's row heights and page breaks for the grid to draw", async () => {
    const wb = new PreviewWorkbook();
    const slips = sheet("payslips", "工资条", "output");
    slips.blocks.push({ row: 0, column: 0, cells: [["工资条"], ["员工编号"], ["S1"], ["✂"]] });
    slips.rowHeights = [{ row: 1, rows: 1, points: 30 }];
    slips.print = {
      area: { row: 0, column: 0, rows: 8, columns: 1 },
      orientation: "portrait",
      paper: "A4",
      rowBreaks: [4],
      fitToWidth: true,
    };
    await wb.applyLayout(layout(slips));
    const m = wb.byRole("payslips")!;
    expect([...m.rowHeights]).toEqual([[1, 30]]);
    expect([...m.pageBreaks]).toEqual([4]);
  });
});

describe("preview helpers", () => {
  it("should quote non-ASCII sheet names and write bare TRUE/FALSE as functions for HyperFormula", () => {
    expect(quoteSheetNames("方案!B1+'方案'!B2+Plan!C3", ["方案", "Plan"])).toBe(
      "'方案'!B1+'方案'!B2+Plan!C3"
    );
    expect(toHyperFormula('IF(A1,TRUE,"TRUE")', [])).toBe('=IF(A1,TRUE(),"TRUE")');
  });

  it("should make sheet names valid", () => {
    expect(validSheetName("a/b:c*d?[e]")).toBe("a_b_c_d__e_");
    expect(validSheetName("x".repeat(40))).toHaveLength(31);
  });

  it("should format numbers as Excel's format codes say", () => {
    expect(formatNumber(1234.567, "#,##0.00")).toBe("1,234.57");
    expect(formatNumber(-1234.5, "#,##0.00")).toBe("-1,234.50");
    expect(formatNumber(0.05, "0%")).toBe("5%");
    expect(formatNumber(12.34, '"¥"#,##0.00')).toBe("¥12.34");
    expect(formatNumber(45352, "yyyy-mm-dd")).toBe("2024-03-01");
    expect(formatNumber(0.1 + 0.2, null)).toBe("0.3");
  });
});

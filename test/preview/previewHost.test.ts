import { defaultPlan, mapColumns, parseCsv, scorecardRows } from "../../src/engine";
import { createLayoutHost } from "../../src/app/layoutHost";
import { workbookLayouts } from "../../src/app/layouts";
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

describe("preview host (layouts applied to the HyperFormula workbook)", () => {
  it("should take a new user from an empty workbook to scorecards equal to the engine's", async () => {
    const wb = new PreviewWorkbook();
    const host = createLayoutHost(
      previewBackend(wb, { settings: settings(), displayLanguage: "zh-CN" }),
      workbookLayouts
    );
    const plan = defaultPlan();
    const created = await host.createPlanWorkbook(plan, "zh-CN");
    expect(created.sheets).toEqual([
      "使用说明",
      "方案",
      "数据",
      "360评价",
      "历年评级",
      "绩效申诉",
      "绩效审批",
    ]);
    const read = await host.readPlan();
    expect(read.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(read.plan).toEqual(plan);

    const table = parseCsv(fixtureText(), "crm.csv");
    const imported = await host.importData({
      plan,
      language: "zh-CN",
      table,
      mapping: mapColumns(table, plan).mapping,
      mode: "replace",
    });
    expect(imported.rows).toBe(73);
    const check = (await checkWorkbook(host, plan))!;
    expect(check.data.rows.length).toBe(71);
    const codes = check.data.issues.map(
      (i) => `${i.code}@${i.location?.row}${i.location?.column ?? ""}`
    );
    expect(codes).toContain("numberUnreadable@14N"); // "N/A" renewal rate, now on Data row 14 (row 1 is the unit line)
    expect(codes).toContain("conflictingRow@67");

    const run = runPlan(plan, check, "2024-Q1", "");
    const written = await host.writeOutputs({
      plan,
      language: "zh-CN",
      style: "native",
      evaluation: run.evaluation,
      data: run.data,
      feedback: check.feedback,
    });
    expect(written.sheets).toContain("评分卡");
    const sc = wb.byRole("scorecard")!;
    const values = wb.values(sc.id);
    const rows = scorecardRows(run.evaluation);
    // find each salesperson's row by id and compare the total pay column with the engine
    const header = values.findIndex((r) => r.includes("员工编号"));
    const idCol = values[header].indexOf("员工编号");
    const payCol = values[header].findIndex(
      (h) =>
        h === "薪酬合计" ||
        h === "应发合计" ||
        h === "应发合计(元)" ||
        (typeof h === "string" && /合计/.test(h) && /薪/.test(h))
    );
    expect(payCol).toBeGreaterThan(0);
    let compared = 0;
    for (const r of rows) {
      const line = values.find((v) => v[idCol] === r.id);
      expect(line).toBeDefined();
      if (r.totalPay === null) continue;
      expect(line![payCol]).toBeCloseTo(r.totalPay, 2);
      compared++;
    }
    expect(compared).toBe(22);
  }, 60_000);
});

describe("preview host, every formula style", () => {
  it.each(["native", "perf", "values"] as const)(
    "should recalculate %s scorecards to the engine's totals and pay",
    async (style) => {
      const wb = new PreviewWorkbook();
      const host = createLayoutHost(
        previewBackend(wb, { settings: settings(), displayLanguage: "en-US" }),
        workbookLayouts
      );
      const plan = defaultPlan();
      await host.createPlanWorkbook(plan, "en-US");
      const table = parseCsv(fixtureText(), "crm.csv");
      await host.importData({
        plan,
        language: "en-US",
        table,
        mapping: mapColumns(table, plan).mapping,
        mode: "replace",
      });
      const check = (await checkWorkbook(host, plan))!;
      const run = runPlan(plan, check, "", "");
      await host.writeOutputs({
        plan,
        language: "en-US",
        style,
        evaluation: run.evaluation,
        data: run.data,
        feedback: check.feedback,
      });
      const values = wb.values(wb.byRole("scorecard")!.id);
      const h = values.findIndex((r) => r.includes("Employee ID"));
      const [id, total, pay] = ["Employee ID", "Total score", "Total pay"].map((x) =>
        values[h].indexOf(x)
      );
      const ids = new Set(run.rows.map((r) => r.id));
      const formulas = values.slice(h + 1).filter((v) => ids.has(String(v[id])));
      expect(formulas.length).toBe(run.rows.length);
      for (const r of run.rows) {
        const line = formulas.find((v) => v[id] === r.id)!;
        if (r.total === null) continue;
        expect(line[total]).toBeCloseTo(r.total, 9);
        expect(line[pay]).toBeCloseTo(r.totalPay!, 2);
      }
      if (style === "perf") {
        const sc = wb.byRole("scorecard")!;
        const dims = wb.dimensions(sc.id);
        let perf = 0;
        for (let r = 0; r < dims.rows; r++)
          for (let c = 0; c < dims.columns; c++)
            if (/PERF\./.test(wb.cell(sc.id, r, c).formula ?? "")) perf++;
        expect(perf).toBeGreaterThan(0);
      }
    },
    60_000
  );
});

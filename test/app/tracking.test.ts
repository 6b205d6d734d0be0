/**
 * Writing the Tracking sheet through the real host (over the preview workbook): the months the
 * sheet holds are written again beside the new one, the notes typed on the sheet are kept, the
 * pane's notes for the month put in (an empty one clears a note), and the formulas point at the
 * workbook's own Data and Plan sheets.
 */
import { defaultPlan, mapColumns, parseCsv } from "../../src/engine";
import { createLayoutHost } from "../../src/app/layoutHost";
import { workbookLayouts } from "../../src/app/layouts";
import { checkWorkbook } from "../../src/app/workflow";
import { trackingEvaluation, trackingList, writeTrackingFor } from "../../src/app/tracking";
import { TRACKING_HEADER_ROW } from "../../src/workbook/sheets/tracking";
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

async function setup() {
  const wb = new PreviewWorkbook();
  const host = createLayoutHost(
    previewBackend(wb, { settings: settings(), displayLanguage: "zh-CN" }),
    workbookLayouts
  );
  const plan = defaultPlan();
  await host.createPlanWorkbook(plan, "zh-CN");
  const table = parseCsv(fixtureText(), "crm.csv");
  const { mapping } = mapColumns(table, plan);
  await host.importData({ plan, language: "zh-CN", table, mapping, mode: "replace" });
  const check = (await checkWorkbook(host, plan))!;
  const evaluation = trackingEvaluation(plan, check);
  const write = (month: string, notes: [string, string][]) =>
    writeTrackingFor(host, {
      plan,
      language: "zh-CN",
      style: "native",
      evaluation,
      check,
      month,
      notes: new Map(notes),
    });
  return { wb, host, write, evaluation };
}

describe("writeTracking", () => {
  it("should keep the sheet's months and notes, put in the pane's, and clear an emptied one", async () => {
    const { wb, host, write } = await setup();
    await write("2024-02", [["S1001", "二月：约客户复盘"]]);
    // a note typed on the sheet itself
    const sheet = wb.byRole("tracking")!;
    expect(sheet.name).toBe("月度跟踪");
    const values = wb.values(sheet.id);
    const header = values[TRACKING_HEADER_ROW];
    const row = values.findIndex((l) => l[0] === "S1002");
    wb.enter(sheet.id, row, header.indexOf("反馈记录"), "手工填写的反馈");
    await write("2024-03", [["S1003", "三月：回款跟进"]]);
    let read = await host.readTracking();
    expect(read.months).toEqual(["2024-02", "2024-03"]);
    expect(read.notes).toEqual([
      { id: "S1001", month: "2024-02", note: "二月：约客户复盘" },
      { id: "S1002", month: "2024-02", note: "手工填写的反馈" },
      { id: "S1003", month: "2024-03", note: "三月：回款跟进" },
    ]);
    await write("2024-02", [["S1001", "  "]]);
    read = await host.readTracking();
    expect(read.notes.map((n) => n.id)).toEqual(["S1002", "S1003"]);
  });

  it("should write formulas over the workbook's Data and Plan sheets that recalculate to the engine's numbers", async () => {
    const { wb, write, evaluation } = await setup();
    await write("2024-02", []);
    const sheet = wb.byRole("tracking")!;
    const { rows, columns } = wb.dimensions(sheet.id);
    const formulas: string[] = [];
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < columns; c++) {
        const f = wb.cell(sheet.id, r, c).formula;
        if (f) formulas.push(f);
      }
    expect(formulas.some((f) => f.includes("'数据'!"))).toBe(true);
    expect(formulas.some((f) => f.includes("'方案'!"))).toBe(true);
    const values = wb.values(sheet.id);
    const header = values[TRACKING_HEADER_ROW];
    const pace = header.indexOf("签约额/销售额：进度完成率");
    const ofPeriod = header.indexOf("签约额/销售额：期间目标完成率");
    const list = trackingList(evaluation, "2024-02", "", "zh-CN")!;
    for (const p of list.people) {
      const line = values.find((l) => l[0] === p.id)!;
      expect(line[pace]).toBeCloseTo(p.headline!.pace, 12);
      expect(line[ofPeriod]).toBeCloseTo(p.headline!.ofPeriod, 12);
    }
  });

  it("should list a team's salespeople with their headline attainment and projection", async () => {
    const { evaluation } = await setup();
    const list = trackingList(evaluation, "2024-02", "华东一部", "zh-CN")!;
    expect(list.period).toBe("2024-Q1");
    expect(list.people.length).toBeGreaterThan(0);
    for (const p of list.people) {
      expect(p.team).toBe("华东一部");
      expect(p.headline?.name).toBe("签约额/销售额");
    }
    expect(trackingList(evaluation, "2024-Q1", "", "zh-CN")).toBeNull();
  });
});

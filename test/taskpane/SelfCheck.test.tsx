/** @jest-environment jsdom */
/**
 * The self-check in the pane (issue 12): right after Generate, Verify workbook at any time, in
 * both languages; a disagreement shown by sheet and cell with Excel's value, the add-in's and the
 * formula; a sheet rewritten as values; the note where this Excel does not spill formulas.
 */
import "./support/setup";
import * as React from "react";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe, toHaveNoViolations } from "jest-axe";
import { GenerateView } from "../../src/taskpane/views/GenerateView";
import { GENERATE_SETTING } from "../../src/app/verify";
import type { CheckReport } from "../../src/workbook/verify";
import { agreeingCheck, hostWithSampleData } from "./support/memoryHost";
import { renderWithProviders } from "./support/renderWithProviders";

expect.extend(toHaveNoViolations);

function render(language: "en-US" | "zh-CN" = "en-US") {
  const host = hostWithSampleData(language === "zh-CN" ? { displayLanguage: "zh-CN" } : {});
  renderWithProviders(<GenerateView />, {
    host,
    language,
    initial: { workbook: { sheets: host.sheets, language }, plan: host.plan! },
  });
  return host;
}

const disagreeing: CheckReport = {
  sheets: [
    {
      role: "scorecard",
      sheet: "评分卡",
      rows: 25,
      rowsChecked: 25,
      cells: 1000,
      findings: [
        {
          kind: "value",
          role: "scorecard",
          sheet: "评分卡",
          row: 4,
          column: 7,
          excel: "#NAME?",
          engine: 87.5,
          formula: "=PERF.GRADE(G5,Plan_GradeBands)",
        },
        {
          kind: "formula",
          role: "scorecard",
          sheet: "评分卡",
          row: 6,
          column: 9,
          excel: 2,
          engine: 1234.5,
          formula: "=1+1",
          written: "=ROUND(H7*I7,2)",
        },
      ],
    },
  ],
  missing: [],
  pending: 0,
};

describe("the self-check after Generate", () => {
  it("should read back what was written and say every checked cell agrees, remembering the run", async () => {
    const user = userEvent.setup();
    const host = render();
    await user.click(await screen.findByRole("button", { name: "Generate scorecards" }));
    const ok = await screen.findByText(/cells checked agree with the add-in's calculation/);
    expect(host.checks).toHaveLength(1);
    expect(host.checks[0]).toBe(host.calls.outputs[0]);
    const cells = agreeingCheck(host.calls.outputs[0]).sheets[0].cells;
    expect(ok.textContent).toBe(
      `All ${cells.toLocaleString("en-US")} cells checked agree with the add-in's calculation.`
    );
    const record = JSON.parse(host.settingsData.get(GENERATE_SETTING)!);
    expect(record).toMatchObject({ version: 1, period: "", group: "", style: "native" });
    expect(Object.keys(record.rows).length).toBe(host.calls.outputs[0].data.rows.length);
  });

  it("should show each disagreement by cell, with Excel's value, the add-in's and the formula, and rewrite the sheet as values (zh-CN)", async () => {
    const user = userEvent.setup();
    const host = render("zh-CN");
    host.checkResult = disagreeing;
    await user.click(await screen.findByRole("button", { name: "生成评分卡" }));
    await screen.findByText("已核对的 1,000 个单元格中，有 2 个与加载项的计算结果不一致。");
    const list = screen.getByRole("list", { name: "评分卡：2 处不一致" });
    const rows = within(list).getAllByRole("listitem");
    expect(rows[0].textContent).toContain("H5");
    expect(rows[0].textContent).toContain("Excel 显示：#NAME?");
    expect(rows[0].textContent).toContain("加载项计算：87.5");
    expect(rows[0].textContent).toContain("=PERF.GRADE(G5,Plan_GradeBands)");
    expect(rows[1].textContent).toContain("已被手工修改");
    expect(rows[1].textContent).toContain("加载项写入的是 =ROUND(H7*I7,2)");
    expect(screen.getByText(/#NAME\? 表示此 Excel 不认识/)).toBeTruthy();
    await user.click(within(rows[0]).getByRole("button", { name: "定位到 评分卡!H5" }));
    expect(host.calls.goTo).toEqual([{ sheet: "评分卡", row: 5, column: "H" }]);
    await user.click(screen.getByRole("button", { name: "将“评分卡”改写为数值" }));
    await screen.findByText("“评分卡”现为加载项计算的数值（不含公式）；请再核对一次确认。");
    expect(host.rewrites.map((r) => [r.role, r.request])).toEqual([
      ["scorecard", host.calls.outputs[0]],
    ]);
    // Verify workbook will expect values on that sheet from now on
    expect(JSON.parse(host.settingsData.get(GENERATE_SETTING)!).asValues).toEqual(["scorecard"]);
    expect(await axe(document.body)).toHaveNoViolations();
  });

  it("should say where this Excel does not spill formulas, once, after a PERF-style run", async () => {
    const user = userEvent.setup();
    const host = render();
    host.spills = false;
    await user.click(await screen.findByRole("radio", { name: /PERF functions/ }));
    await user.click(screen.getByRole("button", { name: "Generate scorecards" }));
    await screen.findByText(/This Excel has no dynamic arrays/);
    expect(host.settingsData.get("perf.dynamicArrays")).toBe("false");
  });
});

describe("Verify workbook", () => {
  it("should say so when nothing was generated in this workbook yet", async () => {
    const user = userEvent.setup();
    const host = hostWithSampleData();
    host.sheets = { ...host.sheets, scorecard: "Scorecard" };
    renderWithProviders(<GenerateView />, {
      host,
      initial: { workbook: { sheets: host.sheets, language: "en-US" }, plan: host.plan! },
    });
    await user.click(await screen.findByRole("button", { name: "Verify workbook" }));
    await screen.findByText(
      "Nothing was generated in this workbook yet: generate the scorecards first."
    );
    expect(host.checks).toEqual([]);
  });

  it("should check the last run again with the inputs as they are now, and list the inputs changed since", async () => {
    const user = userEvent.setup();
    const host = render();
    await user.click(await screen.findByRole("button", { name: "Generate scorecards" }));
    await screen.findByText(/cells checked agree/);
    // HR corrects one amount on the Data sheet after Generate
    const data = host.data!;
    const col = data.header.findIndex(
      (h) => String(h).startsWith("Sales") || String(h).startsWith("销售")
    );
    expect(col).toBeGreaterThan(3);
    data.rows[0][col] = 999999;
    await user.click(screen.getByRole("button", { name: "Verify workbook" }));
    await waitFor(() => expect(host.checks).toHaveLength(2));
    expect(host.checks[1].style).toBe(host.checks[0].style);
    const changes = await screen.findByRole("heading", { name: "Inputs changed since Generate" });
    const list = changes.parentElement!;
    expect(within(list).getByRole("button").textContent).toMatch(
      /^Data!\w+\d+: \S+ 2024-\d\d changed$/
    );
    expect(
      screen.getByText("Generate again to bring the scorecards up to date with these inputs.")
    ).toBeTruthy();
  });
});

/** @jest-environment jsdom */
import "./support/setup";
import * as React from "react";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe, toHaveNoViolations } from "jest-axe";
import { explain } from "../../src/engine";
import type { Run } from "../../src/taskpane/session";
import { ExplainView } from "../../src/taskpane/views/ExplainView";
import { checkWorkbook, runPlan } from "../../src/app/workflow";
import { parseCsv } from "../../src/engine";
import { hostWithSampleData, sampleExportCsv, type MemoryHost } from "./support/memoryHost";
import { renderWithProviders } from "./support/renderWithProviders";

expect.extend(toHaveNoViolations);

async function sampleRun(host: MemoryHost): Promise<Run> {
  const check = (await checkWorkbook(host, host.plan!))!;
  const r = runPlan(host.plan!, check, "2024-Q1", "");
  return {
    options: { period: "2024-Q1", group: "", style: "native" },
    evaluation: r.evaluation,
    rows: r.rows,
    summary: r.summary,
    written: { sheets: ["Scorecard"] },
  };
}

async function setup(language: "en-US" | "zh-CN" = "en-US", explainRow?: number) {
  const host = hostWithSampleData();
  const run = await sampleRun(host);
  const view = renderWithProviders(<ExplainView />, {
    host,
    language,
    initial: { workbook: { sheets: host.sheets, language }, plan: host.plan!, run, explainRow },
  });
  return { ...view, host, run };
}

const score = (v: number) =>
  new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);

describe("ExplainView", () => {
  it("should ask for scorecards first", () => {
    renderWithProviders(<ExplainView />);
    expect(screen.getByText(/Generate scorecards first/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Generate" })).toBeTruthy();
  });

  it("should show the trace of the chosen salesperson: total, grade, coefficient, indicators and pay as the engine explains them", async () => {
    const { run } = await setup();
    const trace = explain(run.evaluation, 0);
    const card = screen.getByRole("group", { name: `${trace.subject.name} 2024-Q1` });
    expect(within(card).getByText(score(trace.total!))).toBeTruthy();
    expect(within(card).getByText(trace.grade.label!)).toBeTruthy();
    const table = screen.getByRole("table", { name: "Indicators" });
    expect(within(table).getAllByRole("row")).toHaveLength(
      1 + trace.dimensions.length + trace.indicators.length
    );
    const sales = within(table).getByText("Signed amount").closest("tr")!;
    const ind = trace.indicators.find((i) => i.key === "sales_amount")!;
    expect(sales.textContent).toContain(score(ind.score!));
    expect(sales.textContent).toContain(score(ind.contribution!));
    expect(sales.textContent).toContain("target");
    // the points add up to the total
    expect(trace.indicators.reduce((a, i) => a + (i.contribution ?? 0), 0)).toBeCloseTo(
      trace.total!,
      9
    );
    const pay = screen.getByRole("table", { name: "Pay" });
    expect(within(pay).getByText("Total pay").closest("tr")!.textContent).toContain(
      score(trace.pay.total!)
    );
    expect(
      screen.getByText(
        `Grade ${trace.grade.label} → coefficient ${trace.coefficient.value!.toFixed(1).replace(/\.0$/, "")}.`
      )
    ).toBeTruthy();
  });

  it("should show every commission tier slice of each month", async () => {
    await setup();
    const jan = screen.getByRole("table", { name: "Commission (阶梯提成) 2024-01" });
    expect(within(jan).getByText("0 – 100,000 at 2.0%")).toBeTruthy();
    expect(within(jan).getByText("100,000 – 300,000 at 3.0%")).toBeTruthy();
  });

  it("should switch salesperson from the list", async () => {
    const user = userEvent.setup();
    const { run } = await setup();
    const other = run.rows[5];
    await user.selectOptions(
      screen.getByRole("combobox", { name: "Salesperson" }),
      String(other.index)
    );
    expect(screen.getByRole("group", { name: `${other.name} 2024-Q1` })).toBeTruthy();
  });

  it("should find a salesperson among many by name or ID instead of listing them all", async () => {
    const user = userEvent.setup();
    const host = hostWithSampleData({}, parseCsv(sampleExportCsv(260), "crm.csv"));
    const run = await sampleRun(host);
    expect(run.rows.length).toBe(260);
    renderWithProviders(<ExplainView />, {
      host,
      initial: { workbook: { sheets: host.sheets, language: "en-US" }, plan: host.plan!, run },
    });
    const picker = screen.getByRole("combobox", { name: "Salesperson" });
    expect(within(picker).getAllByRole("option")).toHaveLength(200);
    expect(screen.getByText("200 of 260 shown: type more to narrow")).toBeTruthy();
    await user.type(screen.getByRole("searchbox", { name: "Find" }), "S0250");
    // the one found, and the one explained (kept so that the picker shows it)
    const options = within(picker).getAllByRole("option");
    expect(options.map((o) => o.textContent)).toEqual([
      expect.stringContaining("S0001"),
      expect.stringContaining("S0250"),
    ]);
    expect(screen.getByText("1 found")).toBeTruthy();
    const wanted = run.rows.find((r) => r.id === "S0250")!;
    await user.selectOptions(picker, String(wanted.index));
    expect(screen.getByRole("group", { name: `${wanted.name} 2024-Q1` })).toBeTruthy();
  }, 120_000);

  it("should follow the row selected in the Scorecard sheet when asked to", async () => {
    const user = userEvent.setup();
    const { host, run } = await setup();
    const target = run.rows[7];
    act(() =>
      host.select({
        sheet: "Scorecard",
        role: "scorecard",
        row: 9,
        column: "B",
        subject: { id: target.id, period: target.period },
      })
    );
    expect(screen.queryByRole("group", { name: `${target.name} 2024-Q1` })).toBeNull(); // not following yet
    await user.click(
      screen.getByRole("switch", { name: "Follow the row selected in the Scorecard sheet" })
    );
    act(() =>
      host.select({
        sheet: "Scorecard",
        role: "scorecard",
        row: 9,
        column: "B",
        subject: { id: target.id, period: target.period },
      })
    );
    expect(await screen.findByRole("group", { name: `${target.name} 2024-Q1` })).toBeTruthy();
  });

  it("should list the problems of a row that cannot be scored, with go to cell", async () => {
    const user = userEvent.setup();
    const { host, run } = await setup();
    const blocked = run.rows.find((r) => r.id === "S1012")!;
    await user.selectOptions(
      screen.getByRole("combobox", { name: "Salesperson" }),
      String(blocked.index)
    );
    const problems = screen.getByRole("list", { name: "Problems" });
    const item = within(problems)
      .getByText(/Renewal rate could not be read/)
      .closest("li")!;
    await user.click(within(item).getByRole("button", { name: /Go to Data!N13/ }));
    expect(host.calls.goTo[0]).toEqual(
      expect.objectContaining({ sheet: "Data", row: 13, column: "N" })
    );
  });

  it("should write the salesperson's statement and offer to show it", async () => {
    const user = userEvent.setup();
    const { host, run } = await setup("en-US", 3);
    await user.click(screen.getByRole("button", { name: "Write statement" }));
    await screen.findByText("Statement written to Statements (绩效结果通知单).");
    expect(host.calls.statements).toHaveLength(1);
    expect(
      host.calls.statements[0].items.map((i) => [i.trace.subject.id, i.trace.subject.period])
    ).toEqual([[run.rows[3].id, "2024-Q1"]]);
    expect(host.calls.statements[0].items[0].trace).toEqual(explain(run.evaluation, 3));
    await user.click(screen.getByRole("button", { name: "Show it" }));
    expect(host.calls.goTo).toEqual([{ sheet: "Statements", row: 1, column: "A" }]);
  });

  it("should report a failed statement write", async () => {
    const user = userEvent.setup();
    const { host } = await setup();
    host.failNext("writeStatements", "The Statements sheet is protected.");
    await user.click(screen.getByRole("button", { name: "Write statement" }));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "The Statements sheet is protected."
    );
  });

  it("should explain in Chinese with the seed's terms", async () => {
    const user = userEvent.setup();
    const { host } = await setup("zh-CN");
    expect(screen.getByRole("heading", { name: "阶梯提成" })).toBeTruthy();
    expect(screen.getByText("总分")).toBeTruthy();
    expect(screen.getAllByText("绩效系数").length).toBeGreaterThan(0);
    expect(screen.getByRole("table", { name: "指标" })).toBeTruthy();
    expect(screen.getByText("销售业绩")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "生成绩效结果通知单" }));
    await waitFor(() => expect(host.calls.statements[0]?.language).toBe("zh-CN"));
    await screen.findByText("绩效结果通知单已写入“绩效结果通知单”。");
  });

  it("should have no accessibility violations", async () => {
    const { container } = await setup();
    expect(await axe(container)).toHaveNoViolations();
  });
});

/** @jest-environment jsdom */
import "./support/setup";
import * as React from "react";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe, toHaveNoViolations } from "jest-axe";
import { readDataTable, evaluate, scorecardRows } from "../../src/engine";
import { App } from "../../src/taskpane/App";
import { GenerateView } from "../../src/taskpane/views/GenerateView";
import { hostWithSampleData } from "./support/memoryHost";
import { closedWithUpheldAppeal, signOffSheet } from "./support/review";
import { renderWithProviders } from "./support/renderWithProviders";

expect.extend(toHaveNoViolations);

/** What the engine says for the sample, computed here independently of the pane. */
function engineRows(host: ReturnType<typeof hostWithSampleData>, team?: string) {
  const reading = readDataTable(host.data!, host.plan!);
  const rows = team ? reading.rows.filter((r) => r.team === team) : reading.rows;
  return scorecardRows(evaluate(host.plan!, rows));
}

const money = (v: number) =>
  new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);

describe("GenerateView", () => {
  it("should offer the periods and teams the Data sheet holds", async () => {
    const host = hostWithSampleData();
    renderWithProviders(<GenerateView />, {
      host,
      initial: { workbook: { sheets: host.sheets, language: "en-US" }, plan: host.plan! },
    });
    const period = await screen.findByRole("combobox", { name: "Evaluation period" });
    await waitFor(() =>
      expect([...(period as HTMLSelectElement).options].map((o) => o.value)).toEqual([
        "",
        "2024-Q1",
      ])
    );
    const group = screen.getByRole("combobox", { name: "Group" }) as HTMLSelectElement;
    expect(
      [...group.options]
        .map((o) => o.value)
        .slice(1)
        .sort()
    ).toEqual(["华东一部", "华东二部", "华北部", "华南部"].sort());
  });

  it("should generate, write the chosen formula style and show totals equal to the engine's", async () => {
    const user = userEvent.setup();
    const host = hostWithSampleData();
    renderWithProviders(<GenerateView />, {
      host,
      initial: { workbook: { sheets: host.sheets, language: "en-US" }, plan: host.plan! },
    });
    await user.click(await screen.findByRole("radio", { name: /PERF functions/ }));
    await user.click(screen.getByRole("button", { name: "Generate scorecards" }));
    await screen.findByText("Written: Scorecard, Summary.");
    expect(host.calls.outputs).toHaveLength(1);
    expect(host.calls.outputs[0].style).toBe("perf");

    const rows = engineRows(host);
    const scored = rows.filter((r) => r.total !== null);
    const totalPay = rows.reduce((a, r) => a + (r.totalPay ?? 0), 0);
    expect(scored.length).toBe(22);
    const stat = (label: string) =>
      screen.getByText(label, { selector: "dt" }).nextElementSibling?.textContent;
    expect(stat("Scored")).toBe("22");
    expect(stat("Not scored")).toBe("2");
    expect(stat("Total pay")).toBe(money(Math.round(totalPay * 100) / 100));

    const chart = screen.getByRole("img", { name: /Grades against quotas/ });
    const grades = ["S", "A", "B", "C", "D"].map(
      (g) => `${g} ${scored.filter((r) => r.grade === g).length}/`
    );
    for (const g of grades) expect(chart.getAttribute("aria-label")).toContain(g);

    const top = screen.getByRole("table", { name: "Top of the ranking" });
    const best = [...scored].sort((a, b) => b.total! - a.total!)[0];
    expect(within(top).getAllByRole("row")[1].textContent).toContain(best.name);

    const teams = screen.getByRole("table", { name: "Totals by team" });
    expect(within(teams).getAllByRole("row")).toHaveLength(1 + 4);
    // the two rows that cannot be scored are listed with their located problems
    expect(screen.getByRole("heading", { name: "Problems (2)" })).toBeTruthy();
    expect(screen.getByText(/Renewal rate could not be read/)).toBeTruthy();
  });

  it.each(["bands", "bandsWithCheck", "forced"] as const)(
    "should flag each group whose grade spread departs from the quotas (%s mode)",
    async (mode) => {
      const user = userEvent.setup();
      const host = hostWithSampleData();
      host.plan!.grading.mode = mode;
      renderWithProviders(<GenerateView />, {
        host,
        initial: { workbook: { sheets: host.sheets, language: "zh-CN" }, plan: host.plan! },
        language: "zh-CN",
      });
      await user.click(await screen.findByRole("button", { name: "生成评分卡" }));
      await screen.findByText(/已写入/);
      // the engine's check, recomputed here: people at or above each grade against its cut-off
      const reading = readDataTable(host.data!, host.plan!);
      const ev = evaluate(host.plan!, reading.rows);
      const expected: string[] = [];
      for (const sp of ev.grading.spread) {
        const labels = host.plan!.grading.grades.map((g) => g.label);
        let cum = 0;
        sp.counts.forEach((c, k) => {
          cum += c;
          if (k < labels.length - 1 && cum > sp.check.allowed[k])
            expected.push(`${sp.group || "全公司"} ${sp.period}：${labels[k]} 及以上占`);
        });
      }
      if (expected.length === 0) {
        expect(screen.getByText("各分布组的等级分布均符合分布比例。")).toBeTruthy();
        return;
      }
      expect(
        screen.getByText(new RegExp(`等级分布有 ${expected.length} 处超出分布比例`))
      ).toBeTruthy();
      const list = screen.getByRole("list", { name: "超出分布比例" });
      const items = within(list)
        .getAllByRole("listitem")
        .map((li) => li.textContent ?? "");
      expect(items.length).toBe(Math.min(4, expected.length));
      items.forEach((text, i) => expect(text).toContain(expected[i]));
    }
  );

  it("should run one team only when a group is chosen", async () => {
    const user = userEvent.setup();
    const host = hostWithSampleData();
    renderWithProviders(<GenerateView />, {
      host,
      initial: { workbook: { sheets: host.sheets, language: "en-US" }, plan: host.plan! },
    });
    await waitFor(() =>
      expect(
        (screen.getByRole("combobox", { name: "Group" }) as HTMLSelectElement).options.length
      ).toBe(5)
    );
    await user.selectOptions(screen.getByRole("combobox", { name: "Group" }), "华南部");
    await user.click(screen.getByRole("button", { name: "Generate scorecards" }));
    await screen.findByText("Written: Scorecard, Summary.");
    const ev = host.calls.outputs[0].evaluation;
    expect(new Set(ev.periods.frame.teams)).toEqual(new Set(["华南部"]));
    expect(scorecardRows(ev).map((r) => r.totalPay)).toEqual(
      engineRows(host, "华南部").map((r) => r.totalPay)
    );
  });

  it("should report a failed write and generate on retry", async () => {
    const user = userEvent.setup();
    const host = hostWithSampleData();
    host.failNext("writeOutputs", "RequestPayloadSizeLimitExceeded");
    renderWithProviders(<GenerateView />, {
      host,
      initial: { workbook: { sheets: host.sheets, language: "en-US" }, plan: host.plan! },
    });
    await user.click(await screen.findByRole("button", { name: "Generate scorecards" }));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "RequestPayloadSizeLimitExceeded"
    );
    await user.click(screen.getByRole("button", { name: "Retry" }));
    await screen.findByText("Written: Scorecard, Summary.");
  });

  it("should refuse to run a plan with errors", async () => {
    const host = hostWithSampleData();
    host.plan!.commission.tiers = [];
    renderWithProviders(<GenerateView />, {
      host,
      initial: { workbook: { sheets: host.sheets, language: "en-US" }, plan: host.plan! },
    });
    expect(
      await screen.findByText("The plan has errors. Fix them on the Plan view first.")
    ).toBeTruthy();
    expect(
      (screen.getByRole("button", { name: "Generate scorecards" }) as HTMLButtonElement).disabled
    ).toBe(true);
  });

  it("should open a salesperson's explanation from the ranking", async () => {
    const user = userEvent.setup();
    const host = hostWithSampleData({ displayLanguage: "zh-CN" });
    render(<App host={host} initialView="generate" />);
    await user.click(await screen.findByRole("button", { name: "生成评分卡" }));
    await screen.findByText("已写入：评分卡、汇总。");
    const top = screen.getByRole("table", { name: "排名靠前" });
    const first = within(top).getAllByRole("button")[0];
    const name = first.textContent!;
    await user.click(first);
    expect(screen.getByRole("heading", { level: 2 }).textContent).toBe("解读");
    expect(screen.getByRole("group", { name: new RegExp(name) })).toBeTruthy();
  });

  it("should name an appeal upheld on the sheet for a closed period, at its cell (en-US)", async () => {
    const host = await closedWithUpheldAppeal();
    const { container } = renderWithProviders(<GenerateView />, {
      host,
      initial: { workbook: { sheets: host.sheets, language: "en-US" }, plan: host.plan! },
    });
    const list = await screen.findByRole("list", {
      name: "1 problem on the Appeals and Sign-off sheets:",
    });
    expect(
      within(list).getByText(
        "2024-Q1 is closed: an upheld appeal changes its pay only after the period is reopened (Close view) and generated again."
      )
    ).toBeTruthy();
    expect(within(list).getByRole("button", { name: "Go to Appeals!G2" })).toBeTruthy();
    expect(await axe(container)).toHaveNoViolations();
  });

  it("should list the Sign-off sheet's problems by cell (zh-CN)", async () => {
    const host = hostWithSampleData();
    host.signOff = signOffSheet([["2024-Q1", "老板", "赵敏", "2024-04-08"]], "zh-CN");
    renderWithProviders(<GenerateView />, {
      host,
      language: "zh-CN",
      initial: { workbook: { sheets: host.sheets, language: "zh-CN" }, plan: host.plan! },
    });
    const list = await screen.findByRole("list", {
      name: "绩效申诉和绩效审批表中有 1 个问题：",
    });
    expect(within(list).getByText(/“老板”不是审批角色/)).toBeTruthy();
    expect(within(list).getByRole("button", { name: "定位到 绩效审批!B2" })).toBeTruthy();
  });

  it("should have no accessibility violations with a result shown", async () => {
    const user = userEvent.setup();
    const host = hostWithSampleData();
    const { container } = renderWithProviders(<GenerateView />, {
      host,
      initial: { workbook: { sheets: host.sheets, language: "en-US" }, plan: host.plan! },
    });
    await user.click(await screen.findByRole("button", { name: "Generate scorecards" }));
    await screen.findByText("Written: Scorecard, Summary.");
    expect(await axe(container)).toHaveNoViolations();
  });
});

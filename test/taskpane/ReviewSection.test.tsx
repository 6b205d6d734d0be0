/** @jest-environment jsdom */
/**
 * The Plan editor's "Promotion and profit share" section (晋升建议与分红): the promotion rule and
 * the profit-share pool are edited, validated and saved to the Plan sheet; the Grade history
 * sheet is added on demand, once.
 */
import "./support/setup";
import * as React from "react";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { defaultPlan } from "../../src/engine";
import { PlanView } from "../../src/taskpane/views/PlanView";
import { memoryHost } from "./support/memoryHost";
import { renderWithProviders } from "./support/renderWithProviders";

function setup(language: "en-US" | "zh-CN" = "en-US") {
  const host = memoryHost({ plan: defaultPlan() });
  renderWithProviders(<PlanView />, {
    host,
    language,
    initial: { workbook: { sheets: host.sheets, language } },
  });
  return host;
}

jest.setTimeout(120_000);

describe("Plan editor: promotion and profit share", () => {
  it("should show the default rule, switch the pool on, and save both to the Plan sheet", async () => {
    const user = userEvent.setup();
    const host = setup();
    await screen.findByText("The plan is valid.", {}, { timeout: 15000 });
    await user.click(screen.getByRole("button", { name: "Promotion and profit share" }));
    const group = screen.getByRole("group", { name: "Promotion and profit share" });
    const min = within(group).getByRole("combobox", { name: "Annual grade or better" });
    expect((min as HTMLSelectElement).value).toBe("A");
    expect(
      (within(group).getByRole("combobox", { name: "No period graded below" }) as HTMLSelectElement)
        .value
    ).toBe("C");
    await user.selectOptions(min, "S");
    await user.click(within(group).getByRole("switch", { name: "Profit share" }));
    const pool = within(group).getByRole("textbox", { name: "Pool per year" });
    await user.clear(pool);
    await user.type(pool, "500000");
    await user.selectOptions(within(group).getByRole("combobox", { name: "Round shares to" }), "0");
    await user.click(screen.getByRole("button", { name: "Save to Plan sheet" }));
    await screen.findByText("Saved to the Plan sheet.", {}, { timeout: 15000 });
    expect(host.calls.writePlan[0].review).toEqual({
      promotion: { enabled: true, minGrade: "S", years: 2, worstGrade: "C" },
      profitShare: { enabled: true, pool: 500000, decimals: 0 },
    });
  });

  it("should name a years-running value outside 1–5 under its field", async () => {
    const user = userEvent.setup();
    setup();
    await screen.findByText("The plan is valid.", {}, { timeout: 15000 });
    await user.click(screen.getByRole("button", { name: "Promotion and profit share" }));
    const years = screen.getByRole("textbox", { name: "Years running" });
    await user.clear(years);
    await user.type(years, "9");
    const said = await screen.findAllByText(
      /Promotion: years running is 9; it must lie between 1 and 5/,
      {},
      { timeout: 15000 }
    );
    expect(said.length).toBeGreaterThan(0);
  });

  it("should add the Grade history sheet once, in the pane's language", async () => {
    const user = userEvent.setup();
    const host = setup("zh-CN");
    await screen.findByText("方案有效。", {}, { timeout: 15000 });
    await user.click(screen.getByRole("button", { name: "晋升建议与分红" }));
    await user.click(screen.getByRole("button", { name: "添加历年评级表" }));
    expect(
      await screen.findByText(
        "已添加“历年评级”：每人每年一行；重新生成后生效。",
        {},
        { timeout: 15000 }
      )
    ).toBeTruthy();
    expect(host.sheets.grade_history).toBe("历年评级");
    await user.click(screen.getByRole("button", { name: "添加历年评级表" }));
    expect(
      await screen.findByText("工作簿中已有历年评级表。", {}, { timeout: 15000 })
    ).toBeTruthy();
  });
});

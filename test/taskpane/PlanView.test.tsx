/** @jest-environment jsdom */
import "./support/setup";
import * as React from "react";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe, toHaveNoViolations } from "jest-axe";
import { defaultPlan } from "../../src/engine";
import { PlanView } from "../../src/taskpane/views/PlanView";
import { memoryHost, type MemoryHost } from "./support/memoryHost";
import { renderWithProviders } from "./support/renderWithProviders";

expect.extend(toHaveNoViolations);

function withPlan(language: "en-US" | "zh-CN" = "en-US"): {
  host: MemoryHost;
  workbook: { sheets: MemoryHost["sheets"]; language: "en-US" | "zh-CN" };
} {
  const host = memoryHost({ plan: defaultPlan() });
  return { host, workbook: { sheets: host.sheets, language } };
}

describe("PlanView", () => {
  it("should send the user to Start when the workbook has no Plan sheet", async () => {
    renderWithProviders(<PlanView />, { initial: { workbook: { sheets: {}, language: null } } });
    expect(screen.getByText(/has no Plan sheet yet/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Go to Start" })).toBeTruthy();
  });

  it("should read the plan from the Plan sheet and show the dimensions with their seed ranges", async () => {
    const { host, workbook } = withPlan();
    renderWithProviders(<PlanView />, { host, initial: { workbook } });
    await screen.findByText("The plan is valid.");
    expect(screen.getByText("Dimensions total 100% · adds up to 100%")).toBeTruthy();
    const sales = screen.getByRole("region", { name: "Sales results" });
    expect(within(sales).getByText("Plan range 50%–60%")).toBeTruthy();
    expect(
      (within(sales).getByRole("textbox", { name: "Weight of Sales results" }) as HTMLInputElement)
        .value
    ).toBe("55");
    expect(within(sales).getByText("Indicators total 100% · adds up to 100%")).toBeTruthy();
  });

  it("should update the sums live and show errors and range warnings inline", async () => {
    const user = userEvent.setup();
    const { host, workbook } = withPlan();
    renderWithProviders(<PlanView />, { host, initial: { workbook } });
    await screen.findByText("The plan is valid.");
    const sales = screen.getByRole("region", { name: "Sales results" });
    const weight = within(sales).getByRole("textbox", { name: "Weight of Sales results" });
    await user.clear(weight);
    await user.type(weight, "65");
    expect(screen.getByText("Dimensions total 110% · must add up to 100%")).toBeTruthy();
    expect(screen.getByText("1 error, 1 warning")).toBeTruthy();
    expect(
      within(sales).getByText(
        "Sales results: the weight 65% lies outside the recommended range 50%–60%."
      )
    ).toBeTruthy();
    expect(
      (screen.getByRole("button", { name: "Save to Plan sheet" }) as HTMLButtonElement).disabled
    ).toBe(true);
    expect(screen.getByText("Fix the errors to save the plan.")).toBeTruthy();

    const amount = within(sales).getByRole("textbox", {
      name: "Weight of Signed amount in its dimension",
    });
    await user.clear(amount);
    await user.type(amount, "abc");
    expect(within(sales).getByText("Enter a number.")).toBeTruthy();
  });

  it("should edit an indicator's scoring method and parameters", async () => {
    const user = userEvent.setup();
    const { host, workbook } = withPlan();
    renderWithProviders(<PlanView />, { host, initial: { workbook } });
    await screen.findByText("The plan is valid.");
    await user.click(screen.getByRole("button", { name: "Scoring of Signed amount" }));
    const group = screen.getByRole("group", { name: "Scoring of Signed amount" });
    expect(
      (within(group).getByRole("textbox", { name: "Floor (attainment)" }) as HTMLInputElement).value
    ).toBe("60");
    await user.selectOptions(
      within(group).getByRole("combobox", { name: "Scoring method" }),
      "curve"
    );
    expect(within(group).getByRole("group", { name: "Points" })).toBeTruthy();
    expect(
      (within(group).getByRole("textbox", { name: "Point 2: input" }) as HTMLInputElement).value
    ).toBe("100");
    await user.click(within(group).getByRole("button", { name: "Add point" }));
    expect(within(group).getByRole("textbox", { name: "Point 4: input" })).toBeTruthy();
  });

  it("should chart the commission tiers and follow tier edits", async () => {
    const user = userEvent.setup();
    const { host, workbook } = withPlan();
    renderWithProviders(<PlanView />, { host, initial: { workbook } });
    await screen.findByText("The plan is valid.");
    await user.click(screen.getByRole("button", { name: "Commission" }));
    const chart = screen.getByRole("img", { name: /Commission for one month, by amount/ });
    // marginal tiers 0→2%, 100,000→3%, 300,000→5%: 100,000 pays 2,000; 300,000 pays 8,000
    expect(chart.getAttribute("aria-label")).toContain("100,000 → 2,000");
    expect(chart.getAttribute("aria-label")).toContain("300,000 → 8,000");
    await user.clear(screen.getByRole("textbox", { name: "Tier 3: rate" }));
    await user.type(screen.getByRole("textbox", { name: "Tier 3: rate" }), "6");
    // 480,000 (1.6 × the top bound) pays 2,000 + 6,000 + 180,000 × 6% = 18,800
    expect(
      screen.getByRole("img", { name: /Commission for one month/ }).getAttribute("aria-label")
    ).toContain("480,000 → 18,800");
    await user.click(screen.getByRole("button", { name: "Add tier" }));
    expect(screen.getByRole("textbox", { name: "Tier 4: from" })).toBeTruthy();
  });

  it("should save the edited plan to the Plan sheet and read it back", async () => {
    const user = userEvent.setup();
    const { host, workbook } = withPlan();
    renderWithProviders(<PlanView />, { host, initial: { workbook } });
    await screen.findByText("The plan is valid.");
    await user.click(screen.getByRole("button", { name: "Grades and coefficients" }));
    const coefficient = screen.getByRole("textbox", { name: "S Outstanding: Coefficient" });
    await user.clear(coefficient);
    await user.type(coefficient, "1.6");
    expect(screen.getByText("Unsaved changes")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Save to Plan sheet" }));
    await screen.findByText("Saved to the Plan sheet.");
    expect(host.calls.writePlan).toHaveLength(1);
    expect(host.calls.writePlan[0].grading.grades[0].coefficient).toBe(1.6);
    expect(host.plan?.grading.grades[0].coefficient).toBe(1.6);
  });

  it("should set the pay schedule and switch the new-hire guarantee on with its data column", async () => {
    const user = userEvent.setup();
    const { host, workbook } = withPlan();
    renderWithProviders(<PlanView />, { host, initial: { workbook } });
    await screen.findByText("The plan is valid.");
    await user.click(screen.getByRole("button", { name: "Pay and periods" }));
    const group = screen.getByRole("group", { name: "Pay schedule and new-hire guarantee" });
    await user.selectOptions(
      within(group).getByRole("combobox", { name: "Performance pay paid" }),
      "monthlyAdvance"
    );
    const share = within(group).getByRole("textbox", {
      name: "Monthly advance (share of the standard)",
    }) as HTMLInputElement;
    expect(share.value).toBe("80");
    await user.click(within(group).getByRole("switch", { name: "New-hire guarantee (新人保底)" }));
    const minimum = within(group).getByRole("textbox", { name: "Minimum monthly pay" });
    await user.clear(minimum);
    await user.type(minimum, "6000");
    await user.click(
      within(group).getByRole("switch", { name: "Recover top-ups from later commission" })
    );
    await user.click(screen.getByRole("button", { name: "Save to Plan sheet" }));
    await screen.findByText("Saved to the Plan sheet.");
    const saved = host.calls.writePlan[0];
    expect(saved.pay.schedule).toBe("monthlyAdvance");
    expect(saved.pay.guarantee).toEqual({
      enabled: true,
      minimum: 6000,
      months: 3,
      recoverable: true,
    });
    expect(saved.fields.map((f) => f.key)).toContain("service_month");
  });

  it("should show a failed save and keep the edits", async () => {
    const user = userEvent.setup();
    const { host, workbook } = withPlan();
    host.failNext("writePlan", "The Plan sheet is protected.");
    renderWithProviders(<PlanView />, { host, initial: { workbook } });
    await screen.findByText("The plan is valid.");
    await user.click(screen.getByRole("button", { name: "Pay and periods" }));
    await user.clear(screen.getByRole("textbox", { name: "Annual bonus standard" }));
    await user.type(screen.getByRole("textbox", { name: "Annual bonus standard" }), "30000");
    await user.click(screen.getByRole("button", { name: "Save to Plan sheet" }));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "The Plan sheet is protected."
    );
    expect(
      (screen.getByRole("textbox", { name: "Annual bonus standard" }) as HTMLInputElement).value
    ).toBe("30000");
    await user.click(screen.getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(host.plan?.pay.bonusStandard).toBe(30000));
  });

  it("should show the plan in Chinese with the seed's terms", async () => {
    const { host, workbook } = withPlan("zh-CN");
    renderWithProviders(<PlanView />, { host, language: "zh-CN", initial: { workbook } });
    await screen.findByText("方案有效。");
    expect(screen.getByRole("region", { name: "销售业绩" })).toBeTruthy();
    expect(screen.getByRole("region", { name: "客户价值与满意度" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "等级与绩效系数" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "销售提成" })).toBeTruthy();
  });

  it("should have no accessibility violations with every section open", async () => {
    const user = userEvent.setup();
    const { host, workbook } = withPlan();
    const { container } = renderWithProviders(<PlanView />, { host, initial: { workbook } });
    await screen.findByText("The plan is valid.");
    for (const name of ["Plan", "Grades and coefficients", "Commission", "Pay and periods"])
      await user.click(screen.getByRole("button", { name }));
    await user.click(screen.getByRole("button", { name: "Scoring of Signed amount" }));
    expect(await axe(container)).toHaveNoViolations();
  });
});

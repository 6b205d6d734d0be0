/** @jest-environment jsdom */
import "./support/setup";
import * as React from "react";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe, toHaveNoViolations } from "jest-axe";
import { defaultPlan, evaluate, explain, seedPlan, type Plan } from "../../src/engine";
import { IndicatorTable } from "../../src/taskpane/components/explain/IndicatorTable";
import { PlanView } from "../../src/taskpane/views/PlanView";
import { StartView } from "../../src/taskpane/views/StartView";
import { memoryHost } from "./support/memoryHost";
import { findDialog, inDialog } from "./support/dialogs";
import { renderWithProviders } from "./support/renderWithProviders";
import { quarter, rating } from "../engine/fixtures";

expect.extend(toHaveNoViolations);

function open(plan: Plan = defaultPlan(), language: "en-US" | "zh-CN" = "en-US") {
  const host = memoryHost({ plan });
  renderWithProviders(<PlanView />, {
    host,
    language,
    initial: { workbook: { sheets: host.sheets, language } },
  });
  return host;
}

const value = (el: HTMLElement) => (el as HTMLInputElement).value;

describe("Plan editor: adding an indicator", () => {
  it("should add an indicator with its input, scoring, target and policy, re-checking the weights", async () => {
    const user = userEvent.setup();
    const host = open();
    await screen.findByText("The plan is valid.");
    const teamwork = screen.getByRole("region", { name: "Teamwork & growth" });
    await user.click(
      within(teamwork).getByRole("button", { name: "Add an indicator to Teamwork & growth" })
    );
    const form = within(teamwork).getByRole("region", {
      name: "New indicator in Teamwork & growth",
    });
    const f = within(form);
    // names are needed in both languages before it can go in
    expect(f.getByText("Give the indicator a name in both languages.")).toBeTruthy();
    expect((f.getByRole("button", { name: "Add" }) as HTMLButtonElement).disabled).toBe(true);
    const key = f.getByRole("textbox", { name: "Key (letters, digits, _)" });
    await user.clear(key);
    await user.type(key, "mentoring");
    await user.type(f.getByRole("textbox", { name: "Name (Chinese)" }), "带教新人");
    await user.type(f.getByRole("textbox", { name: "Name (English)" }), "Mentoring");
    await user.selectOptions(f.getByRole("combobox", { name: "Unit" }), "hours");
    const weight = f.getByRole("textbox", { name: "Weight in the dimension" });
    await user.clear(weight);
    await user.type(weight, "10");
    expect(
      f.getByText("With it, the dimension's indicators total 110% · must add up to 100%")
    ).toBeTruthy();
    await user.selectOptions(f.getByRole("combobox", { name: "Input" }), "field");
    await user.selectOptions(f.getByRole("combobox", { name: "Field" }), "training_hours");
    const target = f.getByRole("textbox", { name: "Default target (per month)" });
    await user.clear(target);
    await user.type(target, "4");
    await user.selectOptions(
      f.getByRole("combobox", { name: "If the input is missing" }),
      "renormalize"
    );
    await user.click(f.getByRole("button", { name: "Add" }));

    // in the plan, after the dimension's last indicator; the weights re-checked
    expect(within(teamwork).getByRole("textbox", { name: "Weight of Mentoring in its dimension" }));
    expect(within(teamwork).getByText("Indicators total 110% · must add up to 100%")).toBeTruthy();
    expect(
      within(teamwork).getByText(
        "Teamwork & growth: indicator weights sum to 110%; they must sum to 100%."
      )
    ).toBeTruthy();
    expect(
      within(teamwork).getByText(
        "Mentoring added. Check the weights, save to the Plan sheet, then generate again."
      )
    ).toBeTruthy();
    expect(
      (screen.getByRole("button", { name: "Save to Plan sheet" }) as HTMLButtonElement).disabled
    ).toBe(true);

    // rebalance: compliance 30% → 20%, and the plan is valid again
    const compliance = within(teamwork).getByRole("textbox", {
      name: "Weight of Rules & culture (deductions) in its dimension",
    });
    await user.clear(compliance);
    await user.type(compliance, "20");
    expect(within(teamwork).getByText("Indicators total 100% · adds up to 100%")).toBeTruthy();
    await screen.findByText("The plan is valid.");
    await user.click(screen.getByRole("button", { name: "Save to Plan sheet" }));
    await screen.findByText("Saved to the Plan sheet.");
    const saved = host.calls.writePlan[0];
    const keys = saved.indicators.map((i) => i.key);
    expect(keys.indexOf("mentoring")).toBe(keys.indexOf("compliance") + 1);
    expect(saved.indicators.find((i) => i.key === "mentoring")).toEqual({
      key: "mentoring",
      name: { en: "Mentoring", zh: "带教新人" },
      dimension: "teamwork",
      weight: 0.1,
      unit: "hours",
      direction: "higher",
      input: { kind: "field", field: "training_hours" },
      scoring: { method: "linear", floor: 0, cap: 1.2, fullScore: 100 },
      target: { field: null, default: 4 },
      missing: "renormalize",
    });
  });

  it("should refuse a key already used, and a blend of customers' ratings without a survey field", async () => {
    const user = userEvent.setup();
    open();
    await screen.findByText("The plan is valid.");
    const customer = screen.getByRole("region", { name: "Customer value & satisfaction" });
    await user.click(
      within(customer).getByRole("button", {
        name: "Add an indicator to Customer value & satisfaction",
      })
    );
    const f = within(
      within(customer).getByRole("region", {
        name: "New indicator in Customer value & satisfaction",
      })
    );
    await user.type(f.getByRole("textbox", { name: "Name (Chinese)" }), "服务满意度");
    await user.type(f.getByRole("textbox", { name: "Name (English)" }), "Service satisfaction");
    const key = f.getByRole("textbox", { name: "Key (letters, digits, _)" });
    await user.clear(key);
    await user.type(key, "clv");
    expect(f.getByText('"clv" is used twice.')).toBeTruthy();
    expect((f.getByRole("button", { name: "Add" }) as HTMLButtonElement).disabled).toBe(true);
    await user.clear(key);
    await user.type(key, "service_satisfaction");

    // the customers' 360 ratings (rater type 客户): alone at 100%, or blended with a survey field
    await user.selectOptions(f.getByRole("combobox", { name: "Input" }), "customer360");
    expect(value(f.getByRole("textbox", { name: "Customers' 360 share" }))).toBe("100");
    const share = f.getByRole("textbox", { name: "Customers' 360 share" });
    await user.clear(share);
    await user.type(share, "40");
    // under the field and in the list of what to fix
    expect(
      f.getAllByText(/a customers' 360 share of 40% blends the ratings with a survey field/)
    ).toHaveLength(2);
    expect((f.getByRole("button", { name: "Add" }) as HTMLButtonElement).disabled).toBe(true);
    await user.selectOptions(
      f.getByRole("combobox", { name: "Blend with the survey field" }),
      "satisfaction"
    );
    expect(value(f.getByRole("textbox", { name: "Customers' 360 share" }))).toBe("40");
    expect((f.getByRole("button", { name: "Add" }) as HTMLButtonElement).disabled).toBe(false);
    await user.click(f.getByRole("button", { name: "Cancel" }));
    expect(within(customer).queryByRole("region", { name: /New indicator/ })).toBeNull();
  });
});

describe("Plan editor: an indicator's input", () => {
  it("should change the customers' 360 share of the seed plan's service satisfaction", async () => {
    const user = userEvent.setup();
    const host = open(seedPlan());
    await screen.findByText("The plan is valid.");
    const name = "Service satisfaction (survey and customers' 360)";
    await user.click(screen.getByRole("button", { name: `Scoring of ${name}` }));
    const input = within(screen.getByRole("group", { name: `Input of ${name}` }));
    expect(value(input.getByRole("combobox", { name: "Input" }))).toBe("customer360");
    expect(value(input.getByRole("combobox", { name: "Blend with the survey field" }))).toBe(
      "service_satisfaction"
    );
    const share = input.getByRole("textbox", { name: "Customers' 360 share" });
    expect(value(share)).toBe("50");
    await user.clear(share);
    await user.type(share, "30");
    await user.click(screen.getByRole("button", { name: "Save to Plan sheet" }));
    await screen.findByText("Saved to the Plan sheet.");
    expect(
      host.calls.writePlan[0].indicators.find((i) => i.key === "service_satisfaction")!.input
    ).toEqual({ kind: "customer360", survey: "service_satisfaction", share: 0.3 });
  });
});

describe("Plan editor: removing an indicator", () => {
  it("should ask, say what the dimension's weights then add up to, and re-check them", async () => {
    const user = userEvent.setup();
    const host = open();
    await screen.findByText("The plan is valid.");
    const sales = screen.getByRole("region", { name: "Sales results" });
    await user.click(within(sales).getByRole("button", { name: "Remove Sales growth" }));
    const dialog = await findDialog("Remove Sales growth?", "alertdialog");
    expect(dialog.textContent).toContain(
      "Sales growth (weight 15.0%) leaves Sales results; its other indicators then total 85.0%"
    );
    await user.click(inDialog(dialog, "button", "Cancel"));
    await waitFor(() =>
      expect(screen.queryAllByRole("alertdialog", { hidden: true })).toHaveLength(0)
    );
    expect(within(sales).getByRole("button", { name: "Remove Sales growth" })).toBeTruthy();

    await user.click(within(sales).getByRole("button", { name: "Remove Sales growth" }));
    await user.click(
      inDialog(await findDialog("Remove Sales growth?", "alertdialog"), "button", "Remove")
    );
    await waitFor(() =>
      expect(within(sales).queryByRole("button", { name: "Remove Sales growth" })).toBeNull()
    );
    expect(within(sales).getByText("Indicators total 85% · must add up to 100%")).toBeTruthy();
    expect(
      within(sales).getByText(
        "Sales growth removed. Check the weights, save to the Plan sheet, then generate again."
      )
    ).toBeTruthy();
    const amount = within(sales).getByRole("textbox", {
      name: "Weight of Signed amount in its dimension",
    });
    await user.clear(amount);
    await user.type(amount, "55");
    await screen.findByText("The plan is valid.");
    await user.click(screen.getByRole("button", { name: "Save to Plan sheet" }));
    await screen.findByText("Saved to the Plan sheet.");
    expect(host.calls.writePlan[0].indicators.map((i) => i.key)).not.toContain("sales_growth");
  });

  it("should refuse to remove the last indicator of a dimension, and say why", async () => {
    const plan = defaultPlan();
    plan.indicators = plan.indicators.filter(
      (i) => i.dimension !== "teamwork" || i.key === "collaboration"
    );
    plan.indicators.find((i) => i.key === "collaboration")!.weight = 1;
    open(plan);
    await screen.findByText("The plan is valid.");
    const teamwork = screen.getByRole("region", { name: "Teamwork & growth" });
    const remove = within(teamwork).getByRole("button", {
      name: "Remove Collaboration & knowledge sharing (360)",
    }) as HTMLButtonElement;
    expect(remove.disabled).toBe(true);
    expect(remove.title).toBe(
      "The last indicator of Teamwork & growth cannot be removed: a dimension needs at least one. Add another first."
    );
  });
});

describe("Plan editor in Chinese, and the seed plan at Start", () => {
  it("should add and remove in Chinese, with the seed's terms", async () => {
    const user = userEvent.setup();
    open(defaultPlan(), "zh-CN");
    await screen.findByText("方案有效。");
    const process = screen.getByRole("region", { name: "销售过程与能力" });
    await user.click(within(process).getByRole("button", { name: "删除销售周期" }));
    const dialog = await findDialog("删除销售周期？", "alertdialog");
    expect(dialog.textContent).toContain("销售周期（权重 20.0%）将从销售过程与能力中删除");
    await user.click(inDialog(dialog, "button", "删除"));
    await waitFor(() =>
      expect(within(process).getByText("已删除销售周期。请检查权重，保存到方案工作表后重新生成。"))
    );
    await user.click(within(process).getByRole("button", { name: "为销售过程与能力添加指标" }));
    const f = within(within(process).getByRole("region", { name: "销售过程与能力的新指标" }));
    expect(f.getByRole("textbox", { name: "名称（中文）" })).toBeTruthy();
    await user.selectOptions(f.getByRole("combobox", { name: "输入方式" }), "ratio");
    expect(f.getByRole("combobox", { name: "分子" })).toBeTruthy();
    expect(f.getByRole("combobox", { name: "分母" })).toBeTruthy();
  });

  it.each([
    [
      "en-US",
      "The seed's indicators whole (2024 sales plan, all seed indicators): product and service satisfaction, complaint resolution satisfaction, deal conversion, certifications",
      "Create plan workbook",
    ],
    [
      "zh-CN",
      "完整的方案指标（2024年销售人员绩效方案（全指标））：产品满意度、服务满意度、投诉解决满意度、商机转化率、获得认证数",
      "创建方案工作簿",
    ],
  ] as const)(
    "should create the workbook from the seed plan at Start (%s)",
    async (language, radio, create) => {
      const user = userEvent.setup();
      const host = memoryHost();
      renderWithProviders(<StartView />, { host, language });
      await user.click(screen.getByRole("radio", { name: radio }));
      await user.click(screen.getByRole("button", { name: create }));
      await waitFor(() => expect(host.calls.create).toHaveLength(1));
      expect(host.calls.create[0].plan).toEqual(seedPlan());
    }
  );

  it("should replace an existing Plan sheet with the seed plan when it is chosen", async () => {
    const user = userEvent.setup();
    const host = memoryHost({ plan: defaultPlan() });
    renderWithProviders(<StartView />, {
      host,
      initial: { workbook: { sheets: host.sheets, language: "en-US" } },
    });
    expect(
      screen.getByText(/a plan file, or the seed's indicators whole, replaces the Plan sheet/)
    );
    await user.click(screen.getByRole("radio", { name: /^The seed's indicators whole/ }));
    await user.click(screen.getByRole("button", { name: "Create plan workbook again" }));
    await waitFor(() => expect(host.calls.writePlan).toHaveLength(1));
    expect(host.calls.writePlan[0]).toEqual(seedPlan());
  });

  it("should have no accessibility violations with the add form open", async () => {
    const user = userEvent.setup();
    const { container } = renderWithProviders(<PlanView />, {
      host: memoryHost({ plan: seedPlan() }),
      initial: { workbook: { sheets: memoryHost({ plan: seedPlan() }).sheets, language: "en-US" } },
    });
    await screen.findByText("The plan is valid.");
    const teamwork = screen.getByRole("region", { name: "Teamwork & growth" });
    await user.click(
      within(teamwork).getByRole("button", { name: "Add an indicator to Teamwork & growth" })
    );
    expect(await axe(container)).toHaveNoViolations();
  });
});

describe("Explain: the customers' 360 ratings behind a satisfaction score", () => {
  function trace(ratings: ReturnType<typeof rating>[]) {
    const plan = seedPlan();
    const rows = quarter("P001", 2024, 1).map((r) => ({
      ...r,
      values: {
        ...r.values,
        product_satisfaction: 90,
        service_satisfaction: 80,
        complaint_satisfaction: 90,
        deals_won: 2,
        certifications: 0,
      },
    }));
    return explain(evaluate(plan, rows, ratings), 0);
  }

  it.each([
    ["en-US", /^Customers' 360 ratings: 75(\.0+)? \(mean of 2\), 50% of the input$/],
    ["zh-CN", /^客户360评价：75(\.0+)?（2 条评价的平均），占输入的 50%$/],
  ] as const)("should show the customers' mean, count and share (%s)", (language, line) => {
    const t = trace([
      rating("P001", "2024-Q1", "superior", 95),
      rating("P001", "2024-Q1", "customer", 70),
      rating("P001", "2024-Q1", "customer", 80),
    ]);
    expect(t.indicators.find((i) => i.key === "service_satisfaction")!.customers).toEqual({
      mean: 75,
      ratings: 2,
      share: 0.5,
    });
    renderWithProviders(<IndicatorTable indicators={t.indicators} dimensions={t.dimensions} />, {
      language,
    });
    expect(screen.getByText(line)).toBeTruthy();
  });

  it("should say when customers gave no ratings", () => {
    const t = trace([rating("P001", "2024-Q1", "peer", 80)]);
    renderWithProviders(<IndicatorTable indicators={t.indicators} dimensions={t.dimensions} />);
    expect(
      screen.getByText("No 360 ratings by customers (rater type 客户) for this period")
    ).toBeTruthy();
  });
});

/** @jest-environment jsdom */
import "./support/setup";
import * as React from "react";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe, toHaveNoViolations } from "jest-axe";
import * as iconv from "iconv-lite";
import { defaultPlan } from "../../src/engine";
import { StartView } from "../../src/taskpane/views/StartView";
import { memoryHost } from "./support/memoryHost";
import { findDialog, inDialog } from "./support/dialogs";
import { renderWithProviders } from "./support/renderWithProviders";

expect.extend(toHaveNoViolations);

function planFile(plan: unknown, name = "plan.json"): File {
  return new File([JSON.stringify(plan)], name, { type: "application/json" });
}

describe("StartView", () => {
  it("should create the plan workbook from the default plan in the pane's language", async () => {
    const user = userEvent.setup();
    const host = memoryHost();
    renderWithProviders(<StartView />, { host, language: "zh-CN" });
    await user.click(screen.getByRole("button", { name: "创建方案工作簿" }));
    await screen.findByText(/已创建：使用说明、方案、数据、360评价/);
    expect(host.calls.create).toHaveLength(1);
    expect(host.calls.create[0].language).toBe("zh-CN");
    expect(host.calls.create[0].plan).toEqual(defaultPlan());
    expect(screen.getByRole("button", { name: "下一步：导入数据" })).toBeTruthy();
  });

  it("should create in English when the user switches the language", async () => {
    const user = userEvent.setup();
    const host = memoryHost();
    renderWithProviders(<StartView />, { host, language: "zh-CN" });
    await user.click(screen.getByRole("radio", { name: "English" }));
    await user.click(screen.getByRole("button", { name: "Create plan workbook" }));
    await screen.findByText("Created: Guide, Plan, Data, Feedback.");
    expect(host.calls.create[0].language).toBe("en-US");
  });

  it("should create from a saved plan file", async () => {
    const user = userEvent.setup();
    const host = memoryHost();
    const plan = defaultPlan();
    plan.version = "2024.2";
    plan.commission.tiers[2].rate = 0.06;
    renderWithProviders(<StartView />, { host });
    await user.click(screen.getByRole("radio", { name: "A saved plan file (.json)" }));
    await user.upload(
      screen.getByLabelText("Choose plan file…", { selector: "input" }),
      planFile(plan)
    );
    await screen.findByText("Loaded “2024 Sales Staff Performance Plan”, version 2024.2.");
    await user.click(screen.getByRole("button", { name: "Create plan workbook" }));
    await waitFor(() => expect(host.calls.create).toHaveLength(1));
    expect(host.calls.create[0].plan.commission.tiers[2].rate).toBe(0.06);
  });

  it("should refuse a file that is not a plan, and a plan with errors", async () => {
    const user = userEvent.setup();
    renderWithProviders(<StartView />);
    await user.click(screen.getByRole("radio", { name: "A saved plan file (.json)" }));
    const input = screen.getByLabelText("Choose plan file…", { selector: "input" });
    await user.upload(input, new File(["{not json"], "x.json"));
    expect((await screen.findByRole("alert")).textContent).toMatch(
      /This file cannot be used as a plan; nothing was written/
    );
    expect(screen.getByText(/This is not a plan file: it is not valid JSON/)).toBeTruthy();
    expect(
      (screen.getByRole("button", { name: "Create plan workbook" }) as HTMLButtonElement).disabled
    ).toBe(true);

    const bad = defaultPlan();
    bad.dimensions[0].weight = 0.7; // dimensions then sum to 115%
    await user.upload(input, planFile(bad));
    await screen.findByText(/The plan in this file has errors/);
    expect(screen.getByText(/Dimension weights sum to 115%/)).toBeTruthy();
    expect(
      (screen.getByRole("button", { name: "Create plan workbook" }) as HTMLButtonElement).disabled
    ).toBe(true);
  });

  it("should read a plan file saved as GB18030 with its Chinese names, and say so", async () => {
    const user = userEvent.setup();
    const host = memoryHost();
    const plan = defaultPlan();
    plan.name.zh = "华东区销售绩效方案";
    renderWithProviders(<StartView />, { host, language: "zh-CN" });
    await user.click(screen.getByRole("radio", { name: "已保存的方案文件（.json）" }));
    const bytes = iconv.encode(JSON.stringify(plan), "gb18030");
    await user.upload(
      screen.getByLabelText("选择方案文件…", { selector: "input" }),
      new File([new Uint8Array(bytes)], "方案.json")
    );
    await screen.findByText("已载入“华东区销售绩效方案”，版本 2024.1。");
    expect(screen.getByText(/已按 GB18030 \(GBK\) 编码读取/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "创建方案工作簿" }));
    await waitFor(() => expect(host.calls.create).toHaveLength(1));
    expect(host.calls.create[0].plan.name.zh).toBe("华东区销售绩效方案");
  });

  it("should refuse a plan too large for the workbook before anything is written", async () => {
    const user = userEvent.setup();
    const host = memoryHost();
    const plan = defaultPlan();
    const extra = Array.from({ length: 17000 }, (_, i) => ({ ...plan.fields[0], key: `x${i}` }));
    renderWithProviders(<StartView />, { host });
    await user.click(screen.getByRole("radio", { name: "A saved plan file (.json)" }));
    await user.upload(
      screen.getByLabelText("Choose plan file…", { selector: "input" }),
      planFile({ ...plan, fields: [...plan.fields, ...extra] })
    );
    await screen.findByText(
      `It has ${plan.fields.length + 17000} entries; a plan workbook holds at most 200.`
    );
    expect(
      (screen.getByRole("button", { name: "Create plan workbook" }) as HTMLButtonElement).disabled
    ).toBe(true);
    expect(host.calls.create).toHaveLength(0);
  });

  it("should show a failure and create on retry", async () => {
    const user = userEvent.setup();
    const host = memoryHost();
    host.failNext("createPlanWorkbook", "The workbook is read-only.");
    renderWithProviders(<StartView />, { host });
    await user.click(screen.getByRole("button", { name: "Create plan workbook" }));
    expect((await screen.findByRole("alert")).textContent).toContain("The workbook is read-only.");
    await user.click(screen.getByRole("button", { name: "Retry" }));
    await screen.findByText("Created: Guide, Plan, Data, Feedback.");
  });

  it("should ask before replacing a sheet the user edited", async () => {
    const user = userEvent.setup();
    const host = memoryHost({ plan: defaultPlan() });
    host.editedSheet = "Data";
    renderWithProviders(<StartView />, {
      host,
      initial: { workbook: { sheets: host.sheets, language: "en-US" } },
    });
    expect(screen.getByText(/already has plan sheets/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Create plan workbook again" }));
    const dialog = await findDialog("Replace the sheet?", "alertdialog");
    expect(dialog.textContent).toContain("“Data” was changed after the add-in wrote it.");
    await user.click(inDialog(dialog, "button", "Write a new sheet"));
    await screen.findByText(/Created:/);
  });

  it("should have no accessibility violations, in either language", async () => {
    for (const language of ["en-US", "zh-CN"] as const) {
      const { container, unmount } = renderWithProviders(<StartView />, { language });
      expect(await axe(container)).toHaveNoViolations();
      unmount();
    }
  });
});

/** @jest-environment jsdom */
/**
 * The Appeals view (申诉审批) over the in-memory host: log an appeal, uphold it with an amount,
 * record the three sign-offs, see what is missing; the rows land on the Appeals and Sign-off
 * sheets in their columns, in both languages. The Close view refuses a period not signed off,
 * naming the roles, and closes it only with a reason for overriding, recorded with the close.
 */
import "./support/setup";
import * as React from "react";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe, toHaveNoViolations } from "jest-axe";
import { AppealsView } from "../../src/taskpane/views/AppealsView";
import { CloseView } from "../../src/taskpane/views/CloseView";
import { CLOSED_BY_SETTING } from "../../src/app/closing";
import { today } from "../../src/app/appeals";
import { hostWithSampleData, type MemoryHost } from "./support/memoryHost";
import { enabledButton, renderWithProviders } from "./support/renderWithProviders";
import { findDialog, inDialog } from "./support/dialogs";
import { appealsSheet, closedWithUpheldAppeal } from "./support/review";

expect.extend(toHaveNoViolations);

function view(ui: React.ReactElement, host: MemoryHost, language: "en-US" | "zh-CN" = "en-US") {
  return renderWithProviders(ui, {
    host,
    language,
    initial: { workbook: { sheets: host.sheets, language }, plan: host.plan! },
  });
}

describe("AppealsView", () => {
  it("should log an appeal, uphold it with an amount and record the three sign-offs (en-US)", async () => {
    const user = userEvent.setup();
    const host = hostWithSampleData();
    await host.settings.set(CLOSED_BY_SETTING, "Zhang Wei");
    const { container } = view(<AppealsView />, host);
    await screen.findByText("Appeals of 2024-Q1");
    expect(screen.getByText("No appeal for this period.")).toBeTruthy();
    await user.selectOptions(screen.getByRole("combobox", { name: "Salesperson" }), "S1001");
    await user.type(screen.getByRole("textbox", { name: /Number appealed/ }), "New customers");
    await user.type(screen.getByRole("textbox", { name: "Reason" }), "A signed deal was missed");
    await user.click(await enabledButton("Log the appeal"));
    await screen.findByText(/Appeal 2024-Q1-01 logged on Appeals\./);
    expect(host.appeals!.header).toEqual([
      "Appeal no.",
      "Employee ID",
      "Name",
      "Period",
      "Number appealed",
      "Reason",
      "Status",
      "Decision",
      "Effect on pay",
      "Decided by",
      "Decided on",
    ]);
    expect(host.appeals!.rows).toEqual([
      [
        "2024-Q1-01",
        "S1001",
        "郭军",
        "2024-Q1",
        "New customers",
        "A signed deal was missed",
        "Pending",
        null,
        null,
        null,
        null,
      ],
    ]);
    // decide it: upheld, with the decision and 500 on pay
    await user.click(await enabledButton("Decide"));
    const dialog = await findDialog("Decide appeal 2024-Q1-01");
    await user.selectOptions(inDialog(dialog, "combobox", "Status"), "upheld");
    await user.type(inDialog(dialog, "textbox", /^Decision/), "One deal added; score corrected");
    await user.type(inDialog(dialog, "textbox", /^Effect on pay/), "500");
    expect((inDialog(dialog, "textbox", /^Decided by/) as HTMLInputElement).value).toBe(
      "Zhang Wei"
    );
    await user.click(inDialog(dialog, "button", "Save the decision"));
    await screen.findByText(/Appeal 2024-Q1-01 decided\./);
    expect(host.appeals!.rows[0]).toEqual([
      "2024-Q1-01",
      "S1001",
      "郭军",
      "2024-Q1",
      "New customers",
      "A signed deal was missed",
      "Upheld",
      "One deal added; score corrected",
      500,
      "Zhang Wei",
      today(),
    ]);
    await screen.findByText(/^Upheld · Effect on pay .*500\.00 · One deal added; score corrected$/);
    // sign-off: the roles one by one, and what is missing
    await screen.findByText(/Missing: Sales manager, HR, Finance\./);
    for (const [role, name] of [
      ["manager", "Wang"],
      ["hr", "Li"],
      ["finance", "Zhao"],
    ]) {
      await user.selectOptions(await screen.findByRole("combobox", { name: "Role" }), role);
      const who = await screen.findByRole("textbox", { name: /^Name/ });
      await user.clear(who);
      await user.type(who, name);
      await user.click(await enabledButton("Record the sign-off"));
      await waitFor(() =>
        expect(host.signOff?.rows.length).toBe(["manager", "hr", "finance"].indexOf(role) + 1)
      );
    }
    await screen.findByText("Every role has signed: the period can be closed.");
    expect(host.signOff!.rows).toEqual([
      ["2024-Q1", "Sales manager", "Wang", today()],
      ["2024-Q1", "HR", "Li", today()],
      ["2024-Q1", "Finance", "Zhao", today()],
    ]);
    expect(await axe(container)).toHaveNoViolations();
  });

  it("should write the sheets in Chinese and name an unreadable row (zh-CN)", async () => {
    const user = userEvent.setup();
    const host = hostWithSampleData();
    host.appeals = appealsSheet(
      [["X1", "S1002", "周霞", "2024-Q1", "回款", "", "申诉成立", "", "五百", "", ""]],
      "zh-CN"
    );
    view(<AppealsView />, host, "zh-CN");
    await screen.findByText("2024-Q1 的申诉");
    await screen.findByText(/绩效申诉和绩效审批表中有 \d+ 个问题/);
    expect(screen.getAllByText(/“五百”不是金额/).length).toBeGreaterThan(0);
    await user.selectOptions(screen.getByRole("combobox", { name: "审批角色" }), "hr");
    await user.type(screen.getByRole("textbox", { name: /^签字人/ }), "李娜");
    await user.click(await enabledButton("记录审批"));
    await screen.findByText("已记录人力资源的审批。");
    expect(host.signOff!.header).toEqual(["考核期间", "审批角色", "签字人", "签字日期"]);
    expect(host.signOff!.rows).toEqual([["2024-Q1", "人力资源", "李娜", today()]]);
    await screen.findByText(/尚缺：销售经理、财务。/);
  });
});

describe("An appeal upheld on the sheet for a closed period", () => {
  it("should be named at its cell, not silently left without effect (en-US)", async () => {
    const host = await closedWithUpheldAppeal();
    view(<AppealsView />, host);
    const list = await screen.findByRole("list", {
      name: "1 problem on the Appeals and Sign-off sheets:",
    });
    expect(
      within(list).getByText(
        "2024-Q1 is closed: an upheld appeal changes its pay only after the period is reopened (Close view) and generated again."
      )
    ).toBeTruthy();
    expect(within(list).getByRole("button", { name: "Go to Appeals!G2" })).toBeTruthy();
  });

  it("should be named at its cell in Chinese (zh-CN)", async () => {
    const host = await closedWithUpheldAppeal("zh-CN");
    view(<AppealsView />, host, "zh-CN");
    const list = await screen.findByRole("list", {
      name: "绩效申诉和绩效审批表中有 1 个问题：",
    });
    expect(
      within(list).getByText(
        "2024-Q1 已结账：申诉成立后，需先在结账页面重新打开该期间并重新生成，才会调整薪酬。"
      )
    ).toBeTruthy();
    expect(within(list).getByRole("button", { name: "定位到 绩效申诉!G2" })).toBeTruthy();
  });
});

describe("Close with the sign-off", () => {
  it("should refuse a period not signed off, naming the roles, and close it only with a reason recorded", async () => {
    const user = userEvent.setup();
    const host = hostWithSampleData();
    await host.settings.set(CLOSED_BY_SETTING, "Zhang Wei");
    await host.writeReviewRow({
      language: "en-US",
      role: "sign_off",
      add: ["2024-Q1", "Sales manager", "Wang", "2024-04-08"],
    });
    view(<CloseView />, host);
    await user.click(await enabledButton("Close 2024-Q1"));
    const dialog = await findDialog("2024-Q1 is not signed off", "alertdialog");
    expect(dialog.textContent).toContain("Missing sign-off: HR, Finance.");
    const button = inDialog(dialog, "button", "Close without the sign-off") as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    await user.type(
      inDialog(dialog, "textbox", /Reason for closing without them/),
      "Payroll deadline; HR signs on Monday"
    );
    expect(button.disabled).toBe(false);
    await user.click(button);
    await waitFor(() => expect(host.calls.closes).toHaveLength(1));
    expect(host.calls.closes[0].note).toBe(
      "Signed off: Sales manager Wang (2024-04-08). Closed without the sign-off of HR, Finance: overridden by Zhang Wei, reason: Payroll deadline; HR signs on Monday."
    );
    // the Close view lists the close with its record
    await screen.findByText(/overridden by Zhang Wei/);
  });
});

/** @jest-environment jsdom */
import "./support/setup";
import * as React from "react";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe, toHaveNoViolations } from "jest-axe";
import { defaultPlan, mapColumns, parseCsv } from "../../src/engine";
import { createLayoutHost } from "../../src/app/layoutHost";
import { workbookLayouts } from "../../src/app/layouts";
import { CLOSED_BY_SETTING } from "../../src/app/closing";
import { CloseView } from "../../src/taskpane/views/CloseView";
import { GenerateView } from "../../src/taskpane/views/GenerateView";
import { PlanView } from "../../src/taskpane/views/PlanView";
import { StatementsView } from "../../src/taskpane/views/StatementsView";
import { checkWorkbook, runPlan } from "../../src/app/workflow";
import type { WorkbookHost } from "../../src/app/host";
import { previewBackend } from "../../dev/previewBackend";
import { PreviewWorkbook } from "../../dev/workbook/PreviewWorkbook";
import { fixtureText } from "./support/memoryHost";
import { recordSignOff } from "../../src/app/appeals";
import { SIGN_OFF_ROLES } from "../../src/engine";
import { findDialog, inDialog } from "./support/dialogs";
import { renderWithProviders } from "./support/renderWithProviders";

expect.extend(toHaveNoViolations);

function settings() {
  const m = new Map<string, string>();
  return {
    get: (k: string) => m.get(k) ?? null,
    set: async (k: string, v: string) => void m.set(k, v),
  };
}

/** The real host over the preview workbook: plan workbook, the sample imported, 2024-Q1 generated. */
async function workbook() {
  const wb = new PreviewWorkbook();
  const host = createLayoutHost(
    previewBackend(wb, { settings: settings(), displayLanguage: "en-US" }),
    workbookLayouts
  );
  const plan = defaultPlan();
  await host.createPlanWorkbook(plan, "en-US");
  // every role signs 2024-Q1 off (the Sign-off sheet of the template): the period can close
  for (const role of SIGN_OFF_ROLES)
    await recordSignOff(
      host,
      { period: "2024-Q1", role, name: "Signer", date: "2024-04-08" },
      "en-US"
    );
  const table = parseCsv(fixtureText(), "crm.csv");
  const { mapping } = mapColumns(table, plan);
  table.rows.find((r) => r[mapping.period] === "2024/3")![mapping.period] = "2024-02";
  await host.importData({ plan, language: "en-US", table, mapping, mode: "replace" });
  const check = (await checkWorkbook(host, plan))!;
  const run = runPlan(plan, check, "2024-Q1", "");
  const written = await host.writeOutputs({
    plan,
    language: "en-US",
    style: "native",
    evaluation: run.evaluation,
    data: run.data,
    feedback: check.feedback,
  });
  return { wb, host, plan, check, run, written };
}

async function render(ui: React.ReactElement, w: Awaited<ReturnType<typeof workbook>>) {
  const state = await w.host.inspect();
  return renderWithProviders(ui, {
    host: w.host as WorkbookHost,
    initial: {
      workbook: state,
      plan: w.plan,
      check: w.check,
      run: {
        options: { period: "2024-Q1", group: "", style: "native" },
        evaluation: w.run.evaluation,
        rows: w.run.rows,
        summary: w.run.summary,
        written: w.written,
      },
    },
  });
}

function editData(wb: PreviewWorkbook, id: string, month: string, header: string, value: string) {
  const data = wb.byRole("data")!;
  const v = wb.values(data.id);
  const h = v.findIndex((l) => l.includes("Employee ID"));
  const row = v.findIndex((l, i) => i > h && l[0] === id && l[3] === month);
  wb.enter(data.id, row, v[h].indexOf(header), value);
}

/**
 * The Close button once the view has settled: it is disabled while nobody is named and while the
 * data check or the close log is still loading, which on a busy machine outlasts the first render.
 */
async function closeButton(period: string): Promise<HTMLButtonElement> {
  const name = `Close ${period}`;
  await waitFor(() =>
    expect((screen.getByRole("button", { name }) as HTMLButtonElement).disabled).toBe(false)
  );
  return screen.getByRole("button", { name }) as HTMLButtonElement;
}

/** The confirming button of the Close dialog, once the dialog is open. */
async function confirmClose(period: string): Promise<HTMLElement> {
  return inDialog(
    await findDialog(`Close ${period}?`, "alertdialog"),
    "button",
    "Close the period"
  );
}

describe("CloseView", () => {
  it("should close a period after asking, remember who, freeze it, and then warn when its inputs change", async () => {
    const user = userEvent.setup();
    const w = await workbook();
    const { host, wb } = w;
    await render(<CloseView />, w);
    const close = screen.getByRole("button", { name: "Close 2024-Q1" }) as HTMLButtonElement;
    expect(close.disabled).toBe(true); // nobody said who closes
    await user.type(screen.getByRole("textbox", { name: /Your name/ }), "Wang Fang");
    await user.click(await closeButton("2024-Q1"));
    const dialog = await findDialog("Close 2024-Q1?", "alertdialog");
    expect(dialog.textContent).toContain("24 salespeople");
    expect(dialog.textContent).toContain("1 cannot be scored");
    await user.click(inDialog(dialog, "button", "Close the period"));
    await screen.findByText(/2024-Q1 is closed: its scorecard is frozen on Scorecard 2024-Q1\./);
    expect(screen.getByText(/it now holds no period/)).toBeTruthy();
    expect(host.settings.get(CLOSED_BY_SETTING)).toBe("Wang Fang");
    const table = screen.getByRole("table", { name: "Close period" });
    const row = within(table).getByText("2024-Q1").closest("tr")!;
    expect(row.textContent).toContain("Closed by Wang Fang");
    expect(within(row).getByRole("button", { name: "Reopen 2024-Q1" })).toBeTruthy();
    expect(wb.byRole("closed_2024_q1" as never)!.name).toBe("Scorecard 2024-Q1");

    // a late correction on the Data sheet, then "Check closed periods"
    editData(wb, "S1003", "2024-02", "Collected (CNY)", "123456");
    editData(wb, "S1010", "2024-03", "Calls", "1");
    await user.click(screen.getByRole("button", { name: "Check closed periods" }));
    expect(
      await screen.findByText("Inputs of 2024-Q1 changed after close for S1003, S1010.")
    ).toBeTruthy();
  });

  it("should reopen only with a reason, record it, and compute and write the year to date", async () => {
    const user = userEvent.setup();
    const w = await workbook();
    await w.host.settings.set(CLOSED_BY_SETTING, "Wang Fang");
    await render(<CloseView />, w);
    await user.click(await closeButton("2024-Q1"));
    await user.click(await confirmClose("2024-Q1"));
    await screen.findByText(/2024-Q1 is closed/);

    // year to date from the closed quarter: paid = frozen, recomputed the same, no catch-up
    await user.click(screen.getByRole("button", { name: "Compute year to date" }));
    const ytd = await screen.findByRole("table", { name: "Year to date per salesperson" });
    const lines = within(ytd).getAllByRole("row").slice(1);
    expect(lines.length).toBe(24);
    for (const line of lines) {
      const cells = within(line).getAllByRole("cell");
      expect(cells[2].textContent === "0.00" || cells[2].textContent === "—").toBe(true);
    }
    await user.click(screen.getByRole("button", { name: "Write the Year to date sheet" }));
    await screen.findByText("Written to Year to date.");
    expect(w.wb.byRole("year_to_date")).toBeDefined();

    await user.click(screen.getByRole("button", { name: "Reopen 2024-Q1" }));
    const dialog = await findDialog("Reopen 2024-Q1?", "alertdialog");
    const confirm = inDialog(dialog, "button", "Reopen") as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    await user.type(inDialog(dialog, "textbox", /Reason/), "S1003 collections corrected");
    await user.click(confirm);
    await screen.findByText("2024-Q1 is open again (recorded in the Close log).");
    const log = w.wb.values(w.wb.byRole("close_log")!.id);
    expect(log.some((l) => l[2] === "reopened" && l[13] === "S1003 collections corrected")).toBe(
      true
    );
    expect(await screen.findByRole("button", { name: "Close 2024-Q1" })).toBeTruthy();
  });

  it("should leave closed periods out of Generate and warn there when their inputs changed", async () => {
    const user = userEvent.setup();
    const w = await workbook();
    await w.host.settings.set(CLOSED_BY_SETTING, "Wang Fang");
    const first = await render(<CloseView />, w);
    await user.click(await closeButton("2024-Q1"));
    await user.click(await confirmClose("2024-Q1"));
    await screen.findByText(/2024-Q1 is closed/);
    first.unmount();
    editData(w.wb, "S1003", "2024-02", "Collected (CNY)", "123456");
    await render(<GenerateView />, w);
    expect(
      await screen.findByText("Inputs of 2024-Q1 changed after close for S1003.")
    ).toBeTruthy();
    const option = screen.getByRole("option", { name: "2024-Q1 (closed)" }) as HTMLOptionElement;
    expect(option.disabled).toBe(true);
    expect(screen.getByText(/Closed periods are not generated again: 2024-Q1/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Generate scorecards" }));
    expect(await screen.findByText("No data rows for this period and group.")).toBeTruthy();
    expect(await w.host.scorecardPeriods()).toEqual([]);
  });

  it("should ask the Plan editor for a new version when the plan of a closed period changes", async () => {
    const user = userEvent.setup();
    const w = await workbook();
    await w.host.settings.set(CLOSED_BY_SETTING, "Wang Fang");
    const first = await render(<CloseView />, w);
    await user.click(await closeButton("2024-Q1"));
    await user.click(await confirmClose("2024-Q1"));
    await screen.findByText(/2024-Q1 is closed/);
    first.unmount();
    await render(<PlanView />, w);
    await user.click(screen.getByRole("button", { name: "Commission" }));
    const rate = screen.getByRole("textbox", { name: "Tier 3: rate" });
    await user.clear(rate);
    await user.type(rate, "6");
    expect(await screen.findByText(/2024-Q1 was closed with version 2024.1/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Plan" }));
    const version = screen.getByRole("textbox", { name: "Version" });
    await user.clear(version);
    await user.type(version, "2024.2");
    expect(screen.queryByText(/was closed with version/)).toBeNull();
  });

  it("should have no accessibility violations", async () => {
    const w = await workbook();
    const { container } = await render(<CloseView />, w);
    await screen.findByRole("table", { name: "Close period" });
    expect(await axe(container)).toHaveNoViolations();
  });
});

describe("StatementsView", () => {
  it("should write a whole team's statements in one action and list what the sheet holds, also after reopening the pane", async () => {
    const user = userEvent.setup();
    const w = await workbook();
    const first = await render(<StatementsView />, w);
    expect(await screen.findByText("No statements yet.")).toBeTruthy();
    const team = w.run.rows[0].team;
    const size = w.run.rows.filter((r) => r.team === team).length;
    await user.selectOptions(screen.getByRole("combobox", { name: "Team" }), team);
    await user.click(screen.getByRole("button", { name: `Write ${size} statements` }));
    await screen.findByText(
      `${size} statements added to Statements; the ones already there were kept.`
    );
    expect(await screen.findByText(`${size} statements on the sheet.`)).toBeTruthy();
    first.unmount();
    // a new pane: the sheet says what it holds; another team is added to it
    await render(<StatementsView />, w);
    expect(await screen.findByText(`${size} statements on the sheet.`)).toBeTruthy();
    const other = w.run.rows.find((r) => r.team !== team)!.team;
    const more = w.run.rows.filter((r) => r.team === other).length;
    await user.selectOptions(screen.getByRole("combobox", { name: "Team" }), other);
    await user.click(screen.getByRole("button", { name: `Write ${more} statements` }));
    expect(await screen.findByText(`${size + more} statements on the sheet.`)).toBeTruthy();
    const index = await w.host.readStatements();
    expect(new Set(index.map((e) => e.id)).size).toBe(size + more);
  });
});

/** @jest-environment jsdom */
import "./support/setup";
import * as React from "react";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe, toHaveNoViolations } from "jest-axe";
import { defaultPlan } from "../../src/engine";
import { DataView } from "../../src/taskpane/views/DataView";
import { MAPPING_SETTING } from "../../src/app/workflow";
import {
  fixtureTable,
  fixtureText,
  hostWithSampleData,
  memoryHost,
  type MemoryHost,
} from "./support/memoryHost";
import { appealsSheet, closedWithUpheldAppeal, signOffSheet, upheldAppeal } from "./support/review";
import { enabledButton, renderWithProviders } from "./support/renderWithProviders";

expect.extend(toHaveNoViolations);

function csvFile(): File {
  return new File([fixtureText()], "crm-export-2024Q1.csv", { type: "text/csv" });
}

function setup(): MemoryHost {
  return memoryHost({ plan: defaultPlan() });
}

function render(host: MemoryHost, language: "en-US" | "zh-CN" = "en-US") {
  return renderWithProviders(<DataView />, {
    host,
    language,
    initial: { workbook: { sheets: host.sheets, language }, plan: host.plan! },
  });
}

describe("DataView", () => {
  it("should read a CRM export and match every column by its header", async () => {
    const user = userEvent.setup();
    const host = setup();
    render(host);
    await user.upload(screen.getByLabelText("Choose CSV file…", { selector: "input" }), csvFile());
    await screen.findByText("crm-export-2024Q1.csv: 73 rows, 30 columns.");
    // every required column is found: the list stays folded until the user reviews it
    expect(screen.getByText("30 of 33 plan columns found in the file.")).toBeTruthy();
    expect(screen.queryByRole("combobox", { name: /Employee ID/ })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Review the columns" }));
    expect(
      (screen.getByRole("combobox", { name: /Employee ID/ }) as HTMLSelectElement)
        .selectedOptions[0].textContent
    ).toBe("员工编号");
    expect(
      (screen.getByRole("combobox", { name: /Renewal rate/ }) as HTMLSelectElement)
        .selectedOptions[0].textContent
    ).toBe("续约率");
    // optional columns the export lacks stay unmatched without blocking the import
    expect(
      (screen.getByRole("combobox", { name: /One-off adjustment/ }) as HTMLSelectElement).value
    ).toBe("");
    expect(
      (screen.getByRole("button", { name: "Import 73 rows" }) as HTMLButtonElement).disabled
    ).toBe(false);
  });

  it("should block the import while a required column is not matched", async () => {
    const user = userEvent.setup();
    const host = setup();
    render(host);
    await user.upload(screen.getByLabelText("Choose CSV file…", { selector: "input" }), csvFile());
    await user.click(await screen.findByRole("button", { name: "Review the columns" }));
    await user.selectOptions(screen.getByRole("combobox", { name: /Period/ }), "");
    expect(
      screen.getByText(
        "1 required column is not matched: Period. Choose its column below, or add it to the file."
      )
    ).toBeTruthy();
    expect(
      (screen.getByRole("button", { name: "Import 73 rows" }) as HTMLButtonElement).disabled
    ).toBe(true);
  });

  it("should import through the mapping, remember it, and list the problems located by cell", async () => {
    const user = userEvent.setup();
    const host = setup();
    render(host);
    await user.upload(screen.getByLabelText("Choose CSV file…", { selector: "input" }), csvFile());
    await user.click(await enabledButton("Import 73 rows"));
    await screen.findByText("Imported 73 rows into Data.");
    expect(host.calls.imports).toHaveLength(1);
    expect(host.calls.imports[0].mode).toBe("replace");
    const saved = JSON.parse(host.settingsData.get(MAPPING_SETTING)!);
    expect(saved.period).toBe("月份");
    expect(saved.retention_rate).toBe("续约率");

    // the Data sheet's check: "N/A" as a renewal rate, the "2024/3" row that is really February
    await screen.findByText(/71 salesperson-months read/);
    const problems = screen.getByRole("list", { name: "Problems" });
    const na = within(problems).getByText('"N/A" is not a number.').closest("li")!;
    expect(within(na).getByText("Data!N13 · Renewal rate")).toBeTruthy();
    await user.click(within(na).getByRole("button", { name: "Go to Data!N13" }));
    expect(host.calls.goTo).toEqual([
      expect.objectContaining({ sheet: "Data", row: 13, column: "N" }),
    ]);
    expect(
      within(problems).getByText(
        "Days in month is 29, but 2024-03 has 31 days: is the month right?"
      )
    ).toBeTruthy();
    expect(within(problems).getByText(/already has a row for 2024-03 \(row 42\)/)).toBeTruthy();
  });

  it("should use the remembered mapping for the next export whatever its column order", async () => {
    const user = userEvent.setup();
    const host = setup();
    // last time the user matched "Days worked" to a column the plan would not have guessed
    const table = fixtureTable();
    const renamed = table.header.map((h) => (h === "出勤天数" ? "实际出勤" : h));
    host.settingsData.set(MAPPING_SETTING, JSON.stringify({ days_worked: "实际出勤" }));
    const csv = [renamed, ...table.rows.slice(0, 3)]
      .map((r) => r.map((c) => `"${String(c ?? "")}"`).join(","))
      .join("\r\n");
    render(host);
    await user.upload(
      screen.getByLabelText("Choose CSV file…", { selector: "input" }),
      new File([csv], "renamed.csv")
    );
    await screen.findByText("Using the mapping you chose last time.");
    await user.click(screen.getByRole("button", { name: "Review the columns" }));
    expect(
      (screen.getByRole("combobox", { name: /Days worked/ }) as HTMLSelectElement)
        .selectedOptions[0].textContent
    ).toBe("实际出勤");
  });

  it("should import the selection of a sheet", async () => {
    const user = userEvent.setup();
    const host = setup();
    const t = fixtureTable("Export");
    host.selection = { ...t, rows: t.rows.slice(0, 5) };
    render(host);
    await user.click(screen.getByRole("button", { name: "Use the selection" }));
    await screen.findByText("Selection: 5 rows, 30 columns.");
    await user.click(screen.getByRole("radio", { name: "Keep them, add below" }));
    await user.click(await enabledButton("Import 5 rows"));
    await waitFor(() => expect(host.calls.imports[0]?.mode).toBe("append"));
  });

  it("should say what went wrong when the selection cannot be read", async () => {
    const user = userEvent.setup();
    const host = setup();
    render(host);
    await user.click(screen.getByRole("button", { name: "Use the selection" }));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "Select a header row and at least one data row."
    );
  });

  it("should check the Data sheet again after the user fixed a cell", async () => {
    const user = userEvent.setup();
    const host = setup();
    render(host);
    await user.upload(screen.getByLabelText("Choose CSV file…", { selector: "input" }), csvFile());
    await user.click(await enabledButton("Import 73 rows"));
    await screen.findByText(/already has a row for 2024-03/);
    // the user corrects the month of Data row 42 (really February) in the sheet
    const row = host.data!.rows[42 - 2];
    row[3] = "2024-02";
    await user.click(screen.getByRole("button", { name: "Check again" }));
    await waitFor(() => expect(screen.queryByText(/already has a row for 2024-03/)).toBeNull());
    expect(screen.queryByText(/but 2024-03 has 31 days/)).toBeNull();
  });

  it("should work in Chinese", async () => {
    const user = userEvent.setup();
    const host = setup();
    render(host, "zh-CN");
    await user.upload(screen.getByLabelText("选择 CSV 文件…", { selector: "input" }), csvFile());
    await screen.findByRole("heading", { name: "对应列" });
    await user.click(await enabledButton("导入 73 行"));
    await screen.findByText("已将 73 行导入“Data”。");
    expect(await screen.findByText("“N/A”不是数字。")).toBeTruthy();
    expect(screen.getByRole("button", { name: "定位到 Data!N13" })).toBeTruthy();
  });

  it("should list the Appeals and Sign-off sheets' problems in the check, by cell (en-US)", async () => {
    const user = userEvent.setup();
    const host = hostWithSampleData();
    host.appeals = appealsSheet([upheldAppeal("five hundred")]);
    host.signOff = signOffSheet([["2024-Q1", "Boss", "Wang", "2024-04-08"]]);
    render(host);
    await user.click(await enabledButton("Check the Data sheet"));
    const list = await screen.findByRole("list", { name: "Problems" });
    expect(
      within(list).getByText(
        '"five hundred" is not an amount: type the effect on pay as a number (e.g. 500 or -200), so that the Scorecard adds it.'
      )
    ).toBeTruthy();
    expect(within(list).getByRole("button", { name: "Go to Appeals!I2" })).toBeTruthy();
    expect(
      within(list).getByText(
        '"Boss" is not a sign-off role; choose Sales manager (销售经理), HR (人力资源), Finance (财务).'
      )
    ).toBeTruthy();
    expect(within(list).getByRole("button", { name: "Go to Sign-off!B2" })).toBeTruthy();
  });

  it("should name in the check an appeal upheld on the sheet for a closed period (zh-CN)", async () => {
    const user = userEvent.setup();
    const host = await closedWithUpheldAppeal("zh-CN");
    render(host, "zh-CN");
    await user.click(await enabledButton("检查数据工作表"));
    const list = await screen.findByRole("list", { name: "问题" });
    expect(
      within(list).getByText(
        "2024-Q1 已结账：申诉成立后，需先在结账页面重新打开该期间并重新生成，才会调整薪酬。"
      )
    ).toBeTruthy();
    expect(within(list).getByRole("button", { name: "定位到 绩效申诉!G2" })).toBeTruthy();
  });

  it("should have no accessibility violations during mapping and after the check", async () => {
    const user = userEvent.setup();
    const host = setup();
    const { container } = render(host);
    await user.upload(screen.getByLabelText("Choose CSV file…", { selector: "input" }), csvFile());
    await screen.findByRole("heading", { name: "Match the columns" });
    await user.click(screen.getByRole("button", { name: "Review the columns" }));
    expect(await axe(container)).toHaveNoViolations();
    await user.click(await enabledButton("Import 73 rows"));
    await screen.findByText(/salesperson-months read/);
    expect(await axe(container)).toHaveNoViolations();
  });
});

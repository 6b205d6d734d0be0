/** @jest-environment jsdom */
import "./support/setup";
import * as React from "react";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe, toHaveNoViolations } from "jest-axe";
import iconv from "iconv-lite";
import { evaluate, readDataTable } from "../../src/engine";
import { parseRecords } from "../../src/engine/import/csv";
import { payrollMoney } from "../../src/engine/export/payrollCsv";
import { readFileBytes } from "../../src/app/planFile";
import { PAYROLL_MAPPING_SETTING, payrollFromFragment } from "../../src/app/payrollExport";
import { payrollTable } from "../../src/workbook/payrollTable";
import { PayrollView } from "../../src/taskpane/views/PayrollView";
import { hostWithSampleData, type MemoryHost } from "./support/memoryHost";
import { renderWithProviders } from "./support/renderWithProviders";

expect.extend(toHaveNoViolations);

/** Downloads the pane starts: file name → the Blob it saved. */
function downloads() {
  const saved = new Map<string, Blob>();
  const blobs = new Map<string, Blob>();
  let n = 0;
  URL.createObjectURL = (b: Blob) => {
    const url = `blob:pane/${++n}`;
    blobs.set(url, b);
    return url;
  };
  URL.revokeObjectURL = () => undefined;
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
    this: HTMLAnchorElement
  ) {
    if (this.download) saved.set(this.download, blobs.get(this.href)!);
  });
  return saved;
}

afterEach(() => jest.restoreAllMocks());

/** The engine's pay list of the sample, computed here without the pane. */
function engineLines(host: MemoryHost, month: string) {
  const rows = readDataTable(host.data!, host.plan!).rows;
  const table = payrollTable(evaluate(host.plan!, rows));
  return table.records.filter((r) => r.month === month);
}

function view(host: MemoryHost, language: "en-US" | "zh-CN" = "en-US") {
  return renderWithProviders(<PayrollView />, {
    host,
    language,
    initial: { workbook: { sheets: host.sheets, language }, plan: host.plan! },
  });
}

describe("PayrollView", () => {
  it("should export a month's pay list in GB18030 under the mapping the user set, as the engine computed it", async () => {
    const user = userEvent.setup();
    const saved = downloads();
    const host = hostWithSampleData();
    host.platformName = "PC";
    const { container } = view(host);
    const month = await screen.findByRole("combobox", { name: "Pay month" });
    await waitFor(() =>
      expect([...(month as HTMLSelectElement).options].map((o) => o.value)).toEqual([
        "",
        "2024-01",
        "2024-02",
        "2024-03",
      ])
    );
    expect((month as HTMLSelectElement).value).toBe("2024-03");
    // February: every line computable (March holds two people the data blocks, tested below)
    await user.selectOptions(month, "2024-02");
    await user.selectOptions(screen.getByRole("combobox", { name: "Encoding" }), "gb18030");
    await user.click(screen.getByRole("checkbox", { name: "Include Team" }));
    const id = screen.getByRole("textbox", { name: "Header for Employee ID" });
    await user.clear(id);
    await user.type(id, "EMP_NO");
    // gross pay, second in the pay list, goes last
    for (let k = 0; k < 20; k++) {
      const down = screen.getByRole("button", { name: "Move Gross pay down" });
      if ((down as HTMLButtonElement).disabled) break;
      await user.click(down);
    }
    await user.click(screen.getByRole("button", { name: "Export CSV" }));
    await screen.findByText("payroll-2024-02.csv was saved.");

    const bytes = await readFileBytes(saved.get("payroll-2024-02.csv")!);
    const records = parseRecords(iconv.decode(Buffer.from(bytes), "gb18030")).records;
    const header = records[0];
    expect(header[0]).toBe("EMP_NO");
    expect(header).not.toContain("Team");
    expect(header[header.length - 1]).toBe("Gross pay");
    const lines = engineLines(host, "2024-02");
    expect(records.length).toBe(1 + lines.length);
    lines.forEach((line, i) => {
      const got = records[i + 1];
      expect(got[0]).toBe(line.id);
      expect(got[1]).toBe(line.name);
      expect(got[2]).toBe("2024-02");
      expect(got[got.length - 1]).toBe(payrollMoney(line.gross as number));
      expect(got[header.indexOf("Base pay")]).toBe(payrollMoney(line.base as number));
    });
    expect(JSON.parse(host.settingsData.get(PAYROLL_MAPPING_SETTING)!).encoding).toBe("gb18030");
    expect(await axe(container)).toHaveNoViolations();
  });

  it("should use the mapping the workbook remembers", async () => {
    const host = hostWithSampleData();
    await host.settings.set(
      PAYROLL_MAPPING_SETTING,
      JSON.stringify({
        encoding: "utf-8-bom",
        columns: [
          { field: "gross", header: "应发" },
          { field: "id", header: "工号" },
        ],
      })
    );
    view(host, "zh-CN");
    await screen.findByText("已使用本工作簿保存的列映射。");
    expect(
      (screen.getByRole("textbox", { name: "“员工编号”的列名" }) as HTMLInputElement).value
    ).toBe("工号");
    expect((screen.getByRole("checkbox", { name: "导出“姓名”" }) as HTMLInputElement).checked).toBe(
      false
    );
    expect((screen.getByRole("combobox", { name: "编码" }) as HTMLSelectElement).value).toBe(
      "utf-8-bom"
    );
  });

  it("should make no file while a line cannot be computed, and name each one", async () => {
    const user = userEvent.setup();
    const saved = downloads();
    const host = hostWithSampleData();
    host.platformName = "PC";
    view(host);
    await user.click(await screen.findByRole("button", { name: "Export CSV" }));
    await screen.findByText("The file was not made:");
    expect(saved.size).toBe(0);
    const list = screen.getByRole("list", { name: "Problems of the export" });
    const text = list.textContent ?? "";
    // S1017 has two different rows for March, S1012's renewal rate cannot be read (its quarter's
    // performance pay, paid in March, cannot be computed)
    expect(text).toContain("S1017 2024-03: Base pay has no value");
    expect(text).toContain("S1012 2024-03: Performance pay paid has no value");
    expect(text).not.toMatch(/S10(0\d|1[013-689]|2\d) 2024-03/);
  });

  it("should, on Mac, open the file in the system browser to save it there", async () => {
    const user = userEvent.setup();
    const saved = downloads();
    const host = hostWithSampleData();
    host.platformName = "Mac";
    host.browser = true;
    view(host);
    await user.selectOptions(await screen.findByRole("combobox", { name: "Pay month" }), "2024-01");
    await user.click(screen.getByRole("button", { name: "Export CSV" }));
    await screen.findByText(/payroll-2024-01\.csv opens in your browser/);
    expect(saved.size).toBe(0);
    const file = payrollFromFragment(new URL(host.opened[0]).hash)!;
    expect(file.name).toBe("payroll-2024-01.csv");
    expect(Array.from(file.bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(file.bytes.slice(3));
    expect(text.split("\r\n")[0]).toBe(
      "Employee ID,Name,Team,Month,Gross pay,Base pay,Performance pay paid,Commission this month,Clawed back,Deferred to year end (not paid),Annual bonus,Deferred commission settled,Adjustments"
    );
  });
});

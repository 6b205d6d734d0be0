/** @jest-environment jsdom */
/**
 * The Data view's import with files as Chinese offices produce them (samples/): a GB18030 export
 * with title lines, subtotal and total rows; 360 ratings on a 5-point scale; columns that could
 * be one another; a decimal-comma file; a workbook chosen by mistake. In both languages.
 */
import "./support/setup";
import * as React from "react";
import { readFileSync } from "fs";
import { join } from "path";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe, toHaveNoViolations } from "jest-axe";
import { defaultPlan, mapColumns, type CellTable, type Language } from "../../src/engine";
import { importRows } from "../../src/app/imports";
import { DataView } from "../../src/taskpane/views/DataView";
import { memoryHost, type MemoryHost } from "./support/memoryHost";
import { enabledButton, renderWithProviders } from "./support/renderWithProviders";

expect.extend(toHaveNoViolations);

/** The samples of shared/samples/, kept byte for byte with the tests (see test/fixtures/README.md). */
const SAMPLES = join(__dirname, "..", "fixtures");
const sampleFile = (name: string) => new File([readFileSync(join(SAMPLES, name))], name);

function render(host: MemoryHost, language: Language) {
  return renderWithProviders(<DataView />, {
    host,
    language,
    initial: { workbook: { sheets: host.sheets, language }, plan: host.plan! },
  });
}

const chooseCsv = (language: Language) =>
  screen.getByLabelText(language === "zh-CN" ? "选择 CSV 文件…" : "Choose CSV file…", {
    selector: "input",
  });

describe("DataView: the GB18030 export as Excel on Chinese Windows saves it", () => {
  it("should read every person exactly, leave out the subtotal and total rows, and say the encoding (zh-CN)", async () => {
    const user = userEvent.setup();
    const host = memoryHost({ plan: defaultPlan() });
    render(host, "zh-CN");
    await user.upload(chooseCsv("zh-CN"), sampleFile("crm-export-2024Q2-gbk.csv"));
    await screen.findByText("crm-export-2024Q2-gbk.csv：77 行，30 列。");
    // the preview is worked out off the pane's thread: it follows the mapping
    expect(
      await screen.findByText("将读取 72 条人员月度数据。5 行合计/小计行将略去。")
    ).toBeTruthy();
    const report = screen.getByRole("list", { name: "导入检查结果" });
    expect(within(report).getByText(/已按 GB18030 \(GBK\) 编码读取/)).toBeTruthy();
    expect(within(report).getByText(/表头上方的 2 行已跳过/)).toBeTruthy();
    expect(
      within(report).getByText("合计/小计行（“华东一部 小计”）已略去：它不是销售人员。")
    ).toBeTruthy();
    await user.click(await enabledButton("导入 72 行"));
    await screen.findByText("已将 72 行导入“Data”。");
    const rows = host.data!.rows;
    expect(rows).toHaveLength(72);
    // 24 people with 24 names, none of them garbage (they once all became "���" and merged)
    expect(new Set(rows.map((r) => r[0])).size).toBe(24);
    expect(new Set(rows.map((r) => r[1])).size).toBe(24);
    expect(rows.every((r) => /^[\u4e00-\u9fff]{2,3}$/.test(String(r[1])))).toBe(true);
    expect(rows.filter((r) => r[0] === "S1001").map((r) => r[1])).toEqual(["郭军", "郭军", "郭军"]);
    const s1007 = rows.find((r) => r[0] === "S1007" && r[3] === "2024-05")!;
    const col = (key: string) => 4 + defaultPlan().fields.findIndex((f) => f.key === key);
    expect(s1007[col("retention_rate")]).toBe(1.35);
    expect(s1007[col("sales_amount")]).toBe(303067.06);
  });

  it("should say the same in English", async () => {
    const user = userEvent.setup();
    const host = memoryHost({ plan: defaultPlan() });
    render(host, "en-US");
    await user.upload(chooseCsv("en-US"), sampleFile("crm-export-2024Q2-gbk.csv"));
    await screen.findByText(
      "72 salesperson-months will be read. 5 total or subtotal rows are left out."
    );
    expect(screen.getByText(/Read as GB18030 \(GBK\) \(not valid UTF-8;/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Import 72 rows" })).toBeTruthy();
  });
});

describe("DataView: what cannot be imported as it is", () => {
  it("should refuse a workbook chosen instead of a CSV, and say why", async () => {
    // the file picker's "All files" lets a workbook through
    const user = userEvent.setup({ applyAccept: false });
    const host = memoryHost({ plan: defaultPlan() });
    render(host, "en-US");
    const xlsx = new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])], "crm.xlsx");
    await user.upload(chooseCsv("en-US"), xlsx);
    expect((await screen.findByRole("alert")).textContent).toBe("crm.xlsx cannot be imported:");
    expect(
      screen.getByText(/This is an Excel workbook \(\.xlsx\), not a CSV file: open it in Excel/)
    ).toBeTruthy();
    expect(screen.queryByRole("button", { name: /^Import/ })).toBeNull();
  });

  it("should open the mapping when two columns could be the signed amount, and wait for a choice", async () => {
    const user = userEvent.setup();
    const host = memoryHost({ plan: defaultPlan() });
    render(host, "en-US");
    // every plan column, and the signed amount twice: 签约金额(元) and 销售额 (an alias of it)
    const plan = defaultPlan();
    const header = [
      "员工编号",
      "姓名",
      "部门",
      "月份",
      ...plan.fields.map((f) => f.name.zh),
      "销售额",
    ];
    const values = [
      "S1001",
      "王伟",
      "华东一部",
      "2024-04",
      ...plan.fields.map((f) => (f.key === "sales_amount" ? "100" : "")),
      "200",
    ];
    const csv = `${header.join(",")}\r\n${values.join(",")}\r\n`;
    await user.upload(chooseCsv("en-US"), new File([csv], "two.csv"));
    await screen.findByText(
      "One plan column matches more than one column of the file: choose it below before importing."
    );
    const button = screen.getByRole("button", { name: "Import 1 rows" }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    const select = screen.getByRole("combobox", { name: /^Signed amount \(CNY\)/ });
    expect(screen.getByText("Several columns match (E, AH): choose one")).toBeTruthy();
    await user.selectOptions(select, "销售额");
    await waitFor(() => expect(button.disabled).toBe(false));
    await user.click(button);
    await screen.findByText("Imported 1 rows into Data.");
    const col = 4 + plan.fields.findIndex((f) => f.key === "sales_amount");
    expect(host.data!.rows[0][col]).toBe(200);
  });

  it("should read a semicolon file from a decimal-comma office as it means it, and say so (zh-CN)", async () => {
    const user = userEvent.setup();
    const host = memoryHost({ plan: defaultPlan() });
    render(host, "zh-CN");
    // every plan column (the others blank), the two under test filled as the office wrote them
    const plan = defaultPlan();
    const line = (id: string, salary: string, renewal: string) =>
      [id, "王伟", "华东一部", "2024-04"].concat(
        plan.fields.map((f) =>
          f.key === "base_salary" ? salary : f.key === "retention_rate" ? renewal : ""
        )
      );
    const header = ["员工编号", "姓名", "部门", "月份", ...plan.fields.map((f) => f.name.zh)];
    const csv = [header, line("S1001", "7.000", "85"), line("S1002", "8.500", "1,5")]
      .map((l) => l.join(";"))
      .join("\n");
    await user.upload(chooseCsv("zh-CN"), new File([csv], "eu.csv"));
    await screen.findByText("eu.csv：2 行，33 列。");
    const report = await screen.findByRole("list", { name: "导入检查结果" });
    expect(within(report).getByText(/续约率中的百分数写成了普通数字/)).toBeTruthy();
    expect(
      within(report).getByText(/“1,5”所在列的百分数写成了普通数字：它是 1,5% 还是 150%？/)
    ).toBeTruthy();
    // the file-wide notes come after the rows' warnings: show the notes only
    await user.click(
      within(screen.getByRole("group", { name: "显示" })).getByRole("button", { name: /^提示/ })
    );
    expect(
      within(report).getByText(
        /本文件的数字以“,”作小数点、以“\.”作千位分隔（根据“1,5”等 1 个单元格判断）/
      )
    ).toBeTruthy();
    await user.click(await enabledButton("导入 2 行"));
    await screen.findByText("已将 2 行导入“Data”。");
    const col = (key: string) => 4 + plan.fields.findIndex((f) => f.key === key);
    expect(host.data!.rows.map((r) => [r[col("base_salary")], r[col("retention_rate")]])).toEqual([
      [7000, 0.85],
      [8500, "1,5"],
    ]);
  });
});

/** A memory host whose Data sheet holds the 2024-Q2 sample (so the 360 file's people are known). */
async function hostWithQ2(): Promise<MemoryHost> {
  const plan = defaultPlan();
  const host = memoryHost({ plan });
  const { readCsvFile, dataHeaderSpec } = await import("../../src/engine");
  const r = await readCsvFile(
    new Uint8Array(readFileSync(join(SAMPLES, "crm-export-2024Q2-gbk.csv"))),
    "q2.csv",
    dataHeaderSpec(plan)
  );
  if (!r.ok) throw new Error("sample unreadable");
  const table: CellTable = r.table;
  const header = host.data!.header;
  host.data = {
    ...host.data!,
    rows: importRows(table, mapColumns(table, plan).mapping, header, plan).rows,
  };
  return host;
}

describe("DataView: 360 ratings on a 5-point scale", () => {
  it("should never take them as points out of 100: it states the conversion and imports after the choice (zh-CN)", async () => {
    const user = userEvent.setup();
    const host = await hostWithQ2();
    render(host, "zh-CN");
    await user.upload(
      screen.getByLabelText("选择评价文件…", { selector: "input" }),
      sampleFile("feedback-2024Q2.csv")
    );
    await screen.findByText(
      "这些评分是 5 分制，而方案按 100 分制评分。评分绝不会按原样使用：请说明文件采用的分制，评分将换算为方案的分制。"
    );
    const scale = screen.getByRole("combobox", { name: /文件中的评分分制/ }) as HTMLSelectElement;
    expect(scale.value).toBe("5");
    expect(screen.getByText("每个评分 × 20 换算为方案的 100 分制（如 4.2 → 84）。")).toBeTruthy();
    expect(
      screen.getByText(/华南部经理在第 10 行给 S1003（2024-Q2）的评分为 90，此处为 80/)
    ).toBeTruthy();
    // every rating of the file lands on the 360 sheet, S1003's two disagreeing rows too (the
    // sheet's check names them again until one is removed); the scores use none of S1003's
    await user.click(screen.getByRole("button", { name: "导入 97 条评分" }));
    await screen.findByText("已将 97 条评分导入“Feedback”。");
    const fb = host.feedback!.rows;
    expect(fb).toHaveLength(97);
    expect(fb[0]).toEqual(["S1001", "2024-Q2", "superior", 84, "华东一部经理"]);
    expect(fb.filter((r) => r[0] === "S1003" && r[2] === "superior").map((r) => r[3])).toEqual([
      90, 80,
    ]);
    await screen.findByText(/华南部经理在第 10 行给 S1003（2024-Q2）的评分为 90，此处为 80/);
  });

  it("should say the conversion in English and convert from the scale the user states", async () => {
    const user = userEvent.setup();
    const host = await hostWithQ2();
    const { container } = render(host, "en-US");
    await user.upload(
      screen.getByLabelText("Choose ratings file…", { selector: "input" }),
      sampleFile("feedback-2024Q2.csv")
    );
    const scale = await screen.findByRole("combobox", { name: /The file's ratings are out of/ });
    await user.selectOptions(scale, "10");
    await screen.findByText(
      "Each rating is converted × 10 to the plan's 100-point scale (e.g. 4.2 → 42)."
    );
    expect(await axe(container)).toHaveNoViolations();
    await user.click(screen.getByRole("button", { name: "Import 97 ratings" }));
    await screen.findByText("Imported 97 ratings into Feedback.");
    expect(host.feedback!.rows[0][3]).toBe(42);
  });
});

/**
 * End to end, on the browser preview (headless Chromium): the seed's review cycle for one quarter,
 * in Chinese as HR runs it. The plan workbook is created and the sample CRM export imported (with
 * the February row fixed, as the data check asks); then target letters (目标责任书) for 2024-Q1,
 * February's tracking (月度跟踪) with a feedback note that a second write keeps, the scorecards, an
 * appeal upheld with a pay adjustment (绩效申诉), a Close that is refused until the sales manager,
 * HR and finance have signed off (绩效审批), the close, and the statement that shows the
 * adjustment. Every number checked is the engine's, read from the preview workbook whose formulas
 * HyperFormula evaluated; axe finds no serious violation at any step; screenshots go to
 * artifacts/screenshots/.
 */
import * as fs from "fs";
import type { Locator, Page } from "playwright-core";
import {
  defaultPlan,
  evaluate,
  parseCsv,
  mapColumns,
  readDataTable,
  scorecardRows,
  targetLetter,
} from "../../src/engine";
import { trackMonth } from "../../src/engine/evaluate/tracking";
import { FIXTURE_CSV } from "../taskpane/support/memoryHost";
import { hasChromium, inCI, openPreview, servedBuild } from "./support/browser";
import { expectAccessible, openView } from "./support/pane";
import { sheetValues, type Cells } from "./support/preview";

const describeInBrowser = hasChromium || inCI ? describe : describe.skip;

/** The sample's data rows with the user's fix (the "2024/3" row is February). */
function engineRows() {
  const table = parseCsv(fs.readFileSync(FIXTURE_CSV, "utf8"), "crm.csv");
  const plan = defaultPlan();
  const { mapping } = mapColumns(table, plan);
  table.rows.find((r) => r[mapping.period] === "2024/3")![mapping.period] = "2024-02";
  return readDataTable(table, plan).rows;
}

/** The row of a sheet's values whose first cells hold `id` (and `more`), below its header. */
function rowOf(values: Cells, header: number, id: string, column = 0): (typeof values)[number] {
  const row = values.find((v, i) => i > header && v[column] === id);
  if (!row) throw new Error(`no row for ${id}`);
  return row;
}

/** The data check names the "2024/3" row that is February: go there and write the month. */
async function fixFebruaryRow(page: Page, pane: Locator): Promise<void> {
  const problems = pane.getByRole("list", { name: "问题" });
  const days = problems.locator("li", { hasText: "当月天数为 29，但 2024-03 有 31 天" });
  await days.waitFor();
  const where = (await days.locator("span").first().textContent()) ?? "";
  const row = Number(/!([A-Z]+)(\d+)/.exec(where)![2]);
  await days.getByRole("button", { name: /定位到/ }).click();
  await page.locator(`[data-cell="D${row}"]`).click();
  await page.keyboard.type("2024-02");
  await page.keyboard.press("Enter");
  await pane.getByRole("button", { name: "重新检查" }).click();
  await days.waitFor({ state: "detached" });
}

async function generate(pane: Locator): Promise<void> {
  await openView(pane, "生成");
  await pane.getByRole("button", { name: "生成评分卡" }).click();
  await pane.getByText(/^已写入：评分卡/).waitFor({ timeout: 60_000 });
}

describeInBrowser("the review cycle, end to end (headless Chromium)", () => {
  const served = servedBuild();

  it("should walk target letters → a month's tracking → generate → an appeal upheld → sign-off → close → the statement with the adjustment", async () => {
    const { context, page, pane, errors, shot } = await openPreview(served, "lang=zh-CN");
    const plan = defaultPlan();
    const rows = engineRows();

    // the plan workbook, with the review cycle's input sheets, and the quarter's data
    await pane.getByRole("button", { name: "创建方案工作簿" }).click();
    await pane
      .getByText("已创建：使用说明、方案、数据、360评价、历年评级、绩效申诉、绩效审批。")
      .waitFor();
    await pane.getByRole("button", { name: "下一步：导入数据" }).click();
    await pane.locator('input[type=file][aria-label="选择 CSV 文件…"]').setInputFiles(FIXTURE_CSV);
    await pane.getByRole("button", { name: "导入 73 行" }).click();
    await fixFebruaryRow(page, pane);

    // 1. target letters (目标责任书) for 2024-Q1: the pay at 100% attainment is the engine's
    await openView(pane, "目标责任书");
    await pane.getByRole("button", { name: /^生成 \d+ 份目标责任书$/ }).click();
    await pane
      .getByText(/份目标责任书，其他责任书及已签字内容保持不变/)
      .waitFor({ timeout: 60_000 });
    await shot("20-target-letters.png");
    await expectAccessible(page, "target letters");
    const letter = targetLetter(plan, rows, "S1001", "2024-Q1").letter!;
    const at100 = letter.scenarios.find((s) => s.attainment === 1)!;
    const letters = await sheetValues(page, "target_letters");
    const flat = letters.values.flat();
    expect(flat.some((c) => typeof c === "string" && c.includes("郭军"))).toBe(true);
    expect(flat).toContain(at100.pay);

    // 2. February's tracking (月度跟踪): the projection is the engine's; the note survives a rewrite
    await openView(pane, "月度跟踪");
    await pane.getByRole("combobox", { name: "月份" }).selectOption("2024-02");
    const note = "本月签约进度偏慢，已约定每周复盘重点客户";
    await pane.getByRole("textbox", { name: "郭军 的反馈记录" }).fill(note);
    await pane.getByRole("button", { name: "生成月度跟踪表" }).click();
    await pane.getByText(/^已写入 月度跟踪/).waitFor({ timeout: 60_000 });
    await shot("21-tracking.png");
    await expectAccessible(page, "tracking");
    const tracked = trackMonth(evaluate(plan, rows), "2024-02")!;
    const expected = tracked.rows.find((r) => r.id === "S1001")!;
    let tracking = await sheetValues(page, "tracking");
    let th = tracking.values.findIndex((r) => r.includes("员工编号"));
    const projectedCol = tracking.values[th].findIndex(
      (h) => typeof h === "string" && h === "预计总分"
    );
    expect(projectedCol).toBeGreaterThan(0);
    expect(rowOf(tracking.values, th, "S1001")[projectedCol]).toBeCloseTo(
      expected.projectedTotal,
      9
    );
    expect(rowOf(tracking.values, th, "S1001")).toContain(note);
    await pane.getByRole("button", { name: "生成月度跟踪表" }).click();
    await pane.getByText(/^已写入 月度跟踪/).waitFor({ timeout: 60_000 });
    tracking = await sheetValues(page, "tracking");
    th = tracking.values.findIndex((r) => r.includes("员工编号"));
    expect(rowOf(tracking.values, th, "S1001")).toContain(note);

    // 3. the scorecards
    await generate(pane);
    const before = scorecardRows(evaluate(plan, rows));
    const s1001 = before.find((r) => r.id === "S1001")!;

    // 4. an appeal (绩效申诉), logged and upheld with ¥500 made up
    await openView(pane, "申诉审批");
    await pane.getByRole("combobox", { name: "考核期间" }).selectOption("2024-Q1");
    await pane.getByRole("combobox", { name: "销售人员" }).selectOption("S1001");
    await pane.getByRole("textbox", { name: "申诉事项" }).fill("新签客户数");
    await pane.getByRole("textbox", { name: "申诉理由" }).fill("2 月签约的一位新客户未录入 CRM");
    await pane.getByRole("button", { name: "登记申诉" }).click();
    await pane.getByText(/申诉 2024-Q1-01 已登记到/).waitFor();
    await pane
      .getByRole("list", { name: "2024-Q1 的申诉" })
      .getByRole("button", { name: "处理" })
      .click();
    const decide = page.getByRole("dialog");
    await decide.getByRole("combobox", { name: "处理状态" }).selectOption("upheld");
    await decide
      .getByRole("textbox", { name: "处理结果" })
      .fill("核实合同后补记该客户，补发绩效工资");
    await decide.getByRole("textbox", { name: /薪酬调整/ }).fill("500");
    await decide.getByRole("textbox", { name: "审批人" }).fill("王经理");
    await decide.getByRole("button", { name: "保存处理结果" }).click();
    await pane.getByText("申诉 2024-Q1-01 已处理。").waitFor();
    await shot("22-appeal-upheld.png");
    await expectAccessible(page, "appeal upheld");

    // 5. Close is refused while the quarter is not signed off
    await openView(pane, "结账");
    await pane.getByRole("textbox", { name: /您的姓名/ }).fill("王芳");
    await pane.getByRole("button", { name: "结账 2024-Q1" }).click();
    const refused = page.getByRole("alertdialog");
    await refused.getByText("2024-Q1 尚未完成审批").waitFor();
    await shot("23-close-refused.png");
    await refused.getByRole("button", { name: "取消" }).click();

    // 6. the sales manager, HR and finance sign 2024-Q1 off (绩效审批)
    await openView(pane, "申诉审批");
    await pane.getByRole("combobox", { name: "考核期间" }).selectOption("2024-Q1");
    for (const [role, name] of [
      ["manager", "王经理"],
      ["hr", "李娜"],
      ["finance", "赵会计"],
    ]) {
      await pane.getByRole("combobox", { name: "审批角色" }).selectOption(role);
      await pane.getByRole("textbox", { name: "签字人" }).fill(name);
      await pane.getByRole("button", { name: "记录审批" }).click();
      await pane.getByText(new RegExp(`已记录.+的审批。`)).waitFor();
    }
    await pane.getByText("各角色均已审批：可以结账。").waitFor();
    await shot("24-signed-off.png");

    // 7. generate again: the upheld appeal reaches S1001's pay, and only theirs
    await generate(pane);
    const sc = await sheetValues(page, "scorecard");
    const h = sc.values.findIndex((r) => r.includes("员工编号"));
    const payCol = sc.values[h].indexOf("应发合计(元)");
    expect(rowOf(sc.values, h, "S1001")[payCol]).toBeCloseTo(s1001.totalPay! + 500, 2);
    for (const r of before.filter((x) => x.id !== "S1001" && x.totalPay !== null))
      expect(rowOf(sc.values, h, r.id)[payCol]).toBeCloseTo(r.totalPay!, 2);

    // 8. close 2024-Q1, signed off: the frozen scorecard keeps the adjustment
    await openView(pane, "结账");
    await pane.getByRole("button", { name: "结账 2024-Q1" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "确认结账" }).click();
    await pane.getByText(/^2024-Q1 已结账/).waitFor({ timeout: 60_000 });
    await shot("25-closed.png");
    const frozen = await sheetValues(page, "closed_2024_q1");
    const fh = frozen.values.findIndex((r) => r.includes("员工编号"));
    const fPay = frozen.values[fh].indexOf("应发合计(元)");
    expect(rowOf(frozen.values, fh, "S1001")[fPay]).toBeCloseTo(s1001.totalPay! + 500, 2);

    // 9. S1001's statement (绩效结果通知单) shows the adjustment and the appeal behind it
    await openView(pane, "通知单");
    await pane.getByRole("combobox", { name: "部门" }).selectOption(s1001.team);
    await pane.getByRole("button", { name: /^生成 \d+ 份通知单$/ }).click();
    await pane.getByText(/份通知单，原有的通知单保持不变/).waitFor({ timeout: 60_000 });
    await shot("26-statement-appeal.png");
    await expectAccessible(page, "statement");
    const statement = (await sheetValues(page, "statements")).values;
    const start = statement.findIndex((r) =>
      r.some((c) => typeof c === "string" && c.includes("郭军"))
    );
    const block = statement.slice(start, start + 120).flat();
    expect(block.some((c) => typeof c === "string" && c.includes("申诉调整"))).toBe(true);
    expect(block.some((c) => typeof c === "string" && c.includes("2024-Q1-01"))).toBe(true);
    expect(block).toContain(500);
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);
});

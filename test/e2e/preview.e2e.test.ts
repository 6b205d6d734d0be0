/**
 * End to end, on the browser preview (a development build, headless Chromium): a new HR user
 * creates the plan workbook, imports the sample CRM export, fixes the row the data check reports
 * (the "2024/3" row that is really February), generates the scorecards, opens one salesperson's
 * explanation and writes their statement; then asks what raising the top commission tier from 5%
 * to 6% would cost, closes 2024-Q1, applies the raise, and corrects a number the closed quarter
 * used. The test reads the preview workbook's cells — computed by HyperFormula from the formulas
 * the add-in wrote — and checks every total score and every total pay against the engine, the
 * what-if's cost against recomputing, and the frozen quarter against the engine before and after
 * the plan changed. axe finds no serious violation at any step; a screenshot of each step goes to
 * artifacts/screenshots/.
 */
import * as fs from "fs";
import * as path from "path";

import {
  columnLetter,
  dataHeaderSpec,
  defaultPlan,
  evaluate,
  FEEDBACK_HEADER_SPEC,
  mapColumns,
  parseCsv,
  readCsvFile,
  readDataTable,
  readFeedbackTable,
  scorecardRows,
} from "../../src/engine";
import { FIXTURE_CSV } from "../taskpane/support/memoryHost";
import { hasChromium, inCI, openPreview, SCREENSHOTS, servedBuild } from "./support/browser";
import { expectAccessible, expectLocator, openView } from "./support/pane";
import { sheetValues } from "./support/preview";

const describeInBrowser = hasChromium || inCI ? describe : describe.skip;
/** The samples of shared/samples/, kept byte for byte with the tests (see test/fixtures/README.md). */
const SAMPLES = path.join(__dirname, "..", "fixtures");

/** The sample's data rows with the same fix the user makes (row "2024/3" is February). */
function engineData() {
  const table = parseCsv(fs.readFileSync(FIXTURE_CSV, "utf8"), "crm.csv");
  const plan = defaultPlan();
  const { mapping } = mapColumns(table, plan);
  const fixed = table.rows.find((r) => r[mapping.period] === "2024/3")!;
  fixed[mapping.period] = "2024-02";
  return readDataTable(table, plan).rows;
}

/** The engine's scorecard for the sample with the user's fix. */
function engineScorecard() {
  return scorecardRows(evaluate(defaultPlan(), engineData()));
}

describeInBrowser("preview, end to end (headless Chromium)", () => {
  const served = servedBuild();

  it("should take a new user from an empty workbook to scorecards and a statement, with Excel's numbers", async () => {
    const { context, page, pane, errors, shot } = await openPreview(served, "lang=zh-CN");
    await shot("01-start.png");
    await expectAccessible(page, "start", "page"); // the preview page itself, grid included

    // 1. create the plan workbook (the default plan, in Chinese as Office speaks it)
    await pane.getByRole("button", { name: "创建方案工作簿" }).click();
    await pane
      .getByText("已创建：使用说明、方案、数据、360评价、历年评级、绩效申诉、绩效审批。")
      .waitFor();
    await shot("02-plan-workbook.png");
    await expectAccessible(page, "created");

    // 2. import the CRM export through the column mapping
    await pane.getByRole("button", { name: "下一步：导入数据" }).click();
    await pane.locator('input[type=file][aria-label="选择 CSV 文件…"]').setInputFiles(FIXTURE_CSV);
    await pane.getByRole("heading", { name: "对应列" }).waitFor();
    await pane.getByRole("button", { name: "查看各列对应" }).click();
    await shot("03-mapping.png");
    await expectAccessible(page, "mapping");
    await pane.getByRole("button", { name: "导入 73 行" }).click();
    const problems = pane.getByRole("list", { name: "问题" });
    const conflict = problems.locator("li", { hasText: "在 2024-03 已有一行" });
    await conflict.waitFor();
    await shot("04-data-check.png");
    await expectAccessible(page, "data check");

    // 3. the check says row 43 has 29 days "in March": go there, see it is February, fix the month
    const days = problems.locator("li", { hasText: "当月天数为 29，但 2024-03 有 31 天" });
    const where = (await days.locator("span").first().textContent()) ?? "";
    const row = Number(/!([A-Z]+)(\d+)/.exec(where)![2]);
    await days.getByRole("button", { name: /定位到/ }).click();
    await expectLocator(page.getByTestId("name-box"), new RegExp(`^[A-Z]+${row}$`));
    await page.locator(`[data-cell="D${row}"]`).click();
    expect(await page.getByTestId("formula-bar").inputValue()).toBe("2024-03");
    await page.keyboard.type("2024-02");
    await page.keyboard.press("Enter");
    await shot("05-fixed-row.png");
    await pane.getByRole("button", { name: "重新检查" }).click();
    await conflict.waitFor({ state: "detached" });
    expect(await problems.locator("li", { hasText: "当月天数为 29" }).count()).toBe(0);

    // 4. generate the scorecards (native Excel formulas)
    await pane.getByRole("button", { name: "下一步：生成评分卡" }).click();
    await pane.getByRole("button", { name: "生成评分卡" }).click();
    await pane.getByText(/^已写入：评分卡/).waitFor({ timeout: 60_000 });
    await shot("06-scorecards.png");
    await expectAccessible(page, "generated");

    // 5. one salesperson's explanation, and their statement (绩效结果通知单)
    const top = pane.getByRole("table", { name: "排名靠前" });
    const first = top.getByRole("button").first();
    const name = (await first.textContent())!.trim();
    await first.click();
    await pane.getByRole("heading", { name: "解读", level: 2 }).waitFor();
    await shot("07-explain.png");
    await expectAccessible(page, "explain");
    await pane.getByRole("button", { name: "生成绩效结果通知单" }).click();
    await pane.getByText("绩效结果通知单已写入“绩效结果通知单”。").waitFor();
    await shot("08-statement.png");

    // the workbook's numbers are the engine's: every total score and every total pay
    const engine = engineScorecard();
    const sc = await sheetValues(page, "scorecard");
    const h = sc.values.findIndex((r) => r.includes("员工编号"));
    const col = (header: string) => sc.values[h].indexOf(header);
    const [idCol, totalCol, payCol] = [col("员工编号"), col("总分"), col("应发合计(元)")];
    expect(Math.min(idCol, totalCol, payCol)).toBeGreaterThanOrEqual(0);
    let checked = 0;
    for (const r of engine) {
      const line = sc.values.find((v, i) => i > h && v[idCol] === r.id);
      expect(line).toBeDefined();
      if (r.total === null) {
        expect(typeof line![totalCol] === "number").toBe(false);
        continue;
      }
      expect(line![totalCol]).toBeCloseTo(r.total, 9);
      expect(line![payCol]).toBeCloseTo(r.totalPay!, 2);
      checked++;
    }
    expect(checked).toBe(23); // 24 people; S1012's "N/A" renewal rate still blocks one, the fixed row no longer does
    const statements = await sheetValues(page, "statements");
    expect(statements.values.flat().some((c) => typeof c === "string" && c.includes(name))).toBe(
      true
    );

    // 6. what-if: the top tier from 5% to 6%, before anything is written
    const plan = defaultPlan();
    const raised = defaultPlan();
    raised.commission.tiers[2].rate = 0.06;
    const data = engineData();
    const before = scorecardRows(evaluate(plan, data));
    const after = scorecardRows(evaluate(raised, data));
    const cost = before.reduce(
      (sum, r, i) =>
        r.totalPay === null || after[i].totalPay === null
          ? sum
          : sum + after[i].totalPay! - r.totalPay,
      0
    );
    const zhMoney = new Intl.NumberFormat("zh-CN", {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    await openView(pane, "模拟测算");
    await pane.getByRole("textbox", { name: "第 3 档：提成比例" }).fill("6");
    await expectLocator(
      pane.getByTestId("whatif-cost"),
      `+${zhMoney.format(Math.round(cost * 100) / 100)}`
    );
    await shot("09-what-if.png");
    await expectAccessible(page, "what-if");

    // 7. close 2024-Q1: its scorecard frozen as values with the stamp, logged
    await openView(pane, "结账");
    await pane.getByRole("textbox", { name: /您的姓名/ }).fill("王芳");
    await pane.getByRole("button", { name: "结账 2024-Q1" }).click();
    // nobody has signed 2024-Q1 off yet: the closer overrides, and the reason is recorded
    const closing = page.getByRole("alertdialog");
    await closing.getByText("2024-Q1 尚未完成审批").waitFor();
    await closing
      .getByRole("textbox", { name: "未经审批即结账的理由" })
      .fill("试运行，审批另行补签");
    await closing.getByRole("button", { name: "越过审批结账" }).click();
    await pane.getByText(/^2024-Q1 已结账/).waitFor({ timeout: 60_000 });
    await shot("10-closed.png");
    await expectAccessible(page, "closed");
    const frozen = await sheetValues(page, "closed_2024_q1");
    expect(frozen.name).toBe("评分卡 2024-Q1");
    const fh = frozen.values.findIndex((r) => r.includes("员工编号"));
    const fPay = frozen.values[fh].indexOf("应发合计(元)");
    for (const r of before) {
      const line = frozen.values.find((v, i) => i > fh && v[0] === r.id)!;
      expect(line[fPay]).toBe(r.totalPay ?? null);
    }

    // 8. the plan changes after the close (applied from the what-if): the closed values do not
    await openView(pane, "模拟测算");
    await pane.getByRole("textbox", { name: "第 3 档：提成比例" }).fill("6");
    await pane.getByRole("button", { name: "应用到方案工作表" }).click();
    await pane.getByText(/方案工作表已更新为版本 2024\.2/).waitFor();
    expect((await sheetValues(page, "closed_2024_q1")).values).toEqual(frozen.values);

    // 9. a late correction on the Data sheet: Generate warns that the closed period's inputs changed
    const dataSheet = await sheetValues(page, "data");
    const dh = dataSheet.values.findIndex((r) => r.includes("员工编号"));
    const collected = plan.fields.find((f) => f.key === "collected")!.name.zh;
    const dCol = dataSheet.values[dh].indexOf(collected);
    const dRow = dataSheet.values.findIndex(
      (v, i) => i > dh && v[0] === "S1003" && v[3] === "2024-02"
    );
    await page
      .getByRole("tablist", { name: "Sheets" })
      .getByRole("tab", { name: dataSheet.name, exact: true })
      .click();
    await page.locator(`[data-cell="${columnLetter(dCol)}${dRow + 1}"]`).click();
    await page.keyboard.type("123456");
    await page.keyboard.press("Enter");
    await openView(pane, "生成");
    await pane.getByText("2024-Q1 结账后，以下人员的输入数据发生了变化：S1003。").waitFor();
    await shot("11-inputs-changed.png");
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it("should import the GB18030 export and the 5-point 360 ratings as the samples' README says, and score them like the engine", async () => {
    const { context, page, pane, errors } = await openPreview(served, "lang=zh-CN");
    await pane.getByRole("button", { name: "创建方案工作簿" }).click();
    await pane.getByRole("button", { name: "下一步：导入数据" }).click();

    // the export Excel on Chinese Windows saved: GB18030, a title, subtotal and total rows
    await pane
      .locator('input[type=file][aria-label="选择 CSV 文件…"]')
      .setInputFiles(path.join(SAMPLES, "crm-export-2024Q2-gbk.csv"));
    await pane.getByText("将读取 72 条人员月度数据。5 行合计/小计行将略去。").waitFor();
    await pane.getByText(/已按 GB18030 \(GBK\) 编码读取/).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, "13-import-gbk.png") });
    await expectAccessible(page, "import gbk");
    await pane.getByRole("button", { name: "导入 72 行" }).click();
    await pane.getByText("已将 72 行导入“数据”。").waitFor();

    // 360 ratings out of 5: converted only once the scale is stated, and said
    await pane
      .locator('input[type=file][aria-label="选择评价文件…"]')
      .setInputFiles(path.join(SAMPLES, "feedback-2024Q2.csv"));
    await pane.getByText("每个评分 × 20 换算为方案的 100 分制（如 4.2 → 84）。").waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, "14-import-360.png") });
    await expectAccessible(page, "import 360");
    await pane.getByRole("button", { name: "导入 97 条评分" }).click();
    await pane.getByText("已将 97 条评分导入“360评价”。").waitFor();

    await pane.getByRole("button", { name: "下一步：生成评分卡" }).click();
    await pane.getByRole("button", { name: "生成评分卡" }).click();
    await pane.getByText(/^已写入：评分卡/).waitFor({ timeout: 60_000 });

    // the engine over the same files, read in Node: every total score and pay the sheets show
    const plan = defaultPlan();
    const data = await readCsvFile(
      new Uint8Array(fs.readFileSync(path.join(SAMPLES, "crm-export-2024Q2-gbk.csv"))),
      "q2.csv",
      dataHeaderSpec(plan)
    );
    const ratings = await readCsvFile(
      new Uint8Array(fs.readFileSync(path.join(SAMPLES, "feedback-2024Q2.csv"))),
      "fb.csv",
      FEEDBACK_HEADER_SPEC
    );
    if (!data.ok || !ratings.ok) throw new Error("samples unreadable");
    const rows = readDataTable(data.table, plan).rows;
    const fb = readFeedbackTable(ratings.table, {
      scale: 100,
      sourceScale: 5,
      knownIds: new Set(rows.map((r) => r.id)),
    });
    const engine = scorecardRows(evaluate(plan, rows, fb.ratings));
    const sc = await sheetValues(page, "scorecard");
    const h = sc.values.findIndex((r) => r.includes("员工编号"));
    const col = (header: string) => sc.values[h].indexOf(header);
    const [idCol, totalCol, payCol] = [col("员工编号"), col("总分"), col("应发合计(元)")];
    let checked = 0;
    for (const r of engine) {
      const line = sc.values.find((v, i) => i > h && v[idCol] === r.id)!;
      expect(line).toBeDefined();
      if (r.total === null) continue;
      expect(line[totalCol]).toBeCloseTo(r.total, 9);
      expect(line[payCol]).toBeCloseTo(r.totalPay!, 2);
      checked++;
    }
    expect(checked).toBe(24);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it("should be usable at 320 px in English, by keyboard, with a readable pane", async () => {
    const context = await served.browser.newContext({ viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${served.server.origin}/preview.html?lang=en-US&width=320`);
    const pane = page.getByTestId("task-pane");
    await pane.locator("[data-pane-ready=true]").waitFor();
    const box = await pane.boundingBox();
    expect(Math.round(box!.width)).toBe(320);
    // nothing in the pane is wider than the pane
    const overflow = await pane.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // keyboard: Tab into the views, arrows between tabs, Enter opens one
    const start = pane.getByRole("tab", { name: "Start" });
    await start.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await expectLocator(pane.getByRole("heading", { level: 2 }), "Plan");
    await page.screenshot({ path: path.join(SCREENSHOTS, "12-narrow-en.png") });
    await expectAccessible(page, "narrow");
    await context.close();
  }, 60_000);
});

/**
 * README pictures from the development preview (development tooling, run by hand):
 *
 *   npx tsx dev/screenshots.ts        → docs/images/pane.png, scorecard.png, statement.png, whatif.png,
 *                                       import.png
 *   npx tsx dev/screenshots.ts check  → docs/images/check.png only
 *   npx tsx dev/screenshots.ts cost   → docs/images/cost.png (the Summary's cost of the plan beside
 *                                       What-if's cost ratio, zh-CN), and the Generate result with the
 *                                       quota flags and the What-if view in zh-CN and en-US
 *                                       (artifacts/screenshots/)
 *   npx tsx dev/screenshots.ts payroll → docs/images/payroll.png and paylist.png only
 *   npx tsx dev/screenshots.ts tracking → docs/images/tracking.png only (the Tracking view beside
 *                                       the 月度跟踪 sheet, February 2024 with a feedback note)
 *   npx tsx dev/screenshots.ts followup → docs/images/statement-followup-pane.png: Q2
 *                                       appended, a team's Q1 statements with a plan typed on
 *                                       one, their Q2 statements following it up, beside the
 *                                       Statements view
 *   npx tsx dev/screenshots.ts indicators → docs/images/plan-indicators.png (the seed plan chosen at
 *                                       Start, the Plan editor adding an indicator beside the Plan
 *                                       sheet's indicators, zh-CN) and its en-US twin in
 *                                       artifacts/screenshots/
 *   npx tsx dev/screenshots.ts letters → docs/images/letters.png only (a team's target letters,
 *                                       目标责任书, beside the Targets view)
 *   npx tsx dev/screenshots.ts annual → docs/images/annual-review.png only: a year of generated data
 *                                       (24 salespeople), the profit-share pool switched on in the Plan
 *                                       view, 2023 grades typed on the Grade history sheet (历年评级),
 *                                       the Annual sheet's promotion and profit-share columns
 *   npx tsx dev/screenshots.ts appeals → docs/images/appeals.png only (the Appeals view after an
 *                                       appeal logged and upheld and the three sign-offs, beside
 *                                       the Appeals sheet, 绩效申诉)
 *
 * Builds the preview, walks the sample through it in headless Chromium (create the plan
 * workbook, import crm-export-2024Q1.csv, generate) and photographs the pane's result view, the
 * generated Scorecard sheet next to the pane's explanation of one salesperson, a team's
 * statements (绩效结果通知单) beside the Statements view, and the What-if view after raising the
 * top commission tier from 5% to 6%; then, in a new workbook, the Data view's report on the GB18030
 * export with its title line, subtotal and total rows (crm-export-2024Q2-gbk.csv); and (check.png)
 * Verify workbook after a total on the Scorecard was typed over and an amount corrected on the
 * Data sheet; and (payroll.png) the Payroll export view beside the Payslips sheet (工资条).
 */
import * as fs from "fs";
import * as path from "path";
import type { Locator, Page } from "playwright-core";
import { columnLetter, defaultPlan, type Language } from "../src/engine";
import { generateSample } from "../src/workbook/sample";
import { STRINGS } from "../src/taskpane/strings";
import { build, launch, ROOT, serve } from "../test/e2e/support/browser";
import { sheetValues, typeInto } from "../test/e2e/support/preview";

const FIXTURE = path.join(ROOT, "test", "fixtures", "crm-export-2024Q1.csv");
const GBK = path.join(ROOT, "test", "fixtures", "crm-export-2024Q2-gbk.csv");
const OUT = path.join(ROOT, "docs", "images");

/** Opens a view by its tab, or from the "more views" menu when the pane is too narrow for it. */
async function openView(pane: Locator, label: string): Promise<void> {
  const tab = pane.getByRole("tab", { name: label });
  if ((await tab.count()) > 0 && (await tab.isVisible())) return tab.click();
  await pane.getByRole("button", { name: "更多视图" }).click();
  await pane.page().getByRole("menuitem", { name: label }).click();
}

/**
 * Verify workbook after HR typed over the first total on the Scorecard and corrected an amount on
 * the Data sheet: the pane's report, beside the Scorecard.
 */
async function checkPicture(page: Page, pane: Locator): Promise<void> {
  const cells = await sheetValues(page, "scorecard");
  const data = await sheetValues(page, "data");
  const h = cells.values.findIndex((r) => r.includes("员工编号"));
  const total = cells.values[h].indexOf("总分");
  const first = cells.values.findIndex((r, i) => i > h && typeof r[total] === "number");
  await typeInto(page, data.name, "E4", "430000");
  await typeInto(page, cells.name, `${columnLetter(total)}${first + 1}`, "=1+1");
  await openView(pane, "生成");
  await pane.getByRole("button", { name: "核对工作簿" }).click();
  await pane.getByText(/个与加载项的计算结果不一致/).waitFor({ timeout: 60_000 });
  await pane.getByRole("heading", { name: "自检" }).evaluate((el) => el.scrollIntoView());
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.screenshot({ path: path.join(OUT, "check.png") });
}

/**
 * The cost of the plan in one language: the Generate result's quota flags, the What-if view with
 * the top tier at 6% (its cost ratio now and with the change), and (zh-CN) the Summary sheet's
 * cost section beside it as docs/images/cost.png.
 */
async function costPictures(
  browser: Awaited<ReturnType<typeof launch>>,
  origin: string,
  lang: Language
): Promise<string[]> {
  const t = STRINGS[lang];
  const shots = path.join(ROOT, "artifacts", "screenshots");
  fs.mkdirSync(shots, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.goto(`${origin}/preview.html?lang=${lang}`);
  const pane = page.getByTestId("task-pane");
  await pane.locator("[data-pane-ready=true]").waitFor();
  await pane.getByRole("button", { name: t.start.create, exact: true }).click();
  await pane.getByRole("button", { name: t.start.next }).click();
  await pane.locator(`input[type=file][aria-label="${t.data.chooseFile}"]`).setInputFiles(FIXTURE);
  await pane.getByRole("button", { name: t.data.import(73) }).click();
  await pane.getByRole("button", { name: t.data.next }).click();
  await pane.getByRole("button", { name: t.generate.run }).click();
  await pane.getByText(t.generate.done("").slice(0, 4)).first().waitFor({ timeout: 60_000 });
  const written: string[] = [];
  const flag = pane.getByRole("heading", { name: t.generate.distribution });
  await flag.evaluate((el) => el.scrollIntoView({ block: "start" }));
  const generate = path.join(shots, `generate-flag-${lang}.png`);
  await pane.screenshot({ path: generate });
  written.push(generate);
  const more = pane.getByRole("tab", { name: t.nav.whatIf });
  if ((await more.count()) > 0 && (await more.isVisible())) await more.click();
  else {
    await pane.getByRole("button", { name: t.nav.more }).click();
    await page.getByRole("menuitem", { name: t.nav.whatIf }).click();
  }
  await pane.getByRole("textbox", { name: t.plan.tierRate(3) }).fill("6");
  await pane.getByTestId("whatif-cost").waitFor();
  const table = pane.getByRole("table", { name: t.whatIf.planCost });
  await table.evaluate((el) => el.scrollIntoView({ block: "center" }));
  const whatif = path.join(shots, `whatif-cost-${lang}.png`);
  await pane.screenshot({ path: whatif });
  written.push(whatif);
  if (lang === "zh-CN") {
    const summary = await sheetValues(page, "summary");
    const row = summary.values.findIndex((r) => r[0] === "方案成本");
    await page.getByRole("tab", { name: summary.name }).click();
    await page.locator('[data-cell="A1"]').click();
    await page.setViewportSize({ width: 1440, height: 900 });
    // the section's last table row at the bottom of the grid, its title selected
    await page.locator(`[data-cell="A${row + 27}"]`).scrollIntoViewIfNeeded();
    await page.locator(`[data-cell="A${row + 1}"]`).click();
    const cost = path.join(OUT, "cost.png");
    await page.screenshot({ path: cost });
    written.push(cost);
  }
  await page.close();
  return written;
}

/**
 * Improvement plans followed up: Q2 appended to the data, a team's Q1 statements written, an
 * improvement plan typed on the first, the team's Q2 statements written (the sheet was typed on,
 * so the pane asks before replacing it: Replace keeps what was typed); the first Q2 statement's
 * follow-up block beside the Statements view's list of what each statement follows up.
 */
async function followUpPicture(page: Page, pane: Locator): Promise<string> {
  await openView(pane, "数据");
  await pane.locator('input[type=file][aria-label="选择 CSV 文件…"]').setInputFiles(GBK);
  await pane.getByText(/将读取 72 条人员月度数据/).waitFor();
  await pane.getByRole("radio", { name: "保留，在下方追加" }).check();
  await pane.getByRole("button", { name: /^导入 \d+ 行$/ }).click();
  await pane.getByText(/^已将 \d+ 行导入/).waitFor({ timeout: 60_000 });
  await openView(pane, "通知单");
  await pane.getByRole("combobox", { name: "部门" }).selectOption({ index: 1 });
  const write = async (period: string) => {
    await pane.getByRole("combobox", { name: "考核期间" }).selectOption(period);
    await pane.getByRole("button", { name: /^生成 \d+ 份通知单$/ }).click();
  };
  await write("2024-Q1");
  await pane.getByText(/份通知单，原有的通知单保持不变/).waitFor({ timeout: 60_000 });
  const sheet = await sheetValues(page, "statements");
  const plan = sheet.values.findIndex((r) => r[0] === "改进计划") + 2;
  // each starts with a key the grid takes as the start of an edit (typed CJK text is not)
  const lines = [
    "10 家重点客户每周拜访，逐一跟进续约",
    "4 月底前收回 3 月应收账款",
    "Q2 内参加产品知识培训并通过考试",
  ];
  for (const [k, text] of lines.entries()) await typeInto(page, sheet.name, `A${plan + k}`, text);
  await write("2024-Q2");
  await page.getByRole("button", { name: "替换" }).click();
  await pane.getByText(/跟进 2024-Q1 改进计划 3 项/).waitFor({ timeout: 60_000 });
  const after = await sheetValues(page, "statements");
  const block = after.values.findIndex((r) =>
    String(r[0]).startsWith("上期改进计划跟进（2024年第一季度）")
  );
  await page.getByRole("tab", { name: after.name }).click();
  await page.locator('[data-cell="A1"]').click();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.locator(`[data-cell="A${block + 12}"]`).scrollIntoViewIfNeeded();
  await page.locator(`[data-cell="B${block + 3}"]`).click();
  await pane.getByRole("heading", { name: "通知单工作表中已有" }).scrollIntoViewIfNeeded();
  const file = path.join(OUT, "statement-followup-pane.png");
  await page.screenshot({ path: file });
  return file;
}

/** The Payroll export view (工资导出) beside the generated Payslips sheet (工资条). */
async function payrollPicture(page: Page, pane: Locator): Promise<void> {
  await openView(pane, "工资导出");
  await pane.getByRole("combobox", { name: "发薪月份" }).selectOption("2024-02");
  await pane.getByRole("list", { name: "文件的列" }).waitFor();
  await page.getByRole("tab", { name: "工资条" }).click();
  await page.locator('[data-cell="A1"]').click();
  await pane.evaluate((el) => el.scrollTo(0, 0));
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.screenshot({ path: path.join(OUT, "payroll.png") });
  // the Pay list (工资表) the export and the payslips read, opened on its first lines
  await page.getByRole("tab", { name: "工资表" }).click();
  await page.locator('[data-cell="E2"]').click();
  await page.screenshot({ path: path.join(OUT, "paylist.png") });
}

/** The Tracking view (月度跟踪) for February 2024 with a note typed, beside the sheet it wrote. */
async function trackingPicture(page: Page, pane: Locator): Promise<void> {
  await openView(pane, "月度跟踪");
  await pane.getByRole("combobox", { name: "月份" }).selectOption("2024-02");
  const first = pane.getByRole("list", { name: "月度跟踪" }).getByRole("listitem").first();
  await first.getByRole("textbox").fill("本月签约进度偏慢，已约定每周复盘重点客户");
  await pane.getByRole("button", { name: "生成月度跟踪表" }).click();
  await pane.getByText(/^已写入 月度跟踪/).waitFor({ timeout: 60_000 });
  // the sheet written is the active one
  await page.locator('[data-cell="E4"]').click();
  await pane.evaluate((el) => el.scrollTo(0, 0));
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: path.join(OUT, "tracking.png") });
}
/**
 * The Plan editor adding an indicator in one language: the workbook created from the seed plan
 * (the seed's indicators whole), the Plan view's add form in 团队协作与发展 filled in, beside the
 * Plan sheet's indicators table.
 */
async function indicatorsPicture(
  browser: Awaited<ReturnType<typeof launch>>,
  origin: string,
  lang: Language
): Promise<string> {
  const t = STRINGS[lang];
  const w = t.indicators;
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.goto(`${origin}/preview.html?lang=${lang}`);
  const pane = page.getByTestId("task-pane");
  await pane.locator("[data-pane-ready=true]").waitFor();
  await pane.getByRole("radio", { name: w.sourceSeed }).check();
  await pane.getByRole("button", { name: t.start.create, exact: true }).click();
  await pane.getByRole("button", { name: t.start.next }).waitFor();
  await openView(pane, t.nav.plan);
  const team = lang === "zh-CN" ? "团队协作与发展" : "Teamwork & growth";
  const region = pane.getByRole("region", { name: team, exact: true });
  await region.getByRole("button", { name: w.addTo(team) }).click();
  const form = region.getByRole("region", { name: w.form(team) });
  await form.getByRole("textbox", { name: w.key }).fill("mentoring");
  await form.getByRole("textbox", { name: w.nameZh }).fill("带教新人");
  await form.getByRole("textbox", { name: w.nameEn }).fill("Mentoring");
  await form.getByRole("combobox", { name: w.unit }).selectOption("hours");
  await form.getByRole("textbox", { name: w.weight }).fill("10");
  await form.getByRole("combobox", { name: w.input, exact: true }).selectOption("field");
  await form.getByRole("combobox", { name: w.field, exact: true }).selectOption("training_hours");
  await form.getByRole("textbox", { name: t.plan.target }).fill("4");
  await form.getByRole("textbox", { name: t.plan.target }).blur();
  const plan = await sheetValues(page, "plan");
  const row = plan.values.findIndex((r) => r[0] === "certifications");
  await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name: plan.name }).click();
  await page.locator(`[data-cell="A${row + 1}"]`).click();
  await region.evaluate((el) => el.scrollIntoView({ block: "start" }));
  const file =
    lang === "zh-CN"
      ? path.join(OUT, "plan-indicators.png")
      : path.join(ROOT, "artifacts", "screenshots", `plan-indicators-${lang}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
  await page.close();
  return file;
}
/** A team's target letters (目标责任书) on their sheet, beside the Targets view. */
async function lettersPicture(page: Page, pane: Locator): Promise<void> {
  await openView(pane, "目标责任书");
  await pane.getByRole("combobox", { name: "部门" }).selectOption({ index: 1 });
  await pane.getByRole("button", { name: /^生成 \d+ 份目标责任书$/ }).click();
  await pane
    .getByText(/份目标责任书，其他责任书及已签字内容保持不变/)
    .waitFor({ timeout: 120_000 });
  await page
    .getByRole("tablist", { name: "Sheets" })
    .getByRole("tab", { name: "目标责任书" })
    .click();
  // A3, not A1: the title is merged across the page, and selecting it scrolls the grid to its middle
  await page.locator('[data-cell="A3"]').click();
  await pane.evaluate((el) => el.scrollTo(0, 0));
  // tall enough for one whole letter (an A4 page)
  await page.setViewportSize({ width: 1280, height: 1500 });
  await page.screenshot({ path: path.join(OUT, "letters.png") });
}
/** A year of generated data (the demo's generator) as a CRM export the Data view imports. */
function yearCsv(): { file: string; rows: number; ids: string[] } {
  const plan = defaultPlan();
  const sample = generateSample({ people: 24, teams: 3, seed: 2024, year: 2024, months: 12 });
  const header = ["员工编号", "姓名", "部门", "月份", ...plan.fields.map((f) => f.name.zh)];
  const q = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  const lines = [header.join(",")];
  for (const r of sample.rows)
    lines.push(
      [r.id, r.name, r.team, r.period, ...plan.fields.map((f) => q(r.values[f.key]))].join(",")
    );
  const file = path.join(ROOT, "artifacts", "annual-2024.csv");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, "\ufeff" + lines.join("\n") + "\n");
  return { file, rows: sample.rows.length, ids: [...new Set(sample.rows.map((r) => r.id))] };
}

/**
 * The annual review (晋升建议, 分红) on the Annual sheet: a full year imported, the pool switched
 * on in the Plan view, 2023 grades typed on the Grade history sheet for most salespeople (the
 * rest show 需补录2023年评级), generated; the Annual sheet opened on the new columns.
 */
async function annualPicture(page: Page, pane: Locator): Promise<void> {
  const csv = yearCsv();
  await openView(pane, "方案");
  await pane.getByRole("button", { name: "晋升建议与分红" }).click();
  const group = pane.getByRole("group", { name: "晋升建议与分红" });
  await group.getByRole("switch", { name: "分红" }).click();
  await group.getByRole("textbox", { name: "每年分红池金额" }).fill("300000");
  await pane.getByRole("button", { name: "保存到方案工作表" }).click();
  await pane.getByText("已保存到方案工作表。").waitFor({ timeout: 60_000 });
  const grades = ["A", "S", "B", "A", "A", "C", "S", "A", "B", "A", "A", "S", "B", "A", "A", "S"];
  for (let i = 0; i < grades.length; i++) {
    const row = i + 2;
    await typeInto(page, "历年评级", `A${row}`, csv.ids[i]);
    await typeInto(page, "历年评级", `C${row}`, "2023");
    await typeInto(page, "历年评级", `D${row}`, grades[i]);
  }
  await openView(pane, "数据");
  await pane.locator('input[type=file][aria-label="选择 CSV 文件…"]').setInputFiles(csv.file);
  await pane.getByRole("button", { name: /^导入 \d+ 行$/ }).click();
  await pane.getByRole("button", { name: "下一步：生成评分卡" }).click();
  await pane.getByRole("button", { name: "生成评分卡" }).click();
  await pane.getByText(/^已写入：评分卡/).waitFor({ timeout: 120_000 });
  const annual = await sheetValues(page, "annual");
  const col = annual.values[0].indexOf("晋升建议");
  await page.getByRole("tab", { name: annual.name }).click();
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.locator(`[data-cell="${columnLetter(col + 2)}2"]`).scrollIntoViewIfNeeded();
  await page.locator(`[data-cell="${columnLetter(col)}2"]`).click();
  // the pane: the Plan view's section that set the rule and the pool (dimensions folded away)
  await openView(pane, "方案");
  await pane.getByRole("button", { name: "考核维度与指标" }).click();
  if ((await pane.getByRole("group", { name: "晋升建议与分红" }).count()) === 0)
    await pane.getByRole("button", { name: "晋升建议与分红" }).click();
  await pane.getByRole("group", { name: "晋升建议与分红" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(OUT, "annual-review.png") });
}
/**
 * The Appeals view (申诉审批): an appeal logged for the first salesperson and upheld with 600 on
 * pay, a second one rejected, the three sign-offs recorded; beside the Appeals sheet (绩效申诉).
 */
async function appealsPicture(page: Page, pane: Locator): Promise<void> {
  const t = STRINGS["zh-CN"].appeals;
  await openView(pane, t.nav);
  const log = async (index: number, subject: string, reason: string) => {
    await pane.getByRole("combobox", { name: t.person }).selectOption({ index });
    await pane.getByRole("textbox", { name: t.subject }).fill(subject);
    await pane.getByRole("textbox", { name: t.reason }).fill(reason);
    await pane.getByRole("button", { name: t.logButton }).click();
    await pane.getByText(/已登记到/).waitFor();
  };
  const decide = async (row: number, status: string, decision: string, amount: string) => {
    await pane.getByRole("button", { name: t.decide }).nth(row).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("combobox", { name: t.status }).selectOption(status);
    await dialog.getByRole("textbox", { name: t.decision }).fill(decision);
    await dialog.getByRole("textbox", { name: t.effect }).fill(amount);
    await dialog.getByRole("textbox", { name: t.decidedBy }).fill("王经理");
    await dialog.getByRole("button", { name: t.save }).click();
    await pane.getByText(/已处理/).waitFor();
  };
  await log(1, "新签客户数", "3 月签约的一位新客户未录入 CRM");
  await decide(0, "upheld", "核实合同后补记该客户，补发绩效工资", "600");
  await log(2, "回款金额", "客户付款在 4 月初到账，应计入一季度");
  await decide(1, "rejected", "回款按到账日期计入，维持原结果", "");
  for (const [role, name] of [
    ["manager", "王经理"],
    ["hr", "李娜"],
    ["finance", "赵会计"],
  ]) {
    await pane.getByRole("combobox", { name: t.role }).selectOption(role);
    await pane.getByRole("textbox", { name: t.signedBy }).fill(name);
    await pane.getByRole("button", { name: t.signButton }).click();
    await pane
      .getByText(/的审批。$/)
      .first()
      .waitFor();
  }
  await pane.getByText(t.allSigned).waitFor();
  await page.getByRole("tab", { name: "绩效申诉" }).click();
  await page.locator('[data-cell="A1"]').click();
  await pane.evaluate((el) => el.scrollTo(0, 0));
  await page.setViewportSize({ width: 1440, height: 1250 });
  await page.screenshot({ path: path.join(OUT, "appeals.png") });
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  if (only.includes("indicators")) {
    const dist = build("development");
    const server = await serve(dist);
    const browser = await launch();
    try {
      for (const lang of ["zh-CN", "en-US"] as const)
        console.log(
          `wrote ${path.relative(ROOT, await indicatorsPicture(browser, server.origin, lang))}`
        );
    } finally {
      await browser.close();
      await server.close();
      fs.rmSync(dist, { recursive: true, force: true });
    }
    return;
  }
  if (only.includes("cost")) {
    const dist = build("development");
    const server = await serve(dist);
    const browser = await launch();
    try {
      for (const lang of ["zh-CN", "en-US"] as const)
        for (const f of await costPictures(browser, server.origin, lang))
          console.log(`wrote ${path.relative(ROOT, f)}`);
    } finally {
      await browser.close();
      await server.close();
      fs.rmSync(dist, { recursive: true, force: true });
    }
    return;
  }
  const dist = build("development");
  const server = await serve(dist);
  const browser = await launch();
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    await page.goto(`${server.origin}/preview.html?lang=zh-CN`);
    const pane = page.getByTestId("task-pane");
    await pane.locator("[data-pane-ready=true]").waitFor();
    await pane.getByRole("button", { name: "创建方案工作簿" }).click();
    if (only.includes("annual")) {
      fs.mkdirSync(OUT, { recursive: true });
      await annualPicture(page, pane);
      console.log(`wrote ${path.relative(ROOT, path.join(OUT, "annual-review.png"))}`);
      return;
    }
    await pane.getByRole("button", { name: "下一步：导入数据" }).click();
    await pane.locator('input[type=file][aria-label="选择 CSV 文件…"]').setInputFiles(FIXTURE);
    await pane.getByRole("button", { name: "导入 73 行" }).click();
    await pane.getByRole("button", { name: "下一步：生成评分卡" }).click();
    await pane.getByRole("button", { name: "生成评分卡" }).click();
    await pane.getByText(/^已写入：评分卡/).waitFor({ timeout: 60_000 });
    fs.mkdirSync(OUT, { recursive: true });
    if (only.includes("followup")) {
      console.log(`wrote ${path.relative(ROOT, await followUpPicture(page, pane))}`);
      return;
    }
    if (only.includes("payroll")) {
      await payrollPicture(page, pane);
      for (const f of ["payroll.png", "paylist.png"])
        console.log(`wrote ${path.relative(ROOT, path.join(OUT, f))}`);
      return;
    }
    if (only.includes("tracking")) {
      await trackingPicture(page, pane);
      console.log(`wrote ${path.relative(ROOT, path.join(OUT, "tracking.png"))}`);
      return;
    }
    if (only.includes("letters")) {
      await lettersPicture(page, pane);
      console.log(`wrote ${path.relative(ROOT, path.join(OUT, "letters.png"))}`);
      return;
    }
    if (only.includes("appeals")) {
      await appealsPicture(page, pane);
      console.log(`wrote ${path.relative(ROOT, path.join(OUT, "appeals.png"))}`);
      return;
    }
    if (only.includes("check")) {
      await pane.getByText(/个单元格均与加载项的计算结果一致/).waitFor({ timeout: 60_000 });
      await checkPicture(page, pane);
      console.log(`wrote ${path.relative(ROOT, path.join(OUT, "check.png"))}`);
      return;
    }
    // the pane: the result of a generation (grade distribution against quotas, totals)
    await pane.evaluate((el) => el.scrollTo(0, 0));
    await pane.screenshot({ path: path.join(OUT, "pane.png") });
    // the Scorecard sheet (formulas evaluated) beside one salesperson's explanation
    await pane.getByRole("table", { name: "排名靠前" }).getByRole("button").first().click();
    await pane.getByRole("heading", { name: "解读", level: 2 }).waitFor();
    await page.getByRole("tab", { name: "评分卡" }).click();
    await page.locator('[data-cell="F3"]').click();
    await pane.evaluate((el) => el.scrollTo(0, 0));
    await page.screenshot({ path: path.join(OUT, "scorecard.png") });
    // a team's statements on the Statements sheet, beside the Statements view
    await openView(pane, "通知单");
    const team = pane.getByRole("combobox", { name: "部门" });
    await team.selectOption({ index: 1 });
    await pane.getByRole("button", { name: /^生成 \d+ 份通知单$/ }).click();
    await pane.getByText(/份通知单，原有的通知单保持不变/).waitFor({ timeout: 60_000 });
    await page.getByRole("tab", { name: "绩效结果通知单" }).click();
    await page.locator('[data-cell="A1"]').click();
    await pane.evaluate((el) => el.scrollTo(0, 0));
    // tall enough for one whole statement (an A4 page)
    await page.setViewportSize({ width: 1280, height: 1500 });
    await page.screenshot({ path: path.join(OUT, "statement.png") });
    await page.setViewportSize({ width: 1280, height: 800 });
    // the What-if view: the top tier from 5% to 6%, before anything is written
    await openView(pane, "模拟测算");
    await pane.getByRole("textbox", { name: "第 3 档：提成比例" }).fill("6");
    await pane.getByTestId("whatif-cost").waitFor();
    await pane.evaluate((el) => el.scrollTo(0, 0));
    await page.setViewportSize({ width: 1280, height: 1100 });
    await pane.screenshot({ path: path.join(OUT, "whatif.png") });
    // the Data view's report on a GB18030 export, before anything is written
    const fresh = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await fresh.goto(`${server.origin}/preview.html?lang=zh-CN`);
    const pane2 = fresh.getByTestId("task-pane");
    await pane2.locator("[data-pane-ready=true]").waitFor();
    await pane2.getByRole("button", { name: "创建方案工作簿" }).click();
    await pane2.getByRole("button", { name: "下一步：导入数据" }).click();
    await pane2.locator('input[type=file][aria-label="选择 CSV 文件…"]').setInputFiles(GBK);
    await pane2.getByText(/将读取 72 条人员月度数据/).waitFor();
    await pane2.getByRole("heading", { name: "导入前检查" }).scrollIntoViewIfNeeded();
    await pane2.screenshot({ path: path.join(OUT, "import.png") });
    for (const f of ["pane.png", "scorecard.png", "statement.png", "whatif.png", "import.png"])
      console.log(`wrote ${path.relative(ROOT, path.join(OUT, f))}`);
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(dist, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

/**
 * README pictures from the development preview (development tooling, run by hand):
 *
 *   npx tsx dev/screenshots.ts        → docs/images/pane.png, docs/images/scorecard.png
 *
 * Builds the preview, walks the sample through it in headless Chromium (create the plan
 * workbook, import crm-export-2024Q1.csv, generate) and photographs the pane's result view and
 * the generated Scorecard sheet next to the pane's explanation of one salesperson.
 */
import * as fs from "fs";
import * as path from "path";
import { build, launch, ROOT, serve } from "../test/e2e/support/browser";

const FIXTURE = path.join(ROOT, "test", "fixtures", "crm-export-2024Q1.csv");
const OUT = path.join(ROOT, "docs", "images");

async function main(): Promise<void> {
  const dist = build("development");
  const server = await serve(dist);
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(`${server.origin}/preview.html?lang=zh-CN`);
    const pane = page.getByTestId("task-pane");
    await pane.locator("[data-pane-ready=true]").waitFor();
    await pane.getByRole("button", { name: "创建方案工作簿" }).click();
    await pane.getByRole("button", { name: "下一步：导入数据" }).click();
    await pane.locator('input[type=file][aria-label="选择 CSV 文件…"]').setInputFiles(FIXTURE);
    await pane.getByRole("button", { name: "导入 73 行" }).click();
    await pane.getByRole("button", { name: "下一步：生成评分卡" }).click();
    await pane.getByRole("button", { name: "生成评分卡" }).click();
    await pane.getByText(/^已写入：评分卡/).waitFor({ timeout: 60_000 });
    fs.mkdirSync(OUT, { recursive: true });
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
    console.log(`wrote ${path.relative(ROOT, path.join(OUT, "pane.png"))} and ${path.relative(ROOT, path.join(OUT, "scorecard.png"))}`);
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

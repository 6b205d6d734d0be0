/**
 * The self-check and Verify workbook in the browser preview (a development build, headless
 * Chromium), in both languages: after Generate the pane reads back every cell the add-in wrote —
 * as HyperFormula computed it from the written formulas — and says they agree with the engine;
 * then HR types over a total on the Scorecard and corrects an amount on the Data sheet, and Verify
 * workbook reports the edited formula by sheet and cell, the cells that now disagree, and the
 * input changed since Generate; rewriting the Scorecard as values makes it agree again.
 * Screenshots go to artifacts/screenshots/.
 */
import * as path from "path";
import { columnLetter } from "../../src/engine";
import { FIXTURE_CSV } from "../taskpane/support/memoryHost";
import { hasChromium, inCI, openPreview, SCREENSHOTS, servedBuild } from "./support/browser";
import { sheetValues, typeInto } from "./support/preview";

const describeInBrowser = hasChromium || inCI ? describe : describe.skip;

const WORDS = {
  "zh-CN": {
    create: "创建方案工作簿",
    toImport: "下一步：导入数据",
    file: "选择 CSV 文件…",
    importRows: "导入 73 行",
    toGenerate: "下一步：生成评分卡",
    generate: "生成评分卡",
    written: /^已写入：评分卡/,
    agree: /^已核对的 [\d,]+ 个单元格均与加载项的计算结果一致。$/,
    verify: "核对工作簿",
    disagree: /^已核对的 [\d,]+ 个单元格中，有 \d+ 个与加载项的计算结果不一致。$/,
    edited: "已被手工修改",
    inputs: "生成之后有变化的输入数据",
    rewrite: "将“评分卡”改写为数值",
    rewritten: "“评分卡”现为加载项计算的数值（不含公式）；请再核对一次确认。",
    id: "员工编号",
    total: "总分",
  },
  "en-US": {
    create: "Create plan workbook",
    toImport: "Next: import data",
    file: "Choose CSV file…",
    importRows: "Import 73 rows",
    toGenerate: "Next: generate scorecards",
    generate: "Generate scorecards",
    written: /^Written: Scorecard/,
    agree: /^All [\d,]+ cells checked agree with the add-in's calculation\.$/,
    verify: "Verify workbook",
    disagree: /^\d+ of [\d,]+ cells checked disagree with the add-in's calculation\.$/,
    edited: "Changed by hand",
    inputs: "Inputs changed since Generate",
    rewrite: "Rewrite “Scorecard” as values",
    rewritten: "“Scorecard” now holds the add-in's values (no formulas); verify again to confirm.",
    id: "Employee ID",
    total: "Total score",
  },
} as const;

describeInBrowser("the self-check in the browser preview (headless Chromium)", () => {
  const served = servedBuild();

  it.each(["zh-CN", "en-US"] as const)(
    "should check every written cell after Generate, and find a hand edit and a changed input on Verify (%s)",
    async (language) => {
      const w = WORDS[language];
      const { context, page, pane, errors } = await openPreview(served, `lang=${language}`, {
        width: 1440,
        height: 1000,
      });
      await pane.getByRole("button", { name: w.create }).click();
      await pane.getByRole("button", { name: w.toImport }).click();
      await pane.locator(`input[type=file][aria-label="${w.file}"]`).setInputFiles(FIXTURE_CSV);
      await pane.getByRole("button", { name: w.importRows }).click();
      await pane.getByRole("button", { name: w.toGenerate }).click();
      await pane.getByRole("button", { name: w.generate }).click();
      await pane.getByText(w.written).waitFor({ timeout: 60_000 });
      // the self-check after Generate: everything the add-in wrote, as calculated, agrees
      await pane.getByText(w.agree).waitFor({ timeout: 60_000 });
      await page.screenshot({ path: path.join(SCREENSHOTS, `20-self-check-${language}.png`) });

      // HR types over the first salesperson's total, and corrects an amount on the Data sheet
      const sc = await sheetValues(page, "scorecard");
      const h = sc.values.findIndex((r) => r.includes(w.id));
      const totalCol = sc.values[h].indexOf(w.total);
      const first = sc.values.findIndex((r, i) => i > h && typeof r[totalCol] === "number");
      const edited = `${columnLetter(totalCol)}${first + 1}`;
      await typeInto(page, sc.name, edited, "=1+1");
      const data = await sheetValues(page, "data");
      const dh = data.values.findIndex((r) => r.includes(w.id));
      const amount = data.values[dh].findIndex(
        (v, i) => i > 4 && typeof data.values[dh + 1][i] === "number"
      );
      const changed = `${columnLetter(amount)}${dh + 2}`;
      await typeInto(page, data.name, changed, "123456");

      await pane.getByRole("button", { name: w.verify }).click();
      await pane.getByText(w.disagree).waitFor({ timeout: 60_000 });
      const table = pane.getByRole("list", { name: new RegExp(`^${sc.name}`) });
      const row = table.getByRole("listitem").filter({ hasText: "=1+1" });
      const text = (await row.textContent()) ?? "";
      expect(text.startsWith(edited)).toBe(true);
      expect(text).toContain(w.edited);
      const inputs = pane.getByRole("heading", { name: w.inputs });
      await inputs.waitFor();
      await expect(
        pane.getByRole("button", { name: new RegExp(`^${data.name}!${changed}`) }).count()
      ).resolves.toBe(1);
      await pane.evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await page.screenshot({ path: path.join(SCREENSHOTS, `21-verify-${language}.png`) });

      // the engine's values for the Scorecard: it agrees again
      await pane.getByRole("button", { name: w.rewrite }).click();
      await pane.getByText(w.rewritten).waitFor({ timeout: 60_000 });
      await pane.getByRole("button", { name: w.verify }).click();
      await table.waitFor({ state: "detached", timeout: 60_000 });
      expect(errors).toEqual([]);
      await context.close();
    },
    240_000
  );
});

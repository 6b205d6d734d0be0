/**
 * npm run template -- <file.xlsx> [--lang zh-CN|en-US]
 *
 * Writes an empty plan template (Guide, Plan, Data, Feedback) for the default plan.
 */
import * as fs from "fs";
import * as path from "path";
import { defaultPlan } from "../src/engine/plan/defaultPlan";
import { templateLayout } from "../src/workbook/template";
import { writeXlsx } from "../src/workbook/xlsx";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const i = args.indexOf("--lang");
  const language = i >= 0 && args[i + 1] === "en-US" ? "en-US" : "zh-CN";
  const file = args.find((a, k) => !a.startsWith("--") && (k === 0 || args[k - 1] !== "--lang"));
  if (!file) {
    console.error("usage: npm run template -- <file.xlsx> [--lang zh-CN|en-US]");
    process.exit(2);
  }
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  await writeXlsx(templateLayout(defaultPlan(), language), file);
  console.log(`${file}: plan template (${language})`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

/**
 * npx tsx scripts/target-letters.ts <out-dir> [--lang zh-CN|en-US] [--period 2024-Q4] [--people N]
 *
 * Writes <out-dir>/target-letters.xlsx: the Target letters sheet (目标责任书) of the first N
 * salespeople (default 2) of the demo sample in a period (default its latest), as the add-in
 * writes it — what docs/images/target-letter.png shows once LibreOffice prints it to PDF
 * (`soffice --headless --convert-to pdf`, then `pdftoppm -png`).
 */
import * as fs from "fs";
import * as path from "path";
import { defaultPlan } from "../src/engine/plan/defaultPlan";
import { letterPeriodOf, targetLetter } from "../src/engine/evaluate/letters";
import { formatIssue } from "../src/engine/issues";
import { DEMO_SAMPLE } from "../src/workbook/demo";
import { generateSample } from "../src/workbook/sample";
import { templateLayout } from "../src/workbook/template";
import { readDataSheet } from "../src/workbook/data-sheet";
import { sheetValues } from "../src/workbook/grid";
import { targetLettersSheet } from "../src/workbook/letters";
import { writeXlsx } from "../src/workbook/xlsx";

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const out = args[0];
  if (!out || out.startsWith("--")) {
    console.error(
      "usage: npx tsx scripts/target-letters.ts <out-dir> [--lang zh-CN|en-US] [--period P] [--people N]"
    );
    process.exit(2);
  }
  const language = option(args, "--lang") === "en-US" ? "en-US" : "zh-CN";
  const people = Number(option(args, "--people") ?? 2);
  const plan = defaultPlan();
  const template = templateLayout(plan, language, generateSample(DEMO_SAMPLE));
  const ds = template.sheets.find((s) => s.role === "data")!;
  const rows = readDataSheet(sheetValues(ds), ds.name, plan).rows;
  const periods = [...new Set(rows.map((r) => letterPeriodOf(r, plan)))].filter(Boolean).sort();
  const period = option(args, "--period") ?? periods[periods.length - 1];
  const ids = [...new Set(rows.filter((r) => letterPeriodOf(r, plan) === period).map((r) => r.id))]
    .sort()
    .slice(0, people);
  const letters = ids.flatMap((id) => {
    const r = targetLetter(plan, rows, id, period);
    for (const p of r.problems) console.log(formatIssue(p, language));
    return r.letter ? [r.letter] : [];
  });
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, "target-letters.xlsx");
  await writeXlsx({ language, sheets: [targetLettersSheet(letters, language)] }, file);
  console.log(`${file}: ${letters.length} target letters of ${period}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

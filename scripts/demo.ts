/**
 * npm run demo -- <out-dir> [--lang zh-CN|en-US] [--style native|perf|values] [--people N] [--plan default|seed]
 *
 * --plan seed: the second built-in plan, the seed's indicators whole (seedPlan.ts), with the
 * sample's extra measures for it.
 * Writes <out-dir>/plan-demo.xlsx (the plan template filled with a generated sample, its
 * scorecard, commission ledger, annual review, summary and statements) and <out-dir>/plan-demo.json
 * (the engine's results per salesperson and period, month and year, with the cells they sit in).
 */
import * as fs from "fs";
import * as path from "path";
import { seedPlan } from "../src/engine/plan/seedPlan";
import { buildDemo, DEMO_SAMPLE, demoResults } from "../src/workbook/demo";
import type { FormulaStyle } from "../src/workbook/formula";
import { writeXlsx } from "../src/workbook/xlsx";

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const out = args.find(
    (a, i) => !a.startsWith("--") && (i === 0 || !args[i - 1].startsWith("--"))
  );
  if (!out) {
    console.error(
      "usage: npm run demo -- <out-dir> [--lang zh-CN|en-US] [--style native|perf|values] [--people N] [--plan default|seed]"
    );
    process.exit(2);
  }
  const language = option(args, "--lang") === "en-US" ? "en-US" : "zh-CN";
  const style = (option(args, "--style") ?? "native") as FormulaStyle;
  if (!["native", "perf", "values"].includes(style)) throw new Error(`unknown style ${style}`);
  const planChoice = option(args, "--plan") ?? "default";
  if (!["default", "seed"].includes(planChoice)) throw new Error(`unknown plan ${planChoice}`);
  const people = option(args, "--people") ? Number(option(args, "--people")) : DEMO_SAMPLE.people;
  fs.mkdirSync(out, { recursive: true });
  const t0 = performance.now();
  const sample = { ...DEMO_SAMPLE, people };
  const plan = planChoice === "seed" ? seedPlan() : undefined;
  const built = buildDemo({ language, style, sample, plan });
  const t1 = performance.now();
  const xlsx = path.join(out, "plan-demo.xlsx");
  const json = path.join(out, "plan-demo.json");
  await writeXlsx(built.layout, xlsx);
  const results = demoResults(built, sample);
  fs.writeFileSync(json, JSON.stringify(results, null, 1));
  const t2 = performance.now();
  const errors = results.periods.filter((p) => p.status === "error").length;
  console.log(
    `${xlsx}: ${built.layout.sheets.length} sheets, ${results.periods.length} scorecard rows (${errors} flagged), ${results.months.length} months, ${results.annual.length} annual rows, ${results.formulaCells} formula cells; ` +
      `built in ${Math.round(t1 - t0)} ms, written in ${Math.round(t2 - t1)} ms`
  );
  console.log(`${json}: engine results`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

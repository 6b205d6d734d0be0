/**
 * Workbook bench: the native-formula scorecard workbook of 1,000 salespeople × 12 months (the
 * generated sample; Monthly data, Commission, Scorecard, Annual and Summary formulas over the
 * Plan, Data and Feedback sheets) evaluated by HyperFormula, against the engine's time for the
 * same rows (evaluate(), median of 5 after a warm-up). The engine should be ≥ 50× faster.
 *
 * HyperFormula needs a few GB for a million formula cells; when this process's heap is smaller,
 * the HyperFormula part runs in a child Node with --max-old-space-size=8192 (same bundle or tsx).
 *
 * Run alone: npx tsx bench/workbook.bench.ts
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { getHeapStatistics } from "node:v8";
import type { RawCellContent } from "hyperformula";
import { defaultPlan, evaluate } from "../src/engine";
import { buildWorkbook, type BuiltWorkbook } from "../src/workbook/build";
import { layoutCells } from "../dev/workbook/layoutCells";
import { isFormula } from "../src/workbook/layout";
import { generateSample } from "../src/workbook/sample";

// HyperFormula (GPL-3.0, a devDependency) is loaded from the project's node_modules at run time:
// `npm run bench` bundles this file into a temporary folder, from where a plain require of an
// external package would not find it.
const { HyperFormula } = createRequire(join(process.cwd(), "package.json"))(
  "hyperformula"
) as typeof import("hyperformula");

/** 1,000 salespeople (the size); BENCH_WORKBOOK_PEOPLE sets another for a quick run. */
const PEOPLE = Number(process.env.BENCH_WORKBOOK_PEOPLE) || 1_000;
const MONTHS = 12;
const HEAP_MB = 8192;

function build(): BuiltWorkbook {
  return buildWorkbook(
    defaultPlan(),
    "zh-CN",
    generateSample({ people: PEOPLE, months: MONTHS, teams: 8, seed: 2024 }),
    "native"
  );
}

interface HfResult {
  hyperformulaMs: number;
  formulaCells: number;
  checkedTotal: number | null;
  engineTotal: number | null;
}

/** HyperFormula's time to load and evaluate the workbook (parse, dependency graph, every formula). */
function measureHyperFormula(built: BuiltWorkbook): HfResult {
  const sheets: Record<string, RawCellContent[][]> = {};
  let formulaCells = 0;
  for (const s of built.layout.sheets) {
    sheets[s.name] = layoutCells(s);
    if (s.kind === "output")
      for (const b of s.blocks)
        for (const line of b.cells) for (const c of line) if (isFormula(c)) formulaCells++;
  }
  const names = built.layout.sheets
    .flatMap((s) => s.names)
    .map((n) => ({ name: n.name, expression: "=" + n.ref }));
  // the payslips of 1,000 salespeople × 12 months are longer than HyperFormula's default 40,000 rows
  const maxRows = Math.max(40_000, ...Object.values(sheets).map((rows) => rows.length + 1));
  const t0 = performance.now();
  const hf = HyperFormula.buildFromSheets(
    sheets,
    { licenseKey: "gpl-v3", useArrayArithmetic: true, smartRounding: false, maxRows },
    names
  );
  const hyperformulaMs = performance.now() - t0;
  // One number read back, to show the evaluation is the real one: the first scorecard total.
  const sc = built.layout.sheets.find((s) => s.role === "scorecard")!;
  const col = (sc.blocks[0].cells[0] as unknown[]).indexOf("总分");
  const v = hf.getCellValue({ sheet: hf.getSheetId(sc.name)!, row: 2, col });
  const engine = built.evaluation.periods.totals[0];
  hf.destroy();
  return {
    hyperformulaMs,
    formulaCells,
    checkedTotal: typeof v === "number" ? v : null,
    engineTotal: Number.isNaN(engine) ? null : engine,
  };
}

function hyperformulaInChild(): HfResult {
  const r = spawnSync(
    process.execPath,
    [
      ...process.execArgv,
      `--max-old-space-size=${HEAP_MB}`,
      process.argv[1],
      "--hyperformula-child",
    ],
    {
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
      stdio: ["ignore", "pipe", "inherit"],
    }
  );
  const last = r.stdout.trim().split("\n").pop() ?? "";
  if (r.status !== 0 || !last.startsWith("{"))
    throw new Error(`HyperFormula child failed (${r.status})`);
  return JSON.parse(last) as HfResult;
}

export async function run(): Promise<Record<string, number | boolean | null>> {
  const built = build();
  const plan = defaultPlan();
  const rows = built.data.rows;
  const ratings = built.feedback.ratings;
  evaluate(plan, rows, ratings);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    evaluate(plan, rows, ratings);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const engineMs = times[2];
  const heapMb = getHeapStatistics().heap_size_limit / 2 ** 20;
  const hf = heapMb >= HEAP_MB * 0.9 ? measureHyperFormula(built) : hyperformulaInChild();
  return {
    people: PEOPLE,
    months: MONTHS,
    dataRows: rows.length,
    scorecardRows: built.evaluation.periods.frame.n,
    formulaCells: hf.formulaCells,
    hyperformulaMs: Math.round(hf.hyperformulaMs),
    engineMs: Math.round(engineMs * 10) / 10,
    ratio: Math.round(hf.hyperformulaMs / engineMs),
    targetMet: hf.hyperformulaMs / engineMs >= 50,
    sameFirstTotal:
      hf.checkedTotal !== null &&
      hf.engineTotal !== null &&
      Math.abs(hf.checkedTotal - hf.engineTotal) <= 1e-9 * Math.max(1, Math.abs(hf.engineTotal)),
  };
}

if (require.main === module) {
  if (process.argv.includes("--hyperformula-child")) {
    console.log(JSON.stringify(measureHyperFormula(build())));
  } else {
    run().then((r) => {
      console.table(r);
      console.log(JSON.stringify(r));
    });
  }
}

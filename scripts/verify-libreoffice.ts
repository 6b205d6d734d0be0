/**
 * npm run verify:libreoffice (or: tsx scripts/verify-libreoffice.ts [out-dir] [--plan default|seed])
 *
 * Proof by a second spreadsheet program: runs `npm run demo`, recalculates plan-demo.xlsx in
 * LibreOffice headless (fresh profile, recalculation forced on load), reads the recalculated
 * values back with exceljs and compares them with plan-demo.json (every result per salesperson
 * and period, month and year) and with the engine's value of every formula cell of the output
 * sheets (the demo is deterministic, so the layout is rebuilt here to know each cell's value).
 * `--plan seed` proves the second built-in plan's demo (the seed's indicators whole).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { seedPlan } from "../src/engine/plan/seedPlan";
import { buildDemo, type DemoResults } from "../src/workbook/demo";
import { columnIndex } from "../src/workbook/a1";
import { compareLayout, type Comparison } from "./layout-compare";
import { readValues, recalculate, type Read } from "./libreoffice";

export interface JsonCheck {
  values: number;
  maxRelativeDiff: number;
  maxMoneyDiff: number;
  mismatches: { sheet: string; cell: string; field: string; expected: unknown; actual: unknown }[];
}

const MONEY_FIELDS = new Set([
  "base",
  "performanceStandard",
  "performancePay",
  "commission",
  "bonus",
  "totalPay",
  "earned",
  "paidNow",
  "deferred",
  "recovered",
  "balance",
  "clawback",
  "adjustment",
  "bonusStandard",
  "settlement",
  "outstandingClawback",
  "payout",
  "clawedBack",
  "gross",
]);

/** Compares the JSON's engine results with the cells they name. */
export function checkJson(results: DemoResults, read: Read): JsonCheck {
  const out: JsonCheck = { values: 0, maxRelativeDiff: 0, maxMoneyDiff: 0, mismatches: [] };
  const groups: [DemoResults["columns"][number]["role"], { row: number }[]][] = [
    ["scorecard", results.periods],
    ["commission", results.months],
    ["annual", results.annual],
    ["paylist", results.paylist],
  ];
  for (const [role, rows] of groups) {
    const spec = results.columns.find((c) => c.role === role);
    if (!spec) continue;
    for (const r of rows) {
      for (const [field, letter] of Object.entries(spec.columns)) {
        const expected = (r as unknown as Record<string, unknown>)[field];
        const got = read(spec.sheet, r.row - 1, columnIndex(letter));
        out.values++;
        let ok: boolean;
        if (expected === null)
          ok =
            got === "" ||
            got === null ||
            got === undefined ||
            (typeof got === "object" && got !== null && "error" in got);
        else if (typeof expected === "number") {
          ok = typeof got === "number";
          if (ok) {
            const d = Math.abs((got as number) - expected);
            if (MONEY_FIELDS.has(field)) {
              out.maxMoneyDiff = Math.max(out.maxMoneyDiff, d);
              ok = d <= 1e-6;
            } else {
              const rel = d / Math.max(1, Math.abs(expected));
              out.maxRelativeDiff = Math.max(out.maxRelativeDiff, rel);
              ok = rel <= 1e-9;
            }
          }
        } else ok = got === expected;
        if (!ok && out.mismatches.length < 50)
          out.mismatches.push({
            sheet: spec.sheet,
            cell: `${letter}${r.row}`,
            field,
            expected,
            actual: got,
          });
      }
    }
  }
  return out;
}

export interface Verification {
  dir: string;
  demoMs: number;
  libreofficeMs: number;
  json: JsonCheck;
  cells: Comparison;
}

/** Runs the demo command, recalculates in LibreOffice and compares. */
export async function verifyDemo(
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-demo-")),
  plan: "default" | "seed" = "default"
): Promise<Verification> {
  const root = path.resolve(__dirname, "..");
  const t0 = performance.now();
  const demo = spawnSync("npm", ["run", "--silent", "demo", "--", dir, "--plan", plan], {
    cwd: root,
    encoding: "utf8",
    timeout: 10 * 60 * 1000,
  });
  if (demo.status !== 0) throw new Error(`npm run demo failed: ${demo.stderr || demo.stdout}`);
  const demoMs = performance.now() - t0;
  const results = JSON.parse(
    fs.readFileSync(path.join(dir, "plan-demo.json"), "utf8")
  ) as DemoResults;
  const lo = recalculate(path.join(dir, "plan-demo.xlsx"), path.join(dir, "libreoffice"));
  const { read } = await readValues(lo.file);
  const json = checkJson(results, read);
  const built = buildDemo({
    language: results.language,
    sample: results.sample,
    plan: plan === "seed" ? seedPlan() : undefined,
  });
  const cells = compareLayout(built.layout, read, [
    "months",
    "commission",
    "scorecard",
    "annual",
    "summary",
    "paylist",
    "payslips",
    "tracking",
  ]);
  return { dir, demoMs, libreofficeMs: lo.ms, json, cells };
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--plan");
  const plan = at >= 0 && args[at + 1] === "seed" ? "seed" : "default";
  const dir = args.find((a, i) => !a.startsWith("--") && (i === 0 || args[i - 1] !== "--plan"));
  verifyDemo(dir, plan)
    .then((v) => {
      const { json, cells } = v;
      console.log(
        JSON.stringify({
          dir: v.dir,
          demoMs: Math.round(v.demoMs),
          libreofficeMs: Math.round(v.libreofficeMs),
          json: {
            values: json.values,
            maxRelativeDiff: json.maxRelativeDiff,
            maxMoneyDiff: json.maxMoneyDiff,
            mismatches: json.mismatches.length,
          },
          cells: {
            compared: cells.cells,
            numbers: cells.numbers,
            money: cells.money,
            maxRelativeDiff: cells.maxRelativeDiff,
            maxMoneyDiff: cells.maxMoneyDiff,
            mismatches: cells.mismatches.length,
          },
        })
      );
      for (const m of [...json.mismatches, ...cells.mismatches].slice(0, 20))
        console.log(JSON.stringify(m));
      process.exit(json.mismatches.length + cells.mismatches.length === 0 ? 0 : 1);
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}

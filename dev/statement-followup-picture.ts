/**
 * The README picture of a statement that follows up the previous quarter's improvement plan
 * (development tooling, run by hand):
 *
 *   npx tsx dev/statement-followup-picture.ts [outdir]  → docs/images/statement-followup.png
 *
 * Lays out, with the demo's sample and plan, one salesperson's Q3 statement with the demo's
 * improvement plan written on it and their Q4 statement following it up (the first line's
 * outcome filled as the interviewer would), writes the Statements sheet as .xlsx, has LibreOffice
 * print it to PDF (A4, the sheet's page breaks) and turns the Q4 page(s) into the PNG. Prints
 * how many pages each statement takes.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { explain } from "../src/engine/evaluate/explain";
import { defaultPlan } from "../src/engine/plan/defaultPlan";
import { buildWorkbook } from "../src/workbook/build";
import { DEMO_SAMPLE, demoImprovementPlan } from "../src/workbook/demo";
import { generateSample } from "../src/workbook/sample";
import { statementKey, statementsSheet, type StatementNotes } from "../src/workbook/statements";
import { writeXlsx } from "../src/workbook/xlsx";
import { findSoffice } from "../scripts/libreoffice";

const ROOT = path.join(__dirname, "..");

async function main(): Promise<void> {
  const out = process.argv[2] ?? path.join(ROOT, "docs", "images");
  const soffice = findSoffice();
  if (!soffice) throw new Error("LibreOffice (soffice) is not installed");
  const language = "zh-CN";
  const sample = generateSample(DEMO_SAMPLE);
  const ev = buildWorkbook(defaultPlan(), language, sample, "values").evaluation;
  const pf = ev.periods.frame;
  const row = (period: string) =>
    pf.ids.findIndex((id, r) => id === sample.rows[0].id && pf.periods[r] === period);
  const items = ["2024-Q3", "2024-Q4"].map((p) => ({ plan: ev.plan, trace: explain(ev, row(p)) }));
  const [q3, q4] = items.map((i) => i.trace);
  const plan = demoImprovementPlan(q3, language);
  const kept = new Map<string, StatementNotes>([
    [
      statementKey(q3.subject.id, q3.subject.period),
      { notes: plan.map((t) => [t, null, null, null, null, null, null, null]), sign: [] },
    ],
    [
      statementKey(q4.subject.id, q4.subject.period),
      {
        notes: [],
        sign: [],
        followUp: plan.map((text, k) => ({
          text,
          result: k === 0 ? "部分达成" : null,
          note: k === 0 ? "完成率由 78% 提升到 92%，仍低于目标" : null,
        })),
      },
    ],
  ]);
  const sheet = statementsSheet(items, language, undefined, kept);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "statement-followup-"));
  const xlsx = path.join(dir, "statements.xlsx");
  await writeXlsx({ language, sheets: [sheet] }, xlsx);
  const profile = path.join(dir, "profile");
  const r = spawnSync(
    soffice,
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      xlsx,
    ],
    { encoding: "utf8", timeout: 300_000 }
  );
  const pdf = path.join(dir, "statements.pdf");
  if (r.status !== 0 || !fs.existsSync(pdf)) throw new Error(`LibreOffice failed: ${r.stderr}`);
  const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? "0");
  console.log(`${pages} pages for ${items.length} statements (${pdf})`);
  // the Q4 statement starts on the page after the Q3 statement's last
  const first = pages / items.length + 1;
  fs.mkdirSync(out, { recursive: true });
  const png = spawnSync(
    "pdftoppm",
    ["-png", "-r", "110", "-f", String(first), "-l", String(first), "-singlefile", pdf],
    { encoding: "buffer", maxBuffer: 64 * 1024 * 1024 }
  );
  if (png.status !== 0) throw new Error(`pdftoppm failed: ${png.stderr.toString()}`);
  fs.writeFileSync(path.join(out, "statement-followup.png"), png.stdout);
  console.log(`wrote ${path.join(out, "statement-followup.png")}`);
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

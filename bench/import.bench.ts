/**
 * Import of a large CRM export, from the file to evaluated results: 500,000 salesperson-months
 * (166,667 people × April–June) in GB18030 as Chinese Excel saves it, ~75 MB, with a title line,
 * a blank line, a subtotal after each 60 rows, money with ¥ or thousands separators in quotes,
 * renewal rates with %, and 2024年4月 months (the shape of test/fixtures/crm-export-2024Q2-gbk.csv).
 *
 * Each path runs in a child process of its own, so that its memory is its own:
 * - "streaming": readDataFile (bytes decoded, parsed, checked and read into columns in slices),
 *   then evaluate over the columns;
 * - "classic": the path the pane took before (readCsvFile's whole text and table, readDataTable's
 *   DataRow objects, evaluate over them), for comparison.
 * Memory: the child's peak resident set size as the kernel counts it (getrusage maxRSS: V8's heap,
 * typed arrays, the file's bytes, code), and the peak of V8's heap plus external memory sampled at
 * each stage's end and at each progress report. Both paths must give the same issues and numbers.
 *
 * Run alone: npx tsx bench/import.bench.ts   (IMPORT_ROWS=100000 for a smaller file)
 */
import { spawnSync } from "node:child_process";
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as iconv from "iconv-lite";
import {
  dataHeaderSpec,
  defaultPlan,
  evaluate,
  readCsvFile,
  readDataFile,
  readDataTable,
  type Evaluation,
} from "../src/engine";
import { rng } from "../src/workbook/random";

const ROWS = Number(process.env.IMPORT_ROWS ?? 500_000);
const plan = defaultPlan();

const money = (v: number, grouped: boolean) =>
  grouped
    ? `"${v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}"`
    : v.toFixed(2);

/** One row's cells after the identity columns, in the plan's field order. */
function cells(r: () => number, month: number, base: number): string[] {
  const days = month === 5 ? 31 : 30;
  const target = 100000 * (3 + Math.floor(r() * 3));
  const sales = Math.round(target * (0.5 + r()) * 100) / 100;
  const due = Math.round(sales * (0.8 + 0.3 * r()) * 100) / 100;
  const v: Record<string, string> = {
    sales_amount: money(sales, r() < 0.5),
    sales_target: String(target),
    prior_sales: money(sales * (0.8 + 0.4 * r()), false),
    collected: money(due * (0.6 + 0.4 * r()), r() < 0.3),
    due: money(due, false),
    new_customers: String(Math.floor(r() * 6)),
    new_customers_target: "3",
    strategic_amount: money(sales * 0.3 * r(), false),
    satisfaction: String(60 + Math.floor(r() * 40)),
    retention_rate: `${50 + Math.floor(r() * 50)}%`,
    clv: String(100000 + Math.floor(r() * 400000)),
    complaint_resolution: (0.6 + Math.floor(r() * 40) / 100).toFixed(2),
    visits: String(10 + Math.floor(r() * 40)),
    calls: String(50 + Math.floor(r() * 200)),
    proposals: String(1 + Math.floor(r() * 10)),
    leads: String(20 + Math.floor(r() * 60)),
    opportunities: String(2 + Math.floor(r() * 18)),
    sales_cycle_days: String(15 + Math.floor(r() * 60)),
    product_knowledge: String(55 + Math.floor(r() * 45)),
    digital_tools: String(50 + Math.floor(r() * 50)),
    training_hours: (Math.floor(r() * 160) / 10).toFixed(1),
    deductions: r() < 0.9 ? "0" : String(1 + Math.floor(r() * 5)),
    days_worked: String(r() < 0.97 ? days : 10 + Math.floor(r() * 20)),
    days_in_period: String(days),
    base_salary: String(base),
    performance_pay: "3000",
  };
  return plan.fields.filter((f) => f.key in v).map((f) => v[f.key]);
}

/** Writes the export to `path` a few thousand lines at a time; returns its size in bytes. */
function writeExport(path: string): number {
  const r = rng(2024);
  const header = [
    "员工编号",
    "姓名",
    "部门",
    "月份",
    ...plan.fields.filter((f) => !f.optional).map((f) => f.name.zh),
  ];
  const fd = openSync(path, "w");
  let size = 0;
  let lines: string[] = [
    "销售业绩明细导出（2024年第二季度）,,导出时间：2024-07-01 09:30",
    "",
    header.join(","),
  ];
  const flush = () => {
    const bytes = iconv.encode(lines.join("\r\n") + "\r\n", "gb18030");
    writeSync(fd, bytes);
    size += bytes.length;
    lines = [];
  };
  const teams = ["华东一部", "华东二部", "华南部", "华北部", "西南部", "华中部"];
  const surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
  const given = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚";
  let base = 6000;
  for (let i = 0; i < ROWS; i++) {
    const p = Math.floor(i / 3);
    const month = (i % 3) + 4;
    if (month === 4) base = 6000 + 1000 * Math.floor(r() * 3);
    const name =
      surnames[p % 20] + given[Math.floor(p / 20) % 20] + given[Math.floor(p / 400) % 20];
    const team = teams[Math.floor(p / 20) % teams.length];
    const row = [`S${100000 + p}`, name, team, `2024年${month}月`, ...cells(r, month, base)];
    lines.push(row.join(","));
    if (i % 60 === 59) lines.push(`,${team} 小计,,,`);
    if (lines.length >= 5000) flush();
  }
  flush();
  closeSync(fd);
  return size;
}

/** Peak of V8's heap plus external memory (typed arrays, buffers), sampled. */
let heapPeak = 0;
function sample(): void {
  const m = process.memoryUsage();
  heapPeak = Math.max(heapPeak, m.heapUsed + m.external);
}

function digest(ev: Evaluation, issues: number): Record<string, number> {
  let pay = 0;
  let total = 0;
  for (let q = 0; q < ev.periods.frame.n; q++) {
    if (!Number.isNaN(ev.periodPay.total[q])) pay += ev.periodPay.total[q];
    if (!Number.isNaN(ev.periods.totals[q])) total += ev.periods.totals[q];
  }
  return { months: ev.months.frame.n, periods: ev.periods.frame.n, pay, total, issues };
}

async function streaming(path: string): Promise<Record<string, number>> {
  const t0 = performance.now();
  const bytes: Uint8Array = readFileSync(path);
  sample();
  const t1 = performance.now();
  let scanEnd = 0;
  const read = await readDataFile(bytes, "export.csv", plan, {
    onProgress: (p) => {
      sample();
      if (p.stage === "read" && scanEnd === 0) scanEnd = performance.now();
    },
  });
  if (!read.ok) throw new Error(JSON.stringify(read.issues.slice(0, 3)));
  sample();
  const t2 = performance.now();
  const ev = evaluate(plan, read.data.columns);
  sample();
  const t3 = performance.now();
  return {
    fileMs: t1 - t0,
    scanMs: scanEnd - t1,
    readMs: t2 - scanEnd,
    evaluateMs: t3 - t2,
    totalMs: t3 - t0,
    ...digest(ev, read.fileIssues.length + read.data.issues.length),
  };
}

async function classic(path: string): Promise<Record<string, number>> {
  const t0 = performance.now();
  const bytes: Uint8Array = readFileSync(path);
  sample();
  const t1 = performance.now();
  const file = await readCsvFile(bytes, "export.csv", dataHeaderSpec(plan), sample);
  if (!file.ok) throw new Error(JSON.stringify(file.issues.slice(0, 3)));
  sample();
  const t2 = performance.now();
  const reading = readDataTable(file.table, plan);
  sample();
  const t3 = performance.now();
  const ev = evaluate(plan, reading.rows);
  sample();
  const t4 = performance.now();
  return {
    fileMs: t1 - t0,
    scanMs: t2 - t1,
    readMs: t3 - t2,
    evaluateMs: t4 - t3,
    totalMs: t4 - t0,
    ...digest(ev, file.issues.length + reading.issues.length),
  };
}

async function child(mode: string, path: string): Promise<void> {
  const r = mode === "streaming" ? await streaming(path) : await classic(path);
  const peakRssMB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ ...r, peakRssMB, peakHeapMB: heapPeak / 1024 / 1024 }));
}

function runChild(mode: string, path: string): Record<string, number> {
  const out = spawnSync(
    process.execPath,
    [...process.execArgv, process.argv[1], "--child", mode, path],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 24 }
  );
  const last = out.stdout.trim().split("\n").pop() ?? "";
  if (out.status !== 0 || !last.startsWith("{")) throw new Error(`${mode} failed: ${out.stdout}`);
  return JSON.parse(last);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function main(): void {
  const path = join(tmpdir(), `perf-import-${process.pid}.csv`);
  try {
    const size = writeExport(path);
    const runs = Number(process.env.IMPORT_RUNS ?? 3);
    const stream: Record<string, number>[] = [];
    for (let i = 0; i < runs; i++) stream.push(runChild("streaming", path));
    const old = runChild("classic", path);
    const s = Object.fromEntries(
      Object.keys(stream[0]).map((k) => [k, median(stream.map((x) => x[k]))])
    );
    for (const k of ["months", "periods", "pay", "total", "issues"])
      if (s[k] !== old[k]) throw new Error(`the paths disagree on ${k}: ${s[k]} and ${old[k]}`);
    const mb = size / 1e6;
    const ms = (x: number) => `${Math.round(x)}`.padStart(7) + " ms";
    console.log(
      `import of ${ROWS.toLocaleString("en-US")} rows, ${mb.toFixed(1)} MB GB18030, file to evaluated results (streaming: median of ${runs} runs; classic: 1 run)`
    );
    console.log(`                      streaming    classic`);
    for (const [k, label] of [
      ["fileMs", "read the file"],
      ["scanMs", "decode+parse (1)"],
      ["readMs", "read+check rows"],
      ["evaluateMs", "evaluate"],
      ["totalMs", "total"],
    ])
      console.log(`  ${label.padEnd(18)} ${ms(s[k])} ${ms(old[k])}`);
    console.log(
      `  peak RSS           ${s.peakRssMB.toFixed(0).padStart(7)} MB ${old.peakRssMB.toFixed(0).padStart(7)} MB`
    );
    console.log(
      `  peak heap+ext      ${s.peakHeapMB.toFixed(0).padStart(7)} MB ${old.peakHeapMB.toFixed(0).padStart(7)} MB`
    );
    console.log(
      `  ${s.months} months, ${s.periods} quarters, ${s.issues} messages (the same on both paths)`
    );
    console.log(
      "  (1) streaming: the first pass (decode, text checks, parse, header, reading rules); its second pass (decode, parse, read, check) is read+check. classic: decode, parse and header."
    );
    console.log(
      JSON.stringify({
        rows: ROWS,
        mb: Number(mb.toFixed(1)),
        scanMs: Math.round(s.scanMs),
        readMs: Math.round(s.readMs),
        evaluateMs: Math.round(s.evaluateMs),
        totalMs: Math.round(s.totalMs),
        peakRssMB: Math.round(s.peakRssMB),
        peakHeapMB: Math.round(s.peakHeapMB),
        rowsPerSecond: Math.round((ROWS / s.totalMs) * 1000),
        classicTotalMs: Math.round(old.totalMs),
        classicPeakRssMB: Math.round(old.peakRssMB),
        speedupOverClassic: Number((old.totalMs / s.totalMs).toFixed(1)),
      })
    );
  } finally {
    rmSync(path, { force: true });
  }
}

if (process.argv[2] === "--child") void child(process.argv[3], process.argv[4]);
else if (process.argv[2] === "--write") writeExport(process.argv[3]);
else main();

/**
 * Writer benchmark, measured by Microsoft's own Excel client (office.js's excel-web client in
 * jsdom, its requests answered by the Excel double: test/support/office-client), so every request
 * size is what Excel on the web would receive (limit about 5 MB; the writer's budget at most 4):
 *
 * - the 10,000-row × 30-column plan workbook (Data, Scorecard, Summary with a chart, Statements
 *   with print setup) with every kind of style on the Scorecard — banded groups of ten rows,
 *   each bold/italic, filled, coloured, sized, aligned and with thin borders (≈ 3.5 KB a style in
 *   the client's JSON) — at the default 2 MB budget and at the 4 MB maximum: round trips, the
 *   largest real request, time (writer, client and double together, median of three), then
 *   regenerating changed outputs over it (which reads the old sheets back first);
 * - the real output sheets of a generation (Monthly data, Commission, Scorecard, Annual, Summary)
 *   in each formula style — native, PERF, values — for 300 salespeople over 12 months, at 4 MB.
 *
 * Run alone: npx tsx bench/writer.bench.ts
 */
import { performance } from "node:perf_hooks";
import { defaultPlan } from "../src/engine";
import { MAX_BATCH_BYTES } from "../src/office/batch";
import { applyLayout } from "../src/office/writer";
import { buildWorkbook, generateSample } from "../src/workbook";
import type { WorkbookLayout } from "../src/workbook/layout";
import { createExcelDouble, LIMIT_BYTES, type ServedRequest } from "../test/support/excel-double";
import { fixtureLayout } from "../test/office/fixtures";

const ROWS = 10_000;
const COLUMNS = 30;
const RUNS = 3;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The requests the double served (the client's reference clean-up left out). */
function requests(served: ServedRequest[], from = 0): ServedRequest[] {
  return served.slice(from).filter((s) => !s.bookkeeping);
}

const largest = (rs: ServedRequest[], key: "requestBytes" | "responseBytes") =>
  rs.reduce((m, s) => Math.max(m, s[key]), 0);

async function write(layout: WorkbookLayout, chunkBytes?: number) {
  const d = createExcelDouble();
  const t = performance.now();
  const r = await applyLayout(layout, { host: d.asHost(), chunkBytes });
  const ms = performance.now() - t;
  if (r.status !== "done") throw new Error(`the writer did not finish: ${JSON.stringify(r)}`);
  return { d, ms, served: requests(d.client().served) };
}

async function fixtureRuns(chunkBytes: number | undefined) {
  const layout = fixtureLayout({ rows: ROWS, columns: COLUMNS, allStyles: true });
  const changed = fixtureLayout({ rows: ROWS, columns: COLUMNS, allStyles: true, revision: 1 });
  const times: number[] = [];
  const again: number[] = [];
  let first: ServedRequest[] = [];
  let second: ServedRequest[] = [];
  for (let i = 0; i < RUNS; i++) {
    const { d, ms, served } = await write(layout, chunkBytes);
    times.push(ms);
    first = served;
    const from = d.client().served.length;
    const t = performance.now();
    const r2 = await applyLayout(changed, { host: d.asHost(), chunkBytes });
    again.push(performance.now() - t);
    if (r2.status !== "done") throw new Error(`the rewrite did not finish: ${JSON.stringify(r2)}`);
    second = requests(d.client().served, from);
  }
  return {
    syncs: first.length,
    largestRequestBytes: largest(first, "requestBytes"),
    totalRequestBytes: first.reduce((n, s) => n + s.requestBytes, 0),
    ms: Math.round(median(times)),
    regenerateSyncs: second.length,
    regenerateLargestRequestBytes: largest(second, "requestBytes"),
    regenerateLargestResponseBytes: largest(second, "responseBytes"),
    regenerateMs: Math.round(median(again)),
  };
}

async function formulaStyles() {
  const out: Record<string, number> = {};
  const sample = generateSample({ people: 300, months: 12 });
  for (const style of ["native", "perf", "values"] as const) {
    const built = buildWorkbook(defaultPlan(), "zh-CN", sample, style).layout;
    const outputs = { ...built, sheets: built.sheets.filter((s) => s.kind === "output") };
    const { served, ms } = await write(outputs, MAX_BATCH_BYTES);
    out[`${style}Syncs`] = served.length;
    out[`${style}LargestRequestBytes`] = largest(served, "requestBytes");
    out[`${style}Ms`] = Math.round(ms);
  }
  return out;
}

export async function run() {
  // warm up the code paths on a small workbook
  await write(fixtureLayout({ rows: 200, allStyles: true }));
  const standard = await fixtureRuns(undefined);
  const maximum = await fixtureRuns(MAX_BATCH_BYTES);
  const styles = await formulaStyles();
  const result = {
    rows: ROWS,
    columns: COLUMNS,
    measuredBy: "office.js excel-web-16.00 client",
    writerSyncs: standard.syncs,
    writerLargestPayloadBytes: standard.largestRequestBytes,
    writerTotalRequestBytes: standard.totalRequestBytes,
    writerMs: standard.ms,
    regenerateSyncs: standard.regenerateSyncs,
    regenerateLargestPayloadBytes: standard.regenerateLargestRequestBytes,
    regenerateLargestResponseBytes: standard.regenerateLargestResponseBytes,
    regenerateMs: standard.regenerateMs,
    max4MbSyncs: maximum.syncs,
    max4MbLargestPayloadBytes: maximum.largestRequestBytes,
    max4MbMs: maximum.ms,
    ...Object.fromEntries(Object.entries(styles).map(([k, v]) => [`outputs.${k}`, v])),
  };
  const biggest = Math.max(
    result.writerLargestPayloadBytes,
    result.regenerateLargestPayloadBytes,
    result.max4MbLargestPayloadBytes,
    ...Object.entries(styles)
      .filter(([k]) => k.endsWith("LargestRequestBytes"))
      .map(([, v]) => v)
  );
  if (biggest > MAX_BATCH_BYTES || biggest >= LIMIT_BYTES)
    throw new Error(`a request of ${biggest} bytes exceeds the 4 MB budget`);
  return { ...result, largestRealRequestBytes: biggest };
}

if (require.main === module) {
  run().then(
    (r) => {
      console.table(r);
      console.log(JSON.stringify(r));
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    }
  );
}

/**
 * Writer benchmark: the Office.js writer applies a plan workbook with a 10,000-row × 30-column
 * scorecard (and its Data sheet, Summary with a chart, Statements with print setup) to the Excel
 * double, which measures every request the way Excel on the web limits it. Reports the round
 * trips, the largest request, and the time (writer and double together, median of three runs),
 * then regenerates changed outputs over the written workbook (which reads the old sheets back
 * to check them for edits first).
 *
 * Run alone: npx tsx bench/writer.bench.ts
 */
import { performance } from "node:perf_hooks";
import { applyLayout } from "../src/office/writer";
import { createExcelDouble, type SyncRecord } from "../test/support/excel-double";
import { fixtureLayout } from "../test/office/fixtures";

const ROWS = 10_000;
const COLUMNS = 30;
const RUNS = 3;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function largest(syncs: SyncRecord[], key: "requestBytes" | "responseBytes"): number {
  return syncs.reduce((m, s) => Math.max(m, s[key]), 0);
}

export async function run() {
  const layout = fixtureLayout({ rows: ROWS, columns: COLUMNS });
  const changed = fixtureLayout({ rows: ROWS, columns: COLUMNS, revision: 1 });
  // warm up the code paths on a small workbook
  await applyLayout(fixtureLayout({ rows: 200 }), { host: createExcelDouble().asHost() });

  const times: number[] = [];
  const regenerateTimes: number[] = [];
  let first: SyncRecord[] = [];
  let again: SyncRecord[] = [];
  for (let i = 0; i < RUNS; i++) {
    const d = createExcelDouble();
    let t = performance.now();
    const r = await applyLayout(layout, { host: d.asHost() });
    times.push(performance.now() - t);
    if (r.status !== "done") throw new Error(`the writer did not finish: ${JSON.stringify(r)}`);
    first = [...d.syncs];
    const from = d.syncs.length;
    t = performance.now();
    const r2 = await applyLayout(changed, { host: d.asHost() });
    regenerateTimes.push(performance.now() - t);
    if (r2.status !== "done")
      throw new Error(`the regeneration did not finish: ${JSON.stringify(r2)}`);
    again = d.syncs.slice(from);
  }
  return {
    rows: ROWS,
    columns: COLUMNS,
    writerSyncs: first.length,
    writerLargestPayloadBytes: largest(first, "requestBytes"),
    writerTotalRequestBytes: first.reduce((n, s) => n + s.requestBytes, 0),
    writerMs: Math.round(median(times)),
    regenerateSyncs: again.length,
    regenerateLargestPayloadBytes: largest(again, "requestBytes"),
    regenerateLargestResponseBytes: largest(again, "responseBytes"),
    regenerateMs: Math.round(median(regenerateTimes)),
  };
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

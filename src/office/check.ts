/**
 * Reading back what Excel computed, for the self-check (src/workbook/verify.ts decides which rows
 * and compares): once Excel has calculated, the values and formulas of rows of a sheet, in round
 * trips sized to the response budget. PERF functions run asynchronously, and their cells show
 * #BUSY! (or #GETTING_DATA on older builds) until they return: those rows are read again after
 * a pause, a few times; cells still busy after that are counted, never compared.
 */
import type { CellInput } from "../engine";
import type { ReadRow, RowsRead } from "../workbook/verify";
import { clampBudget, syncEach, type RoundTrip } from "./batch";
import { jsonBytes } from "./cells";
import { detectFeatures, officeHost } from "./host";
import { run, targetName, type ReadOptions, type SheetTarget } from "./reader";
import { loadWorkbookState } from "./workbook";

export interface CheckReadOptions extends ReadOptions {
  /** How to wait between attempts (tests pass a quicker clock; Excel's is setTimeout). */
  pause?: (ms: number) => Promise<void>;
}

const BUSY = new Set(["#BUSY!", "#GETTING_DATA"]);
/** Pauses before each re-read of busy cells, and before each look at the calculation state. */
const PAUSES = [250, 500, 1000, 2000, 4000, 4000, 4000];

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Consecutive rows as runs [start, count]. */
function runsOf(rows: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const r of [...rows].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === r) last[1]++;
    else if (!last || last[0] + last[1] < r) runs.push([r, 1]);
  }
  return runs;
}

/**
 * Read `props` of the rows of a sheet, runs of rows packed into round trips of about `budget`
 * response bytes (the weight per row learned from each answer).
 */
async function readRuns(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  rows: readonly number[],
  columns: number,
  props: "values,formulas" | "values",
  budget: number
): Promise<Map<number, { values: unknown[]; formulas?: unknown[] }>> {
  const out = new Map<number, { values: unknown[]; formulas?: unknown[] }>();
  const runs = runsOf(rows).flatMap(([start, count]) => {
    const pieces: [number, number][] = [];
    for (let at = 0; at < count; at += 1000) pieces.push([start + at, Math.min(1000, count - at)]);
    return pieces;
  });
  let next = 0;
  let perRow = Math.max(64, columns * (props === "values" ? 24 : 48));
  await syncEach(context, (): RoundTrip | undefined => {
    if (next >= runs.length) return undefined;
    const trip: { start: number; range: Excel.Range }[] = [];
    let expected = 0;
    while (
      next < runs.length &&
      (trip.length === 0 || expected + runs[next][1] * perRow <= budget)
    ) {
      const [start, count] = runs[next++];
      const range = sheet.getRangeByIndexes(start, 0, count, columns).load(props);
      trip.push({ start, range });
      expected += count * perRow;
    }
    return {
      bytes: 0,
      done: () => {
        for (const { start, range } of trip) {
          const values = range.values as unknown[][];
          const formulas = props === "values" ? undefined : (range.formulas as unknown[][]);
          perRow = Math.max(
            perRow,
            (1.25 * (jsonBytes(values) + jsonBytes(formulas ?? []))) / values.length
          );
          values.forEach((line, i) =>
            out.set(start + i, { values: line, formulas: formulas?.[i] })
          );
        }
      },
    };
  });
  return out;
}

/** Wait until Excel reports it has calculated (ExcelApi 1.9), looking again after each pause. */
async function calculated(
  context: Excel.RequestContext,
  pause: (ms: number) => Promise<void>,
  attempt = 0
): Promise<void> {
  const app = context.workbook.application.load("calculationState");
  await context.sync();
  if (app.calculationState === "Done" || attempt >= PAUSES.length) return;
  await pause(PAUSES[attempt]);
  return calculated(context, pause, attempt + 1);
}

/** Rows whose values still show a busy cell, re-read after pauses until none or out of attempts. */
async function settle(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  rows: Map<number, ReadRow>,
  columns: number,
  budget: number,
  pause: (ms: number) => Promise<void>,
  attempt = 0
): Promise<number> {
  const busy = [...rows.values()].filter((r) => r.values.some((v) => BUSY.has(v as string)));
  const cells = busy.reduce((n, r) => n + r.values.filter((v) => BUSY.has(v as string)).length, 0);
  if (cells === 0 || attempt >= PAUSES.length) return cells;
  await pause(PAUSES[attempt]);
  const again = await readRuns(
    context,
    sheet,
    busy.map((r) => r.row),
    columns,
    "values",
    budget
  );
  for (const [row, read] of again) rows.get(row)!.values = read.values as CellInput[];
  return settle(context, sheet, rows, columns, budget, pause, attempt + 1);
}

/** The values and formulas of `rows` of a sheet (columns from A), once Excel has calculated. */
export async function readRowsForCheck(
  target: SheetTarget,
  rows: readonly number[],
  columns: number,
  options: CheckReadOptions = {}
): Promise<RowsRead> {
  const host = options.host ?? officeHost();
  const budget = clampBudget(options.chunkBytes);
  const pause = options.pause ?? sleep;
  const features = detectFeatures(host);
  return run(host, async (context) => {
    const state = await loadWorkbookState(context);
    const name = targetName(state, target);
    if (!name) return { sheet: null, rows: [], pending: 0 };
    if (features.calculationState) await calculated(context, pause);
    if (rows.length === 0 || columns <= 0) return { sheet: name, rows: [], pending: 0 };
    const sheet = context.workbook.worksheets.getItem(name);
    const read = await readRuns(context, sheet, rows, columns, "values,formulas", budget);
    const byRow = new Map<number, ReadRow>();
    for (const [row, r] of read)
      byRow.set(row, { row, values: r.values as CellInput[], formulas: r.formulas ?? [] });
    const pending = await settle(context, sheet, byRow, columns, budget, pause);
    return { sheet: name, rows: [...byRow.values()].sort((a, b) => a.row - b.row), pending };
  });
}

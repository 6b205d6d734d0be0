/**
 * What the writer reads before it writes: the used range, tables and charts of the add-in's sheets
 * a layout may replace (and of sheets a failed run left), and which output sheets the user edited
 * since the add-in wrote them (their cells read back in chunks and hashed as the writer hashed
 * them).
 */
import type { SentLayout, SheetRole } from "../workbook/layout";
import { REQUEST_BYTES, requestBytes, syncEach, type RoundTrip } from "./batch";
import { jsonBytes } from "./cells";
import { ReadBackHash } from "./content";
import { toOfficeFailure } from "./host";
import type { SheetMark } from "./marks";
import type { WorkbookInventory } from "./workbook";

export interface Inspection {
  usedEnd: { rows: number; cols: number } | null;
  tables: string[];
  charts: string[];
}

/** What the reads need of the writer. */
export interface Reading {
  context: Excel.RequestContext;
  layout: SentLayout;
  /** Input sheets the layout rewrites although they exist. */
  rewriteInputs?: SheetRole[];
  /** Request budget in bytes. */
  budget: number;
  sheet(name: string): Excel.Worksheet;
  /** Counts a round trip's bytes in the writer's statistics. */
  count(bytes: number): void;
}

/** Used range, tables and charts of every owned sheet the layout may replace, and of leftovers. */
export async function inspectSheets(
  r: Reading,
  state: WorkbookInventory
): Promise<Map<string, Inspection>> {
  const queued: {
    name: string;
    used?: Excel.Range;
    tables: Excel.TableCollection;
    charts?: Excel.ChartCollection;
  }[] = [];
  for (const s of r.layout.sheets) {
    const owned = state.owned.get(s.role);
    if (
      !owned ||
      (s.kind === "input" && owned.mark.state === "ok" && !r.rewriteInputs?.includes(s.role))
    )
      continue;
    const ws = r.sheet(owned.sheet);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    const tables = ws.tables;
    tables.load("items/name");
    const charts = ws.charts;
    charts.load("items/name");
    queued.push({ name: owned.sheet, used, tables, charts });
  }
  for (const name of state.leftovers) {
    const tables = r.sheet(name).tables;
    tables.load("items/name");
    queued.push({ name, tables });
  }
  const out = new Map<string, Inspection>();
  if (queued.length === 0) return out;
  await r.context.sync();
  r.count(REQUEST_BYTES + requestBytes(3 * queued.length, 3 * queued.length));
  for (const q of queued) {
    const used = q.used;
    out.set(q.name.toUpperCase(), {
      usedEnd:
        used === undefined || used.isNullObject
          ? null
          : { rows: used.rowIndex + used.rowCount, cols: used.columnIndex + used.columnCount },
      tables: q.tables.items.map((t) => t.name),
      charts: q.charts ? q.charts.items.map((c) => c.name) : [],
    });
  }
  return out;
}

/**
 * Roles whose owned output sheet differs from what the add-in last wrote there. Reads the
 * recorded rectangle back in chunks and hashes it the way the writer hashed it.
 */
export async function findEdits(
  r: Reading,
  state: WorkbookInventory,
  inspections: Map<string, Inspection>
): Promise<Set<SheetRole>> {
  const edited = new Set<SheetRole>();
  const roleOfCurrent = new Map<string, SheetRole>();
  for (const o of state.owned.values()) roleOfCurrent.set(o.sheet.toUpperCase(), o.role);
  const roleOf = (name: string) => roleOfCurrent.get(name.toUpperCase());
  interface Job {
    role: SheetRole;
    sheet: string;
    mark: SheetMark;
    next: number;
    bytesPerRow: number;
    hash: ReadBackHash;
  }
  const jobs: Job[] = [];
  for (const s of r.layout.sheets) {
    const owned = state.owned.get(s.role);
    if (!owned || s.kind !== "output" || owned.mark.state !== "ok") continue;
    const seen = inspections.get(owned.sheet.toUpperCase());
    const m = owned.mark;
    if (
      !seen ||
      seen.tables.length !== m.tables ||
      seen.charts.length !== m.charts ||
      (seen.usedEnd !== null && (seen.usedEnd.rows > m.rows || seen.usedEnd.cols > m.cols))
    ) {
      edited.add(s.role);
      continue;
    }
    const hash = new ReadBackHash(m.rows, m.cols, roleOf);
    if (m.rows === 0 || m.cols === 0) {
      if (hash.digest() !== m.hash) edited.add(s.role);
      continue;
    }
    jobs.push({
      role: s.role,
      sheet: owned.sheet,
      mark: m,
      next: 0,
      hash,
      bytesPerRow: Math.max(64, (1.5 * m.bytes) / m.rows),
    });
  }
  let j = 0;
  await syncEach(r.context, (): RoundTrip | undefined => {
    while (j < jobs.length && jobs[j].next >= jobs[j].mark.rows) {
      if (jobs[j].hash.digest() !== jobs[j].mark.hash) edited.add(jobs[j].role);
      j++;
    }
    if (j >= jobs.length) return undefined;
    // pack chunks of one or more sheets into this round trip, up to the budget
    const reads: { job: Job; rows: number; range: Excel.Range }[] = [];
    let expected = 0;
    for (let k = j; k < jobs.length && expected < r.budget; k++) {
      const job = jobs[k];
      if (job.next >= job.mark.rows) continue;
      const room = Math.max(1, Math.floor((r.budget - expected) / job.bytesPerRow));
      const rows = Math.min(room, job.mark.rows - job.next);
      const range = r.sheet(job.sheet).getRangeByIndexes(job.next, 0, rows, job.mark.cols);
      range.load("formulas");
      reads.push({ job, rows, range });
      expected += rows * job.bytesPerRow;
      if (rows < job.mark.rows - job.next) break; // this sheet continues in the next trip
    }
    const bytes = REQUEST_BYTES + requestBytes(reads.length, reads.length);
    return {
      bytes,
      done: () => {
        r.count(bytes);
        for (const r of reads) {
          const formulas = r.range.formulas as unknown[][];
          r.job.hash.addRows(formulas);
          r.job.next += r.rows;
          r.job.bytesPerRow = Math.max(r.job.bytesPerRow, (1.25 * jsonBytes(formulas)) / r.rows);
        }
      },
      failed: (error) => {
        r.count(bytes);
        if (toOfficeFailure(error).code !== "ResponsePayloadSizeLimitExceeded") return false;
        // the sheet holds more than recorded: read smaller pieces
        let shrunk = false;
        for (const r of reads) {
          if (r.rows > 1) {
            r.job.bytesPerRow *= 2;
            shrunk = true;
          }
        }
        return shrunk;
      },
    };
  });
  return edited;
}

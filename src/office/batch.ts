/**
 * Batching: the one place where the adapter calls `context.sync()` repeatedly.
 *
 * Office.js sends every queued command in one request per `context.sync()`. Excel on the web
 * refuses requests (and responses) over about 5 MB, so a large write is cut into batches of at
 * most `budget` bytes and each batch is one round trip. The number of round trips is therefore
 * bounded by total bytes ÷ budget (plus a few fixed ones), never by the number of rows or cells.
 */
import { jsonBytes } from "./cells";

/** Excel on the web's request limit is about 5 MB; the adapter never asks for more than this. */
export const MAX_BATCH_BYTES = 4 * 1024 * 1024;
export const DEFAULT_BATCH_BYTES = 2 * 1024 * 1024;
/** Estimated bytes one queued command adds to a request beyond its arguments. */
export const COMMAND_OVERHEAD_BYTES = 160;

export function clampBudget(bytes: number | undefined): number {
  if (bytes === undefined || !Number.isFinite(bytes)) return DEFAULT_BATCH_BYTES;
  return Math.max(1024, Math.min(MAX_BATCH_BYTES, Math.floor(bytes)));
}

export type Phase = "setup" | "writing" | "formatting" | "finishing";

/** One queued piece of work: the commands it adds and their estimated request size. */
export interface Step {
  phase: Phase;
  /** Estimated request bytes (arguments plus per-command overhead). */
  bytes: number;
  /** Whether it changes the workbook (calculation is suspended for batches that write). */
  write: boolean;
  /** The sheet it works on, for progress messages. */
  sheet?: string;
  /** Runs in a round trip of its own (e.g. recalculation, which must not be suspended). */
  alone?: boolean;
  queue(context: Excel.RequestContext): void;
}

/** Estimated bytes of a command with the given arguments. */
export function commandBytes(...args: unknown[]): number {
  let bytes = COMMAND_OVERHEAD_BYTES;
  for (const a of args) bytes += jsonBytes(a);
  return bytes;
}

/** Group steps, in order, into batches of at most `budget` estimated bytes. */
export function groupSteps(steps: Step[], budget: number): Step[][] {
  const batches: Step[][] = [];
  let current: Step[] = [];
  let size = 0;
  for (const s of steps) {
    if (current.length > 0 && (s.alone || size + s.bytes > budget)) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(s);
    size += s.bytes;
    if (s.alone) {
      batches.push(current);
      current = [];
      size = 0;
    }
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** What to do with one round trip: queue commands, then handle the answer. */
export interface RoundTrip {
  /** Estimated request bytes of what was queued (for statistics). */
  bytes: number;
  /** Called after the sync succeeded. */
  done(): void;
  /**
   * Called when the sync failed; return true to go on (the next call to `next` decides what to
   * queue, e.g. a smaller read after ResponsePayloadSizeLimitExceeded), false to rethrow.
   */
  failed?(error: unknown): boolean;
}

/**
 * Run round trips until `next` has nothing more to queue. `next` queues the commands of one
 * round trip on `context` and returns how to handle it, or undefined when the work is done.
 * Returns the number of syncs made.
 */
export async function syncEach(
  context: Excel.RequestContext,
  next: () => RoundTrip | undefined
): Promise<number> {
  let syncs = 0;
  for (let trip = next(); trip !== undefined; trip = next()) {
    try {
      // One sync per round trip; `next` sizes each trip to the byte budget, so the number of
      // iterations is bounded by the data size ÷ budget, never by rows or cells.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- batched by bytes, see above
      await context.sync();
    } catch (error) {
      syncs++;
      if (trip.failed?.(error)) continue;
      throw error;
    }
    syncs++;
    trip.done();
  }
  return syncs;
}

/** Run prepared steps in batches of at most `budget` bytes; `after` sees each finished batch. */
export async function runSteps(
  context: Excel.RequestContext,
  steps: Step[],
  budget: number,
  after: (batch: Step[], index: number, total: number) => void
): Promise<number> {
  const batches = groupSteps(steps, budget);
  let index = 0;
  return syncEach(context, () => {
    if (index >= batches.length) return undefined;
    const batch = batches[index];
    if (batch.some((s) => s.write)) context.application.suspendApiCalculationUntilNextSync();
    for (const s of batch) s.queue(context);
    const at = index++;
    return {
      bytes: batch.reduce((n, s) => n + s.bytes, 0),
      done: () => after(batch, at, batches.length),
    };
  });
}

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

/*
 * What Microsoft's Excel client puts in a request beyond the arguments, measured with its own
 * serializer (office.js's excel-web client, test/office/request-budget.test.ts, which fails when
 * an estimate falls below a real request). A new object is an object path plus its instantiation
 * (with the list of paths it depends on); an action is a property set or a method call.
 * Measured: a new range and one property set ≈ 455 bytes; a range styled bold with a fill and
 * thin borders ≈ 3.5 KB; a request's envelope, workbook and sheet objects ≈ 0.5–1 KB.
 */
/** Bytes a new object (object path and instantiation; a range also a kept reference) adds. */
export const OBJECT_BYTES = 320;
/** Bytes an action (a property set or a method call) adds beyond its arguments. */
export const ACTION_BYTES = 200;
/** Bytes every request carries whatever it holds: its envelope and the objects it starts from. */
export const REQUEST_BYTES = 4096;
/**
 * Microsoft's client writes an array of more than this many cells as pieces of whole rows, each
 * a new range (two rows and their bounding rectangle) and a property set of its own.
 */
export const CLIENT_PIECE_CELLS = 1500;

export function clampBudget(bytes: number | undefined): number {
  if (bytes === undefined || !Number.isFinite(bytes)) return DEFAULT_BATCH_BYTES;
  return Math.max(1024, Math.min(MAX_BATCH_BYTES, Math.floor(bytes)));
}

export type Phase = "setup" | "writing" | "formatting" | "finishing";

/** One queued piece of work: the commands it adds and their estimated request size. */
export interface Step {
  phase: Phase;
  /** Estimated request bytes (arguments plus the client's objects and actions). */
  bytes: number;
  /** Whether it changes the workbook (calculation is suspended for batches that write). */
  write: boolean;
  /** The sheet it works on, for progress messages. */
  sheet?: string;
  /** Runs in a round trip of its own (e.g. recalculation, which must not be suspended). */
  alone?: boolean;
  /**
   * Past this step the job cannot be undone (it changes what the user sees: a sheet cleared in
   * place, a finished sheet swapped in): a Cancel no longer stops the job once it is sent.
   */
  final?: boolean;
  queue(context: Excel.RequestContext): void;
}

/** Estimated request bytes of `objects` new objects and `actions` actions with these arguments. */
export function requestBytes(objects: number, actions: number, ...args: unknown[]): number {
  let bytes = objects * OBJECT_BYTES + actions * ACTION_BYTES;
  for (const a of args) bytes += jsonBytes(a);
  return bytes;
}

/** Estimated bytes of the commonest command: a new object and one action with these arguments. */
export function commandBytes(...args: unknown[]): number {
  return requestBytes(1, 1, ...args);
}

/**
 * Bytes the client's pieces add per row of an array `width` cells wide (none below one piece):
 * each piece of `CLIENT_PIECE_CELLS` cells is three new ranges and a property set.
 */
export function pieceBytesPerRow(width: number, rows: number): number {
  if (width * rows <= CLIENT_PIECE_CELLS) return 0;
  const rowsPerPiece = Math.max(1, Math.round(CLIENT_PIECE_CELLS / width));
  return Math.ceil(requestBytes(3, 1) / rowsPerPiece);
}

/** Estimated request bytes of a batch of steps. */
export function batchBytes(batch: Step[]): number {
  return batch.reduce((n, s) => n + s.bytes, REQUEST_BYTES);
}

/** Group steps, in order, into batches of at most `budget` estimated bytes. */
export function groupSteps(steps: Step[], budget: number): Step[][] {
  const batches: Step[][] = [];
  let current: Step[] = [];
  let size = REQUEST_BYTES;
  for (const s of steps) {
    if (current.length > 0 && (s.alone || size + s.bytes > budget)) {
      batches.push(current);
      current = [];
      size = REQUEST_BYTES;
    }
    current.push(s);
    size += s.bytes;
    if (s.alone) {
      batches.push(current);
      current = [];
      size = REQUEST_BYTES;
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

/**
 * Run prepared steps in batches of at most `budget` bytes; `after` sees each finished batch.
 * `stop`, asked before each batch, ends the run there when it returns true.
 */
export async function runSteps(
  context: Excel.RequestContext,
  steps: Step[],
  budget: number,
  after: (batch: Step[], index: number, total: number) => void,
  stop?: (next: Step[]) => boolean
): Promise<number> {
  const batches = groupSteps(steps, budget);
  let index = 0;
  return syncEach(context, () => {
    if (index >= batches.length || stop?.(batches[index])) return undefined;
    const batch = batches[index];
    if (batch.some((s) => s.write)) context.application.suspendApiCalculationUntilNextSync();
    for (const s of batch) s.queue(context);
    const at = index++;
    return {
      bytes: batchBytes(batch),
      done: () => after(batch, at, batches.length),
    };
  });
}

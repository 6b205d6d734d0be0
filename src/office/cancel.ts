/**
 * Cancel during a write (src/office/writer.ts, WriterApplyOptions.signal): the job stops before
 * its next round trip, the temporary sheets it added go and the marks it set to "replacing" get
 * their comments back, so the workbook is as it was (status "cancelled"). Once a step that cannot
 * be undone has been sent (a sheet cleared in place, the final swap), the job completes instead.
 */
import {
  batchBytes,
  commandBytes,
  REQUEST_BYTES,
  requestBytes,
  runSteps,
  type Step,
} from "./batch";
import { loadWorkbookState, type WorkbookInventory } from "./workbook";

/** Asked before each round trip: stop there when Cancel was pressed and nothing final was sent. */
export function cancelPoint(signal: AbortSignal | undefined): {
  stop(next: Step[]): boolean;
  stopped(): boolean;
} {
  let final = false;
  let stopped = false;
  return {
    stop(next) {
      if (signal?.aborted && !final) return (stopped = true);
      final ||= next.some((s) => s.final || s.phase === "finishing");
      return false;
    },
    stopped: () => stopped,
  };
}

/**
 * Undoes a cancelled job: `state` is the workbook as the job found it, `plans` what it was doing
 * with each sheet (the replaced ones' marks were set to "replacing"); `count` is told the bytes of
 * each round trip.
 */
export async function undoCancelled(
  context: Excel.RequestContext,
  state: WorkbookInventory,
  plans: readonly { action: string; owned?: { markName: string } }[],
  budget: number,
  count: (bytes: number) => void
): Promise<void> {
  const now = await loadWorkbookState(context);
  count(REQUEST_BYTES + requestBytes(3, 3));
  const comments = new Map(state.names.map((n) => [n.name.toUpperCase(), n.comment]));
  const steps: Step[] = [];
  for (const name of now.leftovers)
    steps.push({
      phase: "setup",
      bytes: commandBytes(name),
      write: true,
      queue: (c) => c.workbook.worksheets.getItem(name).delete(),
    });
  const marks = plans.flatMap((p) =>
    p.action === "replaced" && p.owned ? [p.owned.markName] : []
  );
  for (const mark of marks) {
    const comment = comments.get(mark.toUpperCase());
    if (comment === undefined) continue;
    steps.push({
      phase: "setup",
      bytes: commandBytes(mark, comment),
      write: true,
      queue: (c) => {
        c.workbook.names.getItem(mark).comment = comment;
      },
    });
  }
  await runSteps(context, steps, budget, (batch) => count(batchBytes(batch)));
}

/**
 * The pane's worker (its own file next to taskpane.js, started by the pane from its own origin:
 * the CSP's worker-src 'self'): runs the tasks of src/app/tasks.ts off the pane's thread, with
 * the message protocol of src/app/protocol.ts. One task at a time, in the order they come; a
 * task's long arrays come and go in slices (src/app/transport.ts).
 */
import type { FromWorker, ToWorker } from "../app/protocol";
import { errorData } from "../app/protocol";
import { TASKS, type TaskName } from "../app/tasks";
import { Assembler, slices, split } from "../app/transport";

/** The worker's global scope, as far as this file uses it (the project's lib is the DOM's). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
}

const scope = self as unknown as WorkerScope;
const incoming = new Map<number, Assembler>();
const cancelled = new Set<number>();
let queue: Promise<void> = Promise.resolve();

const post = (message: FromWorker) => scope.postMessage(message);

async function run(id: number, task: TaskName, input: unknown): Promise<void> {
  if (cancelled.delete(id)) return;
  const progress = (p: { done: number; total: number; stage?: string }) =>
    post({ type: "progress", id, done: p.done, total: p.total, stage: p.stage });
  try {
    const run = TASKS[task] as (i: unknown, p: typeof progress) => unknown;
    const value = await run(input, progress);
    if (cancelled.delete(id)) return;
    const parts = split(value);
    for (const slice of slices(parts.arrays)) post({ type: "slice", id, slice });
    post({ type: "result", id, value: parts.value });
  } catch (e) {
    post({ type: "error", id, error: errorData(e) });
  }
}

scope.onmessage = (event) => {
  const m = event.data;
  switch (m.type) {
    case "slice": {
      let a = incoming.get(m.id);
      if (!a) incoming.set(m.id, (a = new Assembler()));
      a.add(m.slice);
      break;
    }
    case "run": {
      const input = incoming.get(m.id)?.join(m.input) ?? m.input;
      incoming.delete(m.id);
      queue = queue.then(() => run(m.id, m.task, input));
      break;
    }
    case "cancel":
      cancelled.add(m.id);
      incoming.delete(m.id);
      break;
  }
};

/**
 * The worker's side of the protocol (src/app/protocol.ts) over a scope that receives and posts
 * messages: runs the tasks of src/app/tasks.ts one at a time, in the order they come; a task's
 * long arrays come and go in slices (src/app/transport.ts). ./index.ts serves the worker's global
 * scope; tests serve a double.
 */
import type { FromWorker, ToWorker } from "../app/protocol";
import { errorData } from "../app/protocol";
import { TASKS, type TaskName } from "../app/tasks";
import { Assembler, slices, split } from "../app/transport";

/** The worker's global scope, as far as the protocol uses it (the project's lib is the DOM's). */
export interface WorkerScope {
  onmessage: ((event: { data: ToWorker }) => void) | null;
  postMessage(message: FromWorker): void;
}

export function serve(scope: WorkerScope): void {
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
}

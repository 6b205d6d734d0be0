/**
 * The worker's side of the protocol (src/app/protocol.ts) over a scope that receives and posts
 * messages: runs the tasks of src/app/tasks.ts one at a time, in the order they come; a task's
 * long arrays come and go in slices, and what the pane sends back refers to what is kept here
 * (src/app/transport.ts). ./index.ts serves the worker's global
 * scope; tests serve a double.
 */
import type { FromWorker, ToWorker } from "../app/protocol";
import { errorData } from "../app/protocol";
import { PACK, TASKS, type TaskName } from "../app/tasks";
import { Assembler, MissingError, postSlices, split, WorkerNames } from "../app/transport";

/**
 * Tasks whose results the pane sends back in later tasks' inputs (a file's table to its
 * preview and import, the data check to the run, the run's evaluation to the layouts and the
 * self-check, the tracking's evaluation to its month's list): their long arrays are kept here by name, and the pane refers to them.
 */
const KEEP: ReadonlySet<TaskName> = new Set<TaskName>(["readFile", "check", "run", "tracking"]);

/** The worker's global scope, as far as the protocol uses it (the project's lib is the DOM's). */
export interface WorkerScope {
  onmessage: ((event: { data: ToWorker }) => void) | null;
  postMessage(message: FromWorker): void;
}

export function serve(scope: WorkerScope): void {
  const incoming = new Map<number, Assembler>();
  const names = new WorkerNames();
  const cancelled = new Set<number>();
  let queue: Promise<void> = Promise.resolve();

  const post = (message: FromWorker) => scope.postMessage(message);

  /**
   * `echo`: the input's named values, which the result refers to rather than sending back what
   * the pane holds (it holds the input until the result comes).
   */
  async function run(
    id: number,
    task: TaskName,
    input: unknown,
    echo: Map<object, string>
  ): Promise<void> {
    if (cancelled.delete(id)) return;
    const progress = (p: { done: number; total: number; stage?: string }) =>
      post({ type: "progress", id, done: p.done, total: p.total, stage: p.stage });
    try {
      const run = TASKS[task] as (i: unknown, p: typeof progress) => unknown;
      const result = await run(input, progress);
      if (cancelled.delete(id)) return;
      // the layouts' large blocks packed: the pane decodes their rows as it writes them
      const pack = PACK[task] as ((output: unknown) => unknown) | undefined;
      const value = pack ? pack(result) : result;
      const parts = split(value, {
        known: (v) => echo.get(v),
        name: (v) => (KEEP.has(task) ? names.name(v) : undefined),
      });
      await postSlices(parts.arrays, (slice) => post({ type: "slice", id, slice }));
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
        const parts = incoming.get(m.id) ?? new Assembler();
        incoming.delete(m.id);
        let input: unknown;
        const echo = new Map<object, string>();
        try {
          input = parts.join(m.input, names, echo);
        } catch (e) {
          if (!(e instanceof MissingError)) throw e;
          post({ type: "missing", id: m.id });
          break;
        }
        queue = queue.then(() => run(m.id, m.task, input, echo));
        break;
      }
      case "cancel":
        cancelled.add(m.id);
        incoming.delete(m.id);
        break;
    }
  };
}

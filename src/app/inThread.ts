/**
 * The pane's tasks in its own thread, for where there is no Web Worker (Node, jsdom in the
 * component tests): the same tasks (./tasks.ts), awaited between the pane's renders so that
 * progress shows, and dropped when cancelled before or while they ran.
 */
import { throwIfCancelled, type Compute } from "./compute";
import { TASKS, type TaskName, type Tasks } from "./tasks";

/** Lets the pane render and take input before the work goes on. */
export const yieldToPane = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Over `tasks`; by default src/workbook's layouts (TASKS, looked up when a task runs). */
export function inThreadCompute(tasks?: Tasks): Compute {
  return {
    kind: "in-thread",
    async task(name, input, options = {}) {
      const { signal, onProgress } = options;
      throwIfCancelled(signal);
      await yieldToPane();
      throwIfCancelled(signal);
      const run = (tasks ?? TASKS)[name as TaskName] as (
        i: typeof input,
        p: (progress: { done: number; total: number; stage?: string }) => void
      ) => unknown;
      const value = await run(input, (p) => onProgress?.(p));
      await yieldToPane();
      throwIfCancelled(signal);
      return value as Awaited<ReturnType<Compute["task"]>>;
    },
    dispose() {},
  };
}

/** The pane's compute where none was given (tests, tools). */
export const IN_THREAD: Compute = inThreadCompute();

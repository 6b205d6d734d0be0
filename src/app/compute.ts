/**
 * Where the pane's heavy work runs: `Compute.task(name, input)` runs one of the pure tasks of
 * ./tasks.ts and resolves to its result. Two implementations: in a Web Worker in the browser
 * (./workerCompute.ts over src/worker), so the pane answers input while it works; in the pane's
 * thread where there is no Worker (Node, jsdom), yielding before and after so progress renders
 * (./inThread.ts). Both report progress and stop on an AbortSignal: a cancelled task rejects
 * with a `CancelledError` and its result, if any, is dropped.
 */
import type { Progress, WriteOptions } from "./host";
import type { TaskInput, TaskName, TaskOutput } from "./tasks";

export interface TaskOptions {
  onProgress?: (progress: Progress) => void;
  /** Aborting drops the task: the promise rejects with a CancelledError. */
  signal?: AbortSignal;
}

export interface Compute {
  readonly kind: "worker" | "in-thread";
  task<N extends TaskName>(
    name: N,
    input: TaskInput<N>,
    options?: TaskOptions
  ): Promise<TaskOutput<N>>;
  /** Stops the worker (the pane closing); later tasks start a new one. */
  dispose(): void;
}

/** The user cancelled: nothing more was done or written. */
export class CancelledError extends Error {
  constructor() {
    super("Cancelled.");
    this.name = "CancelledError";
  }
}

export function isCancelled(e: unknown): e is CancelledError {
  return e instanceof CancelledError || (e instanceof Error && e.name === "CancelledError");
}

/** Throws a CancelledError when the signal has been aborted. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}

/** The task options of a write's options (its progress and its Cancel). */
export function taskOptions(options: WriteOptions): TaskOptions {
  return { onProgress: options.onProgress, signal: options.signal };
}

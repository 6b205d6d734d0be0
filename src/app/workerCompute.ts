/**
 * The pane's tasks in a Web Worker (src/worker), through the protocol of ./protocol.ts. Tasks run
 * one at a time in the order given. Cancelling a task that waits drops it; cancelling the task
 * the worker is running ends that worker (a task cannot read messages until it finishes) and the
 * tasks still waiting go to a new one. Long arrays go both ways in slices (./transport.ts), with
 * the pane yielding between them; those the worker holds already go as references (and in full
 * again when it no longer does). A worker that cannot start (a CSP without worker-src, a
 * browser without workers) hands its tasks to `fallback`.
 */
import { CancelledError, throwIfCancelled, type Compute, type TaskOptions } from "./compute";
import { yieldToPane } from "./inThread";
import { errorOf, type FromWorker, type ToWorker } from "./protocol";
import { REVIVE, type TaskName } from "./tasks";
import { Assembler, PaneNames, postSlices, split, type Naming } from "./transport";

interface Pending {
  id: number;
  name: TaskName;
  input: unknown;
  options: TaskOptions;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  result: Assembler;
  /** Sent to the current worker (slices and run posted). */
  sent: boolean;
  /** Sent in full, with no references (the worker no longer held what they referred to). */
  whole?: boolean;
  /** What the input named or referred to, by name: the result may refer to it. */
  sentNames?: Map<string, object>;
}

/** The worker as this client uses it (a Worker in the browser, a double in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: Event) => void) | null;
}

/**
 * A message of the worker for a task; true when it settled the task (its result or its error).
 * `names` keeps the names of the result's arrays the worker holds too.
 */
function settle(
  p: Pending,
  m: FromWorker,
  names: PaneNames,
  resend: (p: Pending) => void
): boolean {
  switch (m.type) {
    case "missing":
      p.whole = true;
      p.result = new Assembler();
      resend(p);
      return false;
    case "progress":
      p.options.onProgress?.({ done: m.done, total: m.total, stage: m.stage });
      return false;
    case "slice":
      p.result.add(m.slice);
      return false;
    case "result": {
      const keeper = { keep: names.keep.bind(names), find: (n: string) => p.sentNames?.get(n) };
      const value = p.result.join(m.value, keeper);
      (REVIVE[p.name] as ((v: unknown) => void) | undefined)?.(value);
      p.resolve(value);
      return true;
    }
    case "error":
      p.reject(errorOf(m.error));
      return true;
  }
}

export function workerCompute(create: () => WorkerLike, fallback?: Compute): Compute {
  let worker: WorkerLike | null = null;
  let answered = false;
  let broken = false;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  /** What the current worker holds of what crossed. */
  const names = new PaneNames();

  const receive = (m: FromWorker) => {
    answered = true;
    const p = pending.get(m.id);
    if (p && settle(p, m, names, (q) => void send(q))) pending.delete(m.id);
  };

  const start = (): WorkerLike => {
    const w = create();
    names.forget();
    answered = false;
    w.onmessage = (event) => receive(event.data);
    w.onerror = (event) => {
      event.preventDefault?.();
      // never answered: the worker could not start; hand everything to the fallback
      if (!answered && fallback) {
        broken = true;
        w.terminate();
        worker = null;
        const waiting = [...pending.values()];
        pending.clear();
        for (const p of waiting)
          fallback.task(p.name, p.input as never, p.options).then(p.resolve, p.reject);
        return;
      }
      for (const p of pending.values()) p.reject(new Error("The pane's worker stopped."));
      pending.clear();
      w.terminate();
      worker = null;
    };
    return w;
  };

  const send = async (p: Pending) => {
    worker ??= start();
    const w = worker;
    p.sent = true;
    // cancelled, or the worker was replaced
    const live = () => w === worker && pending.has(p.id);
    try {
      const naming: Naming = p.whole
        ? { known: () => undefined, name: (v) => names.name(v) }
        : names;
      const parts = split(p.input, naming);
      p.sentNames = parts.names;
      const posted = await postSlices(
        parts.arrays,
        (slice) => w.postMessage({ type: "slice", id: p.id, slice }),
        async () => {
          await yieldToPane();
          return live();
        }
      );
      if (!posted || !live()) return;
      w.postMessage({ type: "run", id: p.id, task: p.name, input: parts.value });
    } catch (e) {
      // an input that cannot be cloned (a function in it): the task fails, the others go on
      if (!pending.delete(p.id)) return;
      p.reject(e);
      w.postMessage({ type: "cancel", id: p.id });
    }
  };

  const cancel = (p: Pending) => {
    if (!pending.has(p.id)) return;
    pending.delete(p.id);
    p.reject(new CancelledError());
    const first = [...pending.values()][0];
    const running = !first || first.id > p.id; // tasks run in order: none before it is left
    if (p.sent && running && worker) {
      worker.terminate();
      worker = null;
      for (const q of pending.values()) q.sent = false;
      for (const q of pending.values()) void send(q);
    } else if (p.sent && worker) {
      worker.postMessage({ type: "cancel", id: p.id });
    }
  };

  return {
    kind: "worker",
    task(name, input, options = {}) {
      if (broken && fallback) return fallback.task(name, input, options);
      return new Promise((resolve, reject) => {
        throwIfCancelled(options.signal);
        const p: Pending = {
          id: nextId++,
          name,
          input,
          options,
          resolve: resolve as (v: unknown) => void,
          reject,
          result: new Assembler(),
          sent: false,
        };
        pending.set(p.id, p);
        options.signal?.addEventListener("abort", () => cancel(p), { once: true });
        void send(p);
      });
    },
    dispose() {
      worker?.terminate();
      worker = null;
      for (const p of pending.values()) p.reject(new CancelledError());
      pending.clear();
    },
  };
}

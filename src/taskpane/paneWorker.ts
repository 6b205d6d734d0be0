/**
 * The pane's worker (src/worker, its own file next to taskpane.js, from the add-in's origin as
 * the CSP's worker-src 'self' allows): where imports, evaluations and layouts run so the pane
 * answers input meanwhile. If it cannot start, the same tasks run in the pane's thread.
 */
import type { Compute } from "../app/compute";
import { inThreadCompute } from "../app/inThread";
import { workerCompute, type WorkerLike } from "../app/workerCompute";

export function paneCompute(): Compute {
  if (typeof Worker === "undefined") return inThreadCompute();
  return workerCompute(
    () =>
      new Worker(/* webpackChunkName: "worker" */ new URL("../worker/index.ts", import.meta.url), {
        name: "perf-worker",
      }) as unknown as WorkerLike,
    inThreadCompute()
  );
}

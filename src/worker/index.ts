/**
 * The pane's worker: its own file next to taskpane.js (worker.[hash].js), started by the pane
 * from the add-in's origin (the CSP's worker-src 'self', src/taskpane/paneWorker.ts). It runs
 * the pane's heavy tasks (src/app/tasks.ts) off the pane's thread, by the protocol of
 * src/app/protocol.ts (./serve.ts).
 */
import { serve, type WorkerScope } from "./serve";

serve(self as unknown as WorkerScope);

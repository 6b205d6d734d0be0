/**
 * The pane's long-task bench page (bench/taskpane.bench.ts; built only by that bench with
 * `--env benchPane`, never in a release): the production task pane over the in-memory workbook
 * of test/support/memoryBackend.ts, in English, with its worker as in Excel.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { createLayoutHost } from "../../src/app/layoutHost";
import { workbookLayouts } from "../../src/app/layouts";
import { App } from "../../src/taskpane/App";
import { paneCompute } from "../../src/taskpane/paneWorker";
import { memoryBackend } from "../../test/support/memoryBackend";

const backend = memoryBackend("en-US");
// the pane's worker, as in Excel (src/taskpane/index.tsx)
const compute = paneCompute();
const host = createLayoutHost(backend, workbookLayouts, { compute });
(window as unknown as { __benchPane?: unknown }).__benchPane = { backend };
document.documentElement.lang = "en-US";
const root = document.getElementById("root");
if (!root) throw new Error("the bench page has no #root element");
createRoot(root).render(<App host={host} language="en-US" compute={compute} />);

/**
 * Entry of the development preview (preview.html, served by `npm start` — never in a production
 * build): an in-browser workbook evaluated by HyperFormula next to the real task pane, so the
 * add-in can be used and tested on a machine without Excel.
 *
 * URL parameters: ?lang=zh-CN|en-US (the "Office display language"), ?width=320 (pane width).
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { pickLanguage } from "../src/engine";
import { createLayoutHost } from "../src/app/layoutHost";
import { workbookLayouts } from "../src/app/layouts";
import { PreviewApp } from "./PreviewApp";
import { previewBackend } from "./previewBackend";
import { PreviewWorkbook } from "./workbook/PreviewWorkbook";

const params = new URLSearchParams(location.search);
const displayLanguage = params.get("lang") ?? navigator.language;
const width = Number(params.get("width")) || 350;

const workbook = new PreviewWorkbook("Sheet1");
const host = createLayoutHost(previewBackend(workbook, { displayLanguage }), workbookLayouts);
// the end-to-end tests read the workbook's cells through this handle
(window as unknown as { __perfPreview?: unknown }).__perfPreview = { workbook, host };

document.documentElement.lang = pickLanguage(displayLanguage);
const root = document.getElementById("root");
if (!root) throw new Error("preview.html has no #root element");
createRoot(root).render(<PreviewApp workbook={workbook} host={host} paneWidth={width} />);

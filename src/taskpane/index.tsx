import * as React from "react";
import { createRoot } from "react-dom/client";
import { detectCompatibility } from "../compat/detect";
import { pickLanguage } from "../engine/messages";
import { createOfficeBackend } from "../office/backend";
import { App } from "./App";
import { createLayoutHost } from "../app/layoutHost";
import { workbookLayouts } from "../app/layouts";
import { planFromFragment, SAVE_PLAN_FRAGMENT } from "../app/planSave";
import { payrollFromFragment, SAVE_PAYROLL_FRAGMENT } from "../app/payrollExport";
import { SavePayrollPage } from "./SavePayrollPage";
import { SavePlanPage } from "./SavePlanPage";
import { paneCompute } from "./paneWorker";

/* global document, navigator, window, Office */

function render(): void {
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  // the pane's one workbook host: Excel through src/office, the layouts of src/workbook
  const compatibility = detectCompatibility(); // after Office.onReady: what this Excel supports
  // imports, evaluations and layouts run in the pane's worker
  const compute = paneCompute();
  const host = createLayoutHost(createOfficeBackend(), workbookLayouts, {
    compatibility: () => compatibility,
    compute,
  });
  // outside Office (no display language) the browser's language decides
  const language = pickLanguage(host.displayLanguage() ?? navigator.language);
  document.documentElement.lang = language;
  createRoot(container).render(<App host={host} language={language} compute={compute} />);
}

/** The page opened in the system's browser to download a plan file (./planSave.ts), if it is one. */
function renderSavePlanPage(): boolean {
  if (!window.location.hash.startsWith(SAVE_PLAN_FRAGMENT)) return false;
  const container = document.getElementById("root");
  if (!container) return false;
  const language = pickLanguage(navigator.language);
  document.documentElement.lang = language;
  createRoot(container).render(
    <SavePlanPage language={language} file={planFromFragment(window.location.hash)} />
  );
  return true;
}

/** The page opened in the system's browser to download a payroll file (app/payrollExport.ts). */
function renderSavePayrollPage(): boolean {
  if (!window.location.hash.startsWith(SAVE_PAYROLL_FRAGMENT)) return false;
  const container = document.getElementById("root");
  if (!container) return false;
  const language = pickLanguage(navigator.language);
  document.documentElement.lang = language;
  createRoot(container).render(
    <SavePayrollPage language={language} file={payrollFromFragment(window.location.hash)} />
  );
  return true;
}

if (renderSavePlanPage() || renderSavePayrollPage()) {
  // outside Office, for the download only
} else if (typeof Office === "undefined") {
  // office.js could not be loaded (offline): the pane still renders and says it needs Excel
  render();
} else {
  Office.onReady(() => render());
}

import * as React from "react";
import { createRoot } from "react-dom/client";
import { pickLanguage } from "../engine/messages";
import { App } from "./App";

/* global document, Office */

function officeDisplayLanguage(): string | undefined {
  try {
    return Office.context?.displayLanguage;
  } catch {
    return undefined; // outside Office (a plain browser preview) Office.context may be absent
  }
}

function officeIsDark(): boolean {
  try {
    return Boolean(Office.context?.officeTheme?.isDarkTheme);
  } catch {
    return false;
  }
}

function render(): void {
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  const language = pickLanguage(officeDisplayLanguage() ?? navigator.language);
  document.documentElement.lang = language;
  createRoot(container).render(<App language={language} dark={officeIsDark()} />);
}

if (typeof Office === "undefined") {
  // office.js could not be loaded (offline preview): the pane still renders
  render();
} else {
  Office.onReady(() => render());
}

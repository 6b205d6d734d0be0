/**
 * jsdom lacks a few browser APIs Fluent UI uses (ResizeObserver for the navigation's overflow
 * menu, matchMedia for motion preferences) and does no layout: every element is 0 px wide, which
 * Fluent's overflow manager would read as "no room for any tab". Tests give elements a width: the
 * pane's (setPaneWidth, default 1000 px) as the room an element offers, 60 px as what an item needs.
 */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "util";
import { configure } from "@testing-library/react";

let paneWidth = 1000;

/** The room the navigation bar has, as a narrow pane would give it. */
export function setPaneWidth(px: number): void {
  paneWidth = px;
}

export function installBrowserApis(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  if (!g.ResizeObserver) {
    g.ResizeObserver = class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    };
  }
  if (typeof window !== "undefined" && !window.matchMedia) {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  if (typeof window !== "undefined") {
    Object.defineProperty(HTMLElement.prototype, "clientWidth", {
      configurable: true,
      get: () => paneWidth,
    });
    Object.defineProperty(HTMLElement.prototype, "offsetWidth", {
      configurable: true,
      get: () => 60,
    });
  }
  if (typeof window !== "undefined" && !Element.prototype.scrollIntoView)
    Element.prototype.scrollIntoView = () => undefined;
  // jsdom has no TextEncoder; every browser and Office's do (the engine's sha256 uses it)
  if (typeof g.TextEncoder === "undefined") g.TextEncoder = NodeTextEncoder;
  // …nor TextDecoder, with which the import decodes UTF-8, UTF-16 and GB18030 files (and the plan
  // file's download page decodes UTF-8)
  if (typeof g.TextDecoder === "undefined") g.TextDecoder = NodeTextDecoder;
  if (typeof structuredClone === "undefined")
    g.structuredClone = (v: unknown) => JSON.parse(JSON.stringify(v));
}

/**
 * Waits measure the machine, not the pane: closing a period evaluates, freezes and writes the whole
 * preview workbook, 5 s alone and over 30 s with both cores busy; jsdom re-renders the plan
 * editor's hundred inputs on every keystroke. So findBy/waitFor wait for the event for up to
 * 2 minutes (and a test for up to 10: jest.config.js); a broken view still fails, only later.
 */
configure({ asyncUtilTimeout: 120_000 });

installBrowserApis();

/**
 * Saving the plan file where the task pane cannot download: Excel for Mac's webview (WKWebView)
 * ignores a download link, blob or not (office-js #2700 "by design", #4681, #3385). Microsoft's
 * workaround (office-js #3662) is to open a page of the add-in's own in the system's browser with
 * Office.context.ui.openBrowserWindow (OpenBrowserWindowApi 1.1: listed for every Mac build, but
 * only declared since the set's backfill in September 2020, so checked at run time) and
 * download there: the pane opens taskpane.html with the plan in the URL's fragment (which never
 * reaches a server), and the page, outside Office, offers the download. Where that set is missing
 * the pane offers the plan's text to copy.
 */
import type { Plan } from "../engine";
import { planFileName, planFileText, readPlanFile } from "./planFile";

/** The fragment that makes taskpane.html the plan's download page. */
export const SAVE_PLAN_FRAGMENT = "#save-plan=";

/** Where a task pane can save a file itself: not in Office's webviews on Mac and iPad. */
export function canDownload(platform: string | undefined): boolean {
  return platform !== "Mac" && platform !== "iOS";
}

function base64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(data: string): string {
  const binary = atob(data.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

/** The page that downloads the plan: the pane's own page with the plan in the fragment. */
export function planSaveUrl(page: string, plan: Plan): string {
  return `${page.split(/[?#]/)[0]}${SAVE_PLAN_FRAGMENT}${base64Url(planFileText(plan))}`;
}

/** The plan a download page's fragment carries, with its file name; null when it holds none. */
export function planFromFragment(hash: string): { name: string; text: string } | null {
  if (!hash.startsWith(SAVE_PLAN_FRAGMENT)) return null;
  try {
    const text = fromBase64Url(hash.slice(SAVE_PLAN_FRAGMENT.length));
    const read = readPlanFile(new TextEncoder().encode(text), "plan.json");
    return read.ok ? { name: planFileName(read.plan), text } : null;
  } catch {
    return null;
  }
}

/**
 * Puts text on the clipboard: the Clipboard API, else the selection of a hidden text area
 * (webviews that refuse the API still copy a selection). False when neither was allowed.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the selection
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  try {
    return typeof document.execCommand === "function" && document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

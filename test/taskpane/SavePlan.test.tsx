/** @jest-environment jsdom */
/**
 * Saving the plan file (issue 12, item 4). Excel for Mac's webview ignores downloads (office-js
 * #2700, #4681): the test's Mac webview does too — a download link's click does nothing there —
 * so on Mac the pane must save through the system's browser (a page of its own, the plan in the
 * URL's fragment) or offer the plan's text to copy. Elsewhere it downloads as before.
 */
import "./support/setup";
import * as React from "react";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe, toHaveNoViolations } from "jest-axe";
import { defaultPlan } from "../../src/engine";
import { planFileName, planFileText, readFileBytes } from "../../src/app/planFile";
import { canDownload, planFromFragment, planSaveUrl } from "../../src/app/planSave";
import { SavePlanPage } from "../../src/taskpane/SavePlanPage";
import { PlanView } from "../../src/taskpane/views/PlanView";
import { findDialog, inDialog, queryInDialog } from "./support/dialogs";
import { memoryHost } from "./support/memoryHost";
import { renderWithProviders } from "./support/renderWithProviders";

expect.extend(toHaveNoViolations);

/**
 * Office's webview on a platform: every click on a download link is recorded; on Mac it saves
 * nothing (WKWebView ignores `download`), elsewhere it saves the file.
 */
function webview(platform: "Mac" | "PC") {
  const saved: string[] = [];
  const ignored: string[] = [];
  const blobs = new Map<string, Blob>();
  let n = 0;
  URL.createObjectURL = (b: Blob) => {
    const url = `blob:pane/${++n}`;
    blobs.set(url, b);
    return url;
  };
  URL.revokeObjectURL = () => undefined;
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
    this: HTMLAnchorElement
  ) {
    if (this.download) (platform === "Mac" ? ignored : saved).push(this.download);
  });
  return { saved, ignored, blobs };
}

afterEach(() => jest.restoreAllMocks());

function planView(platform: "Mac" | "PC", options: { browser?: boolean } = {}) {
  const host = memoryHost({ plan: defaultPlan() });
  host.platformName = platform;
  host.browser = options.browser ?? true;
  renderWithProviders(<PlanView />, {
    host,
    initial: { workbook: { sheets: host.sheets, language: "en-US" } },
  });
  return host;
}

describe("saving the plan file", () => {
  it("should download it where the webview can", async () => {
    const user = userEvent.setup();
    const view = webview("PC");
    planView("PC");
    await screen.findByText("The plan is valid.");
    await user.click(screen.getByRole("button", { name: "Download plan (.json)" }));
    expect(view.saved).toEqual([planFileName(defaultPlan())]);
    expect(screen.queryByRole("dialog", { hidden: true })).toBeNull();
  });

  it("should, on Mac, open the plan in the system browser to save it there, never relying on a download", async () => {
    const user = userEvent.setup();
    const view = webview("Mac");
    const host = planView("Mac");
    await screen.findByText("The plan is valid.");
    await user.click(screen.getByRole("button", { name: "Download plan (.json)" }));
    const dialog = await findDialog("Save the plan file");
    expect(view.ignored).toEqual([]);
    await user.click(inDialog(dialog, "button", "Open in browser to save"));
    expect(host.opened).toHaveLength(1);
    const url = new URL(host.opened[0]);
    expect(`${url.origin}${url.pathname}`).toBe(
      `${window.location.origin}${window.location.pathname}`
    );
    expect(planFromFragment(url.hash)).toEqual({
      name: planFileName(defaultPlan()),
      text: planFileText(defaultPlan()),
    });
    expect(
      within(dialog).getByText("Your browser has opened the plan; save it there.")
    ).toBeTruthy();
    expect(await axe(dialog)).toHaveNoViolations();
  });

  it("should, on a Mac without the browser window API, copy the plan's text with the name to save it as", async () => {
    const user = userEvent.setup();
    webview("Mac");
    const copied: string[] = [];
    Object.defineProperty(navigator, "clipboard", {
      configurable: true,
      value: { writeText: async (text: string) => void copied.push(text) },
    });
    planView("Mac", { browser: false });
    await screen.findByText("The plan is valid.");
    await user.click(screen.getByRole("button", { name: "Download plan (.json)" }));
    const dialog = await findDialog("Save the plan file");
    await user.click(inDialog(dialog, "button", "Open in browser to save"));
    expect(queryInDialog(dialog, "button", "Open in browser to save")).toBeNull();
    expect(
      within(dialog).getByText("This Excel cannot open your browser: copy the plan instead.")
    ).toBeTruthy();
    await user.click(inDialog(dialog, "button", "Copy the plan"));
    expect(copied).toEqual([planFileText(defaultPlan())]);
    const name = planFileName(defaultPlan());
    expect(
      within(dialog).getByText(`Copied. Paste it into a new text file and save it as ${name}.`)
    ).toBeTruthy();
    expect((inDialog(dialog, "textbox") as HTMLTextAreaElement).value).toBe(
      planFileText(defaultPlan())
    );
  });
});

describe("the download page opened in the browser", () => {
  it("should carry the plan (Chinese text included) and download it there", async () => {
    const user = userEvent.setup();
    const view = webview("PC");
    const plan = defaultPlan();
    const file = planFromFragment(
      new URL(planSaveUrl("https://addins.example.com/perf/taskpane.html?x=1", plan)).hash
    );
    expect(file?.text).toContain("2024年销售人员绩效方案");
    render(<SavePlanPage language="zh-CN" file={file} />);
    await user.click(screen.getByRole("button", { name: `下载 ${planFileName(plan)}` }));
    expect(view.saved).toEqual([planFileName(plan)]);
    const saved = await readFileBytes(view.blobs.get("blob:pane/1")!);
    expect(new TextDecoder().decode(saved)).toBe(planFileText(plan));
  });

  it("should say so when the link holds no readable plan", () => {
    expect(planFromFragment("#save-plan=not-json")).toBeNull();
    expect(planFromFragment("#other")).toBeNull();
    render(<SavePlanPage language="en-US" file={null} />);
    expect(screen.getByText("This link does not hold a readable plan.")).toBeTruthy();
  });

  it("should know where a pane cannot download", () => {
    expect(canDownload("Mac")).toBe(false);
    expect(canDownload("iOS")).toBe(false);
    for (const p of ["PC", "OfficeOnline", undefined]) expect(canDownload(p)).toBe(true);
  });
});

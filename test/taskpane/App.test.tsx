/** @jest-environment jsdom */
import { setPaneWidth } from "./support/setup";
import * as React from "react";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe, toHaveNoViolations } from "jest-axe";
import { assessCompatibility, compatibilityNotices } from "../../src/compat/requirements";
import { defaultPlan } from "../../src/engine";
import { App } from "../../src/taskpane/App";
import { VIEWS } from "../../src/taskpane/views";
import { memoryHost } from "./support/memoryHost";

expect.extend(toHaveNoViolations);

describe("task pane App", () => {
  it("should speak English for an en-US Office and start on the Start view", async () => {
    const { container } = render(<App host={memoryHost({ displayLanguage: "en-US" })} />);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Sales Performance Plan");
    expect(screen.getByRole("heading", { level: 2 }).textContent).toBe("Start");
    expect(container.querySelector("[lang]")?.getAttribute("lang")).toBe("en-US");
    await screen.findByText("No plan sheets yet.");
  });

  it("should speak Chinese for a zh-CN (or zh-TW) Office", async () => {
    render(<App host={memoryHost({ displayLanguage: "zh-TW" })} />);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("销售绩效方案");
    expect(screen.getByRole("tab", { name: "方案" })).toBeTruthy();
    await screen.findByText("还没有方案工作表。");
  });

  it("should switch the language from the header without losing the view", async () => {
    const user = userEvent.setup();
    render(<App host={memoryHost({ displayLanguage: "en-US" })} />);
    await user.click(screen.getByRole("tab", { name: "Data" }));
    expect(screen.getByRole("heading", { level: 2 }).textContent).toBe("Data");
    await user.selectOptions(screen.getByRole("combobox", { name: "Language" }), "zh-CN");
    expect(screen.getByRole("heading", { level: 2 }).textContent).toBe("数据");
    expect(screen.getByRole("tab", { name: "数据", selected: true })).toBeTruthy();
  });

  it("should move between the views with the tabs (keyboard included)", async () => {
    const user = userEvent.setup();
    render(<App host={memoryHost({ displayLanguage: "en-US" })} />);
    const nav = screen.getByRole("navigation", { name: "Views" });
    for (const name of ["Plan", "Data", "Generate", "Explain", "Start"]) {
      await user.click(within(nav).getByRole("tab", { name }));
      expect(screen.getByRole("heading", { level: 2 }).textContent).toContain(name);
    }
    within(nav).getByRole("tab", { name: "Plan" }).focus();
    await user.keyboard("{Enter}");
    expect(screen.getByRole("tab", { name: "Plan", selected: true })).toBeTruthy();
  });

  it("should move the views that do not fit a narrow pane into a menu", async () => {
    setPaneWidth(200);
    try {
      const user = userEvent.setup();
      render(<App host={memoryHost({ displayLanguage: "en-US" })} />);
      const more = await screen.findByRole("button", { name: "More views" });
      const visible = screen.getAllByRole("tab").map((t) => t.getAttribute("value"));
      expect(visible.length).toBeLessThan(5);
      await user.click(more);
      const items = await screen.findAllByRole("menuitem");
      expect(items.length + visible.length).toBe(VIEWS.length);
      await user.click(items[items.length - 1]);
      expect(screen.getByRole("heading", { level: 2 }).textContent).toBe(
        items[items.length - 1].textContent
      );
    } finally {
      setPaneWidth(1000);
    }
  });

  it("should say it needs Excel when opened outside Excel", async () => {
    render(<App host={memoryHost({ displayLanguage: "en-US", available: false })} />);
    expect(screen.getByText(/This pane works inside Excel/)).toBeTruthy();
    expect(
      (screen.getByRole("button", { name: "Create plan workbook" }) as HTMLButtonElement).disabled
    ).toBe(true);
  });

  it("should say what an older Excel cannot do, and offer only the formula styles it runs", async () => {
    const user = userEvent.setup();
    // Excel 2016 without the shared runtime: ExcelApi up to 1.7, no custom functions
    const compatibility = assessCompatibility(
      (set, version) => set === "ExcelApi" && Number(version) <= 1.7
    );
    render(
      <App host={memoryHost({ displayLanguage: "en-US", compatibility, plan: defaultPlan() })} />
    );
    const notices = compatibilityNotices(compatibility, "en-US");
    expect(notices.length).toBeGreaterThan(0);
    for (const n of notices) expect(screen.getByText(n.message)).toBeTruthy();
    await user.click(screen.getByRole("tab", { name: "Generate" }));
    expect(
      (screen.getByRole("radio", { name: /PERF functions/ }) as HTMLInputElement).disabled
    ).toBe(true);
    expect(
      (screen.getByRole("radio", { name: /Excel formulas/ }) as HTMLInputElement).disabled
    ).toBe(false);
  });

  it("should have no accessibility violations", async () => {
    const { container } = render(<App host={memoryHost({ displayLanguage: "zh-CN" })} />);
    await screen.findByText("还没有方案工作表。");
    expect(await axe(container)).toHaveNoViolations();
  });
});

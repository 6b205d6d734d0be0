/** @jest-environment jsdom */
import "./support/setup";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe, toHaveNoViolations } from "jest-axe";
import * as React from "react";
import { defaultPlan, mapColumns, parseCsv, type Language } from "../../src/engine";
import { createLayoutHost } from "../../src/app/layoutHost";
import { workbookLayouts } from "../../src/app/layouts";
import { checkWorkbook } from "../../src/app/workflow";
import type { WorkbookHost } from "../../src/app/host";
import type { Compute } from "../../src/app/compute";
import { inThreadCompute } from "../../src/app/inThread";
import type { TaskName, TaskOutput } from "../../src/app/tasks";
import * as evaluateModule from "../../src/engine/evaluate/evaluate";
import { TrackingView } from "../../src/taskpane/views/TrackingView";
import { readTrackingSheet, trackingKey } from "../../src/workbook/sheets/tracking";
import { previewBackend } from "../../dev/previewBackend";
import { PreviewWorkbook } from "../../dev/workbook/PreviewWorkbook";
import { fixtureText, memoryHost, sampleExportCsv } from "./support/memoryHost";
import { renderWithProviders } from "./support/renderWithProviders";

expect.extend(toHaveNoViolations);

function settings() {
  const m = new Map<string, string>();
  return {
    get: (k: string) => m.get(k) ?? null,
    set: async (k: string, v: string) => void m.set(k, v),
  };
}

/**
 * The in-thread compute, recording the tasks asked; the first list of a month is held until
 * `release()` and then given whatever the view asked meanwhile, its names marked "STALE".
 */
function recordingCompute(held: string) {
  const inner = inThreadCompute();
  const seen: TaskName[] = [];
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let settled!: () => void;
  const done = new Promise<void>((resolve) => (settled = resolve));
  const compute: Compute = {
    kind: "in-thread",
    dispose() {},
    async task(name, input, options) {
      seen.push(name);
      if (name !== "trackingList" || (input as { month: string }).month !== held)
        return inner.task(name, input, options);
      await gate;
      // the signal ignored: the view itself must drop what came for inputs that changed
      const list = (await inner.task(name, input)) as TaskOutput<"trackingList">;
      settled();
      return {
        ...list!,
        people: list!.people.map((p) => ({ ...p, name: `STALE ${p.name}` })),
      } as never;
    },
  };
  return { compute, seen, release, done };
}

/** The real host over the preview workbook: the plan workbook with Q1 2024 imported. */
async function workbook(language: Language, compute?: Compute, csv = fixtureText()) {
  const wb = new PreviewWorkbook();
  const host = createLayoutHost(
    previewBackend(wb, { settings: settings(), displayLanguage: language }),
    workbookLayouts
  );
  const plan = defaultPlan();
  await host.createPlanWorkbook(plan, language);
  const table = parseCsv(csv, "crm.csv");
  const { mapping } = mapColumns(table, plan);
  await host.importData({ plan, language, table, mapping, mode: "replace" });
  const check = (await checkWorkbook(host, plan))!;
  const state = await host.inspect();
  const view = renderWithProviders(<TrackingView />, {
    host: host as WorkbookHost,
    language,
    initial: { workbook: state, plan, check },
    compute,
  });
  return { wb, host, view };
}

function sheetNotes(wb: PreviewWorkbook) {
  const sheet = wb.byRole("tracking");
  return sheet ? readTrackingSheet(wb.values(sheet.id)) : null;
}

describe("Tracking view (en-US)", () => {
  it("should list the month's salespeople and write the sheet with a note that a rewrite keeps", async () => {
    const user = userEvent.setup();
    const { wb, view } = await workbook("en-US");
    expect(screen.getByRole("heading", { name: "Tracking" })).toBeTruthy();
    const month = screen.getByRole("combobox", { name: "Month" }) as HTMLSelectElement;
    await waitFor(() => expect(month.value).toBe("2024-03"));
    expect(
      within(month)
        .getAllByRole("option")
        .map((o) => o.textContent)
    ).toEqual(["Jan 2024", "Feb 2024", "Mar 2024"]);
    // the month's list comes from the pane's compute, after the months
    const list = screen.getByRole("list", { name: "Tracking" });
    const people = await within(list).findAllByRole("listitem");
    expect(people.length).toBeGreaterThan(10);
    expect(screen.getByText(/Period Q1 2024 ·/)).toBeTruthy();
    const first = people[0];
    expect(
      within(first).getByText(/Signed amount: \d+% of the period's target, \d+% of the pace/)
    ).toBeTruthy();
    expect(within(first).getByText(/Projected: [\d.]+, grade [SABCD—]/)).toBeTruthy();

    await user.selectOptions(month, "2024-02");
    const feb = (
      await within(screen.getByRole("list", { name: "Tracking" })).findAllByRole("listitem")
    )[0];
    expect(screen.getByText(/Period Q1 2024 ·/)).toBeTruthy();
    const label = within(feb).getByRole("textbox");
    const name = feb.getAttribute("aria-label")!.split(" ");
    const id = name[name.length - 1];
    await user.type(label, "Call twice a week");
    await user.click(screen.getByRole("button", { name: "Write tracking sheet" }));
    await screen.findByText(/Tracking written for Feb 2024; the notes on it were kept\./);
    expect(sheetNotes(wb)!.notes.get(trackingKey(id, "2024-02"))).toBe("Call twice a week");

    // another month written: February's note is kept and shown again when February is picked
    await user.selectOptions(month, "2024-03");
    await user.click(screen.getByRole("button", { name: "Write tracking sheet" }));
    await screen.findByText(/Tracking written for Mar 2024/);
    const read = sheetNotes(wb)!;
    expect(read.months).toEqual(["2024-02", "2024-03"]);
    expect(read.notes.get(trackingKey(id, "2024-02"))).toBe("Call twice a week");
    await user.selectOptions(month, "2024-02");
    await waitFor(() =>
      expect(
        (
          within(screen.getByRole("list", { name: "Tracking" })).getAllByRole(
            "textbox"
          )[0] as HTMLTextAreaElement
        ).value
      ).toBe("Call twice a week")
    );
    expect(await axe(view.container)).toHaveNoViolations();
  }, 60_000);

  it("should list what the pane's compute worked out, dropping a list that came for another month", async () => {
    const user = userEvent.setup();
    const { compute, seen, release, done } = recordingCompute("2024-03");
    await workbook("en-US", compute);
    const evaluations = jest.spyOn(evaluateModule, "evaluate");
    const month = screen.getByRole("combobox", { name: "Month" }) as HTMLSelectElement;
    await waitFor(() => expect(month.value).toBe("2024-03"));
    // the months came from the task; March's list is still being worked out
    expect(seen).toEqual(["tracking", "trackingList"]);
    expect(screen.getByText("Working…")).toBeTruthy();
    const list = screen.getByRole("list", { name: "Tracking" });
    expect(within(list).queryAllByRole("listitem")).toHaveLength(0);
    await user.selectOptions(month, "2024-02");
    const feb = await within(list).findAllByRole("listitem");
    expect(seen).toEqual(["tracking", "trackingList", "trackingList"]);
    await act(async () => {
      release();
      await done;
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((p) => p.getAttribute("aria-label"))
    ).toEqual(feb.map((p) => p.getAttribute("aria-label")));
    expect(screen.queryByText(/STALE/)).toBeNull();
    expect(month.value).toBe("2024-02");
    expect(screen.queryByText("Working…")).toBeNull();
    // the data evaluated once, by the task: the month's list reads the evaluation it gave
    expect(seen.filter((n) => n === "tracking")).toHaveLength(1);
    expect(evaluations).toHaveBeenCalledTimes(1);
    evaluations.mockRestore();
  }, 60_000);

  it("should filter by team", async () => {
    const user = userEvent.setup();
    await workbook("en-US");
    const all = (
      await within(screen.getByRole("list", { name: "Tracking" })).findAllByRole("listitem")
    ).length;
    await user.selectOptions(screen.getByRole("combobox", { name: "Team" }), "华东一部");
    const some = within(screen.getByRole("list", { name: "Tracking" })).getAllByRole("listitem");
    expect(some.length).toBeGreaterThan(0);
    expect(some.length).toBeLessThan(all);
    for (const p of some) expect(p.textContent).toContain("华东一部");
  }, 60_000);

  it("should show a large sales force a page at a time and find a salesperson by name or ID", async () => {
    const user = userEvent.setup();
    await workbook("en-US", undefined, sampleExportCsv(70));
    const list = () => screen.getByRole("list", { name: "Tracking" });
    expect(await within(list()).findAllByRole("listitem")).toHaveLength(30);
    expect(screen.getByText("Showing 30 of 70")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Show 30 more" }));
    expect(within(list()).getAllByRole("listitem")).toHaveLength(60);
    await user.click(screen.getByRole("button", { name: "Show 10 more" }));
    expect(within(list()).getAllByRole("listitem")).toHaveLength(70);
    expect(screen.queryByRole("button", { name: /Show \d+ more/ })).toBeNull();
    // find by ID: one card; by name: the cards whose name holds the text
    const find = screen.getByRole("searchbox", { name: "Find" });
    await user.type(find, "s0042");
    const found = within(list()).getAllByRole("listitem");
    expect(found).toHaveLength(1);
    expect(found[0].textContent).toContain("S0042");
    const name = found[0].getAttribute("aria-label")!.split(" ")[0];
    await user.clear(find);
    await user.type(find, name);
    const byName = within(list()).getAllByRole("listitem");
    for (const p of byName) expect(p.textContent).toContain(name);
    expect(byName.map((p) => p.textContent)).toEqual(
      expect.arrayContaining([expect.stringContaining("S0042")])
    );
    // a new search starts again at the first page
    await user.clear(find);
    expect(within(list()).getAllByRole("listitem")).toHaveLength(30);
    expect(await axe(document.body)).toHaveNoViolations();
  }, 120_000);

  it("should say when the write fails and offer a retry", async () => {
    const user = userEvent.setup();
    const host = memoryHost({ plan: defaultPlan() });
    const table = parseCsv(fixtureText(), "crm.csv");
    const { mapping } = mapColumns(table, defaultPlan());
    await host.importData({
      plan: defaultPlan(),
      language: "en-US",
      table,
      mapping,
      mode: "replace",
    });
    const check = (await checkWorkbook(host, defaultPlan()))!;
    renderWithProviders(<TrackingView />, {
      host,
      initial: { workbook: await host.inspect(), plan: defaultPlan(), check },
    });
    host.failNext("writeTracking", "The workbook is busy.");
    await user.click(await screen.findByRole("button", { name: "Write tracking sheet" }));
    await screen.findByText(/The workbook is busy\./);
    await user.click(screen.getByRole("button", { name: "Retry" }));
    await screen.findByText(/Tracking written for Mar 2024/);
    expect(host.calls.tracking.map((r) => r.month)).toEqual(["2024-03"]); // the failed call was refused before it was recorded
  }, 60_000);
});

describe("Tracking view (zh-CN)", () => {
  it("should show the month in Chinese and write 月度跟踪 with the note", async () => {
    const user = userEvent.setup();
    const { wb } = await workbook("zh-CN");
    expect(screen.getByRole("heading", { name: "月度跟踪" })).toBeTruthy();
    const month = screen.getByRole("combobox", { name: "月份" }) as HTMLSelectElement;
    await waitFor(() => expect(month.value).toBe("2024-03"));
    expect(within(month).getAllByRole("option")[2].textContent).toBe("2024年3月");
    const first = (
      await within(screen.getByRole("list", { name: "月度跟踪" })).findAllByRole("listitem")
    )[0];
    expect(
      within(first).getByText(/签约额\/销售额：已完成期间目标的 \d+%，进度完成率 \d+%/)
    ).toBeTruthy();
    expect(within(first).getByText(/预计：[\d.]+ 分，等级/)).toBeTruthy();
    await user.type(within(first).getByRole("textbox"), "本月回款偏慢，已约客户");
    await user.click(screen.getByRole("button", { name: "生成月度跟踪表" }));
    await screen.findByText(/已写入 月度跟踪（2024年3月）/);
    const read = sheetNotes(wb)!;
    expect([...read.notes.values()]).toEqual(["本月回款偏慢，已约客户"]);
  }, 60_000);
});

/** @jest-environment jsdom */
/**
 * Progress and Cancel in the Generate and Data views, on the pane's real host (createLayoutHost
 * over an in-memory workbook, test/support/memoryBackend.ts) with the in-thread compute (jsdom has
 * no Worker), held at one task so the test can press Cancel while it waits: Cancel during the
 * computation drops the work and writes nothing; Cancel during the write leaves the workbook as it
 * was. In both languages.
 */
import "./support/setup";
import * as React from "react";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { defaultPlan, mapColumns, type Language } from "../../src/engine";
import type { Compute } from "../../src/app/compute";
import { inThreadCompute } from "../../src/app/inThread";
import { createLayoutHost } from "../../src/app/layoutHost";
import { workbookLayouts } from "../../src/app/layouts";
import type { TaskName } from "../../src/app/tasks";
import type { WorkbookHost } from "../../src/app/host";
import { STRINGS } from "../../src/taskpane/strings";
import { GenerateView } from "../../src/taskpane/views/GenerateView";
import { DataView } from "../../src/taskpane/views/DataView";
import { memoryBackend, type MemoryBackend } from "../support/memoryBackend";
import { fixtureTable, fixtureText } from "./support/memoryHost";
import { renderWithProviders } from "./support/renderWithProviders";

/** The in-thread compute, holding the first task of one name until `release()`. */
function heldCompute(at: TaskName) {
  const inner = inThreadCompute();
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  const seen: TaskName[] = [];
  const compute: Compute = {
    kind: "in-thread",
    dispose() {},
    async task(name, input, options) {
      seen.push(name);
      if (name === at && !held) {
        held = true;
        await gate;
      }
      return inner.task(name, input, options);
    },
  };
  return { compute, release, seen };
}

/** A plan workbook holding the sample export, written through the pane's host. */
async function workbookWithData(
  language: Language
): Promise<{ backend: MemoryBackend; sheets: Record<string, string> }> {
  const backend = memoryBackend(language);
  const host = createLayoutHost(backend, workbookLayouts);
  const plan = defaultPlan();
  await host.createPlanWorkbook(plan, language);
  const table = fixtureTable();
  await host.importData({
    plan,
    language,
    table,
    mapping: mapColumns(table, plan).mapping,
    mode: "replace",
  });
  return { backend, sheets: (await host.inspect()).sheets as Record<string, string> };
}

function renderView(
  view: React.ReactElement,
  host: WorkbookHost,
  compute: Compute,
  language: Language,
  sheets: Record<string, string>
) {
  return renderWithProviders(view, {
    host,
    compute,
    language,
    initial: { workbook: { sheets, language }, plan: defaultPlan() },
  });
}

describe.each(["en-US", "zh-CN"] as const)("Generate: progress and Cancel (%s)", (language) => {
  const t = STRINGS[language];

  it("should show each step and drop the work when Cancel is pressed during the computation", async () => {
    const user = userEvent.setup();
    const { backend, sheets } = await workbookWithData(language);
    const held = heldCompute("outputs");
    const host = createLayoutHost(backend, workbookLayouts, { compute: held.compute });
    const writes = backend.writes.length;
    renderView(<GenerateView />, host, held.compute, language, sheets);
    await user.click(await screen.findByRole("button", { name: t.generate.run }));
    // held while laying out the sheets: the progress says so and offers Cancel
    await screen.findByText(t.generate.steps.layingOut);
    expect(screen.getAllByRole("progressbar", { name: t.generate.progress })).toHaveLength(1);
    expect(held.seen).toEqual(expect.arrayContaining(["check", "run", "outputs"]));
    await user.click(
      screen.getByRole("button", { name: t.generate.cancelWork(t.generate.progress) })
    );
    await screen.findByText(t.generate.cancelling);
    held.release();
    await screen.findByText(t.generate.cancelled);
    expect(backend.writes.length).toBe(writes); // nothing written
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.queryByText(/^(Written|已写入)/)).toBeNull();
    // and the next Generate goes through
    await user.click(screen.getByRole("button", { name: t.generate.run }));
    await screen.findByText(/^(Written: |已写入：)/, {}, { timeout: 120_000 });
    expect(backend.writes.length).toBeGreaterThan(writes);
    expect(screen.queryByText(t.generate.cancelled)).toBeNull();
  });

  it("should leave the workbook as it was when Cancel is pressed during the write", async () => {
    const user = userEvent.setup();
    const { backend, sheets } = await workbookWithData(language);
    const host = createLayoutHost(backend, workbookLayouts);
    // the write waits, as Excel's round trips do, until the test has pressed Cancel
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const apply = backend.applyLayout.bind(backend);
    backend.applyLayout = async (layout, options) => {
      options.onProgress?.({ done: 0, total: layout.sheets.length, stage: layout.sheets[0].name });
      await gate;
      return apply(layout, options);
    };
    const before = [...backend.sheets.keys()];
    const writes = backend.writes.length;
    renderView(<GenerateView />, host, inThreadCompute(), language, sheets);
    await user.click(await screen.findByRole("button", { name: t.generate.run }));
    // the write reports the sheet it is writing
    await screen.findByText(new RegExp(t.generate.progressStage(".+")));
    await user.click(
      screen.getByRole("button", { name: t.generate.cancelWork(t.generate.progress) })
    );
    release();
    await screen.findByText(t.generate.cancelled);
    expect(backend.writes.length).toBe(writes);
    expect([...backend.sheets.keys()]).toEqual(before);
  });
});

describe.each(["en-US", "zh-CN"] as const)("Data import: progress and Cancel (%s)", (language) => {
  const t = STRINGS[language];

  it("should write nothing when Cancel is pressed while the rows are laid out", async () => {
    const user = userEvent.setup();
    const { backend, sheets } = await workbookWithData(language);
    const held = heldCompute("dataImport");
    const host = createLayoutHost(backend, workbookLayouts, { compute: held.compute });
    const data = backend.sheets.get(sheets.data)!;
    const rowsBefore = data.cells.rows;
    const writes = backend.writes.length;
    renderView(<DataView />, host, held.compute, language, sheets);
    const csv = new File([fixtureText()], "crm.csv", { type: "text/csv" });
    await user.upload(screen.getByLabelText(t.data.chooseFile, { selector: "input" }), csv);
    const importButton = await screen.findByRole("button", {
      name: /^(Import \d+ rows|导入 \d+ 行)$/,
    });
    await waitFor(() => expect((importButton as HTMLButtonElement).disabled).toBe(false));
    await user.click(importButton);
    await screen.findByText(t.generate.steps.layingOut);
    await user.click(screen.getByRole("button", { name: t.generate.cancelWork(t.data.importing) }));
    held.release();
    await screen.findByText(t.generate.cancelled);
    expect(backend.writes.length).toBe(writes);
    expect(backend.sheets.get(sheets.data)!.cells.rows).toBe(rowsBefore);
    expect(backend.sheets.get(sheets.data)).toBe(data);
  });
});

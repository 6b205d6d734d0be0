/** @jest-environment jsdom */
/**
 * The Targets view (目标责任书): a team's letters, then everyone's, written to the Target letters
 * sheet of the real host over the preview workbook; a signature typed on the sheet survives the
 * second write; a person whose pay standard is blank is listed, located, and the others written;
 * both languages.
 */
import "./support/setup";
import * as React from "react";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe, toHaveNoViolations } from "jest-axe";
import { defaultPlan, mapColumns, parseCsv, type Language } from "../../src/engine";
import { createLayoutHost } from "../../src/app/layoutHost";
import { workbookLayouts } from "../../src/app/layouts";
import { checkWorkbook } from "../../src/app/workflow";
import type { WorkbookHost } from "../../src/app/host";
import { LettersView } from "../../src/taskpane/views/LettersView";
import { readTargetLettersSheet } from "../../src/workbook/letters";
import { previewBackend } from "../../dev/previewBackend";
import { PreviewWorkbook } from "../../dev/workbook/PreviewWorkbook";
import { fixtureText } from "./support/memoryHost";
import { findDialog, inDialog } from "./support/dialogs";
import { renderWithProviders } from "./support/renderWithProviders";

expect.extend(toHaveNoViolations);

function settings() {
  const m = new Map<string, string>();
  return {
    get: (k: string) => m.get(k) ?? null,
    set: async (k: string, v: string) => void m.set(k, v),
  };
}

/** The real host over the preview workbook: the plan workbook with the sample export imported. */
async function workbook(language: Language, edit?: (wb: PreviewWorkbook) => void) {
  const wb = new PreviewWorkbook();
  const host = createLayoutHost(
    previewBackend(wb, { settings: settings(), displayLanguage: language }),
    workbookLayouts
  );
  const plan = defaultPlan();
  await host.createPlanWorkbook(plan, language);
  const table = parseCsv(fixtureText(), "crm.csv");
  const { mapping } = mapColumns(table, plan);
  table.rows.find((r) => r[mapping.period] === "2024/3")![mapping.period] = "2024-02";
  await host.importData({ plan, language, table, mapping, mode: "replace" });
  edit?.(wb);
  const check = (await checkWorkbook(host, plan))!;
  const state = await host.inspect();
  const view = renderWithProviders(<LettersView />, {
    host: host as WorkbookHost,
    language,
    initial: { workbook: state, plan, check },
  });
  return { wb, host, view };
}

function letterEntries(wb: PreviewWorkbook) {
  const sheet = wb.byRole("target_letters");
  return sheet ? readTargetLettersSheet(wb.values(sheet.id)) : { entries: [], signs: new Map() };
}

describe("LettersView", () => {
  it("writes a team's letters, then everyone's, keeping a signature typed on the sheet", async () => {
    const user = userEvent.setup();
    const { wb, view } = await workbook("en-US");
    expect(screen.getByRole("heading", { name: "Targets" })).toBeTruthy();
    expect(await screen.findByText("No target letters yet.")).toBeTruthy();
    await user.selectOptions(screen.getByRole("combobox", { name: "Team" }), "华东一部");
    const team = screen.getByRole("button", { name: /^Write \d+ target letters$/ });
    const n = Number(/\d+/.exec(team.textContent ?? "")![0]);
    expect(n).toBeGreaterThan(1);
    await user.click(team);
    expect(
      await screen.findByText(
        `${n} target letters written to Target letters; the other letters there and what was signed on them were kept.`,
        undefined,
        { timeout: 120_000 }
      )
    ).toBeTruthy();
    expect(
      await screen.findByText(`${n} letters on the sheet.`, undefined, { timeout: 60_000 })
    ).toBeTruthy();
    const first = letterEntries(wb).entries;
    expect(first).toHaveLength(n);
    expect(first.every((e) => e.period === "2024-Q1")).toBe(true);
    expect((await axe(view.container)).violations).toEqual([]);

    // the salesperson signs the first letter on the sheet
    const sheet = wb.byRole("target_letters")!;
    const e = first[0];
    wb.enter(sheet.id, e.row + e.sign, 2, "Guo Jun");

    await user.selectOptions(screen.getByRole("combobox", { name: "Team" }), "");
    const all = screen.getByRole("button", { name: /^Write \d+ target letters$/ });
    const everyone = Number(/\d+/.exec(all.textContent ?? "")![0]);
    expect(everyone).toBeGreaterThan(n);
    await user.click(all);
    // the sheet was edited (signed): the pane asks before replacing it; the signature is read back first
    // (the letters are computed first: on a busy machine that outlasts findDialog's own wait)
    await waitFor(
      () =>
        expect(screen.queryAllByRole("alertdialog", { hidden: true }).length).toBeGreaterThan(0),
      { timeout: 120_000 }
    );
    await user.click(
      inDialog(await findDialog("Replace the sheet?", "alertdialog"), "button", "Replace")
    );
    expect(
      await screen.findByText(/target letters written to Target letters/, undefined, {
        timeout: 120_000,
      })
    ).toBeTruthy();
    const after = letterEntries(wb);
    expect(after.entries).toHaveLength(everyone);
    expect(after.entries.slice(0, n).map((x) => x.id)).toEqual(first.map((x) => x.id));
    const kept = after.entries.find((x) => x.id === e.id)!;
    expect(wb.values(sheet.id)[kept.row + kept.sign][2]).toBe("Guo Jun");
    await user.click(screen.getByRole("button", { name: "Show the letters" }));
  });

  it("lists a person whose pay standard is blank, located, and writes the others (zh-CN)", async () => {
    const user = userEvent.setup();
    const { wb } = await workbook("zh-CN", (w) => {
      const data = w.byRole("data")!;
      const v = w.values(data.id);
      const h = v.findIndex((l) => l.includes("员工编号"));
      const row = v.findIndex((l, i) => i > h && l[0] === "S1003" && l[3] === "2024-02");
      w.enter(data.id, row, v[h].indexOf("绩效工资基数(元)"), "");
    });
    expect(screen.getByRole("heading", { name: "目标责任书" })).toBeTruthy();
    const button = await screen.findByRole("button", { name: /^生成 \d+ 份目标责任书$/ });
    const n = Number(/\d+/.exec(button.textContent ?? "")![0]);
    await user.click(button);
    expect(
      await screen.findByText(
        `已向“目标责任书”写入 ${n - 1} 份目标责任书，其他责任书及已签字内容保持不变。`,
        undefined,
        { timeout: 120_000 }
      )
    ).toBeTruthy();
    const list = screen.getByRole("list", { name: "问题（有错误的人员不生成责任书）" });
    expect(
      within(list).getByText(/绩效工资基数\(元\)为空或无法读取，目标责任书需要该值。/)
    ).toBeTruthy();
    expect(within(list).getByText(/^数据!AD\d+$/)).toBeTruthy();
    await waitFor(() => expect(letterEntries(wb).entries).toHaveLength(n - 1));
    expect(letterEntries(wb).entries.some((x) => x.id === "S1003")).toBe(false);
  });
});

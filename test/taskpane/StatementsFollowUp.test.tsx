/** @jest-environment jsdom */
/**
 * Improvement plans followed up, through the Statements view: a team's Q1 statements written,
 * the interviewer's improvement plan typed on one of them, the team's Q2 statements written — the
 * sheet's Q2 statement carries the lines with outcome lines, the view says which statements
 * follow up what — and an outcome typed on the sheet is kept when the sheet is written again.
 * The real host over the preview's in-memory workbook, in both languages.
 */
import "./support/setup";
import * as React from "react";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { defaultPlan, mapColumns, parseCsv, type Language } from "../../src/engine";
import { createLayoutHost } from "../../src/app/layoutHost";
import { workbookLayouts } from "../../src/app/layouts";
import { StatementsView } from "../../src/taskpane/views/StatementsView";
import { checkWorkbook } from "../../src/app/workflow";
import type { WorkbookHost } from "../../src/app/host";
import { previewBackend } from "../../dev/previewBackend";
import { PreviewWorkbook } from "../../dev/workbook/PreviewWorkbook";
import { fixtureText } from "./support/memoryHost";
import { renderWithProviders } from "./support/renderWithProviders";

function settings() {
  const m = new Map<string, string>();
  return {
    get: (k: string) => m.get(k) ?? null,
    set: async (k: string, v: string) => void m.set(k, v),
  };
}

/** The sample export's Q1 months, and the same rows again as April to June: two quarters. */
function twoQuarters(): string {
  const lines = fixtureText().split(/\r?\n/);
  const body = lines.slice(1).filter((l) => l.trim() !== "");
  const q2 = body.map((l) =>
    l.replace(/,2024([-/])0?([1-3]),/, (_m, sep: string, month: string) => {
      return `,2024${sep}${sep === "-" ? "0" : ""}${Number(month) + 3},`;
    })
  );
  return [lines[0], ...body, ...q2].join("\n");
}

async function workbook(language: Language) {
  const wb = new PreviewWorkbook();
  const host = createLayoutHost(
    previewBackend(wb, { settings: settings(), displayLanguage: language }),
    workbookLayouts
  );
  const plan = defaultPlan();
  await host.createPlanWorkbook(plan, language);
  const table = parseCsv(twoQuarters(), "crm.csv");
  const { mapping } = mapColumns(table, plan);
  await host.importData({ plan, language, table, mapping, mode: "replace" });
  const check = (await checkWorkbook(host, plan))!;
  return { wb, host, plan, check };
}

const WORDS = {
  "en-US": {
    period: "Evaluation period",
    team: "Team",
    write: (n: number) => `Write ${n} statements`,
    added: (n: number) => `${n} statements added to Statements; the ones already there were kept.`,
    heading: "Last period's improvement plan (2024-Q1)",
    outcome: "Outcome:",
    present: "2 improvement-plan lines of 2024-Q1 followed up",
    blank: "no improvement plan written on the 2024-Q1 statement",
    missing: "no 2023-Q4 statement on the sheet",
    replace: ["Replace the sheet?", "Replace"],
    achieved: "Achieved",
    plan: ["Visit the top 10 accounts weekly", "Collect the March invoices"],
  },
  "zh-CN": {
    period: "考核期间",
    team: "部门",
    write: (n: number) => `生成 ${n} 份通知单`,
    added: (n: number) => `已向“绩效结果通知单”添加 ${n} 份通知单，原有的通知单保持不变。`,
    heading: "上期改进计划跟进（2024年第一季度）",
    outcome: "结果：",
    present: "跟进 2024-Q1 改进计划 2 项",
    blank: "2024-Q1 通知单未填写改进计划",
    missing: "工作表中没有 2023-Q4 的通知单",
    replace: ["替换工作表？", "替换"],
    achieved: "已达成",
    plan: ["每周拜访前十大客户", "3 月底前收回应收账款"],
  },
} as const;

describe.each(["en-US", "zh-CN"] as const)("StatementsView (%s)", (language) => {
  it("should follow up the Q1 statement's improvement plan on the Q2 statement and keep the outcome written", async () => {
    const w = WORDS[language];
    const user = userEvent.setup();
    const { wb, host, plan, check } = await workbook(language);
    renderWithProviders(<StatementsView />, {
      host: host as WorkbookHost,
      language,
      initial: { workbook: await host.inspect(), plan, check },
    });
    const replace = async () => {
      const title = await screen.findByText(w.replace[0]);
      const ask = title.closest('[role="alertdialog"]') as HTMLElement;
      await user.click(within(ask).getByText(w.replace[1]));
    };
    const team = check.data.rows[0].team;
    const size = new Set(check.data.rows.filter((r) => r.team === team).map((r) => r.id)).size;
    await user.selectOptions(screen.getByRole("combobox", { name: w.team }), team);
    await user.selectOptions(screen.getByRole("combobox", { name: w.period }), "2024-Q1");
    await user.click(screen.getByRole("button", { name: w.write(size) }));
    await screen.findByText(w.added(size));
    // Q1's statements have no Q4 2023 statement before them on the sheet
    expect(await screen.findAllByText(new RegExp(w.missing))).toHaveLength(size);

    // the interviewer writes the improvement plan on the first Q1 statement
    const sheet = wb.byRole("statements")!;
    const [first] = await host.readStatements();
    wb.enter(sheet.id, first.row + first.notes, 0, w.plan[0]);
    wb.enter(sheet.id, first.row + first.notes + 2, 0, w.plan[1]);

    await user.selectOptions(screen.getByRole("combobox", { name: w.period }), "2024-Q2");
    await user.click(screen.getByRole("button", { name: w.write(size) }));
    await replace(); // the sheet was typed on: the add-in asks, and keeps what was typed
    await screen.findByText(w.added(size));
    await waitFor(() => expect(screen.getAllByText(new RegExp(w.present))).toHaveLength(1));
    expect(screen.getAllByText(new RegExp(w.blank))).toHaveLength(size - 1);

    const entries = await host.readStatements();
    const q2 = entries.find((e) => e.id === first.id && e.period === "2024-Q2")!;
    const at = q2.row + q2.follow!.at;
    const values = () => wb.values(sheet.id);
    expect(values()[at][0]).toBe(w.heading);
    expect(values()[at + 1].slice(0, 2)).toEqual([expect.any(String), w.plan[0]]);
    expect(values()[at + 2][0]).toBe(w.outcome);
    expect(values()[at + 3][1]).toBe(w.plan[1]);
    // the Q1 statement keeps its plan
    expect(values()[first.row + first.notes][0]).toBe(w.plan[0]);

    // the outcome of the first line, typed on the sheet, stays when the sheet is written again
    wb.enter(sheet.id, at + 2, 1, w.achieved);
    wb.enter(sheet.id, at + 2, 3, "12/12");
    const other = check.data.rows.find((r) => r.team !== team)!.team;
    const more = new Set(check.data.rows.filter((r) => r.team === other).map((r) => r.id)).size;
    await user.selectOptions(screen.getByRole("combobox", { name: w.team }), other);
    await user.click(screen.getByRole("button", { name: w.write(more) }));
    await replace();
    await screen.findByText(w.added(more));
    const after = (await host.readStatements()).find(
      (e) => e.id === first.id && e.period === "2024-Q2"
    )!;
    const line = values()[after.row + after.follow!.at + 2];
    expect([line[1], line[3]]).toEqual([w.achieved, "12/12"]);
    expect(values()[after.row + after.follow!.at + 1][1]).toBe(w.plan[0]);
  });
});

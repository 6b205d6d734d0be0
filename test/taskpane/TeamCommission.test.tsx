/** @jest-environment jsdom */
/**
 * 团队提成 in the pane: the Plan editor's Team commission section (switch on and off, tiers,
 * a lead per team picked from the Data sheet's teams, problems inline, saved to the Plan sheet)
 * and the Explain view's team months and pay line for a lead.
 */
import "./support/setup";
import * as React from "react";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe, toHaveNoViolations } from "jest-axe";
import { explain, type Plan } from "../../src/engine";
import type { Run } from "../../src/taskpane/session";
import { PlanView } from "../../src/taskpane/views/PlanView";
import { ExplainView } from "../../src/taskpane/views/ExplainView";
import { RunResultView } from "../../src/taskpane/components/RunResultView";
import { checkWorkbook, runPlan } from "../../src/app/workflow";
import { hostWithSampleData } from "./support/memoryHost";
import { renderWithProviders } from "./support/renderWithProviders";

expect.extend(toHaveNoViolations);

async function openTeamSection(
  language: "en-US" | "zh-CN" = "en-US",
  team: Plan["commission"]["team"] = undefined
) {
  const user = userEvent.setup();
  const host = hostWithSampleData();
  if (team) host.plan!.commission.team = team;
  const view = renderWithProviders(<PlanView />, {
    host,
    language,
    initial: { workbook: { sheets: host.sheets, language } },
  });
  await screen.findByText(language === "en-US" ? "The plan is valid." : "方案有效。");
  await user.click(
    screen.getByRole("button", { name: language === "en-US" ? "Team commission" : "团队提成" })
  );
  return { ...view, user, host };
}

describe("Plan editor: team commission", () => {
  it("should be off by default, and switch on with one tier and no lead (a warning)", async () => {
    const { user } = await openTeamSection();
    const on = screen.getByRole("switch", { name: "Pay team leads a team commission (团队提成)" });
    expect((on as HTMLInputElement).checked).toBe(false);
    expect(screen.queryByRole("group", { name: "Team tiers" })).toBeNull();
    await user.click(on);
    const tiers = screen.getByRole("group", { name: "Team tiers" });
    expect(
      (within(tiers).getByRole("textbox", { name: "Tier 1: rate" }) as HTMLInputElement).value
    ).toBe("0.5");
    const leads = screen.getByRole("group", { name: "Team leads" });
    expect(
      within(leads).getByText(
        "Team commission is on but names no team lead, so nobody is paid on it."
      )
    ).toBeTruthy();
    expect(screen.getByText("0 errors, 1 warning")).toBeTruthy();
  });

  it("should pick each lead's team from the Data sheet's teams, flag a lead named twice, and save", async () => {
    const { user, host } = await openTeamSection();
    await user.click(
      screen.getByRole("switch", { name: "Pay team leads a team commission (团队提成)" })
    );
    const leads = screen.getByRole("group", { name: "Team leads" });
    await user.click(within(leads).getByRole("button", { name: "Add a team lead" }));
    const team1 = (await within(leads).findByRole("combobox", {
      name: "Lead 1: team",
    })) as HTMLSelectElement;
    // The Data sheet's teams, in order, after the prompt.
    await waitFor(() =>
      expect([...team1.options].map((o) => o.value)).toEqual([
        "",
        "华东一部",
        "华东二部",
        "华北部",
        "华南部",
      ])
    );
    await user.selectOptions(team1, "华南部");
    await user.type(within(leads).getByRole("textbox", { name: "Lead 1: employee ID" }), "S1003");
    await user.click(within(leads).getByRole("button", { name: "Add a team lead" }));
    const team2 = within(leads).getByRole("combobox", { name: "Lead 2: team" });
    expect((team2 as HTMLSelectElement).value).toBe("华东一部");
    await user.type(within(leads).getByRole("textbox", { name: "Lead 2: employee ID" }), "S1003");
    expect(
      within(leads).getByText(
        "S1003 is named as the lead of two teams (华南部 and 华东一部); a lead is paid on one team."
      )
    ).toBeTruthy();
    expect(
      (screen.getByRole("button", { name: "Save to Plan sheet" }) as HTMLButtonElement).disabled
    ).toBe(true);
    await user.clear(within(leads).getByRole("textbox", { name: "Lead 2: employee ID" }));
    await user.type(within(leads).getByRole("textbox", { name: "Lead 2: employee ID" }), "S1001");
    await user.click(
      screen.getByRole("switch", { name: "Count the lead's own in the team's basis" })
    );
    const tiers = screen.getByRole("group", { name: "Team tiers" });
    await user.click(within(tiers).getByRole("button", { name: "Team tiers: Add tier" }));
    const rate2 = within(tiers).getByRole("textbox", { name: "Tier 2: rate" });
    await user.clear(rate2);
    await user.type(rate2, "1");
    await user.click(screen.getByRole("button", { name: "Save to Plan sheet" }));
    await screen.findByText("Saved to the Plan sheet.");
    expect(host.calls.writePlan[0].commission.team).toEqual({
      method: "marginal",
      tiers: [
        { from: 0, rate: 0.005 },
        { from: 500000, rate: 0.01 },
      ],
      leads: [
        { team: "华南部", id: "S1003" },
        { team: "华东一部", id: "S1001" },
      ],
      includeOwn: true,
    });
  });

  it("should flag a team the Data sheet does not hold and tiers out of order, in Chinese", async () => {
    // A plan written with a team name the data does not use (a typo): kept, and flagged.
    const { user } = await openTeamSection("zh-CN", {
      method: "whole",
      tiers: [{ from: 0, rate: 0.01 }],
      leads: [{ team: "华南一部", id: "S1003" }],
      includeOwn: false,
    });
    const leads = screen.getByRole("group", { name: "团队负责人" });
    const team1 = within(leads).getByRole("combobox", { name: "第 1 位负责人：团队" });
    expect((team1 as HTMLSelectElement).value).toBe("华南一部");
    expect(
      await within(leads).findByText(
        "团队提成：团队“华南一部”（负责人 S1003）在数据中没有任何记录。"
      )
    ).toBeTruthy();
    await user.selectOptions(team1, "华南部");
    expect(within(leads).queryByText(/在数据中没有任何记录/)).toBeNull();
    const tiers = screen.getByRole("group", { name: "团队提成阶梯" });
    await user.click(within(tiers).getByRole("button", { name: "团队提成阶梯: 添加一档" }));
    const from2 = within(tiers).getByRole("textbox", { name: "第 2 档：起点" });
    await user.clear(from2);
    await user.type(from2, "0");
    expect(within(tiers).getByText("团队提成阶梯：第 2 档的起点 0 必须大于 0。")).toBeTruthy();
    expect(
      (screen.getByRole("combobox", { name: "团队提成累进方式" }) as HTMLSelectElement).value
    ).toBe("whole");
  });

  it("should switch off again and have no accessibility violations when on", async () => {
    const { user, container } = await openTeamSection();
    const on = screen.getByRole("switch", { name: "Pay team leads a team commission (团队提成)" });
    await user.click(on);
    await user.click(
      within(screen.getByRole("group", { name: "Team leads" })).getByRole("button", {
        name: "Add a team lead",
      })
    );
    await screen.findByRole("combobox", { name: "Lead 1: team" });
    expect(await axe(container)).toHaveNoViolations();
    await user.click(on);
    expect(screen.queryByRole("group", { name: "Team tiers" })).toBeNull();
    expect(screen.getByText("The plan is valid.")).toBeTruthy();
  });
});

describe("Explain: a lead's team commission", () => {
  it("should show the team months with the members summed, the tier slices and the pay line", async () => {
    const host = hostWithSampleData();
    host.plan!.commission.team = {
      method: "marginal",
      tiers: [
        { from: 0, rate: 0.005 },
        { from: 1000000, rate: 0.01 },
      ],
      leads: [{ team: "华南部", id: "S1003" }],
      includeOwn: false,
    };
    const check = (await checkWorkbook(host, host.plan!))!;
    const r = runPlan(host.plan!, check, "2024-Q1", "");
    const run: Run = {
      options: { period: "2024-Q1", group: "", style: "native" },
      evaluation: r.evaluation,
      rows: r.rows,
      summary: r.summary,
      written: { sheets: ["Scorecard"] },
    };
    const row = r.evaluation.periods.frame.ids.indexOf("S1003");
    const trace = explain(r.evaluation, row);
    renderWithProviders(<ExplainView />, {
      host,
      initial: {
        workbook: { sheets: host.sheets, language: "en-US" },
        plan: host.plan!,
        run,
        explainRow: row,
      },
    });
    const money = (v: number) =>
      new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
        v
      );
    expect(trace.team).toHaveLength(3);
    const jan = trace.team[0];
    expect(screen.getByText(`2024-01 · 华南部 · team basis ${money(jan.teamBasis!)}`)).toBeTruthy();
    const members = screen.getByRole("table", { name: "华南部 2024-01" });
    expect(within(members).getAllByRole("row")).toHaveLength(jan.members.length);
    expect(jan.members.some((m) => m.id === "S1003")).toBe(false);
    const slices = screen.getByRole("table", { name: "Team commission 2024-01" });
    expect(within(slices).getAllByRole("row")).toHaveLength(1 + jan.slices.length + 1);
    expect(slices.textContent).toContain(money(jan.commission!));
    const pay = screen.getByRole("table", { name: "Pay" });
    const line = within(pay).getByText("Team commission").closest("tr")!;
    expect(line.textContent).toContain(money(trace.pay.teamCommission!));
    expect(trace.pay.teamCommission).toBeGreaterThan(0);
  });
});

describe("Generate: the run's team commission problems", () => {
  it("should list a team the data never names and the months a lead has no row in", async () => {
    const host = hostWithSampleData();
    host.plan!.commission.team = {
      method: "marginal",
      tiers: [{ from: 0, rate: 0.005 }],
      leads: [
        { team: "华南一部", id: "S1003" },
        { team: "华北部", id: "S9999" },
      ],
      includeOwn: false,
    };
    const check = (await checkWorkbook(host, host.plan!))!;
    const r = runPlan(host.plan!, check, "2024-Q1", "");
    const run: Run = {
      options: { period: "2024-Q1", group: "", style: "native" },
      evaluation: r.evaluation,
      rows: r.rows,
      summary: r.summary,
      written: { sheets: ["Scorecard"] },
    };
    expect(
      r.evaluation.issues.map((i) => i.code).filter((c) => c !== "distributionDeparts")
    ).toEqual(["teamUnknown", "teamLeadAbsent", "teamLeadAbsent", "teamLeadAbsent"]);
    const view = renderWithProviders(<RunResultView run={run} />, {
      host,
      language: "zh-CN",
      initial: { workbook: { sheets: host.sheets, language: "zh-CN" }, plan: host.plan! },
    });
    const section = screen.getByRole("region", { name: "团队提成（4）" });
    expect(within(section).getAllByText(/^S9999 2024-0[123]$/)).toHaveLength(3);
    expect(
      within(section).getAllByText(
        "团队提成 · 华北部：团队负责人本月没有数据行，无法发放“华北部”的团队提成。"
      )
    ).toHaveLength(3);
    expect(
      within(section).getByText(/团队提成：团队“华南一部”（负责人 S1003）在数据中没有任何记录。/)
    ).toBeTruthy();
    view.unmount();
  });
});

/** @jest-environment jsdom */
import "./support/setup";
import * as React from "react";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe, toHaveNoViolations } from "jest-axe";
import { evaluate, scorecardRows, type Plan } from "../../src/engine";
import { formatter } from "../../src/taskpane/format";
import { WhatIfView } from "../../src/taskpane/views/WhatIfView";
import { checkWorkbook } from "../../src/app/workflow";
import { hostWithSampleData, type MemoryHost } from "./support/memoryHost";
import { renderWithProviders } from "./support/renderWithProviders";

expect.extend(toHaveNoViolations);

const money = formatter("en-US").money;
const signed = (v: number) => (v > 0 ? `+${money(v)}` : money(v));

async function setup(language: "en-US" | "zh-CN" = "en-US") {
  const host = hostWithSampleData();
  const check = (await checkWorkbook(host, host.plan!))!;
  const view = renderWithProviders(<WhatIfView />, {
    host,
    language,
    initial: { workbook: { sheets: host.sheets, language }, plan: host.plan!, check },
  });
  return { ...view, host: host as MemoryHost, check };
}

/** The engine's answer by recomputing: each salesperson's pay under both plans, and the total. */
function recompute(before: Plan, after: Plan, rows: Parameters<typeof evaluate>[1]) {
  const a = scorecardRows(evaluate(before, rows));
  const b = scorecardRows(evaluate(after, rows));
  const people = a.map((x) => {
    const y = b.find((z) => z.id === x.id && z.period === x.period)!;
    const change =
      x.totalPay === null || y.totalPay === null
        ? null
        : Math.round((y.totalPay - x.totalPay) * 100) / 100;
    return {
      grade: x.grade,
      id: x.id,
      name: x.name,
      period: x.period,
      before: x.totalPay,
      after: y.totalPay,
      change,
    };
  });
  const total = people.reduce((s, p) => s + (p.change ?? 0), 0);
  return { people, cost: Math.round(total * 100) / 100 };
}

/** Whether a month key lies in an evaluation period (a quarter "2024-Q1" or a month). */
function inPeriod(month: string, period: string): boolean {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!q) return month === period;
  const m = Number(month.slice(5));
  return month.startsWith(q[1]) && Math.ceil(m / 3) === Number(q[2]);
}

describe("WhatIfView", () => {
  it("should report exactly the difference recomputing gives when the top tier rate goes from 5% to 6%", async () => {
    const user = userEvent.setup();
    const { host, check } = await setup();
    expect(screen.getByText(/No change yet/)).toBeTruthy();
    const rate = screen.getByRole("textbox", { name: "Tier 3: rate" });
    expect((rate as HTMLInputElement).value).toBe("5");
    await user.clear(rate);
    await user.type(rate, "6");
    expect(screen.getByText("Tier 3: rate: 5% → 6%")).toBeTruthy();
    const after = structuredClone(host.plan!);
    after.commission.tiers[2].rate = 0.06;
    const expected = recompute(host.plan!, after, check.data.rows);
    expect(expected.cost).toBeGreaterThan(0);
    const cost = await screen.findByTestId("whatif-cost");
    expect(cost.textContent).toBe(signed(expected.cost));
    // per salesperson: everyone whose pay changes, with the recomputed difference
    const showAll = screen.queryByRole("button", { name: /Show all/ });
    if (showAll) await user.click(showAll);
    const table = screen.getByRole("table", { name: "Per salesperson" });
    const lines = within(table).getAllByRole("row").slice(1);
    const changed = expected.people.filter((p) => p.change !== null && p.change !== 0);
    expect(lines.length).toBe(changed.length);
    for (const line of lines) {
      const cells = within(line).getAllByRole("cell");
      // each row names the salesperson (its title says which id and period)
      const label = cells[0].querySelector("span[title]")!;
      const title = label.getAttribute("title");
      const who = expected.people.find((p) => title === `${p.id} · ${p.period}`)!;
      expect(label.textContent).toBe(who.name);
      expect(cells[0].textContent).toBe(`${who.name}${who.grade}`); // the grade, unchanged
      expect(who).toBeDefined();
      expect(cells[1].textContent).toBe(money(who.before));
      expect(cells[2].textContent).toBe(money(who.after));
      expect(cells[3].textContent).toBe(signed(who.change!));
    }
    // nobody changes grade when only a commission rate moves
    expect(screen.getByRole("status").textContent).toBe(
      `Cost of the change ${signed(expected.cost)}; 0 up, 0 down.`
    );
  });

  it("should show the cost of the plan (incentive cost ÷ signed) now and with the change, in total and by team", async () => {
    const user = userEvent.setup();
    const { host, check } = await setup();
    const rate = screen.getByRole("textbox", { name: "Tier 3: rate" });
    await user.clear(rate);
    await user.type(rate, "6");
    const after = structuredClone(host.plan!);
    after.commission.tiers[2].rate = 0.06;
    // recomputed from the scorecard's pay lines and the data's signed amounts, team by team
    const pct = (v: number) => formatter("en-US").percent(v, 2);
    const ratio = (plan: Plan, team: string | null) => {
      const rows = scorecardRows(evaluate(plan, check.data.rows)).filter(
        (r) => team === null || r.team === team
      );
      let cost = 0;
      for (const r of rows) cost += (r.performancePay ?? 0) + (r.commission ?? 0) + (r.bonus ?? 0);
      let revenue = 0;
      for (const d of check.data.rows)
        if (team === null || d.team === team) revenue += d.values.sales_amount ?? 0;
      return Math.round(cost * 100) / 100 / (Math.round(revenue * 100) / 100);
    };
    const table = await screen.findByRole("table", {
      name: "Cost of the plan: incentive cost ÷ signed revenue",
    });
    const lines = within(table).getAllByRole("row").slice(1);
    const teams = [...new Set(check.data.rows.map((r) => r.team))];
    expect(lines).toHaveLength(1 + teams.length);
    let compared = 0;
    for (const line of lines) {
      const [name, now, changed] = within(line)
        .getAllByRole("cell")
        .map((c) => c.textContent);
      const team = name === "All teams" ? null : name!;
      expect(now).toBe(pct(ratio(host.plan!, team)));
      expect(changed).toBe(pct(ratio(after, team)));
      compared++;
    }
    expect(compared).toBe(1 + teams.length);
    // a higher top rate costs more against the same revenue
    expect(ratio(after, null)).toBeGreaterThan(ratio(host.plan!, null));
    // by grade: the rows graded so, their pay lines over their own months' signed amounts
    const byGrade = (plan: Plan, grade: string) => {
      const rows = scorecardRows(evaluate(plan, check.data.rows)).filter((r) => r.grade === grade);
      let cost = 0;
      let revenue = 0;
      for (const r of rows) {
        cost += (r.performancePay ?? 0) + (r.commission ?? 0) + (r.bonus ?? 0);
        for (const d of check.data.rows)
          if (
            d.id === r.id &&
            d.period.startsWith(r.period.slice(0, 4)) &&
            inPeriod(d.period, r.period)
          )
            revenue += d.values.sales_amount ?? 0;
      }
      return revenue === 0
        ? null
        : Math.round(cost * 100) / 100 / (Math.round(revenue * 100) / 100);
    };
    const grades = screen.getByRole("table", {
      name: "Cost of the plan: incentive cost ÷ signed revenue · Grade",
    });
    const gradeLines = within(grades).getAllByRole("row").slice(1);
    expect(gradeLines).toHaveLength(host.plan!.grading.grades.length);
    let withRevenue = 0;
    for (const line of gradeLines) {
      const [grade, now, changed] = within(line)
        .getAllByRole("cell")
        .map((c) => c.textContent);
      const before = byGrade(host.plan!, grade!);
      const later = byGrade(after, grade!);
      expect(now).toBe(before === null ? "No revenue" : pct(before));
      expect(changed).toBe(later === null ? "No revenue" : pct(later));
      if (before !== null) withRevenue++;
    }
    expect(withRevenue).toBeGreaterThan(1);
    expect(
      within(
        screen.getByRole("table", {
          name: "Cost of the plan: incentive cost ÷ signed revenue · Month",
        })
      ).getAllByRole("row").length
    ).toBeGreaterThan(1);
  });

  it("should show grade changes and their cost when a band moves", async () => {
    const user = userEvent.setup();
    const { host, check } = await setup();
    await user.click(screen.getByRole("button", { name: "Grades, coefficients and quotas" }));
    const min = screen.getByRole("textbox", { name: /^A .*: Min score$/ });
    await user.clear(min);
    await user.type(min, "90");
    const after = structuredClone(host.plan!);
    after.grading.grades[1].min = 90;
    const a = scorecardRows(evaluate(host.plan!, check.data.rows));
    const b = scorecardRows(evaluate(after, check.data.rows));
    const down = a.filter((x, i) => x.grade === "A" && b[i].grade !== "A").length;
    expect(down).toBeGreaterThan(0);
    expect((await screen.findByTestId("whatif-cost")).textContent).toBe(
      signed(recompute(host.plan!, after, check.data.rows).cost)
    );
    expect(screen.getByRole("status").textContent).toContain(`0 up, ${down} down`);
    expect(screen.getByText(new RegExp(`Grade changes: A→B × ${down}`))).toBeTruthy();
  });

  it("should apply the changed plan to the Plan sheet as a new version, or discard it", async () => {
    const user = userEvent.setup();
    const { host } = await setup();
    const rate = screen.getByRole("textbox", { name: "Tier 3: rate" });
    await user.clear(rate);
    await user.type(rate, "6");
    expect(
      (screen.getByRole("textbox", { name: "Save as version" }) as HTMLInputElement).value
    ).toBe("2024.2");
    await user.click(screen.getByRole("button", { name: "Apply to the Plan sheet" }));
    await screen.findByText(/The Plan sheet now holds version 2024.2/);
    expect(host.calls.writePlan).toHaveLength(1);
    expect(host.calls.writePlan[0].commission.tiers[2].rate).toBe(0.06);
    expect(host.calls.writePlan[0].version).toBe("2024.2");
    expect(host.plan!.commission.tiers[2].rate).toBe(0.06);
    // a new change can be discarded: the draft goes back to the Plan sheet's plan
    const again = screen.getByRole("textbox", { name: "Tier 3: rate" });
    await user.clear(again);
    await user.type(again, "7");
    expect(screen.getByText("Tier 3: rate: 6% → 7%")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Discard" }));
    await waitFor(() =>
      expect(
        (screen.getByRole("textbox", { name: "Tier 3: rate" }) as HTMLInputElement).value
      ).toBe("6")
    );
    expect(screen.getByText(/No change yet/)).toBeTruthy();
    expect(host.calls.writePlan).toHaveLength(1);
  });

  it("should compute nothing while the changed plan has errors", async () => {
    const user = userEvent.setup();
    await setup();
    await user.click(screen.getByRole("button", { name: "Weights and targets" }));
    const w = screen.getByRole("textbox", { name: "Weight of Sales results" });
    await user.clear(w);
    await user.type(w, "60");
    expect(await screen.findByText(/The changed plan has errors/)).toBeTruthy();
    expect(screen.queryByTestId("whatif-cost")).toBeNull();
    expect(
      (screen.getByRole("button", { name: "Apply to the Plan sheet" }) as HTMLButtonElement)
        .disabled
    ).toBe(true);
  });

  it("should speak Chinese and have no accessibility violations", async () => {
    const user = userEvent.setup();
    const { container } = await setup("zh-CN");
    const rate = screen.getByRole("textbox", { name: "第 3 档：提成比例" });
    await user.clear(rate);
    await user.type(rate, "6");
    expect(await screen.findByText("第 3 档：提成比例: 5% → 6%")).toBeTruthy();
    expect(screen.getByText("方案调整成本")).toBeTruthy();
    expect(await axe(container)).toHaveNoViolations();
  });
});

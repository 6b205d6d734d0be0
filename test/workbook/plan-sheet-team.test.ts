/**
 * 团队提成 on the Plan sheet: written as its own sections (settings, tiers, leads) only when the
 * plan has team commission, with workbook names for the formulas; read back to the same plan in
 * both languages and through an .xlsx file; a sheet without the sections reads as a plan without
 * team commission; what cannot be read is located.
 */
import { defaultPlan } from "../../src/engine/plan/defaultPlan";
import type { Plan } from "../../src/engine/plan/model";
import { formatIssue } from "../../src/engine/issues";
import {
  planSheet,
  readPlanSheet,
  PLAN_NAMES,
  settingName,
  SETTING_KEYS,
} from "../../src/workbook/plan-sheet";
import { sheetValues } from "../../src/workbook/grid";
import { xlsxBuffer } from "../../src/workbook/xlsx";
import { templateLayout } from "../../src/workbook/template";
import { xlsxSheetValues } from "./support/xlsx-values";

const LANGS = ["zh-CN", "en-US"] as const;

export function teamPlan(): Plan {
  const plan = defaultPlan();
  plan.commission.team = {
    method: "whole",
    tiers: [
      { from: 0, rate: 0.003 },
      { from: 500000, rate: 0.005 },
      { from: 1200000, rate: 0.008 },
    ],
    leads: [
      { team: "华东一部", id: "S1003" },
      { team: "华南二部", id: "S1010" },
    ],
    includeOwn: true,
  };
  return plan;
}

describe("team commission on the Plan sheet", () => {
  it.each(LANGS)("should read a plan with team commission back unchanged (%s)", (lang) => {
    const plan = teamPlan();
    const { sheet, anchors } = planSheet(plan, lang);
    const r = readPlanSheet(sheetValues(sheet), sheet.name);
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(r.plan).toEqual(plan);
    expect(r.anchors).toEqual(anchors);
    expect(anchors.teamTiers).toHaveLength(3);
  });

  it("should read both languages to the same plan, with includeOwn off too", () => {
    const plan = teamPlan();
    plan.commission.team!.includeOwn = false;
    plan.commission.team!.method = "marginal";
    for (const lang of LANGS) {
      const { sheet } = planSheet(plan, lang);
      expect(readPlanSheet(sheetValues(sheet), sheet.name).plan).toEqual(plan);
    }
  });

  it("should leave the sections out, and read no team commission, when the plan has none", () => {
    for (const off of [
      defaultPlan(),
      { ...defaultPlan(), commission: { ...defaultPlan().commission, team: null } },
    ]) {
      const { sheet, anchors } = planSheet(off, "zh-CN");
      const cells = sheetValues(sheet);
      expect(cells.flat()).not.toContain("团队提成阶梯");
      const back = readPlanSheet(cells, sheet.name);
      expect(back.plan).toEqual(defaultPlan());
      expect("team" in back.plan!.commission).toBe(false);
      expect(anchors.teamTiers).toEqual([]);
      expect(planSheet(defaultPlan(), "zh-CN").sheet).toEqual(sheet);
    }
  });

  it("should name the team tiers, their columns, the leads and the settings", () => {
    const { sheet } = planSheet(teamPlan(), "zh-CN");
    const names = sheet.names.map((n) => n.name);
    for (const n of Object.values(PLAN_NAMES)) expect(names).toContain(n);
    for (const k of SETTING_KEYS) expect(names).toContain(settingName(k));
    expect(new Set(names).size).toBe(names.length);
    const tiers = sheet.names.find((n) => n.name === PLAN_NAMES.teamTiers)!;
    expect(tiers.ref).toMatch(/^'方案'!\$A\$\d+:\$B\$\d+$/);
    const [, a, b] = /\$(\d+):\$B\$(\d+)/.exec(tiers.ref)!;
    expect(Number(b) - Number(a) + 1).toBe(3);
    const lists = sheet.validations.filter((v) => v.list).map((v) => v.list!.join("/"));
    expect(lists).toContain("是/否");
  });

  it("should read the team commission back from an .xlsx file", async () => {
    const plan = teamPlan();
    for (const lang of LANGS) {
      const layout = templateLayout(plan, lang);
      const buffer = await xlsxBuffer(layout);
      const planName = layout.sheets.find((s) => s.role === "plan")!.name;
      const r = readPlanSheet(await xlsxSheetValues(buffer, planName), planName);
      expect(r.plan).toEqual(plan);
    }
  });

  it("should locate a team tier it cannot read and the plan's own problems of it", () => {
    const plan = teamPlan();
    const { sheet } = planSheet(plan, "zh-CN");
    const cells = sheetValues(sheet);
    const title = cells.findIndex((row) => row[0] === "团队提成阶梯");
    cells[title + 3][1] = "三成";
    cells[title + 4][0] = 100;
    const r = readPlanSheet(cells, sheet.name);
    const texts = r.issues.map((i) => formatIssue(i, "zh-CN"));
    expect(texts.some((t) => t.startsWith(`方案 第 ${title + 4} 行 B 列`))).toBe(true);
    expect(r.plan).toBeNull();
    expect(r.issues.map((i) => i.code)).toContain("teamTiersOrder");
  });
});

/**
 * 团队提成 on the output sheets, for the plan variant that switches it on (the native and PERF.*
 * styles of every column are also proven in hyperformula.test.ts and libreoffice.test.ts with
 * the other variants): the Commission sheet's team basis and team commission, the Scorecard's
 * team commission line in the total, the values style carrying the same numbers, and what
 * stops it (a member's blank collections, a lead without a row) as errors with located statuses.
 */
import { buildFromTemplate, buildWorkbook } from "../../src/workbook/build";
import { generateSample } from "../../src/workbook/sample";
import { templateLayout } from "../../src/workbook/template";
import { isFormula, type Cell, type SheetLayout } from "../../src/workbook/layout";
import { PLAN_NAMES } from "../../src/workbook/plan-sheet";
import { compareLayout, evaluateLayout } from "./support/hyperformula";
import { dataCell, VARIANTS } from "./support/fixtures";

const TEAM = VARIANTS.find((v) => v.name.startsWith("team commission"))!;
const SMALL = generateSample({ people: 18, teams: 4, seed: 5 });
const OUTPUTS: SheetLayout["role"][] = ["months", "commission", "scorecard", "annual", "summary"];

function sheetOf(layout: { sheets: SheetLayout[] }, role: SheetLayout["role"]) {
  const s = layout.sheets.find((x) => x.role === role)!;
  const cells = s.blocks[0].cells;
  return { s, cells, col: (header: string) => cells[0].indexOf(header) };
}

/** A cell's value as the layout carries it (a formula's cached value). */
function valueOf(c: Cell): unknown {
  return isFormula(c) ? (c.error ? "error" : c.value) : c;
}

describe("team commission on the Commission and Scorecard sheets", () => {
  const plan = TEAM.plan();

  it("should add the team basis and team commission columns, in both languages", () => {
    const zh = buildWorkbook(plan, "zh-CN", SMALL, "native").layout;
    const en = buildWorkbook(plan, "en-US", SMALL, "native").layout;
    expect(sheetOf(zh, "commission").cells[0]).toEqual(
      expect.arrayContaining(["团队提成基数", "团队提成"])
    );
    expect(sheetOf(zh, "scorecard").cells[0]).toContain("团队提成");
    expect(sheetOf(en, "commission").cells[0]).toEqual(
      expect.arrayContaining(["Team basis", "Team commission"])
    );
    const com = sheetOf(zh, "commission");
    const j = com.col("团队提成");
    expect(com.s.columns[j].numberFormat).toBe("#,##0.00");
    expect(com.s.columns[com.col("团队提成基数")].numberFormat).toBe("#,##0.00");
  });

  it("should sum the members' basis cells of the lead's month and carry the engine's numbers", () => {
    const built = buildWorkbook(plan, "zh-CN", SMALL, "native");
    const ev = built.evaluation;
    const com = sheetOf(built.layout, "commission");
    const mf = ev.months.frame;
    const m = mf.ids.findIndex((id, i) => id === "S0005" && mf.periods[i] === "2024-03");
    const line = com.cells[m + 1];
    const basis = line[com.col("团队提成基数")];
    const team = line[com.col("团队提成")];
    expect(isFormula(basis) && isFormula(team)).toBe(true);
    if (!isFormula(basis) || !isFormula(team)) return;
    // 华东一部's five rows of March, the lead's own counted, added in row order.
    expect(ev.ledger.teamMembers.get(m)!.map((r) => mf.ids[r])).toEqual([
      "S0001",
      "S0005",
      "S0009",
      "S0013",
      "S0017",
    ]);
    expect(basis.formula.split("+")).toHaveLength(5);
    expect(basis.value).toBe(ev.ledger.teamBasis[m]);
    expect(team.value).toBe(ev.ledger.team[m]);
    expect(team.value).toBeGreaterThan(0);
    // Not a lead: 0.
    const other = mf.ids.indexOf("S0001");
    expect(com.cells[other + 1][com.col("团队提成")]).toBe(0);
  });

  it("should use the team tiers by name in the PERF style", () => {
    const built = buildWorkbook(plan, "zh-CN", SMALL, "perf");
    const com = sheetOf(built.layout, "commission");
    const mf = built.evaluation.months.frame;
    const m = mf.ids.indexOf("S0003");
    const team = com.cells[m + 1][com.col("团队提成")];
    expect(isFormula(team) && team.formula).toBe(
      `ROUND(PERF.COMMISSION(MAX(${String.fromCharCode(65 + com.col("团队提成基数"))}${m + 2},0),${PLAN_NAMES.teamTiers},"marginal"),2)`
    );
  });

  it("should include the team commission in the lead's total pay (HyperFormula, native)", () => {
    const built = buildWorkbook(plan, "zh-CN", SMALL, "native");
    const ev = built.evaluation;
    const sc = sheetOf(built.layout, "scorecard");
    const hf = evaluateLayout(built.layout);
    const pf = ev.periods.frame;
    const r = pf.ids.findIndex((id, i) => id === "S0006" && pf.periods[i] === "2024-Q2");
    const row = r + 2;
    const at = (h: string) => hf.value(sc.s.name, row, sc.col(h)) as number;
    expect(at("团队提成")).toBe(ev.periodPay.teamCommission[r]);
    expect(at("团队提成")).toBeGreaterThan(0);
    const sum = at("基本工资") + at("绩效工资") + at("销售提成") + at("团队提成") + at("奖金/奖惩");
    expect(at("应发合计")).toBeCloseTo(sum, 6);
    expect(at("应发合计")).toBe(ev.periodPay.total[r]);
  });

  it("should write the same numbers as values only in the values style", () => {
    const native = buildWorkbook(plan, "zh-CN", SMALL, "native").layout;
    const values = buildWorkbook(plan, "zh-CN", SMALL, "values").layout;
    for (const role of ["commission", "scorecard"] as const) {
      const n = sheetOf(native, role);
      const v = sheetOf(values, role);
      const columns =
        role === "commission" ? ["团队提成基数", "团队提成"] : ["团队提成", "应发合计"];
      let leads = 0;
      for (const h of columns) {
        const j = n.col(h);
        for (let i = 1; i < n.cells.length; i++) {
          const nc = n.cells[i][j];
          const expected = isFormula(nc) ? (nc.error || nc.value === "" ? null : nc.value) : nc;
          expect(isFormula(v.cells[i][j])).toBe(false);
          expect(v.cells[i][j]).toEqual(expected);
          if (typeof expected === "number" && expected > 0 && h.startsWith("团队")) leads++;
        }
      }
      expect(leads).toBeGreaterThan(10);
    }
  });
});

describe("what stops the team commission, on the sheets", () => {
  const plan = TEAM.plan();

  it("should make a lead's month an error when a member's collections are blank, and say where", () => {
    const template = templateLayout(plan, "zh-CN", SMALL);
    const c = dataCell(template, plan, "S0011", "2024-02", "collected")!;
    c.row[c.column] = null;
    const built = buildFromTemplate(plan, template, "native");
    const ev = built.evaluation;
    const mf = ev.months.frame;
    const m = mf.ids.findIndex((id, i) => id === "S0003" && mf.periods[i] === "2024-02");
    const com = sheetOf(built.layout, "commission");
    const line = com.cells[m + 1];
    expect(valueOf(line[com.col("团队提成")])).toBe("error");
    const status = String(line[com.col("状态")]);
    expect(status).toContain("“华南一部”团队提成：S0011 的");
    expect(status).toMatch(/^数据 第 \d+ 行 [A-Z]+ 列/);
    const hf = evaluateLayout(built.layout);
    expect(compareLayout(built.layout, hf.value, OUTPUTS).mismatches).toEqual([]);
    const sc = sheetOf(built.layout, "scorecard");
    const pf = ev.periods.frame;
    const r = pf.ids.findIndex((id, i) => id === "S0003" && pf.periods[i] === "2024-Q1");
    expect(hf.value(sc.s.name, r + 2, sc.col("团队提成"))).toBe("");
    expect(hf.value(sc.s.name, r + 2, sc.col("应发合计"))).toBe("");
    expect(String(sc.cells[r + 2][sc.col("状态")])).toContain("S0011");
  });

  it("should leave a lead's quarter without team commission when the lead has no row in one of its months", () => {
    const records = {
      ...SMALL,
      rows: SMALL.rows.filter((x) => !(x.id === "S0005" && x.period === "2024-05")),
    };
    const built = buildWorkbook(plan, "zh-CN", records, "native");
    const ev = built.evaluation;
    expect(ev.issues.map((i) => [i.code, i.subject])).toEqual([
      ["teamLeadAbsent", { id: "S0005", period: "2024-05" }],
    ]);
    const sc = sheetOf(built.layout, "scorecard");
    const pf = ev.periods.frame;
    const r = pf.ids.findIndex((id, i) => id === "S0005" && pf.periods[i] === "2024-Q2");
    expect(valueOf(sc.cells[r + 2][sc.col("团队提成")])).toBe("");
    expect(valueOf(sc.cells[r + 2][sc.col("应发合计")])).toBe("");
    expect(String(sc.cells[r + 2][sc.col("状态")])).toContain(
      "团队提成 · 华东一部 · S0005 2024-05：团队负责人本月没有数据行"
    );
    const hf = evaluateLayout(built.layout);
    expect(compareLayout(built.layout, hf.value, OUTPUTS).mismatches).toEqual([]);
  });
});

/**
 * The Summary's cost of the plan and grade spread in the three styles: every new formula cell is
 * evaluated by HyperFormula and equals the engine's value (planCost, the grading's spread) the
 * layout carries; the values style writes the same numbers; the flags say 超出配额 / Above quota.
 */
import { defaultPlan } from "../../src/engine/plan/defaultPlan";
import { evaluate } from "../../src/engine/evaluate/evaluate";
import { planCost } from "../../src/engine/evaluate/cost";
import { isError } from "../../src/engine/errors";
import type { Language } from "../../src/engine/messages";
import { buildWorkbook } from "../../src/workbook/build";
import { generateSample } from "../../src/workbook/sample";
import { isFormula, type SheetLayout } from "../../src/workbook/layout";
import type { FormulaStyle } from "../../src/workbook/formula";
import { CW } from "../../src/workbook/summary-cost";
import { say } from "../../src/workbook/text";
import { compareLayout, evaluateLayout } from "./support/hyperformula";
import { PAY_PLANS, withService } from "./support/payroll-fixtures";

const SMALL = generateSample({ people: 18, teams: 4, seed: 5 });

/** The cells of a sheet by position. */
function grid(s: SheetLayout): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const b of s.blocks)
    b.cells.forEach((line, i) =>
      line.forEach((c, j) => out.set(`${b.row + i},${b.column + j}`, c))
    );
  return out;
}

function find(cells: Map<string, unknown>, text: string): [number, number] {
  for (const [k, v] of cells) if (v === text) return k.split(",").map(Number) as [number, number];
  throw new Error(`no cell "${text}"`);
}

describe.each([
  ["native", "zh-CN"],
  ["perf", "en-US"],
  ["values", "zh-CN"],
  ["native", "en-US"],
] as [FormulaStyle, Language][])(
  "Summary: cost of the plan and spread flags (%s, %s)",
  (style, lang) => {
    const plan = defaultPlan();
    const built = buildWorkbook(plan, lang, SMALL, style);
    const summary = built.layout.sheets.find((s) => s.role === "summary")!;
    const cells = grid(summary);
    const hf = style === "values" ? null : evaluateLayout(built.layout, { perf: style === "perf" });
    const ev = evaluate(plan, SMALL.rows, SMALL.ratings);
    const cost = planCost(ev);
    const L = (w: { en: string; zh: string }) => say(w, lang);
    /** What a cell shows: HyperFormula's result of a formula, else the value written. */
    const shown = (r: number, c: number): unknown => {
      const cell = cells.get(`${r},${c}`);
      if (hf && isFormula(cell as never)) return hf.value(summary.name, r, c);
      return cell;
    };

    it("should compute every Summary formula like the engine", () => {
      if (!hf) return expect([...cells.values()].some((c) => isFormula(c as never))).toBe(false);
      const cmp = compareLayout(built.layout, hf.value, ["summary"]);
      expect(cmp.mismatches).toEqual([]);
      expect(cmp.cells).toBeGreaterThan(200);
    });

    it("should set incentive cost against signed and collected revenue by team, month and grade", () => {
      const tables: [string, typeof cost.byTeam | typeof cost.byMonth | typeof cost.byGrade][] = [
        [L(CW.byTeam), cost.byTeam],
        [L(CW.byMonth), cost.byMonth],
        [L(CW.byGrade), cost.byGrade],
      ];
      const nl = cost.lines.length;
      let checked = 0;
      for (const [title, list] of tables) {
        const [top] = find(cells, title);
        list.forEach((f, i) => {
          const r = top + 2 + i;
          f.lines.forEach((v, k) => expect(shown(r, 1 + k)).toBeCloseTo(v, 2));
          expect(shown(r, 1 + nl)).toBeCloseTo(f.cost, 2);
          expect(shown(r, 2 + nl)).toBeCloseTo(f.signed, 2);
          expect(shown(r, 3 + nl)).toBeCloseTo(f.collected, 2);
          const ratio = (x: typeof f.ofSigned, c: number) =>
            isError(x)
              ? expect(shown(r, c)).toBe(L(CW.noRevenue))
              : expect(shown(r, c)).toBeCloseTo(x, 12);
          ratio(f.ofSigned, 4 + nl);
          ratio(f.ofCollected, 5 + nl);
          checked++;
        });
      }
      expect(checked).toBe(cost.byTeam.length + cost.byMonth.length + cost.byGrade.length);
      // the company line
      const [top] = find(cells, L(CW.byTeam));
      expect(shown(top + 2 + cost.byTeam.length, 1 + nl)).toBeCloseTo(cost.overall.cost, 2);
      expect(cost.overall.cost).toBeGreaterThan(0);
    });

    it("should flag each grade whose people (or better) exceed the quota in some group, in words", () => {
      const [head, col] = find(cells, L(CW.check));
      const grades = plan.grading.grades;
      const departs = grades.map((_, k) => ev.grading.spread.some((s) => s.check.departs[k]));
      expect(departs.some(Boolean)).toBe(true);
      grades.forEach((_, k) => {
        const v = shown(head + 1 + k, col);
        if (k === grades.length - 1) expect(v ?? null).toBeNull();
        else expect(v).toBe(departs[k] ? L(CW.above) : L(CW.within));
      });
      // one spread row per group and period, its flags where the engine found a departure
      const [top] = find(cells, L(CW.spread));
      ev.grading.spread.forEach((sp, i) => {
        const r = top + 2 + i;
        expect(shown(r, 2)).toBe(sp.check.n);
        sp.counts.forEach((c, k) => expect(shown(r, 3 + k)).toBe(c));
        sp.check.departs.slice(0, -1).forEach((d, k) => {
          const v = shown(r, 3 + grades.length + k);
          expect(v === "" || v === null ? "" : v).toBe(d ? L(CW.above) : "");
        });
      });
    });
  }
);

describe.each(
  PAY_PLANS.filter((p) => /team commission|guarantee/.test(p.name)).map((p) => [p.name, p] as const)
)("Summary: the cost of a plan with %s", (_, { plan: makePlan }) => {
  const plan = makePlan();
  const data = withService(SMALL);
  const built = buildWorkbook(plan, "zh-CN", data, "native");
  const ev = evaluate(plan, data.rows, data.ratings);
  const cost = planCost(ev);

  it("should carry team commission and the guarantee (top-up less recovered) as their own lines", () => {
    const keys = cost.lines.map((l) => l.key);
    expect(keys.includes("teamCommission")).toBe(plan.commission.team != null);
    expect(keys.includes("guarantee")).toBe(plan.pay.guarantee?.enabled === true);
    const r = cost.lines.findIndex((l) => l.key === "guarantee");
    if (r >= 0) {
      let topUp = 0;
      let recovered = 0;
      for (let m = 0; m < ev.payroll.frame.n; m++) {
        topUp += ev.payroll.guaranteeTopUp[m];
        recovered += ev.payroll.guaranteeRecovered[m];
      }
      expect(topUp).toBeGreaterThan(0);
      // by month, the pay list's months; they add up to the company's line when no month is left out
      const months = cost.byMonth.reduce((a, m) => a + m.lines[r], 0);
      expect(months).toBeCloseTo(topUp - recovered, 2);
    }
    const t = cost.lines.findIndex((l) => l.key === "teamCommission");
    if (t >= 0) expect(cost.overall.lines[t]).toBeGreaterThan(0);
  });

  it("should compute every Summary formula like the engine (HyperFormula)", () => {
    const hf = evaluateLayout(built.layout, { perf: false });
    const cmp = compareLayout(built.layout, hf.value, ["summary"]);
    expect(cmp.mismatches).toEqual([]);
    expect(cmp.cells).toBeGreaterThan(200);
  });
});

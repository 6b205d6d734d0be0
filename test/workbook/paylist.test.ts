/**
 * The Pay list sheet (工资表) computes what the engine's pay list computes: HyperFormula evaluates
 * the layouts of plans that switch on every column (the quarter-end schedule, monthly advances
 * with a true-up, the new-hire guarantee recoverable or not, monthly evaluation, clawbacks
 * deducted at once with a deferred share) in the native and PERF styles, and every formula cell
 * of the Pay list (and of the sheets it reads) equals the engine's value; the values style writes
 * the same numbers without a formula.
 */
import { defaultPlan, withServiceMonthField } from "../../src/engine/plan/defaultPlan";
import type { Plan } from "../../src/engine/plan/model";
import type { DataRow, FeedbackRating } from "../../src/engine/records";
import { buildWorkbook } from "../../src/workbook/build";
import { generateSample } from "../../src/workbook/sample";
import { isFormula, type SheetLayout } from "../../src/workbook/layout";
import { PAY_LIST_WORDS } from "../../src/workbook/sheets/paylist";
import { compareLayout, evaluateLayout } from "./support/hyperformula";

const ROLES: SheetLayout["role"][] = ["commission", "scorecard", "annual", "paylist"];
const SAMPLE = generateSample({ people: 14, teams: 3, seed: 7 });

/**
 * The sample with a month of service: its new hires from their first month, and two people
 * hired in January (so their later months repay the top-ups); everyone else blank (not new).
 */
function withService(sample: { rows: readonly DataRow[]; ratings: readonly FeedbackRating[] }) {
  const first = new Map<string, number>();
  for (const r of sample.rows) {
    const m = Number(r.period.slice(5));
    if (!first.has(r.id) || m < first.get(r.id)!) first.set(r.id, m);
  }
  const januaryHires = new Set(["S0001", "S0002"]);
  const rows = sample.rows.map((r) => {
    const m = Number(r.period.slice(5));
    const f = first.get(r.id)!;
    const service = f > 1 || januaryHires.has(r.id) ? m - f + 1 : null;
    return { ...r, values: { ...r.values, service_month: service } };
  });
  return { rows, ratings: sample.ratings };
}

function guaranteePlan(recoverable: boolean, minimum = 16000): Plan {
  const plan = withServiceMonthField(defaultPlan());
  plan.pay.guarantee = { enabled: true, minimum, months: 3, recoverable };
  return plan;
}

const PLANS: { name: string; plan: () => Plan }[] = [
  { name: "quarter end (default)", plan: defaultPlan },
  {
    name: "monthly advance 80% with a true-up, 70% paid now",
    plan: () => {
      const p = defaultPlan();
      p.pay.schedule = "monthlyAdvance";
      p.pay.advanceShare = 0.8;
      p.commission.paidShare = 0.7;
      return p;
    },
  },
  { name: "guarantee, recoverable", plan: () => guaranteePlan(true) },
  { name: "guarantee, not recoverable", plan: () => guaranteePlan(false) },
  {
    name: "monthly evaluation, guarantee recoverable, clawbacks deducted at once",
    plan: () => {
      const p = guaranteePlan(true, 14000);
      p.periods.evaluation = "month";
      p.commission.clawback = "deductFromPay";
      return p;
    },
  },
  {
    name: "monthly advance with the guarantee",
    plan: () => {
      const p = guaranteePlan(true, 15000);
      p.pay.schedule = "monthlyAdvance";
      p.pay.advanceShare = 0.5;
      return p;
    },
  },
];

describe("the Pay list's formulas agree with the engine (HyperFormula)", () => {
  it.each(PLANS.flatMap((p) => (["native", "perf"] as const).map((s) => [p.name, s, p] as const)))(
    "%s (%s)",
    (_name, style, p) => {
      const plan = p.plan();
      const built = buildWorkbook(plan, "zh-CN", withService(SAMPLE), style);
      const ev = evaluateLayout(built.layout, { perf: style === "perf" });
      const cmp = compareLayout(built.layout, ev.value, ROLES);
      expect(cmp.mismatches.slice(0, 5)).toEqual([]);
      expect(cmp.maxMoneyDiff).toBeLessThanOrEqual(1e-6);
      // every money column of the pay list has formula cells, compared above
      const sheet = built.layout.sheets.find((s) => s.role === "paylist")!;
      const cells = sheet.blocks[0].cells;
      const header = cells[0] as string[];
      const formulaColumns = new Set<string>();
      for (const line of cells.slice(1))
        line.forEach((c, j) => isFormula(c) && formulaColumns.add(header[j]));
      const fixed = new Set(["员工编号", "姓名", "部门", "月份", PAY_LIST_WORDS.perfFor.zh]);
      expect(header.filter((h) => !fixed.has(h) && !formulaColumns.has(h))).toEqual([]);
      expect(cells.length - 1).toBe(built.evaluation.months.frame.n);
    }
  );

  it("should hold top-ups and recoveries in the guarantee plans' data (so the columns are tested)", () => {
    for (const recoverable of [true, false]) {
      const ev = buildWorkbook(guaranteePlan(recoverable), "zh-CN", withService(SAMPLE), "values")
        .evaluation.payroll;
      expect(ev.guaranteeTopUp.filter((x) => x > 0).length).toBeGreaterThan(2);
      if (recoverable) expect(ev.guaranteeRecovered.filter((x) => x > 0).length).toBeGreaterThan(1);
    }
  });

  it.each(PLANS.map((p) => [p.name, p] as const))(
    "should write the same numbers as values only in the values style (%s)",
    (_name, p) => {
      const native = buildWorkbook(p.plan(), "en-US", withService(SAMPLE), "native").layout;
      const values = buildWorkbook(p.plan(), "en-US", withService(SAMPLE), "values").layout;
      const v = values.sheets.find((s) => s.role === "paylist")!;
      const n = native.sheets.find((s) => s.role === "paylist")!;
      let compared = 0;
      v.blocks[0].cells.forEach((line, i) =>
        line.forEach((c, j) => {
          expect(isFormula(c)).toBe(false);
          const nc = n.blocks[0].cells[i][j];
          expect(c).toEqual(isFormula(nc) ? (nc.error || nc.value === "" ? null : nc.value) : nc);
          compared++;
        })
      );
      expect(compared).toBeGreaterThan(1000);
    }
  );
});

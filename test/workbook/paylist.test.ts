/**
 * The Pay list sheet (工资表) computes what the engine's pay list computes: HyperFormula evaluates
 * the layouts of plans that switch on every column (the quarter-end schedule, monthly advances
 * with a true-up, the new-hire guarantee recoverable or not, monthly evaluation, clawbacks
 * deducted at once with a deferred share) in the native and PERF styles, and every formula cell
 * of the Pay list (and of the sheets it reads) equals the engine's value; the values style writes
 * the same numbers without a formula.
 */
import { defaultPlan, withServiceMonthField } from "../../src/engine/plan/defaultPlan";
import { buildWorkbook } from "../../src/workbook/build";
import { sheetValues } from "../../src/workbook/grid";
import { planSheet, readPlanSheet, SECTIONS } from "../../src/workbook/plan-sheet";
import { isWords } from "../../src/workbook/text";
import { statementsLayout } from "../../src/workbook/statements";
import { DATA_FIRST_ROW, dataSheet, readDataSheet } from "../../src/workbook/data-sheet";
import { formatIssue } from "../../src/engine/issues";
import { generateSample } from "../../src/workbook/sample";
import { isFormula, type SheetLayout } from "../../src/workbook/layout";
import { PAY_LIST_WORDS } from "../../src/workbook/sheets/paylist";
import { compareLayout, evaluateLayout } from "./support/hyperformula";
import { guaranteePlan, PAY_PLANS as PLANS, withService } from "./support/payroll-fixtures";

const ROLES: SheetLayout["role"][] = ["commission", "scorecard", "annual", "paylist"];
const SAMPLE = generateSample({ people: 14, teams: 3, seed: 7 });

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
      const fixed = new Set([
        "员工编号",
        "姓名",
        "部门",
        "所属月份",
        "月份",
        PAY_LIST_WORDS.perfFor.zh,
      ]);
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

describe("a Plan sheet written before the payroll settings", () => {
  it.each(["zh-CN", "en-US"] as const)(
    "should read with the defaults and keep its anchors (%s)",
    (lang) => {
      const plan = defaultPlan();
      const cells = sheetValues(planSheet(plan, lang).sheet);
      const title = cells.findIndex((r) => isWords(r[0], SECTIONS.payroll));
      expect(title).toBeGreaterThan(0);
      const old = cells.slice(0, title);
      const read = readPlanSheet(old, "Plan");
      expect(read.issues.filter((i) => i.severity === "error")).toEqual([]);
      expect(read.anchors).not.toBeNull();
      expect(read.plan!.pay).toEqual(plan.pay);
      // and the payroll settings round-trip when the section is there
      plan.pay.schedule = "monthlyAdvance";
      plan.pay.advanceShare = 0.65;
      plan.pay.guarantee = { enabled: true, minimum: 4321.5, months: 2, recoverable: true };
      const withSection = withServiceMonthField(plan);
      const back = readPlanSheet(sheetValues(planSheet(withSection, lang).sheet), "Plan");
      expect(back.plan!.pay).toEqual(withSection.pay);
    }
  );
});

describe("statements of a plan with the new-hire guarantee", () => {
  it.each(["zh-CN", "en-US"] as const)(
    "should print the top-up and the recovery as their own pay lines (%s)",
    (lang) => {
      const ev = buildWorkbook(guaranteePlan(true), lang, withService(SAMPLE), "values").evaluation;
      const pp = ev.periodPay;
      const rows = [0, 1, 2, 3, 4, 5, 6, 7].filter(
        (r) => pp.guaranteeTopUp[r] > 0 || pp.guaranteeRecovered[r] > 0
      );
      expect(rows.length).toBeGreaterThan(0);
      const sheet = statementsLayout(ev, rows, lang).sheets[0];
      const cells = sheet.blocks.flatMap((b) => b.cells);
      const label = (w: { en: string; zh: string }) => (lang === "zh-CN" ? w.zh : w.en);
      const topUps = cells.filter(
        (l) => l[0] === label({ en: "New-hire guarantee top-up", zh: "新人保底补足" })
      );
      const recovered = cells.filter(
        (l) => l[0] === label({ en: "Guarantee recovered", zh: "保底扣回" })
      );
      expect(topUps.map((l) => l[1])).toEqual(rows.map((r) => pp.guaranteeTopUp[r]));
      expect(recovered.map((l) => l[1])).toEqual(rows.map((r) => pp.guaranteeRecovered[r]));
    }
  );
});

describe("the month-of-service column the guarantee reads", () => {
  it.each(["zh-CN", "en-US"] as const)(
    "should read it exactly, by its aliases too, and name an unreadable cell where it is (%s)",
    (lang) => {
      const plan = guaranteePlan(true);
      const data = withService({ rows: SAMPLE.rows.slice(0, 24), ratings: [] });
      const cells = sheetValues(dataSheet(plan, lang, data));
      const header = cells[DATA_FIRST_ROW - 2];
      const col = header.indexOf(lang === "zh-CN" ? "在职月数" : "Month of service");
      expect(col).toBeGreaterThan(3);
      header[col] = "司龄月数"; // a CRM export's spelling
      cells[DATA_FIRST_ROW - 1][col] = "三个月";
      cells[DATA_FIRST_ROW][col] = 2.5;
      const reading = readDataSheet(cells, "数据", plan);
      const located = reading.issues.filter((i) => i.location?.header === "司龄月数");
      expect(located.map((i) => [i.location!.row, i.severity])).toEqual([
        [DATA_FIRST_ROW, "error"],
        [DATA_FIRST_ROW + 1, "error"],
      ]);
      for (const i of located) expect(formatIssue(i, lang)).toMatch(/\S/);
      expect(reading.rows[0].invalid).toContain("service_month");
      const rest = reading.rows.slice(2).map((r) => r.values.service_month ?? null);
      expect(rest).toEqual(data.rows.slice(2).map((r) => r.values.service_month ?? null));
    }
  );
});

/**
 * The Plan sheet round trip: planSheet(plan, language) → the cells a reader sees → readPlanSheet
 * gives back the same plan (deep-equal), in both languages, for the default plan and for plans
 * mutated by fast-check; through an .xlsx file too. And located issues for what cannot be read.
 */
import fc from "fast-check";
import { defaultPlan } from "../../src/engine/plan/defaultPlan";
import type { GradeDef, Indicator, Plan, Scoring } from "../../src/engine/plan/model";
import { formatIssue } from "../../src/engine/issues";
import {
  planSheet,
  readPlanSheet,
  PLAN_NAMES,
  settingName,
  SETTING_KEYS,
} from "../../src/workbook/plan-sheet";
import { sheetValues } from "../../src/workbook/grid";
import { templateLayout } from "../../src/workbook/template";
import { xlsxBuffer } from "../../src/workbook/xlsx";
import { isFormula } from "../../src/workbook/layout";
import { xlsxSheetValues } from "./support/xlsx-values";

const LANGS = ["zh-CN", "en-US"] as const;

function roundTrip(plan: Plan, language: (typeof LANGS)[number]) {
  const { sheet } = planSheet(plan, language);
  return readPlanSheet(sheetValues(sheet), sheet.name);
}

describe("planSheet / readPlanSheet", () => {
  it.each(LANGS)("should read the default plan back unchanged (%s)", (lang) => {
    const plan = defaultPlan();
    const r = roundTrip(plan, lang);
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(r.plan).toEqual(plan);
    expect(r.anchors).not.toBeNull();
  });

  it("should read a zh-CN sheet and an en-US sheet to the same plan (language independent)", () => {
    const zh = roundTrip(defaultPlan(), "zh-CN").plan;
    const en = roundTrip(defaultPlan(), "en-US").plan;
    expect(zh).toEqual(en);
  });

  it("should give the anchors of the cells the formulas read, equal to the layout's", () => {
    for (const lang of LANGS) {
      const { sheet, anchors } = planSheet(defaultPlan(), lang);
      expect(readPlanSheet(sheetValues(sheet), sheet.name).anchors).toEqual(anchors);
    }
  });

  it("should define a workbook name for every table and setting, each pointing at the Plan sheet", () => {
    // The team commission's names are there when the plan has team commission
    // (plan-sheet-team.test.ts); the default plan has none.
    const { sheet } = planSheet(defaultPlan(), "zh-CN");
    const names = sheet.names.map((n) => n.name);
    const team = /^Plan_Team/;
    for (const n of Object.values(PLAN_NAMES)) if (!team.test(n)) expect(names).toContain(n);
    for (const k of SETTING_KEYS)
      if (!team.test(settingName(k))) expect(names).toContain(settingName(k));
    expect(names.filter((n) => team.test(n))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
    for (const n of sheet.names) expect(n.ref.startsWith("'方案'!$")).toBe(true);
  });

  it("should offer data validation lists for the enumerations in the sheet's language", () => {
    const { sheet } = planSheet(defaultPlan(), "zh-CN");
    const lists = sheet.validations.filter((v) => v.list).map((v) => v.list!.join("/"));
    expect(lists).toContain("越高越好/越低越好");
    expect(lists).toContain("线性/曲线/直接得分/扣分/360评价");
    expect(lists).toContain("超额累进/全额累进");
  });

  it("should read the plan back from an .xlsx file written by the exceljs writer", async () => {
    for (const lang of LANGS) {
      const plan = defaultPlan();
      const layout = templateLayout(plan, lang);
      const planSheetName = layout.sheets.find((s) => s.role === "plan")!.name;
      const cells = await xlsxSheetValues(await xlsxBuffer(layout), planSheetName);
      const r = readPlanSheet(cells, planSheetName);
      expect(r.plan).toEqual(plan);
    }
  }, 60_000);

  it("should locate what it cannot read by sheet, row and column", () => {
    const { sheet, anchors } = planSheet(defaultPlan(), "en-US");
    const cells = sheetValues(sheet);
    const w = anchors.indicators[2].weight;
    cells[w.row][w.column] = "forty";
    const dir = anchors.indicators[0].weight;
    cells[dir.row][6] = "sideways";
    const r = readPlanSheet(cells, sheet.name);
    expect(r.plan).toBeNull();
    const located = r.issues.filter((i) => i.location).map((i) => formatIssue(i, "en-US"));
    expect(located).toContain(
      `Plan row ${w.row + 1}, column E: Indicators: "forty" is not a number.`
    );
    expect(
      located.some((t) =>
        t.startsWith(
          `Plan row ${dir.row + 1}, column G: Indicators: "sideways" is not one of higher, lower`
        )
      )
    ).toBe(true);
  });

  it("should say which section is missing", () => {
    const { sheet, anchors } = planSheet(defaultPlan(), "zh-CN");
    const cells = sheetValues(sheet);
    const title = anchors.tiers[0].from.row - 2;
    cells[title][0] = null;
    const r = readPlanSheet(cells, sheet.name);
    expect(r.plan).toBeNull();
    expect(r.issues.map((i) => formatIssue(i, "zh-CN"))).toContain(
      "方案 第 1 行：方案表中没有“提成阶梯”部分。"
    );
  });

  it("should return the plan's validation issues with it (warnings keep the plan)", () => {
    const plan = defaultPlan();
    plan.dimensions[3].weight = 0.12;
    plan.dimensions[0].weight = 0.53;
    const r = roundTrip(plan, "zh-CN");
    expect(r.plan).toEqual(plan);
    expect(r.issues.some((i) => i.code === "dimensionOutOfRange")).toBe(true);
  });

  it("should keep formula-looking text as text and round-trip it", () => {
    const plan = defaultPlan();
    plan.name.en = '=HYPERLINK("http://x")';
    plan.indicators[0].name.zh = "+签约额";
    const { sheet } = planSheet(plan, "zh-CN");
    for (const b of sheet.blocks)
      for (const line of b.cells)
        for (const c of line)
          if (typeof c === "string" && /^[=+\-@]/.test(c)) expect(isFormula(c)).toBe(false);
    expect(readPlanSheet(sheetValues(sheet), sheet.name).plan).toEqual(plan);
  });
});

// ---------------------------------------------------------------------------------------------
// Mutated plans
// ---------------------------------------------------------------------------------------------

const num = fc
  .double({ min: -1000, max: 1e6, noNaN: true, noDefaultInfinity: true })
  .map((x) => (Object.is(x, -0) ? 0 : x));
const frac = fc.double({ min: 0, max: 1, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x));
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom("销售业绩", "=SUM(A1)", "+1", "@x", "-", "  padded  ", "2024-01", "85%", "TRUE")
);
const key = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/).map((k) => "k_" + k);

function scoring(method: Scoring["method"]): fc.Arbitrary<Scoring> {
  switch (method) {
    case "linear":
      return fc.record({
        method: fc.constant("linear" as const),
        floor: frac,
        cap: fc.double({ min: 0.5, max: 2, noNaN: true }),
        fullScore: fc.constantFrom(100, 120, 50),
      });
    case "curve":
      return fc.record({
        method: fc.constant("curve" as const),
        points: fc.array(fc.record({ x: num, y: num }), { minLength: 1, maxLength: 5 }),
        mode: fc.constantFrom("linear" as const, "step" as const),
        on: fc.constantFrom("attainment" as const, "value" as const),
      });
    case "direct":
      return fc.record({
        method: fc.constant("direct" as const),
        cap: fc.double({ min: 0.1, max: 2, noNaN: true }),
      });
    case "deduction":
      return fc.record({
        method: fc.constant("deduction" as const),
        fullScore: fc.constantFrom(100, 80),
      });
    case "feedback":
      return fc.record({ method: fc.constant("feedback" as const), cap: fc.constantFrom(1, 1.1) });
  }
}

const mutation = fc.record({
  names: fc.record({ en: text, zh: text }),
  version: fc.string({ minLength: 1, maxLength: 8 }),
  dimWeights: fc.array(frac, { minLength: 4, maxLength: 4 }),
  indicatorChanges: fc.array(
    fc
      .record({
        index: fc.nat(16),
        method: fc.constantFrom<Scoring["method"]>(
          "linear",
          "curve",
          "direct",
          "deduction",
          "feedback"
        ),
        weight: frac,
        direction: fc.constantFrom("higher" as const, "lower" as const),
        missing: fc.constantFrom("error" as const, "zero" as const, "renormalize" as const),
        targetDefault: fc.option(num, { nil: null }),
        targetField: fc.option(fc.constantFrom("sales_target", "new_customers_target", "due"), {
          nil: null,
        }),
        name: fc.record({ en: text, zh: text }),
      })
      .chain((c) => scoring(c.method).map((s) => ({ ...c, scoring: s }))),
    { maxLength: 6 }
  ),
  grades: fc.array(
    fc.record({
      label: fc.constantFrom("S", "A+", "A", "B", "C", "D", "E", "优", "良"),
      coefficient: frac,
      quota: frac,
      name: fc.record({ en: text, zh: text }),
    }),
    { minLength: 1, maxLength: 6 }
  ),
  gradeMins: fc.array(num, { minLength: 6, maxLength: 6 }),
  mode: fc.constantFrom("bands" as const, "forced" as const, "bandsWithCheck" as const),
  group: fc.constantFrom("team" as const, "company" as const),
  coefficientMode: fc.constantFrom("grade" as const, "matrix" as const),
  matrixRows: fc.array(frac, { minLength: 1, maxLength: 4 }),
  matrixColumns: fc.array(frac, { minLength: 1, maxLength: 4 }),
  matrixValue: frac,
  tiers: fc.array(fc.record({ from: num, rate: frac }), { minLength: 1, maxLength: 5 }),
  commission: fc.record({
    basis: fc.constantFrom("collected" as const, "signed" as const),
    method: fc.constantFrom("marginal" as const, "whole" as const),
    boundType: fc.constantFrom("currency" as const, "attainment" as const),
    minAttainment: fc.option(frac, { nil: null }),
    minGrade: fc.option(fc.constantFrom("A", "B", "C"), { nil: null }),
    capPerMonth: fc.option(num, { nil: null }),
    paidShare: frac,
    clawback: fc.constantFrom("carryForward" as const, "deductFromPay" as const),
  }),
  pay: fc.record({
    prorate: fc.boolean(),
    bonusStandard: num,
    currency: fc.constantFrom("CNY", "USD", "元"),
    schedule: fc.constantFrom("quarterEnd" as const, "monthlyAdvance" as const),
    advanceShare: frac,
    guarantee: fc.record({
      enabled: fc.boolean(),
      minimum: num,
      months: fc.integer({ min: 1, max: 12 }),
      recoverable: fc.boolean(),
    }),
  }),
  periods: fc.record({
    evaluation: fc.constantFrom("quarter" as const, "month" as const),
    weights: fc.array(frac, { minLength: 5, maxLength: 5 }),
  }),
  feedback: fc.array(frac, { minLength: 3, maxLength: 3 }),
  ratingScale: fc.constantFrom(100 as const, 10 as const, 5 as const),
  fieldChanges: fc.array(
    fc.record({
      index: fc.nat(28),
      aliases: fc.array(
        fc.stringMatching(
          /^[A-Za-z\u4e00-\u9fa5][A-Za-z0-9 \u4e00-\u9fa5]{0,6}[A-Za-z0-9\u4e00-\u9fa5]$/
        ),
        { maxLength: 3 }
      ),
      optional: fc.boolean(),
      source: fc.record({ en: text, zh: text }),
    }),
    { maxLength: 5 }
  ),
  extraIndicatorKey: key,
});

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(m: Mutation): Plan {
  const plan = defaultPlan();
  plan.name = m.names;
  plan.version = m.version;
  plan.dimensions.forEach((d, i) => (d.weight = m.dimWeights[i]));
  for (const c of m.indicatorChanges) {
    const ind: Indicator = plan.indicators[c.index];
    ind.weight = c.weight;
    ind.direction = c.direction;
    ind.missing = c.missing;
    ind.name = c.name;
    ind.scoring = c.scoring;
    ind.target = { field: c.targetField, default: c.targetDefault };
    if (c.scoring.method === "feedback") ind.input = { kind: "feedback" };
  }
  plan.indicators[0].key = m.extraIndicatorKey;
  plan.grading.grades = m.grades.map((g, i): GradeDef => ({ ...g, min: m.gradeMins[i] }));
  plan.grading.mode = m.mode;
  plan.grading.group = m.group;
  plan.grading.coefficientMode = m.coefficientMode;
  plan.grading.matrix = {
    rows: m.matrixRows,
    columns: m.matrixColumns,
    cells: m.matrixRows.map((_, i) => m.matrixColumns.map((__, j) => m.matrixValue + i + j)),
  };
  plan.commission = {
    basis: m.commission.basis,
    method: m.commission.method,
    boundType: m.commission.boundType,
    tiers: m.tiers,
    gate: { minAttainment: m.commission.minAttainment, minGrade: m.commission.minGrade },
    capPerMonth: m.commission.capPerMonth,
    paidShare: m.commission.paidShare,
    clawback: m.commission.clawback,
  };
  plan.pay = m.pay;
  plan.periods = {
    evaluation: m.periods.evaluation,
    annual: {
      quarterWeights: [
        m.periods.weights[0],
        m.periods.weights[1],
        m.periods.weights[2],
        m.periods.weights[3],
      ],
      feedbackWeight: m.periods.weights[4],
    },
  };
  plan.feedback = {
    weights: [m.feedback[0], m.feedback[1], m.feedback[2]],
    scale: m.ratingScale,
  };
  for (const f of m.fieldChanges) {
    const field = plan.fields[f.index];
    field.aliases = f.aliases;
    field.optional = f.optional;
    field.source = f.source;
  }
  return plan;
}

describe("Plan sheet round trip of mutated plans (fast-check)", () => {
  it.each(LANGS)("should read every mutated plan back deep-equal (%s)", (lang) => {
    fc.assert(
      fc.property(mutation, (m) => {
        const plan = mutate(m);
        const r = roundTrip(plan, lang);
        expect(r.issues.filter((i) => i.location && i.severity === "error")).toEqual([]);
        expect(r.plan).toEqual(plan);
      }),
      { numRuns: 150 }
    );
  });
});

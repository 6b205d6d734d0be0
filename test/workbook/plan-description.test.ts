/**
 * The Plan sheet's description (src/workbook/plan/tables.ts, settings.ts) drives its writer, its
 * reader and its names: every described column is written under its header, every enumeration
 * column has its list, every name covers the cells the anchors give, and varied plans read back
 * to the same plan and the same anchors.
 */
import { defaultPlan } from "../../src/engine/plan/defaultPlan";
import { seedPlan } from "../../src/engine/plan/seedPlan";
import type { Plan } from "../../src/engine/plan/model";
import type { Language } from "../../src/engine/messages";
import { parseCell } from "../../src/workbook/a1";
import { sheetValues } from "../../src/workbook/grid";
import type { RangeRef, SheetLayout } from "../../src/workbook/layout";
import {
  anchorRef,
  planSheet,
  PLAN_NAMES,
  readPlanSheet,
  SECTIONS,
  SETTING_KEYS,
  settingName,
  type Pos,
} from "../../src/workbook/plan-sheet";
import {
  CURVES,
  DIMENSIONS,
  FIELDS,
  GRADES,
  INDICATORS,
  TIERS,
} from "../../src/workbook/plan/tables";
import { enumList, H, say, type EnumName } from "../../src/workbook/text";

const LANGS: Language[] = ["zh-CN", "en-US"];
const TABLES = [DIMENSIONS, INDICATORS, CURVES, GRADES, TIERS, FIELDS];

/** Plans that exercise every section: curves, attainment tiers, gates, team commission, a small matrix, one tier. */
function variedPlans(): [string, Plan][] {
  const curves = defaultPlan();
  curves.indicators[1].scoring = {
    method: "curve",
    points: [
      { x: 0, y: 0 },
      { x: 1, y: 100 },
      { x: 1.5, y: 130 },
    ],
    mode: "step",
    on: "value",
  };
  curves.indicators[4].scoring = {
    method: "curve",
    points: [{ x: 0.5, y: 10 }],
    mode: "linear",
    on: "attainment",
  };
  curves.commission.boundType = "attainment";
  curves.commission.gate = { minAttainment: 0.5, minGrade: "B" };
  curves.commission.capPerMonth = 5000;
  curves.feedback.scale = 5;
  curves.pay.prorate = false;
  curves.fields[0].aliases = ["Sales", "销售"];
  curves.fields[1].optional = true;
  curves.commission.team = {
    method: "whole",
    tiers: [
      { from: 0, rate: 0.004 },
      { from: 800000, rate: 0.008 },
    ],
    leads: [{ team: "华东一部", id: "S0001" }],
    includeOwn: false,
  };
  const small = defaultPlan();
  small.grading.matrix = { rows: [0.5], columns: [0.8, 1, 1.2], cells: [[0.1, 0.2, 0.3]] };
  small.grading.coefficientMode = "matrix";
  small.commission.tiers = [{ from: 0, rate: 0.01 }];
  small.periods.evaluation = "month";
  return [
    ["default", defaultPlan()],
    ["curves and gates", curves],
    ["small matrix, one tier", small],
  ];
}

/** The range a defined name points at (0-based), from its absolute reference. */
function nameRange(sheet: SheetLayout, name: string): RangeRef {
  const n = sheet.names.find((x) => x.name === name);
  if (!n) throw new Error(`no name ${name}`);
  const [a, b = a] = n.ref.split("!")[1].split(":");
  const first = parseCell(a);
  const last = parseCell(b);
  return {
    row: first.row,
    column: first.column,
    rows: last.row - first.row + 1,
    columns: last.column - first.column + 1,
  };
}

/** The range exactly covering a run of anchors. */
function span(cells: Pos[]): RangeRef {
  const rows = cells.map((p) => p.row);
  const columns = cells.map((p) => p.column);
  const row = Math.min(...rows);
  const column = Math.min(...columns);
  return {
    row,
    column,
    rows: Math.max(...rows) - row + 1,
    columns: Math.max(...columns) - column + 1,
  };
}

describe("Plan sheet description", () => {
  describe.each(LANGS)("in %s", (lang) => {
    it.each(variedPlans())("should read %s back to the same plan and anchors", (_, plan) => {
      const { sheet, anchors } = planSheet(plan, lang);
      const r = readPlanSheet(sheetValues(sheet), sheet.name);
      expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
      expect(r.plan).toEqual(plan);
      expect(r.anchors).toEqual(anchors);
    });

    it.each([
      ["the default plan", defaultPlan()],
      ["the seed plan", seedPlan()],
    ])("should write every described column %s uses under its header, in order", (_, plan) => {
      const { sheet } = planSheet(plan, lang);
      const cells = sheetValues(sheet);
      for (const table of TABLES) {
        const title = cells.findIndex((line) => line[0] === say(SECTIONS[table.section], lang));
        expect(title).toBeGreaterThan(0);
        // a column with `when` is written only for plans that use it (客户360评价's share)
        const headers = Object.entries(table.columns)
          .filter(([, c]) => !("when" in c) || (c as { when(p: Plan): boolean }).when(plan))
          .map(([k]) => say(H[k as keyof typeof H], lang));
        expect(cells[title + 1].slice(0, headers.length)).toEqual(headers);
      }
    });

    it("should give every enumeration column its list over the table's rows", () => {
      const plan = defaultPlan();
      const { sheet } = planSheet(plan, lang);
      const cells = sheetValues(sheet);
      let checked = 0;
      for (const table of TABLES) {
        const title = cells.findIndex((line) => line[0] === say(SECTIONS[table.section], lang));
        const count = table.items(plan).length;
        Object.values(table.columns).forEach((column, c) => {
          const read = (column as { read: unknown }).read;
          if (typeof read !== "object" || read === null) return;
          const e = (read as { enum: EnumName }).enum;
          expect(sheet.validations).toContainEqual({
            range: { row: title + 2, column: c, rows: Math.max(1, count), columns: 1 },
            list: enumList(e, lang),
          });
          checked++;
        });
      }
      expect(checked).toBe(11);
    });

    it.each(variedPlans())("should name the cells the anchors give (%s)", (_, plan) => {
      const { sheet, anchors: a } = planSheet(plan, lang);
      const n = (name: string) => nameRange(sheet, name);
      expect(n(PLAN_NAMES.dimensionWeights)).toEqual(span(a.dimensions.map((d) => d.weight)));
      expect(n(PLAN_NAMES.gradeMin)).toEqual(span(a.grades.map((g) => g.min)));
      expect(n(PLAN_NAMES.gradeLabel)).toEqual(span(a.grades.map((g) => g.label)));
      expect(n(PLAN_NAMES.gradeCoefficient)).toEqual(span(a.grades.map((g) => g.coefficient)));
      expect(n(PLAN_NAMES.gradeQuota)).toEqual(span(a.grades.map((g) => g.quota)));
      expect(n(PLAN_NAMES.gradeCumulative)).toEqual(span(a.grades.map((g) => g.cumulative)));
      expect(n(PLAN_NAMES.gradeBands)).toEqual(span(a.grades.flatMap((g) => [g.min, g.label])));
      expect(n(PLAN_NAMES.tierFrom)).toEqual(span(a.tiers.map((t) => t.from)));
      expect(n(PLAN_NAMES.tierRate)).toEqual(span(a.tiers.map((t) => t.rate)));
      expect(n(PLAN_NAMES.tiers)).toEqual(span(a.tiers.flatMap((t) => [t.from, t.rate])));
      expect(n(PLAN_NAMES.annualWeights)).toEqual(span(a.annualWeights));
      expect(n(PLAN_NAMES.feedbackWeights)).toEqual(span(a.feedbackWeights));
      expect(n(PLAN_NAMES.raterLabels)).toEqual(span(a.raterLabels));
      expect(n(PLAN_NAMES.matrix)).toEqual({
        ...a.matrix.corner,
        rows: a.matrix.rows + 1,
        columns: a.matrix.columns + 1,
      });
      const points = a.curves.flat();
      if (points.length > 0)
        expect(n(PLAN_NAMES.curvePoints)).toEqual({
          row: points[0].x.row - 1,
          column: 0,
          rows: points.length + 1,
          columns: 3,
        });
      if (plan.commission.team) {
        expect(n(PLAN_NAMES.teamTierFrom)).toEqual(span(a.teamTiers.map((t) => t.from)));
        expect(n(PLAN_NAMES.teamTierRate)).toEqual(span(a.teamTiers.map((t) => t.rate)));
        expect(n(PLAN_NAMES.teamTiers)).toEqual(span(a.teamTiers.flatMap((t) => [t.from, t.rate])));
        expect(n(PLAN_NAMES.teamLeads).rows).toBe(plan.commission.team.leads.length);
      } else expect(a.teamTiers).toEqual([]);
      // The team commission's settings are written only when the plan has it.
      const team = (k: string) => k.startsWith("team") && !plan.commission.team;
      for (const k of SETTING_KEYS)
        if (team(k)) expect(sheet.names.some((x) => x.name === settingName(k))).toBe(false);
        else
          expect(sheet.names.find((x) => x.name === settingName(k))!.ref).toBe(
            anchorRef(a, a.settings[k])
          );
    });
  });
});

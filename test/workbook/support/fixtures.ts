/**
 * Plans and data for the workbook tests: the default plan, variants that switch on every branch
 * the formulas have (forced distribution per team, the coefficient matrix, attainment tiers with
 * gates, cap and deferral, whole-amount tiers, clawbacks deducted at once, monthly evaluation,
 * curves, deductions, the zero policy, team commission), and HR's edits of a Data sheet (text in number cells,
 * negatives, blanks, zero targets and denominators, a conflicting duplicate, a name that is a
 * formula).
 */
import { defaultPlan } from "../../../src/engine/plan/defaultPlan";
import { ratingScale, type Plan } from "../../../src/engine/plan/model";
import { seedPlan, usesSeedFields } from "../../../src/engine/plan/seedPlan";
import type { DataRow, FeedbackRating } from "../../../src/engine/records";
import { withSeedFields } from "../../../src/workbook/sample";
import { DATA_FIRST_ROW } from "../../../src/workbook/data-sheet";
import type { Cell, WorkbookLayout } from "../../../src/workbook/layout";

export type Variant = { name: string; plan: () => Plan };

export const VARIANTS: Variant[] = [
  {
    name: "forced distribution per team, matrix coefficient, attainment tiers, attainment gate, cap, 80% paid now",
    plan: () => {
      const p = defaultPlan();
      p.grading.mode = "forced";
      p.grading.group = "team";
      p.grading.coefficientMode = "matrix";
      p.commission.boundType = "attainment";
      p.commission.tiers = [
        { from: 0, rate: 0.01 },
        { from: 0.8, rate: 0.03 },
        { from: 1.2, rate: 0.06 },
      ];
      p.commission.gate.minAttainment = 0.6;
      p.commission.capPerMonth = 15000;
      p.commission.paidShare = 0.8;
      return p;
    },
  },
  {
    name: "whole-amount tiers on signed amount, grade gate, clawbacks deducted at once, no proration, monthly evaluation, forced company-wide",
    plan: () => {
      const p = defaultPlan();
      p.commission.method = "whole";
      p.commission.basis = "signed";
      p.commission.gate.minGrade = "B";
      p.commission.clawback = "deductFromPay";
      p.commission.paidShare = 0.9;
      p.pay.prorate = false;
      p.periods.evaluation = "month";
      p.grading.mode = "forced";
      p.grading.group = "company";
      return p;
    },
  },
  {
    name: "curves (linear and step, on attainment and on value, lower is better), zero policy, bands with a quota check",
    plan: () => {
      const p = defaultPlan();
      const ind = (k: string) => p.indicators.find((i) => i.key === k)!;
      ind("sales_amount").scoring = {
        method: "curve",
        points: [
          { x: 0.6, y: 60 },
          { x: 1, y: 100 },
          { x: 1.3, y: 130 },
        ],
        mode: "linear",
        on: "attainment",
      };
      ind("new_customers").scoring = {
        method: "curve",
        points: [
          { x: 1, y: 40 },
          { x: 3, y: 80 },
          { x: 6, y: 110 },
        ],
        mode: "step",
        on: "value",
      };
      ind("sales_cycle_days").scoring = {
        method: "curve",
        points: [
          { x: 0.5, y: 20 },
          { x: 1, y: 100 },
          { x: 1.5, y: 120 },
        ],
        mode: "linear",
        on: "attainment",
      };
      ind("compliance").direction = "lower";
      ind("learning").missing = "zero";
      ind("conversion_rate").missing = "zero";
      ind("satisfaction").missing = "zero";
      p.grading.mode = "bandsWithCheck";
      p.commission.paidShare = 0.75;
      return p;
    },
  },
  {
    name: "team commission (marginal team tiers, the leads' own collections counted, a lead of another team)",
    plan: () => {
      const p = defaultPlan();
      p.commission.team = {
        method: "marginal",
        tiers: [
          { from: 0, rate: 0.002 },
          { from: 600000, rate: 0.004 },
          { from: 1000000, rate: 0.006 },
        ],
        leads: [
          { team: "华东一部", id: "S0005" },
          { team: "华南一部", id: "S0003" },
          // S0006 works in 华东二部 and leads 华南二部.
          { team: "华南二部", id: "S0006" },
        ],
        includeOwn: true,
      };
      return p;
    },
  },
  {
    name: "360 ratings out of 5 (each rating × 20 points in the formulas)",
    plan: () => {
      const p = defaultPlan();
      p.feedback.scale = 5;
      return p;
    },
  },
  {
    name: "the seed's indicators whole (product and service satisfaction, the service score blended with customers' 360 ratings, complaint resolution satisfaction, deal conversion, certifications on a step curve), customer ratings alone on a 10-point scale",
    plan: () => {
      const p = seedPlan();
      p.feedback.scale = 10;
      // product satisfaction from the customers' ratings alone (no customer ratings: an error)
      const product = p.indicators.find((i) => i.key === "product_satisfaction")!;
      product.input = { kind: "customer360", survey: null, share: 1 };
      product.missing = "error";
      return p;
    },
  },
];

/**
 * Sample records with their 360 ratings on the plan's rating scale (the sample rates out of 100):
 * 78.3 becomes 3.92 on a 5-point scale, as a survey out of 5 would give it. A plan with the
 * seed plan's fields also gets the sample's values of them (withSeedFields).
 */
export function onPlanScale<T extends { ratings: readonly FeedbackRating[]; rows?: DataRow[] }>(
  plan: Plan,
  given: T
): T {
  const r =
    usesSeedFields(plan) && given.rows ? withSeedFields({ ...given, rows: given.rows }) : given;
  const scale = ratingScale(plan);
  if (scale === 100) return r;
  return {
    ...r,
    ratings: r.ratings.map((x) => ({
      ...x,
      score: Math.round(((x.score * scale) / 100) * 100) / 100,
    })),
  };
}

/** A Data sheet row (0-based sheet row) of a person and month, and a field's column. */
export function dataCell(
  layout: WorkbookLayout,
  plan: Plan,
  id: string,
  month: string,
  key: string
): { row: Cell[]; column: number } | null {
  const data = layout.sheets.find((s) => s.role === "data")!;
  const cells = data.blocks[0].cells;
  const column = 4 + plan.fields.findIndex((f) => f.key === key);
  for (let r = DATA_FIRST_ROW - 1; r < cells.length; r++) {
    if (cells[r][0] === id && cells[r][3] === month) return { row: cells[r], column };
  }
  return null;
}

/**
 * HR's edits to a filled template's Data and Feedback sheets: the faults the readers and the
 * formulas must treat alike. Returns what was done, for messages.
 */
export function editAsHR(layout: WorkbookLayout, plan: Plan): string[] {
  const done: string[] = [];
  const set = (id: string, month: string, key: string, v: Cell, what: string) => {
    const c = dataCell(layout, plan, id, month, key);
    if (!c) return;
    c.row[c.column] = v;
    done.push(`${id} ${month} ${key}: ${what}`);
  };
  const has = (k: string) => plan.fields.some((f) => f.key === k);
  set("S0002", "2024-02", "retention_rate", "N/A", "text in a number cell");
  set("S0003", "2024-04", "visits", -5, "a negative count");
  set("S0004", "2024-05", "satisfaction", 120, "a score above 100");
  set("S0005", "2024-03", "sales_target", 0, "a zero sales target");
  set("S0006", "2024-07", "leads", 0, "zero leads (a zero denominator)");
  set("S0007", "2024-01", "prior_sales", 0, "zero prior sales (growth undefined)");
  set("S0007", "2024-02", "prior_sales", 0, "zero prior sales");
  set("S0007", "2024-03", "prior_sales", 0, "zero prior sales");
  set("S0008", "2024-10", "sales_cycle_days", 0, "a zero sales cycle (lower is better: best)");
  set("S0008", "2024-11", "sales_cycle_days", 0, "a zero sales cycle");
  set("S0008", "2024-12", "sales_cycle_days", 0, "a zero sales cycle");
  set("S0009", "2024-06", "days_in_period", 0, "zero days in month");
  set("S0010", "2024-09", "base_salary", null, "a blank base salary");
  set("S0011", "2024-02", "collected", null, "a blank collection (commission basis)");
  set("S0012", "2024-08", "sales_amount", "12,3x", "unreadable text in the signed amount");
  set("S0013", "2024-05", "training_hours", null, "blank training hours");
  set("S0014", "2024-02", "retention_rate", 85, "a percentage typed as 85");
  if (has("clawback")) set("S0015", "2024-04", "clawback", 2500, "a clawback");
  if (has("adjustment")) set("S0016", "2024-11", "adjustment", -800, "a deduction");
  set("S0016", "2024-12", "sales_target", null, "a blank sales target");
  // A name that is a formula, and a conflicting duplicate of a month (another row, other values).
  const data = layout.sheets.find((s) => s.role === "data")!;
  const cells = data.blocks[0].cells;
  for (let r = DATA_FIRST_ROW - 1; r < cells.length; r++)
    if (cells[r][0] === "S0001") cells[r][1] = '=HYPERLINK("http://example.com","x")';
  done.push("S0001: a name that is a formula");
  const dup = cells.findIndex((r) => r[0] === "S0017" && r[3] === "2024-06");
  if (dup >= 0) {
    const copy = [...cells[dup]];
    copy[4] = 999;
    cells.push(copy);
    done.push("S0017 2024-06: a conflicting duplicate row");
  }
  // A rating that cannot be read, and one whose rater is written in English in a zh-CN sheet.
  const fb = layout.sheets.find((s) => s.role === "feedback")!;
  const fbCells = fb.blocks[0].cells;
  if (fbCells.length > 3) {
    fbCells[2][3] = "优秀";
    done.push("a rating that is text");
  }
  return done;
}

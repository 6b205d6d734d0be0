/**
 * Plans that switch on every column of the Pay list (the team commission variant, the
 * quarter-end schedule, monthly advances with a true-up, the new-hire guarantee recoverable or
 * not, monthly evaluation, clawbacks deducted at once), and a sample with a month of service.
 */
import { defaultPlan, withServiceMonthField } from "../../../src/engine/plan/defaultPlan";
import type { Plan } from "../../../src/engine/plan/model";
import type { DataRow, FeedbackRating } from "../../../src/engine/records";
import { VARIANTS } from "./fixtures";

/**
 * The sample with a month of service: its new hires from their first month, and two people
 * hired in January (so their later months repay the top-ups); everyone else blank (not new).
 */
export function withService(sample: {
  rows: readonly DataRow[];
  ratings: readonly FeedbackRating[];
}) {
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

export function guaranteePlan(recoverable: boolean, minimum = 16000): Plan {
  const plan = withServiceMonthField(defaultPlan());
  plan.pay.guarantee = { enabled: true, minimum, months: 3, recoverable };
  return plan;
}

export const PAY_PLANS: { name: string; plan: () => Plan }[] = [
  ...VARIANTS.filter((v) => v.name.startsWith("team commission")),
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

/** Builders for engine tests: data rows with round numbers, and 360 ratings. */
import type { DataRow, FeedbackRating, RaterType } from "../../src/engine";
import { defaultPlan } from "../../src/engine";

/** A month of round numbers for which every default indicator attains its target exactly. */
export const ON_TARGET: Record<string, number | null> = {
  sales_amount: 100000,
  sales_target: 100000,
  prior_sales: 80000,
  collected: 90000,
  due: 100000,
  new_customers: 3,
  new_customers_target: 3,
  strategic_amount: 30000,
  satisfaction: 90,
  retention_rate: 0.85,
  clv: 300000,
  complaint_resolution: 0.95,
  visits: 20,
  calls: 150,
  proposals: 10,
  leads: 20,
  opportunities: 5,
  sales_cycle_days: 45,
  product_knowledge: 80,
  digital_tools: 90,
  training_hours: 8,
  deductions: 0,
  days_worked: 31,
  days_in_period: 31,
  base_salary: 8000,
  performance_pay: 3000,
  bonus_standard: null,
  adjustment: null,
  clawback: null,
};

let sheetRow = 1;

export function row(
  id: string,
  period: string,
  values: Record<string, number | null> = {},
  extra: Partial<DataRow> = {}
): DataRow {
  const days = new Date(
    Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)), 0)
  ).getUTCDate();
  const merged: Record<string, number | null> = {
    ...ON_TARGET,
    days_worked: days,
    days_in_period: days,
    ...values,
  };
  const keys = defaultPlan().fields.map((f) => f.key);
  const v: Record<string, number | null> = {};
  for (const k of keys) v[k] = merged[k] ?? null;
  sheetRow++;
  return {
    id,
    name: extra.name ?? `Rep ${id}`,
    team: extra.team ?? "T1",
    period,
    values: v,
    invalid: extra.invalid ?? [],
    absent: extra.absent ?? [],
    conflict: extra.conflict ?? null,
    source: { sheet: "Data", row: sheetRow },
  };
}

export function quarter(
  id: string,
  year: number,
  q: number,
  values: Record<string, number | null> = {},
  extra: Partial<DataRow> = {}
): DataRow[] {
  return [1, 2, 3].map((i) =>
    row(id, `${year}-${String((q - 1) * 3 + i).padStart(2, "0")}`, values, extra)
  );
}

export function rating(
  id: string,
  period: string,
  rater: RaterType,
  score: number
): FeedbackRating {
  return { id, period, rater, score, raterName: "", source: { sheet: "Feedback", row: 2 } };
}

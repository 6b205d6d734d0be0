/**
 * The pay list (engine's ev.payroll) as the payroll export and the payslips read it: its columns in
 * the Pay list sheet's order, under the Pay list sheet's words (sheets/paylist.ts), each column's
 * numbers taken from the engine's line arrays as they are (no second computation). A line the
 * engine could not compute (NaN) is null, which the export names.
 */
import type { Evaluation } from "../engine/evaluate/evaluate";
import type { Payroll } from "../engine/evaluate/payroll";
import { hasAppeals } from "../engine/evaluate/appeals";
import type { PayrollField, PayrollTable } from "../engine/export/payrollCsv";
import { guaranteeOf, paySchedule, teamCommission, type Plan } from "../engine/plan/model";
import { T } from "./sheets/context";
import { PAY_LIST_WORDS as W } from "./sheets/paylist";

type Line = keyof Pick<
  Payroll,
  | "base"
  | "performanceAdvance"
  | "performanceTrueUp"
  | "performancePay"
  | "commission"
  | "deferred"
  | "clawedBack"
  | "teamCommission"
  | "bonus"
  | "settlement"
  | "adjustment"
  | "appeal"
  | "grossBeforeGuarantee"
  | "guaranteeTopUp"
  | "guaranteeRecovered"
  | "guaranteeOwed"
  | "gross"
>;

/** A money column of the pay list: its key on the Pay list sheet, the engine's line, its words. */
export interface PayListMoney {
  key: string;
  line: Line;
  label: { en: string; zh: string };
}

/**
 * The pay list's money columns for a plan, in the Pay list sheet's order (gross first); with
 * `appeals` (a run given appeals), the appeal adjustment after the adjustments.
 */
export function payListMoney(plan: Plan, appeals = false): PayListMoney[] {
  const out: PayListMoney[] = [
    { key: "gross", line: "gross", label: W.gross },
    { key: "base", line: "base", label: T.base },
  ];
  const advances =
    plan.periods.evaluation !== "month" && paySchedule(plan).schedule === "monthlyAdvance";
  if (advances)
    out.push(
      { key: "perfAdvance", line: "performanceAdvance", label: W.perfAdvance },
      { key: "perfTrueUp", line: "performanceTrueUp", label: W.perfTrueUp }
    );
  out.push(
    { key: "perfPay", line: "performancePay", label: W.perfPay },
    { key: "commission", line: "commission", label: W.commission },
    { key: "clawedBack", line: "clawedBack", label: W.clawedBack }
  );
  // 团队提成, where the plan has team commission (the Commission ledger's column)
  if (teamCommission(plan))
    out.push({ key: "teamCommission", line: "teamCommission", label: W.teamCommission });
  out.push(
    { key: "deferred", line: "deferred", label: W.deferred },
    { key: "bonus", line: "bonus", label: W.bonus },
    { key: "settlement", line: "settlement", label: W.settlement },
    { key: "adjustment", line: "adjustment", label: W.adjustment }
  );
  if (appeals) out.push({ key: "appeal", line: "appeal", label: W.appeal });
  const g = guaranteeOf(plan);
  if (g.enabled) {
    out.push(
      { key: "grossBefore", line: "grossBeforeGuarantee", label: W.grossBefore },
      { key: "topUp", line: "guaranteeTopUp", label: W.topUp }
    );
    if (g.recoverable)
      out.push(
        { key: "recovered", line: "guaranteeRecovered", label: W.recovered },
        { key: "owed", line: "guaranteeOwed", label: W.owed }
      );
  }
  return out;
}

/** The identity columns every pay-list line starts with. */
export const PAY_LIST_IDENTITY = [
  { key: "id", label: T.id },
  { key: "name", label: T.name },
  { key: "team", label: T.team },
  { key: "month", label: T.month },
] as const;

/** The pay list as the payroll export reads it. */
export function payrollTable(ev: Evaluation): PayrollTable {
  const P = ev.payroll;
  const mf = P.frame;
  const money = payListMoney(ev.plan, hasAppeals(ev.appeals));
  const fields: PayrollField[] = [
    ...PAY_LIST_IDENTITY.map((f) => ({ key: f.key, kind: "text" as const, label: f.label })),
    ...money.map((f) => ({ key: f.key, kind: "money" as const, label: f.label })),
  ];
  const records = Array.from({ length: mf.n }, (_, m) => {
    const rec: Record<string, string | number | null> = {
      id: mf.ids[m],
      name: mf.names[m],
      team: mf.teams[m],
      month: mf.periods[m],
    };
    for (const f of money) {
      const v = P[f.line][m];
      rec[f.key] = Number.isFinite(v) ? v : null;
    }
    return rec;
  });
  const subjects = Array.from({ length: mf.n }, (_, m) => ({
    id: mf.ids[m],
    period: mf.periods[m],
  }));
  return { fields, records, subjects };
}

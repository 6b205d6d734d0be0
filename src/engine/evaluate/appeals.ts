/**
 * The appeal adjustment pay line (申诉调整) of a run: each evaluation row's upheld appeals summed
 * (rules/appeal.ts) into PeriodPay.appeal and the total; a row an unreadable appeal holds up has no
 * total until the appeal is corrected. What the Explain view and statements show of a row's appeals.
 */
import { issue, type Issue } from "../issues";
import { orNull } from "../numeric";
import { appealKey, type Appeal } from "../import/appeals";
import { appealAdjustment } from "../rules/appeal";
import { totalPay } from "../rules/pay";
import type { Frame } from "./frame";
import type { PeriodPay } from "./pay";

/** What a run is given of the Appeals sheet. */
export interface EvaluationAppeals {
  /** Every appeal read (any status). */
  appeals: readonly Appeal[];
  /** "id period" (appealKey) → the appeal that holds its pay up. */
  blocked: ReadonlyMap<string, { no: string; row: number }>;
}

export const NO_APPEALS: EvaluationAppeals = { appeals: [], blocked: new Map() };

/** Whether a run was given any appeal (the sheets then show the appeal adjustment line). */
export function hasAppeals(a: EvaluationAppeals): boolean {
  return a.appeals.length > 0 || a.blocked.size > 0;
}

/** Adds the upheld appeals to their rows' pay: the line, and the total with it (PERF.PAY's bonus). */
export function applyAppeals(pf: Frame, pp: PeriodPay, a: EvaluationAppeals): void {
  if (!hasAppeals(a)) return;
  const amounts = new Map<string, number[]>();
  for (const x of a.appeals) {
    if (x.status !== "upheld") continue;
    const k = appealKey(x.id, x.period);
    const list = amounts.get(k) ?? [];
    list.push(x.amount);
    amounts.set(k, list);
  }
  for (let r = 0; r < pf.n; r++) {
    const k = appealKey(pf.ids[r], pf.periods[r]);
    if (a.blocked.has(k)) {
      pp.appeal[r] = NaN;
      pp.total[r] = NaN;
      continue;
    }
    const list = amounts.get(k);
    if (!list) continue;
    const adj = appealAdjustment(list);
    pp.appeal[r] = adj;
    if (Number.isNaN(pp.total[r])) continue;
    pp.total[r] = totalPay(
      pp.base[r],
      pp.performanceStandard[r],
      pp.coefficient[r],
      pp.commission[r] + pp.teamCommission[r],
      pp.bonus[r] + adj
    );
  }
}

/** The problem of a row an unreadable appeal holds up (none otherwise). */
export function appealIssues(a: EvaluationAppeals, id: string, period: string): Issue[] {
  const b = a.blocked.get(appealKey(id, period));
  return b
    ? [
        issue(
          "error",
          "appealBlocksPay",
          { no: b.no || "—", row: b.row },
          { subject: { id, period } }
        ),
      ]
    : [];
}

/** One appeal of a row as Explain and the statement show it. */
export type AppealTrace = Pick<
  Appeal,
  "no" | "subject" | "reason" | "status" | "decision" | "amount" | "decidedBy" | "decidedOn" | "row"
>;

/** A row's appeals (every status, sheet order) and the adjustment they make (null when held up). */
export function appealsTrace(
  a: EvaluationAppeals,
  pp: PeriodPay,
  r: number,
  id: string,
  period: string
): { appeals: AppealTrace[]; appealAdjustment: number | null } {
  const appeals = a.appeals
    .filter((x) => x.id === id && x.period === period)
    .map((x) => ({
      no: x.no,
      subject: x.subject,
      reason: x.reason,
      status: x.status,
      decision: x.decision,
      amount: x.amount,
      decidedBy: x.decidedBy,
      decidedOn: x.decidedOn,
      row: x.row,
    }));
  return { appeals, appealAdjustment: orNull(pp.appeal[r]) };
}

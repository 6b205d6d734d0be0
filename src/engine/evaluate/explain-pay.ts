/**
 * The pay list's part of an explanation: what each month of a row pays (ev.payroll) — the
 * performance pay by the plan's schedule (the month's advance, the quarter-end true-up, which
 * period's performance pay it pays), the new-hire guarantee (top-up, recovered, still owed) and
 * the gross — and the guarantee's lines of the row.
 */
import { orNull } from "../numeric";
import { guaranteeOf, paySchedule } from "../plan/model";
import type { Evaluation } from "./evaluate";
import { GuaranteeMonth } from "./payroll";
import { appealsTrace } from "./appeals";
import type { PayMonthTrace, PayTrace } from "./explain";

/** A month of the pay list (ev.payroll): what the month paid, by the plan's schedule. */
export interface PayListMonthTrace {
  period: string;
  /** The evaluation period whose performance pay (or true-up) the month pays, or null. */
  performanceFor: string | null;
  performancePay: number | null;
  /** Monthly advances: the month's advance and the quarter-end true-up (negative: taken back). */
  advance: number | null;
  trueUp: number | null;
  /** New-hire guarantee (null without it): on guarantee, top-up, recovered, still owed. */
  onGuarantee: boolean | null;
  topUp: number | null;
  recovered: number | null;
  owed: number | null;
  gross: number | null;
}

/** A month of the pay list. */
function payListMonthTrace(ev: Evaluation, m: number): PayListMonthTrace {
  const P = ev.payroll;
  const g = guaranteeOf(ev.plan);
  const r = P.performanceRow[m];
  const advances = P.performanceAdvance[m] !== 0 || paySchedule(ev.plan).schedule !== "quarterEnd";
  return {
    period: ev.months.frame.periods[m],
    performanceFor: r >= 0 ? ev.periods.frame.periods[r] : null,
    performancePay: orNull(P.performancePay[m]),
    advance: advances ? orNull(P.performanceAdvance[m]) : null,
    trueUp: advances ? orNull(P.performanceTrueUp[m]) : null,
    onGuarantee: g.enabled ? P.onGuarantee[m] === GuaranteeMonth.On : null,
    topUp: g.enabled ? orNull(P.guaranteeTopUp[m]) : null,
    recovered: g.enabled && g.recoverable ? orNull(P.guaranteeRecovered[m]) : null,
    owed: g.enabled && g.recoverable ? orNull(P.guaranteeOwed[m]) : null,
    gross: orNull(P.gross[m]),
  };
}

/** The pay list's months of a row, its schedule and its guarantee lines (null without the guarantee). */
export function payListTrace(
  ev: Evaluation,
  r: number,
  isPeriods: boolean
): {
  payList: PayListMonthTrace[];
  schedule: "quarterEnd" | "monthlyAdvance";
  guaranteeTopUp: number | null;
  guaranteeRecovered: number | null;
} {
  const pp = ev.periodPay;
  const frame = isPeriods ? ev.periods.frame : ev.months.frame;
  const payList: PayListMonthTrace[] = [];
  for (let m = frame.first[r]; m < frame.end[r]; m++) payList.push(payListMonthTrace(ev, m));
  const g = guaranteeOf(ev.plan).enabled;
  const monthly = ev.plan.periods.evaluation === "month";
  return {
    payList,
    schedule: monthly ? "quarterEnd" : paySchedule(ev.plan).schedule,
    guaranteeTopUp: g && isPeriods ? orNull(pp.guaranteeTopUp[r]) : null,
    guaranteeRecovered: g && isPeriods ? orNull(pp.guaranteeRecovered[r]) : null,
  };
}

/** The pay lines of an explanation: the evaluation row's (with its appeals), or a month's. */
export function payTrace(
  ev: Evaluation,
  r: number,
  isPeriods: boolean,
  months: PayMonthTrace[]
): PayTrace {
  const pp = ev.periodPay;
  const lists = payListTrace(ev, r, isPeriods);
  const f = ev.periods.frame;
  // the pay list's fields first, then the appeals, the months and sums (the order spreads gave),
  // as plain properties: an object spread makes each trace a slow, dictionary-like object
  if (isPeriods) {
    const upheld = appealsTrace(ev.appeals, pp, r, f.ids[r], f.periods[r]);
    return {
      payList: lists.payList,
      schedule: lists.schedule,
      guaranteeTopUp: lists.guaranteeTopUp,
      guaranteeRecovered: lists.guaranteeRecovered,
      appeals: upheld.appeals,
      appealAdjustment: upheld.appealAdjustment,
      months,
      base: orNull(pp.base[r]),
      performanceStandard: orNull(pp.performanceStandard[r]),
      coefficient: orNull(pp.coefficient[r]),
      performancePay: orNull(pp.performancePay[r]),
      commission: orNull(pp.commission[r]),
      teamCommission: orNull(pp.teamCommission[r]),
      bonus: orNull(pp.bonus[r]),
      total: orNull(pp.total[r]),
    };
  }
  return {
    payList: lists.payList,
    schedule: lists.schedule,
    guaranteeTopUp: lists.guaranteeTopUp,
    guaranteeRecovered: lists.guaranteeRecovered,
    months,
    base: months[0]?.base ?? null,
    performanceStandard: months[0]?.performanceStandard ?? null,
    coefficient: null,
    performancePay: null,
    commission: months[0]?.commission ?? null,
    teamCommission: months[0]?.teamCommission ?? null,
    bonus: months[0]?.adjustment ?? null,
    appeals: [],
    appealAdjustment: null,
    total: null,
  };
}

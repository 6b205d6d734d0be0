/**
 * The pay list (工资表): one line per salesperson and pay month, over the month frame, in columns
 * like the rest of the engine. Every line is to the cent as Excel's ROUND rounds.
 *
 * - base: the month's prorated base (MonthPay.base);
 * - performance pay, by the plan's schedule (Plan.pay.schedule):
 *   - "quarterEnd" (the default): the quarter's performance pay (standard × coefficient, as
 *     PeriodPay computes it) with the quarter's last month;
 *   - "monthlyAdvance": each month an advance of its prorated standard × the advance share, and
 *     with the quarter's last month the true-up, quarter performance pay − the advances (negative
 *     when the advances were more);
 *   - monthly evaluation: each month's performance pay in that month.
 *   "The quarter's last month" is the last month of the evaluation row: the quarter's third month,
 *   or a leaver's last month when the data goes on past it for others. While the data ends
 *   inside the quarter, the quarter's performance pay (and the true-up) waits: `performanceRow`
 *   is −1 for its months;
 * - commission paid this month (ledger.paidNow), clawed back (ledger.recovered, deducted: the two
 *   make ledger.net) and deferred (ledger.deferred: shown, not paid until the settlement);
 * - team commission (团队提成, ledger.team) of a team lead's month;
 * - bonus and settlement: the annual bonus and the year-end settlement of deferred commission
 *   (AnnualResult.bonus, .settlement) with the person's last month of a year the data covers
 *   completely (12 months, as the Annual sheet holds it; December, or a leaver's last month);
 * - adjustments (奖惩调整) of the month;
 * - the appeal adjustment (申诉调整) of an evaluation period, with the month that pays the
 *   period's performance pay (its last month);
 * - the new-hire guarantee (新人保底, Plan.pay.guarantee): in months of service 1…N the top-up to
 *   the minimum over the gross before it; when recoverable, each later month repays the top-ups
 *   still owed from its own net commission (paid now − clawed back; not the team commission nor
 *   the year-end settlement), never below 0, the rest carried forward (per person,
 *   across years). The month of service is the Data's optional service_month column (1 = the
 *   hire month); blank means not a new hire;
 * - gross: base + performance pay + commission − clawed back + team commission + bonus +
 *   settlement + adjustment
 *   (the gross before the guarantee) + top-up − guarantee recovered.
 *
 * A line that cannot be computed is NaN, and so is the gross of its month.
 */
import { guaranteeOf, PAY_FIELDS, paySchedule } from "../plan/model";
import type { Catalogue } from "../messages";
import { issue, type Issue } from "../issues";
import { parsePeriodKey } from "../periods";
import { roundMoney } from "../numeric";
import {
  guaranteeBalance,
  guaranteeRecovered,
  guaranteeTopUp,
  onGuarantee,
} from "../rules/guarantee";
import {
  payLinesSum,
  payLinesSumAt,
  performanceAdvance,
  performanceTrueUp,
  type PayTerm,
} from "../rules/pay";
import type { CompiledPlan } from "./compile";
import type { Ledger } from "./commission";
import { CellState, type Frame } from "./frame";
import type { MonthPay, PeriodPay } from "./pay";

export const PAYROLL_MESSAGES = {
  guaranteeNoServiceColumn: {
    en: 'The new-hire guarantee is on, but the data has no "{field}" column: no one is topped up.',
    zh: "已启用新人保底，但数据中没有“{field}”列：本次无人保底。",
  },
} satisfies Catalogue;

/** What the annual review gives the pay list: bonus and settlement per year row. */
export interface PayrollAnnual {
  frame: Frame;
  monthsInData: Map<string, number>;
  bonus: Float64Array;
  settlement: Float64Array;
}

export interface Payroll {
  /** The month frame: line m is month row m (one per salesperson and pay month). */
  frame: Frame;
  base: Float64Array;
  /** The month's advance (monthlyAdvance schedule; 0 otherwise). */
  performanceAdvance: Float64Array;
  /** The quarter-end true-up (monthlyAdvance; 0 in other months and schedules). */
  performanceTrueUp: Float64Array;
  /** Performance pay paid in the month: the quarter's (or month's), or advance + true-up. */
  performancePay: Float64Array;
  /** The evaluation row whose performance pay (or true-up) the month pays, −1 for none. */
  performanceRow: Int32Array;
  /** Commission paid this month (the share paid now). */
  commission: Float64Array;
  /** Deferred to the year-end settlement (shown, not in the gross). */
  deferred: Float64Array;
  /** Clawbacks recovered from the month's commission (deducted). */
  clawedBack: Float64Array;
  /** 团队提成 of a team lead's month (ledger.team; 0 for people who lead no team). */
  teamCommission: Float64Array;
  /** Annual bonus paid in the month. */
  bonus: Float64Array;
  /** Year-end settlement of deferred commission paid in the month. */
  settlement: Float64Array;
  /** The year row (AnnualResult.frame) whose bonus and settlement the month pays, −1 for none. */
  yearRow: Int32Array;
  adjustment: Float64Array;
  /** 申诉调整: the period's upheld appeals, paid with the month that pays its performance pay. */
  appeal: Float64Array;
  /** Gross before the guarantee's top-up and recovery. */
  grossBeforeGuarantee: Float64Array;
  /** 1 when the month is one of months of service 1…N (NaN service month: 2, unknown). */
  onGuarantee: Uint8Array;
  guaranteeTopUp: Float64Array;
  guaranteeRecovered: Float64Array;
  /** Top-ups still owed after the month (0 unless recoverable). */
  guaranteeOwed: Float64Array;
  gross: Float64Array;
  issues: Issue[];
}

export const enum GuaranteeMonth {
  Off = 0,
  On = 1,
  Unknown = 2,
}

/**
 * The lines a pay list takes as they are from the month pay and the ledger: the same arrays,
 * not copies (an evaluation's arrays are never changed once it is made).
 */
type SharedLines = Pick<
  Payroll,
  "base" | "commission" | "deferred" | "clawedBack" | "teamCommission"
>;

function emptyPayroll(frame: Frame, shared: SharedLines): Payroll {
  const n = frame.n;
  const f = () => new Float64Array(n);
  return {
    frame,
    ...shared,
    performanceAdvance: f(),
    performanceTrueUp: f(),
    performancePay: f(),
    performanceRow: new Int32Array(n).fill(-1),
    bonus: f(),
    settlement: f(),
    yearRow: new Int32Array(n).fill(-1),
    adjustment: f(),
    appeal: f(),
    grossBeforeGuarantee: f(),
    onGuarantee: new Uint8Array(n),
    guaranteeTopUp: f(),
    guaranteeRecovered: f(),
    guaranteeOwed: f(),
    gross: f(),
    issues: [],
  };
}

/**
 * The month row that pays each evaluation row's performance pay: its last month, when that is
 * the quarter's last month or the data goes on past it (a leaver); else none yet.
 */
export function performancePayRows(months: Frame, periods: Frame, monthly: boolean): Int32Array {
  const out = new Int32Array(months.n).fill(-1);
  let latest = "";
  for (let m = 0; m < months.n; m++) if (months.periods[m] > latest) latest = months.periods[m];
  for (let r = 0; r < periods.n; r++) {
    const last = periods.end[r] - 1;
    if (last < periods.first[r]) continue;
    const key = months.periods[last];
    const quarterEnd = monthly || (parsePeriodKey(key)?.index ?? 0) % 3 === 0;
    if (quarterEnd || latest > key) out[last] = r;
  }
  return out;
}

/** The month row that pays each complete year's bonus and settlement: the person's last month in it. */
function yearPayRows(ledger: Ledger, annual: PayrollAnnual, n: number): Int32Array {
  const out = new Int32Array(n).fill(-1);
  const yf = annual.frame;
  const rowOf = new Map<string, number>();
  for (let y = 0; y < yf.n; y++) rowOf.set(yf.ids[y] + "\u0000" + yf.periods[y], y);
  for (const st of ledger.settlements) {
    if ((annual.monthsInData.get(st.year) ?? 0) < 12) continue;
    const y = rowOf.get(st.id + "\u0000" + st.year);
    if (y !== undefined) out[st.rows[st.rows.length - 1]] = y;
  }
  return out;
}

/** The gross before the guarantee's lines, as the pay list sums it (the sheet's order). */
export function grossTerms<T>(line: {
  base: T;
  performancePay: T;
  commission: T;
  clawedBack: T;
  /** Left out of the sum when undefined (a pay list without the column: 0 for everyone). */
  teamCommission?: T;
  bonus: T;
  settlement: T;
  adjustment: T;
  /** Left out when undefined (a pay list without the column: no appeals). */
  appeal?: T;
}): PayTerm<T>[] {
  const team = line.teamCommission === undefined ? [] : [{ value: line.teamCommission }];
  return [
    { value: line.base },
    { value: line.performancePay },
    { value: line.commission },
    { value: line.clawedBack, minus: true },
    ...team,
    { value: line.bonus },
    { value: line.settlement },
    { value: line.adjustment },
    ...(line.appeal === undefined ? [] : [{ value: line.appeal }]),
  ];
}

/** Performance pay of each month by the plan's schedule. */
function schedulePerformance(
  cp: CompiledPlan,
  P: Payroll,
  mp: MonthPay,
  periods: Frame,
  pp: PeriodPay
): void {
  const monthly = cp.plan.periods.evaluation === "month";
  const { schedule, advanceShare } = paySchedule(cp.plan);
  const advance = !monthly && schedule === "monthlyAdvance";
  P.performanceRow = performancePayRows(P.frame, periods, monthly);
  for (let m = 0; m < P.frame.n; m++) {
    if (advance)
      P.performanceAdvance[m] = performanceAdvance(mp.performanceStandard[m], advanceShare);
  }
  for (let m = 0; m < P.frame.n; m++) {
    const r = P.performanceRow[m];
    if (!advance) {
      P.performancePay[m] = r >= 0 ? pp.performancePay[r] : 0;
      continue;
    }
    if (r >= 0)
      P.performanceTrueUp[m] = performanceTrueUp(
        pp.performancePay[r],
        P.performanceAdvance.subarray(periods.first[r], periods.end[r])
      );
    P.performancePay[m] = roundMoney(P.performanceAdvance[m] + P.performanceTrueUp[m]);
  }
}

/** The guarantee's lines of each month, carried per person in month order. */
function guaranteeLines(cp: CompiledPlan, P: Payroll, months: Frame): void {
  const g = guaranteeOf(cp.plan);
  const k = cp.pay.serviceMonth;
  let owed = 0;
  for (let m = 0; m < months.n; m++) {
    if (m === 0 || months.ids[m] !== months.ids[m - 1]) owed = 0;
    const state = k >= 0 ? months.states[k][m] : CellState.Absent;
    const on =
      state === CellState.Invalid
        ? GuaranteeMonth.Unknown
        : state === CellState.Ok && onGuarantee(months.values[k][m], g.months)
          ? GuaranteeMonth.On
          : GuaranteeMonth.Off;
    P.onGuarantee[m] = on;
    const before = P.grossBeforeGuarantee[m];
    const topUp =
      on === GuaranteeMonth.Unknown
        ? NaN
        : guaranteeTopUp(on === GuaranteeMonth.On, g.minimum, before);
    P.guaranteeTopUp[m] = topUp;
    if (g.recoverable) {
      const net = roundMoney(P.commission[m] - P.clawedBack[m]);
      const rec =
        on === GuaranteeMonth.Unknown
          ? NaN
          : on === GuaranteeMonth.On
            ? 0
            : guaranteeRecovered(owed, net);
      P.guaranteeRecovered[m] = rec;
      owed = guaranteeBalance(owed, topUp, rec);
      P.guaranteeOwed[m] = owed;
    }
    P.gross[m] = payLinesSum([
      { value: before },
      { value: topUp },
      { value: P.guaranteeRecovered[m], minus: true },
    ]);
  }
}

/**
 * The pay list of a run: the month lines of MonthPay and the ledger, the period's performance
 * pay by the schedule, the year's bonus and settlement, and the guarantee.
 */
export function payroll(
  cp: CompiledPlan,
  months: Frame,
  periods: Frame,
  ledger: Ledger,
  mp: MonthPay,
  pp: PeriodPay,
  annual: PayrollAnnual
): Payroll {
  const P = emptyPayroll(months, {
    base: mp.base,
    commission: ledger.paidNow,
    deferred: ledger.deferred,
    clawedBack: ledger.recovered,
    teamCommission: ledger.team,
  });
  const n = months.n;
  schedulePerformance(cp, P, mp, periods, pp);
  P.yearRow = yearPayRows(ledger, annual, n);
  // the gross's terms over the pay list's columns, built once (a month's line is its row)
  const gross = grossTerms<Float64Array>(P);
  for (let m = 0; m < n; m++) {
    const y = P.yearRow[m];
    P.bonus[m] = y >= 0 ? annual.bonus[y] : 0;
    P.settlement[m] = y >= 0 ? annual.settlement[y] : 0;
    P.adjustment[m] = roundMoney(mp.adjustment[m]);
    const r = P.performanceRow[m];
    P.appeal[m] = r >= 0 ? pp.appeal[r] : 0;
    P.grossBeforeGuarantee[m] = payLinesSumAt(gross, m);
  }
  const g = guaranteeOf(cp.plan);
  if (g.enabled) {
    guaranteeLines(cp, P, months);
    const k = cp.pay.serviceMonth;
    const absent = n > 0 && (k < 0 || months.states[k].every((s) => s === CellState.Absent));
    if (absent)
      P.issues.push(
        issue("warning", "guaranteeNoServiceColumn", { field: PAY_FIELDS.serviceMonth })
      );
  } else P.gross.set(P.grossBeforeGuarantee);
  return P;
}

/** One month's lines as numbers. */
export function lineAt(P: Payroll, m: number) {
  return {
    base: P.base[m],
    performancePay: P.performancePay[m],
    commission: P.commission[m],
    clawedBack: P.clawedBack[m],
    teamCommission: P.teamCommission[m],
    bonus: P.bonus[m],
    settlement: P.settlement[m],
    adjustment: P.adjustment[m],
  };
}

/** The guarantee's lines summed over each evaluation row's months (Scorecard pay). */
export function guaranteeByPeriod(
  P: Payroll,
  periods: Frame
): { topUp: Float64Array; recovered: Float64Array } {
  const topUp = new Float64Array(periods.n);
  const recovered = new Float64Array(periods.n);
  for (let r = 0; r < periods.n; r++) {
    let t = 0;
    let c = 0;
    for (let m = periods.first[r]; m < periods.end[r]; m++) {
      t += P.guaranteeTopUp[m];
      c += Number.isNaN(P.guaranteeRecovered[m]) ? NaN : P.guaranteeRecovered[m];
    }
    topUp[r] = roundMoney(t);
    recovered[r] = roundMoney(c);
  }
  return { topUp, recovered };
}

/**
 * Pay lines (薪酬结构: 基本工资 + 绩效工资 + 销售提成 + 奖金/分红). Per month: base (prorated), the
 * prorated performance-pay standard, commission, adjustments. Per evaluation period: the sums,
 * performance pay = standard × coefficient, and the total as PERF.PAY computes it. Per year: the
 * bonus from the annual coefficient and the settlement of deferred commission.
 */
import { roundMoney } from "../numeric";
import { performancePay, totalPay } from "../rules/pay";
import { proratedMoney, workedShare } from "../rules/prorate";
import type { CompiledPlan } from "./compile";
import { CellState, Frame } from "./frame";
import type { Ledger } from "./commission";

export interface MonthPay {
  /** Days worked ÷ days in month, capped at 1 (1 when the plan does not prorate). */
  share: Float64Array;
  base: Float64Array;
  performanceStandard: Float64Array;
  commission: Float64Array;
  /** 团队提成: the ledger's team commission (0 for people who lead no team). */
  teamCommission: Float64Array;
  adjustment: Float64Array;
}

export interface PeriodPay {
  base: Float64Array;
  performanceStandard: Float64Array;
  coefficient: Float64Array;
  performancePay: Float64Array;
  commission: Float64Array;
  /** 团队提成 of the period's months, summed to the cent (0 for people who lead no team). */
  teamCommission: Float64Array;
  bonus: Float64Array;
  /** New-hire guarantee top-ups and recoveries of the period's months (0 without the guarantee). */
  guaranteeTopUp: Float64Array;
  guaranteeRecovered: Float64Array;
  /**
   * 申诉调整: the recorded effects on pay of the period's upheld appeals, summed to the cent (0
   * without upheld appeals; NaN while an appeal of the period cannot be read as it stands).
   */
  appeal: Float64Array;
  /**
   * PERF.PAY with the team commission passed in its commission argument (commission + team) and
   * the appeal adjustment in its bonus argument (bonus + appeal); with
   * the guarantee, ROUND(that total + top-up − recovered, 2).
   */
  total: Float64Array;
}

export function monthPay(cp: CompiledPlan, months: Frame, ledger: Ledger): MonthPay {
  const n = months.n;
  const p = cp.pay;
  const out: MonthPay = {
    share: new Float64Array(n),
    base: new Float64Array(n),
    performanceStandard: new Float64Array(n),
    commission: ledger.net,
    teamCommission: ledger.team,
    adjustment: new Float64Array(n),
  };
  const val = (k: number, r: number) =>
    k >= 0 && months.states[k][r] === CellState.Ok ? months.values[k][r] : NaN;
  for (let r = 0; r < n; r++) {
    let share = 1;
    if (cp.plan.pay.prorate) share = workedShare(val(p.daysWorked, r), val(p.daysInPeriod, r));
    if (months.conflicts[r]) share = NaN;
    out.share[r] = share;
    out.base[r] = proratedMoney(val(p.baseSalary, r), share);
    out.performanceStandard[r] = proratedMoney(val(p.performancePay, r), share);
    const adj = val(p.adjustment, r);
    out.adjustment[r] = Number.isNaN(adj) ? 0 : adj;
  }
  return out;
}

/** Sums month lines into evaluation rows and applies the coefficient. */
export function periodPay(periods: Frame, mp: MonthPay, coefficient: Float64Array): PeriodPay {
  const n = periods.n;
  const out: PeriodPay = {
    base: new Float64Array(n),
    performanceStandard: new Float64Array(n),
    coefficient,
    performancePay: new Float64Array(n),
    commission: new Float64Array(n),
    teamCommission: new Float64Array(n),
    bonus: new Float64Array(n),
    guaranteeTopUp: new Float64Array(n),
    guaranteeRecovered: new Float64Array(n),
    appeal: new Float64Array(n),
    total: new Float64Array(n),
  };
  for (let r = 0; r < n; r++) {
    let base = 0;
    let std = 0;
    let com = 0;
    let team = 0;
    let bonus = 0;
    for (let m = periods.first[r]; m < periods.end[r]; m++) {
      base += mp.base[m];
      std += mp.performanceStandard[m];
      com += mp.commission[m];
      team += mp.teamCommission[m];
      bonus += mp.adjustment[m];
    }
    base = roundMoney(base);
    std = roundMoney(std);
    com = roundMoney(com);
    team = roundMoney(team);
    bonus = roundMoney(bonus);
    const c = coefficient[r];
    out.base[r] = base;
    out.performanceStandard[r] = std;
    out.commission[r] = com;
    out.teamCommission[r] = team;
    out.bonus[r] = bonus;
    out.performancePay[r] = performancePay(std, c);
    // The team commission goes in with the commission (PERF.PAY's commission argument): + 0 for
    // people who lead no team leaves their total as it was, to the bit.
    out.total[r] = totalPay(base, std, c, com + team, bonus);
  }
  return out;
}

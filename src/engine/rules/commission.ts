/**
 * 阶梯提成 and the month's commission lines: tiered commission (marginal: each slice at its
 * tier's rate; whole: the whole amount at the rate of the highest tier reached), the gate, the
 * monthly cap, the share paid now and deferred, clawbacks recovered from what is paid, and the
 * year-end settlement of the deferred share. Every amount is rounded to the cent as Excel's
 * ROUND rounds, at the line it appears on.
 */
import { numError, PerfError, Result, valueError } from "../errors";
import { reaches as reachesValue, roundMoney } from "../numeric";
import { checkAscending } from "./curve";
import type { CommissionMethod } from "./keywords";
import { reaches } from "./formula-text";

export interface Tier {
  /** Lower bound: currency, or an attainment ratio of the target when a target is given. */
  from: number;
  rate: number;
}

/** One slice of a tiered commission, for explanations. */
export interface CommissionSlice {
  tier: number;
  from: number;
  to: number | null;
  rate: number;
  base: number;
  commission: number;
}

export function checkTiers(tiers: readonly Tier[]): PerfError | null {
  if (tiers.length === 0) return valueError("tableEmpty", { arg: "tiers" });
  return checkAscending(
    tiers.map((t) => t.from),
    "tiers"
  );
}

/**
 * Commission with every slice, tiers already checked. `bounds` are the tier bounds in currency
 * (attainment bounds already multiplied by the target).
 */
export function commissionSlices(
  amount: number,
  bounds: readonly number[],
  rates: readonly number[],
  method: CommissionMethod
): CommissionSlice[] {
  const slices: CommissionSlice[] = [];
  const n = bounds.length;
  if (method === "whole") {
    let k = -1;
    for (let i = 0; i < n; i++) if (reachesValue(amount, bounds[i])) k = i;
    if (k >= 0) {
      slices.push({
        tier: k + 1,
        from: bounds[k],
        to: k + 1 < n ? bounds[k + 1] : null,
        rate: rates[k],
        base: amount,
        commission: amount * rates[k],
      });
    }
    return slices;
  }
  for (let i = 0; i < n; i++) {
    const lo = bounds[i];
    const hi = i + 1 < n ? bounds[i + 1] : Infinity;
    if (!reachesValue(amount, lo)) break;
    const top = amount < hi ? amount : hi;
    const base = top - lo;
    if (base <= 0) continue;
    slices.push({
      tier: i + 1,
      from: lo,
      to: i + 1 < n ? hi : null,
      rate: rates[i],
      base,
      commission: base * rates[i],
    });
  }
  return slices;
}

/** Commission without the slice list (the hot path); same arithmetic as {@link commissionSlices}. */
export function commissionUnchecked(
  amount: number,
  bounds: ArrayLike<number>,
  rates: ArrayLike<number>,
  method: CommissionMethod
): number {
  const n = bounds.length;
  if (method === "whole") {
    let k = -1;
    for (let i = 0; i < n; i++) if (reachesValue(amount, bounds[i])) k = i;
    return k >= 0 ? amount * rates[k] : 0;
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    const lo = bounds[i];
    if (!reachesValue(amount, lo)) break;
    const hi = i + 1 < n ? bounds[i + 1] : Infinity;
    const base = (amount < hi ? amount : hi) - lo;
    if (base > 0) total += base * rates[i];
  }
  return total;
}

/** 阶梯提成 (PERF.COMMISSION). */
export function commission(
  amount: number,
  tiers: readonly Tier[],
  method: CommissionMethod = "marginal",
  target: number | null = null,
  cap: number | null = null
): Result<number> {
  const bad = checkTiers(tiers);
  if (bad) return bad;
  if (target !== null && target <= 0) return numError("targetNotPositive", { value: target });
  if (amount < 0) return numError("amountNegative", { value: amount });
  if (cap !== null && cap < 0) return numError("capNegative", { value: cap });
  const bounds = tiers.map((t) => (target === null ? t.from : t.from * target));
  const rates = tiers.map((t) => t.rate);
  const c = commissionUnchecked(amount, bounds, rates, method);
  return cap !== null && c > cap ? cap : c;
}

// ---------------------------------------------------------------------------------------------
// The month's lines: gate, cap, paid now and deferred, clawback, year-end settlement
// ---------------------------------------------------------------------------------------------

/** Whether the ledger can pay on a month, and why not. */
export const enum CommissionStatus {
  Ok = 0,
  /** The basis amount is blank or unreadable. */
  BasisMissing = 1,
  /** Attainment bounds or the attainment gate need a sales target above 0. */
  TargetMissing = 2,
  /** The grade gate needs the period's grade, which could not be computed. */
  GradeMissing = 3,
  /** Two different rows for the same person and month: neither can be paid on. */
  Conflict = 4,
}

/**
 * Whether the ledger can pay on a month: no conflicting row, a readable basis, a target above 0
 * when the tiers or the gate need one, and (when the grade gate needs it, `gradeIndex` −1 for
 * none) the period's grade.
 */
export function monthStatus(
  conflict: boolean,
  basis: number,
  target: number | null,
  gradeIndex: number | null
): CommissionStatus {
  if (conflict) return CommissionStatus.Conflict;
  if (Number.isNaN(basis)) return CommissionStatus.BasisMissing;
  if (target !== null && !(target > 0)) return CommissionStatus.TargetMissing;
  if (gradeIndex !== null && gradeIndex < 0) return CommissionStatus.GradeMissing;
  return CommissionStatus.Ok;
}

/**
 * The same as a condition over the month's cells: the basis, the target (null when not
 * needed), the period's grade (null when not needed), the "only row of the month" check (null
 * when the month has no conflicting row).
 */
export function monthStatusFormula(
  basis: string,
  target: string | null,
  grade: string | null,
  unique: string | null
): string {
  const conds = [`${basis}<>""`];
  if (target !== null) conds.push(`${target}<>""`, `${target}>0`);
  if (grade !== null) conds.push(`${grade}<>""`);
  if (unique !== null) conds.push(unique);
  return `IFERROR(AND(${conds.join(",")}),1=0)`;
}

/** The month's sales attainment, signed ÷ target: NaN without a target above 0 or a signed amount. */
export function monthAttainment(signed: number, target: number): number {
  return target > 0 && !Number.isNaN(signed) ? signed / target : Number.NaN;
}

/** The month's sales attainment of cells `signed` ÷ `target`: "" when there is none. */
export function monthAttainmentFormula(signed: string, target: string): string {
  return `IFERROR(IF(AND(${target}<>"",${signed}<>""),IF(${target}>0,${signed}/${target},""),""),"")`;
}

/** Why the gate is shut (0: open). */
export const enum Gate {
  Open = 0,
  Attainment = 1,
  Grade = 2,
}

/**
 * The gate: the month's attainment must reach the minimum (NaN, no attainment, does not), and
 * the period's grade must be at or above the minimum grade (indexes into the grade table, best
 * first; −1 for no such rule).
 */
export function commissionGate(
  attainment: number,
  minAttainment: number | null,
  gradeIndex: number,
  minGradeIndex: number
): Gate {
  if (minAttainment !== null && !reachesValue(attainment, minAttainment)) return Gate.Attainment;
  if (minGradeIndex >= 0 && gradeIndex > minGradeIndex) return Gate.Grade;
  return Gate.Open;
}

/**
 * What the month earns of its tiered commission: 0 with the gate shut, at most the cap. Each
 * ledger number is a function of its own returning a number, as each is a cell of its own: a
 * month is 120,000 rows of them, and a number allocates nothing where a record would.
 */
export function earnedCommission(gross: number, gate: Gate, cap: number | null): number {
  const amount = gate === Gate.Open ? gross : 0;
  return roundMoney(cap !== null && amount > cap ? cap : amount);
}

/** Whether the cap cut what the month earns. */
export function commissionCapped(gross: number, gate: Gate, cap: number | null): boolean {
  return cap !== null && (gate === Gate.Open ? gross : 0) > cap;
}

/** The share of the earned commission paid now… */
export function commissionPaidNow(earned: number, paidShare: number): number {
  return roundMoney(earned * paidShare);
}

/** …and the rest, deferred to year end. */
export function commissionDeferred(earned: number, paidNow: number): number {
  return roundMoney(earned - paidNow);
}

/**
 * A clawback recovered from the month's commission paid now: carried forward, the balance owed
 * (opening + the month's clawback) is recovered as far as the commission reaches; deducted at
 * once, the clawback is recovered whole and nothing is carried.
 */
export function clawbackRecovered(
  opening: number,
  clawback: number,
  paidNow: number,
  deductAtOnce: boolean
): number {
  return deductAtOnce ? clawback : Math.min(roundMoney(opening + clawback), paidNow);
}

/** The clawback balance carried to the next month after what was recovered. */
export function clawbackBalance(
  opening: number,
  clawback: number,
  recovered: number,
  deductAtOnce: boolean
): number {
  return deductAtOnce ? opening : roundMoney(roundMoney(opening + clawback) - recovered);
}

/** The commission line of the month's pay: paid now less the clawback recovered. */
export function netCommission(paidNow: number, recovered: number): number {
  return roundMoney(paidNow - recovered);
}

/**
 * The year-end settlement: the year's deferred share (summed, rounded) less what is still owed
 * in clawbacks (when carried forward), and what stays owed after it.
 */
export function settleYear(
  deferredSum: number,
  balance: number,
  deductAtOnce: boolean
): { deferred: number; recovered: number; settlement: number; outstanding: number } {
  const deferred = roundMoney(deferredSum);
  const recovered = deductAtOnce ? 0 : Math.min(balance, deferred);
  return {
    deferred,
    recovered,
    settlement: roundMoney(deferred - recovered),
    outstanding: roundMoney(balance - recovered),
  };
}

/**
 * The tiered commission of the amount in cell `a` (≥ 0): `bounds[i]` and `rates[i]` are the
 * formulas of each tier's bound (already scaled) and rate, `rateRange` the rates as a range.
 */
export function tiersFormula(
  a: string,
  bounds: readonly string[],
  rates: readonly string[],
  rateRange: string,
  method: CommissionMethod
): string {
  if (method === "whole") {
    // The number of tiers reached; with a single tier the sum is one comparison, a boolean that
    // is never `=0` and that INDEX cannot take, so it is made a number.
    const reached = bounds.map((b) => `(${reaches(a, b)})`).join("+");
    const k = bounds.length === 1 ? `(0+${reached})` : reached;
    return `IF(${k}=0,0,${a}*INDEX(${rateRange},${k}))`;
  }
  return bounds
    .map((b, i) => {
      const top = i + 1 < bounds.length ? `MIN(${a},${bounds[i + 1]})` : a;
      return `IF(${reaches(a, b)},MAX(0,${top}-${b})*${rates[i]},0)`;
    })
    .join("+");
}

/** The same as PERF.COMMISSION over the tiers range (bounds × `scale` when given). */
export function commissionPerfFormula(
  a: string,
  tiers: string,
  method: string,
  scale: string | null
): string {
  return `PERF.COMMISSION(${a},${tiers},${method}${scale ? `,${scale}` : ""})`;
}

/** The attainment gate as a condition: "" (no attainment) does not pass. */
export function attainmentGateFormula(attainment: string, min: string): string {
  return `IF(${attainment}="",1=0,${reaches(attainment, min)})`;
}

/** The grade gate as a condition: the grade `g` at or above `min` in the table `labels` (best first). */
export function gradeGateFormula(g: string, min: string, labels: string): string {
  return `MATCH(${g},${labels},0)<=MATCH(${min},${labels},0)`;
}

/** Each line's formula over the cells of the lines it follows. */
export const commissionLine = {
  /** Earned: the gated and capped commission `gated` rounded to the cent. */
  earned: (gated: string) => `ROUND(${gated},2)`,
  /** The amount after the cap `cap`, and whether it was capped. */
  capped: (gated: string, cap: string) => `MIN(${gated},${cap})`,
  overCap: (gated: string, cap: string) => `${gated}>${cap}`,
  paidNow: (earned: string, share: string) => `ROUND(${earned}*${share},2)`,
  deferred: (earned: string, paidNow: string) => `ROUND(${earned}-${paidNow},2)`,
  owed: (opening: string, clawback: string) => `ROUND(${opening}+${clawback},2)`,
  recovered: (opening: string, clawback: string, paidNow: string) =>
    `MIN(ROUND(${opening}+${clawback},2),${paidNow})`,
  balance: (opening: string, clawback: string, recovered: string) =>
    `ROUND(ROUND(${opening}+${clawback},2)-${recovered},2)`,
  net: (paidNow: string, recovered: string) => `ROUND(${paidNow}-${recovered},2)`,
};

/** The year-end settlement's formulas (see {@link settleYear}). */
export const settlementLine = {
  deferred: (deferredRange: string) => `ROUND(SUM(${deferredRange}),2)`,
  recovered: (balance: string, deferred: string, deductAtOnce: boolean) =>
    deductAtOnce ? "0" : `MIN(${balance},${deferred})`,
  settlement: (deferred: string, recovered: string) => `ROUND(${deferred}-${recovered},2)`,
  outstanding: (balance: string, recovered: string) => `ROUND(${balance}-${recovered},2)`,
};

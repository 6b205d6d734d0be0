/**
 * Proration for a partial month: the share days worked ÷ days in the month, at most 1, applied
 * to the base salary and the performance-pay standard (rounded to the cent).
 */
import { numError, Result } from "../errors";
import { roundMoney } from "../numeric";

/** PERF.PRORATE: amount × MIN(1, days_worked ÷ days_in_period). */
export function prorate(amount: number, daysWorked: number, daysInPeriod: number): Result<number> {
  if (daysInPeriod <= 0) return numError("daysInPeriodNotPositive", { value: daysInPeriod });
  if (daysWorked < 0) return numError("daysWorkedNegative", { value: daysWorked });
  const share = daysWorked / daysInPeriod;
  return amount * (share < 1 ? share : 1);
}

/** The month's share of pay: NaN when the days are missing, not positive or negative. */
export function workedShare(daysWorked: number, daysInMonth: number): number {
  return daysInMonth > 0 && daysWorked >= 0
    ? daysWorked < daysInMonth
      ? daysWorked / daysInMonth
      : 1
    : Number.NaN;
}

/** A full amount for the share of the month worked, to the cent. */
export function proratedMoney(full: number, share: number): number {
  return roundMoney(full * share);
}

/** The share cell: #N/A when either day count is "" or out of range. */
export function workedShareFormula(dw: string, dm: string): string {
  return `IF(OR(${dw}="",${dm}=""),#N/A,IF(AND(${dm}>0,${dw}>=0),IF(${dw}<${dm},${dw}/${dm},1),#N/A))`;
}

/** The full amount in `full` for the share in cell `share`, to the cent. */
export function proratedFormula(full: string, share: string): string {
  return `ROUND(${full}*${share},2)`;
}

/** The same as PERF.PRORATE over the day counts, to the cent. */
export function proratedPerfFormula(full: string, dw: string, dm: string): string {
  return `ROUND(PERF.PRORATE(${full},${dw},${dm}),2)`;
}

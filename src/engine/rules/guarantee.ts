/**
 * 新人保底 (the new-hire guarantee): in months of service 1…N the month's pay is topped up to the
 * minimum; when the top-ups are recoverable, each later month's commission repays what is still
 * owed (never below 0), the rest carried forward. Value functions and the formulas that compute
 * the same over sheet cells, side by side; every amount to the cent as Excel's ROUND rounds.
 */
import { roundMoney } from "../numeric";

/**
 * Whether a month of service lies in the guarantee (1…months): false without one (NaN, a blank
 * cell: not a new hire the data knows of).
 */
export function onGuarantee(serviceMonth: number, months: number): boolean {
  return serviceMonth >= 1 && serviceMonth <= months;
}

/** The same over cell `svc` (blank: not on guarantee; an error propagates). */
export function onGuaranteeFormula(svc: string, months: string): string {
  return `IF(${svc}="",1=0,AND(${svc}>=1,${svc}<=${months}))`;
}

/** The top-up of a month: max(0, minimum − the month's gross before it) on guarantee, else 0. */
export function guaranteeTopUp(on: boolean, minimum: number, grossBefore: number): number {
  if (!on) return 0;
  if (Number.isNaN(grossBefore)) return NaN;
  const gap = roundMoney(minimum - grossBefore);
  return gap > 0 ? gap : 0;
}

/** The top-up cell over the on-guarantee cell, the minimum and the gross before the top-up. */
export function guaranteeTopUpFormula(on: string, minimum: string, grossBefore: string): string {
  return `IF(${on},MAX(0,ROUND(${minimum}-${grossBefore},2)),0)`;
}

/**
 * What a month off the guarantee repays of the top-ups still owed: as much of the month's net
 * commission (paid now less clawbacks) as there is, never more than is owed, never below 0.
 * NaN when the commission or the balance is unknown.
 */
export function guaranteeRecovered(owed: number, commissionNet: number): number {
  if (Number.isNaN(owed) || Number.isNaN(commissionNet)) return NaN;
  const available = commissionNet > 0 ? commissionNet : 0;
  return owed < available ? owed : available;
}

/** The same over the balance owed and the month's net commission cells. */
export function guaranteeRecoveredFormula(owed: string, commissionNet: string): string {
  return `MIN(${owed},MAX(0,${commissionNet}))`;
}

/**
 * Top-ups still owed after the month: opening + top-up − recovered (a month whose commission is
 * unknown repays nothing and carries the balance).
 */
export function guaranteeBalance(opening: number, topUp: number, recovered: number): number {
  return roundMoney(opening + topUp - (Number.isNaN(recovered) ? 0 : recovered));
}

/** The same over cells: `recovered` "" counts as 0. */
export function guaranteeBalanceFormula(opening: string, topUp: string, recovered: string): string {
  return `ROUND(${opening}+${topUp}-IF(${recovered}="",0,${recovered}),2)`;
}

/**
 * 团队提成: a team lead's override on the team's basis. The team basis of a month is the sum of
 * the members' basis cells in the ledger's row order (so a sheet's `+` chain adds them in the
 * engine's order, to the last bit), and is unreadable when any member's is; the team commission
 * is the tiered commission of it (the tiered-commission rule of commission.ts) rounded to the
 * cent as Excel's ROUND rounds.
 */
import { roundMoney } from "../numeric";
import { commissionPerfFormula, commissionUnchecked, tiersFormula, type Tier } from "./commission";
import type { CommissionMethod } from "./keywords";

/** The team basis: the members' amounts summed in order; NaN when any is NaN. */
export function teamBasis(amounts: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < amounts.length; i++) sum += amounts[i];
  return sum;
}

/**
 * The team basis of cells `members` (in the engine's order): #N/A when one is blank (a blank
 * reads "") or a `guards` condition fails (a member's "only row of the month" check), an error
 * when one is unreadable (it holds one). No members: 0.
 */
export function teamBasisFormula(members: readonly string[], guards: readonly string[]): string {
  if (members.length === 0) return "0";
  const conds = [...members.map((c) => `${c}<>""`), ...guards];
  // AND takes at most 255 arguments: larger teams are checked in groups of 200.
  const groups: string[] = [];
  for (let i = 0; i < conds.length; i += 200)
    groups.push(`AND(${conds.slice(i, i + 200).join(",")})`);
  const test = groups.length === 1 ? groups[0] : `AND(${groups.join(",")})`;
  return `IF(${test},${members.join("+")},#N/A)`;
}

/** The team commission of a team basis: the tiers over it (below 0 counts as 0), to the cent. */
export function teamCommissionValue(
  basis: number,
  bounds: ArrayLike<number>,
  rates: ArrayLike<number>,
  method: CommissionMethod
): number {
  return roundMoney(commissionUnchecked(basis > 0 ? basis : 0, bounds, rates, method));
}

/** The same with tiers as {from, rate} (tiers already checked by the plan's validation). */
export function teamCommissionOf(
  basis: number,
  tiers: readonly Tier[],
  method: CommissionMethod
): number {
  return teamCommissionValue(
    basis,
    tiers.map((t) => t.from),
    tiers.map((t) => t.rate),
    method
  );
}

/**
 * The team commission cell over the team basis cell `a`: native formulas take each tier's bound
 * and rate (`bounds`, `rates`, the rates as `rateRange`), PERF.* functions the tiers range
 * `tiersRange` (PERF.COMMISSION computes the tiers; the rounding is the ROUND around it).
 */
export function teamCommissionFormula(
  a: string,
  tiers: {
    bounds: readonly string[];
    rates: readonly string[];
    rateRange: string;
    tiersRange: string;
  },
  method: CommissionMethod,
  methodText: string,
  perf: boolean
): string {
  const amount = `MAX(${a},0)`;
  const gross = perf
    ? commissionPerfFormula(amount, tiers.tiersRange, methodText, null)
    : tiersFormula(`MAX(${a},0)`, tiers.bounds, tiers.rates, tiers.rateRange, method);
  return `ROUND(${gross},2)`;
}

/**
 * 分红 (the profit-share pool of a year): each person-year's basis is annual coefficient × annual
 * base salary; the share is pool × basis ÷ the year's total basis, rounded as Excel's ROUND
 * rounds to the plan's decimals (the cent, or the yuan). The shares are not forced to add up to
 * the pool: what rounding leaves over (or overshoots) is the pool's rounding difference, pool −
 * Σ shares to the cent, shown on its own line and paid to no one — so every share is exactly
 * the formula beside it, with no rank or tie-break to reproduce. The value functions and the
 * formulas that compute the same over sheet cells, side by side.
 */
import { excelRound, roundMoney } from "../numeric";

/** A person-year's basis: coefficient × annual base salary (NaN when either is missing). */
export function profitShareBasis(coefficient: number, annualBase: number): number {
  return coefficient * annualBase;
}

/** The basis cell: "" when the coefficient or the annual base is "" (or an error). */
export function profitShareBasisFormula(coefficient: string, annualBase: string): string {
  return `IF(OR(${coefficient}="",${annualBase}=""),"",IFERROR(${coefficient}*${annualBase},""))`;
}

/** The year's total basis, summed in row order (NaN bases left out, as SUMIFS leaves out ""). */
export function profitShareTotal(bases: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < bases.length; i++) if (!Number.isNaN(bases[i])) s += bases[i];
  return s;
}

/** The year's total basis cell: the bases of the rows of the same year. */
export function profitShareTotalFormula(
  basisRange: string,
  yearRange: string,
  year: string
): string {
  return `SUMIFS(${basisRange},${yearRange},${year})`;
}

/**
 * A share of the pool: pool × basis ÷ total, rounded to `decimals`; 0 when the total is 0 (no one
 * has a positive basis); NaN without a basis (not in the pool).
 */
export function profitShare(pool: number, basis: number, total: number, decimals: number): number {
  if (Number.isNaN(basis)) return NaN;
  if (!(total > 0)) return 0;
  return excelRound((pool * basis) / total, decimals);
}

/** The share cell over the pool, the basis, the year's total and the decimals. */
export function profitShareFormula(
  pool: string,
  basis: string,
  total: string,
  decimals: string
): string {
  return `IF(${basis}="","",IF(${total}>0,ROUND(${pool}*${basis}/${total},${decimals}),0))`;
}

/** What rounding leaves of the pool: pool − Σ shares (row order), to the cent. */
export function roundingDifference(pool: number, shares: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < shares.length; i++) if (!Number.isNaN(shares[i])) s += shares[i];
  return roundMoney(pool - s);
}

/** The rounding difference cell over the pool and the year's shares. */
export function roundingDifferenceFormula(
  pool: string,
  shareRange: string,
  yearRange: string,
  year: string
): string {
  return `ROUND(${pool}-SUMIFS(${shareRange},${yearRange},${year}),2)`;
}

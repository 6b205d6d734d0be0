/**
 * 申诉调整 (appeal adjustment): the recorded effects on pay of a salesperson's upheld appeals of an
 * evaluation period, summed to the cent, and the total pay with it. The adjustment goes into the
 * total with the bonus (PERF.PAY's bonus argument is bonus + appeal adjustment), so a period
 * without upheld appeals keeps its total to the bit.
 */
import { roundMoney } from "../numeric";

/** The adjustment of one person's period: the upheld amounts in sheet order, to the cent. */
export function appealAdjustment(amounts: readonly number[]): number {
  let s = 0;
  for (const a of amounts) s += a;
  return roundMoney(s);
}

/** The cells of the Appeals sheet the adjustment's formula sums over (whole columns, absolute). */
export interface AppealRanges {
  amount: string;
  id: string;
  period: string;
  status: string;
}

/**
 * The adjustment cell: SUMIFS of the effect-on-pay column over the rows of this id and period whose
 * status is upheld, in either language's word (a zh-CN sheet may hold a row typed in English), to
 * the cent.
 */
export function appealAdjustmentFormula(
  ranges: AppealRanges,
  idRef: string,
  periodRef: string,
  upheldWords: readonly string[]
): string {
  const sums = upheldWords.map(
    (w) =>
      `SUMIFS(${ranges.amount},${ranges.id},${idRef},${ranges.period},${periodRef},${ranges.status},"${w.replace(/"/g, '""')}")`
  );
  return `ROUND(${sums.join("+")},2)`;
}

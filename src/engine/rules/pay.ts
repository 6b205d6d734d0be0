/**
 * 应发薪酬: base + performance pay standard × coefficient + commission + bonus, to the cent; the
 * performance pay line is the standard × coefficient to the cent.
 */
import { numError, Result } from "../errors";
import { excelRound, roundMoney } from "../numeric";

/** PERF.PAY: base + performance pay × coefficient + commission + bonus, rounded to the cent. */
export function pay(
  base: number,
  performancePay: number,
  coefficientValue: number,
  commissionValue = 0,
  bonus = 0
): Result<number> {
  if (base < 0) return numError("payPartNegative", { arg: "base", value: base });
  if (performancePay < 0)
    return numError("payPartNegative", { arg: "performance_pay", value: performancePay });
  if (coefficientValue < 0)
    return numError("payPartNegative", { arg: "coefficient", value: coefficientValue });
  return totalPay(base, performancePay, coefficientValue, commissionValue, bonus);
}

/** The total pay line, parts already checked: the sum rounded to the cent once. */
export function totalPay(
  base: number,
  standard: number,
  coefficientValue: number,
  commissionValue: number,
  bonus: number
): number {
  return excelRound(base + standard * coefficientValue + commissionValue + bonus, 2);
}

/** The performance pay line: standard × coefficient, to the cent. */
export function performancePay(standard: number, coefficientValue: number): number {
  return roundMoney(standard * coefficientValue);
}

/**
 * The performance pay cell: "" without a coefficient (tested for: "" × a number is #VALUE! in
 * Excel and LibreOffice but 0 in HyperFormula) or when the product is an error.
 */
export function performancePayFormula(standard: string, coefficientRef: string): string {
  return `IF(${coefficientRef}="","",IFERROR(ROUND(${standard}*${coefficientRef},2),""))`;
}

/**
 * The total pay cell: "" when any part is "" or an error. A team commission cell `teamRef`
 * (团队提成) goes in with the commission, as the engine adds it: PERF.PAY's commission argument
 * is commission + team commission. An appeal adjustment cell `appealRef` (申诉调整) goes in with
 * the bonus: PERF.PAY's bonus argument is bonus + appeal adjustment.
 */
export function totalPayFormula(
  base: string,
  standard: string,
  coefficientRef: string,
  commissionRef: string,
  bonus: string,
  perf: boolean,
  teamRef: string | null = null,
  appealRef: string | null = null
): string {
  const parts = [
    base,
    standard,
    coefficientRef,
    commissionRef,
    ...(teamRef ? [teamRef] : []),
    bonus,
    ...(appealRef ? [appealRef] : []),
  ];
  const com = teamRef ? `${commissionRef}+${teamRef}` : commissionRef;
  const bon = appealRef ? `${bonus}+${appealRef}` : bonus;
  const sum = perf
    ? `PERF.PAY(${base},${standard},${coefficientRef},${com},${bon})`
    : `ROUND(${base}+${standard}*${coefficientRef}+${teamRef ? `(${com})` : com}+${appealRef ? `(${bon})` : bon},2)`;
  return `IF(OR(${parts.map((p) => `${p}=""`).join(",")}),"",IFERROR(${sum},""))`;
}

/** A money line summed over a range of months, to the cent ("" when the sum is an error). */
export function moneySumFormula(range: string): string {
  return `IFERROR(ROUND(SUM(${range}),2),"")`;
}

/** The month's performance-pay advance: its prorated standard × the advance share, to the cent. */
export function performanceAdvance(standard: number, share: number): number {
  return roundMoney(standard * share);
}

/** The advance cell over the month's standard and the advance share. */
export function performanceAdvanceFormula(standard: string, share: string): string {
  return `ROUND(${standard}*${share},2)`;
}

/**
 * The quarter-end true-up: the quarter's performance pay less the advances paid in its months
 * (summed in month order), to the cent; negative when the advances were more.
 */
export function performanceTrueUp(quarterPay: number, advances: ArrayLike<number>): number {
  let paid = 0;
  for (let i = 0; i < advances.length; i++) paid += advances[i];
  return roundMoney(quarterPay - paid);
}

/** The true-up cell over the quarter's performance pay and the range of its advances. */
export function performanceTrueUpFormula(quarterPay: string, advances: string): string {
  return `ROUND(${quarterPay}-SUM(${advances}),2)`;
}

/** One term of a pay list's sum: added, or (`minus`) deducted. */
export interface PayTerm<T> {
  value: T;
  minus?: boolean;
}

/** A pay list's sum of lines, left to right as written, to the cent. */
export function payLinesSum(terms: readonly PayTerm<number>[]): number {
  let s = 0;
  for (let i = 0; i < terms.length; i++) s = addTerm(s, i, terms[i].value, terms[i].minus);
  return roundMoney(s);
}

/**
 * {@link payLinesSum} of terms whose values are columns, at one row: the terms (their order and
 * signs) are built once for a whole pay list, not once per line.
 */
export function payLinesSumAt(terms: readonly PayTerm<ArrayLike<number>>[], row: number): number {
  // a loop of its own: a column's element never meets a boxed number, so nothing is allocated
  let s = 0;
  for (let i = 0; i < terms.length; i++) s = addTerm(s, i, terms[i].value[row], terms[i].minus);
  return roundMoney(s);
}

/** The running sum after term i of value v, left to right as written. */
function addTerm(s: number, i: number, v: number, minus: boolean | undefined): number {
  return i === 0 ? (minus ? -v : v) : minus ? s - v : s + v;
}

/** The same sum over cells, in the same order. */
export function payLinesSumFormula(terms: readonly PayTerm<string>[]): string {
  const expr = terms.map((t, i) => (t.minus ? "-" : i === 0 ? "" : "+") + t.value).join("");
  return `ROUND(${expr},2)`;
}

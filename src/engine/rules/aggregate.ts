/**
 * A field's value over a period from its months (the plan's aggregation of the field): "sum"
 * adds the months (blank if any month is blank, unless the field is optional), "mean" averages
 * the months that have a value, "last" takes the latest month that has one. An unreadable month
 * makes the period unreadable; a field no month has is absent.
 */
import type { Aggregation } from "../plan/model";

/** What a period's months hold for one field, tallied in month order. */
export interface MonthTally {
  invalid: boolean;
  anyBlank: boolean;
  allAbsent: boolean;
  /** Sum and count of the months that have a value, and the latest such value. */
  sum: number;
  count: number;
  last: number;
}

export type PeriodState = "ok" | "blank" | "invalid" | "absent";

/** The state of the period's value. */
export function periodState(rule: Aggregation, optional: boolean, t: MonthTally): PeriodState {
  if (t.invalid) return "invalid";
  if (t.allAbsent) return "absent";
  if (rule === "sum") return t.anyBlank && !optional ? "blank" : "ok";
  return t.count === 0 ? "blank" : "ok";
}

/** The period's value when its state is "ok". */
export function periodValue(rule: Aggregation, t: MonthTally): number {
  return rule === "sum" ? t.sum : rule === "mean" ? t.sum / t.count : t.last;
}

/**
 * The period value of a field over its month cells `cells` (in month order, the range `range`):
 * "" where the engine has a blank. A period value of "last" is the last filled cell; `none` is
 * the formula when no month has one ("" for a field, the plan's default for a setting).
 */
export function periodFormula(
  rule: Aggregation,
  optional: boolean,
  range: string,
  cells: readonly string[]
): string {
  const filled = `SUMPRODUCT((${range}<>"")*1)`;
  switch (rule) {
    case "sum":
      return optional ? `SUM(${range})` : `IF(SUMPRODUCT((${range}="")*1)>0,"",SUM(${range}))`;
    case "mean":
      return `IF(${filled}=0,"",SUM(${range})/${filled})`;
    case "last":
      return lastFilledFormula(range, cells, `""`);
  }
}

/** The last filled cell of `cells` (range `range`), `none` when none is; an error propagates. */
export function lastFilledFormula(range: string, cells: readonly string[], none: string): string {
  let nested = `""`;
  for (const x of cells) nested = `IF(${x}<>"",${x},${nested})`;
  return `IF(SUMPRODUCT((${range}<>"")*1)=0,${none},SUM(${range})*0+${nested})`;
}

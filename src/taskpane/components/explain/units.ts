import type { Unit } from "../../../engine";
import type { Formatter } from "../../format";

/** An indicator's input or target in its unit: whole amounts, percentages, counts or numbers. */
export function formatValue(format: Formatter, unit: Unit, value: number | null): string {
  switch (unit) {
    case "currency":
      return format.amount(value);
    case "ratio":
      return format.percent(value, 1);
    case "count":
      return format.number(value, 0);
    default:
      return format.number(value, 2);
  }
}

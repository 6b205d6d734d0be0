/**
 * Helpers the plan editor's sections share: how a section edits the draft plan, and which
 * validation issue belongs under which input (validatePlan gives every issue a path).
 */
import {
  formatMessage,
  type Indicator,
  type Issue,
  type Language,
  type Plan,
} from "../../../engine";

export interface SectionProps {
  plan: Plan;
  /** Applies a change to a copy of the draft plan. */
  edit(change: (draft: Plan) => void): void;
  issues: readonly Issue[];
  language: Language;
}

export interface Validation {
  state: "error" | "warning";
  message: string;
}

/** The most severe issue at exactly this path, worded for a field's validation message. */
export function validationAt(
  issues: readonly Issue[],
  path: string,
  language: Language
): Validation | undefined {
  const here = issues.filter((i) => i.path === path && i.severity !== "info");
  if (here.length === 0) return undefined;
  const worst = here.find((i) => i.severity === "error") ?? here[0];
  return {
    state: worst.severity === "error" ? "error" : "warning",
    message: here.map((i) => formatMessage(i.code, i.params, language)).join(" "),
  };
}

/** Issues at a path or below it (a dimension's issues include its indicators'). */
export function issuesUnder(issues: readonly Issue[], path: string): Issue[] {
  return issues.filter(
    (i) =>
      i.path === path ||
      (i.path ?? "").startsWith(path + ".") ||
      (i.path ?? "").startsWith(path + "[")
  );
}

/** Sum of fractions without float noise (0.1 + 0.2 shows as 0.3). */
export function total(values: readonly number[]): number {
  return Number(values.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0).toPrecision(12));
}

/** A new indicator for a dimension: a free key, the first measure field, linear on a target. */
export function newIndicator(plan: Plan, dimension: string): Indicator {
  const keys = new Set(plan.indicators.map((i) => i.key));
  let n = 1;
  while (keys.has(`indicator_${n}`)) n++;
  const measure = plan.fields.find((f) => f.role === "measure") ?? plan.fields[0];
  return {
    key: `indicator_${n}`,
    name: { en: "", zh: "" },
    dimension,
    weight: 0,
    unit: measure?.unit ?? "count",
    direction: "higher",
    input: { kind: "field", field: measure?.key ?? "" },
    scoring: { method: "linear", floor: 0, cap: 1.2, fullScore: 100 },
    target: { field: null, default: 1 },
    missing: "error",
  };
}

/** Adds an indicator after the last of its dimension (the plan's order is the sheet's). */
export function addIndicator(draft: Plan, indicator: Indicator): void {
  let at = draft.indicators.length;
  draft.indicators.forEach((i, k) => {
    if (i.dimension === indicator.dimension) at = k + 1;
  });
  draft.indicators.splice(at, 0, structuredClone(indicator));
}

/** Whether an indicator may be removed: not the last of its dimension (a dimension needs one). */
export function canRemoveIndicator(plan: Plan, index: number): boolean {
  const d = plan.indicators[index]?.dimension;
  return plan.indicators.filter((i) => i.dimension === d).length > 1;
}

/** Removes an indicator (refused for the last of its dimension); the weights are re-checked by validation. */
export function removeIndicator(draft: Plan, index: number): void {
  if (!canRemoveIndicator(draft, index)) return;
  draft.indicators.splice(index, 1);
}

/** A dimension's indicator weights summed, with a change: one indicator more or one less. */
export function dimensionTotal(plan: Plan, dimension: string, except = -1, extra = 0): number {
  return total([
    ...plan.indicators
      .filter((i, k) => i.dimension === dimension && k !== except)
      .map((i) => i.weight),
    extra,
  ]);
}

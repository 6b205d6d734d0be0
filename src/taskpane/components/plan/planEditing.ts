/**
 * Helpers the plan editor's sections share: how a section edits the draft plan, and which
 * validation issue belongs under which input (validatePlan gives every issue a path).
 */
import { formatMessage, type Issue, type Language, type Plan } from "../../../engine";

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

/**
 * The keyword arguments of the rules (direction, curve mode, missing-score policy, commission
 * method) and the spellings the contract accepts for each (matched trimmed, case-insensitive).
 */
import { Result, valueError } from "../errors";
import { excelRound } from "../numeric";

export type Direction = "higher" | "lower";
export type CurveMode = "linear" | "step";
export type MissingPolicy = "error" | "zero" | "renormalize";
export type CommissionMethod = "marginal" | "whole";

/** A label or keyword as compared: trimmed, lower case. */
export function key(text: string): string {
  return text.trim().toLowerCase();
}

export const DIRECTIONS: Readonly<Record<string, Direction>> = {
  higher: "higher",
  lower: "lower",
  高: "higher",
  低: "lower",
};
export const CURVE_MODES: Readonly<Record<string, CurveMode>> = {
  linear: "linear",
  线性: "linear",
  step: "step",
  阶梯: "step",
};
export const MISSING_POLICIES: Readonly<Record<string, MissingPolicy>> = {
  error: "error",
  报错: "error",
  zero: "zero",
  计零: "zero",
  renormalize: "renormalize",
  重新分配: "renormalize",
};
export const COMMISSION_METHODS: Readonly<Record<string, CommissionMethod>> = {
  marginal: "marginal",
  超额累进: "marginal",
  whole: "whole",
  全额累进: "whole",
};

function lookup<T>(table: Readonly<Record<string, T>>, text: string): T | undefined {
  const k = key(text);
  return Object.prototype.hasOwnProperty.call(table, k) ? table[k] : undefined;
}

export function parseDirection(text: string): Result<Direction> {
  return lookup(DIRECTIONS, text) ?? valueError("badDirection", { value: text });
}
export function parseCurveMode(text: string): Result<CurveMode> {
  return lookup(CURVE_MODES, text) ?? valueError("badCurveMode", { value: text });
}
export function parseMissingPolicy(text: string): Result<MissingPolicy> {
  return lookup(MISSING_POLICIES, text) ?? valueError("badMissing", { value: text });
}
export function parseCommissionMethod(text: string): Result<CommissionMethod> {
  return lookup(COMMISSION_METHODS, text) ?? valueError("badCommissionMethod", { value: text });
}

/** How a weight or share sum is shown in a message: as a percentage when written as fractions. */
export function describeSum(total: number): string {
  const shown =
    Math.abs(total) <= 2 ? excelRound(total * 100, 6) + "%" : String(excelRound(total, 6));
  return shown;
}

/**
 * Bad input is returned, never thrown: every calculation returns its value or a PerfError.
 * The kind maps one-to-one onto an Excel error value; only the custom-function layer turns a
 * PerfError into a CustomFunctions.Error, and only the UI formats its message.
 */
import type { MessageKey, MessageParams } from "./messages";

export type ErrorKind = "VALUE" | "NA" | "NUM" | "DIV0";

/** The Excel error value each kind stands for. */
export const EXCEL_ERROR_TEXT: Record<ErrorKind, string> = {
  VALUE: "#VALUE!",
  NA: "#N/A",
  NUM: "#NUM!",
  DIV0: "#DIV/0!",
};

export class PerfError {
  constructor(
    readonly kind: ErrorKind,
    readonly key: MessageKey,
    readonly params: MessageParams = {}
  ) {}

  toString(): string {
    return EXCEL_ERROR_TEXT[this.kind];
  }
}

export function isError(v: unknown): v is PerfError {
  return v instanceof PerfError;
}

export function valueError(key: MessageKey, params?: MessageParams): PerfError {
  return new PerfError("VALUE", key, params);
}
export function naError(key: MessageKey, params?: MessageParams): PerfError {
  return new PerfError("NA", key, params);
}
export function numError(key: MessageKey, params?: MessageParams): PerfError {
  return new PerfError("NUM", key, params);
}
export function div0Error(key: MessageKey, params?: MessageParams): PerfError {
  return new PerfError("DIV0", key, params);
}

/** A calculation's outcome: its value, or why there is none. */
export type Result<T> = T | PerfError;

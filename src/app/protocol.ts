/**
 * The messages between the pane and its worker (src/worker). The pane sends a task's long arrays
 * as slices (or references to those the worker holds already), then `run`; the worker answers
 * with `progress`, the result's slices and `result`, or `error`, or `missing` when it no longer
 * holds what the input refers to. `cancel` drops a task (the pane also ends a worker whose task is running, which
 * cannot read messages until it finishes).
 */
import { PlanInvalidError, type Issue } from "../engine";
import { HostError } from "./host";
import type { Slice } from "./transport";
import type { TaskName } from "./tasks";

export type ToWorker =
  | { type: "slice"; id: number; slice: Slice }
  | { type: "run"; id: number; task: TaskName; input: unknown }
  | { type: "cancel"; id: number };

/** An error as data: what the pane needs to show it and to tell its kind. */
export interface TaskError {
  name: string;
  message: string;
  /** HostError's code and debug info. */
  code?: string;
  debugInfo?: unknown;
  /** PlanInvalidError's issues. */
  issues?: unknown[];
}

export type FromWorker =
  | { type: "progress"; id: number; done: number; total: number; stage?: string }
  | { type: "slice"; id: number; slice: Slice }
  | { type: "result"; id: number; value: unknown }
  /** The task's input refers to values the worker no longer holds: send it again in full. */
  | { type: "missing"; id: number }
  | { type: "error"; id: number; error: TaskError };

/** An error thrown by a task, as data. */
export function errorData(e: unknown): TaskError {
  if (!(e instanceof Error)) return { name: "Error", message: String(e) };
  const out: TaskError = { name: e.name, message: e.message };
  if (e instanceof HostError) {
    out.code = e.code;
    out.debugInfo = e.debugInfo;
  }
  if (e instanceof PlanInvalidError) {
    out.name = "PlanInvalidError";
    out.issues = e.issues;
  }
  return out;
}

/** The error again, of the class the pane tells it by (HostError, PlanInvalidError). */
export function errorOf(data: TaskError): Error {
  if (data.name === "PlanInvalidError") return new PlanInvalidError((data.issues ?? []) as Issue[]);
  if (data.code !== undefined) return new HostError(data.message, data.code, data.debugInfo);
  const e = new Error(data.message);
  e.name = data.name;
  return e;
}

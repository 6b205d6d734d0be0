/**
 * Structured cloning (the pane to its worker and back) keeps data, not classes: an Evaluation
 * that crossed gets its class instances back here — its 360 feedback index and its frames (whose
 * sources the transport made before they crossed). Everything else in it is plain data, typed
 * arrays, Maps and Sets, which cross as they are (test/app/worker-protocol.test.ts proves a cloned
 * evaluation lays out and scores exactly as the original).
 */
import { FeedbackIndex, reviveFrame, type Evaluation } from "../engine";

/** How deep the frames of an evaluation lie (ev.periods.frame, ev.annual.grading…). */
const DEPTH = 4;

export function reviveEvaluation(e: Evaluation): Evaluation {
  if (e.feedback && !(e.feedback instanceof FeedbackIndex))
    Object.setPrototypeOf(e.feedback, FeedbackIndex.prototype);
  reviveFrames(e, 0, new Set());
  return e;
}

/** Gives every frame in a value its class back (objects only: frames never sit in arrays). */
function reviveFrames(v: unknown, depth: number, seen: Set<object>): void {
  if (typeof v !== "object" || v === null || Array.isArray(v) || ArrayBuffer.isView(v)) return;
  if (v instanceof Map || v instanceof Set || seen.has(v)) return;
  seen.add(v);
  if (reviveFrame(v) || depth >= DEPTH) return;
  for (const w of Object.values(v as Record<string, unknown>)) reviveFrames(w, depth + 1, seen);
}

/**
 * Structured cloning (the pane to its worker and back) keeps data, not classes: an Evaluation
 * that crossed gets its class instances back here. Everything else in it is plain data, typed
 * arrays, Maps and Sets, which cross as they are (test/app/worker-protocol.test.ts proves a cloned
 * evaluation lays out and scores exactly as the original).
 */
import { FeedbackIndex, type Evaluation } from "../engine";

export function reviveEvaluation(e: Evaluation): Evaluation {
  if (e.feedback && !(e.feedback instanceof FeedbackIndex))
    Object.setPrototypeOf(e.feedback, FeedbackIndex.prototype);
  return e;
}

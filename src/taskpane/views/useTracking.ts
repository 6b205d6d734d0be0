/**
 * The Tracking view's numbers, worked out by the pane's compute (its worker in Excel) so that a
 * large sales force does not hold the pane: the evaluation of the whole data and the months it
 * can track (task `tracking`, again when the plan or the data check changes), then the chosen
 * month's salespeople (task `trackingList`, again when the month or the language changes). A
 * result of inputs that changed meanwhile is dropped (its task cancelled), never shown.
 */
import * as React from "react";
import type { Evaluation, Language, Plan } from "../../engine";
import { isCancelled } from "../../app/compute";
import type { TrackingList } from "../../app/tracking";
import type { DataCheck } from "../../app/workflow";
import { useCompute } from "../hostContext";
import { errorText } from "../useAction";

export interface Tracking {
  /** The evaluation the list and the write read; null until worked out. */
  evaluation: Evaluation | null;
  months: string[];
  /** The month shown: the one picked, else the last that can be tracked ("" when none). */
  chosen: string;
  /** The chosen month's salespeople of every team; null while worked out. */
  list: TrackingList | null;
  busy: boolean;
  error: string | null;
  retry(): void;
}

interface Evaluated {
  plan: Plan;
  check: DataCheck;
  evaluation: Evaluation;
  months: string[];
}

interface Listed {
  evaluation: Evaluation;
  month: string;
  language: Language;
  list: TrackingList | null;
}

/** Runs `work` with a signal aborted when the effect's inputs change; its failure is `fail`ed. */
function useTask(
  work: ((signal: AbortSignal) => Promise<void>) | null,
  fail: (e: unknown) => void
): void {
  React.useEffect(() => {
    if (!work) return;
    const abort = new AbortController();
    work(abort.signal).catch((e: unknown) => {
      if (!abort.signal.aborted && !isCancelled(e)) fail(e);
    });
    return () => abort.abort();
  }, [work, fail]);
}

export function useTracking(
  plan: Plan | null,
  check: DataCheck | null,
  month: string,
  language: Language
): Tracking {
  const compute = useCompute();
  const [evaluated, setEvaluated] = React.useState<Evaluated | null>(null);
  const [listed, setListed] = React.useState<Listed | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [attempt, setAttempt] = React.useState(0);
  const fail = React.useCallback((e: unknown) => setError(errorText(e)), []);

  const evaluate = React.useMemo(() => {
    if (!plan || !check || !check.data.rows.length) return null;
    return async (signal: AbortSignal) => {
      setError(null);
      const r = await compute.task("tracking", { plan, check }, { signal });
      if (!signal.aborted) setEvaluated({ plan, check, ...r });
    };
    // attempt: a retry runs the task again
  }, [plan, check, compute, attempt]); // eslint-disable-line react-hooks/exhaustive-deps
  useTask(evaluate, fail);

  // what was worked out for other inputs is not shown
  const fresh =
    evaluated && evaluated.plan === plan && evaluated.check === check ? evaluated : null;
  const months = fresh?.months ?? [];
  const chosen = month || months[months.length - 1] || "";
  const evaluation = fresh?.evaluation ?? null;
  const list = React.useMemo(() => {
    if (!evaluation || !chosen) return null;
    return async (signal: AbortSignal) => {
      setError(null);
      const r = await compute.task(
        "trackingList",
        { evaluation, month: chosen, language },
        { signal }
      );
      if (!signal.aborted) setListed({ evaluation, month: chosen, language, list: r });
    };
  }, [evaluation, chosen, language, compute]);
  useTask(list, fail);

  const current =
    listed &&
    listed.evaluation === evaluation &&
    listed.month === chosen &&
    listed.language === language
      ? listed
      : null;
  const busy =
    !error && Boolean(plan && check?.data.rows.length) && (!fresh || (!!chosen && !current));
  return {
    evaluation,
    months,
    chosen,
    list: current?.list ?? null,
    busy,
    error,
    retry: () => setAttempt((n) => n + 1),
  };
}

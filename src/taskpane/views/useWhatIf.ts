/**
 * The What-if view's state: a draft copy of the plan and its edits, the periods compared (the
 * Data sheet's open ones, or the one chosen), the engine's comparison, and applying the draft to
 * the Plan sheet as a new version or discarding it.
 */
import * as React from "react";
import { hasErrors, validatePlan, type Issue, type Plan, type WhatIfResult } from "../../engine";
import { evaluationPeriods, selectReading } from "../../app/workflow";
import { useCompute, useHost } from "../hostContext";
import type { TaskInput } from "../../app/tasks";
import { nextVersion, planChanges, today, type PlanChange } from "../planChanges";
import { useSession } from "../session";
import { useAction, type Action } from "../useAction";

export interface WhatIf {
  draft: Plan | null;
  /** Applies a change to a copy of the draft plan. */
  edit(change: (p: Plan) => void): void;
  /** The draft's validation issues; with errors there is no comparison. */
  issues: Issue[];
  errors: boolean;
  changes: PlanChange[];
  result: WhatIfResult | null;
  /** The period compared, or "" for all the open ones. */
  scope: string;
  setScope(scope: string): void;
  /** The open periods that can be chosen. */
  periods: string[];
  closed: Set<string>;
  /** The version the draft was last applied as. */
  applied: string | null;
  version: string;
  setVersion(version: string): void;
  effective: string;
  setEffective(date: string): void;
  save: Action;
  apply(): Promise<void>;
  discard(): void;
}

type Comparison = TaskInput<"whatIf">;

/**
 * The what-if comparison of the latest input, computed by the pane's compute one at a time: an
 * input given while one runs replaces any other waiting, and a result whose input has been
 * replaced is not shown.
 */
function useComparison(input: Comparison | null): WhatIfResult | null {
  const compute = useCompute();
  const [shown, setShown] = React.useState<{ input: Comparison; result: WhatIfResult } | null>(
    null
  );
  const running = React.useRef(false);
  const latest = React.useRef<Comparison | null>(null);
  React.useEffect(() => {
    latest.current = input;
    if (!input || running.current) return;
    const next = async () => {
      running.current = true;
      try {
        for (let asked = latest.current; asked;) {
          const result = await compute.task("whatIf", asked);
          if (latest.current === asked) setShown({ input: asked, result });
          asked = latest.current === asked ? null : latest.current;
        }
      } catch {
        setShown(null); // no comparison rather than a stale one
      } finally {
        running.current = false;
      }
    };
    void next();
  }, [input, compute]);
  return shown && input && shown.input === input ? shown.result : null;
}

export function useWhatIf(): WhatIf {
  const host = useHost();
  const { language, plan, loadPlan, check, closing, confirmReplace } = useSession();
  const save = useAction();
  const [draft, setDraft] = React.useState<Plan | null>(() =>
    plan ? structuredClone(plan) : null
  );
  const [dirty, setDirty] = React.useState(false);
  const [applied, setApplied] = React.useState<string | null>(null);
  const [scope, setScope] = React.useState("");
  const [version, setVersion] = React.useState("");
  const [effective, setEffective] = React.useState(today());

  // a plan read again from the sheet replaces the draft unless it holds unapplied changes
  const [seenPlan, setSeenPlan] = React.useState(plan);
  if (plan !== seenPlan) {
    setSeenPlan(plan);
    if (plan && !dirty) setDraft(structuredClone(plan));
  }

  const edit = React.useCallback((change: (p: Plan) => void) => {
    setDraft((d) => {
      if (!d) return d;
      const next = structuredClone(d);
      change(next);
      return next;
    });
    setDirty(true);
    setApplied(null);
  }, []);

  const closed = React.useMemo(() => new Set(closing?.closed.keys() ?? []), [closing]);
  const periods = React.useMemo(
    () =>
      plan && check ? evaluationPeriods(check.data.rows, plan).filter((p) => !closed.has(p)) : [],
    [plan, check, closed]
  );
  const inScope = React.useMemo(() => {
    if (!plan || !check) return null;
    const reading = selectReading(check.data, plan, scope, "", closed);
    const ids = new Set(reading.rows.map((r) => r.id));
    return { rows: reading.rows, ratings: check.feedback.ratings.filter((r) => ids.has(r.id)) };
  }, [plan, check, scope, closed]);

  const issues = React.useMemo(() => (draft ? validatePlan(draft) : []), [draft]);
  const errors = hasErrors(issues);
  const changes = React.useMemo(
    () => (plan && draft ? planChanges(plan, draft, language) : []),
    [plan, draft, language]
  );
  // the comparison follows the edits without holding up the typing: it runs off the pane's
  // thread (compute), the latest draft only — edits made meanwhile wait for the one under way
  const deferred = React.useDeferredValue(draft);
  const comparison = React.useMemo(
    () =>
      plan && deferred && inScope && !errors
        ? { plan, draft: deferred, rows: inScope.rows, ratings: inScope.ratings }
        : null,
    [plan, deferred, inScope, errors]
  );
  const result = useComparison(comparison);

  const discard = () => {
    if (plan) setDraft(structuredClone(plan));
    setDirty(false);
  };

  const apply = () =>
    save.run(async () => {
      if (!draft || !plan) return;
      const v = (version || nextVersion(plan.version)).trim();
      const next: Plan = { ...structuredClone(draft), version: v, effectiveDate: effective };
      const written = await host.writePlan(next, language, { confirmReplace });
      if (written.cancelled) return;
      await loadPlan();
      setDirty(false);
      setVersion("");
      setApplied(v);
    });

  return {
    draft,
    edit,
    issues,
    errors,
    changes,
    result,
    scope,
    setScope,
    periods,
    closed,
    applied,
    version,
    setVersion,
    effective,
    setEffective,
    save,
    apply,
    discard,
  };
}

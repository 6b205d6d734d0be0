/**
 * The What-if view's state: a draft copy of the plan and its edits, the periods compared (the
 * Data sheet's open ones, or the one chosen), the engine's comparison, and applying the draft to
 * the Plan sheet as a new version or discarding it.
 */
import * as React from "react";
import {
  hasErrors,
  validatePlan,
  whatIf,
  type Issue,
  type Plan,
  type WhatIfResult,
} from "../../engine";
import { evaluationPeriods, selectReading } from "../../app/workflow";
import { useHost } from "../hostContext";
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
  // the comparison follows the edits without holding up the typing
  const deferred = React.useDeferredValue(draft);
  const result: WhatIfResult | null = React.useMemo(() => {
    if (!plan || !deferred || !inScope || errors) return null;
    return whatIf(plan, deferred, inScope.rows, inScope.ratings);
  }, [plan, deferred, inScope, errors]);

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

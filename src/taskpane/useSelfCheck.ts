/**
 * The self-check for the Generate view: right after writing, and as Verify workbook at any time;
 * rewriting a disagreeing sheet as values; and, once per workbook, whether this Excel spills
 * formulas (a PERF.DISTRIBUTE typed by hand shows one value where it does not).
 */
import * as React from "react";
import type { Plan } from "../engine";
import type { SheetRole } from "../workbook/layout";
import type { CheckReport } from "../workbook/verify";
import { type OutputRequest } from "../app/host";
import { useCompute, useHost } from "./hostContext";
import { useAction, type Action } from "./useAction";
import {
  recordAsValues,
  saveGenerateRecord,
  verifyWorkbook,
  type InputChange,
} from "../app/verify";

export const SPILL_SETTING = "perf.dynamicArrays";

export interface SelfCheckState {
  report: CheckReport;
  /** What the report checked against (rewriting a sheet lays it out again from it). */
  request: OutputRequest;
  /** Verify workbook only. */
  inputs?: InputChange[];
  planChanged?: boolean;
}

export interface SelfCheck {
  state: SelfCheckState | null;
  /** Verify found nothing generated in this workbook yet. */
  noRecord: boolean;
  /** False when this Excel was found not to spill formulas. */
  spills: boolean | undefined;
  /** The sheet last rewritten as values. */
  rewritten: string | null;
  check: Action;
  rewrite: Action;
  afterGenerate(request: OutputRequest, options: { period: string; group: string }): Promise<void>;
  verify(plan: Plan): Promise<void>;
  rewriteAsValues(role: SheetRole, sheet: string): Promise<void>;
}

export function useSelfCheck(): SelfCheck {
  const host = useHost();
  const compute = useCompute();
  const check = useAction();
  const rewrite = useAction();
  const [state, setState] = React.useState<SelfCheckState | null>(null);
  const [noRecord, setNoRecord] = React.useState(false);
  const [rewritten, setRewritten] = React.useState<string | null>(null);
  const known = host.settings.get(SPILL_SETTING);
  const [spills, setSpills] = React.useState<boolean | undefined>(
    known === null ? undefined : known === "true"
  );

  const afterGenerate = async (
    request: OutputRequest,
    options: { period: string; group: string }
  ) => {
    setRewritten(null);
    await check.run(async () => {
      // the record of what was generated, worked out (and its JSON written) off the pane's thread
      const { evaluation: _evaluation, ...inputs } = request;
      const at = new Date().toISOString();
      const record = await compute.task("generateRecord", { request: inputs, options, at });
      await saveGenerateRecord(host.settings, record);
      setState({ report: await host.checkOutputs(request), request });
      if (request.style === "perf" && spills === undefined) {
        const found = await host.dynamicArrays();
        if (found !== undefined) {
          setSpills(found);
          await host.settings.set(SPILL_SETTING, String(found));
        }
      }
    });
  };

  const verify = async (plan: Plan) => {
    setRewritten(null);
    await check.run(async () => {
      const r = await verifyWorkbook(host, plan);
      setNoRecord(r === null);
      setState(
        r && { report: r.check, request: r.request, inputs: r.inputs, planChanged: r.planChanged }
      );
    });
  };

  const rewriteAsValues = async (role: SheetRole, sheet: string) => {
    if (!state) return;
    const done = await rewrite.run(async () => {
      await host.rewriteAsValues(state.request, role);
      await recordAsValues(host.settings, role);
      return true;
    });
    if (done) setRewritten(sheet);
  };

  return {
    state,
    noRecord,
    spills,
    rewritten,
    check,
    rewrite,
    afterGenerate,
    verify,
    rewriteAsValues,
  };
}

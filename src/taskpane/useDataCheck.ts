/**
 * The plan and the data check a view needs, read from the workbook when the session has not got
 * them yet (the Generate view reads them the same way).
 */
import * as React from "react";
import { useCompute, useHost } from "./hostContext";
import { useSession } from "./session";
import { useAction, type Action } from "./useAction";
import { checkWorkbook } from "../app/workflow";

export function useDataCheck(): Action {
  const host = useHost();
  const compute = useCompute();
  const { workbook, plan, loadPlan, check, setCheck } = useSession();
  const prepare = useAction();
  const { run } = prepare;
  const hasSheet = Boolean(workbook?.sheets.plan);
  React.useEffect(() => {
    if (!hasSheet || check) return;
    void run(async () => {
      const p = plan ?? (await loadPlan()).plan;
      if (p) setCheck(await checkWorkbook(host, p, compute));
    });
    // read once per Plan sheet and data check
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hasSheet, check]);
  return prepare;
}

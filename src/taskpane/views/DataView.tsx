import * as React from "react";
import { checkWorkbook } from "../../app/workflow";
import { FeedbackImport } from "../components/FeedbackImport";
import { NeedsPlanWorkbook } from "../components/NeedsPlanWorkbook";
import { ViewTitle } from "../components/ViewTitle";
import { useCompute, useHost } from "../hostContext";
import { useSession } from "../session";
import { useAction } from "../useAction";
import { DataCheckSection } from "./DataCheckSection";
import { DataImportSection } from "./DataImportSection";
import { useDataImport } from "./useDataImport";

/**
 * Data: import a CRM export (CSV) or a selection into the Data sheet through a column mapping the
 * pane remembers, then check the Data sheet and list every problem by sheet, row and column.
 */
export function DataView(): React.JSX.Element {
  const host = useHost();
  const compute = useCompute();
  const { strings: t, workbook, plan, loadPlan, setCheck } = useSession();
  const data = useDataImport();
  const checking = useAction();
  const hasSheet = Boolean(workbook?.sheets.data);

  const runCheck = () =>
    checking.run(async () => {
      const current = plan ?? (await loadPlan()).plan;
      if (!current) return;
      setCheck(await checkWorkbook(host, current, compute));
    });

  if (workbook && !hasSheet) {
    return (
      <>
        <ViewTitle>{t.data.title}</ViewTitle>
        <NeedsPlanWorkbook />
      </>
    );
  }

  return (
    <>
      <ViewTitle>{t.data.title}</ViewTitle>
      <DataImportSection data={data} plan={plan} />
      {plan && <FeedbackImport plan={plan} onImported={() => void runCheck()} />}
      <DataCheckSection checking={checking} onCheck={() => void runCheck()} />
    </>
  );
}

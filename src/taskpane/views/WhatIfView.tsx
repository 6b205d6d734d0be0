import * as React from "react";
import {
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
} from "@fluentui/react-components";
import { useSession } from "../session";
import { useDataCheck } from "../useDataCheck";
import { ErrorBar } from "../components/ErrorBar";
import { NeedsPlanWorkbook } from "../components/NeedsPlanWorkbook";
import { ViewTitle } from "../components/ViewTitle";
import { useWhatIf } from "./useWhatIf";
import { WhatIfApplied, WhatIfApply } from "./WhatIfApply";
import { WhatIfChanges } from "./WhatIfChanges";
import { WhatIfEditor } from "./WhatIfEditor";
import { WhatIfEffect } from "./WhatIfEffect";

/**
 * What-if: edit a copy of the plan (tier rates, weights and targets, grade bands, coefficients and
 * quotas, with the Plan editor's own controls) and see, before anything is written, each
 * salesperson's pay and grade now and with the change, and the cost of the change in total and
 * by team (the engine's whatIf over the Data sheet's open periods). Apply writes the changed plan
 * to the Plan sheet as a new version; Discard forgets it.
 */
export function WhatIfView(): React.JSX.Element {
  const { strings: t, language, workbook, plan, check } = useSession();
  const prepare = useDataCheck();
  const w = useWhatIf();
  const [onlyChanged, setOnlyChanged] = React.useState(true);
  const [showAll, setShowAll] = React.useState(false);
  const hasSheet = Boolean(workbook?.sheets.plan);

  if (workbook && !hasSheet) {
    return (
      <>
        <ViewTitle>{t.whatIf.title}</ViewTitle>
        <NeedsPlanWorkbook />
      </>
    );
  }

  const { draft, changes, closed, result } = w;
  return (
    <>
      <ViewTitle>{t.whatIf.title}</ViewTitle>
      <Text size={200}>{t.whatIf.intro}</Text>
      {prepare.busy && <Spinner size="tiny" label={t.common.working} />}
      <ErrorBar error={prepare.error} />
      {check && check.data.rows.length === 0 && (
        <MessageBar intent="info">
          <MessageBarBody>{t.whatIf.noData}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={t.whatIf.scope} size="small">
        <Select size="small" value={w.scope} onChange={(_, d) => w.setScope(d.value)}>
          <option value="">{t.whatIf.allOpen}</option>
          {w.periods.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </Select>
      </Field>
      {closed.size > 0 && <Caption1>{t.whatIf.closedOut([...closed].sort().join(", "))}</Caption1>}
      <WhatIfChanges changes={changes} issues={w.issues} errors={w.errors} />
      {changes.length > 0 && result && (
        <WhatIfEffect
          result={result}
          onlyChanged={onlyChanged}
          setOnlyChanged={setOnlyChanged}
          showAll={showAll}
          setShowAll={setShowAll}
        />
      )}
      {changes.length > 0 && plan && <WhatIfApply whatIf={w} plan={plan} />}
      {w.applied && <WhatIfApplied version={w.applied} />}
      {draft && <WhatIfEditor plan={draft} edit={w.edit} issues={w.issues} language={language} />}
    </>
  );
}

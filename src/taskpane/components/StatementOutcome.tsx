import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { useHost } from "../hostContext";
import { useStrings } from "../session";
import type { StatementWriter } from "../useStatementWriter";
import { ErrorBar } from "./ErrorBar";

export interface StatementOutcomeProps {
  writer: StatementWriter;
  onRetry: () => void;
}

/** What a statement write did: added (with "show it"), statements that changed (update?), skipped ones. */
export function StatementOutcome({ writer, onRetry }: StatementOutcomeProps): React.JSX.Element {
  const t = useStrings();
  const host = useHost();
  const o = writer.outcome;
  const list = (xs: { id: string; period: string }[]) =>
    xs.map((s) => `${s.id} ${s.period}`).join(", ");
  const skippedChanged = o?.skipped.filter((s) => s.reason === "inputsChanged") ?? [];
  const skippedMissing = o?.skipped.filter((s) => s.reason === "notInData") ?? [];
  const location = o?.result.location;
  return (
    <>
      <ErrorBar error={writer.action.error} onRetry={onRetry} />
      {o && o.result.changed && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.statements.changed(o.result.changed.join(", "))}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" disabled={writer.action.busy} onClick={() => void writer.update()}>
              {t.statements.update}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {o && !o.result.changed && !o.result.cancelled && o.added.length > 0 && (
        <MessageBar intent="success">
          <MessageBarBody>
            {o.added.length === 1
              ? t.explain.written(o.result.sheets[0] ?? "")
              : t.statements.written(o.added.length, o.result.sheets[0] ?? "")}
          </MessageBarBody>
          {location && (
            <MessageBarActions>
              <Button size="small" onClick={() => void host.goToCell(location)}>
                {t.explain.show}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {o && o.added.length === 0 && o.skipped.length === 0 && !o.result.changed && (
        <MessageBar intent="info">
          <MessageBarBody>{t.statements.nothingNew}</MessageBarBody>
        </MessageBar>
      )}
      {skippedChanged.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {t.statements.skippedChanged(list(skippedChanged.map((s) => s.subject)))}
          </MessageBarBody>
        </MessageBar>
      )}
      {skippedMissing.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {t.statements.skippedMissing(list(skippedMissing.map((s) => s.subject)))}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

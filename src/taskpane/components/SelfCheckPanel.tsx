import * as React from "react";
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { CheckmarkCircleRegular } from "@fluentui/react-icons";
import { useHost } from "../hostContext";
import { useSession } from "../session";
import type { SelfCheck } from "../useSelfCheck";
import { CheckReportView } from "./CheckReportView";
import { ErrorBar } from "./ErrorBar";

export interface SelfCheckPanelProps {
  selfCheck: SelfCheck;
  /** Whether the workbook has output sheets to verify. */
  canVerify: boolean;
}

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

/** Verify workbook, and the self-check's report after Generate or Verify. */
export function SelfCheckPanel({ selfCheck, canVerify }: SelfCheckPanelProps): React.JSX.Element {
  const styles = useStyles();
  const host = useHost();
  const { strings: t, plan, loadPlan } = useSession();
  const { state, check, rewrite } = selfCheck;
  const verify = async () => {
    const current = plan ?? (await loadPlan()).plan;
    if (current) await selfCheck.verify(current);
  };
  return (
    <div className={styles.section}>
      <div>
        <Button
          icon={<CheckmarkCircleRegular />}
          disabled={check.busy || !canVerify || !host.available()}
          onClick={() => void verify()}
        >
          {check.busy ? t.check.verifying : t.check.verify}
        </Button>
      </div>
      <Caption1>{t.check.verifyHint}</Caption1>
      {check.busy && <Spinner size="tiny" label={t.check.checking} />}
      <ErrorBar error={check.error} onRetry={() => void verify()} />
      {selfCheck.noRecord && !check.busy && (
        <MessageBar intent="info">
          <MessageBarBody>{t.check.noRecord}</MessageBarBody>
        </MessageBar>
      )}
      {selfCheck.spills === false && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.check.noSpill}</MessageBarBody>
        </MessageBar>
      )}
      {selfCheck.rewritten && (
        <MessageBar intent="success">
          <MessageBarBody>{t.check.rewritten(selfCheck.rewritten)}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar error={rewrite.error} />
      {state && !check.busy && (
        <CheckReportView
          report={state.report}
          inputs={state.inputs}
          planChanged={state.planChanged}
          onGoTo={(l) => void host.goToCell(l)}
          onRewrite={(role, sheet) => void selfCheck.rewriteAsValues(role, sheet)}
          rewriting={rewrite.busy}
        />
      )}
    </div>
  );
}

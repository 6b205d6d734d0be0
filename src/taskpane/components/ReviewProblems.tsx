import * as React from "react";
import { Caption1 } from "@fluentui/react-components";
import type { DataCheck } from "../../app/workflow";
import { useHost } from "../hostContext";
import { useSession } from "../session";
import { IssueList } from "./IssueList";

/**
 * The Appeals and Sign-off sheets' problems as last checked (sheet, row, column and reason), with
 * a link to each cell; nothing when both read cleanly. Shown where appeals change what is done:
 * the Appeals view and Generate (an upheld appeal of a closed period is named here too).
 */
export function ReviewProblems({ check }: { check: DataCheck | null }): React.JSX.Element | null {
  const host = useHost();
  const { strings: t, language } = useSession();
  const issues = React.useMemo(
    () => [...(check?.appeals?.issues ?? []), ...(check?.signOff?.issues ?? [])],
    [check]
  );
  if (issues.length === 0) return null;
  return (
    <>
      <Caption1>{t.appeals.sheetProblems(issues.length)}</Caption1>
      <IssueList
        issues={issues}
        language={language}
        label={t.appeals.sheetProblems(issues.length)}
        onGoTo={(l) => void host.goToCell(l)}
      />
    </>
  );
}

import * as React from "react";
import { Body1Strong, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { CheckmarkCircleRegular } from "@fluentui/react-icons";
import { ErrorBar } from "../components/ErrorBar";
import { IssueList } from "../components/IssueList";
import { useHost } from "../hostContext";
import { useSession } from "../session";
import type { Action } from "../useAction";
import { checkIssues } from "../../app/workflow";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface DataCheckSectionProps {
  /** The check's action (held by the Data view, which also checks again after a feedback import). */
  checking: Action;
  onCheck(): void;
}

/**
 * The Data view's check: the input sheets' problems (Data, Feedback, Grade history, Appeals,
 * Sign-off) by sheet, row and column.
 */
export function DataCheckSection({ checking, onCheck }: DataCheckSectionProps): React.JSX.Element {
  const styles = useStyles();
  const host = useHost();
  const { strings: t, language, check, navigate } = useSession();
  const allIssues = check ? checkIssues(check) : [];
  return (
    <section className={styles.section} aria-labelledby="data-check">
      <Body1Strong as="h3" id="data-check" className={styles.heading}>
        {t.data.checkTitle}
      </Body1Strong>
      <div className={styles.buttons}>
        <Button
          icon={<CheckmarkCircleRegular />}
          disabled={checking.busy || !host.available()}
          onClick={onCheck}
        >
          {checking.busy ? t.data.checking : check ? t.data.checkAgain : t.data.check}
        </Button>
      </div>
      <ErrorBar error={checking.error} onRetry={onCheck} />
      {check && (
        <>
          <div role="status">
            <Text size={200}>
              {check.data.rows.length === 0
                ? t.data.noData
                : `${t.data.checked(check.data.rows.length)} ${t.issues.summary(
                    allIssues.filter((i) => i.severity === "error").length,
                    allIssues.filter((i) => i.severity === "warning").length,
                    allIssues.filter((i) => i.severity === "info").length
                  )}`}
            </Text>
          </div>
          <IssueList
            issues={allIssues}
            language={language}
            label={t.issues.label}
            filter
            onGoTo={(l) => void host.goToCell(l)}
          />
          {check.data.rows.length > 0 && (
            <div className={styles.buttons}>
              <Button appearance="primary" onClick={() => navigate("generate")}>
                {t.data.next}
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}

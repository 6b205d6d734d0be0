import * as React from "react";
import {
  Body1Strong,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Issue } from "../../engine";
import { IssueList } from "../components/IssueList";
import type { PlanChange } from "../planChanges";
import { useSession } from "../session";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

export interface WhatIfChangesProps {
  changes: PlanChange[];
  /** The draft's validation issues (its errors are listed when there are any). */
  issues: Issue[];
  errors: boolean;
}

/** The What-if view's list of changes to the plan, and the draft's errors. */
export function WhatIfChanges({ changes, issues, errors }: WhatIfChangesProps): React.JSX.Element {
  const styles = useStyles();
  const { strings: t, language } = useSession();
  return (
    <section className={styles.section} aria-labelledby="whatif-changes">
      <Body1Strong as="h3" id="whatif-changes" className={styles.heading}>
        {t.whatIf.changes}
      </Body1Strong>
      {changes.length === 0 ? (
        <Text size={200}>{t.whatIf.noChanges}</Text>
      ) : (
        <ul className={styles.list}>
          {changes.map((c) => (
            <li key={c.what}>
              <Text size={200}>{`${c.what}: ${c.before} → ${c.after}`}</Text>
            </li>
          ))}
        </ul>
      )}
      {errors && (
        <>
          <MessageBar intent="error">
            <MessageBarBody>{t.whatIf.planErrors}</MessageBarBody>
          </MessageBar>
          <IssueList
            issues={issues.filter((i) => i.severity === "error")}
            language={language}
            label={t.issues.label}
            pageSize={5}
          />
        </>
      )}
    </section>
  );
}

import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useSession } from "../session";
import type { PeriodCheck } from "../../app/closing";
import type { Strings } from "../strings";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
});

export interface ClosedChecksProps {
  /** Read the Close log and check the closed periods when shown (default: yes). */
  refresh?: boolean;
  /** Offer to open the Close period view (default: yes). */
  link?: boolean;
}

/** What changed in a closed period since its close, worded. */
export function checkMessages(c: PeriodCheck, t: Strings): string[] {
  const out: string[] = [];
  if (c.changed.length) out.push(t.closedChecks.changed(c.period, c.changed.join(", ")));
  if (c.added.length) out.push(t.closedChecks.added(c.period, c.added.join(", ")));
  if (c.removed.length) out.push(t.closedChecks.removed(c.period, c.removed.join(", ")));
  if (c.inputsChanged && out.length === 0) out.push(t.closedChecks.changed(c.period, "—"));
  if (c.planMissing) out.push(t.closedChecks.planMissing(c.period));
  return out;
}

/**
 * Warnings about closed periods whose inputs changed after the close ("inputs of 2024-Q1 changed
 * after close for S1003, S1010"), checked against the Close log's stamps whenever a view that
 * generates or explains opens.
 */
export function ClosedChecks({
  refresh = true,
  link = true,
}: ClosedChecksProps): React.JSX.Element | null {
  const styles = useStyles();
  const { strings: t, closing, loadClosing, workbook, navigate } = useSession();
  const hasPlan = Boolean(workbook?.sheets.plan);
  React.useEffect(() => {
    // a failed check shows nothing here; the Close period view reports it
    if (refresh && hasPlan) loadClosing().catch(() => undefined);
  }, [refresh, hasPlan, loadClosing]);
  const messages = (closing?.checks ?? []).flatMap((c) => checkMessages(c, t));
  if (messages.length === 0) return null;
  return (
    <MessageBar intent="warning" role="status">
      <MessageBarBody>
        <div className={styles.list}>
          {messages.map((m) => (
            <span key={m}>{m}</span>
          ))}
        </div>
      </MessageBarBody>
      {link && (
        <MessageBarActions>
          <Button size="small" onClick={() => navigate("close")}>
            {t.closedChecks.toClose}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

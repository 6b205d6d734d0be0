import * as React from "react";
import {
  Body1Strong,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowUndoRegular, SaveRegular } from "@fluentui/react-icons";
import type { Plan } from "../../engine";
import { ErrorBar } from "../components/ErrorBar";
import { useHost } from "../hostContext";
import { nextVersion } from "../planChanges";
import { useSession } from "../session";
import type { WhatIf } from "./useWhatIf";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(130px, 1fr))",
    "& > *": { minWidth: 0 },
    gap: tokens.spacingHorizontalS,
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface WhatIfApplyProps {
  /** The view's draft and its actions (useWhatIf). */
  whatIf: WhatIf;
  /** The plan on the sheet (its version gives the next one). */
  plan: Plan;
}

/** Apply the draft to the Plan sheet as a new version from a date, or discard it. */
export function WhatIfApply({ whatIf: w, plan }: WhatIfApplyProps): React.JSX.Element {
  const styles = useStyles();
  const host = useHost();
  const { strings: t } = useSession();
  const { save } = w;
  return (
    <section className={styles.section} aria-labelledby="whatif-apply">
      <Body1Strong as="h3" id="whatif-apply" className={styles.heading}>
        {t.whatIf.apply}
      </Body1Strong>
      <div className={styles.grid}>
        <Field label={t.whatIf.version} size="small">
          <Input
            size="small"
            value={w.version || nextVersion(plan.version)}
            onChange={(_, d) => w.setVersion(d.value)}
          />
        </Field>
        <Field label={t.whatIf.effectiveDate} size="small">
          <Input
            size="small"
            type="date"
            value={w.effective}
            onChange={(_, d) => w.setEffective(d.value)}
          />
        </Field>
      </div>
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          icon={<SaveRegular />}
          disabled={w.errors || save.busy || !host.available()}
          onClick={() => void w.apply()}
        >
          {save.busy ? t.whatIf.applying : t.whatIf.apply}
        </Button>
        <Button icon={<ArrowUndoRegular />} disabled={save.busy} onClick={w.discard}>
          {t.whatIf.discard}
        </Button>
      </div>
      <ErrorBar error={save.error} onRetry={() => void w.apply()} />
    </section>
  );
}

/** "The Plan sheet now holds version …", with the way on to Generate. */
export function WhatIfApplied({ version }: { version: string }): React.JSX.Element {
  const { strings: t, navigate } = useSession();
  return (
    <MessageBar intent="success">
      <MessageBarBody>{t.whatIf.applied(version)}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={() => navigate("generate")}>
          {t.whatIf.toGenerate}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

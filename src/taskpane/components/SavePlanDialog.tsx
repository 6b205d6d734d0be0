import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Plan } from "../../engine";
import { useHost } from "../hostContext";
import { planFileName, planFileText } from "../../app/planFile";
import { copyText, planSaveUrl } from "../../app/planSave";
import { useSession } from "../session";

export interface SavePlanDialogProps {
  plan: Plan;
  open: boolean;
  onClose(): void;
}

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  text: { fontFamily: tokens.fontFamilyMonospace },
});

/** Saving the plan where the pane cannot download it (Excel for Mac): the browser, or copy. */
export function SavePlanDialog({ plan, open, onClose }: SavePlanDialogProps): React.JSX.Element {
  const styles = useStyles();
  const host = useHost();
  const { strings: t } = useSession();
  const [outcome, setOutcome] = React.useState<
    "opened" | "noBrowser" | "copied" | "copyFailed" | null
  >(null);
  const [browser, setBrowser] = React.useState(true);
  const text = planFileText(plan);
  const name = planFileName(plan);
  const openBrowser = () => {
    const opened = host.openBrowserWindow(planSaveUrl(window.location.href, plan));
    setBrowser(opened);
    setOutcome(opened ? "opened" : "noBrowser");
  };
  const copy = async () => setOutcome((await copyText(text)) ? "copied" : "copyFailed");
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface aria-describedby="save-plan-text">
        <DialogBody>
          <DialogTitle>{t.planSave.title}</DialogTitle>
          <DialogContent className={styles.content}>
            <p id="save-plan-text">{t.planSave.mac}</p>
            <div className={styles.buttons}>
              {browser && (
                <Button appearance="primary" onClick={openBrowser}>
                  {t.planSave.openBrowser}
                </Button>
              )}
              <Button onClick={() => void copy()}>{t.planSave.copy}</Button>
            </div>
            {outcome && (
              <MessageBar
                intent={outcome === "opened" || outcome === "copied" ? "success" : "warning"}
              >
                <MessageBarBody>
                  {outcome === "copied" ? t.planSave.copied(name) : t.planSave[outcome]}
                </MessageBarBody>
              </MessageBar>
            )}
            <Field label={t.planSave.text}>
              <Textarea className={styles.text} readOnly value={text} rows={6} resize="vertical" />
            </Field>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{t.common.close}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

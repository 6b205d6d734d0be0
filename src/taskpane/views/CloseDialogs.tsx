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
  Text,
  Textarea,
} from "@fluentui/react-components";
import { useSession } from "../session";

export interface ConfirmCloseDialogProps {
  /**
   * The period about to be closed, with how many salespeople it holds, how many cannot be scored,
   * and the sign-off roles it misses (in words; empty when signed or without a Sign-off sheet).
   */
  asking: { period: string; people: number; blocked: number; missing: string } | null;
  /** Confirmed; with the reason for overriding missing sign-offs when the period misses some. */
  onConfirm(period: string, overrideReason?: string): void;
  onCancel(): void;
}

/**
 * "Close 2024-Q1?": what closing the period freezes. A period some role has not signed off is
 * refused, naming the roles; the closer may override with a reason (recorded with the close).
 */
export function ConfirmCloseDialog({
  asking,
  onConfirm,
  onCancel,
}: ConfirmCloseDialogProps): React.JSX.Element {
  const { strings: t } = useSession();
  const [reason, setReason] = React.useState("");
  const cancel = () => {
    setReason("");
    onCancel();
  };
  const missing = asking?.missing ?? "";
  return (
    <Dialog
      open={asking !== null}
      modalType="alert"
      onOpenChange={(_, d) => {
        if (!d.open) cancel();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>
            {asking
              ? missing
                ? t.appeals.refusedTitle(asking.period)
                : t.close.confirmTitle(asking.period)
              : ""}
          </DialogTitle>
          <DialogContent>
            {asking ? t.close.confirmBody(asking.period, asking.people, asking.blocked) : ""}
            {missing && (
              <>
                <MessageBar intent="warning">
                  <MessageBarBody>{t.appeals.refused(missing)}</MessageBarBody>
                </MessageBar>
                <Field label={t.appeals.overrideReason} size="small" required>
                  <Textarea value={reason} onChange={(_, d) => setReason(d.value)} />
                </Field>
              </>
            )}
          </DialogContent>
          <DialogActions fluid>
            <Button
              appearance="primary"
              disabled={missing !== "" && reason.trim() === ""}
              onClick={() => {
                if (!asking) return;
                setReason("");
                onConfirm(asking.period, missing ? reason : undefined);
              }}
            >
              {missing ? t.appeals.override : t.close.confirm}
            </Button>
            <Button appearance="subtle" onClick={cancel}>
              {t.common.cancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export interface ReopenDialogProps {
  /** The period about to be reopened. */
  period: string | null;
  reason: string;
  onReason(reason: string): void;
  onConfirm(period: string): void;
  onCancel(): void;
}

/** "Reopen 2024-Q1?": asks for the reason the Close log records. */
export function ReopenDialog({
  period: reopening,
  reason,
  onReason,
  onConfirm,
  onCancel,
}: ReopenDialogProps): React.JSX.Element {
  const { strings: t } = useSession();
  return (
    <Dialog
      open={reopening !== null}
      modalType="alert"
      onOpenChange={(_, d) => {
        if (!d.open) onCancel();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{reopening ? t.close.reopenTitle(reopening) : ""}</DialogTitle>
          <DialogContent>
            <Text>{t.close.reopenBody}</Text>
            <Field label={t.close.reason} size="small" required>
              <Textarea value={reason} onChange={(_, d) => onReason(d.value)} />
            </Field>
          </DialogContent>
          <DialogActions fluid>
            <Button
              appearance="primary"
              disabled={reason.trim() === ""}
              onClick={() => reopening && onConfirm(reopening)}
            >
              {t.close.reopenConfirm}
            </Button>
            <Button appearance="subtle" onClick={onCancel}>
              {t.common.cancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

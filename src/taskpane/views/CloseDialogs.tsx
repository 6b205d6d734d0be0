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
  Text,
  Textarea,
} from "@fluentui/react-components";
import { useSession } from "../session";

export interface ConfirmCloseDialogProps {
  /** The period about to be closed, with how many salespeople it holds and how many cannot be scored. */
  asking: { period: string; people: number; blocked: number } | null;
  onConfirm(period: string): void;
  onCancel(): void;
}

/** "Close 2024-Q1?": what closing the period freezes. */
export function ConfirmCloseDialog({
  asking,
  onConfirm,
  onCancel,
}: ConfirmCloseDialogProps): React.JSX.Element {
  const { strings: t } = useSession();
  return (
    <Dialog
      open={asking !== null}
      modalType="alert"
      onOpenChange={(_, d) => {
        if (!d.open) onCancel();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{asking ? t.close.confirmTitle(asking.period) : ""}</DialogTitle>
          <DialogContent>
            {asking ? t.close.confirmBody(asking.period, asking.people, asking.blocked) : ""}
          </DialogContent>
          <DialogActions fluid>
            <Button appearance="primary" onClick={() => asking && onConfirm(asking.period)}>
              {t.close.confirm}
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

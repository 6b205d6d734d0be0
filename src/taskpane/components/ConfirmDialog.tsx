import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import { useSession } from "../session";

/** Asks before an add-in sheet the user edited is replaced (the workbook never loses their edits silently). */
export function ConfirmDialog(): React.JSX.Element {
  const { pendingConfirm, strings: t } = useSession();
  return (
    <Dialog
      open={pendingConfirm !== null}
      modalType="alert"
      onOpenChange={(_, data) => {
        if (!data.open) pendingConfirm?.answer(false);
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t.confirm.title}</DialogTitle>
          <DialogContent>
            {pendingConfirm ? t.confirm.body(pendingConfirm.sheet) : ""}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => pendingConfirm?.answer(true)}>
              {t.confirm.replace}
            </Button>
            <Button onClick={() => pendingConfirm?.answer(false)}>{t.confirm.keep}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

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

/**
 * Asks before an add-in sheet the user edited is replaced: replace it, keep it and write a new
 * sheet beside it, or stop without changing anything (the workbook never loses edits silently).
 */
export function ConfirmDialog(): React.JSX.Element {
  const { pendingConfirm, strings: t } = useSession();
  return (
    <Dialog
      open={pendingConfirm !== null}
      modalType="alert"
      onOpenChange={(_, data) => {
        if (!data.open) pendingConfirm?.answer("cancel");
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t.confirm.title}</DialogTitle>
          <DialogContent>
            {pendingConfirm ? t.confirm.body(pendingConfirm.sheet) : ""}
          </DialogContent>
          <DialogActions fluid>
            <Button appearance="primary" onClick={() => pendingConfirm?.answer("replace")}>
              {t.confirm.replace}
            </Button>
            <Button onClick={() => pendingConfirm?.answer("new")}>{t.confirm.keep}</Button>
            <Button appearance="subtle" onClick={() => pendingConfirm?.answer("cancel")}>
              {t.common.cancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

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
import type { Plan } from "../../../engine";
import { useSession } from "../../session";
import { dimensionTotal } from "./planEditing";

export interface RemoveIndicatorDialogProps {
  plan: Plan;
  index: number;
  open: boolean;
  onCancel: () => void;
  onRemove: () => void;
}

/** Asks before an indicator leaves the plan, saying what its dimension's weights then add up to. */
export function RemoveIndicatorDialog({
  plan,
  index,
  open,
  onCancel,
  onRemove,
}: RemoveIndicatorDialogProps): React.JSX.Element {
  const { strings: t, format } = useSession();
  const ind = plan.indicators[index];
  const name = format.text(ind.name);
  const dimension = plan.dimensions.find((d) => d.key === ind.dimension);
  const left = dimensionTotal(plan, ind.dimension, index);
  return (
    <Dialog
      open={open}
      modalType="alert"
      onOpenChange={(_, data) => {
        if (!data.open) onCancel();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t.indicators.confirmTitle(name)}</DialogTitle>
          <DialogContent>
            {t.indicators.confirmBody(
              name,
              dimension ? format.text(dimension.name) : ind.dimension,
              format.percent(ind.weight, 1),
              format.percent(left, 1)
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onRemove}>
              {t.indicators.confirmRemove}
            </Button>
            <Button appearance="subtle" onClick={onCancel}>
              {t.indicators.cancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

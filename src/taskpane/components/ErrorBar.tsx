import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { useStrings } from "../session";

export interface ErrorBarProps {
  /** The failure, already worded; nothing renders when null. */
  error: string | null;
  onRetry?: () => void;
}

/** A failed workbook action, announced to screen readers, with a retry. */
export function ErrorBar({ error, onRetry }: ErrorBarProps): React.JSX.Element | null {
  const t = useStrings();
  if (!error) return null;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{t.common.error(error)}</MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button size="small" onClick={onRetry}>
            {t.common.retry}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

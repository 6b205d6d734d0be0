import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { useSession } from "../session";

/** Shown by views that need the plan workbook when the workbook has no Plan sheet. */
export function NeedsPlanWorkbook(): React.JSX.Element {
  const { strings: t, navigate } = useSession();
  return (
    <MessageBar intent="info">
      <MessageBarBody>{t.common.noPlanWorkbook}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={() => navigate("start")}>
          {t.common.toStart}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

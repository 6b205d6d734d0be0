import * as React from "react";
import { FluentProvider, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import type { Language } from "../src/engine";
import { App } from "../src/taskpane/App";
import type { WorkbookHost } from "../src/app/host";
import type { PreviewWorkbook } from "./workbook/PreviewWorkbook";
import { WorkbookView } from "./workbook/WorkbookView";

export interface PreviewAppProps {
  workbook: PreviewWorkbook;
  host: WorkbookHost;
  language?: Language;
  /** Width of the task pane in pixels (Excel's default is about 350). */
  paneWidth?: number;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    height: "100%",
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  workbook: {
    flexGrow: 1,
    minWidth: 0,
    minHeight: 0,
    overflow: "hidden",
    display: "flex",
    flexDirection: "column",
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  pane: {
    flexShrink: 0,
    overflowY: "auto",
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
});

/**
 * The development preview: the in-browser workbook on the left, the real task pane (the same
 * <App>, with a host over that workbook) on the right, at a task pane's width.
 */
export function PreviewApp({
  workbook,
  host,
  language,
  paneWidth = 350,
}: PreviewAppProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <FluentProvider theme={webLightTheme} className={styles.workbook}>
        <section className={styles.workbook} aria-label="Preview workbook">
          <WorkbookView workbook={workbook} />
        </section>
      </FluentProvider>
      <div className={styles.pane} style={{ width: paneWidth }} data-testid="task-pane">
        <App host={host} language={language} />
      </div>
    </div>
  );
}

import * as React from "react";
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import type { Language } from "../engine";
import { downloadBytes } from "../app/payrollExport";
import { STRINGS } from "./strings";

export interface SavePayrollPageProps {
  language: Language;
  /** The file the pane handed over (payrollFromFragment), or null when the link holds none. */
  file: { name: string; bytes: Uint8Array } | null;
}

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    maxWidth: "720px",
    padding: tokens.spacingHorizontalL,
  },
});

/**
 * taskpane.html opened in the system's browser by the pane on Mac (app/payrollExport.ts): the
 * payroll file the pane handed over, to download here, where downloads work.
 */
export function SavePayrollPage({ language, file }: SavePayrollPageProps): React.JSX.Element {
  const styles = useStyles();
  const t = STRINGS[language].payroll;
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.page}>
        <Title3 as="h1">{t.title}</Title3>
        {file ? (
          <>
            <p>{t.browserIntro(file.name)}</p>
            <div>
              <Button
                appearance="primary"
                icon={<ArrowDownloadRegular />}
                onClick={() => downloadBytes(file.name, file.bytes)}
              >
                {t.download(file.name)}
              </Button>
            </div>
          </>
        ) : (
          <MessageBar intent="error">
            <MessageBarBody>{t.unreadable}</MessageBarBody>
          </MessageBar>
        )}
      </main>
    </FluentProvider>
  );
}

import * as React from "react";
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Textarea,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import type { Language } from "../engine";
import { downloadText } from "../app/planFile";
import { STRINGS } from "./strings";

export interface SavePlanPageProps {
  language: Language;
  /** The plan the pane handed over (planFromFragment), or null when the link holds none. */
  file: { name: string; text: string } | null;
}

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    maxWidth: "720px",
    padding: tokens.spacingHorizontalL,
  },
  text: { fontFamily: tokens.fontFamilyMonospace },
});

/**
 * taskpane.html opened in the system's browser by the pane on Mac (./planSave.ts): the plan file
 * the pane handed over, to download here, where downloads work.
 */
export function SavePlanPage({ language, file }: SavePlanPageProps): React.JSX.Element {
  const styles = useStyles();
  const t = STRINGS[language].planSave;
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.page}>
        <Title3 as="h1">{t.browserTitle}</Title3>
        {file ? (
          <>
            <p>{t.browserIntro(file.name)}</p>
            <div>
              <Button
                appearance="primary"
                icon={<ArrowDownloadRegular />}
                onClick={() => downloadText(file.name, file.text)}
              >
                {t.download(file.name)}
              </Button>
            </div>
            <Textarea
              className={styles.text}
              readOnly
              value={file.text}
              rows={16}
              aria-label={t.text}
            />
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

import * as React from "react";
import {
  MessageBar,
  MessageBarBody,
  Body1Strong,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { compatibilityNotices } from "../compat/requirements";
import { useHost } from "./hostContext";
import { useSession } from "./session";
import { ConfirmDialog } from "./components/ConfirmDialog";
import { LanguageSelect } from "./components/LanguageSelect";
import { NavBar } from "./components/NavBar";
import { VIEWS } from "./views";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    display: "flex",
    flexDirection: "column",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`,
  },
  title: { margin: 0 },
  nav: {
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  main: {
    flexGrow: 1,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXXL}`,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
  },
});

/** Header (title, language), navigation between the views, the current view, and the replace dialog. */
export function PaneShell(): React.JSX.Element {
  const styles = useStyles();
  const host = useHost();
  const session = useSession();
  const { strings: t, view, language, refreshWorkbook, loadPlan } = session;
  const [loaded, setLoaded] = React.useState(false);
  const ready = loaded || !host.available();

  React.useEffect(() => {
    let live = true;
    if (!host.available()) return;
    refreshWorkbook()
      .then((state) => (state.sheets.plan ? loadPlan().then(() => undefined) : undefined))
      .catch(() => undefined) // the views show their own errors when they read again
      .finally(() => live && setLoaded(true));
    return () => {
      live = false;
    };
  }, [host, refreshWorkbook, loadPlan]);

  // what this Excel cannot do (older versions): said once, above every view
  const compatibility = host.compatibility?.() ?? null;
  const notices = compatibility ? compatibilityNotices(compatibility, language) : [];
  const current = VIEWS.find((v) => v.id === view) ?? VIEWS[0];
  const View = current.component;
  return (
    <div className={styles.root} lang={language} data-pane-ready={ready ? "true" : "false"}>
      <header className={styles.header}>
        <Body1Strong as="h1" className={styles.title}>
          {t.appTitle}
        </Body1Strong>
        <LanguageSelect />
      </header>
      <nav className={styles.nav} aria-label={t.nav.label}>
        <NavBar />
      </nav>
      <main className={styles.main} id="pane-main" aria-labelledby="view-title">
        {!host.available() && (
          <MessageBar intent="warning">
            <MessageBarBody>{t.common.notInExcel}</MessageBarBody>
          </MessageBar>
        )}
        {notices.map((n) => (
          <MessageBar key={n.feature} intent={n.severity === "blocking" ? "error" : "warning"}>
            <MessageBarBody>{n.message}</MessageBarBody>
          </MessageBar>
        ))}
        <View />
      </main>
      <ConfirmDialog />
    </div>
  );
}

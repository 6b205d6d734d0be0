import * as React from "react";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { pickLanguage, type Language } from "../engine";
import { type WorkbookHost } from "../app/host";
import { HostContext } from "./hostContext";
import { PaneShell } from "./PaneShell";
import { SessionProvider, type ViewId } from "./session";

export interface AppProps {
  /** The workbook the pane works on: Excel's, the preview's, or a test's. */
  host: WorkbookHost;
  /** The language to start in; by default Office's display language. */
  language?: Language;
  /** Follow Office's dark theme; by default what the host says. */
  dark?: boolean;
  initialView?: ViewId;
}

/** The task pane's root: Fluent theme, the workbook host and the pane's session around the views. */
export function App({ host, language, dark, initialView }: AppProps): React.JSX.Element {
  const lang = language ?? pickLanguage(host.displayLanguage());
  const isDark = dark ?? host.isDarkTheme();
  return (
    <FluentProvider theme={isDark ? webDarkTheme : webLightTheme}>
      <HostContext.Provider value={host}>
        <SessionProvider language={lang} initialView={initialView}>
          <PaneShell />
        </SessionProvider>
      </HostContext.Provider>
    </FluentProvider>
  );
}

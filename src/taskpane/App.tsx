import * as React from "react";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { pickLanguage, type Language } from "../engine";
import { type WorkbookHost } from "../app/host";
import { ComputeContext, HostContext } from "./hostContext";
import type { Compute } from "../app/compute";
import { IN_THREAD } from "../app/inThread";
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
  /** Where the heavy work runs: the pane's worker in Excel; in the pane's thread by default. */
  compute?: Compute;
}

/** The task pane's root: Fluent theme, the workbook host and the pane's session around the views. */
export function App({
  host,
  language,
  dark,
  initialView,
  compute = IN_THREAD,
}: AppProps): React.JSX.Element {
  const lang = language ?? pickLanguage(host.displayLanguage());
  const isDark = dark ?? host.isDarkTheme();
  return (
    <FluentProvider theme={isDark ? webDarkTheme : webLightTheme}>
      <HostContext.Provider value={host}>
        <ComputeContext.Provider value={compute}>
          <SessionProvider language={lang} initialView={initialView}>
            <PaneShell />
          </SessionProvider>
        </ComputeContext.Provider>
      </HostContext.Provider>
    </FluentProvider>
  );
}

/**
 * Renders pane components the way the pane does — FluentProvider, the workbook host and the
 * session — around a memory host (Script Lab's test-utils pattern).
 */
import * as React from "react";
import { render, screen, waitFor, type RenderResult } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Language } from "../../../src/engine";
import { type WorkbookHost } from "../../../src/app/host";
import { ComputeContext, HostContext } from "../../../src/taskpane/hostContext";
import type { Compute } from "../../../src/app/compute";
import { IN_THREAD } from "../../../src/app/inThread";
import { SessionProvider, type InitialSession, type ViewId } from "../../../src/taskpane/session";
import { ConfirmDialog } from "../../../src/taskpane/components/ConfirmDialog";
import { memoryHost } from "./memoryHost";

export interface RenderOptions {
  host?: WorkbookHost;
  language?: Language;
  view?: ViewId;
  initial?: InitialSession;
  /** Where the pane's heavy work runs (default: in the test's thread). */
  compute?: Compute;
}

export function renderWithProviders(
  ui: React.ReactElement,
  options: RenderOptions = {}
): RenderResult & { host: WorkbookHost } {
  const host = options.host ?? memoryHost();
  const result = render(
    <FluentProvider theme={webLightTheme}>
      <HostContext.Provider value={host}>
        <ComputeContext.Provider value={options.compute ?? IN_THREAD}>
          <SessionProvider
            language={options.language ?? "en-US"}
            initialView={options.view}
            initial={options.initial}
          >
            <main>{ui}</main>
            <ConfirmDialog />
          </SessionProvider>
        </ComputeContext.Provider>
      </HostContext.Provider>
    </FluentProvider>
  );
  return { ...result, host };
}

/**
 * A button once it is enabled: the Data view's Import waits for the import's preview, which is
 * worked out off the pane's thread.
 */
export async function enabledButton(name: string | RegExp): Promise<HTMLElement> {
  const button = await screen.findByRole("button", { name });
  await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
  return button;
}

/** The pane's workbook host, for the components below it (src/app/host.ts is the interface). */
import * as React from "react";
import type { WorkbookHost } from "../app/host";
import type { Compute } from "../app/compute";
import { IN_THREAD } from "../app/inThread";

export const HostContext = React.createContext<WorkbookHost | null>(null);

/** The workbook host of the surrounding `HostContext.Provider`. */
export function useHost(): WorkbookHost {
  const host = React.useContext(HostContext);
  if (!host) throw new Error("useHost() needs a <HostContext.Provider> above it");
  return host;
}

/** Where the pane's heavy work runs (src/app/compute.ts): its worker in Excel, in-thread in tests. */
export const ComputeContext = React.createContext<Compute>(IN_THREAD);

export function useCompute(): Compute {
  return React.useContext(ComputeContext);
}

/**
 * An in-memory Excel for jest: `createExcelDouble()` gives a workbook model (act on it as the
 * user, read cells back, take snapshots) and a host implementing `Excel.run` and
 * `Office.context.requirements.isSetSupported` with Excel's rules (see ./api.ts).
 *
 * Why not office-addin-mock: it returns whatever was put in a mock object and has no notion of
 * load/sync, queued writes, payload sizes, sheet-name rules or formulas that follow renames —
 * the rules this double exists to enforce.
 */
import type { Host } from "../../../src/office/host";
import { DoubleHost, LIMIT_BYTES, type Fault, type SyncRecord } from "./api";
import { DoubleError, WorkbookModel } from "./model";

export { DoubleError, LIMIT_BYTES, WorkbookModel };
export type { Fault, SyncRecord };

export interface ExcelDouble {
  model: WorkbookModel;
  host: DoubleHost;
  /** The double as the adapter's Host (what `officeHost()` returns in Excel). */
  asHost(): Host;
  /** Define the `Excel` and `Office` globals the way office.js does; returns an uninstaller. */
  install(): () => void;
  syncs: SyncRecord[];
  /** Make the sync with this 0-based index (counted from now on) fail. */
  failAt(atSync: number, mode: Fault["mode"], code?: string): void;
}

/** Office.context.document.settings over a map: get, set, saveAsync (which counts saves). */
function documentSettings(store: Map<string, unknown>) {
  const pending = new Map<string, unknown>(store);
  return {
    get: (name: string) => (pending.has(name) ? pending.get(name) : null),
    set: (name: string, value: unknown) => void pending.set(name, value),
    remove: (name: string) => void pending.delete(name),
    saveAsync: (callback?: (result: { status: string }) => void) => {
      store.clear();
      for (const [k, v] of pending) store.set(k, v);
      setTimeout(() => callback?.({ status: "succeeded" }), 0);
    },
  };
}

export function createExcelDouble(
  options: { apiVersion?: string; displayLanguage?: string; firstSheet?: string } = {}
): ExcelDouble {
  const model = new WorkbookModel(options.firstSheet ?? "Sheet1");
  const host = new DoubleHost(
    model,
    options.apiVersion ?? "1.9",
    options.displayLanguage ?? "en-US"
  );
  const asHost = (): Host => ({
    run: (batch) => host.run(batch),
    runIn: (context, batch) => host.runIn(context, batch),
    isSetSupported: (name, version) => host.isSetSupported(name, version),
    displayLanguage: () => host.displayLanguage,
  });
  return {
    model,
    host,
    asHost,
    syncs: host.syncs,
    failAt(atSync, mode, code) {
      host.fault = { atSync: host.syncs.length + atSync, mode, code };
    },
    install() {
      const g = globalThis as Record<string, unknown>;
      const before = { Excel: g.Excel, Office: g.Office };
      g.Excel = {
        run: (...args: unknown[]) =>
          args.length === 1
            ? host.run(args[0] as (context: Excel.RequestContext) => Promise<unknown>)
            : host.runIn(args[0], args[1] as (context: Excel.RequestContext) => Promise<unknown>),
      };
      g.Office = {
        AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
        context: {
          requirements: {
            isSetSupported: (name: string, version?: string) => host.isSetSupported(name, version),
          },
          get displayLanguage() {
            return host.displayLanguage;
          },
          officeTheme: { bodyBackgroundColor: host.dark ? "#262626" : "#FFFFFF" },
          document: { settings: documentSettings(host.settings) },
        },
      };
      return () => {
        g.Excel = before.Excel;
        g.Office = before.Office;
      };
    },
  };
}

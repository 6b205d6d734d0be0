/**
 * An in-memory Excel for jest: `createExcelDouble()` gives a workbook model (act on it as the
 * user, read cells back, take snapshots) and a host implementing `Excel.run` and
 * `Office.context.requirements.isSetSupported` with Excel's rules (see ./api.ts).
 *
 * `asHost()` is the adapter's Host through Microsoft's own Excel client (office.js from
 * @microsoft/office-js, test/support/office-client): object paths, load rules, batching, request
 * JSON and the per-member requirement-set checks are Microsoft's code, and the double answers
 * its requests. `directHost()` skips the client (the double's own Office.js surface), for the
 * tests of the double itself and for workbook events, which the client routes through the host.
 *
 * Why not office-addin-mock: it returns whatever was put in a mock object and has no notion of
 * load/sync, queued writes, payload sizes, sheet-name rules or formulas that follow renames —
 * the rules this double exists to enforce.
 */
import type { Host } from "../../../src/office/host";
import { microsoftClient, type MicrosoftClient, type ServedRequest } from "../office-client";
import { DoubleHost, LIMIT_BYTES, type Fault, type SyncRecord } from "./api";
import { DoubleError, WorkbookModel } from "./model";
import { hyperFormulaEvaluator } from "./evaluate";
import { defaultProfile, type HostProfile } from "./profiles";

export { DoubleError, LIMIT_BYTES, WorkbookModel };
export type { Fault, HostProfile, ServedRequest, SyncRecord };

export interface ExcelDouble {
  model: WorkbookModel;
  host: DoubleHost;
  /** The double as the adapter's Host, through Microsoft's Excel client. */
  asHost(): Host;
  /** The double as the adapter's Host without Microsoft's client (its own Office.js surface). */
  directHost(): Host;
  /** Microsoft's client and the requests it sent (loaded on the first `asHost()`). */
  client(): MicrosoftClient;
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

export interface DoubleOptions {
  /** The host's requirement sets, platform and dynamic arrays (default: ExcelApi `apiVersion`). */
  profile?: HostProfile;
  /** ExcelApi version of the default profile (default 1.9). */
  apiVersion?: string;
  displayLanguage?: string;
  firstSheet?: string;
  /**
   * Calculate formula values (HyperFormula with the add-in's functions, ./evaluate.ts), as Excel
   * does after each change; otherwise formulas read 0. Small workbooks only.
   */
  calculate?: boolean;
}

export function createExcelDouble(options: DoubleOptions = {}): ExcelDouble {
  const model = new WorkbookModel(options.firstSheet ?? "Sheet1");
  const host = new DoubleHost(
    model,
    options.profile ?? defaultProfile(options.apiVersion),
    options.displayLanguage ?? "en-US"
  );
  if (options.calculate)
    model.calculation.evaluator = hyperFormulaEvaluator({
      dynamicArrays: host.profile.dynamicArrays,
    });
  const directHost = (): Host => ({
    run: (batch) => host.run(batch),
    runIn: (context, batch) => host.runIn(context, batch),
    isSetSupported: (name, version) => host.isSetSupported(name, version),
    displayLanguage: () => host.displayLanguage,
  });
  let loaded: MicrosoftClient | undefined;
  const client = () => (loaded ??= microsoftClient(host));
  return {
    model,
    host,
    asHost: () => client().host,
    directHost,
    client,
    syncs: host.syncs,
    failAt(atSync, mode, code) {
      host.fault = { atSync: host.syncs.length + atSync, mode, code };
    },
    install() {
      const g = globalThis as Record<string, unknown>;
      const before = { Excel: g.Excel, Office: g.Office };
      const { client: shared, host: through } = client();
      // the global Excel.run of office.js, running on this workbook through Microsoft's client
      g.Excel = {
        ...shared.Excel,
        run: (...args: unknown[]) =>
          args.length === 1
            ? through.run(args[0] as (context: Excel.RequestContext) => Promise<unknown>)
            : through.runIn(
                args[0] as Excel.RequestContext,
                args[1] as (context: Excel.RequestContext) => Promise<unknown>
              ),
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
          diagnostics: { platform: host.profile.platform },
          ui: { openBrowserWindow: (url: string) => void host.browserWindows.push(url) },
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

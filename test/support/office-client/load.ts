/**
 * Microsoft's Excel JavaScript client (the `Excel` and `OfficeExtension` of office.js), loaded
 * from @microsoft/office-js into a jsdom window, with its requests sent to a request executor
 * instead of a host. Everything between `Excel.run` and the request — object paths, load rules,
 * batching, the JSON of every request, the per-member requirement-set checks — is Microsoft's
 * code; only the answer comes from the test (./server.ts answers from the Excel double).
 *
 * One window per test process, shared by every workbook (a jsdom window with the client keeps
 * about 2 MB that is never collected, so a window per workbook exhausts memory). Each workbook
 * gets its own session: a request context built over it (`new Excel.RequestContext(session)`,
 * the public constructor) sends its requests to that workbook's executor.
 *
 * Internal members of this build relied on (shared/TOOLCHAIN.md), checked by
 * test/office/office-client.test.ts, with @microsoft/office-js pinned in package.json:
 * - a session is a `OfficeExtension.SessionBase` whose `_resolveRequestUrlAndHeaderInfo` and
 *   `_createRequestExecutorOrNull` (called once per request context) give the executor;
 * - `OfficeExtension.CommonUtility._doApiNotSupportedCheck`: the client checks each member's
 *   requirement set against `window.Office.context.requirements.isSetSupported` only when true.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { JSDOM } from "jsdom";

/** Resolved from here, so it is found from a bundle too (npm run bench bundles the benches). */
export const CLIENT_FILE = path.join(
  path.dirname(require.resolve("@microsoft/office-js/package.json")),
  "dist",
  "excel-web-16.00.debug.js"
);

/** What a request executor receives: the RichApi request as Excel would get it. */
export interface RequestMessage {
  Url: string;
  Headers: Record<string, string>;
  /** An object, or the same as a JSON string (the client sends either). */
  Body: unknown;
}

export interface ResponseMessage {
  ErrorCode: string | null;
  ErrorMessage?: string;
  HttpStatusCode?: number;
  Headers: Record<string, string>;
  Body: unknown;
}

export interface RequestExecutor {
  executeAsync(
    customData: unknown,
    requestFlags: number,
    message: RequestMessage
  ): Promise<ResponseMessage>;
}

/** The parts of the loaded client the tests use (typed as office.js declares them). */
export interface ExcelClient {
  window: Window & typeof globalThis;
  Excel: typeof Excel;
  OfficeExtension: typeof OfficeExtension & {
    SessionBase: SessionBaseClass;
    CommonUtility: { _doApiNotSupportedCheck: boolean };
  };
}

interface SessionBaseClass {
  new (): object;
}

let compiled: vm.Script | undefined;

function clientScript(): vm.Script {
  compiled ??= new vm.Script(fs.readFileSync(CLIENT_FILE, "utf8"), { filename: CLIENT_FILE });
  return compiled;
}

/** Answers a requirement-set question for whichever workbook is running. */
export type IsSetSupported = (set: string, version?: string) => boolean;

export interface SharedClient extends ExcelClient {
  /** A session whose request contexts send their requests to `executor()` (one per context). */
  session(executor: () => RequestExecutor): object;
  /**
   * Run `work` with the client's requirement-set checks answered by `isSetSupported`. Runs of
   * two workbooks with different answers may not overlap (they share the window): that throws.
   */
  using<T>(owner: object, isSetSupported: IsSetSupported, work: () => Promise<T>): Promise<T>;
}

let shared: SharedClient | undefined;

/** The process's window with Microsoft's client loaded and its requirement-set checks on. */
export function sharedExcelClient(): SharedClient {
  if (shared) return shared;
  const dom = new JSDOM("<!doctype html><html><head></head><body></body></html>", {
    runScripts: "outside-only",
    url: "https://localhost/taskpane.html",
  });
  clientScript().runInContext(dom.getInternalVMContext());
  const window = dom.window as unknown as Window &
    typeof globalThis & {
      Excel?: ExcelClient["Excel"];
      OfficeExtension?: ExcelClient["OfficeExtension"];
    };
  const excel = window.Excel;
  const OE = window.OfficeExtension;
  if (!excel || !OE) throw new Error(`${CLIENT_FILE} did not define Excel and OfficeExtension`);
  if (typeof OE.SessionBase !== "function" || !OE.CommonUtility)
    throw new Error("this build of the Excel client has no SessionBase or CommonUtility");

  let active: { owner: object; answer: IsSetSupported; depth: number } | undefined;
  // the client asks window.Office for requirement sets; the loaded office.js one knows no host
  Object.defineProperty(window, "Office", {
    configurable: true,
    writable: true,
    value: {
      context: {
        requirements: {
          isSetSupported: (set: string, version?: string) => {
            if (!active || active.depth === 0)
              throw new Error(`a requirement-set check (${set}) outside Excel.run`);
            return active.answer(set, version);
          },
        },
      },
    },
  });
  OE.CommonUtility._doApiNotSupportedCheck = true;

  const SessionBase = OE.SessionBase;
  shared = {
    window,
    Excel: excel,
    OfficeExtension: OE,
    session(executor) {
      class DoubleSession extends SessionBase {
        _resolveRequestUrlAndHeaderInfo(): Promise<{
          url: string;
          headers: Record<string, string>;
        }> {
          return Promise.resolve({ url: "https://excel-double.invalid/", headers: {} });
        }
        _createRequestExecutorOrNull(): RequestExecutor {
          return executor();
        }
      }
      return new DoubleSession();
    },
    async using(owner, answer, work) {
      if (active && active.depth > 0 && active.owner !== owner)
        throw new Error("two workbooks' Excel.run calls overlap in the one client window");
      if (!active || active.owner !== owner) active = { owner, answer, depth: 0 };
      const mine = active;
      mine.depth++;
      try {
        return await work();
      } finally {
        mine.depth--;
      }
    },
  };
  return shared;
}

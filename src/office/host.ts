/**
 * The Office host as the adapter sees it: `Excel.run`, requirement sets, the display language,
 * and Office errors turned into plain data for the task pane.
 */
import { pickLanguage, type Language } from "../engine/messages";

export interface Host {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Run in an earlier context (to remove an event handler registered in it). */
  runIn<T>(
    context: OfficeExtension.ClientRequestContext,
    batch: (context: Excel.RequestContext) => Promise<T>
  ): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
  displayLanguage(): string | undefined;
}

/** The real host: the `Excel` and `Office` globals that office.js defines. */
export function officeHost(): Host {
  return {
    run: (batch) => Excel.run(batch),
    runIn: (context, batch) => Excel.run(context, batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    displayLanguage: () => Office.context.displayLanguage,
  };
}

/**
 * ExcelApi requirement sets, by what needs them.
 * - core 1.7: defined names and *OrNullObject (1.4), suspendApiCalculationUntilNextSync (1.6),
 *   getRangeByIndexes, freeze panes, tab colour, chart series (1.7).
 * - dataValidation 1.8: list and number validation (skipped with a note below it).
 * - copyFrom 1.9: replacing a sheet from a finished hidden copy (below it the sheet is cleared
 *   and rewritten in place).
 * - pageLayout 1.9: print area, A4, orientation, fit to width, page breaks, title rows (skipped
 *   with a note below it).
 * - calculationState 1.9: the self-check waits until Excel says it has calculated (below it, it
 *   waits out the #BUSY! cells only).
 * - outline 1.10: working columns in closed column groups (below it they are hidden columns).
 */
export const REQUIREMENTS = {
  core: "1.7",
  dataValidation: "1.8",
  copyFrom: "1.9",
  pageLayout: "1.9",
  calculationState: "1.9",
  outline: "1.10",
} as const;

export interface Features {
  core: boolean;
  dataValidation: boolean;
  copyFrom: boolean;
  pageLayout: boolean;
  calculationState: boolean;
  outline: boolean;
}

export function detectFeatures(host: Host): Features {
  const has = (v: string) => host.isSetSupported("ExcelApi", v);
  return {
    core: has(REQUIREMENTS.core),
    dataValidation: has(REQUIREMENTS.dataValidation),
    copyFrom: has(REQUIREMENTS.copyFrom),
    pageLayout: has(REQUIREMENTS.pageLayout),
    calculationState: has(REQUIREMENTS.calculationState),
    outline: has(REQUIREMENTS.outline),
  };
}

/** An Office error as data: `code` is Excel's error code (e.g. "RequestPayloadSizeLimitExceeded"). */
export interface OfficeFailure {
  code: string;
  message: string;
  debugInfo?: unknown;
}

/**
 * A failure of a read or an import, thrown to the task pane (the layout writer returns its
 * failures instead). `code` is Excel's error code or one of the adapter's ("NoSheet").
 */
export class OfficeError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly debugInfo?: unknown
  ) {
    super(message);
    this.name = "OfficeError";
  }
}

/** Turn whatever `Excel.run` rejected with into an {@link OfficeFailure}. */
export function toOfficeFailure(error: unknown): OfficeFailure {
  if (typeof error === "object" && error !== null) {
    const e = error as { code?: unknown; message?: unknown; debugInfo?: unknown };
    if (typeof e.code === "string") {
      return {
        code: e.code,
        message: typeof e.message === "string" ? e.message : e.code,
        debugInfo: e.debugInfo,
      };
    }
    if (typeof e.message === "string") return { code: "Unknown", message: e.message };
  }
  return { code: "Unknown", message: String(error) };
}

/** The pane's language from Office's display language ("zh-CN" → zh-CN, else en-US). */
export function displayLanguage(host: Host = officeHost()): Language {
  return pickLanguage(host.displayLanguage());
}

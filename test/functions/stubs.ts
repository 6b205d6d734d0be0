/**
 * The globals the custom-functions runtime provides, as far as the PERF.* functions use them:
 * CustomFunctions.Error / ErrorCode / associate, and Office.context.displayLanguage.
 * Importing this module installs them on globalThis (tests import it first).
 */

export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export type ErrorCodeText = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** Mirrors CustomFunctions.Error: a code and an optional message. */
export class StubError {
  constructor(
    readonly code: ErrorCodeText,
    readonly message?: string
  ) {
    if (!Object.values(ERROR_CODES).includes(code))
      throw new TypeError(`not an ErrorCode: ${String(code)}`);
  }
}

export type Registered = (...args: unknown[]) => unknown;

export interface Globals {
  CustomFunctions: {
    Error: typeof StubError;
    ErrorCode: typeof ERROR_CODES;
    associate(id: string, fn: Registered): void;
  };
  Office: { context: { displayLanguage: string } };
  /** What `associate` registered, by id. */
  associations: Map<string, Registered>;
}

/** A fresh set of globals (a vm context gets its own). */
export function makeGlobals(displayLanguage = "en-US"): Globals {
  const associations = new Map<string, Registered>();
  return {
    CustomFunctions: {
      Error: StubError,
      ErrorCode: ERROR_CODES,
      associate(id: string, fn: Registered) {
        if (typeof fn !== "function") throw new TypeError(`associate(${id}) without a function`);
        if (associations.has(id)) throw new Error(`${id} associated twice`);
        associations.set(id, fn);
      },
    },
    Office: { context: { displayLanguage } },
    associations,
  };
}

export const globals = makeGlobals();
Object.assign(globalThis, { CustomFunctions: globals.CustomFunctions, Office: globals.Office });

/** Switch the display language the functions see (as Office.context.displayLanguage). */
export function setDisplayLanguage(language: string): void {
  globals.Office.context.displayLanguage = language;
}

/**
 * PERF.* for HyperFormula in the tests: the preview's plugin (dev/workbook/perfFunctions.ts),
 * which calls the shipped src/functions module the way Excel calls a custom function, over the
 * tests' CustomFunctions stub.
 */
import "../../functions/stubs";
import * as F from "../../../src/functions/functions";
import { installPerfFunctions } from "../../../dev/workbook/perfFunctions";

/** Registers PERF.* into HyperFormula (once per process). */
export function registerPerfPlugin(): void {
  installPerfFunctions(F as unknown as Record<string, unknown>);
}

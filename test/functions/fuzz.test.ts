/**
 * Fuzz: at least 10,000 random argument lists per function (text, blanks, booleans, huge and tiny
 * numbers, NaN-producing values, error values, data types, empty and ragged ranges), called the
 * way Excel calls them. No function may return NaN, ±Infinity or undefined, or throw anything but
 * a CustomFunctions.Error with a code a custom function may return; #VALUE! and #N/A always carry
 * a complete message (no unfilled placeholder, no internal error), #NUM! and #DIV/0! none.
 */
import { setDisplayLanguage } from "./stubs";
import fc from "fast-check";
import { CATALOG } from "../../src/functions/catalog";
import { argumentsFor } from "./arbitraries";
import { sourceExcel, type Excel, type Outcome } from "./harness";

const RUNS = 10_000;
const RETURNABLE = ["#VALUE!", "#N/A", "#NUM!", "#DIV/0!", "#NULL!"];
/** A message template's placeholder left unfilled (user text may contain braces of its own). */
const PLACEHOLDER =
  /\{(arg|text|value|position|row|column|columns|actual|sum|weight|weights|scores|score|label|grade|cap|floor|count|code|cells|detail|expected|previous)\}/;

/** Plain assertions: the hot loop runs 130,000 times, so no jest matchers in it. */
function fail(what: string, detail: unknown): never {
  throw new Error(
    `${what}: ${JSON.stringify(detail, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v))}`
  );
}

function checkError(e: { error: string; message?: string }, propagated: boolean): void {
  if (!RETURNABLE.includes(e.error)) fail("not an error code a custom function may return", e);
  if (propagated) return; // an input's own error goes back as it came
  if (e.error === "#VALUE!" || e.error === "#N/A") {
    const m = e.message;
    if (typeof m !== "string" || m.length < 6) fail("#VALUE!/#N/A without a message", e);
    if (PLACEHOLDER.test(m)) fail("message with an unfilled placeholder", e);
    if (/PERF could not compute|PERF 无法计算|undefined/.test(m))
      fail("internal error or undefined in a message", e);
  } else if (e.message !== undefined) {
    fail("#NUM!/#DIV/0! with a message", e);
  }
}

function containsErrorValue(args: unknown[]): boolean {
  const seen = (v: unknown): boolean =>
    Array.isArray(v)
      ? v.some(seen)
      : v !== null &&
        typeof v === "object" &&
        ("code" in v || (v as { type?: unknown }).type === "Error");
  return args.some(seen);
}

function checkOutcome(o: Outcome, args: unknown[]): void {
  const propagated = containsErrorValue(args);
  if ("error" in o) {
    checkError(o, propagated);
    return;
  }
  const v = o.value;
  if (Array.isArray(v)) {
    if (v.length === 0 || !Array.isArray(v[0]) || v[0].length === 0) fail("empty spilled array", v);
    const width = (v[0] as unknown[]).length;
    for (const row of v as unknown[][]) {
      if (row.length !== width) fail("ragged spilled array", v);
      for (const cell of row) {
        if (typeof cell === "string") continue;
        if (cell === null || typeof cell !== "object" || !("error" in cell))
          fail("spilled cell neither text nor error", cell);
        checkError(cell as { error: string; message?: string }, propagated);
      }
    }
    return;
  }
  if (typeof v === "number") {
    if (!Number.isFinite(v)) fail("non-finite result", v);
  } else if (typeof v !== "string") {
    fail("result neither number nor text", v);
  }
}

describe("fuzz", () => {
  let excel: Excel;
  beforeAll(async () => {
    excel = await sourceExcel();
  });
  afterAll(() => setDisplayLanguage("en-US"));

  for (const [i, spec] of CATALOG.entries()) {
    it(`should keep PERF.${spec.id} to finite values and CustomFunctions.Error over ${RUNS.toLocaleString("en-US")} random inputs`, () => {
      setDisplayLanguage(i % 2 === 0 ? "en-US" : "zh-CN");
      let values = 0;
      fc.assert(
        fc.property(argumentsFor(spec.id), (args) => {
          const o = excel.call(spec.id, ...args);
          checkOutcome(o, args);
          if ("value" in o) values++;
        }),
        { numRuns: RUNS, seed: 20240 + i }
      );
      // the inputs must reach the calculations, not only the argument checks
      expect(values).toBeGreaterThan(RUNS * 0.1);
      if (process.env.PERF_FUZZ_REPORT)
        console.log(`${spec.id}: ${values} of ${RUNS} calls returned a value`);
    });
  }
});

/**
 * PERF.* for HyperFormula: a function plugin whose every function calls the shipped
 * src/functions module the way Excel calls a custom function — an error in any argument
 * propagates without calling it, a range arrives as rows of values (a single cell passed to a
 * range parameter as [[value]]), a blank as null, an omitted optional argument as null — and turns
 * a thrown CustomFunctions.Error into the matching cell error.
 */
import "../../functions/stubs";
import {
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";
import * as F from "../../../src/functions/functions";
import { StubError } from "../../functions/stubs";

type Fn = (...args: unknown[]) => unknown;

/** id → implementation and which parameters are ranges (matrix parameters in the metadata). */
const FUNCTIONS: Record<string, { fn: Fn; ranges: number[]; arity: number }> = {
  ATTAINMENT: { fn: F.attainment as Fn, ranges: [], arity: 3 },
  GROWTH: { fn: F.growth as Fn, ranges: [], arity: 2 },
  KPISCORE: { fn: F.kpiScore as Fn, ranges: [], arity: 6 },
  CURVE: { fn: F.curve as Fn, ranges: [1], arity: 3 },
  WEIGHTED: { fn: F.weighted as Fn, ranges: [0, 1], arity: 3 },
  GRADE: { fn: F.grade as Fn, ranges: [1], arity: 2 },
  COEFFICIENT: { fn: F.coefficient as Fn, ranges: [1], arity: 2 },
  MATRIX: { fn: F.matrix as Fn, ranges: [2], arity: 3 },
  COMMISSION: { fn: F.commission as Fn, ranges: [1], arity: 5 },
  FEEDBACK: { fn: F.feedback as Fn, ranges: [0, 1, 2, 3], arity: 4 },
  PRORATE: { fn: F.prorate as Fn, ranges: [], arity: 3 },
  PAY: { fn: F.pay as Fn, ranges: [], arity: 5 },
};

const ERROR_TYPES: Record<string, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#NUM!": ErrorType.NUM,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NULL!": ErrorType.ERROR,
};

function scalar(v: unknown): unknown {
  if (v === EmptyValue) return null;
  if (typeof v === "object" && v !== null && "val" in v) return (v as { val: number }).val;
  return v;
}

class PerfPlugin extends FunctionPlugin {
  static override implementedFunctions = Object.fromEntries(
    Object.entries(FUNCTIONS).map(([id, d]) => [
      "PERF." + id,
      {
        method: "perf" + id,
        parameters: Array.from({ length: d.arity }, () => ({
          argumentType: FunctionArgumentType.ANY,
          optionalArg: true,
        })),
      },
    ])
  );

  callPerf(id: string, ast: { args: unknown[] }, state: unknown): unknown {
    const d = FUNCTIONS[id];
    const args: unknown[] = [];
    for (let i = 0; i < d.arity; i++) {
      if (i >= ast.args.length) {
        args.push(null);
        continue;
      }
      const v = this.evaluateAst(ast.args[i] as never, state as never) as unknown;
      if (v instanceof CellError) return v;
      if (v instanceof SimpleRangeValue) {
        const rows = v.data.map((r) => r.map(scalar));
        for (const r of rows) for (const c of r) if (c instanceof CellError) return c;
        args.push(
          d.ranges.includes(i)
            ? rows
            : rows.length === 1 && rows[0].length === 1
              ? rows[0][0]
              : rows
        );
      } else {
        const s = scalar(v);
        args.push(d.ranges.includes(i) ? [[s]] : s);
      }
    }
    try {
      const r = d.fn(...args);
      return typeof r === "number" || typeof r === "string" || typeof r === "boolean"
        ? r
        : new CellError(ErrorType.VALUE, "unexpected result");
    } catch (e) {
      if (e instanceof StubError)
        return new CellError(ERROR_TYPES[e.code] ?? ErrorType.ERROR, e.message);
      throw e;
    }
  }
}

for (const id of Object.keys(FUNCTIONS)) {
  (PerfPlugin.prototype as unknown as Record<string, unknown>)["perf" + id] = function (
    this: PerfPlugin,
    ast: { args: unknown[] },
    state: unknown
  ) {
    return this.callPerf(id, ast, state);
  };
}

let registered = false;

/** Registers PERF.* into HyperFormula (once per process). */
export function registerPerfPlugin(): void {
  if (registered) return;
  const names = Object.fromEntries(
    Object.keys(FUNCTIONS).map((id) => ["PERF." + id, "PERF." + id])
  );
  HyperFormula.registerFunctionPlugin(PerfPlugin as never, { enGB: names, enUS: names });
  registered = true;
}

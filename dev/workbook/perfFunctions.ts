/**
 * PERF.* in the preview workbook: a HyperFormula function plugin whose every function calls the
 * add-in's own src/functions module the way Excel calls a custom function — an error argument
 * propagates without a call, a range arrives as rows of values, a blank or omitted argument as
 * null — and turns the CustomFunctions.Error it throws into the matching cell error. So a
 * scorecard written with "PERF functions" recalculates in the preview as it does in Excel.
 * Development tooling only.
 */
import {
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";

/** The custom-functions runtime's error type, where there is no runtime (the preview page). */
class PreviewFunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string
  ) {
    super(message ?? code);
  }
}

function installRuntime(): void {
  const g = globalThis as { CustomFunctions?: unknown };
  if (g.CustomFunctions) return;
  g.CustomFunctions = {
    Error: PreviewFunctionError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
    associate: () => undefined,
  };
}

type Fn = (...args: unknown[]) => unknown;
type Definition = { name: string; ranges: number[]; arity: number };

/** Parameters that are ranges (matrix parameters in functions.json), and how many there are. */
const DEFINITIONS: Record<string, Definition> = {
  ATTAINMENT: { name: "attainment", ranges: [], arity: 3 },
  GROWTH: { name: "growth", ranges: [], arity: 2 },
  KPISCORE: { name: "kpiScore", ranges: [], arity: 6 },
  CURVE: { name: "curve", ranges: [1], arity: 3 },
  WEIGHTED: { name: "weighted", ranges: [0, 1], arity: 3 },
  GRADE: { name: "grade", ranges: [1], arity: 2 },
  COEFFICIENT: { name: "coefficient", ranges: [1], arity: 2 },
  MATRIX: { name: "matrix", ranges: [2], arity: 3 },
  COMMISSION: { name: "commission", ranges: [1], arity: 5 },
  FEEDBACK: { name: "feedback", ranges: [0, 1, 2, 3], arity: 4 },
  PRORATE: { name: "prorate", ranges: [], arity: 3 },
  PAY: { name: "pay", ranges: [], arity: 5 },
};

const ERRORS: Record<string, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#NUM!": ErrorType.NUM,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#REF!": ErrorType.REF,
  "#NAME?": ErrorType.NAME,
  "#NULL!": ErrorType.ERROR,
};

function scalar(v: unknown): unknown {
  if (v === EmptyValue) return null;
  if (typeof v === "object" && v !== null && "val" in v) return (v as { val: number }).val; // rich numbers
  return v;
}

type Evaluate = FunctionPlugin["evaluateAst"];

let functions: Record<string, Fn> | null = null;

class PerfPlugin extends FunctionPlugin {
  static override implementedFunctions = Object.fromEntries(
    Object.entries(DEFINITIONS).map(([id, d]) => [
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

  call(
    id: string,
    ast: { args: Parameters<Evaluate>[0][] },
    state: Parameters<Evaluate>[1]
  ): unknown {
    const d = DEFINITIONS[id];
    const args: unknown[] = [];
    for (let i = 0; i < d.arity; i++) {
      if (i >= ast.args.length) {
        args.push(null);
        continue;
      }
      const v: unknown = this.evaluateAst(ast.args[i], state);
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
      const r = functions![d.name](...args);
      return typeof r === "number" || typeof r === "string" || typeof r === "boolean"
        ? r
        : new CellError(ErrorType.VALUE);
    } catch (e) {
      // A CustomFunctions.Error from whichever runtime is installed: this page's, or a test's stub.
      const code = (e as { code?: unknown } | null)?.code;
      if (typeof code === "string" && code.startsWith("#"))
        return new CellError(ERRORS[code] ?? ErrorType.ERROR, (e as { message?: string }).message);
      throw e;
    }
  }
}

for (const id of Object.keys(DEFINITIONS)) {
  (PerfPlugin.prototype as unknown as Record<string, unknown>)["perf" + id] = function (
    this: PerfPlugin,
    ast: never,
    state: never
  ) {
    return this.call(id, ast, state);
  };
}

/** Registers PERF.* with HyperFormula (once; its registry is global), given src/functions. */
export function installPerfFunctions(module: Record<string, unknown>): void {
  if (functions) return;
  installRuntime();
  functions = {};
  for (const d of Object.values(DEFINITIONS)) {
    const f = module[d.name];
    if (typeof f !== "function") throw new Error(`src/functions has no ${d.name}()`);
    functions[d.name] = f as Fn;
  }
  const names = Object.fromEntries(
    Object.keys(DEFINITIONS).map((id) => ["PERF." + id, "PERF." + id])
  );
  HyperFormula.registerFunctionPlugin(PerfPlugin as never, { enGB: names, enUS: names });
}

/**
 * PERF.* worksheet functions: calls per second of each function, called as Excel calls it (the
 * exported function the metadata associates, with Excel's argument forms: numbers, numeric text
 * from CRM exports, ranges as 2-D arrays, null for omitted optionals), after a warm-up, over
 * 100,000 calls cycling through 1,024 realistic argument lists.
 *
 * Run alone:   npx tsx bench/functions.bench.ts
 * From code:   import { run } from "./functions.bench"; await run()
 *
 * Prints a table, then one JSON line: { "PERF.<ID>": calls per second, …,
 * "functionsScalarMinCallsPerSecond": the slowest single-value function }.
 */
import { performance } from "node:perf_hooks";
import * as F from "../src/functions/functions";
import { rng } from "../src/workbook/random";

const CALLS = 100_000;
const WARMUP = 30_000;
const VARIANTS = 1024;

/** Only error paths touch these; installed so the functions run as in Excel's runtime. */
function installRuntimeGlobals(): void {
  const g = globalThis as Record<string, unknown>;
  if (!g.CustomFunctions) {
    class CustomFunctionsError {
      constructor(
        readonly code: string,
        readonly message?: string
      ) {}
    }
    g.CustomFunctions = { Error: CustomFunctionsError, associate: () => undefined };
  }
  if (!g.Office) g.Office = { context: { displayLanguage: "zh-CN" } };
}

type Call = (args: unknown[]) => unknown;

interface Case {
  id: string;
  /** Returns one value: a single-value function (the ≥ 500,000 calls/s target applies). */
  scalar: boolean;
  call: Call;
  args(r: () => number): unknown[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const TIERS = [
  [0, 0.03],
  [100000, 0.05],
  [200000, 0.08],
  [400000, 0.1],
];
const POINTS = [
  [0.6, 0.5],
  [0.8, 0.8],
  [1, 1],
  [1.2, 1.5],
  [1.5, 2],
];
const MATRIX = [
  [null, 0.7, 0.8, 0.9, 1],
  [0.8, 0.5, 0.6, 0.7, 0.8],
  [1, 0.8, 0.9, 1, 1.1],
  [1.2, 1, 1.1, 1.2, 1.3],
  [1.5, 1.2, 1.3, 1.4, 1.5],
];
const WEIGHTS = [[0.4], [0.3], [0.2], [0.1]];
const GRADES = ["S", "A", "B", "C", "D", " a ", "b"];

const CASES: Case[] = [
  {
    id: "ATTAINMENT",
    scalar: true,
    call: (a) => F.attainment(a[0], a[1], a[2]),
    args: (r) => [round2(500000 * r()), 400000, r() < 0.8 ? null : "lower"],
  },
  {
    id: "GROWTH",
    scalar: true,
    call: (a) => F.growth(a[0], a[1]),
    args: (r) => [round2(500000 * r()), round2(100000 + 400000 * r())],
  },
  {
    id: "KPISCORE",
    scalar: true,
    call: (a) => F.kpiScore(a[0], a[1], a[2], a[3], a[4], a[5]),
    args: (r) =>
      r() < 0.5
        ? [round2(150 * r()), 100, 0.6, 1.2, null, null]
        : [`${Math.floor(120 * r())}%`, "100%", null, null, null, null],
  },
  {
    id: "CURVE",
    scalar: true,
    call: (a) => F.curve(a[0], a[1] as unknown[][], a[2]),
    args: (r) => [round2(2 * r()), POINTS, r() < 0.7 ? null : "step"],
  },
  {
    id: "WEIGHTED",
    scalar: true,
    call: (a) => F.weighted(a[0] as unknown[][], a[1] as unknown[][], a[2]),
    args: (r) => [
      [
        [round2(60 + 40 * r())],
        [round2(60 + 40 * r())],
        [round2(60 + 40 * r())],
        [round2(60 + 40 * r())],
      ],
      WEIGHTS,
      null,
    ],
  },
  {
    id: "GRADE",
    scalar: true,
    call: (a) => F.grade(a[0], a[1] as unknown[][]),
    args: (r) => [round2(50 + 50 * r()), null],
  },
  {
    id: "COEFFICIENT",
    scalar: true,
    call: (a) => F.coefficient(a[0], a[1] as unknown[][]),
    args: (r) => [GRADES[Math.floor(r() * GRADES.length)], null],
  },
  {
    id: "MATRIX",
    scalar: true,
    call: (a) => F.matrix(a[0], a[1], a[2] as unknown[][]),
    args: (r) => [round2(0.7 + r()), round2(0.6 + 0.5 * r()), MATRIX],
  },
  {
    id: "COMMISSION",
    scalar: true,
    call: (a) => F.commission(a[0], a[1] as unknown[][], a[2], a[3], a[4]),
    args: (r) => [
      round2(600000 * r()),
      TIERS,
      r() < 0.7 ? null : "全额累进",
      null,
      r() < 0.8 ? null : 30000,
    ],
  },
  {
    id: "FEEDBACK",
    scalar: true,
    call: (a) =>
      F.feedback(
        a[0] as unknown[][],
        a[1] as unknown[][],
        a[2] as unknown[][],
        a[3] as unknown[][]
      ),
    args: (r) => [
      [[Math.round(60 + 40 * r())]],
      [[Math.round(60 + 40 * r()), Math.round(60 + 40 * r()), Math.round(60 + 40 * r())]],
      [[Math.round(1 + 4 * r()) * 20], [null]],
      null,
    ],
  },
  {
    id: "PRORATE",
    scalar: true,
    call: (a) => F.prorate(a[0], a[1], a[2]),
    args: (r) => [8000, Math.floor(31 * r()), 30],
  },
  {
    id: "PAY",
    scalar: true,
    call: (a) => F.pay(a[0], a[1], a[2], a[3], a[4]),
    args: (r) => [
      6000,
      3000,
      [0.5, 0.8, 1, 1.2, 1.5][Math.floor(5 * r())],
      round2(20000 * r()),
      r() < 0.5 ? null : -200,
    ],
  },
  {
    id: "DISTRIBUTE",
    scalar: false,
    call: (a) => F.distribute(a[0] as unknown[][], a[1] as unknown[][]),
    // a team of 20 in a column, one blank
    args: (r) => [
      Array.from({ length: 20 }, (_, i) => [i === 7 ? null : round2(55 + 45 * r())]),
      null,
    ],
  },
];

function measure(c: Case): number {
  const r = rng(2024);
  const variants = Array.from({ length: VARIANTS }, () => c.args(r));
  let sink = 0;
  const consume = (v: unknown) => {
    sink +=
      typeof v === "number"
        ? v
        : typeof v === "string"
          ? v.length
          : Array.isArray(v)
            ? v.length
            : 1;
  };
  for (let i = 0; i < WARMUP; i++) consume(c.call(variants[i & (VARIANTS - 1)]));
  const start = performance.now();
  for (let i = 0; i < CALLS; i++) consume(c.call(variants[i & (VARIANTS - 1)]));
  const ms = performance.now() - start;
  if (!Number.isFinite(sink)) throw new Error(`${c.id}: a call returned a non-finite value`);
  return Math.round(CALLS / (ms / 1000));
}

export async function run(): Promise<Record<string, number>> {
  installRuntimeGlobals();
  const result: Record<string, number> = {};
  let slowestScalar = Infinity;
  for (const c of CASES) {
    const perSecond = measure(c);
    result[`PERF.${c.id}`] = perSecond;
    if (c.scalar) slowestScalar = Math.min(slowestScalar, perSecond);
  }
  result.functionsScalarMinCallsPerSecond = slowestScalar;
  return result;
}

if (require.main === module) {
  run().then((r) => {
    console.table(
      CASES.map((c) => ({
        function: `PERF.${c.id}`,
        "calls/s": r[`PERF.${c.id}`].toLocaleString("en-US"),
        "µs/call": Math.round((1e6 / r[`PERF.${c.id}`]) * 100) / 100,
        target: c.scalar
          ? r[`PERF.${c.id}`] >= 500_000
            ? "≥ 500,000 ✓"
            : "≥ 500,000 ✗"
          : "(spills 20 cells)",
      }))
    );
    console.log(JSON.stringify(r));
  });
}

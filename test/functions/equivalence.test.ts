/**
 * Each PERF.* function against the equivalent native Excel formula, evaluated by HyperFormula
 * (GPL-3.0, a devDependency used only here): 1,000 random cases per function, one row (or block)
 * per case, one HyperFormula sheet per function; results equal to 1e-9 (relative above 1), text
 * and error values identical. The formulas stay inside what Excel 2016+, LibreOffice and
 * HyperFormula all evaluate (SUMPRODUCT, INDEX/MATCH, COUNTIF, ROUND, AVERAGE, IF, MIN, ABS).
 */
import "./stubs";
import fc from "fast-check";
import { HyperFormula, DetailedCellError, type CellValue } from "hyperformula";
import { sourceExcel, type Excel, type Outcome } from "./harness";

const CASES = 1000;
const CONFIG = { licenseKey: "gpl-v3", useArrayArithmetic: true, smartRounding: false };

// ---------------------------------------------------------------------------------------------
// Sheet building: each case writes its inputs into a row and its formula(s) after them
// ---------------------------------------------------------------------------------------------

function column(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

class Sheet {
  readonly rows: unknown[][] = [];
  cell(row: number, col: number, value: unknown): string {
    while (this.rows.length <= row) this.rows.push([]);
    this.rows[row][col] = value;
    return `${column(col)}${row + 1}`;
  }
}

/** Writes values left to right in one row. */
class RowWriter {
  private col = 0;
  constructor(
    private readonly sheet: Sheet,
    readonly row: number
  ) {}
  /** One value; returns its reference. */
  put(value: unknown): string {
    return this.sheet.cell(this.row, this.col++, value ?? null);
  }
  /** Several values in adjacent cells; returns the range (e.g. C5:F5) and each cell's reference. */
  putAll(values: readonly unknown[]): { range: string; refs: string[] } {
    const refs = values.map((v) => this.put(v));
    return { range: `${refs[0]}:${refs[refs.length - 1]}`, refs };
  }
  /** A formula; returns [row, col] where its value will be. */
  formula(text: string): [number, number] {
    const col = this.col;
    this.put(`=${text}`);
    return [this.row, col];
  }
}

interface Prepared {
  args: unknown[];
  /** Where the formula's result is, one cell or (DISTRIBUTE) a row of cells. */
  result: [number, number] | [number, number][];
}

interface Spec<T> {
  id: string;
  cases: fc.Arbitrary<T>;
  /** Writes the case into the sheet (from `row` on) and returns the function's arguments. */
  write(sheet: Sheet, row: number, c: T): Prepared & { rowsUsed?: number };
}

// ---------------------------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------------------------

function sameValue(ours: unknown, theirs: CellValue): boolean {
  if (theirs instanceof DetailedCellError)
    return (
      typeof ours === "object" &&
      ours !== null &&
      (ours as { error?: string }).error === theirs.value
    );
  if (typeof ours === "number" && typeof theirs === "number")
    return Math.abs(ours - theirs) <= 1e-9 * Math.max(1, Math.abs(theirs));
  return ours === theirs;
}

function describeOutcome(o: Outcome): unknown {
  return "value" in o ? o.value : o;
}

function run<T>(
  excel: Excel,
  spec: Spec<T>,
  seed: number
): { mismatches: string[]; values: number } {
  const sheet = new Sheet();
  const prepared: Prepared[] = [];
  let row = 0;
  for (const c of fc.sample(spec.cases, { numRuns: CASES, seed })) {
    const p = spec.write(sheet, row, c);
    prepared.push(p);
    row += p.rowsUsed ?? 1;
  }
  const hf = HyperFormula.buildFromArray(sheet.rows as never, CONFIG);
  const mismatches: string[] = [];
  let values = 0;
  for (const p of prepared) {
    const o = excel.call(spec.id, ...p.args);
    const cells = Array.isArray(p.result[0])
      ? (p.result as [number, number][])
      : [p.result as [number, number]];
    const theirs = cells.map(([r, c]) => hf.getCellValue({ sheet: 0, row: r, col: c }));
    let ok: boolean;
    if ("value" in o && Array.isArray(o.value)) {
      const flat = (o.value as unknown[][]).flat();
      ok = flat.length === theirs.length && flat.every((v, i) => sameValue(v, theirs[i]));
    } else {
      ok = theirs.length === 1 && sameValue("value" in o ? o.value : o, theirs[0]);
    }
    if ("value" in o) values++;
    if (!ok && mismatches.length < 5) {
      mismatches.push(
        `${JSON.stringify(p.args)} → ours ${JSON.stringify(describeOutcome(o))}, formula ${JSON.stringify(theirs.map((t) => (t instanceof DetailedCellError ? t.value : t)))}`
      );
    } else if (!ok) mismatches.push("…");
  }
  hf.destroy();
  return { mismatches, values };
}

// ---------------------------------------------------------------------------------------------
// Random inputs
// ---------------------------------------------------------------------------------------------

/**
 * Numbers with a few decimals, as HR data has them. (fc.double favours subnormals such as 5e-324,
 * which fall inside the contract's 1e-9 boundary tolerance, where the functions deliberately
 * differ from an exact native comparison; the tolerance has its own worked examples.)
 */
function dec(min: number, max: number, decimals = 4): fc.Arbitrary<number> {
  const p = 10 ** decimals;
  return fc.integer({ min: Math.round(min * p), max: Math.round(max * p) }).map((n) => n / p);
}

const money = fc.integer({ min: 0, max: 5_000_000 }).map((n) => n / 100);
const signed = dec(-1e6, 1e6);
const positive = dec(0.01, 1e6);
const direction = fc.constantFrom<string | null>("higher", "lower", "高", "低", null, " Lower ");

/** n strictly ascending numbers from `start`, steps in [0.01, span]. */
function ascending(n: number, start: fc.Arbitrary<number>, span: number): fc.Arbitrary<number[]> {
  return fc
    .tuple(start, fc.array(dec(0.01, span), { minLength: n, maxLength: n }))
    .map(([s, steps]) => {
      let x = s;
      // kept to 4 decimals, so a value is either exactly on a threshold or clearly off it
      return steps.map((d, i) => (i === 0 ? x : (x = Math.round((x + d) * 1e4) / 1e4)));
    });
}

/** A value near the given thresholds: often exactly one of them, else anywhere around them. */
function near(thresholds: number[], spread: number): fc.Arbitrary<number> {
  const lo = thresholds[0] - spread;
  const hi = thresholds[thresholds.length - 1] + spread;
  return fc.oneof(fc.constantFrom(...thresholds), dec(lo, hi));
}

/** Positive weights summing to 1 (fractions) or 100 (points); some 0 or blank when allowed. */
function weights(n: number, allowZero: boolean): fc.Arbitrary<(number | null)[]> {
  return fc
    .tuple(
      fc.array(fc.oneof(dec(0.05, 1), ...(allowZero ? [fc.constant(0)] : [])), {
        minLength: n,
        maxLength: n,
      }),
      fc.boolean(),
      fc.boolean()
    )
    .map(([raw, points, blankZero]) => {
      const ws: number[] = raw.every((w) => w === 0) ? [1, ...raw.slice(1)] : raw;
      const total = ws.reduce((a, b) => a + b, 0);
      return ws.map((w) => (w === 0 && blankZero ? null : (w / total) * (points ? 100 : 1)));
    });
}

const DEFAULT_BANDS: [number, string][] = [
  [0, "D"],
  [60, "C"],
  [70, "B"],
  [85, "A"],
  [95, "S"],
];
const DEFAULT_QUOTAS: [string, number][] = [
  ["S", 0.1],
  ["A", 0.2],
  ["B", 0.5],
  ["C", 0.15],
  ["D", 0.05],
];
const DEFAULT_COEFFICIENTS: [string, number][] = [
  ["S", 1.5],
  ["A", 1.2],
  ["B", 1],
  ["C", 0.8],
  ["D", 0.5],
];
const isLower = (d: string | null) =>
  d !== null && ["lower", "低"].includes(d.trim().toLowerCase());

// ---------------------------------------------------------------------------------------------
// The functions and their native formulas
// ---------------------------------------------------------------------------------------------

/** A spec whose case type is checked where it is written, stored with the others. */
function spec<T>(s: Spec<T>): Spec<unknown> {
  return s as Spec<unknown>;
}

const SPECS: Spec<unknown>[] = [
  spec({
    id: "ATTAINMENT",
    cases: fc.tuple(
      fc.oneof({ arbitrary: signed, weight: 9 }, fc.constant(0)),
      fc.oneof({ arbitrary: positive, weight: 9 }, fc.constant(0)),
      direction
    ),
    write(sheet, row, [actual, target, dir]: [number, number, string | null]) {
      const w = new RowWriter(sheet, row);
      const a = w.put(actual);
      const t = w.put(target);
      return {
        args: [actual, target, dir],
        result: w.formula(isLower(dir) ? `${t}/${a}` : `${a}/${t}`),
      };
    },
  }),
  spec({
    id: "GROWTH",
    cases: fc.tuple(signed, fc.oneof({ arbitrary: signed, weight: 9 }, fc.constant(0))),
    write(sheet, row, [current, prior]: [number, number]) {
      const w = new RowWriter(sheet, row);
      const c = w.put(current);
      const p = w.put(prior);
      return { args: [current, prior], result: w.formula(`(${c}-${p})/ABS(${p})`) };
    },
  }),
  spec({
    id: "KPISCORE",
    cases: fc
      .tuple(
        dec(-50, 300),
        fc.oneof({ arbitrary: dec(1, 300), weight: 9 }, fc.constant(0)),
        dec(0, 1),
        dec(0, 1.5),
        direction,
        dec(1, 200),
        fc.boolean()
      )
      .map(
        ([actual, target, floor, extra, dir, full, zero]) =>
          [zero ? 0 : actual, target, floor, floor + extra, dir, full] as const
      ),
    write(
      sheet,
      row,
      [actual, target, floor, cap, dir, full]: readonly [
        number,
        number,
        number,
        number,
        string | null,
        number,
      ]
    ) {
      const w = new RowWriter(sheet, row);
      const [a, t, f, c, s] = [actual, target, floor, cap, full].map((v) => w.put(v));
      const att = w.formula(isLower(dir) ? `IF(${a}=0,${c},${t}/${a})` : `${a}/${t}`);
      const attRef = `${column(att[1])}${row + 1}`;
      return {
        args: [actual, target, floor, cap, dir, full],
        result: w.formula(`IF(${attRef}<${f},0,MIN(${attRef},${c})*${s})`),
      };
    },
  }),
  spec({
    id: "CURVE",
    cases: fc
      .integer({ min: 1, max: 5 })
      .chain((n) =>
        fc.tuple(ascending(n, dec(0, 1), 0.5), fc.array(dec(0, 3), { minLength: n, maxLength: n }))
      )
      .chain(([xs, ys]) =>
        fc.tuple(
          fc.constant(xs),
          fc.constant(ys),
          near(xs, 0.3),
          fc.constantFrom<string | null>("linear", "step", null, "阶梯", "线性")
        )
      ),
    write(sheet, row, [xs, ys, value, mode]: [number[], number[], number, string | null]) {
      const w = new RowWriter(sheet, row);
      const v = w.put(value);
      const X = w.putAll(xs);
      const Y = w.putAll(ys);
      const n = xs.length;
      const k = `MATCH(${v},${X.range},1)`;
      const y = (i: string) => `INDEX(${Y.range},1,${i})`;
      const x = (i: string) => `INDEX(${X.range},1,${i})`;
      const between =
        mode === "step" || mode === "阶梯"
          ? y(k)
          : `${y(k)}+(${y(`${k}+1`)}-${y(k)})*(${v}-${x(k)})/(${x(`${k}+1`)}-${x(k)})`;
      const f = `IF(${v}<${X.refs[0]},0,IF(${v}>=${X.refs[n - 1]},${Y.refs[n - 1]},${between}))`;
      return { args: [value, xs.map((xi, i) => [xi, ys[i]]), mode], result: w.formula(f) };
    },
  }),
  spec({
    id: "WEIGHTED",
    cases: fc
      .integer({ min: 1, max: 6 })
      .chain((n) =>
        fc.tuple(
          fc.array(fc.option(dec(0, 120), { freq: 4, nil: null }), { minLength: n, maxLength: n }),
          weights(n, true),
          fc.constantFrom("zero", "renormalize", "error", "计零", "重新分配")
        )
      )
      .map(([scores, ws, missing]) => {
        // keep to inputs that have a value: "error" only with blanks of weight 0, something to weigh
        const s = scores.map((x, i) =>
          missing === "error" && (ws[i] ?? 0) > 0 && x === null ? 50 : x
        );
        const first = ws.findIndex((x) => (x ?? 0) > 0);
        if (s[first] === null) s[first] = 75;
        return [s, ws, missing] as const;
      }),
    write(
      sheet,
      row,
      [scores, ws, missing]: readonly [(number | null)[], (number | null)[], string]
    ) {
      const w = new RowWriter(sheet, row);
      const S = w.putAll(scores);
      const W = w.putAll(ws);
      const den =
        missing === "renormalize" || missing === "重新分配"
          ? `SUMPRODUCT((${S.range}<>"")*${W.range})`
          : `SUM(${W.range})`;
      // scores as a row and weights as a column: read row by row, the shapes need not match
      return {
        args: [[scores], ws.map((x) => [x]), missing],
        result: w.formula(`SUMPRODUCT(${S.range},${W.range})/${den}`),
      };
    },
  }),
  spec({
    id: "GRADE",
    cases: fc.oneof(
      dec(-5, 110).map((score) => [score, null] as const),
      fc
        .integer({ min: 1, max: 5 })
        .chain((n) =>
          ascending(n, fc.integer({ min: 0, max: 50 }), 20).chain((mins) =>
            fc.tuple(
              near(mins, 10),
              fc.constant(mins.map((m, i) => [m, `G${i + 1}`] as [number, string]))
            )
          )
        )
    ),
    write(sheet, row, [score, bands]: readonly [number, [number, string][] | null]) {
      const w = new RowWriter(sheet, row);
      const v = w.put(score);
      const sorted = bands ?? DEFAULT_BANDS;
      const M = w.putAll(sorted.map((b) => b[0]));
      const L = w.putAll(sorted.map((b) => b[1]));
      // the function gets the bands in reverse order: any order is allowed
      return {
        args: bands ? [score, [...bands].reverse()] : [score],
        result: w.formula(`INDEX(${L.range},1,MATCH(${v},${M.range},1))`),
      };
    },
  }),
  spec({
    id: "DISTRIBUTE",
    cases: fc.tuple(
      fc.array(fc.option(fc.integer({ min: 50, max: 100 }), { freq: 5, nil: null }), {
        minLength: 1,
        maxLength: 12,
      }),
      fc.oneof(
        fc.constant(null),
        fc
          .integer({ min: 2, max: 5 })
          .chain((k) =>
            weights(k, false).map((shares) =>
              shares.map((s, i) => [`Q${i + 1}`, s as number] as [string, number])
            )
          )
      )
    ),
    write(sheet, row, [scores, quotas]: [(number | null)[], [string, number][] | null]) {
      const w = new RowWriter(sheet, row);
      const S = w.putAll(scores);
      const q = quotas ?? DEFAULT_QUOTAS;
      const scale = Math.abs(q.reduce((a, b) => a + b[1], 0) - 100) < 1e-6 ? 100 : 1;
      const L = w.putAll(q.map((x) => x[0]));
      const Q = w.putAll(q.map((x) => x[1]));
      const cut = q.map((_, k) =>
        w.formula(`ROUND(ROUND(COUNT(${S.range})*SUM(${Q.refs[0]}:${Q.refs[k]})/${scale},9),0)`)
      );
      const C = `${column(cut[0][1])}${row + 1}:${column(cut[cut.length - 1][1])}${row + 1}`;
      const result = S.refs.map((s) =>
        w.formula(
          `IF(ISBLANK(${s}),"",INDEX(${L.range},1,1+COUNTIF(${C},"<"&(1+COUNTIF(${S.range},">"&${s})))))`
        )
      );
      return { args: quotas ? [[scores], quotas] : [[scores]], result };
    },
  }),
  spec({
    id: "COEFFICIENT",
    cases: fc.oneof(
      fc.tuple(fc.constantFrom("S", "a", " b ", "C", "d", "s", "E"), fc.constant(null)),
      fc
        .uniqueArray(fc.constantFrom("S", "A", "B", "C", "D", "优秀", "良好", "合格", "X1", "X2"), {
          minLength: 1,
          maxLength: 6,
        })
        .chain((labels) =>
          fc.tuple(
            fc.oneof(
              {
                arbitrary: fc.constantFrom(...labels).map((l) => ` ${l.toLowerCase()}`),
                weight: 9,
              },
              fc.constantFrom("Z", "优")
            ),
            fc.constant(labels),
            fc.array(dec(0, 3), { minLength: labels.length, maxLength: labels.length })
          )
        )
        .map(
          ([grade, labels, coefs]) =>
            [grade, labels.map((l, i) => [l, coefs[i]] as [string, number])] as const
        )
    ),
    write(sheet, row, [grade, table]: readonly [string, [string, number][] | null]) {
      const w = new RowWriter(sheet, row);
      const g = w.put(grade);
      const t = table ?? DEFAULT_COEFFICIENTS;
      const L = w.putAll(t.map((x) => x[0]));
      const K = w.putAll(t.map((x) => x[1]));
      return {
        args: table ? [grade, table] : [grade],
        result: w.formula(`INDEX(${K.range},1,MATCH(TRIM(${g}),${L.range},0))`),
      };
    },
  }),
  spec({
    id: "MATRIX",
    cases: fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
      .chain(([m, n]) =>
        fc.tuple(
          ascending(m, dec(0, 1), 0.3),
          ascending(n, dec(0, 1), 0.3),
          fc.array(fc.array(dec(0, 2), { minLength: n, maxLength: n }), {
            minLength: m,
            maxLength: m,
          })
        )
      )
      .chain(([rows, cols, body]) =>
        fc.tuple(
          fc.constant(rows),
          fc.constant(cols),
          fc.constant(body),
          near(rows, 0.2),
          near(cols, 0.2)
        )
      ),
    write(sheet, row, [rows, cols, body, r, c]: [number[], number[], number[][], number, number]) {
      const table: (number | null)[][] = [[null, ...cols], ...rows.map((t, i) => [t, ...body[i]])];
      table.forEach((line, i) => line.forEach((v, j) => sheet.cell(row + i, j, v)));
      const m = rows.length;
      const n = cols.length;
      const rv = sheet.cell(row, 6, r);
      const cv = sheet.cell(row, 7, c);
      const rowThr = `A${row + 2}:A${row + 1 + m}`;
      const colThr = `B${row + 1}:${column(n)}${row + 1}`;
      const bodyRange = `B${row + 2}:${column(n)}${row + 1 + m}`;
      sheet.cell(
        row,
        8,
        `=IF(OR(${rv}<A${row + 2},${cv}<B${row + 1}),0,INDEX(${bodyRange},MATCH(${rv},${rowThr},1),MATCH(${cv},${colThr},1)))`
      );
      return { args: [r, c, table], result: [row, 8], rowsUsed: m + 1 };
    },
  }),
  spec({
    id: "COMMISSION",
    cases: fc
      .tuple(fc.integer({ min: 1, max: 5 }), fc.boolean())
      .chain(([n, ratios]) =>
        fc.tuple(
          ratios
            ? ascending(n, fc.constantFrom(0, 0.5, 0.8), 0.4)
            : ascending(n, fc.constantFrom(0, 10000, 50000), 200000),
          fc.array(dec(0, 0.3), { minLength: n, maxLength: n }),
          ratios ? dec(1000, 1e6) : fc.constant(null),
          fc.constantFrom<string | null>("marginal", "whole", null, "超额累进", "全额累进"),
          fc.option(dec(0, 50000), { freq: 3, nil: null })
        )
      )
      .chain(([bounds, rates, target, method, cap]) => {
        const scaled = bounds.map((b) => (target === null ? b : b * target));
        return fc.tuple(
          fc.constant(bounds),
          fc.constant(rates),
          fc.constant(target),
          fc.constant(method),
          fc.constant(cap),
          fc.oneof(fc.constantFrom(...scaled), dec(0, scaled[scaled.length - 1] * 1.5 + 1000))
        );
      }),
    write(
      sheet,
      row,
      [bounds, rates, target, method, cap, amount]: [
        number[],
        number[],
        number | null,
        string | null,
        number | null,
        number,
      ]
    ) {
      const w = new RowWriter(sheet, row);
      const a = w.put(amount);
      const t = w.put(target ?? 1);
      const B = w.putAll(bounds);
      const R = w.putAll(rates);
      // currency bounds: the bound itself, or the attainment bound × target (cells, as a workbook would)
      const SB = w.putAll(B.refs.map((b) => (target === null ? `=${b}` : `=${b}*${t}`)));
      // differential rates for the marginal SUMPRODUCT: r1, r2 − r1, …
      const DR = w.putAll(R.refs.map((r, i) => (i === 0 ? `=${r}` : `=${r}-${R.refs[i - 1]}`)));
      const whole = method === "whole" || method === "全额累进";
      const raw = whole
        ? `IF(${a}<${SB.refs[0]},0,${a}*INDEX(${R.range},1,MATCH(${a},${SB.range},1)))`
        : `SUMPRODUCT((${a}>${SB.range})*(${a}-${SB.range})*${DR.range})`;
      const f = cap === null ? raw : `MIN(${w.put(cap)},${raw})`;
      return {
        args: [amount, bounds.map((b, i) => [b, rates[i]]), method, target, cap],
        result: w.formula(f),
      };
    },
  }),
  spec({
    id: "FEEDBACK",
    cases: fc
      .tuple(
        fc.array(fc.option(fc.integer({ min: 1, max: 100 }), { freq: 4, nil: null }), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.array(fc.option(dec(1, 100), { freq: 4, nil: null }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.option(dec(1, 5), { freq: 4, nil: null }), { minLength: 1, maxLength: 5 }),
        fc.option(weights(3, false), { nil: null })
      )
      .map(([sup, peers, customers, ws]) => {
        if ([sup, peers, customers].every((g) => g.every((x) => x === null))) sup[0] = 80;
        return [sup, peers, customers, ws] as const;
      }),
    write(
      sheet,
      row,
      [sup, peers, customers, ws]: readonly [
        (number | null)[],
        (number | null)[],
        (number | null)[],
        (number | null)[] | null,
      ]
    ) {
      const w = new RowWriter(sheet, row);
      const groups = [sup, peers, customers].map((g) => w.putAll(g).range);
      const W = w.putAll(ws ?? [0.6, 0.2, 0.2]);
      const part = (g: string, i: number, what: string) =>
        `IF(COUNT(${g})>0,${what === "num" ? `AVERAGE(${g})*` : ""}${W.refs[i]},0)`;
      const num = groups.map((g, i) => part(g, i, "num")).join("+");
      const den = groups.map((g, i) => part(g, i, "den")).join("+");
      return {
        args: [sup.map((x) => [x]), [peers], [customers], ...(ws ? [[ws]] : [])],
        result: w.formula(`(${num})/(${den})`),
      };
    },
  }),
  spec({
    id: "PRORATE",
    cases: fc.tuple(
      dec(-1e5, 1e5),
      fc.integer({ min: 0, max: 40 }),
      fc.integer({ min: 1, max: 31 })
    ),
    write(sheet, row, [amount, worked, days]: [number, number, number]) {
      const w = new RowWriter(sheet, row);
      const [a, b, c] = [amount, worked, days].map((v) => w.put(v));
      return { args: [amount, worked, days], result: w.formula(`${a}*MIN(1,${b}/${c})`) };
    },
  }),
  spec({
    id: "PAY",
    cases: fc.tuple(
      money,
      money,
      fc.integer({ min: 0, max: 200 }).map((n) => n / 100),
      fc.integer({ min: -500_000, max: 5_000_000 }).map((n) => n / 1000),
      fc.integer({ min: -100_000, max: 500_000 }).map((n) => n / 100)
    ),
    write(
      sheet,
      row,
      [base, perf, coef, commission, bonus]: [number, number, number, number, number]
    ) {
      const w = new RowWriter(sheet, row);
      const [a, b, c, d, e] = [base, perf, coef, commission, bonus].map((v) => w.put(v));
      const sum = `(${a}+${b}*${c}+${d}+${e})`;
      // Excel's ROUND rounds the decimal value Excel shows (15 significant digits), so
      // ROUND(1.005, 2) = 1.01. HyperFormula's ROUND rounds the binary double (it gives 1), so the
      // formula rounds the cents to 6 decimals first: the same decimal value Excel rounds.
      return {
        args: [base, perf, coef, commission, bonus],
        result: w.formula(`ROUND(ROUND(${sum}*100,6),0)/100`),
      };
    },
  }),
];

describe("equivalence with native Excel formulas (HyperFormula)", () => {
  let excel: Excel;
  beforeAll(async () => {
    excel = await sourceExcel();
  });

  SPECS.forEach((spec, i) => {
    it(`should give PERF.${spec.id} the native formula's result on ${CASES} random cases`, () => {
      const { mismatches, values } = run(excel, spec, 1000 + i);
      expect(mismatches).toEqual([]);
      // the cases must mostly produce values, not only errors that happen to agree
      expect(values).toBeGreaterThan(CASES * 0.8);
    });
  });

  it("should show why PAY's oracle pre-rounds: HyperFormula's plain ROUND differs from Excel's on half cents", () => {
    const hf = HyperFormula.buildFromArray(
      [[1.005, "=ROUND(A1,2)", "=ROUND(ROUND(A1*100,6),0)/100"]],
      CONFIG
    );
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 1 })).toBe(1); // Excel: 1.01
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 2 })).toBe(1.01);
    expect(excel.call("PAY", 1.005, 0, 0)).toEqual({ value: 1.01 });
    hf.destroy();
  });
});

/**
 * fast-check arbitraries for PERF.* arguments: everything Excel (or a careless caller) can hand a
 * custom function — numbers from ordinary to extreme (huge, tiny, −0, NaN, ±Infinity), numeric text
 * in CRM formats, other text, blanks (null, undefined, "", spaces), booleans, error values (as
 * CustomFunctions.Error and as Excel.ErrorCellValue objects), data-type objects — and ranges that
 * are empty, ragged, scalar or realistic tables. Realistic values are mixed in so that the fuzz
 * reaches the calculations, not only the argument checks.
 */
import fc from "fast-check";
import { CATALOG } from "../../src/functions/catalog";
import { StubError } from "./stubs";

const realistic = fc.oneof(
  fc.integer({ min: -1000, max: 1_000_000 }),
  fc.double({ min: -10, max: 10, noNaN: true }),
  fc.double({ min: 0, max: 2, noNaN: true }),
  fc.constantFrom(0, 1, 0.5, 0.6, 0.8, 0.95, 1.2, 95, 100, 100000, 250000)
);

const extreme = fc.oneof(
  fc.double(), // includes NaN, ±Infinity, −0, subnormals
  fc.constantFrom(
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    1e308,
    -1e308,
    Number.MIN_VALUE,
    5e-324,
    -0,
    1e-300,
    2 ** 53,
    NaN,
    Infinity,
    -Infinity
  )
);

const numericText = fc.oneof(
  realistic.map((n) => String(n)),
  fc.integer({ min: 0, max: 200 }).map((n) => `${n}%`),
  fc.integer({ min: 1000, max: 9_999_999 }).map((n) => n.toLocaleString("en-US")),
  fc
    .integer({ min: 0, max: 999 })
    .map((n) => String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))),
  fc.constantFrom(
    " 12 ",
    "(1,234.50)",
    "¥1,000",
    "1,000元",
    "-0",
    "1e400",
    "1e-400",
    "８５％",
    "+.5",
    "1 200",
    "$-3"
  )
);

const text = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom(
    "abc",
    "N/A",
    "高",
    "低",
    "higher",
    "lower",
    "Lower ",
    "whole",
    "marginal",
    "超额累进",
    "全额累进",
    "step",
    "linear",
    "阶梯",
    "zero",
    "renormalize",
    "error",
    "S",
    "a",
    " B ",
    "优秀",
    "{x}",
    "#DIV/0!",
    "TRUE"
  )
);

const blank = fc.constantFrom(null, undefined, "", "   ", "\u3000");

const errorValue = fc.oneof(
  fc
    .constantFrom("#VALUE!", "#N/A", "#NUM!", "#DIV/0!", "#NULL!", "#REF!", "#NAME?")
    .map((code) => new StubError(code)),
  fc.constantFrom(
    { type: "Error", errorType: "Div0", basicValue: "#DIV/0!" },
    { type: "Error", errorType: "Ref", basicValue: "#REF!" },
    { type: "Error", errorType: "Spill" },
    { code: "#N/A" }
  )
);

const dataType = fc.oneof(
  realistic.map((n) => ({ type: "FormattedNumber", basicValue: n, numberFormat: "0%" })),
  fc.constant({ type: "Entity", text: "Contoso" }),
  fc.constant({ type: "Empty" })
);

/** Any single cell or scalar argument. */
export const anyCell: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: realistic, weight: 8 },
  { arbitrary: extreme, weight: 2 },
  { arbitrary: numericText, weight: 3 },
  { arbitrary: text, weight: 2 },
  { arbitrary: blank, weight: 2 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: errorValue, weight: 1 },
  { arbitrary: dataType, weight: 1 }
);

/** Mostly-valid numeric cells (so tables usually pass their checks). */
const numberCell: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: realistic, weight: 20 },
  { arbitrary: anyCell, weight: 1 }
);

/** An ascending column of n numbers, occasionally broken. */
function ascending(n: number): fc.Arbitrary<number[]> {
  return fc
    .array(fc.double({ min: 0.001, max: 100, noNaN: true }), { minLength: n, maxLength: n })
    .map((steps) => {
      let x = -1;
      return steps.map((s) => (x += s));
    });
}

/** A realistic n×2 table: ascending first column (numbers) and a second column of numbers or labels. */
function table2(second: fc.Arbitrary<unknown>, firstIsLabel = false): fc.Arbitrary<unknown[][]> {
  return fc
    .integer({ min: 1, max: 6 })
    .chain((n) =>
      fc.tuple(
        ascending(n),
        fc.array(second, { minLength: n, maxLength: n }),
        fc.integer({ min: 0, max: 2 }),
        fc.boolean()
      )
    )
    .map(([xs, ys, trailing, shuffled]) => {
      const rows: unknown[][] = xs.map((x, i) => (firstIsLabel ? [ys[i], x] : [x, ys[i]]));
      if (shuffled) rows.reverse();
      for (let i = 0; i < trailing; i++) rows.push([null, ""]);
      return rows;
    });
}

/** A realistic MATRIX table: header row and column ascending. */
const matrixTable: fc.Arbitrary<unknown[][]> = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
  .chain(([m, n]) =>
    fc.tuple(
      ascending(m),
      ascending(n),
      fc.array(fc.array(numberCell, { minLength: n, maxLength: n }), { minLength: m, maxLength: m })
    )
  )
  .map(([rows, cols, body]) => [[null, ...cols], ...rows.map((r, i) => [r, ...body[i]])]);

/** Any range: empty, ragged, scalar, row or column of cells. */
export const anyRange: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.array(fc.array(anyCell, { maxLength: 4 }), { maxLength: 6 }), weight: 4 },
  {
    arbitrary: fc.array(fc.array(numberCell, { minLength: 1, maxLength: 3 }), {
      minLength: 1,
      maxLength: 8,
    }),
    weight: 6,
  },
  { arbitrary: anyCell, weight: 1 },
  { arbitrary: fc.array(anyCell, { maxLength: 4 }), weight: 1 },
  { arbitrary: fc.constantFrom([], [[]], [[null]], [[], [1, 2, 3]]), weight: 1 }
);

function keyword(words: string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...words), weight: 6 },
    { arbitrary: blank, weight: 3 },
    { arbitrary: anyCell, weight: 1 }
  );
}

const labels = fc.constantFrom("S", "A", "B", "C", "D", "优秀", "良好", 1, 2);

/** Realistic-or-junk arbitraries for particular arguments (by function and parameter). */
const SPECIAL: Record<string, fc.Arbitrary<unknown>> = {
  "ATTAINMENT.direction": keyword(["higher", "lower", "高", "低"]),
  "KPISCORE.direction": keyword(["higher", "lower", "高", "低"]),
  "CURVE.points": fc.oneof(
    { arbitrary: table2(realistic), weight: 8 },
    { arbitrary: anyRange, weight: 2 }
  ),
  "CURVE.mode": keyword(["linear", "step", "线性", "阶梯"]),
  "WEIGHTED.scores": fc.oneof(
    {
      arbitrary: fc
        .array(fc.oneof(realistic, blank), { minLength: 1, maxLength: 6 })
        .map((xs) => xs.map((x) => [x])),
      weight: 8,
    },
    { arbitrary: anyRange, weight: 2 }
  ),
  "WEIGHTED.weights": fc.oneof(
    {
      arbitrary: fc
        .integer({ min: 1, max: 6 })
        .map((n) => Array.from({ length: n }, () => [1 / n])),
      weight: 4,
    },
    {
      arbitrary: fc
        .integer({ min: 1, max: 6 })
        .map((n) => Array.from({ length: n }, () => [100 / n])),
      weight: 4,
    },
    { arbitrary: anyRange, weight: 2 }
  ),
  "WEIGHTED.missing": keyword(["error", "zero", "renormalize", "报错", "计零", "重新分配"]),
  "GRADE.bands": fc.oneof(
    { arbitrary: table2(labels), weight: 6 },
    { arbitrary: blank, weight: 2 },
    { arbitrary: anyRange, weight: 2 }
  ),
  "DISTRIBUTE.scores": anyRange,
  "DISTRIBUTE.quotas": fc.oneof(
    {
      arbitrary: fc.constant([
        ["S", 0.1],
        ["A", 0.2],
        ["B", 0.5],
        ["C", 0.15],
        ["D", 0.05],
      ]),
      weight: 3,
    },
    {
      arbitrary: fc.constant([
        ["优", 30],
        ["良", 70],
      ]),
      weight: 3,
    },
    { arbitrary: blank, weight: 2 },
    { arbitrary: anyRange, weight: 2 }
  ),
  "COEFFICIENT.grade": fc.oneof(
    { arbitrary: labels, weight: 6 },
    { arbitrary: anyCell, weight: 4 }
  ),
  "COEFFICIENT.table": fc.oneof(
    { arbitrary: table2(realistic, true), weight: 5 },
    { arbitrary: blank, weight: 3 },
    { arbitrary: anyRange, weight: 2 }
  ),
  "MATRIX.table": fc.oneof(
    { arbitrary: matrixTable, weight: 8 },
    { arbitrary: anyRange, weight: 2 }
  ),
  "COMMISSION.tiers": fc.oneof(
    { arbitrary: table2(fc.double({ min: 0, max: 0.3, noNaN: true })), weight: 8 },
    { arbitrary: anyRange, weight: 2 }
  ),
  "COMMISSION.method": keyword(["marginal", "whole", "超额累进", "全额累进"]),
  "FEEDBACK.weights": fc.oneof(
    { arbitrary: fc.constantFrom([[0.6, 0.2, 0.2]], [[50], [30], [20]], [[1, 0, 0]]), weight: 5 },
    { arbitrary: blank, weight: 2 },
    { arbitrary: anyRange, weight: 3 }
  ),
};

/** WEIGHTED's scores and weights usually have the same number of cells. */
const weightedPair: fc.Arbitrary<[unknown, unknown]> = fc
  .integer({ min: 1, max: 6 })
  .chain((n) =>
    fc
      .tuple(
        fc.array(
          fc.oneof(
            { arbitrary: realistic, weight: 6 },
            { arbitrary: blank, weight: 2 },
            { arbitrary: anyCell, weight: 1 }
          ),
          { minLength: n, maxLength: n }
        ),
        fc.oneof(
          fc.constant(Array.from({ length: n }, () => 1 / n)),
          fc.constant(Array.from({ length: n }, () => 100 / n)),
          fc.array(fc.oneof(realistic, blank), { minLength: n, maxLength: n })
        ),
        fc.boolean()
      )
      .map(([scores, weights, asRow]): [unknown, unknown] =>
        asRow ? [[scores], weights.map((w) => [w])] : [scores.map((x) => [x]), [weights]]
      )
  );

/** Arguments for one call of a function: every parameter, with trailing optionals sometimes left out. */
export function argumentsFor(id: string): fc.Arbitrary<unknown[]> {
  if (id === "WEIGHTED") {
    return fc.oneof(
      {
        arbitrary: fc
          .tuple(weightedPair, fc.option(SPECIAL["WEIGHTED.missing"], { nil: undefined }))
          .map(([[s, w], m]) => (m === undefined ? [s, w] : [s, w, m])),
        weight: 8,
      },
      { arbitrary: generic(id), weight: 2 }
    );
  }
  return generic(id);
}

function generic(id: string): fc.Arbitrary<unknown[]> {
  const spec = CATALOG.find((f) => f.id === id);
  if (!spec) throw new Error(`unknown function ${id}`);
  const params = spec.params.map(
    (p) =>
      SPECIAL[`${id}.${p.name}`] ??
      (p.range
        ? anyRange
        : fc.oneof({ arbitrary: anyCell, weight: 4 }, { arbitrary: realistic, weight: 6 }))
  );
  const required = spec.params.filter((p) => !p.optional).length;
  return fc
    .tuple(...params, fc.integer({ min: required, max: spec.params.length }))
    .map((values) => {
      const count = values[values.length - 1] as number;
      return values.slice(0, count);
    });
}

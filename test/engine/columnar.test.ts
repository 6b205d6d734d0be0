/**
 * The columnar core gives what the DataRow path gives, bit for bit:
 * - evaluate over DataRow objects and over the same rows as columns (dataColumnsOf): every
 *   number of the run (indicator, dimension and total scores, grades, coefficients, the
 *   commission ledger, pay) on random data with blanks, invalid cells, conflicts, absent columns,
 *   months out of order and rows that are not months;
 * - readDataColumns and readDataTable over random tables: the same issues, mapping, rules,
 *   left-out rows and rows (dataRowsOf), and so the same run;
 * - readDataFile (bytes read in slices, down to a few bytes) and readCsvFile + readDataTable
 *   over random files in UTF-8, UTF-8 with a mark, UTF-16 and GB18030 with title lines, totals,
 *   quotes and every line end: the same messages at the same lines, or the same refusal.
 */
import fc from "fast-check";
import * as iconv from "iconv-lite";
import {
  ColumnState,
  dataColumnsOf,
  dataHeaderSpec,
  dataRowsOf,
  defaultPlan,
  evaluate,
  explain,
  readCsvFile,
  readDataColumns,
  readDataFile,
  readDataHead,
  readDataTable,
  type CellTable,
  type DataRow,
  type Evaluation,
  type FeedbackRating,
  type Plan,
} from "../../src/engine";

const plan = defaultPlan();
const KEYS = plan.fields.map((f) => f.key);

/** Every array and number of a run, as plain arrays (NaN and −0 kept: toEqual tells them apart). */
function numbersOf(ev: Evaluation): unknown {
  const seen = new Set<unknown>();
  const walk = (x: unknown, depth: number): unknown => {
    if (x === null || typeof x !== "object") return x;
    if (ArrayBuffer.isView(x)) return Array.from(x as unknown as ArrayLike<number>);
    if (seen.has(x) || depth > 6) return "(seen)";
    seen.add(x);
    if (Array.isArray(x)) return x.map((v) => walk(v, depth + 1));
    if (x instanceof Map) return [...x].map(([k, v]) => [k, walk(v, depth + 1)]);
    const out: Record<string, unknown> = {};
    const o = x as Record<string, unknown>;
    const keys = "ids" in o && "values" in o ? FRAME_KEYS : Object.keys(o);
    for (const k of keys) if (typeof o[k] !== "function") out[k] = walk(o[k], depth + 1);
    return out;
  };
  const { months, periods, grading, ledger, monthPay, periodPay, annual, issues } = ev;
  return walk({ months, periods, grading, ledger, monthPay, periodPay, annual, issues }, 0);
}
const FRAME_KEYS = [
  "n",
  "ids",
  "names",
  "teams",
  "periods",
  "monthCount",
  "first",
  "end",
  "values",
  "states",
  "sources",
  "conflicts",
  "groupOf",
];

const ids = ["S1", "S2", "S10", "S3", "A7"];
const months = ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-12", "2023-11"];

const rowArb: fc.Arbitrary<DataRow> = fc
  .record({
    id: fc.constantFrom(...ids),
    name: fc.constantFrom("王伟", "李娜", "Ann"),
    team: fc.constantFrom("T1", "T2", ""),
    period: fc.constantFrom(...months, "2024-Q1", "2024"),
    cells: fc.array(
      fc.oneof(
        { weight: 6, arbitrary: fc.integer({ min: 0, max: 400000 }) },
        { weight: 2, arbitrary: fc.double({ min: -5, max: 5, noNaN: true }) },
        { weight: 1, arbitrary: fc.constant(0) },
        { weight: 2, arbitrary: fc.constant(null) }
      ),
      { minLength: KEYS.length, maxLength: KEYS.length }
    ),
    invalid: fc.subarray(KEYS, { maxLength: 3 }),
    absent: fc.subarray(KEYS, { maxLength: 4 }),
    conflict: fc.option(fc.integer({ min: 2, max: 99 }), { nil: null }),
    row: fc.integer({ min: 2, max: 500 }),
    dropKey: fc.option(fc.constantFrom(...KEYS), { nil: null }),
  })
  .map((g) => {
    const values: Record<string, number | null> = {};
    KEYS.forEach((k, i) => {
      if (k !== g.dropKey) values[k] = g.absent.includes(k) ? null : g.cells[i];
    });
    return {
      id: g.id,
      name: g.name,
      team: g.team,
      period: g.period,
      values,
      invalid: g.invalid,
      absent: g.absent,
      conflict: g.conflict,
      source: { sheet: "Data", row: g.row, columns: { id: "A", sales_amount: "E" } },
    };
  });

const ratingsArb: fc.Arbitrary<FeedbackRating[]> = fc.array(
  fc.record({
    id: fc.constantFrom(...ids),
    period: fc.constantFrom("2024-Q1", "2024-Q2", "2024", "2024-02"),
    rater: fc.constantFrom("superior" as const, "peer" as const, "customer" as const),
    score: fc.integer({ min: 40, max: 100 }),
    raterName: fc.constant(""),
    source: fc.constant({ sheet: "Feedback", row: 2 }),
  }),
  { maxLength: 12 }
);

function plans(): Plan[] {
  const forced = defaultPlan();
  forced.grading.mode = "forced";
  forced.grading.group = "team";
  const monthly = defaultPlan();
  monthly.periods.evaluation = "month";
  return [defaultPlan(), forced, monthly];
}

describe("evaluate over columns and over DataRow objects", () => {
  it("gives every number bit for bit the same (random rows with blanks, invalid cells, conflicts, absent columns)", () => {
    const ps = plans();
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 40 }),
        ratingsArb,
        fc.nat(ps.length - 1),
        (rows, ratings, p) => {
          const byRows = evaluate(ps[p], rows, ratings);
          const byColumns = evaluate(ps[p], dataColumnsOf(KEYS, rows), ratings);
          expect(numbersOf(byColumns)).toEqual(numbersOf(byRows));
          for (let r = 0; r < Math.min(3, byRows.periods.frame.n); r++)
            expect(explain(byColumns, r)).toEqual(explain(byRows, r));
        }
      ),
      { numRuns: 80 }
    );
  });

  it("reads columns of a field set other than the plan's: fields they lack are absent", () => {
    const rows = fc.sample(rowArb, { numRuns: 30, seed: 7 });
    const some = KEYS.filter((_, i) => i % 3 !== 0);
    const cols = dataColumnsOf(some, rows);
    const asRows: DataRow[] = rows.map((r) => ({
      ...r,
      values: Object.fromEntries(
        some.filter((k) => r.values[k] !== undefined).map((k) => [k, r.values[k]])
      ),
      absent: [...KEYS.filter((k) => !some.includes(k)), ...r.absent],
      invalid: r.invalid.filter((k) => some.includes(k)),
    }));
    expect(numbersOf(evaluate(plan, cols))).toEqual(numbersOf(evaluate(plan, asRows)));
    expect(cols.states[0][0]).toBeLessThanOrEqual(ColumnState.Absent);
  });
});

const HEADER = ["员工编号", "姓名", "部门", "月份", ...plan.fields.map((f) => f.name.zh)];

const cellArb = (k: number): fc.Arbitrary<string> => {
  const f = plan.fields[k];
  const common: fc.Arbitrary<string>[] = [
    fc.constant(""),
    fc.constant("n/a"),
    fc.constant("-5"),
    fc.constant("1.234,5"),
    fc.constant("7.000"),
  ];
  const byUnit: fc.Arbitrary<string>[] =
    f.unit === "currency"
      ? [
          fc.integer({ min: 0, max: 900000 }).map((v) => `¥${v.toLocaleString("en-US")}`),
          fc.integer({ min: 0, max: 90 }).map((v) => `${v / 10}万`),
          fc.integer({ min: 0, max: 500000 }).map(String),
          fc.integer({ min: 0, max: 50000 }).map((v) => (v / 100).toFixed(2)),
        ]
      : f.unit === "ratio"
        ? [
            fc.integer({ min: 0, max: 1500 }).map((v) => `${v / 10}%`),
            fc.integer({ min: 0, max: 100 }).map((v) => String(v / 100)),
            fc.integer({ min: 0, max: 100 }).map(String),
          ]
        : f.key === "days_in_period" || f.key === "days_worked"
          ? [fc.constantFrom("28", "29", "30", "31", "0", "15", "32")]
          : [fc.integer({ min: 0, max: 120 }).map(String), fc.constant("3.5")];
  return fc.oneof(...byUnit, ...byUnit, ...common);
};

const dataLineArb: fc.Arbitrary<readonly string[]> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc
      .tuple(
        fc.constantFrom("S1", "S2", "S10", "Ｓ3", "", " S4 "),
        fc.constantFrom("王伟", " 李娜 ", "=Ann", "Bob"),
        fc.constantFrom("华东一部", "华北", ""),
        fc.constantFrom("2024年4月", "2024-05", "2024/6", "2024.1", "2024Q2", "abc", "202404"),
        fc.tuple(...plan.fields.map((_, k) => cellArb(k)))
      )
      .map(([id, name, team, month, cells]) => [id, name, team, month, ...cells]),
  },
  { weight: 1, arbitrary: fc.constant(["合计", "", "", "", "100"]) },
  { weight: 1, arbitrary: fc.constant(["", "华东一部 小计", "", ""]) },
  { weight: 1, arbitrary: fc.constant([""]) }
);

/** The table's lines, with some of them repeated (duplicates, or conflicts once cells differ). */
const linesArb = fc
  .tuple(
    fc.array(dataLineArb, { minLength: 1, maxLength: 25 }),
    fc.array(fc.nat(24), { maxLength: 4 })
  )
  .map(([lines, repeats]) => [
    ...lines,
    ...repeats.filter((i) => i < lines.length).map((i) => lines[i]),
  ]);

/** Which of the plan's columns the file leaves out. */
const droppedArb = fc.subarray(
  HEADER.map((_, i) => i).filter((i) => i >= 2),
  { maxLength: 4 }
);

function tableOf(lines: (readonly string[])[], dropped: number[]): CellTable {
  const keep = (cells: readonly string[]) => cells.filter((_, i) => !dropped.includes(i));
  return {
    sheet: "Data",
    headerRow: 1,
    header: keep(HEADER),
    rows: lines.map(keep),
  };
}

describe("readDataColumns", () => {
  it("gives readDataTable's issues, mapping, rules, left-out rows and rows", () => {
    fc.assert(
      fc.property(linesArb, droppedArb, (lines, dropped) => {
        const table = tableOf(lines, dropped);
        const classic = readDataTable(table, plan);
        const columnar = readDataColumns(table, plan);
        expect(columnar.issues).toEqual(classic.issues);
        expect(columnar.mapping).toEqual(classic.mapping);
        expect(columnar.rules).toEqual(classic.rules);
        expect(columnar.leftOut).toEqual(classic.leftOut);
        expect(dataRowsOf(columnar.columns)).toEqual(classic.rows);
        expect(numbersOf(evaluate(plan, columnar.columns))).toEqual(
          numbersOf(evaluate(plan, classic.rows))
        );
      }),
      { numRuns: 80 }
    );
  });
});

type Enc = "utf8" | "utf8bom" | "utf16le" | "gb18030";

function encode(text: string, enc: Enc): Uint8Array {
  if (enc === "utf8bom") return new Uint8Array(Buffer.from("\ufeff" + text, "utf8"));
  if (enc === "utf16le") return new Uint8Array(iconv.encode(text, "utf16le", { addBOM: true }));
  return new Uint8Array(iconv.encode(text, enc === "utf8" ? "utf8" : "gb18030"));
}

function csvText(lines: string[][], sep: string, eol: string, title: boolean): string {
  const quote = (c: string) =>
    c.includes(sep) || c.includes('"') || c.includes("\n") || /^\s|\s$/.test(c)
      ? `"${c.replace(/"/g, '""')}"`
      : c;
  const out = lines.map((l) => l.map(quote).join(sep));
  const head = title ? ["销售业绩明细导出,,导出时间：2024-07-01", ""] : [];
  return [...head, ...out].join(eol) + eol;
}

/** Rows of a file's head (readDataHead) the tests compare. */
const HEAD = 5;

async function bothWays(bytes: Uint8Array, slice: number, mapping?: Record<string, number>) {
  const streamed = await readDataFile(bytes, "export.csv", plan, { sliceBytes: slice, mapping });
  const head = await readDataHead(bytes, "export.csv", plan, HEAD, { sliceBytes: slice, mapping });
  const file = await readCsvFile(bytes, "export.csv", dataHeaderSpec(plan));
  if (!file.ok) {
    expect(streamed).toEqual(file);
    expect(head).toEqual(file);
    return;
  }
  if (!streamed.ok) throw new Error(JSON.stringify(streamed.issues));
  // the head: readCsvFile's header, issues and first rows with their lines, and its row count
  if (!head.ok) throw new Error(JSON.stringify(head.issues));
  expect(head.issues).toEqual(file.issues);
  expect(head.encoding).toEqual(file.encoding);
  expect(head.table).toEqual({
    ...file.table,
    rows: file.table.rows.slice(0, HEAD),
    rowNumbers: file.table.rowNumbers!.slice(0, HEAD),
  });
  expect(head.rows).toBe(
    file.table.rows.filter((r) => r.some((c) => String(c ?? "").trim() !== "")).length
  );
  expect(streamed.fileIssues).toEqual(file.issues);
  expect(streamed.encoding).toEqual(file.encoding);
  expect(streamed.headerRow).toEqual(file.table.headerRow);
  const classic = readDataTable(file.table, plan, mapping);
  expect(streamed.data.issues).toEqual(classic.issues);
  expect(streamed.data.rules).toEqual(classic.rules);
  expect(streamed.data.leftOut).toEqual(classic.leftOut);
  expect(dataRowsOf(streamed.data.columns)).toEqual(classic.rows);
}

describe("readDataFile and readDataHead (in slices)", () => {
  it("gives readCsvFile's and readDataTable's messages, lines and rows", async () => {
    await fc.assert(
      fc.asyncProperty(
        linesArb,
        droppedArb,
        fc.constantFrom(",", ";", "\t"),
        fc.constantFrom("\r\n", "\n", "\r"),
        fc.boolean(),
        fc.constantFrom<Enc>("utf8", "utf8bom", "utf16le", "gb18030"),
        fc.constantFrom(3, 7, 64, 1 << 20),
        async (lines, dropped, sep, eol, title, enc, slice) => {
          const t = tableOf(lines, dropped);
          const text = csvText([t.header as string[], ...(t.rows as string[][])], sep, eol, title);
          await bothWays(encode(text, enc), slice);
        }
      ),
      { numRuns: 80 }
    );
  });

  it("refuses what readCsvFile refuses, with the same message", async () => {
    const good = csvText([HEADER, ["S1", "王伟", "T1", "2024-04"]], ",", "\r\n", false);
    const cases: Uint8Array[] = [
      new Uint8Array(0),
      encode("  \r\n ", "utf8"),
      encode(good + "S2,\u0000x\r\n", "utf8"),
      encode(good + "S2,\uFFFD\r\n", "gb18030"),
      encode(good + 'S3,"open\r\n', "utf8"),
      encode("a,b\r\nc,d\r\n", "utf8"),
      new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xff, 0x0a]),
      new Uint8Array([0x61, 0x80, 0x0a, 0xff, 0xff]),
      new Uint8Array([0xff, 0xfe, 0x61]),
      new Uint8Array([0x50, 0x4b, 0x03, 0x04]),
    ];
    for (const bytes of cases) for (const slice of [2, 5, 1 << 20]) await bothWays(bytes, slice);
  });

  it("takes the user's mapping, reports progress and stops when aborted", async () => {
    const text = csvText(
      [HEADER, ...Array.from({ length: 50 }, (_, i) => [`S${i}`, "王伟", "T1", "2024-04"])],
      ",",
      "\n",
      true
    );
    const bytes = encode(text, "gb18030");
    await bothWays(bytes, 256, { id: 0, name: 1, period: 3 });
    const seen: string[] = [];
    const read = await readDataFile(bytes, "export.csv", plan, {
      sliceBytes: 512,
      onProgress: (p) => seen.push(`${p.stage}:${p.done}/${p.total}`),
    });
    expect(read.ok).toBe(true);
    expect(seen[0]).toBe(`scan:512/${bytes.length}`);
    expect(seen[seen.length - 1]).toBe(`read:${bytes.length}/${bytes.length}`);
    const stop = new AbortController();
    const run = readDataFile(bytes, "export.csv", plan, {
      sliceBytes: 256,
      signal: stop.signal,
      onProgress: (p) => (p.done > 1000 ? stop.abort(new Error("cancelled")) : undefined),
    });
    await expect(run).rejects.toThrow("cancelled");
  });
});

/**
 * Property: any number written in any accepted form, in any supported encoding and separator,
 * with or without title lines, is read as exactly that number, or named by an issue at its cell;
 * no generated file yields a silently different value (or name, team or month).
 *
 * Two preconditions are the rules themselves, said in the file's report when they apply:
 * - a file whose cells never show its decimal mark (only values like 7.000) is read by its
 *   separator's convention. Real money has cents, so the generator gives a file that uses the
 *   other convention one amount with cents;
 * - a ratio column of plain numbers is read as fractions (0.85 = 85%) unless some value is above 3,
 *   which makes it a column of percentages written as numbers. The generator's percent-number
 *   columns hold one renewal rate above 3% (85), as real ones do.
 */
import fc from "fast-check";
import * as iconv from "iconv-lite";
import {
  columnLetter,
  dataHeaderSpec,
  defaultPlan,
  readCsvFile,
  readDataTable,
  readFeedbackTable,
  type FieldDef,
  type Issue,
} from "../../src/engine";

const plan = defaultPlan();
const FIELDS = [
  "sales_amount",
  "collected",
  "retention_rate",
  "complaint_resolution",
  "new_customers",
  "satisfaction",
  "days_worked",
  "sales_cycle_days",
  "training_hours",
  "deductions",
].map((k) => plan.fields.find((f) => f.key === k)!);

type Encoding = "utf8" | "utf8bom" | "utf16le" | "utf16be" | "gb18030";
type Sep = "," | ";" | "\t";
type Mark = "." | ",";
type RatioStyle = "fraction" | "percentText" | "percentNumber";

/** A number as exact decimal text: digits and how many of them are decimals. */
interface Dec {
  units: number;
  places: number;
  negative: boolean;
}

const text = (d: Dec) => {
  const s = String(d.units).padStart(d.places + 1, "0");
  const int = s.slice(0, s.length - d.places);
  const frac = s.slice(s.length - d.places);
  return { int, frac };
};
const valueOf = (d: Dec) => {
  const { int, frac } = text(d);
  const v = Number(`${int}${frac ? "." + frac : ""}`);
  return d.negative && v !== 0 ? -v : v;
};
/** The same decimal moved by `by` places (× 10^by), still exact. */
const shift = (d: Dec, by: number): Dec => {
  if (by >= 0) {
    const take = Math.min(by, d.places);
    return { ...d, units: d.units * 10 ** (by - take), places: d.places - take };
  }
  return { ...d, places: d.places - by };
};

type Form = "plain" | "grouped" | "currency" | "yuan" | "wan" | "fullwidth" | "accounting";
type Bad = "percentInNonRatio" | "scientific";

interface Cell {
  field: FieldDef;
  /** null: blank. */
  value: Dec | null;
  form: Form;
  bad: Bad | null;
}

const decArb = (f: FieldDef): fc.Arbitrary<Dec> => {
  const d = (max: number, places: number, negative = false) =>
    fc.record({
      units: fc.integer({ min: 0, max: max * 10 ** places }),
      places: fc.constant(places),
      negative: negative ? fc.boolean() : fc.constant(false),
    });
  switch (f.unit) {
    case "currency":
      return d(99_999_999, 2, f.key === "sales_amount");
    case "ratio":
      return d(3, 4);
    case "count":
      return d(99_999, 0);
    case "score":
      return d(100, 1);
    case "days":
      return f.aggregate === "sum" ? d(31, 0) : d(365, 0);
    case "hours":
      return d(200, 1);
    default:
      return d(20, 0);
  }
};

const cellArb = (f: FieldDef): fc.Arbitrary<Cell> =>
  fc.record({
    field: fc.constant(f),
    value: fc.option(decArb(f), { freq: 8 }),
    form: fc.constantFrom<Form>(
      ...(f.unit === "currency"
        ? (["plain", "grouped", "currency", "yuan", "wan", "fullwidth", "accounting"] as const)
        : (["plain", "grouped", "fullwidth"] as const))
    ),
    bad: fc.option(
      fc.constantFrom<Bad>(
        ...(f.unit === "ratio"
          ? (["scientific"] as const)
          : (["percentInNonRatio", "scientific"] as const))
      ),
      { freq: 12 }
    ),
  });

const NAME_CHARS = "王伟李娜张敏刘洋陈静杨磊赵丽黄强周霞吴刚徐磊孙丽胡强朱敏郭军罗勇龘𠀀ABCxyz·-";
const nameArb = fc
  .array(fc.constantFrom(...Array.from(NAME_CHARS)), { minLength: 1, maxLength: 6 })
  .map((a) => a.join(""));

const fileArb = fc.record({
  encoding: fc.constantFrom<Encoding>("utf8", "utf8bom", "utf16le", "utf16be", "gb18030"),
  sep: fc.constantFrom<Sep>(",", ";", "\t"),
  mark: fc.constantFrom<Mark>(".", ","),
  english: fc.boolean(),
  crlf: fc.boolean(),
  titleLines: fc.integer({ min: 0, max: 2 }),
  ratioStyles: fc.tuple(
    fc.constantFrom<RatioStyle>("fraction", "percentText", "percentNumber"),
    fc.constantFrom<RatioStyle>("fraction", "percentText", "percentNumber")
  ),
  rows: fc.array(
    fc.record({
      name: nameArb,
      team: nameArb,
      month: fc.integer({ min: 1, max: 12 }),
      cells: fc.tuple(...FIELDS.map(cellArb)),
    }),
    { minLength: 1, maxLength: 6 }
  ),
});

type File = typeof fileArb extends fc.Arbitrary<infer T> ? T : never;

const FULL = (s: string) =>
  s.replace(/[0-9.,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

function group(int: string, by: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, by);
}

/** What a cell is written as, and the value it must be read as (undefined: it must be named). */
function write(cell: Cell, file: File, style: RatioStyle): { text: string; want?: number | null } {
  if (cell.value === null) return { text: "", want: null };
  const other = file.mark === "." ? "," : ".";
  const num = (d: Dec, grouped: boolean) => {
    const { int, frac } = text(d);
    return `${grouped ? group(int, other) : int}${frac ? file.mark + frac : ""}`;
  };
  let d = cell.value;
  let want: number | undefined = valueOf(d);
  if (cell.bad === "scientific") return { text: `${text(d).int}e2` };
  if (cell.bad === "percentInNonRatio") return { text: `${num(d, false)}%` };
  let suffix = "";
  if (cell.field.unit === "ratio") {
    if (style === "percentText") {
      d = shift(d, 2);
      suffix = "%";
    } else if (style === "percentNumber") {
      d = shift(d, 2);
      // a percentage written as a number that could be a fraction too is named, not guessed
      if (valueOf(d) !== 0 && Math.abs(valueOf(d)) <= 3) want = undefined;
    }
  }
  const sign = (s: string) => (d.negative && valueOf(d) !== 0 ? `-${s}` : s);
  switch (cell.form) {
    case "grouped":
      return { text: sign(num(d, true)) + suffix, want };
    case "currency":
      return { text: sign(`¥${num(d, true)}`), want };
    case "yuan":
      return { text: sign(`${num(d, false)}元`), want };
    case "wan":
      return { text: sign(`${num(shift(d, -4), false)}万`), want };
    case "fullwidth":
      return { text: FULL(sign(num(d, true)) + suffix), want };
    case "accounting":
      return d.negative && valueOf(d) !== 0
        ? { text: `(${num(d, true)})`, want }
        : { text: num(d, true), want };
    default:
      return { text: sign(num(d, false)) + suffix, want };
  }
}

function quote(v: string, sep: Sep): string {
  return /[",\n\r;\t]/.test(v) && (v.includes(sep) || v.includes('"') || /[\r\n]/.test(v))
    ? `"${v.replace(/"/g, '""')}"`
    : v;
}

interface Built {
  bytes: Uint8Array;
  /** Per data row: its file line, and per field: the written text and the wanted value. */
  rows: {
    line: number;
    id: string;
    name: string;
    team: string;
    month: string;
    cells: { text: string; want?: number | null }[];
  }[];
}

function build(file: File): Built {
  const nl = file.crlf ? "\r\n" : "\n";
  const lines: string[] = [];
  const titles = ["销售业绩明细导出（2024年）", "导出时间：2024-07-01 09:30"];
  for (let i = 0; i < file.titleLines; i++) lines.push(titles[i]);
  if (file.titleLines) lines.push("");
  const header = [
    ...(file.english
      ? ["Employee ID", "Name", "Team", "Period"]
      : ["员工编号", "姓名", "部门", "月份"]),
    ...FIELDS.map((f) => (file.english ? f.name.en : f.name.zh)),
  ];
  lines.push(header.map((h) => quote(h, file.sep)).join(file.sep));
  const rows: Built["rows"] = [];
  const usesOther = file.mark !== (file.sep === ";" ? "," : ".");
  file.rows.forEach((r, i) => {
    const id = `S${1001 + i}`;
    const month = `2024-${String(r.month).padStart(2, "0")}`;
    const cells = r.cells.map((c, k) => {
      const style =
        c.field.key === "retention_rate"
          ? file.ratioStyles[0]
          : c.field.key === "complaint_resolution"
            ? file.ratioStyles[1]
            : "fraction";
      // the preconditions: a file on the other convention shows its mark in one amount, and a
      // column of percentages written as numbers holds one above 3%
      if (style === "percentNumber" && i === 0)
        return write(
          { ...c, value: { units: 8500, places: 4, negative: false }, form: "plain", bad: null },
          file,
          style
        );
      if (usesOther && i === 0 && k === 0)
        return write(
          { ...c, value: { units: 123456, places: 2, negative: false }, form: "plain", bad: null },
          file,
          style
        );
      return write(c, file, style);
    });
    lines.push(
      [id, r.name, r.team, month, ...cells.map((c) => c.text)]
        .map((v) => quote(v, file.sep))
        .join(file.sep)
    );
    rows.push({ line: lines.length, id, name: r.name, team: r.team, month, cells });
  });
  const textAll = lines.join(nl) + nl;
  const encoded: Record<Encoding, () => Uint8Array> = {
    utf8: () => new TextEncoder().encode(textAll),
    utf8bom: () => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(textAll)]),
    utf16le: () => new Uint8Array([0xff, 0xfe, ...iconv.encode(textAll, "utf16le")]),
    utf16be: () => new Uint8Array([0xfe, 0xff, ...iconv.encode(textAll, "utf16-be")]),
    gb18030: () => new Uint8Array(iconv.encode(textAll, "gb18030")),
  };
  return { bytes: encoded[file.encoding](), rows };
}

function namedAt(issues: readonly Issue[], line: number, column: string): boolean {
  return issues.some(
    (i) => i.location?.row === line && i.location.column === column && i.severity === "error"
  );
}

describe("import property: exactly, or named with its cell", () => {
  it("should read every generated file's values exactly or name them, in every encoding, separator and decimal mark", async () => {
    const seen = { exact: 0, named: 0, encodings: new Set<string>(), marks: new Set<string>() };
    await fc.assert(
      fc.asyncProperty(fileArb, async (file) => {
        const built = build(file);
        const read = await readCsvFile(built.bytes, "gen.csv", dataHeaderSpec(plan));
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        const data = readDataTable(read.table, plan);
        seen.encodings.add(file.encoding);
        seen.marks.add(`${file.sep}${file.mark}`);
        for (const r of built.rows) {
          const row = data.rows.find((x) => x.id === r.id);
          expect(row).toBeDefined();
          if (!row) continue;
          expect([row.name, row.team, row.period, row.source.row]).toEqual([
            r.name.trim(),
            r.team.trim(),
            r.month,
            r.line,
          ]);
          FIELDS.forEach((f, k) => {
            const c = r.cells[k];
            const column = columnLetter(4 + k);
            const v = row.values[f.key];
            if (c.want !== undefined && v === c.want) seen.exact++;
            else seen.named++;
            if (c.want === undefined) {
              // must be named: left out with an error at its cell
              expect({
                key: f.key,
                text: c.text,
                v,
                named: namedAt(data.issues, r.line, column),
              }).toEqual({
                key: f.key,
                text: c.text,
                v: null,
                named: true,
              });
            } else if (v !== c.want) {
              // read differently only if named (and then not used)
              expect({
                key: f.key,
                text: c.text,
                v,
                want: c.want,
                named: namedAt(data.issues, r.line, column),
              }).toEqual({
                key: f.key,
                text: c.text,
                v: null,
                want: c.want,
                named: true,
              });
            }
          });
        }
      }),
      { numRuns: 300 }
    );
    // the property was exercised: exact values and named ones, every encoding and convention
    expect(seen.exact).toBeGreaterThan(1000);
    expect(seen.named).toBeGreaterThan(50);
    expect(seen.encodings.size).toBe(5);
    expect(seen.marks.size).toBe(6);
  });
});

describe("import property: nothing crashes it", () => {
  const junk = fc.oneof(
    fc.uint8Array({ maxLength: 400 }),
    fc
      .array(
        fc.oneof(
          fc.constantFrom(
            "员工编号",
            "月份",
            "签约金额",
            ",",
            ";",
            "\t",
            '"',
            "\r\n",
            "\n",
            "合计",
            "%",
            "万"
          ),
          fc.string({ maxLength: 6 })
        ),
        { maxLength: 80 }
      )
      .map((parts) => new TextEncoder().encode(parts.join("")))
  );
  it("should read any bytes into a table, or refuse them with a message, and never throw", async () => {
    await fc.assert(
      fc.asyncProperty(junk, async (bytes) => {
        const read = await readCsvFile(bytes, "junk.csv", dataHeaderSpec(plan));
        if (!read.ok) {
          expect(read.issues.some((i) => i.severity === "error")).toBe(true);
          return;
        }
        const data = readDataTable(read.table, plan);
        expect(Array.isArray(data.rows)).toBe(true);
        const fb = readFeedbackTable(read.table, { scale: 100 });
        expect(Array.isArray(fb.ratings)).toBe(true);
      }),
      { numRuns: 500 }
    );
  });
});

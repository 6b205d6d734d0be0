/**
 * The payroll CSV export: the GB18030 encoder against an independent one (iconv-lite) over the
 * whole Basic Multilingual Plane and beyond, and the file read back with the project's own CSV
 * parser in both encodings giving the pay list exactly as typed.
 */
import iconv from "iconv-lite";
import fc from "fast-check";
import { parseRecords } from "../../src/engine/import/csv";
import { decodeBytes } from "../../src/engine/import/decode";
import { encodeGb18030, encodeUtf8, gb18030Bytes } from "../../src/engine/export/gb18030";
import {
  csvField,
  defaultPayrollMapping,
  payrollCsv,
  payrollMoney,
  type PayrollField,
  type PayrollTable,
} from "../../src/engine/export/payrollCsv";
import { formatIssue } from "../../src/engine/issues";
import { evaluate } from "../../src/engine/evaluate/evaluate";
import { defaultPlan } from "../../src/engine/plan/defaultPlan";
import { generateSample } from "../../src/workbook/sample";
import { payrollTable } from "../../src/workbook/payrollTable";

describe("the GB18030 encoder", () => {
  it("should give iconv-lite's bytes for every BMP character both editions encode alike", () => {
    let encoded = 0;
    const left: number[] = [];
    for (let cp = 0x80; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const mine = gb18030Bytes(cp);
      if (!mine) {
        left.push(cp);
        continue;
      }
      encoded++;
      const ref = iconv.encode(String.fromCharCode(cp), "gb18030");
      if (Buffer.from(mine).compare(ref) !== 0)
        throw new Error(
          `U+${cp.toString(16)}: ${Buffer.from(mine).toString("hex")} ≠ ${ref.toString("hex")}`
        );
    }
    // what is left out: the characters GB18030-2022 moved (U+FE10–FE19, U+9FB4–9FBB, …), their
    // old private-use codes, and U+E5E5
    expect(left).toContain(0xfe10);
    expect(left).toContain(0x9fb4);
    expect(left).toContain(0xe5e5);
    expect(left.length).toBeLessThan(60);
    expect(encoded).toBe(0x10000 - 0x80 - 0x800 - left.length);
  });

  it("should encode supplementary characters by the linear four-byte range", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0x10000, max: 0x10ffff }), (cp) => {
        const r = encodeGb18030(String.fromCodePoint(cp));
        expect(r.ok).toBe(true);
        if (r.ok)
          expect(iconv.decode(Buffer.from(r.bytes), "gb18030")).toBe(String.fromCodePoint(cp));
      })
    );
  });

  it("should round-trip names, numbers and punctuation through iconv-lite", () => {
    const text = "工号,姓名\r\n00123,张三丰\r\n00456,欧阳·娜娜 (€5)\r\n𠀀𪚥,“引号”—\r\n";
    const r = encodeGb18030(text);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(Buffer.from(r.bytes).equals(iconv.encode(text, "gb18030"))).toBe(true);
      expect(iconv.decode(Buffer.from(r.bytes), "gb18030")).toBe(text);
    }
  });

  it("should name a lone surrogate and the moved characters, never replace them", () => {
    const r = encodeGb18030("a\uD800b\uFE10c");
    expect(r).toEqual({
      ok: false,
      unencodable: [
        { index: 1, char: "\uD800", codePoint: 0xd800 },
        { index: 3, char: "\uFE10", codePoint: 0xfe10 },
      ],
    });
    expect(encodeUtf8("x\uDC00").ok).toBe(false);
    expect(encodeUtf8("张\uFE10").ok).toBe(true);
  });
});

const fields: PayrollField[] = [
  { key: "id", kind: "text", label: { en: "Employee ID", zh: "员工编号" } },
  { key: "name", kind: "text", label: { en: "Name", zh: "姓名" } },
  { key: "month", kind: "text", label: { en: "Pay month", zh: "发薪月份" } },
  { key: "base", kind: "money", label: { en: "Base pay", zh: "基本工资" } },
  { key: "trueUp", kind: "money", label: { en: "True-up", zh: "季末补差" } },
  { key: "gross", kind: "money", label: { en: "Gross pay", zh: "应发合计" } },
];

function table(records: Record<string, string | number | null>[]): PayrollTable {
  return {
    fields,
    records,
    subjects: records.map((r) => ({ id: String(r.id), period: String(r.month) })),
  };
}

const typed = table([
  { id: "00123", name: "张三", month: "2024-03", base: 8000, trueUp: -1234.5, gross: 6765.5 },
  {
    id: "S0042",
    name: 'O\'Neil, "Jo"',
    month: "2024-03",
    base: 7500.125,
    trueUp: 0.005,
    gross: 1234567.891,
  },
  { id: "007", name: "欧阳娜娜", month: "2024-03", base: 0, trueUp: -0.001, gross: -0 },
]);

/** The file read back as a payroll import would: decoded by its encoding, parsed as CSV. */
function readBack(bytes: Uint8Array, encoding: "utf-8-bom" | "gb18030"): string[][] {
  const text =
    encoding === "gb18030"
      ? iconv.decode(Buffer.from(bytes), "gb18030")
      : iconv.decode(Buffer.from(bytes), "utf-8");
  const parsed = parseRecords(text.replace(/^\uFEFF/, ""));
  expect(parsed.delimiter).toBe(",");
  return parsed.records;
}

describe("the payroll CSV", () => {
  it("should write money with two decimals, no separator, as Excel's ROUND rounds", () => {
    expect(payrollMoney(1234567.891)).toBe("1234567.89");
    expect(payrollMoney(2.675)).toBe("2.68");
    expect(payrollMoney(-1234.5)).toBe("-1234.50");
    expect(payrollMoney(-0.001)).toBe("0.00");
    expect(payrollMoney(-0)).toBe("0.00");
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField(" lead")).toBe('" lead"');
  });

  for (const encoding of ["utf-8-bom", "gb18030"] as const) {
    it(`should read back exactly as typed in ${encoding}`, () => {
      const mapping = defaultPayrollMapping(fields, "zh-CN", encoding);
      const out = payrollCsv(typed, mapping, "payroll.csv");
      expect(out.issues).toEqual([]);
      expect(out.bytes).not.toBeNull();
      const bytes = out.bytes!;
      expect(Buffer.from(bytes.slice(0, 3)).toString("hex")).toBe(
        encoding === "utf-8-bom" ? "efbbbf" : iconv.encode("员", "gb18030").toString("hex") + "b9"
      );
      expect(readBack(bytes, encoding)).toEqual([
        ["员工编号", "姓名", "发薪月份", "基本工资", "季末补差", "应发合计"],
        ["00123", "张三", "2024-03", "8000.00", "-1234.50", "6765.50"],
        ["S0042", 'O\'Neil, "Jo"', "2024-03", "7500.13", "0.01", "1234567.89"],
        ["007", "欧阳娜娜", "2024-03", "0.00", "0.00", "0.00"],
      ]);
      // and the import's own decoder says which encoding it is
      const decoded = decodeBytes(bytes, "payroll.csv");
      expect(decoded.ok && decoded.encoding).toBe(encoding === "gb18030" ? "gb18030" : "utf-8");
    });
  }

  it("should write the mapping's columns, in its order, under its headers", () => {
    const out = payrollCsv(
      typed,
      {
        encoding: "utf-8-bom",
        columns: [
          { field: "gross", header: "NET_AMT" },
          { field: "id", header: "EMP_NO" },
          { field: "bogus", header: "X" },
        ],
      },
      "payroll.csv"
    );
    expect(out.issues.map((i) => formatIssue(i, "en-US"))).toEqual([
      'The payroll mapping names "bogus", which the pay list does not have; the column was left out.',
    ]);
    expect(readBack(out.bytes!, "utf-8-bom")).toEqual([
      ["NET_AMT", "EMP_NO"],
      ["6765.50", "00123"],
      ["1234567.89", "S0042"],
      ["0.00", "007"],
    ]);
  });

  it("should name a character GB18030 cannot hold by line, column and salesperson, in both languages", () => {
    const t = table([
      { id: "00123", name: "张\uFE10三", month: "2024-03", base: 1, trueUp: 0, gross: 1 },
    ]);
    const out = payrollCsv(t, defaultPayrollMapping(fields, "en-US", "gb18030"), "payroll.csv");
    expect(out.bytes).toBeNull();
    expect(out.issues.map((i) => formatIssue(i, "en-US"))).toEqual([
      'payroll.csv row 2, column B (Name): The character "\uFE10" (U+FE10) cannot be written in GB18030 (GB18030\'s 2005 and 2022 editions give it different codes, so the payroll system could read another character); the file was not made. Correct the text or export in UTF-8.',
    ]);
    expect(formatIssue(out.issues[0], "zh-CN")).toBe(
      "payroll.csv 第 2 行 B 列（Name）：字符“\uFE10”（U+FE10）无法以 GB18030 编码写出（GB18030 的 2005 版与 2022 版对其编码不同，工资系统可能读成另一个字符），未生成文件。请更正该文字或以 UTF-8 导出。"
    );
    expect(
      payrollCsv(t, defaultPayrollMapping(fields, "en-US", "utf-8-bom"), "p.csv").bytes
    ).not.toBeNull();
  });

  it("should write text a spreadsheet would take for a formula as it is, and say so", () => {
    const t = table([
      { id: "00123", name: '=HYPERLINK("x")', month: "2024-03", base: 1, trueUp: -5, gross: 1 },
    ]);
    const out = payrollCsv(t, defaultPayrollMapping(fields, "en-US", "utf-8-bom"), "p.csv");
    expect(out.bytes).not.toBeNull();
    expect(out.issues.map((i) => formatIssue(i, "en-US"))).toEqual([
      'p.csv row 2, column B (Name): "=HYPERLINK("x")" begins with "=": a spreadsheet opening the file would take it for a formula. It is written as it is; check it in the pay list.',
    ]);
    expect(readBack(out.bytes!, "utf-8-bom")[1][1]).toBe('=HYPERLINK("x")');
  });

  it("should refuse a blank amount, a blank header and a header given twice", () => {
    const t = table([{ id: "1", name: "A", month: "2024-03", base: null, trueUp: 0, gross: 1 }]);
    const out = payrollCsv(
      t,
      {
        encoding: "utf-8-bom",
        columns: [
          { field: "id", header: "ID" },
          { field: "base", header: "Base" },
          { field: "gross", header: " " },
          { field: "trueUp", header: "ID" },
        ],
      },
      "p.csv"
    );
    expect(out.bytes).toBeNull();
    expect(out.issues.map((i) => formatIssue(i, "en-US"))).toEqual([
      "Column C of the payroll export has no header name.",
      'The header "ID" is given to two columns of the payroll export (A, D).',
      "p.csv row 2, column B (Base): 1 2024-03: Base has no value (the pay list could not compute it); the file was not made.",
    ]);
  });
});

describe("the pay list's export", () => {
  it("should read back, in both encodings, as the engine's pay list: ids with leading zeros, Chinese names, negative true-ups, cents", () => {
    const plan = defaultPlan();
    plan.pay.schedule = "monthlyAdvance";
    plan.pay.advanceShare = 1; // a full advance: a coefficient below 1 gives a negative true-up
    const sample = generateSample({ people: 12, teams: 3, seed: 4 });
    const rows = sample.rows.map((r) => ({ ...r, id: "00" + r.id.replace(/\D/g, "") }));
    const ratings = sample.ratings.map((x) => ({ ...x, id: "00" + x.id.replace(/\D/g, "") }));
    const all = payrollTable(evaluate(plan, rows, ratings));
    // the lines the engine could compute (a line it could not is named, tested above)
    const keep = all.records
      .map((r, i) => (Object.values(r).includes(null) ? -1 : i))
      .filter((i) => i >= 0);
    expect(keep.length).toBeGreaterThan(100);
    const table = {
      fields: all.fields,
      records: keep.map((i) => all.records[i]),
      subjects: keep.map((i) => all.subjects[i]),
    };
    const trueUp = table.fields.findIndex((f) => f.key === "perfTrueUp");
    expect(trueUp).toBeGreaterThan(0);
    expect(table.records.some((r) => (r.perfTrueUp as number) < 0)).toBe(true);
    expect(table.records.every((r) => /^00\d+$/.test(r.id as string))).toBe(true);
    expect(table.records.some((r) => /[\u4e00-\u9fff]/.test(r.name as string))).toBe(true);
    for (const encoding of ["utf-8-bom", "gb18030"] as const) {
      const out = payrollCsv(
        table,
        defaultPayrollMapping(table.fields, "zh-CN", encoding),
        "p.csv"
      );
      expect(out.issues).toEqual([]);
      const back = readBack(out.bytes!, encoding);
      expect(back[0]).toEqual(table.fields.map((f) => f.label.zh));
      expect(back.slice(1)).toEqual(
        table.records.map((r) =>
          table.fields.map((f) =>
            f.kind === "money" ? payrollMoney(r[f.key] as number) : r[f.key]
          )
        )
      );
      // the amounts are the engine's to the cent: reading them back as numbers gives them exactly
      back.slice(1).forEach((line, i) =>
        table.fields.forEach((f, j) => {
          if (f.kind === "money") expect(Number(line[j])).toBe(table.records[i][f.key]);
        })
      );
    }
  });
});

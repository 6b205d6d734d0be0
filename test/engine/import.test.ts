/**
 * Import that never guesses: each rule of the import core, with the faults real files carry, in
 * both languages. Every value either comes in exactly or is named by file, line, column and reason.
 */
import { readFileSync } from "fs";
import { join } from "path";
import * as iconv from "iconv-lite";
import {
  dataHeaderSpec,
  decodeBytes,
  defaultPlan,
  detectDelimiter,
  FEEDBACK_HEADER_SPEC,
  formatIssue,
  headerScale,
  isTotalLabel,
  locateHeader,
  mapColumns,
  parseCsv,
  parseRecords,
  readCsvFile,
  readDataTable,
  readFeedbackTable,
  type CellTable,
  type Issue,
  type Plan,
} from "../../src/engine";

/** The samples of shared/samples/, kept byte for byte with the tests (see test/fixtures/README.md). */
const SAMPLES = join(__dirname, "..", "fixtures");
const sample = (name: string) => new Uint8Array(readFileSync(join(SAMPLES, name)));
const utf8 = (text: string) => new TextEncoder().encode(text);
const en = (i: Issue) => formatIssue(i, "en-US");
const zh = (i: Issue) => formatIssue(i, "zh-CN");

const plan = defaultPlan();

/** A CSV of the Data sheet's identity columns and the given fields, one row per entry. */
function csv(fields: Record<string, string>[], sep = ","): string {
  const keys = Object.keys(fields[0]);
  const header = ["员工编号", "姓名", "部门", "月份", ...keys.map((k) => nameOf(k))];
  const quote = (v: string) =>
    v.includes(sep) || v.includes('"') ? `"${v.replace(/"/g, '""')}"` : v;
  const lines = fields.map((f, i) =>
    [`S${1001 + i}`, `人${i}`, "华东一部", "2024-04", ...keys.map((k) => f[k])].map(quote).join(sep)
  );
  return [header.join(sep), ...lines].join("\r\n") + "\r\n";
}

function nameOf(key: string): string {
  return plan.fields.find((f) => f.key === key)!.name.zh;
}

async function readData(bytes: Uint8Array, name = "crm.csv", p: Plan = plan) {
  const file = await readCsvFile(bytes, name, dataHeaderSpec(p));
  if (!file.ok) throw new Error(file.issues.map(en).join("\n"));
  return { file, data: readDataTable(file.table, p) };
}

function at(issues: readonly Issue[], row: number, code?: string): Issue[] {
  return issues.filter((i) => i.location?.row === row && (code === undefined || i.code === code));
}

describe("encoding, deliberately", () => {
  const text = "员工编号,姓名\r\nS1001,王伟\r\n";
  it.each([
    [
      "UTF-8 with a byte-order mark",
      [0xef, 0xbb, 0xbf, ...utf8(text)],
      "UTF-8",
      "文件带字节顺序标记",
    ],
    ["UTF-8 without one", [...utf8(text)], "UTF-8", ""],
    [
      "UTF-16 LE with its mark",
      [0xff, 0xfe, ...iconv.encode(text, "utf16le")],
      "UTF-16 LE",
      "文件带",
    ],
    [
      "UTF-16 BE with its mark",
      [0xfe, 0xff, ...iconv.encode(text, "utf16-be")],
      "UTF-16 BE",
      "文件带",
    ],
    [
      "GB18030, as Excel on Chinese Windows saves it",
      [...iconv.encode(text, "gb18030")],
      "GB18030",
      "不是有效的 UTF-8",
    ],
  ])("should read %s and say which encoding it used", (_, bytes, name, how) => {
    const r = decodeBytes(new Uint8Array(bytes), "f.csv");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text).toBe(text);
    expect(en(r.issues[0])).toContain(`Read as ${name}`);
    expect(zh(r.issues[0])).toContain(how);
  });

  it("should refuse bytes that are neither UTF-8 nor GB18030, naming the line", () => {
    const bytes = new Uint8Array([...utf8("a,b\r\nc,d\r\n"), 0xff, 0x41, 0x0a]);
    const r = decodeBytes(bytes, "bad.csv");
    expect(r.ok).toBe(false);
    expect(en(r.issues[0])).toBe(
      "bad.csv row 3: The file is neither UTF-8 nor GB18030 (line 3, byte 11 cannot be read); save it as CSV UTF-8 and import it again."
    );
    expect(zh(r.issues[0])).toContain("既不是 UTF-8 也不是 GB18030");
  });

  it("should refuse text that holds a replacement character or NUL", () => {
    const lost = decodeBytes(utf8("员工编号,姓名\nS1001,王\uFFFD\n"), "lost.csv");
    expect(lost.ok).toBe(false);
    expect(en(lost.issues[0])).toMatch(/^lost\.csv row 2: Line 2 holds the replacement character/);
    const nul = decodeBytes(new Uint8Array([0x61, 0x00, 0x62, 0x00]), "u16.csv");
    expect(nul.ok).toBe(false);
    expect(zh(nul.issues[0])).toMatch(/含有 NUL 字符：文件可能是不带字节顺序标记的 UTF-16/);
  });

  it("should say why an .xlsx, an .xls, a PDF or an empty file is not a CSV", () => {
    const says = (bytes: number[], text: RegExp) => {
      const r = decodeBytes(new Uint8Array(bytes), "x");
      expect(r.ok).toBe(false);
      expect(en(r.issues[0])).toMatch(text);
    };
    says([0x50, 0x4b, 0x03, 0x04, 1, 2], /Excel workbook \(\.xlsx\), not a CSV file/);
    says([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], /Excel workbook \(\.xls\)/);
    says([0x25, 0x50, 0x44, 0x46, 0x2d], /PDF document/);
    says([], /The file is empty/);
    says([0xef, 0xbb, 0xbf, 0x0d, 0x0a], /The file is empty/);
  });
});

describe("CSV structure", () => {
  it("should decide the separator once per file, whatever the title line holds", () => {
    expect(detectDelimiter("报表,,导出时间\n\na;b;c\n1;2;3\n4;5;6\n")).toBe(";");
    expect(detectDelimiter("a\tb\tc\n1\t2,5\t3\n")).toBe("\t");
    expect(detectDelimiter('a,b\n"1,5",2\n')).toBe(",");
  });
  it("should keep the line each record starts on, across quoted line breaks", () => {
    const r = parseRecords('id,note\r\nS1,"two\r\nlines"\r\nS2,"say ""hi"""\r\n');
    expect(r.records).toEqual([
      ["id", "note"],
      ["S1", "two\r\nlines"],
      ["S2", 'say "hi"'],
    ]);
    expect(r.lines).toEqual([1, 2, 4]);
  });
  it("should refuse a file whose quote is never closed, naming the line", async () => {
    const r = await readCsvFile(
      utf8('员工编号,姓名,月份\nS1,"王伟,2024-04\nS2,李,2024-04\n'),
      "q.csv",
      dataHeaderSpec(plan)
    );
    expect(r.ok).toBe(false);
    expect(en(r.issues[0])).toMatch(
      /^q\.csv row 2: The quote \("\) opened on line 2 is never closed/
    );
  });
});

describe("finding the header", () => {
  it("should skip a title line, an export timestamp and blank lines, and report them", async () => {
    const text =
      "销售业绩明细导出,,导出时间：2024-07-01 09:30\r\n\r\n" + csv([{ sales_amount: "100" }]);
    const { file, data } = await readData(utf8(text));
    expect(file.ok && file.table.headerRow).toBe(3);
    const skipped = file.issues.find((i) => i.code === "linesAboveHeader")!;
    expect(en(skipped)).toBe(
      "crm.csv row 1: 2 line(s) above the header were skipped: “销售业绩明细导出 导出时间：2024-07-01 09:30”"
    );
    expect(data.rows[0].source.row).toBe(4);
  });
  it("should say no header was found and what it looked for", async () => {
    const r = await readCsvFile(utf8("a,b,c\n1,2,3\n"), "none.csv", dataHeaderSpec(plan));
    expect(r.ok).toBe(false);
    expect(zh(r.issues[r.issues.length - 1])).toBe(
      "none.csv：前 20 行中没有找到表头：没有一行包含至少两个所需列（员工编号/Employee ID, 姓名/Name, 月份/Period）。"
    );
  });
  it("should find the header of a selection that took the title rows too", () => {
    const table: CellTable = {
      sheet: "Sheet1",
      headerRow: 1,
      header: ["2024年第二季度 业绩", null],
      rows: [
        [null, null],
        ["员工编号", "月份"],
        ["S1001", "2024-04"],
      ],
    };
    const r = locateHeader(table, dataHeaderSpec(plan));
    expect(r.ok && r.table.headerRow).toBe(3);
    expect(r.ok && r.table.rowNumbers).toEqual([4]);
  });
});

describe("total and subtotal rows", () => {
  it.each([
    "合计",
    "小计",
    "总计",
    "华东一部 小计",
    "华东一部小计",
    "Total",
    "Subtotal",
    "Grand total",
    "East Subtotal",
    "合计：",
  ])("should know %p as a total label", (t) => expect(isTotalLabel(t)).toBe(true));
  it.each(["王小明", "Total Solutions", "华东一部", "S1001", "合计金额说明书"])(
    "should not take %p for one",
    (t) => expect(isTotalLabel(t)).toBe(false)
  );
  it("should leave out labelled and unlabelled sum rows with a located message, never score them", async () => {
    const text = [
      "员工编号,姓名,部门,月份,签约金额（元）,回款金额（元）",
      "S1,甲,一部,2024年4月,100.50,80",
      "S2,乙,一部,2024年4月,200,20",
      ",一部 小计,一部,2024年4月,300.50,100",
      "S3,丙,二部,2024年4月,50,5",
      ",,二部,2024年4月,50,5",
      ",,,,,",
      "合计,,,,350.50,105",
      "",
    ].join("\n");
    const { data } = await readData(utf8(text));
    expect(data.rows.map((r) => r.id)).toEqual(["S1", "S2", "S3"]);
    expect(data.leftOut).toEqual([2, 4, 6]);
    expect(en(at(data.issues, 4, "totalRowLeftOut")[0])).toBe(
      'crm.csv row 4: A total or subtotal row ("一部 小计") was left out: it is not a salesperson.'
    );
    expect(zh(at(data.issues, 6, "sumRowLeftOut")[0])).toBe(
      "crm.csv 第 6 行：该行没有员工编号，且金额等于上方各行之和：已作为小计行略去。"
    );
    expect(at(data.issues, 8, "totalRowLeftOut")).toHaveLength(1);
  });
  it("should still refuse a row without an id whose amounts are not sums", async () => {
    const text = "员工编号,姓名,月份,签约金额\nS1,甲,2024-04,100\n,乙,2024-04,70\n";
    const { data } = await readData(utf8(text));
    expect(at(data.issues, 3, "idMissing")).toHaveLength(1);
    expect(data.leftOut).toEqual([]);
  });
});

describe("ambiguous columns", () => {
  it("should leave a plan column that two columns match to the user, with an error naming both", () => {
    const table = parseCsv("员工编号,月份,签约金额,销售额\nS1,2024-04,1,2\n", "f.csv");
    const m = mapColumns(table, plan);
    expect(m.mapping.sales_amount).toBeUndefined();
    expect(m.ambiguous.sales_amount).toEqual([2, 3]);
    expect(en(m.issues.find((i) => i.code === "columnAmbiguous")!)).toBe(
      'f.csv row 1, column C: Columns C, D could all be "Signed amount (CNY)": choose one in the column mapping, or rename the others.'
    );
    const chosen = readDataTable(table, plan, { ...m.mapping, sales_amount: 3 });
    expect(chosen.rows[0].values.sales_amount).toBe(2);
    expect(chosen.issues.filter((i) => i.code === "columnAmbiguous")).toEqual([]);
  });
});

describe("numbers by unit", () => {
  const read = async (values: Record<string, string>, sep = ",") => {
    const { data } = await readData(utf8(csv([values], sep)));
    return { row: data.rows[0], issues: data.issues };
  };
  it("should keep ratios above 100% as they are, and read percent text exactly", async () => {
    const { row, issues } = await read({ retention_rate: "160%", complaint_resolution: "12.34%" });
    expect(row.values.retention_rate).toBe(1.6);
    expect(row.values.complaint_resolution).toBe(0.1234);
    expect(
      issues.filter(
        (i) => i.severity !== "info" && i.code !== "valueBlank" && i.code !== "columnNotFound"
      )
    ).toEqual([]);
  });
  it("should read a column of percentages written as numbers as percent, with a message, and refuse what could be either", async () => {
    const text = csv([
      { retention_rate: "85" },
      { retention_rate: "120" },
      { retention_rate: "0.9" },
    ]);
    const { data } = await readData(utf8(text));
    expect(data.rows[0].values.retention_rate).toBe(0.85);
    expect(data.rows[1].values.retention_rate).toBe(1.2);
    expect(data.rows[2].invalid).toContain("retention_rate");
    const note = data.issues.find((i) => i.code === "percentColumn")!;
    expect(en(note)).toBe(
      'crm.csv row 2, column E (续约率): Renewal rate holds percentages written as plain numbers: its 2 values above 3 were read as percent ("85" as 85%).'
    );
    expect(zh(at(data.issues, 4, "percentAmbiguous")[0])).toBe(
      "crm.csv 第 4 行 E 列（续约率）：“0.9”所在列的百分数写成了普通数字：它是 0.9% 还是 90%？请带 % 填写（如 0.9%）。"
    );
  });
  it("should say a plain ratio above 1 is read as above 100%", async () => {
    const { row, issues } = await read({ retention_rate: "1.35" });
    expect(row.values.retention_rate).toBe(1.35);
    expect(en(issues.find((i) => i.code === "ratioAbove100")!)).toMatch(
      /"1\.35" was read as 135% \(above 100%\); if you mean 1\.35%, write it with %\./
    );
  });
  it("should refuse % in money, counts, days and scores, naming the unit", async () => {
    const { row, issues } = await read({
      sales_amount: "85%",
      new_customers: "3%",
      satisfaction: "85%",
    });
    expect(row.invalid).toEqual(
      expect.arrayContaining(["sales_amount", "new_customers", "satisfaction"])
    );
    const money = issues.find((i) => i.code === "percentNotAllowed" && i.location?.column === "E")!;
    expect(en(money)).toMatch(
      /"85%" is a percentage, but Signed amount \(CNY\) is money \(CNY\): % is only for ratios\./
    );
    expect(zh(money)).toMatch(
      /“85%”是百分数，但签约金额\(元\)的单位是金额（元）：只有比率可以用 %。/
    );
  });
  it("should read 万 and 亿 in money, and say so; refuse them elsewhere", async () => {
    const { row, issues } = await read({
      sales_amount: "12.5万",
      collected: "1.2亿元",
      visits: "3万",
    });
    expect(row.values.sales_amount).toBe(125000);
    expect(row.values.collected).toBe(120000000);
    expect(row.invalid).toContain("visits");
    expect(zh(issues.find((i) => i.code === "scaleWordRead")!)).toMatch(
      /“12\.5万”已按 125000 读取。/
    );
    expect(issues.find((i) => i.code === "scaleWordNotAllowed")).toBeDefined();
  });
  it("should refuse scientific notation and implausible amounts: 1e308 is never paid", async () => {
    const { row, issues } = await read({ collected: "1e308", sales_amount: "20000000000" });
    expect(row.values.collected).toBeNull();
    expect(row.invalid).toEqual(expect.arrayContaining(["collected", "sales_amount"]));
    expect(en(issues.find((i) => i.code === "scientificNotation")!)).toMatch(/scientific notation/);
    expect(en(issues.find((i) => i.code === "valueImplausible")!)).toMatch(
      /Signed amount \(CNY\) is 20000000000; 10000000000 is the most this can plausibly be\./
    );
  });
  it("should hold counts whole, days within a month and hours within a month", async () => {
    const { row, issues } = await read({ visits: "2.5", days_worked: "45", training_hours: "800" });
    expect(row.invalid).toEqual(
      expect.arrayContaining(["visits", "days_worked", "training_hours"])
    );
    expect(zh(issues.find((i) => i.code === "countNotWhole")!)).toMatch(
      /有效拜访数为 2.5，数量应为整数。/
    );
    expect(
      issues
        .filter((i) => i.code === "valueImplausible")
        .map((i) => i.location?.column)
        .sort()
    ).toEqual(["F", "G"]);
  });
  it("should decide the decimal mark per file: a semicolon file's 7.000 is seven thousand", async () => {
    const { row, issues } = await read({ base_salary: "7.000", performance_pay: "3.000" }, ";");
    expect(row.values.base_salary).toBe(7000);
    expect(row.values.performance_pay).toBe(3000);
    expect(en(issues.find((i) => i.code === "decimalBySeparator")!)).toMatch(
      /as its fields are separated by ";", "," is read as the decimal mark: 2 values such as "7\.000" \(read as 7000\) depend on it\./
    );
  });
  it("should take the decimal mark from the cells that show it, and name a cell that disagrees", async () => {
    const text = csv(
      [
        { sales_amount: "1.234,56", base_salary: "7.000" },
        { sales_amount: "99,5", base_salary: "8000.25" },
      ],
      ";"
    );
    const { data } = await readData(utf8(text));
    expect(data.rows[0].values.sales_amount).toBe(1234.56);
    expect(data.rows[0].values.base_salary).toBe(7000);
    expect(data.rows[1].values.sales_amount).toBe(99.5);
    expect(data.rows[1].invalid).toContain("base_salary");
    expect(en(data.issues.find((i) => i.code === "decimalComma")!)).toMatch(
      /use "," as the decimal mark/
    );
    expect(en(at(data.issues, 3, "decimalConflict")[0])).toMatch(
      /"8000\.25" uses "\." as its decimal mark, but this file uses ","/
    );
  });
});

describe("numbers Excel holds in the Data sheet", () => {
  it("should take a ratio cell's number as it shows, read 85 as 85% with a message, and refuse what no ratio is", () => {
    const table: CellTable = {
      sheet: "数据",
      headerRow: 1,
      header: ["员工编号", "月份", "续约率"],
      rows: [
        ["S1", "2024-04", 1.6],
        ["S2", "2024-04", 85],
        ["S3", "2024-04", 0.85],
        ["S4", "2024-04", 5000],
      ],
    };
    const r = readDataTable(table, plan);
    expect(r.rows.map((x) => x.values.retention_rate)).toEqual([1.6, 0.85, 0.85, null]);
    expect(en(r.issues.find((i) => i.code === "percentTyped")!)).toBe(
      "数据 row 3, column C (续约率): Renewal rate is 85: read as 85% (a percentage typed as a number; a ratio cell holds 0.85 for 85%)."
    );
    expect(zh(r.issues.find((i) => i.code === "valueImplausible")!)).toBe(
      "数据 第 5 行 C 列（续约率）：续约率为 5000，超出合理上限 10。"
    );
    // a ratio above 100% stays as it is, and no note is needed: the cell shows 160.0%
    expect(r.issues.filter((i) => i.location?.row === 2 && i.location.column === "C")).toEqual([]);
  });
});

describe("months", () => {
  it("should refuse 2024.1 (how Excel shows 2024.10) with a message, and read every unambiguous form", async () => {
    const text = [
      "员工编号,姓名,月份",
      "S1,甲,2024.1",
      "S2,乙,2024.10",
      "S3,丙,2024年04月01日",
      "S4,丁,202404",
      "",
    ].join("\n");
    const { data } = await readData(utf8(text));
    expect(data.rows.map((r) => [r.id, r.period])).toEqual([
      ["S2", "2024-10"],
      ["S3", "2024-04"],
      ["S4", "2024-04"],
    ]);
    expect(zh(at(data.issues, 2, "periodAmbiguous")[0])).toBe(
      "crm.csv 第 2 行 C 列（月份）：“2024.1”可以理解为两个不同的月份（Excel 把 2024.10 显示为 2024.1；4/5/2024 可能是 4 月或 5 月），请写成 2024-03 的格式。"
    );
  });
  it("should read a date serial only from a cell formatted as a date", () => {
    const table: CellTable = {
      sheet: "数据",
      headerRow: 1,
      header: ["员工编号", "月份"],
      rows: [["S1", 45383]],
    };
    const r = readDataTable(table, plan);
    expect(r.rows).toEqual([]);
    expect(en(r.issues.find((i) => i.code === "periodNumber")!)).toBe(
      "数据 row 2, column B (月份): 45383 is a number, not a month: if it is a date, format the cell as a date; else write the month as 2024-03."
    );
  });
});

describe("the sample GB18030 export (samples/crm-export-2024Q2-gbk.csv)", () => {
  it("should read every person and number exactly, leave out subtotal and total rows, and say the encoding", async () => {
    const bytes = sample("crm-export-2024Q2-gbk.csv");
    const { file, data } = await readData(bytes, "crm-export-2024Q2-gbk.csv");
    expect(file.ok && file.encoding).toBe("gb18030");
    expect(data.rows).toHaveLength(72);
    expect(new Set(data.rows.map((r) => r.id)).size).toBe(24);
    expect(data.leftOut).toHaveLength(5);
    expect(data.issues.filter((i) => i.severity === "error")).toEqual([]);
    // the same bytes decoded independently (iconv-lite), split by hand: every cell agrees
    const lines = iconv.decode(Buffer.from(bytes), "gb18030").split("\r\n");
    const header = lines[2].split(",");
    for (const r of data.rows) {
      const cells = splitCsvLine(lines[r.source.row - 1]);
      expect(cells[1]).toBe(r.name);
      expect(cells[2]).toBe(r.team);
      for (const f of plan.fields) {
        const c = header.findIndex(
          (h) => h.replace(/[（）]/g, (x) => (x === "（" ? "(" : ")")) === f.name.zh
        );
        if (c < 0) continue;
        expect(r.values[f.key]).toBe(expectedValue(cells[c], f.unit));
      }
    }
    expect(
      data.rows.find((r) => r.id === "S1007" && r.period === "2024-05")!.values.retention_rate
    ).toBe(1.35);
  });
  it("should read the English-header version too, names intact (they used to collapse into �)", async () => {
    const gbk = sample("crm-export-2024Q2-gbk.csv");
    const text = iconv.decode(Buffer.from(gbk), "gb18030").split("\r\n");
    const english = plan.fields.map((f) => f.name.en);
    text[2] = ["Employee ID", "Name", "Team", "Period", ...english.slice(0, 26)].join(",");
    const bytes = new Uint8Array(iconv.encode(text.join("\r\n"), "gb18030"));
    const { data } = await readData(bytes, "english.csv");
    expect(new Set(data.rows.map((r) => r.name)).size).toBe(24);
    expect(new Set(data.rows.map((r) => r.team))).toEqual(
      new Set(["华东一部", "华东二部", "华北部", "华南部"])
    );
  });
});

/** A CSV line's cells (quotes removed), for the independent check above. */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === "," && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** What a sample cell is worth, read by hand: ¥, grouping and % removed. */
function expectedValue(cell: string, unit: string): number | null {
  if (cell === "") return null;
  const t = cell.replace(/[¥,]/g, "");
  if (t.endsWith("%")) return Number((Number(t.slice(0, -1)) / 100).toPrecision(12));
  void unit;
  return Number(t);
}

describe("360 ratings (samples/feedback-2024Q2.csv)", () => {
  const ids = new Set(Array.from({ length: 24 }, (_, i) => `S${1001 + i}`));
  const table = async () => {
    const r = await readCsvFile(
      sample("feedback-2024Q2.csv"),
      "feedback-2024Q2.csv",
      FEEDBACK_HEADER_SPEC
    );
    if (!r.ok) throw new Error("unreadable");
    return r.table;
  };
  it("should know the scale from the header", () => {
    expect(headerScale("评分（5分制）")).toBe(5);
    expect(headerScale("Rating (1-5)")).toBe(5);
    expect(headerScale("满分10")).toBe(10);
    expect(headerScale("评分")).toBeNull();
  });
  it("should never take a 5-point file as points out of 100: it stops and says which scale it found", async () => {
    const r = readFeedbackTable(await table(), { scale: 100, knownIds: ids });
    expect(r.ratings).toEqual([]);
    expect(r.scaleFound).toEqual({ scale: 5, header: "评分（5分制）" });
    expect(zh(r.issues.find((i) => i.code === "ratingScaleMismatch")!)).toBe(
      "feedback-2024Q2.csv 第 1 行 F 列（评分（5分制））：这些评分是 5 分制（表头为“评分（5分制）”），而方案按 100 分制评分：请在导入前选择换算方式，或修改方案的评分分制。"
    );
  });
  it("should convert on request, say so, and report the repeated rater row (no rating of that period used)", async () => {
    const r = readFeedbackTable(await table(), { scale: 100, knownIds: ids, sourceScale: 5 });
    expect(r.ratings.find((x) => x.id === "S1001" && x.rater === "superior")!.score).toBe(84);
    expect(r.ratings.some((x) => x.id === "S1003")).toBe(false);
    expect(en(r.issues.find((i) => i.code === "ratingConflict")!)).toBe(
      "feedback-2024Q2.csv row 98: 华南部经理 rated S1003 for 2024-Q2 in row 10 as 90, and here as 80: no rating of S1003 for 2024-Q2 is used until one of them is removed."
    );
    expect(en(r.issues.find((i) => i.code === "ratingsConverted")!)).toMatch(
      /ratings on a 5-point scale were converted to the plan's 100-point scale \(× 20; e\.g\. 4\.2 → 84\)/
    );
  });
  it("should refuse ratings off the scale and % ratings, and name ratings of unknown people", () => {
    const t: CellTable = {
      sheet: "f.csv",
      headerRow: 1,
      header: ["员工编号", "期间", "评价人类型", "评分"],
      rows: [
        ["S1001", "2024-Q2", "上级", "6"],
        ["S1001", "2024-Q2", "同事", "85%"],
        ["S9999", "2024-Q2", "客户", "4"],
        ["S1002", "2024-Q2", "客户", "4.5"],
      ],
    };
    const r = readFeedbackTable(t, { scale: 5, knownIds: ids });
    expect(r.ratings.map((x) => [x.id, x.score])).toEqual([["S1002", 4.5]]);
    expect(r.readable?.map((x) => x.id)).toEqual(["S9999", "S1002"]);
    expect(r.issues.map((i) => [i.code, i.location?.row])).toEqual([
      ["ratingOutOfRange", 2],
      ["percentNotAllowed", 3],
      ["ratingUnknownId", 4],
    ]);
    expect(zh(r.issues[0])).toBe(
      "f.csv 第 2 行 D 列（评分）：评分 6 不在 0 到 5 之间（方案按 5 分制评分）。"
    );
  });
});

describe("limits, checked before the work", () => {
  it("should refuse a file above the size limit before reading a byte of it, in both languages", async () => {
    const { readTableFile } = await import("../../src/app/tableFile");
    const big = { name: "big.csv", size: 150 * 1024 * 1024 } as File;
    const r = await readTableFile(big, { data: plan });
    expect(r.ok).toBe(false);
    expect(en(r.issues[0])).toBe(
      "big.csv: The file is 150 MB; the add-in reads files up to 100 MB. Split it by month or team."
    );
    expect(zh(r.issues[0])).toBe(
      "big.csv：文件大小为 150 MB，加载项最多读取 100 MB 的文件。请按月份或团队拆分。"
    );
  });

  it("should refuse a file with more rows than an Excel sheet holds, before anything is written", async () => {
    const text = "员工编号,月份\n" + "S1,2024-01\n".repeat(1048575);
    const r = await readCsvFile(utf8(text), "huge.csv", dataHeaderSpec(plan));
    expect(r.ok).toBe(false);
    expect(en(r.issues[0])).toBe(
      "huge.csv: The file has 1048575 rows; an Excel sheet holds at most 1048574. Split it by month or team."
    );
  }, 60_000);

  it("should say in Chinese which two columns could be the same plan column", () => {
    const table = parseCsv("员工编号,月份,回款金额,回款额\nS1,2024-04,1,2\n", "回款.csv");
    const m = mapColumns(table, plan);
    expect(zh(m.issues.find((i) => i.code === "columnAmbiguous")!)).toBe(
      "回款.csv 第 1 行 C 列：C, D 列都可能是“回款金额(元)”：请在列对应中选择其中一列，或重命名其他列。"
    );
  });
});

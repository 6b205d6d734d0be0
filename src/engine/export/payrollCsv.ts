/**
 * The pay list as a CSV file for a payroll system: the columns a mapping chooses, in its order,
 * under its header names; money with two decimals, a point, no thousands separator and a minus
 * sign ("-1234.50"); text as typed (ids keep their leading zeros); RFC 4180 quoting; CRLF line
 * ends; UTF-8 with a byte-order mark or GB18030, what Excel on Chinese Windows and Chinese
 * payroll systems read. A character the chosen encoding cannot hold is named by line, column and
 * salesperson; the file is then not made. A money cell without a value is named too: a payroll
 * file never carries a blank where an amount is due.
 */
import { issue, columnLetter, type Issue } from "../issues";
import { type Catalogue } from "../messages";
import { roundMoney } from "../numeric";
import { encodeUtf8, gb18030Bytes, encodeGb18030 } from "./gb18030";

export type PayrollEncoding = "utf-8-bom" | "gb18030";
export const PAYROLL_ENCODINGS: readonly PayrollEncoding[] = ["utf-8-bom", "gb18030"];

/** How a pay-list column is written. */
export type PayrollValueKind = "text" | "money";

/** A column the pay list offers to the export. */
export interface PayrollField {
  key: string;
  kind: PayrollValueKind;
  /** Its name in the pay list, the default header. */
  label: { en: string; zh: string };
}

/** One pay-list line as the export reads it: text or money by field key. */
export type PayrollRecord = Readonly<Record<string, string | number | null>>;

/** The pay list as the export sees it. */
export interface PayrollTable {
  fields: readonly PayrollField[];
  records: readonly PayrollRecord[];
  /** The id and pay month of each record, for messages. */
  subjects: readonly { id: string; period: string }[];
}

/** What the payroll system wants: these columns, in this order, under these headers. */
export interface PayrollMapping {
  columns: { field: string; header: string }[];
  encoding: PayrollEncoding;
}

export const EXPORT_MESSAGES = {
  exportNoColumns: {
    en: "The payroll export has no columns: choose at least one.",
    zh: "工资导出没有任何列：请至少选择一列。",
  },
  exportUnknownField: {
    en: 'The payroll mapping names "{field}", which the pay list does not have; the column was left out.',
    zh: "工资导出映射中的“{field}”不是工资表的列，已略去该列。",
  },
  exportHeaderBlank: {
    en: "Column {column} of the payroll export has no header name.",
    zh: "工资导出第 {column} 列没有列名。",
  },
  exportHeaderTwice: {
    en: 'The header "{header}" is given to two columns of the payroll export ({columns}).',
    zh: "工资导出中有两列都叫“{header}”（{columns}）。",
  },
  exportMoneyMissing: {
    en: "{id} {period}: {header} has no value (the pay list could not compute it); the file was not made.",
    zh: "{id} {period}：“{header}”没有数值（工资表无法计算），未生成文件。",
  },
  exportFormulaLike: {
    en: '"{text}" begins with "{first}": a spreadsheet opening the file would take it for a formula. It is written as it is; check it in the pay list.',
    zh: "“{text}”以“{first}”开头：用电子表格打开该文件时会被当作公式。已按原样写出，请在工资表中核对。",
  },
  exportUnencodable: {
    en: 'The character "{char}" ({code}) cannot be written in {encoding}{why}; the file was not made. Correct the text or export in UTF-8.',
    zh: "字符“{char}”（{code}）无法以 {encoding} 编码写出{why}，未生成文件。请更正该文字或以 UTF-8 导出。",
  },
  exportUnencodableEdition: {
    en: " (GB18030's 2005 and 2022 editions give it different codes, so the payroll system could read another character)",
    zh: "（GB18030 的 2005 版与 2022 版对其编码不同，工资系统可能读成另一个字符）",
  },
  exportUnencodableSurrogate: {
    en: " (half of a character: the text was cut or damaged)",
    zh: "（只是半个字符：文字已被截断或损坏）",
  },
  exportUnencodableNone: {
    en: " (GB18030 has no code for it)",
    zh: "（GB18030 中没有该字符）",
  },
} satisfies Catalogue;

export const ENCODING_NAMES: Record<PayrollEncoding, string> = {
  "utf-8-bom": "UTF-8 (BOM)",
  gb18030: "GB18030",
};

/** The default mapping: every field, in the pay list's order, under its name in the language. */
export function defaultPayrollMapping(
  fields: readonly PayrollField[],
  language: "en-US" | "zh-CN",
  encoding: PayrollEncoding = language === "zh-CN" ? "gb18030" : "utf-8-bom"
): PayrollMapping {
  return {
    columns: fields.map((f) => ({
      field: f.key,
      header: language === "zh-CN" ? f.label.zh : f.label.en,
    })),
    encoding,
  };
}

/** Money as the payroll file writes it: rounded as Excel's ROUND, two decimals, no separator. */
export function payrollMoney(value: number): string {
  const r = roundMoney(value);
  const text = (Object.is(r, -0) ? 0 : r).toFixed(2);
  return text === "-0.00" ? "0.00" : text;
}

/** A CSV field, quoted when it holds a comma, a quote, a line break or edge spaces. */
export function csvField(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The mapping's problems against the fields the pay list has (errors block the export). */
export function checkPayrollMapping(
  mapping: PayrollMapping,
  fields: readonly PayrollField[]
): Issue[] {
  const known = new Set(fields.map((f) => f.key));
  const out: Issue[] = [];
  if (mapping.columns.length === 0) out.push(issue("error", "exportNoColumns"));
  const byHeader = new Map<string, number[]>();
  mapping.columns.forEach((c, i) => {
    if (!known.has(c.field)) out.push(issue("warning", "exportUnknownField", { field: c.field }));
    const h = c.header.trim();
    if (!h) out.push(issue("error", "exportHeaderBlank", { column: columnLetter(i) }));
    else byHeader.set(h, [...(byHeader.get(h) ?? []), i]);
  });
  for (const [header, at] of byHeader)
    if (at.length > 1)
      out.push(
        issue("error", "exportHeaderTwice", { header, columns: at.map(columnLetter).join(", ") })
      );
  return out;
}

function unencodableWhy(
  cp: number
): "exportUnencodableSurrogate" | "exportUnencodableNone" | "exportUnencodableEdition" {
  if (cp >= 0xd800 && cp <= 0xdfff) return "exportUnencodableSurrogate";
  const other = String.fromCodePoint(cp);
  return /\p{Co}/u.test(other) || cp === 0xe5e5
    ? "exportUnencodableNone"
    : "exportUnencodableEdition";
}

export interface PayrollCsv {
  /** The file's bytes (byte-order mark included for UTF-8); null when an error blocked it. */
  bytes: Uint8Array | null;
  /** The file's text (without a byte-order mark). */
  text: string;
  issues: Issue[];
}

interface Line {
  fields: string[];
  subject: { id: string; period: string } | null;
}

function lines(
  table: PayrollTable,
  columns: PayrollMapping["columns"],
  file: string
): { lines: Line[]; issues: Issue[] } {
  const byKey = new Map(table.fields.map((f) => [f.key, f]));
  const issues: Issue[] = [];
  const out: Line[] = [{ fields: columns.map((c) => c.header.trim()), subject: null }];
  table.records.forEach((rec, r) => {
    const subject = table.subjects[r];
    const fields = columns.map((c, j) => {
      const f = byKey.get(c.field)!;
      const v = rec[c.field];
      if (f.kind === "money") {
        if (typeof v === "number" && Number.isFinite(v)) return payrollMoney(v);
        issues.push(
          issue(
            "error",
            "exportMoneyMissing",
            { ...subject, header: c.header.trim() },
            {
              location: {
                sheet: file,
                row: r + 2,
                column: columnLetter(j),
                header: c.header.trim(),
              },
              subject,
            }
          )
        );
        return "";
      }
      const text = v === null || v === undefined ? "" : String(v);
      if (/^[=+\-@]/.test(text) && !/^[+-]?\d/.test(text))
        issues.push(
          issue(
            "warning",
            "exportFormulaLike",
            { text, first: text[0] },
            {
              location: {
                sheet: file,
                row: r + 2,
                column: columnLetter(j),
                header: c.header.trim(),
              },
              subject,
            }
          )
        );
      return text;
    });
    out.push({ fields, subject });
  });
  return { lines: out, issues };
}

/** Every character of the lines the encoding cannot hold, by line and column. */
function unencodable(
  all: readonly Line[],
  columns: PayrollMapping["columns"],
  encoding: PayrollEncoding,
  file: string
): Issue[] {
  const out: Issue[] = [];
  all.forEach((line, r) =>
    line.fields.forEach((text, j) => {
      for (const ch of text) {
        const cp = ch.codePointAt(0)!;
        const lone = cp >= 0xd800 && cp <= 0xdfff;
        if (encoding === "utf-8-bom" ? !lone : gb18030Bytes(cp) !== null) continue;
        out.push(
          issue(
            "error",
            "exportUnencodable",
            {
              char: lone ? "?" : ch,
              code: `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`,
              encoding: ENCODING_NAMES[encoding],
              why: EXPORT_MESSAGES[unencodableWhy(cp)],
            },
            {
              location: {
                sheet: file,
                row: r + 1,
                column: columnLetter(j),
                header: columns[j].header.trim(),
              },
              ...(line.subject ? { subject: line.subject } : {}),
            }
          )
        );
      }
    })
  );
  return out;
}

/**
 * The CSV file for a pay list under a mapping. `file` names the file in messages. Columns the
 * pay list does not have are left out (said); any error (a missing amount, a character the
 * encoding cannot hold, a blank or repeated header) leaves `bytes` null.
 */
export function payrollCsv(table: PayrollTable, mapping: PayrollMapping, file: string): PayrollCsv {
  const issues = checkPayrollMapping(mapping, table.fields);
  const known = new Set(table.fields.map((f) => f.key));
  const columns = mapping.columns.filter((c) => known.has(c.field));
  const built = lines(table, columns, file);
  issues.push(...built.issues, ...unencodable(built.lines, columns, mapping.encoding, file));
  const text = built.lines.map((l) => l.fields.map(csvField).join(",") + "\r\n").join("");
  if (issues.some((i) => i.severity === "error")) return { bytes: null, text, issues };
  const encoded = mapping.encoding === "gb18030" ? encodeGb18030(text) : encodeUtf8(text);
  if (!encoded.ok) throw new Error("unencodable text passed the check"); // checked cell by cell above
  const bytes =
    mapping.encoding === "utf-8-bom"
      ? Uint8Array.from([0xef, 0xbb, 0xbf, ...encoded.bytes])
      : encoded.bytes;
  return { bytes, text, issues };
}

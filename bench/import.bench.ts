/**
 * The Data view's import path over a large export as Chinese offices save it: 100,000 rows in
 * GB18030 with a title line, a subtotal after every 50 rows, money with ¥ and grouping, percent
 * text and 2024年4月 months. Times each stage (decode, parse, header, read with every unit rule,
 * lay out for the Data sheet) and reports rows per second; the ratio that does not depend on the
 * machine is the whole path against a bare split of the same text into cells.
 */
import * as iconv from "iconv-lite";
import { dataHeaderSpec, decodeBytes, defaultPlan, readDataTable } from "../src/engine";
import { parseRecords } from "../src/engine/import/csv";
import { tableFromRows } from "../src/engine/import/file";
import { importRows } from "../src/app/imports";

const ROWS = 100_000;
const plan = defaultPlan();

function exportText(): string {
  const header = ["员工编号", "姓名", "部门", "月份", ...plan.fields.map((f) => f.name.zh)];
  const lines = [
    "销售业绩明细导出（2024年第二季度）,,导出时间：2024-07-01 09:30",
    "",
    header.join(","),
  ];
  const money = (v: number) =>
    `"¥${v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}"`;
  for (let i = 0; i < ROWS; i++) {
    const cells = plan.fields.map((f, k) => {
      const v = ((i * 7919 + k * 104729) % 100000) / 3;
      switch (f.unit) {
        case "currency":
          return money(v * 10);
        case "ratio":
          return `${(v % 150).toFixed(1)}%`;
        case "days":
          return String(f.aggregate === "sum" ? 30 : Math.round(v % 90));
        case "score":
        case "points":
          return (v % 100).toFixed(1);
        case "hours":
          return (v % 40).toFixed(1);
        default:
          return String(Math.round(v) % 500);
      }
    });
    lines.push(
      [
        `S${100000 + i}`,
        `王伟${i % 97}`,
        `华东${i % 9}部`,
        `2024年${(i % 3) + 4}月`,
        ...cells,
      ].join(",")
    );
    if (i % 50 === 49) lines.push(`,华东${i % 9}部 小计,,,`);
  }
  return lines.join("\r\n") + "\r\n";
}

function time<T>(f: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = f();
  return { ms: performance.now() - t0, value };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const bytes = new Uint8Array(iconv.encode(exportText(), "gb18030"));
const runs: Record<string, number[]> = {
  decode: [],
  parse: [],
  header: [],
  read: [],
  layout: [],
  floor: [],
};
let rowsRead = 0;
for (let run = 0; run < 5; run++) {
  const decoded = time(() => decodeBytes(bytes, "export.csv"));
  if (!decoded.value.ok) throw new Error("undecodable");
  const text = decoded.value.text;
  const parsed = time(() => parseRecords(text));
  const found = time(() =>
    tableFromRows(parsed.value.records, parsed.value.lines, "export.csv", dataHeaderSpec(plan), {
      delimiter: parsed.value.delimiter,
    })
  );
  if (!found.value.ok) throw new Error("no header");
  const table = found.value.table;
  const read = time(() => readDataTable(table, plan));
  const header = ["员工编号", "姓名", "部门", "月份", ...plan.fields.map((f) => f.name.zh)];
  const laid = time(() => importRows(table, read.value.mapping, header, plan));
  // the floor: the same text split into cells with no rule at all
  const floor = time(() => text.split("\r\n").map((l) => l.split(",")));
  runs.decode.push(decoded.ms);
  runs.parse.push(parsed.ms);
  runs.header.push(found.ms);
  runs.read.push(read.ms);
  runs.layout.push(laid.ms);
  runs.floor.push(floor.ms);
  rowsRead = read.value.rows.length;
  void laid.value;
}
const m = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, median(v)]));
const total = m.decode + m.parse + m.header + m.read + m.layout;
console.log(
  `import of ${ROWS.toLocaleString("en-US")} rows, ${(bytes.length / 1e6).toFixed(1)} MB GB18030 (median of 5 runs):`
);
for (const k of ["decode", "parse", "header", "read", "layout"])
  console.log(`  ${k.padEnd(7)} ${m[k].toFixed(0).padStart(6)} ms`);
console.log(
  `  total   ${total.toFixed(0).padStart(6)} ms · ${Math.round((ROWS / total) * 1000).toLocaleString("en-US")} rows/s · ${rowsRead} rows read, ${ROWS / 50} subtotals left out`
);
console.log(
  `  floor (split into cells) ${m.floor.toFixed(0)} ms · ratio ${(total / m.floor).toFixed(1)}×`
);
console.log(
  JSON.stringify({
    rows: ROWS,
    mb: Number((bytes.length / 1e6).toFixed(1)),
    decodeMs: Math.round(m.decode),
    parseMs: Math.round(m.parse),
    readMs: Math.round(m.read),
    layoutMs: Math.round(m.layout),
    totalMs: Math.round(total),
    rowsPerSecond: Math.round((ROWS / total) * 1000),
    ratioToFloor: Number((total / m.floor).toFixed(1)),
  })
);

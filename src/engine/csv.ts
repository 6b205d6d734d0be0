/**
 * CSV files as HR receives them from CRM exports: UTF-8 with or without a byte-order mark,
 * CRLF or LF line ends, comma, semicolon or tab separated, quoted fields with embedded quotes
 * and line breaks. The result is a cell table for the data reader.
 */
import Papa from "papaparse";
import type { CellTable } from "./records";

export function parseCsv(text: string, sheet: string): CellTable {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(clean, {
    skipEmptyLines: false,
    delimitersToGuess: [",", ";", "\t", "|"],
  });
  const lines = parsed.data.filter(
    (row, i, all) => !(i === all.length - 1 && row.length === 1 && row[0] === "")
  );
  const [header = [], ...rows] = lines;
  return { sheet, headerRow: 1, header, rows };
}

/**
 * A CSV text whose first line is its header, as a cell table (tests, the preview's file drop).
 * The task pane reads files through import/file.ts instead, which decodes bytes deliberately and
 * finds the header below title lines.
 */
import { parseRecords } from "./import/csv";
import type { CellTable } from "./records";

export function parseCsv(text: string, sheet: string): CellTable {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = parseRecords(clean);
  const [header = [], ...rows] = parsed.records;
  return {
    sheet,
    headerRow: parsed.lines[0] ?? 1,
    header,
    rows,
    rowNumbers: parsed.lines.slice(1),
    delimiter: parsed.delimiter,
  };
}

/**
 * A1 addresses for the Office.js adapter. Pure: no Excel calls. Coordinates are 0-based
 * (row, column) as in `src/workbook/layout.ts`.
 */
import { columnLetter } from "../engine/issues";

/** "B3" for (2, 1). */
export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

/** Parse "C", "AB" into a 0-based column. */
export function parseColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * Split an address such as "'评分卡'!$A$1:$C$9", "Sheet1!B2" or "=Data!A1" into the sheet name
 * (unquoted) and the cell part. Returns null when there is no sheet part.
 */
export function splitSheetAddress(address: string): { sheet: string; cells: string } | null {
  const text = address.startsWith("=") ? address.slice(1) : address;
  if (text.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < text.length) {
      if (text[i] === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += text[i];
      i++;
    }
    if (text[i + 1] !== "!") return null;
    return { sheet: name, cells: text.slice(i + 2) };
  }
  const bang = text.lastIndexOf("!");
  if (bang <= 0) return null;
  return { sheet: text.slice(0, bang), cells: text.slice(bang + 1) };
}

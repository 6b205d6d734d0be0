/**
 * A sheet layout as HyperFormula's raw cell content: formulas with their "=", text with
 * HyperFormula's apostrophe prefix so that "=HYPERLINK(…)" or "2024-01" stays text, as the
 * writers keep it. Used by the workbook tests and the HyperFormula bench (development only).
 */
import type { RawCellContent } from "hyperformula";
import { isFormula, type SheetLayout } from "../../src/workbook/layout";

export function layoutCells(sheet: SheetLayout): RawCellContent[][] {
  let h = 0;
  let w = 0;
  for (const b of sheet.blocks) {
    h = Math.max(h, b.row + b.cells.length);
    for (const r of b.cells) w = Math.max(w, b.column + r.length);
  }
  const out: RawCellContent[][] = Array.from({ length: h }, () =>
    new Array<RawCellContent>(w).fill(null)
  );
  for (const b of sheet.blocks) {
    b.cells.forEach((line, i) =>
      line.forEach((c, j) => {
        out[b.row + i][b.column + j] = isFormula(c)
          ? "=" + c.formula
          : typeof c === "string"
            ? "'" + c
            : c;
      })
    );
  }
  return out;
}

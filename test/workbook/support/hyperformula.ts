/**
 * Evaluates a WorkbookLayout with HyperFormula (a second spreadsheet engine, GPL-3.0: tests and
 * dev tools only) and compares every formula cell of the output sheets with the engine's value
 * the layout carries as its cached result.
 *
 * Text cells are entered with HyperFormula's apostrophe prefix, so a name like "=HYPERLINK(…)"
 * or a period like "2024-01" stays text, as the writers keep it. Defined names come from the
 * layout. PERF.* formulas run through a function plugin (perf-plugin.ts) that calls the shipped
 * src/functions module exactly as Excel would.
 */
import { HyperFormula, type ConfigParams, type RawCellContent } from "hyperformula";
import type { WorkbookLayout } from "../../../src/workbook/layout";
import { layoutCells } from "../../../dev/workbook/layoutCells";
export { compareLayout, type Comparison, type Mismatch } from "../../../scripts/layout-compare";
import { useExcelRound } from "./excel-round";
import { registerPerfPlugin } from "./perf-plugin";

/**
 * useArrayArithmetic: array expressions inside SUMPRODUCT ((range="")*1), which Excel and
 * LibreOffice evaluate natively. smartRounding off: HyperFormula otherwise returns results
 * rounded to about ten decimals (103.98483204501551 → 103.98483205); without it its numbers are
 * the engine's to the last bit.
 */
export const HF_CONFIG: Partial<ConfigParams> = {
  licenseKey: "gpl-v3",
  useArrayArithmetic: true,
  smartRounding: false,
};

/** A sheet layout as HyperFormula cell content (text kept as text). */
export const sheetContent = layoutCells;

export interface Evaluated {
  hf: HyperFormula;
  buildMs: number;
  value(sheet: string, row: number, column: number): unknown;
}

export function evaluateLayout(
  layout: WorkbookLayout,
  options: { perf?: boolean; binaryRound?: boolean } = {}
): Evaluated {
  if (options.perf) registerPerfPlugin();
  if (!options.binaryRound) useExcelRound();
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const s of layout.sheets) sheets[s.name] = sheetContent(s);
  const names = layout.sheets
    .flatMap((s) => s.names)
    .map((n) => ({ name: n.name, expression: "=" + n.ref }));
  const t0 = performance.now();
  const hf = HyperFormula.buildFromSheets(sheets, HF_CONFIG, names);
  const buildMs = performance.now() - t0;
  const ids = new Map(layout.sheets.map((s) => [s.name, hf.getSheetId(s.name)!]));
  return {
    hf,
    buildMs,
    value: (sheet, row, col) => hf.getCellValue({ sheet: ids.get(sheet)!, row, col }),
  };
}

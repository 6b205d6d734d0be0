/**
 * ROUND as Excel computes it, for HyperFormula: HyperFormula rounds the binary value
 * (ROUND(1.005, 2) = 1, ROUND(0.285, 2) = 0.28), where Excel and LibreOffice round the decimal
 * value the cell shows (1.01, 0.29). Money sits on half cents often (a standard × 1.5, a 5% slice),
 * so the comparison uses the preview's replacement (dev/workbook/excelFunctions.ts, the engine's
 * excelRound); LibreOffice, checked separately, needs no such help.
 */
import { installExcelRounding } from "../../../dev/workbook/excelFunctions";

/** Replaces HyperFormula's ROUND with Excel's (once per process). */
export function useExcelRound(): void {
  installExcelRounding();
}

/**
 * A small HyperFormula sheet for testing a rule's formula builder against its value function:
 * put the inputs in cells, evaluate the built formula in a spare cell, read its value. Excel's
 * ROUND replaces HyperFormula's (test/workbook/support/excel-round.ts), as in the layout proofs.
 */
import { DetailedCellError, HyperFormula, type RawCellContent } from "hyperformula";
import { HF_CONFIG } from "../../workbook/support/hyperformula";
import { useExcelRound } from "../../workbook/support/excel-round";
import { cell as a1cell, range as a1range } from "../../../src/workbook/a1";

/** A cell input: a number, text ("=…" a formula), or null for a missing value (a formula returning ""). */
export type Input = number | string | null;

/** What a formula gave: a number, text ("" for missing), or "error" for any error value. */
export type Output = number | string | "error";

export class FormulaSheet {
  private readonly hf: HyperFormula;
  private readonly sheet: number;
  /** The cell the formula under test is written to (far from the inputs). */
  private static readonly OUT = { row: 199, col: 25 };

  constructor() {
    useExcelRound();
    this.hf = HyperFormula.buildEmpty(HF_CONFIG);
    this.hf.addSheet("S");
    this.sheet = this.hf.getSheetId("S")!;
  }

  /** Writes inputs down column `column` from row `row` (0-based); returns their references. */
  column(column: number, values: readonly Input[], row = 0): string[] {
    const content: RawCellContent[][] = values.map((v) => [content1(v)]);
    this.hf.setCellContents({ sheet: this.sheet, row, col: column }, content);
    return values.map((_, i) => a1cell(row + i, column));
  }

  /** The range of `count` cells down column `column` from row `row`. */
  range(column: number, count: number, row = 0, columns = 1): string {
    return a1range({ row, column, rows: count, columns });
  }

  /** Empties the cells the inputs used (so a shorter list leaves nothing behind). */
  clear(): void {
    this.hf.setCellContents(
      { sheet: this.sheet, row: 0, col: 0 },
      Array.from({ length: 60 }, () => new Array<RawCellContent>(12).fill(null))
    );
  }

  /** Evaluates `formula` (without "=") over the cells written so far. */
  eval(formula: string): Output {
    const at = { sheet: this.sheet, row: FormulaSheet.OUT.row, col: FormulaSheet.OUT.col };
    this.hf.setCellContents(at, [["=" + formula]]);
    const v = this.hf.getCellValue(at);
    if (v instanceof DetailedCellError) return "error";
    if (typeof v === "boolean") return v ? 1 : 0;
    if (v === null) return 0;
    return v;
  }
}

function content1(v: Input): RawCellContent {
  if (v === null) return `=""`;
  if (typeof v === "string") return v.startsWith("=") ? v : "'" + v;
  return v;
}

/** An engine number as a cell's expected value: NaN → "error" or "" as the rule says. */
export function expectNumber(actual: Output, expected: number, tolerance = 1e-9): void {
  if (typeof actual !== "number") throw new Error(`expected ${expected}, formula gave ${actual}`);
  const scale = Math.max(1, Math.abs(expected));
  if (!(Math.abs(actual - expected) <= tolerance * scale))
    throw new Error(`expected ${expected}, formula gave ${actual}`);
}

/** Money to the cent: Excel's ROUND on both sides, so equal within a thousandth of a cent. */
export function expectMoney(actual: Output, expected: number): void {
  if (typeof actual !== "number") throw new Error(`expected ${expected}, formula gave ${actual}`);
  if (!(Math.abs(actual - expected) <= 1e-5))
    throw new Error(`expected ${expected}, formula gave ${actual}`);
}

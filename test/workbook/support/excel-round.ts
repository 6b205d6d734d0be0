/**
 * ROUND as Excel computes it, for HyperFormula. HyperFormula rounds the binary value
 * (Math.round(x × 10^d) ÷ 10^d: ROUND(1.005, 2) = 1, ROUND(0.285, 2) = 0.28, ROUND(4652.7649999999994, 2)
 * = 4652.76), where Excel and LibreOffice round the decimal value the cell shows (15 significant
 * digits: 1.01, 0.29, 4652.77). Money sits on half cents often (a standard × 1.5, a 5% slice), so
 * the comparison replaces HyperFormula's ROUND with Excel's rule (the engine's excelRound, itself
 * tested against Excel's documented cases); LibreOffice, checked separately, needs no such help.
 */
import { FunctionArgumentType, FunctionPlugin, HyperFormula } from "hyperformula";
import { excelRound } from "../../../src/engine/numeric";

class ExcelRoundPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    ROUND: {
      method: "round",
      parameters: [
        { argumentType: FunctionArgumentType.NUMBER },
        { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 },
      ],
    },
  };
  round(ast: { args: unknown[] }, state: unknown): unknown {
    return this.runFunction(
      ast.args as never,
      state as never,
      this.metadata("ROUND"),
      (x: number, digits: number) => excelRound(x, Math.trunc(digits))
    );
  }
}

let done = false;

/** Replaces HyperFormula's ROUND with Excel's (once per process). */
export function useExcelRound(): void {
  if (done) return;
  HyperFormula.unregisterFunction("ROUND");
  HyperFormula.registerFunctionPlugin(ExcelRoundPlugin as never);
  done = true;
}

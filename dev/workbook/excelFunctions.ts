/**
 * Where HyperFormula and Excel disagree on a function the add-in's formulas use, the preview uses
 * Excel's behaviour so its numbers are Excel's: ROUND rounds the decimal value Excel shows, half
 * away from zero (2.675 → 2.68, 73232.845 → 73232.85), where HyperFormula rounds the binary double.
 */
import { FunctionArgumentType, FunctionPlugin, HyperFormula } from "hyperformula";
import { excelRound } from "../../src/engine";

type Run = FunctionPlugin["runFunction"];
type Ast = { args: Parameters<Run>[0] };
type State = Parameters<Run>[1];

export class ExcelRoundingPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    ROUND: {
      method: "round",
      parameters: [
        { argumentType: FunctionArgumentType.NUMBER },
        { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 },
      ],
    },
  };

  round(ast: Ast, state: State): ReturnType<Run> {
    return this.runFunction(
      ast.args,
      state,
      this.metadata("ROUND"),
      (value: number, places: number) => excelRound(value, Math.trunc(places))
    );
  }
}

let registered = false;

/** Replaces HyperFormula's ROUND with Excel's, once per page (HyperFormula's registry is global). */
export function installExcelRounding(): void {
  if (registered) return;
  HyperFormula.unregisterFunction("ROUND");
  HyperFormula.registerFunction("ROUND", ExcelRoundingPlugin, { enGB: { ROUND: "ROUND" } });
  registered = true;
}

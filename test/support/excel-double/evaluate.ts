/**
 * Values for the Excel double's formulas: the whole workbook handed to HyperFormula (with Excel's
 * ROUND and the add-in's own PERF functions, as the browser preview evaluates it), each formula's
 * value taken back. PERF calls are resolved the way Excel resolves them: by the names it
 * registered under the display language (a call by any other name gives #NAME?). Without dynamic
 * arrays (retail Excel 2016/2019) a formula whose result is an array shows its top-left value
 * only; with them the rest spills into the empty cells beside it.
 *
 * For tests of small workbooks only: HyperFormula takes seconds and hundreds of MB for a large one.
 */
import { DetailedCellError, HyperFormula, type RawCellContent } from "hyperformula";
import * as PERF from "../../../src/functions/functions";
import { installExcelRounding } from "../../../dev/workbook/excelFunctions";
import { installPerfFunctions } from "../../../dev/workbook/perfFunctions";
import { toHyperFormula } from "../../../dev/workbook/PreviewWorkbook";
import type { Evaluation, Evaluator } from "./calculation";
import type { CellModel, Scalar, SheetModel, WorkbookModel } from "./model";
import { formatAddress, sheetPrefix } from "./parse";

/** PERF calls renamed for HyperFormula: registered names to PERF.<id>, others to an unknown name. */
function resolveCalls(formula: string, registered: Map<string, string>): string {
  return formula
    .split('"')
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/(PERF|绩效)\.([\p{L}_][\p{L}\p{N}_.]*)(?=\s*\()/giu, (call: string) => {
            const id = registered.get(call.toUpperCase());
            return id ? `PERF.${id}` : "UNREGISTERED.FUNCTION";
          })
    )
    .join('"');
}

function toScalar(value: unknown): Scalar {
  if (value instanceof DetailedCellError) return value.value;
  if (value === null || value === undefined) return 0;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  return String(value);
}

export function hyperFormulaEvaluator(options: { dynamicArrays: boolean }): Evaluator {
  return (model: WorkbookModel): Evaluation => {
    installExcelRounding();
    installPerfFunctions(PERF as unknown as Record<string, unknown>);
    const hf = HyperFormula.buildEmpty({
      licenseKey: "gpl-v3",
      useArrayArithmetic: true,
      smartRounding: false,
    });
    const sheets = model.live();
    const names = sheets.map((s) => s.name);
    const registered = model.registered();
    const ids = new Map<SheetModel, number>();
    hf.suspendEvaluation();
    for (const s of sheets) ids.set(s, hf.getSheetId(hf.addSheet(s.name))!);
    for (const n of model.names.values()) {
      if (n.scope) continue;
      const ref = n.range
        ? `=${sheetPrefix(n.range.sheet.name)}${formatAddress(n.range.rect, true)}`
        : (n.formula ?? "=#N/A");
      hf.addNamedExpression(n.name, toHyperFormula(ref, names));
    }
    for (const s of sheets) {
      const content: RawCellContent[][] = [];
      for (const [r, row] of s.cells) {
        const line = (content[r] ??= []);
        for (const [c, cell] of row)
          line[c] = cell.formula
            ? toHyperFormula(resolveCalls(model.renderFormula(cell.formula), registered), names)
            : (cell.value ?? null);
      }
      for (let r = 0; r < content.length; r++) content[r] ??= [];
      hf.setSheetContent(ids.get(s)!, content);
    }
    hf.resumeEvaluation();
    const values = new Map<CellModel, Scalar>();
    const spills = new Map<SheetModel, Map<string, Scalar>>();
    for (const s of sheets) {
      const sheet = ids.get(s)!;
      for (const [row, line] of s.cells)
        for (const [col, cell] of line)
          if (cell.formula) values.set(cell, toScalar(hf.getCellValue({ sheet, row, col })));
      if (!options.dynamicArrays) continue;
      const spilled = new Map<string, Scalar>();
      hf.getSheetValues(sheet).forEach((line, row) =>
        line.forEach((v, col) => {
          const cell = s.cell(row, col);
          if (v !== null && (!cell || (cell.value === undefined && !cell.formula)))
            spilled.set(`${row},${col}`, toScalar(v));
        })
      );
      spills.set(s, spilled);
    }
    hf.destroy();
    return { values, spills };
  };
}

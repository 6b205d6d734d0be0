/**
 * How the Excel double calculates, and what it costs:
 *
 * - Excel recalculates what changed after every request (automatic mode) unless the request
 *   suspended calculation (`suspendApiCalculationUntilNextSync`); then the changed cells stay
 *   uncalculated until a recalculation. `Application.calculate("Recalculate")` recalculates what
 *   changed and what depends on it; "Full" and "FullRebuild" recalculate every formula of every
 *   open workbook and re-run every custom function (office-js #6678, #6150, #6841: on the web a
 *   large custom-function recalculation has hung `context.sync()`). Each calculation is recorded
 *   with the formulas and custom-function calls it cost.
 * - The PERF functions are known by the names Excel registered them under, which follow Office's
 *   display language (src/functions/names.ts): a formula calling them by another language's
 *   names shows #NAME? (office-js #891).
 * - Values come from an evaluator when one is installed (./evaluate.ts, HyperFormula with the
 *   add-in's own functions); otherwise formula cells read 0 (the double does not calculate).
 */
import { functionCalls, functionNames } from "../../../src/functions/names";
import type { CellModel, Scalar, SheetModel, WorkbookModel } from "./model";

export type CalculationType = "Recalculate" | "Full" | "FullRebuild" | "automatic";

export interface CalculationRecord {
  type: CalculationType;
  /** Formula cells recalculated. */
  formulas: number;
  /** Custom-function calls among them (each one a call into the add-in's runtime). */
  customCalls: number;
}

/** Values of formula cells (and of spilled cells by "row,column") computed for a workbook. */
export interface Evaluation {
  values: Map<CellModel, Scalar>;
  spills: Map<SheetModel, Map<string, Scalar>>;
}

export type Evaluator = (model: WorkbookModel) => Evaluation;

/** The PERF functions' registered names (upper case) → ids, for a display language. */
export function registeredNames(displayLanguage: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, name] of functionNames(displayLanguage)) out.set(name.toUpperCase(), id);
  return out;
}

/** A formula's PERF calls that name a function Excel did not register under its display language. */
export function unregisteredCalls(formula: string, registered: Map<string, string>): boolean {
  const calls = formula.matchAll(/(PERF|绩效)\.([\p{L}_][\p{L}\p{N}_.]*)\s*\(/giu);
  for (const m of calls) if (!registered.has(`${m[1]}.${m[2]}`.toUpperCase())) return true;
  return false;
}

export class Calculation {
  readonly records: CalculationRecord[] = [];
  /** Installed by `useEvaluator`: formula cells get values when they are calculated. */
  evaluator?: Evaluator;
  private readonly dirty = new Set<SheetModel>();

  constructor(private readonly model: WorkbookModel) {}

  /** A cell of `sheet` was entered or cleared: its dependents need a recalculation. */
  changed(sheet: SheetModel): void {
    this.dirty.add(sheet);
  }

  /**
   * Reads of `values` during which PERF cells still show #BUSY! (Excel on the web shows it while
   * custom functions compute): a test sets it to see the self-check wait.
   */
  busyReads = 0;

  takeBusyRead(): boolean {
    if (this.busyReads <= 0) return false;
    this.busyReads--;
    return true;
  }

  /** Changes not yet calculated (calculation was suspended). */
  get pending(): boolean {
    return this.dirty.size > 0;
  }

  run(type: CalculationType): void {
    if (type === "automatic" && this.dirty.size === 0) return;
    const cells = type === "Recalculate" || type === "automatic" ? this.affected() : this.all();
    let customCalls = 0;
    for (const c of cells)
      customCalls += functionCalls(this.model.renderFormula(c.formula!)).length;
    this.records.push({ type, formulas: cells.length, customCalls });
    this.dirty.clear();
    if (!this.evaluator || cells.length === 0) return;
    const evaluation = this.evaluator(this.model);
    for (const c of cells) c.result = evaluation.values.get(c) ?? 0;
    for (const s of this.model.live()) s.spilled = evaluation.spills.get(s) ?? new Map();
  }

  private all(): CellModel[] {
    return this.formulas(() => true);
  }

  /**
   * What a recalculation redoes: the formulas on changed sheets, and, transitively, those naming
   * such a sheet or a defined name on one (a sheet-level view of Excel's dependency tree).
   */
  private affected(): CellModel[] {
    const sheets = new Set(this.dirty);
    for (let grew = true; grew;) {
      grew = false;
      const names = [...this.model.names.values()]
        .filter((n) => n.range && sheets.has(n.range.sheet))
        .map((n) => new RegExp(`(^|[^\\p{L}\\p{N}_.])${n.name}($|[^\\p{L}\\p{N}_.(])`, "iu"));
      const refersTo = (c: CellModel) =>
        c.formula!.some((p) =>
          typeof p === "string" ? names.some((r) => r.test(p)) : sheets.has(p.sheet)
        );
      for (const s of this.model.live()) {
        if (sheets.has(s)) continue;
        if (this.formulasOf(s).some(refersTo)) {
          sheets.add(s);
          grew = true;
        }
      }
    }
    return this.formulas((s) => sheets.has(s));
  }

  private formulasOf(sheet: SheetModel): CellModel[] {
    const out: CellModel[] = [];
    for (const row of sheet.cells.values())
      for (const c of row.values()) if (c.formula) out.push(c);
    return out;
  }

  private formulas(take: (sheet: SheetModel) => boolean): CellModel[] {
    return this.model.live().flatMap((s) => (take(s) ? this.formulasOf(s) : []));
  }
}

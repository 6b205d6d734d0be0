/**
 * The PERF.* worksheet functions (shared/spec/functions.md). This file is the entry of the
 * standalone functions bundle (dist/functions.js): custom-functions-metadata-plugin generates
 * dist/functions.json from the JSDoc below and appends the CustomFunctions.associate calls.
 *
 * Each function is one line: read the arguments (args.ts), compute (engine/primitives.ts).
 * Parameters are typed `unknown` (metadata type "any") so Excel hands over text, blanks and
 * booleans unchanged and the contract's reading rules apply; ranges are `unknown[][]` (matrix).
 * The JSDoc text must equal src/functions/catalog.ts (test/functions/metadata.test.ts checks it);
 * the zh-CN metadata is generated from that catalog. No function is volatile.
 *
 * Imports only the engine's primitives, coercion, errors and messages: no DOM, no React.
 */
import { isError, PerfError } from "../engine/errors";
import * as E from "../engine/primitives";
import {
  cellNumber,
  choice,
  CURVE_MODE,
  DIRECTION,
  flatten,
  invoke,
  label,
  listNumber,
  METHOD,
  MISSING,
  num,
  numberList,
  omitted,
  optNum,
  optNumOrNull,
  out,
  outValue,
  presentNumbers,
  rows,
  table,
  tableLabel,
  tableNumber,
  tableResult,
} from "./args";

/**
 * Completion ratio: actual ÷ target, or target ÷ actual when less is better.
 * @customfunction ATTAINMENT
 * @param actual The actual result (sales, days, hours); may be negative.
 * @param target The target, 0 or more.
 * @param [direction] "higher" (default): more is better, actual ÷ target; "lower": less is better, target ÷ actual. Also 高 / 低.
 * @returns The attainment ratio (1 = 100%).
 */
export function attainment(actual: unknown, target: unknown, direction?: unknown): number {
  return invoke(() =>
    out(
      E.attainment(
        num(actual, "actual"),
        num(target, "target"),
        choice(direction, "direction", DIRECTION)
      )
    )
  );
}

/**
 * Growth rate: (current − prior) ÷ ABS(prior).
 * @customfunction GROWTH
 * @param current This period's value.
 * @param prior The prior period's value; must not be 0.
 * @returns The growth rate (0.1 = 10%).
 */
export function growth(current: unknown, prior: unknown): number {
  return invoke(() => out(E.growth(num(current, "current"), num(prior, "prior"))));
}

/**
 * Indicator score: MIN(attainment, cap) × full_score, or 0 when attainment is below floor.
 * @customfunction KPISCORE
 * @param actual The actual result; may be negative.
 * @param target The target, 0 or more.
 * @param [floor] Lowest attainment that scores (default 0); below it the score is 0.
 * @param [cap] Highest attainment that counts (default 1.2).
 * @param [direction] "higher" (default): more is better, actual ÷ target; "lower": less is better, target ÷ actual. Also 高 / 低.
 * @param [full_score] Score for 100% attainment (default 100).
 * @returns The indicator score.
 */
export function kpiScore(
  actual: unknown,
  target: unknown,
  floor?: unknown,
  cap?: unknown,
  direction?: unknown,
  full_score?: unknown
): number {
  const D = E.KPISCORE_DEFAULTS;
  return invoke(() =>
    out(
      E.kpiScore(
        num(actual, "actual"),
        num(target, "target"),
        optNum(floor, "floor", D.floor),
        optNum(cap, "cap", D.cap),
        choice(direction, "direction", DIRECTION),
        optNum(full_score, "full_score", D.fullScore)
      )
    )
  );
}

/**
 * Payout or score curve (threshold, target, stretch): 0 below the first point, the last y from the last point on.
 * @customfunction CURVE
 * @param value The value to look up, e.g. an attainment.
 * @param points Two columns (x, y), x strictly ascending; the first point is the threshold.
 * @param [mode] "linear" (default) interpolates between points; "step" takes the y of the last x reached.
 * @returns The curve's value at value.
 */
export function curve(value: unknown, points: unknown[][], mode?: unknown): number {
  return invoke(() =>
    out(E.curve(num(value, "value"), readPoints(points), choice(mode, "mode", CURVE_MODE)))
  );
}

/**
 * Weighted score: Σ score × weight ÷ Σ weight; weights sum to 1 (100%) or to 100 points.
 * @customfunction WEIGHTED
 * @param scores The scores, any shape, read row by row.
 * @param weights One weight per score, 0 or more; a blank weight is 0.
 * @param [missing] A blank score with a weight: "error" (default), "zero" counts it as 0, "renormalize" leaves it out.
 * @returns The weighted score.
 */
export function weighted(scores: unknown[][], weights: unknown[][], missing?: unknown): number {
  return invoke(() =>
    out(
      E.weighted(
        numberList(scores, "scores"),
        numberList(weights, "weights"),
        choice(missing, "missing", MISSING)
      )
    )
  );
}

/**
 * Rating grade: the label of the highest band minimum the score reaches.
 * @customfunction GRADE
 * @param score The score to grade.
 * @param [bands] Two columns (min_score, label), any order. Default: S 95, A 85, B 70, C 60, D 0.
 * @returns The grade label.
 */
export function grade(score: unknown, bands?: unknown[][]): string {
  return invoke(() =>
    outValue(E.grade(num(score, "score"), omitted(bands) ? E.DEFAULT_BANDS : readBands(bands)))
  );
}

/**
 * Forced distribution: a grade for every score by rank; the result spills in the shape of scores.
 * @customfunction DISTRIBUTE
 * @param scores The scores to rank; a blank cell gives a blank.
 * @param [quotas] Two columns (label, share), best grade first; shares sum to 1 or 100. Default: S 10%, A 20%, B 50%, C 15%, D 5%.
 * @returns Grade labels in the shape of scores (a spilled array).
 */
export function distribute(scores: unknown[][], quotas?: unknown[][]): unknown[][] {
  return invoke(() =>
    distributeCells(scores, omitted(quotas) ? E.DEFAULT_QUOTAS : readQuotas(quotas))
  );
}

/**
 * Performance coefficient for a grade.
 * @customfunction COEFFICIENT
 * @param grade The grade label, e.g. A; case and surrounding spaces are ignored.
 * @param [table] Two columns (label, coefficient). Default: S 1.5, A 1.2, B 1.0, C 0.8, D 0.5.
 * @returns The coefficient.
 */
export function coefficient(grade: unknown, table?: unknown[][]): number {
  return invoke(() =>
    out(
      E.coefficient(
        label(grade, "grade"),
        omitted(table) ? E.DEFAULT_COEFFICIENTS : readCoefficients(table)
      )
    )
  );
}

/**
 * Two-way lookup, e.g. a coefficient by attainment (rows) and collection rate (columns).
 * @customfunction MATRIX
 * @param row_value The value looked up down the first column.
 * @param column_value The value looked up along the first row.
 * @param table First row: column thresholds; first column: row thresholds (both from the second cell, strictly ascending).
 * @returns The value in the table, or 0 below the first threshold of either axis.
 */
export function matrix(
  row_value: unknown,
  column_value: unknown,
  table: unknown[][]
): number | string {
  return invoke(() =>
    outValue(
      E.matrix(num(row_value, "row_value"), num(column_value, "column_value"), readMatrix(table))
    )
  );
}

/**
 * Tiered commission: marginal (each slice at its tier's rate) or whole (the whole amount at the highest tier reached).
 * @customfunction COMMISSION
 * @param amount The amount the commission is paid on, 0 or more.
 * @param tiers Two columns (lower_bound, rate), bounds strictly ascending; below the first bound earns 0.
 * @param [method] "marginal" (default, 超额累进) or "whole" (全额累进).
 * @param [target] A quota above 0: the bounds are then attainment ratios multiplied by it.
 * @param [cap] The most that is paid, 0 or more.
 * @returns The commission.
 */
export function commission(
  amount: unknown,
  tiers: unknown[][],
  method?: unknown,
  target?: unknown,
  cap?: unknown
): number {
  return invoke(() =>
    out(
      E.commission(
        num(amount, "amount"),
        readTiers(tiers),
        choice(method, "method", METHOD),
        optNumOrNull(target, "target"),
        optNumOrNull(cap, "cap")
      )
    )
  );
}

/**
 * 360-degree feedback score: weighted average of superior, peer and customer ratings; a group without ratings is left out.
 * @customfunction FEEDBACK
 * @param superior The superior's rating: a number or a range.
 * @param peers Peer ratings: a number or a range.
 * @param customers Customer ratings: a number or a range.
 * @param [weights] Three cells (superior, peers, customers) summing to 1 or 100. Default: 0.6, 0.2, 0.2.
 * @returns The 360-degree score.
 */
export function feedback(
  superior: unknown[][],
  peers: unknown[][],
  customers: unknown[][],
  weights?: unknown[][]
): number {
  return invoke(() =>
    out(
      E.feedback(
        presentNumbers(superior, "superior"),
        presentNumbers(peers, "peers"),
        presentNumbers(customers, "customers"),
        omitted(weights) ? E.DEFAULT_FEEDBACK_WEIGHTS : readFeedbackWeights(weights)
      )
    )
  );
}

/**
 * Proration for a partial period: amount × MIN(1, days_worked ÷ days_in_period).
 * @customfunction PRORATE
 * @param amount The full-period amount.
 * @param days_worked Days worked, 0 or more.
 * @param days_in_period Days in the period, above 0.
 * @returns The prorated amount.
 */
export function prorate(amount: unknown, days_worked: unknown, days_in_period: unknown): number {
  return invoke(() =>
    out(
      E.prorate(
        num(amount, "amount"),
        num(days_worked, "days_worked"),
        num(days_in_period, "days_in_period")
      )
    )
  );
}

/**
 * Monthly pay: base + performance_pay × coefficient + commission + bonus, rounded to 2 decimals like ROUND.
 * @customfunction PAY
 * @param base Base salary, 0 or more.
 * @param performance_pay Performance pay at coefficient 1, 0 or more.
 * @param coefficient Performance coefficient, 0 or more.
 * @param [commission] Commission (default 0); may be negative for a clawback.
 * @param [bonus] Bonus (default 0); may be negative for a deduction.
 * @returns The pay, rounded to the cent.
 */
export function pay(
  base: unknown,
  performance_pay: unknown,
  coefficient: unknown,
  commission?: unknown,
  bonus?: unknown
): number {
  return invoke(() =>
    out(
      E.pay(
        num(base, "base"),
        num(performance_pay, "performance_pay"),
        num(coefficient, "coefficient"),
        optNum(commission, "commission", 0),
        optNum(bonus, "bonus", 0)
      )
    )
  );
}

// ---------------------------------------------------------------------------------------------
// Table arguments as engine structures (every cell read by args.ts)
// ---------------------------------------------------------------------------------------------

function readPoints(v: unknown): E.CurvePoint[] {
  return table(v, "points", 2).map((r, i) => ({
    x: tableNumber(r[0], "points", i + 1, 1),
    y: tableNumber(r[1], "points", i + 1, 2),
  }));
}

function readTiers(v: unknown): E.Tier[] {
  return table(v, "tiers", 2).map((r, i) => ({
    from: tableNumber(r[0], "tiers", i + 1, 1),
    rate: tableNumber(r[1], "tiers", i + 1, 2),
  }));
}

function readBands(v: unknown): E.Band[] {
  return table(v, "bands", 2).map((r, i) => ({
    min: tableNumber(r[0], "bands", i + 1, 1),
    label: tableLabel(r[1], "bands", i + 1),
  }));
}

function readQuotas(v: unknown): E.Quota[] {
  return table(v, "quotas", 2).map((r, i) => ({
    label: tableLabel(r[0], "quotas", i + 1),
    share: tableNumber(r[1], "quotas", i + 1, 2),
  }));
}

function readCoefficients(v: unknown): E.CoefficientEntry[] {
  return table(v, "table", 2).map((r, i) => ({
    label: tableLabel(r[0], "table", i + 1),
    coefficient: tableNumber(r[1], "table", i + 1, 2),
  }));
}

/** MATRIX's table: header row (column thresholds), header column (row thresholds), body. */
function readMatrix(v: unknown): E.MatrixTable {
  const t = table(v, "table", null);
  const header = t[0];
  const columns: number[] = [];
  for (let c = 1; c < header.length; c++) columns.push(tableNumber(header[c], "table", 1, c + 1));
  const rowThresholds: number[] = [];
  const cells: (number | string)[][] = [];
  for (let r = 1; r < t.length; r++) {
    rowThresholds.push(tableNumber(t[r][0], "table", r + 1, 1));
    const body: (number | string)[] = [];
    for (let c = 1; c < t[r].length; c++) {
      const cell = tableResult(t[r][c], "table");
      body.push(typeof cell === "boolean" ? (cell ? "TRUE" : "FALSE") : cell);
    }
    cells.push(body);
  }
  return { rows: rowThresholds, columns, cells };
}

/** FEEDBACK's weights: every cell counts (a blank weight is 0), row by row. */
function readFeedbackWeights(v: unknown): number[] {
  return flatten(v).map((c, i) => listNumber(c, "weights", i + 1) ?? 0);
}

/** Stands for a cell that shows an error; its CustomFunctions.Error is put back in the result. */
const ERROR_CELL = new PerfError("VALUE", "textInRange");

/**
 * DISTRIBUTE: one label per cell, in the shape of scores (rows padded to the widest with "").
 * A text cell shows #VALUE! and an error cell its error, in that cell only; blank cells give "".
 */
function distributeCells(scores: unknown, quotas: readonly E.Quota[]): unknown[][] {
  const grid = rows(scores);
  let width = 0;
  for (const r of grid) if (r.length > width) width = r.length;
  if (grid.length === 0 || width === 0) return [[""]];
  const cells: (number | null | CustomFunctions.Error)[] = [];
  let position = 0;
  for (const r of grid) {
    for (let c = 0; c < width; c++) {
      position++;
      cells.push(c < r.length ? cellNumber(r[c], "scores", position) : null);
    }
  }
  // Cells that show an error are left out of the ranking: the engine sees them as error cells.
  const r = E.distribute(
    cells.map((c) => (c === null || typeof c === "number" ? c : ERROR_CELL)),
    quotas
  );
  if (isError(r)) throw r;
  const result: unknown[][] = [];
  for (let row = 0, i = 0; row < grid.length; row++) {
    const line: unknown[] = new Array(width);
    for (let c = 0; c < width; c++, i++) {
      const cell = cells[i];
      line[c] = cell === null || typeof cell === "number" ? r[i] : cell;
    }
    result.push(line);
  }
  return result;
}

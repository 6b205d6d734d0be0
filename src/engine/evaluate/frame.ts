/**
 * Data in columns: one Float64Array per field (NaN where there is no number) and a state per
 * cell, so scoring 100,000 rows is a few tight loops. A frame holds months as read, or periods
 * (quarters, years) aggregated from them by each field's rule.
 */
import type { DataRow, SourceRef } from "../records";
import type { CompiledPlan } from "./compile";
import { parsePeriodKey, quarterOf, yearOf } from "../periods";

export const enum CellState {
  Ok = 0,
  Blank = 1,
  Invalid = 2,
  /** The data has no column for the field. */
  Absent = 3,
}

export interface Frame {
  n: number;
  ids: string[];
  names: string[];
  teams: string[];
  periods: string[];
  /** Months each row covers (1 for a month row). */
  monthCount: Int32Array;
  /** For each row, the month rows (indexes into the month frame) it was built from. */
  members: Int32Array[];
  values: Float64Array[];
  states: Uint8Array[];
  sources: SourceRef[][];
  /** Sheet row of a conflicting duplicate (another row for the same person and month), else 0. */
  conflicts: Int32Array;
}

function emptyFrame(n: number, nFields: number): Frame {
  return {
    n,
    ids: new Array(n),
    names: new Array(n),
    teams: new Array(n),
    periods: new Array(n),
    monthCount: new Int32Array(n),
    members: new Array(n),
    values: Array.from({ length: nFields }, () => new Float64Array(n)),
    states: Array.from({ length: nFields }, () => new Uint8Array(n)),
    sources: new Array(n),
    conflicts: new Int32Array(n),
  };
}

/** Month rows in a stable order: by employee id, then month. */
export function sortRows(rows: readonly DataRow[]): DataRow[] {
  return rows
    .map((r, i) => ({ r, i }))
    .sort((x, y) => (x.r.id < y.r.id ? -1 : x.r.id > y.r.id ? 1 : x.r.period < y.r.period ? -1 : x.r.period > y.r.period ? 1 : x.i - y.i))
    .map((x) => x.r);
}

/** The month frame: rows must be month rows sorted with {@link sortRows}. */
export function monthFrame(cp: CompiledPlan, rows: readonly DataRow[]): Frame {
  const keys = cp.fieldKeys;
  const f = emptyFrame(rows.length, keys.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    f.ids[i] = r.id;
    f.names[i] = r.name;
    f.teams[i] = r.team;
    f.periods[i] = r.period;
    f.monthCount[i] = 1;
    f.members[i] = Int32Array.of(i);
    f.sources[i] = [r.source];
    f.conflicts[i] = r.conflict ?? 0;
    for (let k = 0; k < keys.length; k++) {
      const v = r.values[keys[k]];
      if (v === null || v === undefined) {
        f.values[k][i] = NaN;
        f.states[k][i] = r.absent.includes(keys[k]) || !(keys[k] in r.values) ? CellState.Absent : CellState.Blank;
      } else {
        f.values[k][i] = v;
        f.states[k][i] = CellState.Ok;
      }
    }
    for (const key of r.invalid) {
      const k = cp.fieldIndex.get(key);
      if (k !== undefined) {
        f.values[k][i] = NaN;
        f.states[k][i] = CellState.Invalid;
      }
    }
  }
  return f;
}

/** The period a month belongs to for a roll-up. */
export type RollUp = "quarter" | "year";

function periodFor(month: string, to: RollUp): string {
  const p = parsePeriodKey(month)!;
  return to === "quarter" ? quarterOf(p) : yearOf(p);
}

/**
 * Aggregates a month frame (sorted by id, then month) into quarters or years. Per field:
 * "sum" adds the months (blank if any month is blank), "mean" averages the months that have a
 * value, "last" takes the latest month that has one. An invalid month makes the period invalid.
 * Name and team are those of the latest month.
 */
export function aggregate(cp: CompiledPlan, months: Frame, to: RollUp): Frame {
  const groups: { id: string; period: string; rows: number[] }[] = [];
  for (let i = 0; i < months.n; i++) {
    const p = periodFor(months.periods[i], to);
    const last = groups[groups.length - 1];
    if (last && last.id === months.ids[i] && last.period === p) last.rows.push(i);
    else groups.push({ id: months.ids[i], period: p, rows: [i] });
  }
  const nf = cp.fieldKeys.length;
  const f = emptyFrame(groups.length, nf);
  const rules = cp.plan.fields.map((d) => d.aggregate);
  const optional = cp.plan.fields.map((d) => d.optional);
  for (let g = 0; g < groups.length; g++) {
    const { id, period, rows } = groups[g];
    const lastRow = rows[rows.length - 1];
    f.ids[g] = id;
    f.names[g] = months.names[lastRow];
    f.teams[g] = months.teams[lastRow];
    f.periods[g] = period;
    f.monthCount[g] = rows.length;
    f.members[g] = Int32Array.from(rows);
    f.sources[g] = rows.flatMap((r) => months.sources[r]);
    for (const r of rows) if (months.conflicts[r] && !f.conflicts[g]) f.conflicts[g] = months.conflicts[r];
    for (let k = 0; k < nf; k++) {
      const vs = months.values[k];
      const ss = months.states[k];
      const rule = rules[k];
      let state: CellState = CellState.Ok;
      let acc = 0;
      let count = 0;
      let lastValue = NaN;
      let anyBlank = false;
      let allAbsent = true;
      for (const r of rows) {
        const s = ss[r];
        if (s !== CellState.Absent) allAbsent = false;
        if (s === CellState.Invalid) state = CellState.Invalid;
        else if (s === CellState.Ok) {
          acc += vs[r];
          count++;
          lastValue = vs[r];
        } else anyBlank = true;
      }
      let value = NaN;
      if (state !== CellState.Invalid) {
        if (allAbsent) state = CellState.Absent;
        else if (rule === "sum") {
          // An optional column (a pay adjustment) that is blank in a month adds nothing.
          if (anyBlank && !optional[k]) state = CellState.Blank;
          else value = acc;
        } else if (count === 0) state = CellState.Blank;
        else value = rule === "mean" ? acc / count : lastValue;
      }
      f.values[k][g] = value;
      f.states[k][g] = state;
    }
  }
  return f;
}

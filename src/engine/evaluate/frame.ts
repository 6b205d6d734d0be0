/**
 * Data in columns: one Float64Array per field (NaN where there is no number) and a state per
 * cell, so scoring 100,000 rows is a few tight loops. A frame holds months as read, or periods
 * (quarters, years) aggregated from them by each field's rule.
 */
import type { DataRow, SourceRef } from "../records";
import { columnSource, type DataColumns } from "../columns";
import type { CompiledPlan } from "./compile";
import type { Aggregation } from "../plan/model";
import { parsePeriodKey } from "../periods";
import { periodState, periodValue, type MonthTally, type PeriodState } from "../rules/aggregate";

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
  /** For each row, the month rows it was built from: [first[r], end[r]) in the month frame. */
  first: Int32Array;
  end: Int32Array;
  values: Float64Array[];
  states: Uint8Array[];
  /** Where the row's (first) month came from. */
  sources: SourceRef[];
  /** Sheet row of a conflicting duplicate (another row for the same person and month), else 0. */
  conflicts: Int32Array;
}

/**
 * Every frame is one class, so the loops over frames see one shape. A frame's `sources` are
 * built on first use when it was made from columns (a run reads none; an explanation or a sheet
 * layout that does builds the list once).
 */
class FrameData implements Frame {
  ids: string[];
  names: string[];
  teams: string[];
  periods: string[];
  monthCount: Int32Array;
  first: Int32Array;
  end: Int32Array;
  values: Float64Array[];
  states: Uint8Array[];
  conflicts: Int32Array;
  groupOf: Int32Array = new Int32Array(0);
  private sourceList: SourceRef[] | null = null;
  private sourceOf: ((r: number) => SourceRef) | null = null;
  constructor(
    readonly n: number,
    nFields: number,
    withArrays = true
  ) {
    this.ids = new Array(n);
    this.names = new Array(n);
    this.teams = new Array(n);
    this.periods = new Array(n);
    this.monthCount = new Int32Array(n);
    this.first = new Int32Array(n);
    this.end = new Int32Array(n);
    this.values = withArrays ? Array.from({ length: nFields }, () => new Float64Array(n)) : [];
    this.states = withArrays ? Array.from({ length: nFields }, () => new Uint8Array(n)) : [];
    this.conflicts = new Int32Array(n);
  }
  get sources(): SourceRef[] {
    if (this.sourceList === null) {
      const make = this.sourceOf;
      this.sourceList = make
        ? Array.from({ length: this.n }, (_, r) => make(r))
        : new Array(this.n);
    }
    return this.sourceList;
  }
  set sources(list: SourceRef[]) {
    this.sourceList = list;
  }
  /** Sources made on first use, by row. */
  lazySources(make: (r: number) => SourceRef): void {
    this.sourceList = null;
    this.sourceOf = make;
  }
  /** Makes the sources now and drops their maker: the frame is then plain data. */
  settle(): void {
    if (this.sourceOf === null) return;
    void this.sources;
    this.sourceOf = null;
  }
}

/**
 * Frames cross to the pane's worker and back by structured cloning, which copies data only: a
 * frame's sources are made before it crosses (their maker is a function, which cannot be cloned)…
 */
export function settleFrame(v: object): void {
  if (v instanceof FrameData) v.settle();
}

/** …and a frame that crossed gets its class back (its `sources` accessor); true when it did. */
export function reviveFrame(v: object): boolean {
  if (v instanceof FrameData || !("sourceList" in v && "monthCount" in v && "groupOf" in v))
    return false;
  Object.setPrototypeOf(v, FrameData.prototype);
  return true;
}

function emptyFrame(n: number, nFields: number): FrameData {
  return new FrameData(n, nFields);
}

/** Month rows in a stable order: by employee id, then month. */
export function sortRows(rows: readonly DataRow[]): DataRow[] {
  let sorted = true;
  for (let i = 1; i < rows.length && sorted; i++) {
    const a = rows[i - 1];
    const b = rows[i];
    if (a.id > b.id || (a.id === b.id && a.period > b.period)) sorted = false;
  }
  if (sorted) return rows.slice();
  const keyed = rows.map((r, i) => ({ k: r.id + "\u0000" + r.period, i, r }));
  keyed.sort((x, y) => (x.k < y.k ? -1 : x.k > y.k ? 1 : x.i - y.i));
  return keyed.map((x) => x.r);
}

/** The month frame: rows must be month rows sorted with {@link sortRows}. */
export function monthFrame(cp: CompiledPlan, rows: readonly DataRow[]): Frame {
  const keys = cp.fieldKeys;
  const nf = keys.length;
  const f = emptyFrame(rows.length, nf);
  // Rows read from one table share their `absent` list: turn each distinct list into flags once.
  const absentFlags = new Map<readonly string[], Uint8Array>();
  const none = new Uint8Array(nf);
  const flagsFor = (absent: readonly string[]) => {
    if (absent.length === 0) return none;
    let flags = absentFlags.get(absent);
    if (!flags) {
      flags = new Uint8Array(nf);
      for (let k = 0; k < nf; k++) flags[k] = absent.includes(keys[k]) ? 1 : 0;
      absentFlags.set(absent, flags);
    }
    return flags;
  };
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    f.ids[i] = r.id;
    f.names[i] = r.name;
    f.teams[i] = r.team;
    f.periods[i] = r.period;
    f.monthCount[i] = 1;
    f.first[i] = i;
    f.end[i] = i + 1;
    f.sources[i] = r.source;
    f.conflicts[i] = r.conflict ?? 0;
  }
  // Row by row with for-in: rows read from a table share one key order (the plan's fields), and
  // V8 turns `values[key]` inside a for-in over the same object into a plain field load. A row
  // whose keys come in another order (built by hand) takes the keyed path.
  const vs = f.values;
  const ss = f.states;
  for (let i = 0; i < rows.length; i++) {
    const values = rows[i].values;
    let k = 0;
    let inOrder = true;
    for (const key in values) {
      if (k >= nf || key !== keys[k]) {
        inOrder = false;
        break;
      }
      const v = values[key];
      if (v === null || v === undefined) {
        vs[k][i] = NaN;
        ss[k][i] =
          flagsFor(rows[i].absent)[k] || v === undefined ? CellState.Absent : CellState.Blank;
      } else {
        vs[k][i] = v;
        ss[k][i] = CellState.Ok;
      }
      k++;
    }
    if (inOrder && k === nf) continue;
    for (k = 0; k < nf; k++) {
      const v = values[keys[k]];
      if (v === null || v === undefined) {
        vs[k][i] = NaN;
        ss[k][i] =
          flagsFor(rows[i].absent)[k] || v === undefined ? CellState.Absent : CellState.Blank;
      } else {
        vs[k][i] = v;
        ss[k][i] = CellState.Ok;
      }
    }
  }
  for (let i = 0; i < rows.length; i++) {
    for (const key of rows[i].invalid) {
      const k = cp.fieldIndex.get(key);
      if (k !== undefined) {
        f.values[k][i] = NaN;
        f.states[k][i] = CellState.Invalid;
      }
    }
  }
  return f;
}

/**
 * The month rows of columns in a stable order, by employee id, then month (as {@link sortRows}
 * orders DataRow objects): indices into the columns.
 */
function sortedMonthRows(c: DataColumns): Int32Array {
  const isMonth = c.periods.map((p) => p.length === 7 && parsePeriodKey(p)?.kind === "month");
  const rank = (dict: readonly string[]) => {
    const order = dict.map((_, i) => i).sort((a, b) => (dict[a] < dict[b] ? -1 : 1));
    const out = new Int32Array(dict.length);
    order.forEach((code, r) => (out[code] = r));
    return out;
  };
  const idRank = rank(c.ids);
  const periodRank = rank(c.periods);
  const P = c.periods.length;
  let count = 0;
  for (let i = 0; i < c.n; i++) if (isMonth[c.period[i]]) count++;
  const sel = new Int32Array(count);
  const key = new Float64Array(count);
  let j = 0;
  let sorted = true;
  for (let i = 0; i < c.n; i++) {
    if (!isMonth[c.period[i]]) continue;
    sel[j] = i;
    key[j] = idRank[c.id[i]] * P + periodRank[c.period[i]];
    if (j > 0 && key[j] < key[j - 1]) sorted = false;
    j++;
  }
  if (sorted) return sel;
  const order = Array.from(sel.keys()).sort((a, b) => key[a] - key[b] || a - b);
  return Int32Array.from(order, (x) => sel[x]);
}

/**
 * The month frame of data columns: their month rows sorted by id, then month. When the columns
 * hold only month rows already in that order and the plan's fields, the frame shares their
 * value and state arrays (they must not change while the evaluation is in use).
 */
export function monthFrameOfColumns(cp: CompiledPlan, c: DataColumns): Frame {
  const order = sortedMonthRows(c);
  const n = order.length;
  let identity = n === c.n;
  for (let i = 0; identity && i < n; i++) identity = order[i] === i;
  const nf = cp.fieldKeys.length;
  const at = new Map(c.fieldKeys.map((k, i) => [k, i]));
  const f = new FrameData(n, nf, false);
  f.monthCount.fill(1);
  for (let i = 0; i < n; i++) {
    const s = order[i];
    f.ids[i] = c.ids[c.id[s]];
    f.names[i] = c.names[c.name[s]];
    f.teams[i] = c.teams[c.team[s]];
    f.periods[i] = c.periods[c.period[s]];
    f.first[i] = i;
    f.end[i] = i + 1;
    f.conflicts[i] = c.conflict[s];
  }
  for (let k = 0; k < nf; k++) {
    const ck = at.get(cp.fieldKeys[k]);
    if (ck === undefined) {
      f.values.push(new Float64Array(n).fill(NaN));
      f.states.push(new Uint8Array(n).fill(CellState.Absent));
    } else if (identity) {
      f.values.push(c.values[ck]);
      f.states.push(c.states[ck]);
    } else {
      const vs = c.values[ck];
      const ss = c.states[ck];
      const v = new Float64Array(n);
      const st = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        v[i] = vs[order[i]];
        st[i] = ss[order[i]];
      }
      f.values.push(v);
      f.states.push(st);
    }
  }
  f.lazySources((r) => columnSource(c, order[r]));
  return f;
}

/** The period a month belongs to for a roll-up. */
export type RollUp = "quarter" | "year";

function periodFor(month: string, to: RollUp): string {
  if (to === "year") return month.slice(0, 4);
  const p = parsePeriodKey(month)!;
  return `${p.year}-Q${Math.floor((p.index - 1) / 3) + 1}`;
}

export interface Aggregated extends Frame {
  /** For each month row, the aggregated row it belongs to. */
  groupOf: Int32Array;
}

/**
 * Aggregates a month frame (sorted by id, then month) into quarters or years. Per field:
 * "sum" adds the months (blank if any month is blank, unless the column is optional), "mean"
 * averages the months that have a value, "last" takes the latest month that has one. An invalid
 * month makes the period invalid. Name and team are those of the latest month.
 */
export function aggregate(cp: CompiledPlan, months: Frame, to: RollUp): Aggregated {
  // Groups are contiguous runs of the sorted month frame.
  const starts: number[] = [];
  const keys: string[] = [];
  let lastId = "";
  let lastPeriod = "";
  const periodOf = new Map<string, string>();
  for (let i = 0; i < months.n; i++) {
    const month = months.periods[i];
    let p = periodOf.get(month);
    if (p === undefined) periodOf.set(month, (p = periodFor(month, to)));
    if (i === 0 || months.ids[i] !== lastId || p !== lastPeriod) {
      starts.push(i);
      keys.push(p);
      lastId = months.ids[i];
      lastPeriod = p;
    }
  }
  starts.push(months.n);
  const ng = keys.length;
  const nf = cp.fieldKeys.length;
  const f = emptyFrame(ng, nf);
  f.groupOf = new Int32Array(months.n);
  for (let g = 0; g < ng; g++) {
    const a = starts[g];
    const b = starts[g + 1];
    f.ids[g] = months.ids[a];
    f.names[g] = months.names[b - 1];
    f.teams[g] = months.teams[b - 1];
    f.periods[g] = keys[g];
    f.monthCount[g] = b - a;
    f.first[g] = a;
    f.end[g] = b;
    for (let r = a; r < b; r++) {
      f.groupOf[r] = g;
      if (months.conflicts[r] && !f.conflicts[g]) f.conflicts[g] = months.conflicts[r];
    }
  }
  f.lazySources((g) => months.sources[f.first[g]]);
  for (let k = 0; k < nf; k++) {
    const def = cp.plan.fields[k];
    const rule = def.aggregate;
    const optional = def.optional;
    const vs = months.values[k];
    const ss = months.states[k];
    const out = f.values[k];
    const outState = f.states[k];
    // a column whose every month is a number (or every month absent) needs no tally: the
    // general loop below would give these very values
    const uniform = uniformState(ss, months.n);
    if (uniform === CellState.Ok) {
      aggregateNumbers(rule, vs, starts, out, outState);
      continue;
    }
    if (uniform === CellState.Absent) {
      out.fill(Number.NaN);
      outState.fill(CellState.Absent);
      continue;
    }
    const t: MonthTally = {
      invalid: false,
      anyBlank: false,
      allAbsent: true,
      sum: 0,
      count: 0,
      last: Number.NaN,
    };
    for (let g = 0; g < ng; g++) {
      // the tally in locals over the months, stored once per group (not once per month)
      let invalid = false;
      let anyBlank = false;
      let allAbsent = true;
      let sum = 0;
      let count = 0;
      let last = Number.NaN;
      for (let r = starts[g], end = starts[g + 1]; r < end; r++) {
        const s = ss[r];
        if (s !== CellState.Absent) allAbsent = false;
        if (s === CellState.Ok) {
          const v = vs[r];
          sum += v;
          count++;
          last = v;
        } else if (s === CellState.Invalid) invalid = true;
        else anyBlank = true;
      }
      t.invalid = invalid;
      t.anyBlank = anyBlank;
      t.allAbsent = allAbsent;
      t.sum = sum;
      t.count = count;
      t.last = last;
      const state = cellStateOf(periodState(rule, optional, t));
      out[g] = state === CellState.Ok ? periodValue(rule, t) : Number.NaN;
      outState[g] = state;
    }
  }
  return f;
}

/** The state every cell of a column has, or −1 when they differ. */
function uniformState(states: Uint8Array, n: number): number {
  if (n === 0) return -1;
  const s = states[0];
  for (let r = 1; r < n; r++) if (states[r] !== s) return -1;
  return s;
}

/**
 * Period values of a field whose months are all numbers: every period's state is "ok" (nothing
 * invalid, blank or absent, and at least one month), its value the rule's over the tally.
 */
function aggregateNumbers(
  rule: Aggregation,
  vs: Float64Array,
  starts: readonly number[],
  out: Float64Array,
  outState: Uint8Array
): void {
  const ng = starts.length - 1;
  const t: MonthTally = {
    invalid: false,
    anyBlank: false,
    allAbsent: false,
    sum: 0,
    count: 0,
    last: Number.NaN,
  };
  for (let g = 0; g < ng; g++) {
    const a = starts[g];
    const b = starts[g + 1];
    let sum = 0;
    for (let r = a; r < b; r++) sum += vs[r];
    t.sum = sum;
    t.count = b - a;
    t.last = vs[b - 1];
    out[g] = periodValue(rule, t);
  }
  outState.fill(CellState.Ok, 0, ng);
}

/** A period state as a cell state (comparisons, not a keyed lookup: this runs per cell). */
function cellStateOf(s: PeriodState): CellState {
  return s === "ok"
    ? CellState.Ok
    : s === "blank"
      ? CellState.Blank
      : s === "invalid"
        ? CellState.Invalid
        : CellState.Absent;
}

/** The month rows a row was built from, as a list (for explanations; loops use first/end). */
export function membersOf(frame: Frame, r: number): number[] {
  const out: number[] = [];
  for (let m = frame.first[r]; m < frame.end[r]; m++) out.push(m);
  return out;
}

/** The first and last month rows a row was built from (contiguous in the month frame). */
export function monthSpan(frame: Frame, r: number): [number, number] {
  return [frame.first[r], frame.end[r] - 1];
}

/** A cell of a frame as a layout caches it: its number, "" when blank or absent, or `error`. */
export function cellValue<E>(frame: Frame, field: number, r: number, error: E): number | "" | E {
  const st = frame.states[field][r];
  return st === CellState.Ok ? frame.values[field][r] : st === CellState.Invalid ? error : "";
}

/**
 * Data rows in columns: one Float64Array and one state per cell for each plan field, and the
 * identity (id, name, team, month), the source row and the sheet as interned codes, so reading
 * and evaluating 500,000 salesperson-months allocates per column, not per row. `DataRow` objects
 * remain the readers' and the pane's interface: {@link dataColumnsOf} and {@link dataRowsOf}
 * turn one into the other exactly (the reader of a table gives the same rows either way).
 */
import type { DataRow, SourceRef } from "./records";

/** A cell's state (the same numbering as the evaluation frame's CellState). */
export const enum ColumnState {
  Ok = 0,
  Blank = 1,
  /** The cell held something unreadable (an issue says what). */
  Invalid = 2,
  /** The data has no column for the field. */
  Absent = 3,
}

/** Distinct strings (or objects) by code: each value is stored once. */
export class Interned<T> {
  readonly values: T[] = [];
  private readonly codes = new Map<T, number>();
  /** The value asked for last and its code: rows in order repeat it (a person's months). */
  private last: T | undefined = undefined;
  private lastCode = -1;
  code(value: T): number {
    if (this.lastCode >= 0 && value === this.last) return this.lastCode;
    let c = this.codes.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(value);
      this.codes.set(value, c);
    }
    this.last = value;
    this.lastCode = c;
    return c;
  }
}

export interface DataColumns {
  readonly kind: "columns";
  /** Rows held. */
  n: number;
  /** The plan's field keys, in the plan's order: values[k] and states[k] are field fieldKeys[k]. */
  fieldKeys: readonly string[];
  /** Codes into ids, names, teams and periods. */
  id: Int32Array;
  name: Int32Array;
  team: Int32Array;
  period: Int32Array;
  ids: readonly string[];
  names: readonly string[];
  teams: readonly string[];
  periods: readonly string[];
  /** NaN where the cell has no number. */
  values: Float64Array[];
  /** A {@link ColumnState} per cell. */
  states: Uint8Array[];
  /**
   * Order in which a row's invalid fields were found, when it is not the plan's field order: 1
   * where the days-in-month cell was judged invalid after the other cells (days not above 0).
   */
  lateInvalid: Uint8Array;
  /** Sheet row of a conflicting duplicate, else 0. */
  conflict: Int32Array;
  /** Sheet (or file line) row of each row, and codes into sheets and sourceColumns. */
  row: Int32Array;
  sheet: Int32Array;
  sheets: readonly string[];
  columnSet: Int32Array;
  /** Column letters by field or identity key, per table read (undefined: not known). */
  columnSets: readonly (Readonly<Record<string, string>> | undefined)[];
}

/** Whether evaluate's input is columns rather than DataRow objects. */
export function isDataColumns(x: unknown): x is DataColumns {
  return (x as DataColumns | null)?.kind === "columns";
}

/** Columns filled row by row, growing by doubling; {@link ColumnsBuilder.finish} trims them. */
export class ColumnsBuilder {
  n = 0;
  private cap: number;
  readonly ids = new Interned<string>();
  readonly names = new Interned<string>();
  readonly teams = new Interned<string>();
  readonly periods = new Interned<string>();
  readonly sheets = new Interned<string>();
  readonly columnSets = new Interned<Readonly<Record<string, string>> | undefined>();
  id: Int32Array;
  name: Int32Array;
  team: Int32Array;
  period: Int32Array;
  values: Float64Array[];
  states: Uint8Array[];
  lateInvalid: Uint8Array;
  conflict: Int32Array;
  row: Int32Array;
  sheet: Int32Array;
  columnSet: Int32Array;

  constructor(
    readonly fieldKeys: readonly string[],
    capacity = 1024
  ) {
    const c = (this.cap = Math.max(1, capacity));
    this.id = new Int32Array(c);
    this.name = new Int32Array(c);
    this.team = new Int32Array(c);
    this.period = new Int32Array(c);
    this.values = fieldKeys.map(() => new Float64Array(c));
    this.states = fieldKeys.map(() => new Uint8Array(c));
    this.lateInvalid = new Uint8Array(c);
    this.conflict = new Int32Array(c);
    this.row = new Int32Array(c);
    this.sheet = new Int32Array(c);
    this.columnSet = new Int32Array(c);
  }

  private grow(size: number): void {
    const g = <A extends Int32Array | Float64Array | Uint8Array>(a: A): A => {
      const b = new (a.constructor as new (n: number) => A)(size);
      b.set(a.subarray(0, this.n));
      return b;
    };
    this.id = g(this.id);
    this.name = g(this.name);
    this.team = g(this.team);
    this.period = g(this.period);
    this.values = this.values.map(g);
    this.states = this.states.map(g);
    this.lateInvalid = g(this.lateInvalid);
    this.conflict = g(this.conflict);
    this.row = g(this.row);
    this.sheet = g(this.sheet);
    this.columnSet = g(this.columnSet);
    this.cap = size;
  }

  /** Adds a row with its identity and source; its cells are set next with {@link set}. */
  add(
    id: string,
    name: string,
    team: string,
    period: string,
    source: SourceRef,
    conflict = 0
  ): number {
    if (this.n === this.cap) this.grow(this.cap * 2);
    const i = this.n++;
    this.id[i] = this.ids.code(id);
    this.name[i] = this.names.code(name);
    this.team[i] = this.teams.code(team);
    this.period[i] = this.periods.code(period);
    this.row[i] = source.row;
    this.sheet[i] = this.sheets.code(source.sheet);
    this.columnSet[i] = this.columnSets.code(source.columns);
    this.conflict[i] = conflict;
    this.lateInvalid[i] = 0;
    return i;
  }

  set(i: number, k: number, value: number, state: ColumnState): void {
    this.values[k][i] = value;
    this.states[k][i] = state;
  }

  /** Removes the last row added (a repeat found after it was written). */
  drop(): void {
    this.n--;
  }

  finish(): DataColumns {
    const n = this.n;
    const t = <A extends Int32Array | Float64Array | Uint8Array>(a: A): A =>
      a.length === n ? a : (a.slice(0, n) as A);
    return {
      kind: "columns",
      n,
      fieldKeys: this.fieldKeys,
      id: t(this.id),
      name: t(this.name),
      team: t(this.team),
      period: t(this.period),
      ids: this.ids.values,
      names: this.names.values,
      teams: this.teams.values,
      periods: this.periods.values,
      values: this.values.map(t),
      states: this.states.map(t),
      lateInvalid: t(this.lateInvalid),
      conflict: t(this.conflict),
      row: t(this.row),
      sheet: t(this.sheet),
      sheets: this.sheets.values,
      columnSet: t(this.columnSet),
      columnSets: this.columnSets.values,
    };
  }
}

/**
 * DataRow objects into columns, as the evaluation reads a row: a null value is blank, or absent
 * when the row lists its field as absent (or has no such key); a field the row lists as invalid
 * is invalid whatever its value.
 */
export function dataColumnsOf(fieldKeys: readonly string[], rows: readonly DataRow[]): DataColumns {
  const b = new ColumnsBuilder(fieldKeys, rows.length);
  const index = new Map(fieldKeys.map((k, i) => [k, i]));
  for (const r of rows) {
    const i = b.add(r.id, r.name, r.team, r.period, r.source, r.conflict ?? 0);
    for (let k = 0; k < fieldKeys.length; k++) {
      const v = r.values[fieldKeys[k]];
      if (v === null || v === undefined) {
        const absent = v === undefined || r.absent.includes(fieldKeys[k]);
        b.set(i, k, NaN, absent ? ColumnState.Absent : ColumnState.Blank);
      } else b.set(i, k, v, ColumnState.Ok);
    }
    for (const key of r.invalid) {
      const k = index.get(key);
      if (k !== undefined) b.set(i, k, NaN, ColumnState.Invalid);
    }
  }
  return b.finish();
}

/** The source of row i of columns. */
export function columnSource(c: DataColumns, i: number): SourceRef {
  const columns = c.columnSets[c.columnSet[i]];
  const sheet = c.sheets[c.sheet[i]];
  return columns === undefined ? { sheet, row: c.row[i] } : { sheet, row: c.row[i], columns };
}

/**
 * The invalid field keys of row i in the order the reader found them: the plan's field order,
 * with the days-in-month field last when the days check judged it.
 */
export function invalidKeys(
  c: Pick<DataColumns, "fieldKeys" | "states" | "lateInvalid">,
  i: number,
  daysKey: string
): string[] {
  const out: string[] = [];
  const late = c.lateInvalid[i] === 1;
  for (let k = 0; k < c.fieldKeys.length; k++) {
    if (c.states[k][i] !== ColumnState.Invalid) continue;
    if (late && c.fieldKeys[k] === daysKey) continue;
    out.push(c.fieldKeys[k]);
  }
  if (late) out.push(daysKey);
  return out;
}

/**
 * Columns read from a table back into the DataRow objects its reader gives (the adapter for
 * code that takes rows: the pane's tables, what-if, close). Rows of one table share one
 * `absent` list and one `columns` object, as the reader's do.
 */
export function dataRowsOf(c: DataColumns, daysKey = "days_in_period"): DataRow[] {
  const rows: DataRow[] = [];
  const nf = c.fieldKeys.length;
  const absentLists = new Map<string, string[]>();
  for (let i = 0; i < c.n; i++) {
    const values: Record<string, number | null> = {};
    const absent: string[] = [];
    for (let k = 0; k < nf; k++) {
      const s = c.states[k][i];
      values[c.fieldKeys[k]] = s === ColumnState.Ok ? c.values[k][i] : null;
      if (s === ColumnState.Absent) absent.push(c.fieldKeys[k]);
    }
    const sig = absent.join("\u0000");
    let shared = absentLists.get(sig);
    if (!shared) absentLists.set(sig, (shared = absent));
    rows.push({
      id: c.ids[c.id[i]],
      name: c.names[c.name[i]],
      team: c.teams[c.team[i]],
      period: c.periods[c.period[i]],
      values,
      invalid: invalidKeys(c, i, daysKey),
      absent: shared,
      conflict: c.conflict[i] || null,
      source: columnSource(c, i),
    });
  }
  return rows;
}

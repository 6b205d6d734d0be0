/**
 * The Data reader into columns: the same row loop, checks and messages as readDataTable
 * (records.ts), with each kept row written straight into typed columns instead of an object.
 * Repeats are found by person and month codes and compared cell by cell with the row kept.
 */
import type { CellInput } from "../coerce";
import { ColumnsBuilder, ColumnState, invalidKeys, type DataColumns } from "../columns";
import type { Issue } from "../issues";
import type { Plan } from "../plan/model";
import { PAY_FIELDS } from "../plan/model";
import {
  DataRowReader,
  NameLedger,
  startDataReading,
  tableColumns,
  type CellTable,
  type ColumnMapping,
  type MappingOptions,
  type RowRead,
  type RowSink,
} from "../records";
import { DEFAULT_RULES, type ReadingRules } from "./quantity";
import { analyzeTable, type TableWhere } from "./rules";

/** What readDataTable gives, with the rows as columns. */
export interface DataColumnsReading {
  columns: DataColumns;
  issues: Issue[];
  mapping: ColumnMapping;
  rules: ReadingRules;
  leftOut: number[];
}

/** Kept rows in columns; a row is known by its index. */
export class ColumnSink implements RowSink<number> {
  readonly names = new NameLedger();
  readonly builder: ColumnsBuilder;
  private readonly seen = new Map<number, number>();
  private readonly absentFlags: Uint8Array;
  private readonly source: { sheet: string; row: number; columns: Record<string, string> };

  constructor(
    private readonly plan: Plan,
    sheet: string,
    absent: readonly string[],
    columns: Record<string, string>,
    capacity = 1024
  ) {
    const keys = plan.fields.map((f) => f.key);
    this.builder = new ColumnsBuilder(keys, capacity);
    this.absentFlags = Uint8Array.from(keys, (k) => (absent.includes(k) ? 1 : 0));
    this.source = { sheet, row: 0, columns };
  }

  /** Kept rows by person and month of an unusual table (over 64 months or 16M people). */
  private readonly seenByText = new Map<string, number>();

  /**
   * Person and month as one small integer (the id's code times 64 plus the month's, which V8
   * keeps unboxed), or −1 when the codes do not fit (then the text key is used).
   */
  private key(row: RowRead): number {
    const id = this.builder.ids.code(row.id);
    const period = this.builder.periods.code(row.period);
    return period < 64 && id < 0x1000000 ? id * 64 + period : -1;
  }

  prior(row: RowRead): number | undefined {
    const k = this.key(row);
    return k >= 0 ? this.seen.get(k) : this.seenByText.get(row.id + "\u0000" + row.period);
  }

  rowOf(kept: number): number {
    return this.builder.row[kept];
  }

  /** As readDataTable's signature (JSON of name, team, values, invalid) compares them. */
  repeats(kept: number, row: RowRead): boolean {
    const b = this.builder;
    if (b.names.values[b.name[kept]] !== row.name || b.teams.values[b.team[kept]] !== row.team)
      return false;
    const fields = this.plan.fields;
    for (let k = 0; k < fields.length; k++) {
      const v = row.values[fields[k].key];
      const st = b.states[k][kept];
      if (st === ColumnState.Ok ? v === null || v !== b.values[k][kept] : v !== null) return false;
    }
    const before = invalidKeys(b, kept, PAY_FIELDS.daysInPeriod);
    return before.length === row.invalid.length && before.every((k, i) => k === row.invalid[i]);
  }

  conflict(kept: number, r: number): void {
    this.builder.conflict[kept] = r;
  }

  keep(row: RowRead): void {
    const b = this.builder;
    this.source.row = row.r;
    const i = b.add(row.id, row.name, row.team, row.period, this.source);
    const fields = this.plan.fields;
    for (let k = 0; k < fields.length; k++) {
      const v = row.values[fields[k].key];
      if (v !== null && v !== undefined) b.set(i, k, v, ColumnState.Ok);
      else b.set(i, k, NaN, this.absentFlags[k] ? ColumnState.Absent : ColumnState.Blank);
    }
    for (const key of row.invalid) {
      const k = this.plan.fields.findIndex((f) => f.key === key);
      if (k >= 0) b.set(i, k, NaN, ColumnState.Invalid);
    }
    if (row.lateDays) b.lateInvalid[i] = 1;
    const k = this.key(row);
    if (k >= 0) this.seen.set(k, i);
    else this.seenByText.set(row.id + "\u0000" + row.period, i);
  }
}

/** A reader of rows into columns for a table whose mapping and rules are decided. */
export function columnReader(
  plan: Plan,
  sheet: string,
  mapping: ColumnMapping,
  rules: ReadingRules,
  where: TableWhere,
  issues: Issue[],
  capacity?: number
): { reader: DataRowReader<number>; sink: ColumnSink } {
  const { absent, columns } = tableColumns(plan, mapping, where);
  const sink = new ColumnSink(plan, sheet, absent, columns, capacity);
  return { reader: new DataRowReader(plan, mapping, rules, where, issues, sink, true), sink };
}

/**
 * Reads the Data sheet (or a CRM export's table) into columns: readDataTable's issues, mapping,
 * rules and left-out rows exactly, and its rows as {@link DataColumns} (dataRowsOf gives them
 * back as the same DataRow objects).
 */
export function readDataColumns(
  table: CellTable,
  plan: Plan,
  saved?: ColumnMapping,
  options: MappingOptions = {}
): DataColumnsReading {
  const { mapping, issues, where, readable } = startDataReading(table, plan, saved, options);
  if (!readable) {
    const empty = new ColumnsBuilder(
      plan.fields.map((f) => f.key),
      1
    ).finish();
    return { columns: empty, issues, mapping, rules: DEFAULT_RULES, leftOut: [] };
  }
  const analysis = analyzeTable(table.rows, plan.fields, mapping, table.delimiter, where);
  issues.push(...analysis.issues);
  const { reader, sink } = columnReader(
    plan,
    table.sheet,
    mapping,
    analysis.rules,
    where,
    issues,
    table.rows.length
  );
  const rows: readonly (readonly CellInput[])[] = table.rows;
  for (let i = 0; i < rows.length; i++) reader.read(rows[i], i, where.rowOf(i));
  return {
    columns: sink.builder.finish(),
    issues,
    mapping,
    rules: analysis.rules,
    leftOut: reader.leftOut,
  };
}

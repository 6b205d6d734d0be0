/**
 * Input records: one data row per salesperson and month, one rating per 360 feedback entry, and
 * the readers that turn a table of cells (a sheet, a CSV file, a selection) into them. Readers are
 * tolerant of column order, extra columns and header language, accept what CRM exports contain,
 * and return a located issue for everything they cannot read — they never drop a row silently.
 */
import { CellInput, toHalfWidth } from "./coerce";
import { CellLocation, Issue, columnLetter, issue } from "./issues";
import type { MessageKey, MessageParams } from "./messages";
import {
  DEFAULT_RULES,
  PERCENT_NUMBER_THRESHOLD,
  PERCENT_TYPED_LIMIT,
  plausibleLimit,
  readQuantity,
  type ReadingRules,
} from "./import/quantity";
import { analyzeTable, tableWhere, type TableWhere } from "./import/rules";
import { isTotalLabel, RunningSums } from "./import/totals";
import type { FieldDef, Plan } from "./plan/model";
import { IDENTITY_COLUMNS, IdentityColumn, PAY_FIELDS } from "./plan/model";
import { Period, readPeriod } from "./periods";

export interface SourceRef {
  sheet: string;
  /** 1-based sheet (or file line) row. */
  row: number;
  /** Column letter of each field and identity column in that sheet (one object per table). */
  columns?: Readonly<Record<string, string>>;
}

export interface DataRow {
  id: string;
  name: string;
  team: string;
  /** Month key, e.g. "2024-01". */
  period: string;
  /** Values by field key; null is a blank cell (or a column the data does not have). */
  values: Record<string, number | null>;
  /** Field keys whose cells held something unreadable (an error issue says what). */
  invalid: string[];
  /** Field keys whose column is absent from the data altogether. */
  absent: string[];
  /** Another row (its sheet row number) for the same person and month with other values: neither can be used. */
  conflict: number | null;
  source: SourceRef;
}

export type RaterType = "superior" | "peer" | "customer";

export interface FeedbackRating {
  id: string;
  /** Month, quarter or year key the rating belongs to. */
  period: string;
  rater: RaterType;
  score: number;
  raterName: string;
  source: SourceRef;
}

/** A rectangular block of cells as read from a sheet or file. */
export interface CellTable {
  sheet: string;
  /** 1-based sheet row of the header line. */
  headerRow: number;
  header: CellInput[];
  rows: CellInput[][];
  /** 1-based sheet row of rows[0]; default headerRow + 1. */
  firstDataRow?: number;
  /** 0-based sheet column of header[0]; default 0 (column A). */
  firstColumn?: number;
  /**
   * 1-based sheet row or file line of each of rows[i], when they are not consecutive (a CSV
   * record may span lines; lines above the header are not rows).
   */
  rowNumbers?: number[];
  /** The field separator of the file the table came from (a file's decimal mark may depend on it). */
  delimiter?: string;
}

/** Column index (0-based, into the table) for each identity column and field key. */
export type ColumnMapping = Record<string, number>;

export { RECORD_MESSAGES } from "./import/recordMessages";

/** Normalizes header text for matching: half-width, no spaces, unified brackets, lower case. */
export function normalizeHeader(text: string): string {
  return toHalfWidth(text)
    .replace(/[（]/g, "(")
    .replace(/[）]/g, ")")
    .replace(/\s+/g, "")
    .toLowerCase();
}

function withoutUnit(text: string): string {
  return text.replace(/\((元|cny|rmb|天|days|小时|hours|0[–-]100|%)\)$/i, "");
}

export const IDENTITY_NAMES: Record<IdentityColumn, string[]> = {
  id: ["id", "employee id", "employeeid", "员工编号", "工号", "编号", "销售员编号"],
  name: ["name", "employee", "姓名", "销售员", "员工姓名"],
  team: ["team", "department", "部门", "团队", "小组", "销售部门"],
  period: ["period", "month", "月份", "期间", "月度", "考核期间"],
};

/** Header names in both languages for an identity column. */
export const IDENTITY_HEADERS: Record<IdentityColumn, { en: string; zh: string }> = {
  id: { en: "Employee ID", zh: "员工编号" },
  name: { en: "Name", zh: "姓名" },
  team: { en: "Team", zh: "部门" },
  period: { en: "Period", zh: "月份" },
};

function candidates(f: FieldDef): string[] {
  const names = [f.key, f.name.en, f.name.zh, ...f.aliases];
  const out = new Set<string>();
  for (const n of names) {
    const h = normalizeHeader(n);
    out.add(h);
    out.add(withoutUnit(h));
  }
  return [...out];
}

export interface MappingOptions {
  /** The saved mapping is the whole mapping: keys it leaves out are not in the source. */
  exact?: boolean;
}

export interface MappingResult {
  mapping: ColumnMapping;
  issues: Issue[];
  /** Keys that several columns could be, with those columns: left unmapped until chosen. */
  ambiguous: Record<string, number[]>;
}

/** A column the plan wants: its key, the header names it goes by, its name to show. */
interface WantedColumn {
  key: string;
  names: string[];
  display: { en: string; zh: string };
  optional: boolean;
}

function wantedColumns(plan: Plan): WantedColumn[] {
  return [
    ...IDENTITY_COLUMNS.map((k) => ({
      key: k,
      names: IDENTITY_NAMES[k].map(normalizeHeader),
      display: IDENTITY_HEADERS[k],
      optional: k === "team",
    })),
    ...plan.fields.map((f) => ({
      key: f.key,
      names: candidates(f),
      display: f.name,
      optional: f.optional,
    })),
  ];
}

/** Header positions by normalized name (with and without a unit in brackets). */
function columnsByName(headers: readonly string[]): Map<string, number[]> {
  const byName = new Map<string, number[]>();
  headers.forEach((raw, i) => {
    const h = normalizeHeader(raw);
    if (!h) return;
    for (const k of new Set([h, withoutUnit(h)])) {
      const list = byName.get(k) ?? [];
      list.push(i);
      byName.set(k, list);
    }
  });
  return byName;
}

/**
 * Finds each identity column and plan field in a header row. The user's saved choices come
 * first; a column several headers match is left unmapped (with an error naming them) for the user
 * to choose; extra columns are reported and ignored; a required column that is absent is an
 * error; optional fields may be absent. `exact`: the saved mapping is all there is.
 */
export function mapColumns(
  table: CellTable,
  plan: Plan,
  saved?: ColumnMapping,
  options: MappingOptions = {}
): MappingResult {
  const issues: Issue[] = [];
  const firstColumn = table.firstColumn ?? 0;
  const headers = table.header.map((h) => (h === null || h === undefined ? "" : String(h)));
  const byName = columnsByName(headers);
  const mapping: ColumnMapping = {};
  const ambiguous: Record<string, number[]> = {};
  const used = new Set<number>();
  const want = wantedColumns(plan);
  const at = (column?: number) => ({
    location: {
      sheet: table.sheet,
      row: table.headerRow,
      column: column === undefined ? undefined : columnLetter(firstColumn + column),
    },
  });
  // the user's choices first, so no column they gave one key is taken by another
  for (const w of want) {
    const s = saved?.[w.key];
    if (s !== undefined && s >= 0 && s < headers.length && headers[s] !== "") {
      mapping[w.key] = s;
      used.add(s);
    }
  }
  for (const w of want) {
    if (mapping[w.key] !== undefined) continue;
    const found = new Set<number>();
    if (!options.exact)
      for (const n of w.names) for (const i of byName.get(n) ?? []) if (!used.has(i)) found.add(i);
    const list = [...found].sort((a, b) => a - b);
    if (list.length === 0) {
      if (!w.optional) issues.push(issue("error", "columnNotFound", { name: w.display }, at()));
    } else if (list.length > 1) {
      // never the first of several: the user chooses (a saved mapping already holds the choice)
      const columns = list.map((i) => columnLetter(firstColumn + i)).join(", ");
      issues.push(issue("error", "columnAmbiguous", { name: w.display, columns }, at(list[0])));
      ambiguous[w.key] = list;
    } else {
      mapping[w.key] = list[0];
      used.add(list[0]);
    }
  }
  const candidatesOfAmbiguous = new Set(Object.values(ambiguous).flat());
  headers.forEach((h, i) => {
    if (h.trim() !== "" && !used.has(i) && !candidatesOfAmbiguous.has(i)) {
      const where = at(i);
      issues.push(
        issue(
          "info",
          "columnIgnored",
          { header: h },
          { location: { ...where.location, header: h } }
        )
      );
    }
  });
  return { mapping, issues, ambiguous };
}

function cellText(v: CellInput): string {
  if (v === null || v === undefined) return "";
  return typeof v === "string" ? v : String(v);
}

function isBlankRow(row: readonly CellInput[]): boolean {
  for (const c of row)
    if (!(c === null || c === undefined || (typeof c === "string" && c.trim() === "")))
      return false;
  return true;
}

/** Fields that may be negative: amounts that returns can push below zero, and adjustments. */
export function mayBeNegative(f: FieldDef): boolean {
  if (f.key === PAY_FIELDS.adjustment) return true;
  return (
    f.unit === "currency" &&
    f.role === "measure" &&
    f.key !== PAY_FIELDS.collected &&
    f.key !== PAY_FIELDS.due
  );
}

export interface DataReading {
  rows: DataRow[];
  issues: Issue[];
  mapping: ColumnMapping;
  /** How the table's numbers were read (decided once for the whole table). */
  rules: ReadingRules;
  /** Indices into the table's rows of the total and subtotal rows that were left out. */
  leftOut: number[];
}

/** What every row of one table shares while it is read. */
interface DataContext {
  plan: Plan;
  mapping: ColumnMapping;
  rules: ReadingRules;
  where: TableWhere;
  issues: Issue[];
  /** Ways of writing a month already said to be read as its key. */
  periodForms: Set<string>;
}

function locate(ctx: DataContext, r: number, key: string): CellLocation {
  const c = ctx.mapping[key];
  return {
    sheet: ctx.where.sheet,
    row: r,
    column: c === undefined ? undefined : ctx.where.columnOf(c),
    header: c === undefined ? undefined : ctx.where.header(c),
  };
}

function cellOf(ctx: DataContext, cells: readonly CellInput[], key: string): CellInput {
  const c = ctx.mapping[key];
  return c === undefined ? null : cells[c];
}

/** The text of the identity cell (id, name or team) that labels the row a total, or null. */
function totalLabelOf(ctx: DataContext, cells: readonly CellInput[]): string | null {
  for (const key of ["id", "name", "team"]) {
    const v = cellOf(ctx, cells, key);
    if (typeof v === "string" && isTotalLabel(v)) return v.trim();
  }
  return null;
}

/** The row's month, or null with an error issue. */
function readRowPeriod(
  ctx: DataContext,
  cells: readonly CellInput[],
  r: number,
  id: string
): Period | null {
  const cell = cellOf(ctx, cells, "period");
  const pr = readPeriod(cell);
  const where = { location: locate(ctx, r, "period"), subject: { id } };
  if (!pr.ok) {
    const code =
      pr.reason === "ambiguous"
        ? "periodAmbiguous"
        : pr.reason === "number"
          ? "periodNumber"
          : "periodUnreadable";
    ctx.issues.push(issue("error", code, { text: cellText(cell) }, where));
    return null;
  }
  if (pr.period.kind !== "month") {
    ctx.issues.push(
      issue("error", "periodNotMonth", { text: pr.period.key, kind: pr.period.kind }, where)
    );
    return null;
  }
  // said once per way of writing it (a whole export writes 2024年4月 the same way)
  if (pr.normalized && typeof cell === "string" && !ctx.periodForms.has(cell.trim())) {
    ctx.periodForms.add(cell.trim());
    ctx.issues.push(
      issue(
        "info",
        "periodNormalized",
        { text: cell, key: pr.period.key },
        { ...where, subject: { id, period: pr.period.key } }
      )
    );
  }
  return pr.period;
}

/** An issue at a field's cell of sheet row r (its location made only when there is one). */
function cellIssue(
  ctx: DataContext,
  severity: Issue["severity"],
  code: MessageKey,
  params: MessageParams,
  r: number,
  key: string,
  subject: { id: string; period: string }
): void {
  ctx.issues.push(issue(severity, code, params, { location: locate(ctx, r, key), subject }));
}

/** A cell that held something unreadable. */
const INVALID = Symbol("invalid");

/** One field's cell: its value, null when blank, or INVALID (an issue says why). */
function readFieldCell(
  ctx: DataContext,
  f: FieldDef,
  cell: CellInput,
  r: number,
  subject: { id: string; period: string }
): number | null | typeof INVALID {
  const q = readQuantity(cell, f, ctx.rules);
  if (q.kind === "blank") {
    if (!f.optional) cellIssue(ctx, "warning", "valueBlank", { field: f.name }, r, f.key, subject);
    return null;
  }
  for (const n of q.notes) cellIssue(ctx, n.severity, n.code, n.params, r, f.key, subject);
  if (q.kind === "invalid") return INVALID;
  const v = q.value;
  if (v < 0) {
    if (!mayBeNegative(f)) {
      cellIssue(ctx, "error", "valueNegative", { field: f.name, value: v }, r, f.key, subject);
      return INVALID;
    }
    if (f.key !== PAY_FIELDS.adjustment)
      cellIssue(
        ctx,
        "warning",
        "returnsExceedSales",
        { field: f.name, value: v },
        r,
        f.key,
        subject
      );
  }
  if (f.role === "target" && v === 0)
    cellIssue(ctx, "warning", "targetZeroWarning", { field: f.name }, r, f.key, subject);
  return v;
}

function readRowValues(
  ctx: DataContext,
  cells: readonly CellInput[],
  r: number,
  subject: { id: string; period: string },
  values: Record<string, number | null>,
  invalid: string[]
): void {
  for (const f of ctx.plan.fields) {
    if (ctx.mapping[f.key] === undefined) continue;
    const read = readFieldCell(ctx, f, cellOf(ctx, cells, f.key), r, subject);
    if (read === INVALID) {
      values[f.key] = null;
      invalid.push(f.key);
    } else values[f.key] = read;
  }
}

/** Days in the month and days worked: above 0, the calendar's, and not more worked than there are. */
function checkDays(
  ctx: DataContext,
  values: Record<string, number | null>,
  invalid: string[],
  period: Period,
  r: number,
  subject: { id: string; period: string }
): boolean {
  const days = values[PAY_FIELDS.daysInPeriod];
  const worked = values[PAY_FIELDS.daysWorked];
  const at = (key: string) => ({ location: locate(ctx, r, key), subject });
  if (days !== null && days !== undefined && days <= 0) {
    values[PAY_FIELDS.daysInPeriod] = null;
    invalid.push(PAY_FIELDS.daysInPeriod);
    ctx.issues.push(issue("error", "daysInvalid", { value: days }, at(PAY_FIELDS.daysInPeriod)));
    return true;
  }
  if (days) {
    const calendar = new Date(Date.UTC(period.year, period.index, 0)).getUTCDate();
    if (days !== calendar)
      ctx.issues.push(
        issue(
          "warning",
          "daysNotCalendar",
          { days, period: period.key, calendar },
          at(PAY_FIELDS.daysInPeriod)
        )
      );
  }
  if (days && days > 0 && worked !== null && worked !== undefined) {
    if (worked > days)
      ctx.issues.push(issue("warning", "daysExceed", { worked, days }, at(PAY_FIELDS.daysWorked)));
    else if (worked < days)
      ctx.issues.push(issue("info", "partialPeriod", { worked, days }, at(PAY_FIELDS.daysWorked)));
  }
  return false;
}

/** A row as read, before it is kept: its cells' values are in `values` and `invalid`. */
export interface RowRead {
  /** 1-based sheet row or file line. */
  r: number;
  id: string;
  name: string;
  team: string;
  period: string;
  values: Record<string, number | null>;
  invalid: string[];
  /** The days check judged the days-in-month cell invalid (it is last in `invalid`). */
  lateDays: boolean;
}

/**
 * Where the rows read go, and what it knows of the rows kept so far: a row's key (person and
 * month) seen before, whether it repeats that row exactly, and the name first given for an id.
 */
export interface RowSink<K> {
  /** The kept row with the row's person and month, if any. */
  prior(row: RowRead): K | undefined;
  /** Sheet row of a kept row. */
  rowOf(kept: K): number;
  /** Whether the row repeats the kept row exactly (name, team, values, invalid cells). */
  repeats(kept: K, row: RowRead): boolean;
  /** Marks a kept row as conflicting with sheet row r. */
  conflict(kept: K, r: number): void;
  /** Keeps the row. */
  keep(row: RowRead): void;
  /** The name and row an id was first kept with, and whether a name was reported already. */
  names: NameLedger;
}

/** The first name each id was read with, and the other names already reported. */
export class NameLedger {
  private readonly first = new Map<string, { name: string; row: number; reported?: Set<string> }>();
  /** The first name and row of an id when `name` differs and was not reported yet (it is now). */
  check(id: string, name: string, row: number): { name: string; row: number } | null {
    const known = this.first.get(id);
    if (!known) {
      this.first.set(id, { name, row });
      return null;
    }
    if (known.name === name || known.reported?.has(name)) return null;
    (known.reported ??= new Set()).add(name);
    return known;
  }
}

/** Exact duplicates are skipped; the same person and month with other values blocks both rows. */
function addToLedger<K>(ctx: DataContext, sink: RowSink<K>, row: RowRead): boolean {
  const r = row.r;
  const subject = { id: row.id, period: row.period };
  const prior = sink.prior(row);
  if (prior !== undefined) {
    const at = { location: { sheet: ctx.where.sheet, row: r }, subject };
    const priorRow = sink.rowOf(prior);
    if (sink.repeats(prior, row))
      ctx.issues.push(issue("warning", "duplicateRow", { row: priorRow }, at));
    else {
      ctx.issues.push(
        issue("error", "conflictingRow", { id: row.id, period: row.period, row: priorRow }, at)
      );
      // neither row can be trusted: the person-month is blocked until one of them is fixed
      sink.conflict(prior, r);
    }
    return false;
  }
  const known = sink.names.check(row.id, row.name, r);
  if (known)
    ctx.issues.push(
      issue(
        "warning",
        "nameChanged",
        { id: row.id, name: row.name, other: known.name, row: known.row },
        { location: locate(ctx, r, "name"), subject }
      )
    );
  sink.keep(row);
  return true;
}

/** DataRow objects: the readers' classic output. */
interface KeptRow {
  row: DataRow;
  signature: string;
}

class DataRowSink implements RowSink<KeptRow> {
  readonly rows: DataRow[] = [];
  readonly names = new NameLedger();
  private readonly seen = new Map<string, KeptRow>();
  constructor(
    private readonly sheet: string,
    private readonly absent: string[],
    private readonly columns: Record<string, string>
  ) {}
  prior(row: RowRead) {
    return this.seen.get(row.id + "\u0000" + row.period);
  }
  rowOf(kept: KeptRow) {
    return kept.row.source.row;
  }
  repeats(kept: KeptRow, row: RowRead) {
    return kept.signature === signatureOf(row);
  }
  conflict(kept: KeptRow, r: number) {
    kept.row.conflict = r;
  }
  keep(read: RowRead) {
    const row: DataRow = {
      id: read.id,
      name: read.name,
      team: read.team,
      period: read.period,
      values: read.values,
      invalid: read.invalid,
      absent: this.absent,
      conflict: null,
      source: { sheet: this.sheet, row: read.r, columns: this.columns },
    };
    this.seen.set(read.id + "\u0000" + read.period, { row, signature: signatureOf(read) });
    this.rows.push(row);
  }
}

function signatureOf(row: RowRead): string {
  return JSON.stringify([row.name, row.team, row.values, row.invalid]);
}

/** Name notes: extra spaces, and text that would be a formula (kept and written as text). */
function checkName(
  ctx: DataContext,
  rawName: string,
  name: string,
  r: number,
  subject: { id: string; period: string }
): void {
  const where = { location: locate(ctx, r, "name"), subject };
  if (rawName !== name)
    ctx.issues.push(issue("warning", "nameTrimmed", { text: rawName, name }, where));
  if (/^[=+\-@]/.test(name))
    ctx.issues.push(issue("warning", "formulaText", { first: name[0] }, where));
}

/**
 * Whether a row without an id is a subtotal (its amounts are sums of rows above); the amounts are
 * read without reporting, only to compare.
 */
function isSumRow(
  ctx: DataContext,
  cells: readonly CellInput[],
  team: string,
  sums: RunningSums,
  amounts: readonly FieldDef[]
): boolean {
  const values: Record<string, number | null> = {};
  for (const f of amounts) {
    const q = readQuantity(cellOf(ctx, cells, f.key), f, ctx.rules);
    values[f.key] = q.kind === "number" ? q.value : null;
  }
  return sums.isSum(
    team,
    values,
    amounts.map((f) => f.key)
  );
}

/**
 * Reads a table's rows one by one, under the mapping and reading rules decided for the whole
 * table, into a sink: every check of {@link readDataTable}, in the same order, whether the rows
 * come from a table in memory or from a file read in slices.
 */
export class DataRowReader<K> {
  readonly leftOut: number[] = [];
  private readonly ctx: DataContext;
  private readonly amounts: FieldDef[];
  private readonly amountKeys: string[];
  private readonly sums = new RunningSums();
  private readonly template: Readonly<Record<string, number | null>>;
  private readonly scratch: Record<string, number | null>;
  private readonly scratchInvalid: string[] = [];

  constructor(
    plan: Plan,
    mapping: ColumnMapping,
    rules: ReadingRules,
    where: TableWhere,
    readonly issues: Issue[],
    private readonly sink: RowSink<K>,
    /** Reuse one values object and one invalid list (the sink copies what it keeps). */
    private readonly reuse = false
  ) {
    this.ctx = { plan, mapping, rules, where, issues, periodForms: new Set() };
    // Every row's values start as a copy of one template, so all rows share one object shape
    // (V8 keeps them in fast mode; objects filled key by key from {} fall back to dictionaries).
    this.template = Object.fromEntries(plan.fields.map((f) => [f.key, null]));
    this.amounts = plan.fields.filter((f) => f.unit === "currency" && mapping[f.key] !== undefined);
    this.amountKeys = this.amounts.map((f) => f.key);
    this.scratch = { ...this.template };
  }

  /** Reads row i of the table (at sheet row or file line r). */
  read(cells: readonly CellInput[] | undefined, i: number, r: number): void {
    if (!cells || isBlankRow(cells)) return;
    const ctx = this.ctx;
    const issues = this.issues;
    const where = ctx.where;
    const label = totalLabelOf(ctx, cells);
    const team = cellText(cellOf(ctx, cells, "team")).trim();
    const id = toHalfWidth(cellText(cellOf(ctx, cells, "id"))).trim();
    if (label !== null || (id === "" && isSumRow(ctx, cells, team, this.sums, this.amounts))) {
      const at = { location: { sheet: where.sheet, row: r } };
      issues.push(
        label !== null
          ? issue("warning", "totalRowLeftOut", { text: label }, at)
          : issue("warning", "sumRowLeftOut", {}, at)
      );
      this.leftOut.push(i);
      this.sums.reset();
      return;
    }
    if (id === "") {
      issues.push(issue("error", "idMissing", {}, { location: locate(ctx, r, "id") }));
      return;
    }
    const period = readRowPeriod(ctx, cells, r, id);
    if (!period) return;
    const subject = { id, period: period.key };
    const rawName = cellText(cellOf(ctx, cells, "name"));
    const name = rawName.trim();
    checkName(ctx, rawName, name, r, subject);
    let values: Record<string, number | null>;
    let invalid: string[];
    if (this.reuse) {
      values = Object.assign(this.scratch, this.template);
      invalid = this.scratchInvalid;
      invalid.length = 0;
    } else {
      values = { ...this.template };
      invalid = [];
    }
    readRowValues(ctx, cells, r, subject, values, invalid);
    const lateDays = checkDays(ctx, values, invalid, period, r, subject);
    this.sums.add(team, values, this.amountKeys);
    addToLedger(ctx, this.sink, {
      r,
      id,
      name,
      team,
      period: period.key,
      values,
      invalid,
      lateDays,
    });
  }
}

/** The mapping of a table, the issues so far, and whether rows can be read at all. */
export function startDataReading(
  table: CellTable,
  plan: Plan,
  saved?: ColumnMapping,
  options: MappingOptions = {}
): { mapping: ColumnMapping; issues: Issue[]; where: TableWhere; readable: boolean } {
  const { mapping, issues } = mapColumns(table, plan, saved, options);
  const where = tableWhere(table);
  return {
    mapping,
    issues,
    where,
    readable: mapping.id !== undefined && mapping.period !== undefined,
  };
}

/** Fields without a column (one list shared by every row of the table), and the columns' letters. */
export function tableColumns(
  plan: Plan,
  mapping: ColumnMapping,
  where: TableWhere
): { absent: string[]; columns: Record<string, string> } {
  const columns: Record<string, string> = {};
  for (const [k, c] of Object.entries(mapping)) columns[k] = where.columnOf(c);
  const absent = plan.fields.filter((f) => mapping[f.key] === undefined).map((f) => f.key);
  return { absent, columns };
}

/**
 * Reads the Data sheet (or a CRM export) into data rows. Every problem is an issue located by
 * sheet, row and column; rows with unreadable cells are kept with those cells marked invalid, so
 * the scorecard can say exactly what blocks them. Total and subtotal rows are left out with a
 * message; the table's reading rules (decimal mark, percent columns) are decided once, first.
 */
export function readDataTable(
  table: CellTable,
  plan: Plan,
  saved?: ColumnMapping,
  options: MappingOptions = {}
): DataReading {
  const { mapping, issues, where, readable } = startDataReading(table, plan, saved, options);
  if (!readable) return { rows: [], issues, mapping, rules: DEFAULT_RULES, leftOut: [] };
  const analysis = analyzeTable(table.rows, plan.fields, mapping, table.delimiter, where);
  issues.push(...analysis.issues);
  const { absent, columns } = tableColumns(plan, mapping, where);
  const sink = new DataRowSink(table.sheet, absent, columns);
  const reader = new DataRowReader(plan, mapping, analysis.rules, where, issues, sink);
  for (let i = 0; i < table.rows.length; i++) reader.read(table.rows[i], i, where.rowOf(i));
  return { rows: sink.rows, issues, mapping, rules: analysis.rules, leftOut: reader.leftOut };
}

/**
 * The reading of a Data cell `x` as a formula: the number a cell holds as readFieldCell reads it
 * (a percentage typed into a ratio cell, 85, divided by 100), #N/A where it would be invalid
 * (negative where the field cannot be, beyond its unit's plausible limit, a fractional count, days
 * in the month not above 0), "" when blank. `guard` must hold, else #N/A (the Data row moved).
 */
export function dataCellFormula(x: string, f: FieldDef, guard: string): string {
  const v =
    f.unit === "ratio"
      ? `IF(AND(ABS(${x}*1)>${PERCENT_NUMBER_THRESHOLD},ABS(${x}*1)<=${PERCENT_TYPED_LIMIT}),${x}/100,${x}*1)`
      : `${x}*1`;
  const bad: string[] = [];
  if (!mayBeNegative(f)) bad.push(`${v}<0`);
  bad.push(f.unit === "score" ? `${v}>100` : `ABS(${v})>${plausibleLimit(f)}`);
  if (f.unit === "count") bad.push(`${v}<>ROUND(${v},0)`);
  if (f.key === PAY_FIELDS.daysInPeriod) bad.push(`${v}<=0`);
  const checked =
    bad.length === 0 ? v : `IF(${bad.length === 1 ? bad[0] : `OR(${bad.join(",")})`},#N/A,${v})`;
  return `IF(${guard},IF(${x}="","",${checked}),#N/A)`;
}

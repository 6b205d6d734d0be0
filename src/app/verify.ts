/**
 * Verify workbook: the self-check at any time. Generate remembers in the workbook (its document
 * settings, saved with it) what it ran — period, team, formula style, language, the plan's
 * checksum — and a fingerprint of every input row it read. Verify runs the plan again over the
 * inputs as they are now and checks the output sheets against that (formulas edited by hand,
 * values Excel computes otherwise), and says which inputs changed since Generate: by Data-sheet
 * cell where the fingerprint tells, else by row, and by salesperson for 360 ratings.
 *
 * The fingerprints: each row's checksum (16 hex digits of SHA-256 over the same parts the period
 * close's checksums use) and, for runs up to {@link CELL_PRINTS} cells, two hex digits per cell
 * to say which cell changed; each salesperson's input checksum per evaluation period.
 */
import {
  inputChecksums,
  inputRowParts,
  planChecksum,
  sha256,
  type DataRow,
  type FeedbackRating,
  type Language,
  type Plan,
} from "../engine";
import type { SheetRole } from "../workbook/layout";
import type { CheckReport } from "../workbook/verify";
import type { FormulaStyle, OutputRequest, SettingsStore, WorkbookHost } from "./host";
import { checkWorkbook, evaluationPeriods, runPlan } from "./workflow";
import { loadClosing } from "./closing";

export const GENERATE_SETTING = "perf.lastGenerate";
/** Runs up to this many input cells keep a fingerprint per cell (about 2 bytes each). */
export const CELL_PRINTS = 60_000;

export interface RowPrint {
  /** 1-based Data-sheet row at Generate. */
  row: number;
  hash: string;
  /** Two hex digits per part of {@link inputRowParts}, when the run was small enough. */
  cells?: string;
}

export interface GenerateRecord {
  version: 1;
  at: string;
  period: string;
  group: string;
  style: FormulaStyle;
  language: Language;
  planChecksum: string;
  /** Data sheet name, and each row by "id period". */
  sheet: string;
  rows: Record<string, RowPrint>;
  /** Each salesperson's input checksum by "id period" of evaluation period. */
  people: Record<string, string>;
  /** Output sheets the user rewrote as values since (checked against the values layout). */
  asValues: SheetRole[];
}

export interface InputChange {
  kind: "changed" | "added" | "removed" | "feedback";
  id: string;
  /** Month of a data row, or evaluation period of 360 ratings. */
  period: string;
  /** Where: the Data sheet's row (and column when known). */
  sheet?: string;
  row?: number;
  column?: string;
}

export interface VerifyReport {
  check: CheckReport;
  inputs: InputChange[];
  planChanged: boolean;
  record: GenerateRecord;
  request: OutputRequest;
}

const rowKey = (r: DataRow) => `${r.id} ${r.period}`;

function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return ((h >>> 24) ^ (h & 0xff)).toString(16).padStart(2, "0");
}

function printRow(plan: Plan, r: DataRow, cells: boolean): RowPrint {
  const parts = inputRowParts(plan, r);
  const print: RowPrint = { row: r.source.row, hash: sha256(parts.join("\u001f")).slice(0, 16) };
  if (cells) print.cells = parts.map(shortHash).join("");
  return print;
}

function peopleChecksums(
  plan: Plan,
  rows: readonly DataRow[],
  ratings: readonly FeedbackRating[]
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const period of evaluationPeriods(rows, plan))
    for (const [id, sum] of Object.entries(inputChecksums(plan, rows, ratings, period).people))
      out[`${id} ${period}`] = sum;
  return out;
}

/** What Generate remembers of a run (the rows and ratings it read, as the engine read them). */
export function generateRecord(
  request: OutputRequest,
  options: { period: string; group: string },
  at: Date
): GenerateRecord {
  const { plan, data, feedback } = request;
  const ids = new Set(data.rows.map((r) => r.id));
  const ratings = feedback.ratings.filter((r) => ids.has(r.id));
  const cells = data.rows.length * (4 + plan.fields.length) <= CELL_PRINTS;
  return {
    version: 1,
    at: at.toISOString(),
    period: options.period,
    group: options.group,
    style: request.style,
    language: request.language,
    planChecksum: planChecksum(plan),
    sheet: data.rows[0]?.source.sheet ?? "",
    rows: Object.fromEntries(data.rows.map((r) => [rowKey(r), printRow(plan, r, cells)])),
    people: peopleChecksums(plan, data.rows, ratings),
    asValues: [],
  };
}

/** Notes in the record that a sheet now holds values (after 'Rewrite as values'). */
export async function recordAsValues(settings: SettingsStore, role: SheetRole): Promise<void> {
  const record = loadGenerateRecord(settings);
  if (!record || record.asValues.includes(role)) return;
  await saveGenerateRecord(settings, { ...record, asValues: [...record.asValues, role] });
}

export async function saveGenerateRecord(settings: SettingsStore, record: GenerateRecord | string) {
  const text = typeof record === "string" ? record : generateRecordText(record);
  await settings.set(GENERATE_SETTING, text);
}

/** The record as the settings keep it. */
export function generateRecordText(record: GenerateRecord): string {
  return JSON.stringify(record);
}

export function loadGenerateRecord(settings: SettingsStore): GenerateRecord | null {
  const text = settings.get(GENERATE_SETTING);
  if (!text) return null;
  try {
    const r = JSON.parse(text) as GenerateRecord;
    return r && r.version === 1 && typeof r.rows === "object"
      ? { ...r, asValues: Array.isArray(r.asValues) ? r.asValues : [] }
      : null;
  } catch {
    return null;
  }
}

/** The inputs that differ from what Generate read, located as closely as the record allows. */
export function inputChanges(
  record: GenerateRecord,
  plan: Plan,
  rows: readonly DataRow[],
  ratings: readonly FeedbackRating[]
): InputChange[] {
  const out: InputChange[] = [];
  const now = new Map(rows.map((r) => [rowKey(r), r]));
  const identity = ["id", "name", "team", "period", "conflict"];
  for (const [key, print] of Object.entries(record.rows)) {
    const [id, period] = key.split(" ");
    const r = now.get(key);
    if (!r) {
      out.push({ kind: "removed", id, period, sheet: record.sheet, row: print.row });
      continue;
    }
    const current = printRow(plan, r, print.cells !== undefined);
    if (current.hash === print.hash) continue;
    const where = { id, period, sheet: r.source.sheet, row: r.source.row };
    const keys = [...identity, ...plan.fields.map((f) => f.key)];
    const changed = keys.filter(
      (_k, i) =>
        print.cells &&
        print.cells.slice(2 * i, 2 * i + 2) !== current.cells!.slice(2 * i, 2 * i + 2)
    );
    const columns = changed.map((k) => r.source.columns?.[k]).filter((c): c is string => !!c);
    if (columns.length === 0) out.push({ kind: "changed", ...where });
    for (const column of columns) out.push({ kind: "changed", ...where, column });
  }
  for (const r of rows)
    if (!record.rows[rowKey(r)])
      out.push({
        kind: "added",
        id: r.id,
        period: r.period,
        sheet: r.source.sheet,
        row: r.source.row,
      });
  // 360 ratings: a salesperson's checksum that moved while none of their data rows did
  const people = peopleChecksums(plan, rows, ratings);
  const moved = new Set(out.map((c) => c.id));
  for (const [key, sum] of Object.entries(record.people)) {
    const [id, period] = key.split(" ");
    if (people[key] !== undefined && people[key] !== sum && !moved.has(id))
      out.push({ kind: "feedback", id, period });
  }
  return out;
}

/**
 * Verify workbook: the last run again over the inputs as they are now (closed periods left out as
 * Generate leaves them), its output sheets checked, the inputs compared with Generate's. Null
 * when nothing was generated in this workbook yet.
 */
export async function verifyWorkbook(host: WorkbookHost, plan: Plan): Promise<VerifyReport | null> {
  const record = loadGenerateRecord(host.settings);
  if (!record) return null;
  const check = await checkWorkbook(host, plan);
  if (!check) return null;
  const closed = new Set((await loadClosing(host, plan)).closed.keys());
  const run = runPlan(plan, check, record.period, record.group, closed);
  const request: OutputRequest = {
    plan,
    language: record.language,
    style: record.style,
    evaluation: run.evaluation,
    data: run.data,
    feedback: check.feedback,
  };
  const report = await host.checkOutputs(request, { asValues: record.asValues });
  const ids = new Set(run.data.rows.map((r) => r.id));
  const ratings = check.feedback.ratings.filter((r) => ids.has(r.id));
  return {
    check: report,
    inputs: inputChanges(record, plan, run.data.rows, ratings),
    planChanged: planChecksum(plan) !== record.planChecksum,
    record,
    request,
  };
}

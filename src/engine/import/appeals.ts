/**
 * 绩效申诉与审批: the Appeals sheet (one row per appeal: no., salesperson, evaluation period, the
 * number appealed, reason, status, decision, effect on pay, decided by and on) and the Sign-off
 * sheet (one row per signature: period, role, name, date). An upheld appeal (申诉成立) changes pay
 * only through its recorded amount, summed per salesperson and period into the Appeal adjustment
 * pay line (申诉调整); pending and rejected appeals change nothing. A row that cannot be read as it
 * stands is named at its cell and never guessed: an upheld appeal that is incomplete blocks its
 * person's period pay until it is corrected.
 */
import type { CellInput } from "../coerce";
import { toHalfWidth } from "../coerce";
import { issue, type Issue } from "../issues";

import { dateCellText, parsePeriodKey, readPeriod } from "../periods";
import type { CellTable } from "../records";
import { IDENTITY_NAMES, normalizeHeader } from "../records";
import { tableWhere, type TableWhere } from "./rules";

export { APPEAL_MESSAGES } from "./appeal-messages";

export type AppealStatus = "pending" | "reviewing" | "rejected" | "upheld";
export type SignOffRole = "manager" | "hr" | "finance";

export const APPEAL_STATUSES: readonly AppealStatus[] = [
  "pending",
  "reviewing",
  "rejected",
  "upheld",
];
export const SIGN_OFF_ROLES: readonly SignOffRole[] = ["manager", "hr", "finance"];

/** The words of each status and role, as the sheets' lists offer them (en, zh). */
export const APPEAL_WORDS = {
  status: {
    pending: { en: "Pending", zh: "待处理" },
    reviewing: { en: "Under review", zh: "受理中" },
    rejected: { en: "Rejected", zh: "维持原结果" },
    upheld: { en: "Upheld", zh: "申诉成立" },
  },
  role: {
    manager: { en: "Sales manager", zh: "销售经理" },
    hr: { en: "HR", zh: "人力资源" },
    finance: { en: "Finance", zh: "财务" },
  },
} as const;

export const APPEAL_HEADERS = {
  no: {
    en: "Appeal no.",
    zh: "申诉编号",
    names: ["appeal no", "appeal", "no", "申诉编号", "编号"],
  },
  id: { en: "Employee ID", zh: "员工编号", names: [...IDENTITY_NAMES.id, "申诉人编号"] },
  name: { en: "Name", zh: "姓名", names: ["name", "姓名", "申诉人"] },
  period: { en: "Period", zh: "考核期间", names: ["period", "期间", "考核期间", "季度"] },
  subject: {
    en: "Number appealed",
    zh: "申诉事项",
    names: ["number appealed", "subject", "申诉事项", "申诉指标"],
  },
  reason: { en: "Reason", zh: "申诉理由", names: ["reason", "申诉理由", "理由"] },
  status: { en: "Status", zh: "处理状态", names: ["status", "处理状态", "状态"] },
  decision: { en: "Decision", zh: "处理结果", names: ["decision", "处理结果", "处理意见"] },
  amount: {
    en: "Effect on pay",
    zh: "薪酬调整(元)",
    names: ["effect on pay", "amount", "薪酬调整(元)", "薪酬调整", "调整金额"],
  },
  decidedBy: { en: "Decided by", zh: "审批人", names: ["decided by", "审批人", "处理人"] },
  decidedOn: {
    en: "Decided on",
    zh: "处理日期",
    names: ["decided on", "date decided", "处理日期", "审批日期"],
  },
} as const;

export const SIGN_OFF_HEADERS = {
  period: { en: "Period", zh: "考核期间", names: ["period", "期间", "考核期间", "季度"] },
  role: { en: "Role", zh: "审批角色", names: ["role", "审批角色", "角色"] },
  name: { en: "Signed by", zh: "签字人", names: ["signed by", "name", "签字人", "审批人"] },
  date: { en: "Signed on", zh: "签字日期", names: ["signed on", "date", "签字日期", "日期"] },
} as const;

export type AppealColumn = keyof typeof APPEAL_HEADERS;
export type SignOffColumn = keyof typeof SIGN_OFF_HEADERS;

export interface Appeal {
  no: string;
  id: string;
  name: string;
  /** The evaluation period's key (2024-Q1, or 2024-03 when the plan evaluates monthly). */
  period: string;
  subject: string;
  reason: string;
  status: AppealStatus;
  decision: string;
  /** The recorded effect on pay (0 when blank); it counts only when the appeal is upheld. */
  amount: number;
  decidedBy: string;
  /** yyyy-mm-dd, "" when not decided. */
  decidedOn: string;
  /** 1-based sheet row. */
  row: number;
}

export interface SignOff {
  period: string;
  role: SignOffRole;
  name: string;
  /** yyyy-mm-dd. */
  date: string;
  row: number;
}

export interface AppealsReading {
  /** Every appeal read (any status), in sheet order. */
  appeals: Appeal[];
  /**
   * "id period" pairs whose pay waits: an upheld (or unreadable) appeal of theirs cannot be read
   * as it stands, with the row that blocks it.
   */
  blocked: Map<string, { no: string; row: number }>;
  issues: Issue[];
}

export interface SignOffReading {
  signOffs: SignOff[];
  issues: Issue[];
}

export interface AppealOptions {
  /** "quarter" (default) or "month": what an evaluation period is. */
  evaluation?: "quarter" | "month";
  /** Salesperson ids the Data sheet holds (appeals of others are named and not used). */
  knownIds?: ReadonlySet<string>;
  /** Closed evaluation periods (an upheld appeal there waits for a reopen). */
  closed?: ReadonlySet<string>;
}

/** "id period", the key of an appeal's pay line. */
export function appealKey(id: string, period: string): string {
  return `${id}\u0000${period}`;
}

function text(v: CellInput): string {
  return v === null || v === undefined ? "" : String(v).trim();
}

function columnsOf<K extends string>(
  header: readonly CellInput[],
  headers: Record<K, { en: string; zh: string; names: readonly string[] }>
): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  const norm = header.map((h) => normalizeHeader(text(h)));
  for (const key of Object.keys(headers) as K[]) {
    const d = headers[key];
    const names = new Set([d.en, d.zh, ...d.names].map(normalizeHeader));
    const at = norm.findIndex((h) => names.has(h));
    if (at >= 0) out[key] = at;
  }
  return out;
}

function wordOf<T extends string>(
  v: string,
  words: Record<T, { en: string; zh: string }>
): T | null {
  const t = normalizeHeader(toHalfWidth(v));
  for (const [k, w] of Object.entries(words) as [T, { en: string; zh: string }][])
    if (normalizeHeader(w.en) === t || normalizeHeader(w.zh) === t || k === t) return k;
  return null;
}

function choices(words: Record<string, { en: string; zh: string }>): { en: string; zh: string } {
  const list = Object.values(words);
  return {
    en: list.map((w) => `${w.en} (${w.zh})`).join(", "),
    zh: list.map((w) => w.zh).join("、"),
  };
}

/** A date cell: a date serial, or text yyyy-mm-dd (also yyyy/m/d); null when unreadable. */
export function readDateCell(v: CellInput): string | null {
  if (typeof v === "number") return Number.isFinite(v) && v > 0 ? dateCellText(v) : null;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(toHalfWidth(text(v)));
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

interface Located {
  where: TableWhere;
  at(i: number, c: number | undefined): { sheet: string; row: number; column?: string };
}

function located(table: CellTable): Located {
  const where = tableWhere(table);
  return {
    where,
    at: (i, c) => ({
      sheet: where.sheet,
      row: where.rowOf(i),
      ...(c === undefined ? {} : { column: where.columnOf(c), header: where.header(c) }),
    }),
  };
}

/** The evaluation period of a cell: its key, or the issue that says why it is not one. */
function readEvaluationPeriod(
  v: CellInput,
  evaluation: "quarter" | "month",
  code: "appealPeriodUnreadable" | "signOffPeriodUnreadable"
): { key: string; exact: boolean } | { code: string; params: Record<string, string> } {
  const example = evaluation === "month" ? "2024-03" : "2024-Q1";
  const raw = text(v);
  const read = readPeriod(typeof v === "number" ? v : raw);
  if (!read.ok) return { code, params: { text: raw, example } };
  const key = read.period.key;
  if (read.period.kind !== evaluation)
    return {
      code: "appealPeriodKind",
      params: { key, example, kind: evaluation === "month" ? "月" : "季度" },
    };
  return { key, exact: typeof v === "string" && v === key && parsePeriodKey(v) !== null };
}

/** The Appeals sheet's rows (header in `table.header`): see the module comment. */
export function readAppealsTable(table: CellTable, options: AppealOptions = {}): AppealsReading {
  const issues: Issue[] = [];
  const blocked = new Map<string, { no: string; row: number }>();
  const col = columnsOf(table.header, APPEAL_HEADERS);
  for (const key of ["id", "period", "status", "amount"] as const)
    if (col[key] === undefined)
      issues.push(
        issue(
          "error",
          "columnNotFound",
          { name: { en: APPEAL_HEADERS[key].en, zh: APPEAL_HEADERS[key].zh } },
          { location: { sheet: table.sheet, row: table.headerRow } }
        )
      );
  if (issues.length) return { appeals: [], blocked, issues };
  const loc = located(table);
  const appeals: Appeal[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    const row = table.rows[i];
    if (!row || row.every((c) => text(c) === "")) continue;
    const a = readAppealRow(row, i, col, loc, options, issues);
    if (!a) continue;
    if (a.blocks && !blocked.has(appealKey(a.appeal.id, a.appeal.period)))
      blocked.set(appealKey(a.appeal.id, a.appeal.period), { no: a.appeal.no, row: a.appeal.row });
    if (options.knownIds && !options.knownIds.has(a.appeal.id)) {
      issues.push(
        issue(
          "warning",
          "appealUnknownId",
          { id: a.appeal.id },
          {
            location: loc.at(i, col.id),
            subject: { id: a.appeal.id, period: a.appeal.period },
          }
        )
      );
      continue;
    }
    appeals.push(a.appeal);
  }
  return { appeals, blocked, issues };
}

function readAppealRow(
  row: readonly CellInput[],
  i: number,
  col: Partial<Record<AppealColumn, number>>,
  loc: Located,
  options: AppealOptions,
  issues: Issue[]
): { appeal: Appeal; blocks: boolean } | null {
  const cell = (k: AppealColumn) => (col[k] === undefined ? null : row[col[k]!]);
  const id = text(cell("id"));
  if (id === "") {
    issues.push(issue("error", "appealIdMissing", {}, { location: loc.at(i, col.id) }));
    return null;
  }
  const p = readEvaluationPeriod(
    cell("period"),
    options.evaluation ?? "quarter",
    "appealPeriodUnreadable"
  );
  if ("code" in p) {
    issues.push(
      issue("error", p.code as "appealPeriodUnreadable", p.params, {
        location: loc.at(i, col.period),
        subject: { id },
      })
    );
    return null;
  }
  const subject = { id, period: p.key };
  const problems: Issue[] = [];
  const add = (code: Parameters<typeof issue>[1], params: Issue["params"], c: number | undefined) =>
    problems.push(issue("error", code, params, { location: loc.at(i, c), subject }));
  if (!p.exact) add("appealPeriodNotKey", { text: text(cell("period")), key: p.key }, col.period);
  const statusText = text(cell("status"));
  const status = statusText === "" ? null : wordOf(statusText, APPEAL_WORDS.status);
  const list = choices(APPEAL_WORDS.status);
  if (statusText === "") add("appealStatusMissing", { choices: list }, col.status);
  else if (!status) add("appealStatusUnreadable", { text: statusText, choices: list }, col.status);
  const amount = readAmount(cell("amount"), (code, params) => add(code, params, col.amount));
  const decidedOnCell = cell("decidedOn");
  let decidedOn = "";
  if (text(decidedOnCell) !== "") {
    const d = readDateCell(decidedOnCell);
    if (d === null) add("appealDateUnreadable", { text: text(decidedOnCell) }, col.decidedOn);
    else decidedOn = d;
  }
  const appeal: Appeal = {
    no: text(cell("no")),
    id,
    name: text(cell("name")),
    period: p.key,
    subject: text(cell("subject")),
    reason: text(cell("reason")),
    status: status ?? "pending",
    decision: text(cell("decision")),
    amount: amount ?? 0,
    decidedBy: text(cell("decidedBy")),
    decidedOn,
    row: loc.where.rowOf(i),
  };
  if (status === "upheld" || status === "rejected") {
    const s = APPEAL_WORDS.status[status];
    if (appeal.decision === "") add("appealDecisionMissing", { status: s }, col.decision);
    if (text(decidedOnCell) === "") add("appealDateMissing", { status: s }, col.decidedOn);
    if (appeal.decidedBy === "") add("appealDeciderMissing", { status: s }, col.decidedBy);
  }
  if (status === "upheld" && options.closed?.has(p.key))
    add("appealClosedPeriod", { period: p.key }, col.status);
  if (status !== null && status !== "upheld" && amount !== null && amount !== 0)
    problems.push(
      issue(
        "warning",
        "appealAmountNotUpheld",
        { status: APPEAL_WORDS.status[status], value: amount },
        { location: loc.at(i, col.amount), subject }
      )
    );
  issues.push(...problems);
  // what could be upheld and is not readable as it stands waits; a closed period is not generated
  const blocks =
    (status === null || status === "upheld") &&
    problems.some((x) => x.severity === "error" && x.code !== "appealClosedPeriod");
  return { appeal: { ...appeal, status: blocks ? "pending" : appeal.status }, blocks };
}

/** The effect-on-pay cell: a number to the cent (blank = 0); null after saying why not. */
function readAmount(
  v: CellInput,
  problem: (code: "appealAmountUnreadable" | "appealAmountCents", params: Issue["params"]) => void
): number | null {
  if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) return 0;
  if (typeof v !== "number" || !Number.isFinite(v)) {
    problem("appealAmountUnreadable", { text: String(v) });
    return null;
  }
  if (Math.abs(Math.round(v * 100) - v * 100) > 1e-6) {
    problem("appealAmountCents", { value: v });
    return null;
  }
  return v;
}

/** The Sign-off sheet's rows (header in `table.header`). */
export function readSignOffTable(
  table: CellTable,
  options: Pick<AppealOptions, "evaluation"> = {}
): SignOffReading {
  const issues: Issue[] = [];
  const col = columnsOf(table.header, SIGN_OFF_HEADERS);
  for (const key of ["period", "role", "name", "date"] as const)
    if (col[key] === undefined)
      issues.push(
        issue(
          "error",
          "columnNotFound",
          { name: { en: SIGN_OFF_HEADERS[key].en, zh: SIGN_OFF_HEADERS[key].zh } },
          { location: { sheet: table.sheet, row: table.headerRow } }
        )
      );
  if (issues.length) return { signOffs: [], issues };
  const loc = located(table);
  const signOffs: SignOff[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    const row = table.rows[i];
    if (!row || row.every((c) => text(c) === "")) continue;
    const cell = (k: SignOffColumn) => row[col[k]!];
    const before = issues.length;
    const p = readEvaluationPeriod(
      cell("period"),
      options.evaluation ?? "quarter",
      "signOffPeriodUnreadable"
    );
    if ("code" in p)
      issues.push(
        issue("error", p.code as "signOffPeriodUnreadable", p.params, {
          location: loc.at(i, col.period),
        })
      );
    const roleText = text(cell("role"));
    const role = wordOf(roleText, APPEAL_WORDS.role);
    if (!role)
      issues.push(
        issue(
          "error",
          "signOffRoleUnreadable",
          { text: roleText, choices: choices(APPEAL_WORDS.role) },
          { location: loc.at(i, col.role) }
        )
      );
    const name = text(cell("name"));
    if (name === "")
      issues.push(issue("error", "signOffNameMissing", {}, { location: loc.at(i, col.name) }));
    const date = readDateCell(cell("date"));
    if (date === null)
      issues.push(
        issue(
          "error",
          "signOffDateUnreadable",
          { text: text(cell("date")) },
          { location: loc.at(i, col.date) }
        )
      );
    if (issues.length > before || "code" in p || !role || date === null) continue;
    signOffs.push({ period: p.key, role, name, date, row: loc.where.rowOf(i) });
  }
  return { signOffs, issues };
}

export interface SignOffState {
  /** The latest sign-off of each role for the period (sheet order), null when missing. */
  byRole: Record<SignOffRole, SignOff | null>;
  missing: SignOffRole[];
}

/** Which roles signed a period and which are missing. */
export function signOffState(signOffs: readonly SignOff[], period: string): SignOffState {
  const byRole: Record<SignOffRole, SignOff | null> = { manager: null, hr: null, finance: null };
  for (const s of signOffs) if (s.period === period) byRole[s.role] = s;
  return { byRole, missing: SIGN_OFF_ROLES.filter((r) => byRole[r] === null) };
}

/** The upheld appeals of a salesperson's period, in sheet order. */
export function upheldAppeals(appeals: readonly Appeal[], id: string, period: string): Appeal[] {
  return appeals.filter((a) => a.status === "upheld" && a.id === id && a.period === period);
}

/**
 * The Appeals view's steps as plain functions over the host: log an appeal, decide one, record a
 * sign-off. Each writes one row (or one row's decision cells) of its sheet through the host, laid
 * out in the sheet's columns (src/workbook/sheets/appeals.ts); nothing else on the sheet changes.
 */
import {
  APPEAL_WORDS,
  type Appeal,
  type AppealStatus,
  type Language,
  type SignOffRole,
} from "../engine";
import { APPEAL_COLUMNS, appealCells, signOffCells } from "../workbook/sheets/appeals";
import { say } from "../workbook/text";
import { HostError, type WorkbookHost, type WriteResult } from "./host";

/** Today as the sheets write dates (yyyy-mm-dd, the user's local date). */
export function today(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** The next appeal number of a period: 2024-Q1-01, 2024-Q1-02, … after those the sheet holds. */
export function nextAppealNo(appeals: readonly Appeal[], period: string): string {
  const used = new Set(appeals.map((a) => a.no));
  for (let n = 1; ; n++) {
    const no = `${period}-${String(n).padStart(2, "0")}`;
    if (!used.has(no)) return no;
  }
}

export interface NewAppeal {
  id: string;
  name: string;
  period: string;
  subject: string;
  reason: string;
}

/** Adds a pending appeal to the Appeals sheet; returns its number and the write. */
export async function logAppeal(
  host: WorkbookHost,
  appeals: readonly Appeal[],
  a: NewAppeal,
  language: Language
): Promise<{ no: string; written: WriteResult }> {
  if (!a.id.trim()) throw new HostError("Choose the salesperson who appeals.", "NoPerson");
  const no = nextAppealNo(appeals, a.period);
  const cells = appealCells(
    {
      ...a,
      no,
      status: "pending",
      decision: "",
      amount: 0,
      decidedBy: "",
      decidedOn: "",
    },
    language
  );
  const written = await host.writeReviewRow({ language, role: "appeals", add: cells });
  return { no, written };
}

export interface Decision {
  status: AppealStatus;
  decision: string;
  /** The effect on pay (0 when none). */
  amount: number;
  decidedBy: string;
  decidedOn: string;
}

/** Sets the decision cells (status, decision, effect on pay, decided by and on) of an appeal's row. */
export function decideAppeal(
  host: WorkbookHost,
  appeal: Appeal,
  d: Decision,
  language: Language
): Promise<WriteResult> {
  const at = (k: (typeof APPEAL_COLUMNS)[number]) => APPEAL_COLUMNS.indexOf(k);
  const decided = d.status === "upheld" || d.status === "rejected";
  return host.writeReviewRow({
    language,
    role: "appeals",
    update: {
      row: appeal.row,
      cells: {
        [at("status")]: say(APPEAL_WORDS.status[d.status], language),
        [at("decision")]: d.decision.trim() || null,
        [at("amount")]: d.amount === 0 && d.status !== "upheld" ? null : d.amount,
        [at("decidedBy")]: decided || d.decidedBy.trim() ? d.decidedBy.trim() || null : null,
        [at("decidedOn")]: decided ? d.decidedOn : null,
      },
    },
  });
}

/** Adds a sign-off of a period (role, name, date) to the Sign-off sheet. */
export function recordSignOff(
  host: WorkbookHost,
  s: { period: string; role: SignOffRole; name: string; date: string },
  language: Language
): Promise<WriteResult> {
  if (!s.name.trim()) throw new HostError("Say who signs off.", "NoName");
  return host.writeReviewRow({
    language,
    role: "sign_off",
    add: signOffCells({ ...s, name: s.name.trim() }, language),
  });
}

/**
 * The one index of the add-in's messages: every catalogue, listed here by name. Nothing registers
 * itself by being imported; a catalogue that is not listed below is not shown to users, and
 * test/messages.test.ts fails on it (and on a key used in src/ that is missing, or that lacks
 * English or Chinese).
 *
 * {@link MessageKey} is the union of every catalogue's keys, so formatting or raising an unknown
 * literal key does not compile.
 */
import { COMPAT_MESSAGES } from "./compat/messages";
import { GRADING_MESSAGES } from "./engine/evaluate/grading";
import { COST_MESSAGES } from "./engine/evaluate/cost";
import { EXPLAIN_MESSAGES } from "./engine/evaluate/explain";
import { PAYROLL_MESSAGES } from "./engine/evaluate/payroll";
import { TEAM_MESSAGES } from "./engine/evaluate/team";
import { DECODE_MESSAGES } from "./engine/import/decode";
import { EXPORT_MESSAGES } from "./engine/export/payrollCsv";
import { FEEDBACK_MESSAGES } from "./engine/import/feedback";
import { FILE_MESSAGES } from "./engine/import/file";
import { HEADER_MESSAGES } from "./engine/import/header";
import { QUANTITY_MESSAGES } from "./engine/import/quantity";
import { RULES_MESSAGES } from "./engine/import/rules";
import { ENGINE_MESSAGES, type MessageText } from "./engine/messages";
import { SCHEMA_MESSAGES } from "./engine/plan/schema";
import { PLAN_MESSAGES } from "./engine/plan/validate";
import { RECORD_MESSAGES } from "./engine/records";
import { FUNCTION_MESSAGES } from "./functions/messages";
import { OFFICE_MESSAGES } from "./office/messages";
import { PLAN_FILE_MESSAGES } from "./app/planFileMessages";
import { SCORE_MESSAGES } from "./app/scoreMessages";
import { WORKBOOK_MESSAGES } from "./workbook/messages";
import { LETTER_MESSAGES } from "./engine/evaluate/letter-messages";
import { REVIEW_MESSAGES } from "./engine/evaluate/review-messages";
import { GRADE_HISTORY_MESSAGES } from "./workbook/grade-history-messages";
import { APPEAL_MESSAGES } from "./engine/import/appeal-messages";

/**
 * Every catalogue by name. A function, not a constant: modules that define a catalogue also format
 * messages (and so import this one), and a constant built while they are still loading would miss
 * their catalogue. Called once, on the first lookup.
 */
export function messageCatalogues() {
  return {
    engine: ENGINE_MESSAGES,
    grading: GRADING_MESSAGES,
    cost: COST_MESSAGES,
    explain: EXPLAIN_MESSAGES,
    payroll: PAYROLL_MESSAGES,
    team: TEAM_MESSAGES,
    plan: PLAN_MESSAGES,
    schema: SCHEMA_MESSAGES,
    records: RECORD_MESSAGES,
    decode: DECODE_MESSAGES,
    file: FILE_MESSAGES,
    header: HEADER_MESSAGES,
    rules: RULES_MESSAGES,
    quantity: QUANTITY_MESSAGES,
    feedback: FEEDBACK_MESSAGES,
    functions: FUNCTION_MESSAGES,
    workbook: WORKBOOK_MESSAGES,
    office: OFFICE_MESSAGES,
    compat: COMPAT_MESSAGES,
    planFile: PLAN_FILE_MESSAGES,
    export: EXPORT_MESSAGES,
    score: SCORE_MESSAGES,
    letters: LETTER_MESSAGES,
    review: REVIEW_MESSAGES,
    gradeHistory: GRADE_HISTORY_MESSAGES,
    appeals: APPEAL_MESSAGES,
  } as const;
}

type Catalogues = ReturnType<typeof messageCatalogues>;

/** Every message key of the add-in. */
export type MessageKey = {
  [C in keyof Catalogues]: keyof Catalogues[C] & string;
}[keyof Catalogues];

let table: ReadonlyMap<string, MessageText> | undefined;

/** Key → text over every catalogue; a key defined twice (with other text) is a programming error. */
function messageTable(): ReadonlyMap<string, MessageText> {
  if (table) return table;
  const all = new Map<string, MessageText>();
  for (const [name, catalogue] of Object.entries(messageCatalogues())) {
    for (const [key, text] of Object.entries(catalogue as Record<string, MessageText>)) {
      const before = all.get(key);
      if (before && (before.en !== text.en || before.zh !== text.zh))
        throw new Error(`message key defined twice: ${key} (again in the ${name} catalogue)`);
      all.set(key, text);
    }
  }
  table = all;
  return all;
}

/** The English and Chinese text of a key; undefined for a key no catalogue defines. */
export function messageText(key: string): MessageText | undefined {
  return messageTable().get(key);
}

/**
 * Writing statements from any view (Explain: one person; Statements: a team or everyone): adds
 * them to the Statements sheet through closing.writeStatementsFor, and keeps the outcome so the
 * view can say what happened and offer to update statements whose numbers changed.
 */
import * as React from "react";
import { writeStatementsFor, type StatementsOutcome, type Subject } from "../app/closing";
import { useHost } from "./hostContext";
import { useSession } from "./session";
import { useAction, type Action } from "./useAction";

export interface StatementWriter {
  write(subjects: Subject[], updateChanged?: boolean): Promise<void>;
  /** Writes the last request again, updating statements whose numbers changed. */
  update(): Promise<void>;
  action: Action;
  outcome: StatementsOutcome | null;
}

export function useStatementWriter(): StatementWriter {
  const host = useHost();
  const { language, confirmReplace } = useSession();
  const action = useAction();
  const { run } = action;
  const [last, setLast] = React.useState<{
    subjects: Subject[];
    outcome: StatementsOutcome;
  } | null>(null);
  const write = React.useCallback(
    async (subjects: Subject[], updateChanged = false) => {
      setLast(null);
      await run(async () => {
        const outcome = await writeStatementsFor(host, {
          language,
          subjects,
          updateChanged,
          options: { confirmReplace },
        });
        setLast({ subjects, outcome });
      });
    },
    [run, host, language, confirmReplace]
  );
  const update = React.useCallback(
    async () => (last ? write(last.subjects, true) : undefined),
    [last, write]
  );
  return { write, update, action, outcome: last?.outcome ?? null };
}

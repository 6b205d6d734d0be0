/**
 * What the pane remembers while it is open: the language, the current view, the workbook's add-in
 * sheets, the plan read from the Plan sheet, the last data check and the last generated run. The
 * workbook stays the source of truth; this is a cache of what was last read from it or written to it.
 */
import * as React from "react";
import type { Evaluation, Issue, Language, Plan, ScorecardRow } from "../engine";
import { Formatter, formatter } from "./format";
import type {
  FormulaStyle,
  SheetPlan,
  ReplaceChoice,
  WorkbookState,
  WriteResult,
} from "../app/host";
import { useHost } from "./hostContext";
import { STRINGS, Strings } from "./strings";
import { loadClosing, type ClosingState } from "../app/closing";
import type { DataCheck, RunSummary } from "../app/workflow";

/** The pane's views. */
export type ViewId =
  | "start"
  | "plan"
  | "data"
  | "generate"
  | "explain"
  | "statements"
  | "payroll"
  | "whatif"
  | "close"
  | "tracking"
  | "letters"
  | "appeals";

export interface RunOptions {
  /** Evaluation period key ("2024-Q1") or "" for every period. */
  period: string;
  /** Team, or "" for all teams. */
  group: string;
  style: FormulaStyle;
}

export interface Run {
  options: RunOptions;
  evaluation: Evaluation;
  rows: ScorecardRow[];
  /** The run task's summary of the rows (counts, pay, grades, teams, ranking). */
  summary: RunSummary;
  written: WriteResult;
}

export interface Session {
  language: Language;
  setLanguage(language: Language): void;
  strings: Strings;
  format: Formatter;
  view: ViewId;
  navigate(view: ViewId): void;
  workbook: WorkbookState | null;
  refreshWorkbook(): Promise<WorkbookState>;
  plan: Plan | null;
  /** Problems of the Plan sheet as last read (cells it could not read, plan validation). */
  planIssues: Issue[];
  loadPlan(): Promise<SheetPlan>;
  setPlan(plan: Plan, issues: Issue[]): void;
  check: DataCheck | null;
  setCheck(check: DataCheck | null): void;
  run: Run | null;
  setRun(run: Run | null): void;
  /** The Close log and the check of each closed period against the inputs, as last read. */
  closing: ClosingState | null;
  /** Reads the Close log (and the inputs when a period is closed) again. */
  loadClosing(): Promise<ClosingState>;
  /** The evaluation row the Explain view shows. */
  explainRow: number | null;
  showExplanation(row: number | null): void;
  /** Asks the user before an edited add-in sheet is replaced (see WriteOptions.confirmReplace). */
  confirmReplace(sheet: string): Promise<ReplaceChoice>;
  /** The question the confirmation dialog is showing, if any. */
  pendingConfirm: { sheet: string; answer(choice: ReplaceChoice): void } | null;
}

export const SessionContext = React.createContext<Session | null>(null);

export function useSession(): Session {
  const s = React.useContext(SessionContext);
  if (!s) throw new Error("useSession() needs a <SessionProvider> above it");
  return s;
}

/** The strings of the pane's language. */
export function useStrings(): Strings {
  return useSession().strings;
}

/** State to start from (a pane reopened on a workbook it already knows, and tests). */
export interface InitialSession {
  workbook?: WorkbookState;
  plan?: Plan;
  check?: DataCheck;
  run?: Run;
  explainRow?: number;
  closing?: ClosingState;
}

export interface SessionProviderProps {
  language: Language;
  initialView?: ViewId;
  initial?: InitialSession;
  children: React.ReactNode;
}

export function SessionProvider({
  language: initialLanguage,
  initialView = "start",
  initial = {},
  children,
}: SessionProviderProps): React.JSX.Element {
  const host = useHost();
  const [language, setLanguage] = React.useState<Language>(initialLanguage);
  const [view, setView] = React.useState<ViewId>(initialView);
  const [workbook, setWorkbook] = React.useState<WorkbookState | null>(initial.workbook ?? null);
  const [plan, setPlanState] = React.useState<{ plan: Plan | null; issues: Issue[] }>({
    plan: initial.plan ?? null,
    issues: [],
  });
  const [check, setCheck] = React.useState<DataCheck | null>(initial.check ?? null);
  const [run, setRun] = React.useState<Run | null>(initial.run ?? null);
  const [explainRow, setExplainRow] = React.useState<number | null>(initial.explainRow ?? null);
  const [closing, setClosing] = React.useState<ClosingState | null>(initial.closing ?? null);
  const [pendingConfirm, setPendingConfirm] = React.useState<Session["pendingConfirm"]>(null);

  const refreshWorkbook = React.useCallback(async () => {
    const state = await host.inspect();
    setWorkbook(state);
    return state;
  }, [host]);

  const loadPlan = React.useCallback(async () => {
    const reading = await host.readPlan();
    setPlanState({ plan: reading.plan, issues: reading.issues });
    return reading;
  }, [host]);

  const loadClosingState = React.useCallback(async () => {
    const p = (await host.readPlan()).plan;
    const state = await loadClosing(host, p);
    setClosing(state);
    return state;
  }, [host]);

  const setPlan = React.useCallback(
    (p: Plan, issues: Issue[]) => setPlanState({ plan: p, issues }),
    []
  );

  const showExplanation = React.useCallback((row: number | null) => {
    setExplainRow(row);
    if (row !== null) setView("explain");
  }, []);

  const confirmReplace = React.useCallback(
    (sheet: string) =>
      new Promise<ReplaceChoice>((resolve) => {
        setPendingConfirm({
          sheet,
          answer: (choice) => {
            setPendingConfirm(null);
            resolve(choice);
          },
        });
      }),
    []
  );

  const value = React.useMemo<Session>(
    () => ({
      language,
      setLanguage,
      strings: STRINGS[language],
      format: formatter(language),
      view,
      navigate: setView,
      workbook,
      refreshWorkbook,
      plan: plan.plan,
      planIssues: plan.issues,
      loadPlan,
      setPlan,
      check,
      setCheck,
      run,
      setRun,
      closing,
      loadClosing: loadClosingState,
      explainRow,
      showExplanation,
      confirmReplace,
      pendingConfirm,
    }),
    [
      language,
      view,
      workbook,
      refreshWorkbook,
      plan,
      loadPlan,
      setPlan,
      check,
      run,
      closing,
      loadClosingState,
      explainRow,
      showExplanation,
      confirmReplace,
      pendingConfirm,
    ]
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/**
 * One user action that talks to the workbook: a busy flag while it runs and the error it ended
 * with, so every view shows progress and failures the same way (and a retry is one click).
 */
import * as React from "react";

export interface Action {
  busy: boolean;
  error: string | null;
  /** Runs `work`; resolves to its result, or undefined when it failed (the error is kept). */
  run<T>(work: () => Promise<T>): Promise<T | undefined>;
  clearError(): void;
}

export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  return String(e);
}

export function useAction(): Action {
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const mounted = React.useRef(true);
  React.useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = React.useCallback(async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await work();
    } catch (e) {
      if (mounted.current) setError(errorText(e));
      return undefined;
    } finally {
      if (mounted.current) setBusy(false);
    }
  }, []);
  const clearError = React.useCallback(() => setError(null), []);
  return { busy, error, run, clearError };
}

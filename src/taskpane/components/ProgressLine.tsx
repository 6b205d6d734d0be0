import * as React from "react";
import { Button, Field, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import type { Progress } from "../../app/host";
import { useStrings } from "../session";

export interface ProgressState extends Progress {
  active: boolean;
  /** What is being done before the write (reading, checking, scoring), said instead of the sheet. */
  step?: string;
  /** Cancel was pressed: the work stops at its next step. */
  cancelling?: boolean;
}

export interface ProgressHandle {
  value: ProgressState;
  /** Starts a piece of work; its signal aborts when the user presses Cancel. */
  start(): AbortSignal;
  update(p: Progress): void;
  /** Says which step the work is at (its progress unknown until it reports some). */
  step(text: string): void;
  stop(): void;
  /** Cancels the work started last. */
  cancel(): void;
}

/** Progress of a long piece of work, fed by the host's and the worker's onProgress, with its Cancel. */
export function useProgress(): ProgressHandle {
  const [value, setValue] = React.useState<ProgressState>({ active: false, done: 0, total: 0 });
  const controller = React.useRef<AbortController | null>(null);
  const start = React.useCallback(() => {
    controller.current = new AbortController();
    setValue({ active: true, done: 0, total: 0 });
    return controller.current.signal;
  }, []);
  const update = React.useCallback(
    (p: Progress) => setValue((v) => ({ ...v, active: true, ...p, step: undefined })),
    []
  );
  const step = React.useCallback(
    (text: string) => setValue((v) => ({ ...v, active: true, done: 0, total: 0, step: text })),
    []
  );
  const stop = React.useCallback(() => setValue((v) => ({ ...v, active: false })), []);
  const cancel = React.useCallback(() => {
    controller.current?.abort();
    setValue((v) => ({ ...v, cancelling: true }));
  }, []);
  return React.useMemo(
    () => ({ value, start, update, step, stop, cancel }),
    [value, start, update, step, stop, cancel]
  );
}

const useStyles = makeStyles({
  line: { display: "flex", alignItems: "end", gap: tokens.spacingHorizontalS },
  bar: { flexGrow: 1 },
});

export interface ProgressLineProps {
  progress: ProgressState;
  label: string;
  /** Shows a Cancel button while the work runs. */
  onCancel?: () => void;
}

/** A labelled progress bar (determinate once the work reports a total), with Cancel. */
export function ProgressLine({
  progress,
  label,
  onCancel,
}: ProgressLineProps): React.JSX.Element | null {
  const t = useStrings();
  const styles = useStyles();
  if (!progress.active) return null;
  const fraction = progress.total > 0 ? Math.min(1, progress.done / progress.total) : undefined;
  const hint = progress.cancelling
    ? t.generate.cancelling
    : (progress.step ?? (progress.stage ? t.generate.progressStage(progress.stage) : undefined));
  return (
    <div className={styles.line}>
      <Field className={styles.bar} label={label} hint={hint} validationState="none">
        <ProgressBar value={fraction} max={1} thickness="large" aria-label={label} />
      </Field>
      {onCancel && (
        <Button
          size="small"
          aria-label={t.generate.cancelWork(label)}
          disabled={progress.cancelling}
          onClick={onCancel}
        >
          {t.generate.cancel}
        </Button>
      )}
    </div>
  );
}

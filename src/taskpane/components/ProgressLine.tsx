import * as React from "react";
import { Field, ProgressBar } from "@fluentui/react-components";
import type { Progress } from "../../app/host";
import { useStrings } from "../session";

export interface ProgressState extends Progress {
  active: boolean;
}

export interface ProgressHandle {
  value: ProgressState;
  start(): void;
  update(p: Progress): void;
  stop(): void;
}

/** Progress of a long write, fed by the host's onProgress. */
export function useProgress(): ProgressHandle {
  const [value, setValue] = React.useState<ProgressState>({ active: false, done: 0, total: 0 });
  const start = React.useCallback(() => setValue({ active: true, done: 0, total: 0 }), []);
  const update = React.useCallback((p: Progress) => setValue({ active: true, ...p }), []);
  const stop = React.useCallback(() => setValue((v) => ({ ...v, active: false })), []);
  return React.useMemo(() => ({ value, start, update, stop }), [value, start, update, stop]);
}

export interface ProgressLineProps {
  progress: ProgressState;
  label: string;
}

/** A labelled progress bar (determinate once the host reports a total). */
export function ProgressLine({ progress, label }: ProgressLineProps): React.JSX.Element | null {
  const t = useStrings();
  if (!progress.active) return null;
  const fraction = progress.total > 0 ? Math.min(1, progress.done / progress.total) : undefined;
  const hint = progress.stage ? t.generate.progressStage(progress.stage) : undefined;
  return (
    <Field label={label} hint={hint} validationState="none">
      <ProgressBar value={fraction} max={1} thickness="large" aria-label={label} />
    </Field>
  );
}

import * as React from "react";
import {
  Field,
  Input,
  makeStyles,
  mergeClasses,
  type FieldProps,
} from "@fluentui/react-components";
import { fromPercentInput, readInputNumber, toPercentInput } from "../format";
import { useStrings } from "../session";

export interface NumberFieldProps {
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  /** Shows and reads the value as a percentage (0.4 ↔ "40" with a % after it). */
  percent?: boolean;
  /** A blank input means null (e.g. "no cap"). */
  allowBlank?: boolean;
  /** A problem from plan validation, shown under the input. */
  validation?: { state: "error" | "warning"; message: string };
  hint?: string;
  /** Hide the visible label (tables label their cells by header); the input keeps its accessible name. */
  hideLabel?: boolean;
  /**
   * Show the validation message elsewhere (a narrow column): the input only turns red and the
   * caller places `validation.message` where it has room.
   */
  messageElsewhere?: boolean;
  className?: string;
}

const useStyles = makeStyles({
  // in grids and narrow columns, fields and inputs take the column's width, never their content's
  field: { minWidth: 0 },
  input: { width: "100%", minWidth: 0 },
});

function show(value: number | null, percent: boolean): string {
  if (value === null || !Number.isFinite(value)) return "";
  return percent ? toPercentInput(value) : String(Number(value.toPrecision(12)));
}

function read(text: string, percent: boolean): number | null {
  return percent ? fromPercentInput(text) : readInputNumber(text);
}

/**
 * A number input that keeps what the user types while it is not yet a number ("12." or ""), and
 * reports a number (or null for blank, when allowed) as soon as it is one.
 */
export function NumberField({
  label,
  value,
  onChange,
  percent = false,
  allowBlank = false,
  validation,
  hint,
  hideLabel = false,
  messageElsewhere = false,
  className,
}: NumberFieldProps): React.JSX.Element {
  const styles = useStyles();
  const t = useStrings();
  const [text, setText] = React.useState(() => show(value, percent));
  // a value changed from outside (reload, another input) replaces the text; the user's own typing stays
  const [seen, setSeen] = React.useState(value);
  if (value !== seen) {
    setSeen(value);
    const typed = read(text, percent);
    const same =
      typed === value || (typed !== null && value !== null && Math.abs(typed - value) < 1e-12);
    if (!same && !(text.trim() === "" && value === null)) setText(show(value, percent));
  }
  const parsed = read(text, percent);
  const invalid = text.trim() !== "" ? parsed === null : !allowBlank;
  const state: FieldProps["validationState"] = invalid ? "error" : validation?.state;
  const message = invalid ? t.plan.notANumber : messageElsewhere ? undefined : validation?.message;
  return (
    <Field
      className={mergeClasses(styles.field, className)}
      label={hideLabel ? undefined : label}
      validationState={state}
      validationMessage={message}
      hint={hint}
      size="small"
    >
      <Input
        className={styles.input}
        size="small"
        value={text}
        inputMode="decimal"
        aria-label={hideLabel ? label : undefined}
        contentAfter={percent ? "%" : undefined}
        onChange={(_, data) => {
          setText(data.value);
          const v = read(data.value, percent);
          if (v !== null) onChange(v);
          else if (allowBlank && data.value.trim() === "") onChange(null);
        }}
      />
    </Field>
  );
}

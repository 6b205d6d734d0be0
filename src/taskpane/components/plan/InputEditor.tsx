import * as React from "react";
import { Checkbox, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { FieldDef, InputSpec } from "../../../engine";
import { useSession } from "../../session";
import { NumberField } from "../NumberField";
import { validationAt, type SectionProps } from "./planEditing";

export interface InputEditorProps extends SectionProps {
  index: number;
}

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(120px, 1fr))",
    "& > *": { minWidth: 0 },
    "& .fui-Select, & select": { minWidth: 0 },
    gap: tokens.spacingHorizontalS,
  },
  fields: { display: "flex", flexDirection: "column" },
});

type Kind = InputSpec["kind"];
const KINDS: Kind[] = ["field", "ratio", "growth", "sum", "feedback", "customer360"];

/** The input a kind starts with, from the plan's measure fields. */
export function defaultInput(kind: Kind, measures: readonly FieldDef[]): InputSpec {
  const a = measures[0]?.key ?? "";
  const b = measures[1]?.key ?? a;
  switch (kind) {
    case "field":
      return { kind, field: a };
    case "ratio":
      return { kind, numerator: a, denominator: b };
    case "growth":
      return { kind, current: a, prior: b };
    case "sum":
      return { kind, fields: [a] };
    case "feedback":
      return { kind };
    case "customer360":
      return { kind, survey: null, share: 1 };
  }
}

/** An indicator's input: a field, a ratio or growth of two, a sum, 360 feedback or the customers' 360 ratings. */
export function InputEditor({
  index,
  plan,
  edit,
  issues,
  language,
}: InputEditorProps): React.JSX.Element {
  const styles = useStyles();
  const { strings: t, format } = useSession();
  const w = t.indicators;
  const ind = plan.indicators[index];
  const input = ind.input;
  const measures = plan.fields.filter((f) => f.role === "measure");
  const path = `indicators.${ind.key || index}`;
  const inputIssue = validationAt(issues, `${path}.input`, language);
  const set = (next: InputSpec) =>
    edit((p) => {
      const target = p.indicators[index];
      target.input = next;
      // 360 feedback scores only by the feedback method, and the feedback method only 360 feedback
      if (next.kind === "feedback") target.scoring = { method: "feedback", cap: 1 };
      else if (target.scoring.method === "feedback") target.scoring = { method: "direct", cap: 1 };
    });
  const fieldSelect = (label: string, value: string, change: (key: string) => void) => (
    <Field label={label} size="small" key={label}>
      <Select size="small" value={value} onChange={(_, d) => change(d.value)}>
        {measures.map((f) => (
          <option key={f.key} value={f.key}>
            {format.text(f.name)}
          </option>
        ))}
      </Select>
    </Field>
  );
  return (
    <div
      className={styles.grid}
      role="group"
      aria-label={w.inputGroup(format.text(ind.name) || ind.key)}
    >
      <Field
        label={w.input}
        size="small"
        validationState={inputIssue?.state}
        validationMessage={inputIssue?.message}
      >
        <Select
          size="small"
          value={input.kind}
          onChange={(_, d) => set(defaultInput(d.value as Kind, measures))}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {w.inputKinds[k]}
            </option>
          ))}
        </Select>
      </Field>
      {input.kind === "field" &&
        fieldSelect(w.field, input.field, (field) => set({ ...input, field }))}
      {input.kind === "ratio" && (
        <>
          {fieldSelect(w.numerator, input.numerator, (numerator) => set({ ...input, numerator }))}
          {fieldSelect(w.denominator, input.denominator, (denominator) =>
            set({ ...input, denominator })
          )}
        </>
      )}
      {input.kind === "growth" && (
        <>
          {fieldSelect(w.current, input.current, (current) => set({ ...input, current }))}
          {fieldSelect(w.prior, input.prior, (prior) => set({ ...input, prior }))}
        </>
      )}
      {input.kind === "sum" && (
        <div className={styles.fields} role="group" aria-label={w.sumFields}>
          {measures.map((f) => (
            <Checkbox
              key={f.key}
              label={format.text(f.name)}
              checked={input.fields.includes(f.key)}
              onChange={(_, d) =>
                set({
                  ...input,
                  fields: d.checked
                    ? measures
                        .map((m) => m.key)
                        .filter((k) => k === f.key || input.fields.includes(k))
                    : input.fields.filter((k) => k !== f.key),
                })
              }
            />
          ))}
        </div>
      )}
      {input.kind === "customer360" && (
        <>
          <Field label={w.survey} size="small">
            <Select
              size="small"
              value={input.survey ?? ""}
              onChange={(_, d) =>
                set({
                  ...input,
                  survey: d.value === "" ? null : d.value,
                  share: d.value === "" ? 1 : input.share === 1 ? 0.5 : input.share,
                })
              }
            >
              <option value="">{w.surveyNone}</option>
              {measures.map((f) => (
                <option key={f.key} value={f.key}>
                  {format.text(f.name)}
                </option>
              ))}
            </Select>
          </Field>
          <NumberField
            label={w.share}
            percent
            value={input.share}
            onChange={(v) => set({ ...input, share: v ?? 0 })}
          />
        </>
      )}
    </div>
  );
}

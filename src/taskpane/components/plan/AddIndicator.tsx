import * as React from "react";
import {
  Button,
  Caption1,
  Field,
  Input,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import { validatePlan, type Indicator, type Plan, type Unit } from "../../../engine";
import { useSession } from "../../session";
import { IssueList } from "../IssueList";
import { NumberField } from "../NumberField";
import { InputEditor } from "./InputEditor";
import {
  addIndicator,
  dimensionTotal,
  issuesUnder,
  newIndicator,
  type SectionProps,
} from "./planEditing";
import { ScoringEditor } from "./ScoringEditor";
import { WeightTotal } from "./WeightTotal";

export interface AddIndicatorProps extends SectionProps {
  /** The dimension's index in the plan. */
  dimension: number;
  /** Told the new indicator's name once it is in the plan. */
  onAdded: (name: string) => void;
}

const useStyles = makeStyles({
  form: {
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(120px, 1fr))",
    "& > *": { minWidth: 0 },
    "& .fui-Select, & select, & .fui-Input": { minWidth: 0 },
    gap: tokens.spacingHorizontalS,
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

const UNITS: Unit[] = ["currency", "ratio", "count", "score", "days", "hours", "points"];

/** The plan with the candidate last (where the editors and validation look for it). */
function withCandidate(plan: Plan, candidate: Indicator): Plan {
  return { ...plan, indicators: [...plan.indicators, structuredClone(candidate)] };
}

/**
 * Adds an indicator to a dimension: key, names in both languages, unit, weight, input from the
 * plan's fields, scoring method and parameters, direction, target field and default, missing
 * policy. The candidate is validated as part of the plan; it goes in once it has no error of
 * its own (the dimension's weight sum is re-checked after, like any edit).
 */
export function AddIndicator({
  dimension,
  onAdded,
  ...props
}: AddIndicatorProps): React.JSX.Element {
  const styles = useStyles();
  const { strings: t, format } = useSession();
  const w = t.indicators;
  const { plan, edit, language } = props;
  const d = plan.dimensions[dimension];
  const dimensionName = format.text(d.name);
  const [candidate, setCandidate] = React.useState<Indicator | null>(null);
  if (!candidate)
    return (
      <div>
        <Button
          size="small"
          appearance="subtle"
          icon={<AddRegular />}
          aria-label={w.addTo(dimensionName)}
          onClick={() => setCandidate(newIndicator(plan, d.key))}
        >
          {w.add}
        </Button>
      </div>
    );
  const preview = withCandidate(plan, candidate);
  const index = plan.indicators.length;
  const issues = validatePlan(preview);
  const own = issuesUnder(issues, `indicators.${candidate.key || index}`).filter(
    (i) => i.severity === "error"
  );
  const change = (f: (draft: Plan) => void) => {
    const draft = withCandidate(plan, candidate);
    f(draft);
    setCandidate(draft.indicators[index]);
  };
  const set = (f: (c: Indicator) => void) => change((p) => f(p.indicators[index]));
  const name = format.text(candidate.name) || candidate.key;
  const unnamed = !candidate.name.zh.trim() || !candidate.name.en.trim();
  const targetFields = plan.fields.filter((f) => f.role === "target");
  return (
    <section className={styles.form} aria-label={w.form(dimensionName)}>
      <Text weight="semibold">{w.form(dimensionName)}</Text>
      <div className={styles.grid}>
        <Field label={w.key} size="small">
          <Input
            size="small"
            value={candidate.key}
            onChange={(_, v) => set((c) => void (c.key = v.value.trim()))}
          />
        </Field>
        <Field label={w.nameZh} size="small">
          <Input
            size="small"
            value={candidate.name.zh}
            onChange={(_, v) => set((c) => void (c.name.zh = v.value))}
          />
        </Field>
        <Field label={w.nameEn} size="small">
          <Input
            size="small"
            value={candidate.name.en}
            onChange={(_, v) => set((c) => void (c.name.en = v.value))}
          />
        </Field>
        <Field label={w.unit} size="small">
          <Select
            size="small"
            value={candidate.unit}
            onChange={(_, v) => set((c) => void (c.unit = v.value as Unit))}
          >
            {UNITS.map((u) => (
              <option key={u} value={u}>
                {w.units[u]}
              </option>
            ))}
          </Select>
        </Field>
        <NumberField
          label={w.weight}
          percent
          value={candidate.weight}
          onChange={(v) => set((c) => void (c.weight = v ?? 0))}
        />
        <Field label={w.targetField} size="small">
          <Select
            size="small"
            value={candidate.target.field ?? ""}
            onChange={(_, v) => set((c) => void (c.target.field = v.value === "" ? null : v.value))}
          >
            <option value="">{w.targetNone}</option>
            {targetFields.map((f) => (
              <option key={f.key} value={f.key}>
                {format.text(f.name)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <InputEditor plan={preview} edit={change} issues={issues} language={language} index={index} />
      <ScoringEditor
        plan={preview}
        edit={change}
        issues={issues}
        language={language}
        index={index}
      />
      <WeightTotal sum={dimensionTotal(preview, d.key)} label={w.totalWith} />
      {unnamed && <Caption1>{w.namesNeeded}</Caption1>}
      {own.length > 0 && (
        <>
          <Caption1>{w.fixFirst}</Caption1>
          <IssueList issues={own} language={language} label={w.fixFirst} />
        </>
      )}
      <div className={styles.actions}>
        <Button
          size="small"
          appearance="primary"
          disabled={own.length > 0 || unnamed}
          onClick={() => {
            edit((p) => addIndicator(p, candidate));
            setCandidate(null);
            onAdded(name);
          }}
        >
          {w.confirmAdd}
        </Button>
        <Button size="small" onClick={() => setCandidate(null)}>
          {w.cancel}
        </Button>
      </div>
    </section>
  );
}

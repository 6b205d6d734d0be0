import * as React from "react";
import { Body1Strong, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useSession } from "../../session";
import { NumberField } from "../NumberField";
import { AddIndicator } from "./AddIndicator";
import { IndicatorRow } from "./IndicatorRow";
import { total, validationAt, type SectionProps } from "./planEditing";
import { WeightTotal } from "./WeightTotal";

export interface DimensionEditorProps extends SectionProps {
  index: number;
}

const useStyles = makeStyles({
  box: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  head: {
    display: "grid",
    gridTemplateColumns: "1fr 96px",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "end",
  },
  name: { display: "flex", flexDirection: "column", minWidth: 0 },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
});

/** One dimension: its weight against the plan's range, and its indicators with their live sum. */
export function DimensionEditor({ index, ...props }: DimensionEditorProps): React.JSX.Element {
  const styles = useStyles();
  const { strings: t, format } = useSession();
  const { plan, edit, issues, language } = props;
  const d = plan.dimensions[index];
  const name = format.text(d.name);
  const indicators = plan.indicators
    .map((ind, i) => ({ ind, i }))
    .filter((x) => x.ind.dimension === d.key);
  const headingId = `dimension-${d.key}`;
  const weightIssue = validationAt(issues, `dimensions.${d.key}.weight`, language);
  // what the last add or remove did, and what to do next
  const [done, setDone] = React.useState<string | null>(null);
  // a dimension's own errors (no indicators, weights not adding up) re-checked after each change
  const sumIssue = validationAt(issues, `dimensions.${d.key}.indicators`, language);
  return (
    <section className={styles.box} aria-labelledby={headingId}>
      <div className={styles.head}>
        <div className={styles.name}>
          <Body1Strong as="h4" id={headingId} style={{ margin: 0 }}>
            {name}
          </Body1Strong>
          <Caption1>
            {t.plan.seedRange(format.percent(d.range.min, 0), format.percent(d.range.max, 0))}
          </Caption1>
        </div>
        <NumberField
          label={t.plan.dimensionWeight(name)}
          hideLabel
          percent
          value={d.weight}
          validation={weightIssue}
          messageElsewhere
          onChange={(w) => edit((p) => void (p.dimensions[index].weight = w ?? 0))}
        />
      </div>
      {weightIssue && (
        <Caption1 className={weightIssue.state === "error" ? styles.error : styles.warning}>
          {weightIssue.message}
        </Caption1>
      )}
      <WeightTotal
        sum={total(indicators.map((x) => x.ind.weight))}
        label={t.plan.indicatorsTotal}
      />
      {sumIssue && <Caption1 className={styles.error}>{sumIssue.message}</Caption1>}
      <ul className={styles.list}>
        {indicators.map(({ i }) => (
          <li key={plan.indicators[i].key}>
            <IndicatorRow
              {...props}
              index={i}
              onRemoved={(n) => setDone(t.indicators.removed(n))}
            />
          </li>
        ))}
      </ul>
      <AddIndicator {...props} dimension={index} onAdded={(n) => setDone(t.indicators.added(n))} />
      <div role="status">{done && <Caption1>{done}</Caption1>}</div>
    </section>
  );
}

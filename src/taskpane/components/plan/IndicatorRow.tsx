import * as React from "react";
import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ChevronDownRegular, ChevronRightRegular, DeleteRegular } from "@fluentui/react-icons";
import { useSession } from "../../session";
import { NumberField } from "../NumberField";
import {
  canRemoveIndicator,
  issuesUnder,
  removeIndicator,
  validationAt,
  type SectionProps,
} from "./planEditing";
import { InputEditor } from "./InputEditor";
import { RemoveIndicatorDialog } from "./RemoveIndicatorDialog";
import { ScoringEditor } from "./ScoringEditor";

export interface IndicatorRowProps extends SectionProps {
  index: number;
  /** Told the indicator's name once it has been removed. */
  onRemoved?: (name: string) => void;
}

const useStyles = makeStyles({
  row: {
    display: "grid",
    gridTemplateColumns: "auto 1fr 96px auto",
    columnGap: tokens.spacingHorizontalXS,
    alignItems: "center",
  },
  name: { display: "flex", flexDirection: "column", minWidth: 0 },
  summary: { color: tokens.colorNeutralForeground3 },
  problem: { color: tokens.colorPaletteRedForeground1 },
  detail: { marginLeft: tokens.spacingHorizontalXXL, marginTop: tokens.spacingVerticalXS },
});

/** An indicator: its weight in the dimension, and its scoring method behind a disclosure button. */
export function IndicatorRow({ index, onRemoved, ...props }: IndicatorRowProps): React.JSX.Element {
  const styles = useStyles();
  const { strings: t, format } = useSession();
  const { plan, edit, issues, language } = props;
  const ind = plan.indicators[index];
  const name = format.text(ind.name);
  const [open, setOpen] = React.useState(false);
  const [removing, setRemoving] = React.useState(false);
  const removable = canRemoveIndicator(plan, index);
  const dimension = plan.dimensions.find((d) => d.key === ind.dimension);
  const removeTitle = removable
    ? t.indicators.remove(name)
    : t.indicators.removeLast(dimension ? format.text(dimension.name) : ind.dimension);
  const detailId = `indicator-${ind.key}-scoring`;
  const weightIssue = validationAt(issues, `indicators.${ind.key}.weight`, language);
  const scoringProblems = issuesUnder(issues, `indicators.${ind.key}`).filter(
    (i) => i.severity === "error" && i.path !== `indicators.${ind.key}.weight`
  );
  return (
    <div>
      <div className={styles.row}>
        <Button
          size="small"
          appearance="subtle"
          icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
          aria-expanded={open}
          aria-controls={detailId}
          aria-label={t.plan.editIndicator(name)}
          title={t.plan.editIndicator(name)}
          onClick={() => setOpen((o) => !o)}
        />
        <div className={styles.name}>
          <Text size={200}>{name}</Text>
          <Caption1 className={scoringProblems.length ? styles.problem : styles.summary}>
            {t.plan.methods[ind.scoring.method]}
          </Caption1>
        </div>
        <NumberField
          label={t.plan.indicatorWeight(name)}
          hideLabel
          percent
          value={ind.weight}
          validation={weightIssue}
          messageElsewhere
          onChange={(w) => edit((p) => void (p.indicators[index].weight = w ?? 0))}
        />
        <Button
          size="small"
          appearance="subtle"
          icon={<DeleteRegular />}
          aria-label={t.indicators.remove(name)}
          aria-description={removable ? undefined : removeTitle}
          title={removeTitle}
          disabled={!removable}
          onClick={() => setRemoving(true)}
        />
      </div>
      <RemoveIndicatorDialog
        plan={plan}
        index={index}
        open={removing}
        onCancel={() => setRemoving(false)}
        onRemove={() => {
          setRemoving(false);
          edit((p) => removeIndicator(p, index));
          onRemoved?.(name);
        }}
      />
      {weightIssue && <Caption1 className={styles.problem}>{weightIssue.message}</Caption1>}
      {open && (
        <div id={detailId} className={styles.detail}>
          <InputEditor plan={plan} edit={edit} issues={issues} language={language} index={index} />
          <ScoringEditor
            plan={plan}
            edit={edit}
            issues={issues}
            language={language}
            index={index}
          />
        </div>
      )}
    </div>
  );
}

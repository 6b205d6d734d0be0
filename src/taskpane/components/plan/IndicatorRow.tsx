import * as React from "react";
import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ChevronDownRegular, ChevronRightRegular } from "@fluentui/react-icons";
import { useSession } from "../../session";
import { NumberField } from "../NumberField";
import { issuesUnder, validationAt, type SectionProps } from "./planEditing";
import { ScoringEditor } from "./ScoringEditor";

export interface IndicatorRowProps extends SectionProps {
  index: number;
}

const useStyles = makeStyles({
  row: {
    display: "grid",
    gridTemplateColumns: "auto 1fr 96px",
    columnGap: tokens.spacingHorizontalXS,
    alignItems: "center",
  },
  name: { display: "flex", flexDirection: "column", minWidth: 0 },
  summary: { color: tokens.colorNeutralForeground3 },
  problem: { color: tokens.colorPaletteRedForeground1 },
  detail: { marginLeft: tokens.spacingHorizontalXXL, marginTop: tokens.spacingVerticalXS },
});

/** An indicator: its weight in the dimension, and its scoring method behind a disclosure button. */
export function IndicatorRow({ index, ...props }: IndicatorRowProps): React.JSX.Element {
  const styles = useStyles();
  const { strings: t, format } = useSession();
  const { plan, edit, issues, language } = props;
  const ind = plan.indicators[index];
  const name = format.text(ind.name);
  const [open, setOpen] = React.useState(false);
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
      </div>
      {weightIssue && <Caption1 className={styles.problem}>{weightIssue.message}</Caption1>}
      {open && (
        <div id={detailId} className={styles.detail}>
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

import * as React from "react";
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ScorecardTrace } from "../../../engine";
import { useSession } from "../../session";

export interface RuleSummaryProps {
  trace: ScorecardTrace;
}

const useStyles = makeStyles({
  list: {
    margin: 0,
    display: "grid",
    gridTemplateColumns: "1fr",
    rowGap: tokens.spacingVerticalXS,
  },
  term: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200 },
  def: { margin: 0 },
});

/** Which rule gave the grade (band or 强制分布 rank) and the coefficient (by grade or matrix). */
export function RuleSummary({ trace }: RuleSummaryProps): React.JSX.Element {
  const styles = useStyles();
  const { strings: t, format } = useSession();
  const g = trace.grade;
  const c = trace.coefficient;
  const gradeName = g.name ? format.text(g.name) : "";
  let gradeText: string;
  if (g.rule === "band" && g.label !== null)
    gradeText = t.explain.band(
      format.score(trace.total),
      format.number(g.bandMin, 2),
      g.label,
      gradeName
    );
  else if (g.rule === "forced" && g.label !== null) {
    const grades = trace.grade.cutoffs.map((cut, i) => `${i + 1}:${cut}`);
    gradeText = `${t.explain.forced(g.rank, g.groupSize, g.group || t.explain.company, g.label)} ${t.explain.cutoffs(grades.join(", "))}`;
  } else gradeText = t.explain.noGrade;
  let coefficientText: string;
  if (c.value === null) coefficientText = "—";
  else if (c.rule === "matrix")
    coefficientText = t.explain.byMatrix(
      format.percent(c.attainment, 1),
      format.percent(c.rowThreshold, 0),
      format.percent(c.collection, 1),
      format.percent(c.columnThreshold, 0),
      format.number(c.value, 2)
    );
  else coefficientText = t.explain.byGrade(c.grade ?? "—", format.number(c.value, 2));
  return (
    <dl className={styles.list}>
      <dt className={styles.term}>{t.explain.gradeRule}</dt>
      <dd className={styles.def}>
        <Text size={200}>{gradeText}</Text>
      </dd>
      <dt className={styles.term}>{t.explain.coefficientRule}</dt>
      <dd className={styles.def}>
        <Text size={200}>{coefficientText}</Text>
      </dd>
    </dl>
  );
}

import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { useSession } from "../../session";
import { DimensionEditor } from "./DimensionEditor";
import { total, type SectionProps } from "./planEditing";
import { WeightTotal } from "./WeightTotal";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
});

/** The four dimensions (销售业绩, 客户价值与满意度 …) with their weights and indicators. */
export function DimensionsSection(props: SectionProps): React.JSX.Element {
  const styles = useStyles();
  const { strings: t } = useSession();
  const { plan } = props;
  return (
    <>
      <WeightTotal
        sum={total(plan.dimensions.map((d) => d.weight))}
        label={t.plan.dimensionsTotal}
      />
      <ul className={styles.list}>
        {plan.dimensions.map((d, i) => (
          <li key={d.key}>
            <DimensionEditor {...props} index={i} />
          </li>
        ))}
      </ul>
    </>
  );
}

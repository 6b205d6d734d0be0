import * as React from "react";
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { CheckmarkCircleRegular, ErrorCircleRegular } from "@fluentui/react-icons";
import { useSession } from "../../session";

export interface WeightTotalProps {
  /** Sum of fractions. */
  sum: number;
  /** Text with the formatted sum, e.g. "Dimensions total 100%". */
  label: (sum: string) => string;
}

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

/** A live weight sum that says whether it adds up to 100%. */
export function WeightTotal({ sum, label }: WeightTotalProps): React.JSX.Element {
  const styles = useStyles();
  const { strings: t, format } = useSession();
  const ok = Math.abs(sum - 1) < 1e-6;
  const Icon = ok ? CheckmarkCircleRegular : ErrorCircleRegular;
  return (
    <div className={styles.row} role="status" aria-live="polite">
      <Icon className={ok ? styles.ok : styles.bad} aria-hidden="true" />
      <Text size={200} weight="semibold" className={ok ? undefined : styles.bad}>
        {`${label(format.percent(sum, Number.isInteger(Math.round(sum * 1e6) / 1e4) ? 0 : 2))} · ${ok ? t.plan.totalOk : t.plan.totalBad}`}
      </Text>
    </div>
  );
}

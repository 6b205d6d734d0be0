import * as React from "react";
import {
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { DimensionTrace, IndicatorTrace, Scoring } from "../../../engine";
import { useSession } from "../../session";
import type { Strings } from "../../strings";
import type { Formatter } from "../../format";
import { formatValue } from "./units";

export interface IndicatorTableProps {
  indicators: readonly IndicatorTrace[];
  dimensions: readonly DimensionTrace[];
}

const useStyles = makeStyles({
  narrow: { width: "48px" },
  num: {
    textAlign: "right",
    fontVariantNumeric: "tabular-nums",
    whiteSpace: "nowrap",
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
  dim: { backgroundColor: tokens.colorNeutralBackground3 },
  name: {
    display: "flex",
    flexDirection: "column",
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
  },
  detail: { color: tokens.colorNeutralForeground3 },
  warn: { color: tokens.colorPaletteRedForeground1 },
});

function rule(t: Strings, f: Formatter, s: Scoring): string {
  switch (s.method) {
    case "linear":
      return t.explain.rule.linear(f.percent(s.floor, 0), f.percent(s.cap, 0));
    case "curve":
      return t.explain.rule.curve;
    case "direct":
      return t.explain.rule.direct;
    case "deduction":
      return t.explain.rule.deduction(f.number(s.fullScore, 0));
    case "feedback":
      return t.explain.rule.feedback;
  }
}

/** Each indicator's input, target, attainment, score, weight in the total and points, by dimension. */
export function IndicatorTable({ indicators, dimensions }: IndicatorTableProps): React.JSX.Element {
  const styles = useStyles();
  const { strings: t, format } = useSession();
  return (
    <Table size="extra-small" aria-label={t.explain.indicators}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t.explain.indicator}</TableHeaderCell>
          <TableHeaderCell className={mergeClasses(styles.num, styles.narrow)}>
            {t.explain.score}
          </TableHeaderCell>
          <TableHeaderCell className={mergeClasses(styles.num, styles.narrow)}>
            {t.explain.weight}
          </TableHeaderCell>
          <TableHeaderCell className={mergeClasses(styles.num, styles.narrow)}>
            {t.explain.contribution}
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {dimensions.map((d) => (
          <React.Fragment key={d.key}>
            <TableRow className={styles.dim}>
              <TableCell>
                <Text weight="semibold" size={200}>
                  {format.text(d.name)}
                </Text>
              </TableCell>
              <TableCell className={styles.num}>{format.score(d.score)}</TableCell>
              <TableCell className={styles.num}>{format.percent(d.effectiveWeight, 0)}</TableCell>
              <TableCell className={styles.num}>{format.score(d.contribution)}</TableCell>
            </TableRow>
            {indicators
              .filter((i) => i.dimension === d.key)
              .map((i) => {
                const target =
                  i.target === null
                    ? t.explain.targetSource.none
                    : `${formatValue(format, i.unit, i.target)} (${t.explain.targetSource[i.targetSource]}${i.targetSource === "default" && i.targetMonths > 1 ? ` ${t.explain.perMonths(i.targetMonths)}` : ""})`;
                const detail =
                  i.scoring.method === "direct" ||
                  i.scoring.method === "deduction" ||
                  i.scoring.method === "feedback"
                    ? `${formatValue(format, i.unit, i.actual)} · ${rule(t, format, i.scoring)}`
                    : `${t.explain.detail(formatValue(format, i.unit, i.actual), target, format.percent(i.attainment, 1))} · ${rule(t, format, i.scoring)}`;
                const outcome = t.explain.outcome[i.outcome];
                return (
                  <TableRow key={i.key}>
                    <TableCell>
                      <div className={styles.name}>
                        <Text size={200}>{format.text(i.name)}</Text>
                        <Caption1 className={styles.detail}>{detail}</Caption1>
                        {i.customers && (
                          <Caption1 className={styles.detail}>
                            {i.customers.mean === null
                              ? t.indicators.customersNone
                              : t.indicators.customersLine(
                                  format.score(i.customers.mean),
                                  i.customers.ratings,
                                  format.percent(i.customers.share, 0)
                                )}
                          </Caption1>
                        )}
                        {outcome && <Caption1 className={styles.warn}>{outcome}</Caption1>}
                      </div>
                    </TableCell>
                    <TableCell className={styles.num}>{format.score(i.score)}</TableCell>
                    <TableCell className={styles.num}>{format.percent(i.totalWeight, 1)}</TableCell>
                    <TableCell className={styles.num}>{format.score(i.contribution)}</TableCell>
                  </TableRow>
                );
              })}
          </React.Fragment>
        ))}
      </TableBody>
    </Table>
  );
}

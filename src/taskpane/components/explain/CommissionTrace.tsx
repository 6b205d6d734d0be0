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
import type { CommissionMonthTrace } from "../../../engine";
import { useSession } from "../../session";

export interface CommissionTraceProps {
  months: readonly CommissionMonthTrace[];
}

/** The month-by-month commission traces' styles (阶梯提成 here, 团队提成 in TeamCommissionTrace). */
export const useTraceStyles = makeStyles({
  month: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    marginBottom: tokens.spacingVerticalS,
  },
  wide: { width: "88px" },
  num: {
    textAlign: "right",
    fontVariantNumeric: "tabular-nums",
    whiteSpace: "nowrap",
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
  note: { color: tokens.colorNeutralForeground3 },
});

/** The rows of a tiered commission's slices: each tier's range, rate and commission (阶梯提成, 团队提成). */
export function TierSliceRows({
  slices,
}: {
  slices: CommissionMonthTrace["slices"];
}): React.JSX.Element {
  const styles = useTraceStyles();
  const { strings: t, format } = useSession();
  return (
    <>
      {slices.map((s) => (
        <TableRow key={s.tier}>
          <TableCell>
            <Caption1>
              {t.explain.slice(
                format.amount(s.from),
                s.to === null ? t.explain.upward : format.amount(s.to),
                format.percent(s.rate, 1)
              )}
            </Caption1>
          </TableCell>
          <TableCell className={styles.num}>{format.money(s.commission)}</TableCell>
        </TableRow>
      ))}
    </>
  );
}

/** 阶梯提成 month by month: the basis, each tier slice, gate, cap, deferral, clawback and what is paid. */
export function CommissionTrace({ months }: CommissionTraceProps): React.JSX.Element {
  const styles = useTraceStyles();
  const { strings: t, format } = useSession();
  return (
    <div>
      {months.map((m) => {
        const notes: string[] = [];
        if (m.gate !== "open") notes.push(t.explain.gateClosed[m.gate]);
        if (m.capped && m.cap !== null) notes.push(t.explain.capped(format.money(m.cap)));
        if (m.paidShare < 1 && m.paidNow !== null && m.deferred !== null)
          notes.push(t.explain.deferred(format.money(m.paidNow), format.money(m.deferred)));
        if (m.clawback !== 0)
          notes.push(t.explain.clawback(format.money(m.clawback), format.money(m.recovered)));
        return (
          <div key={m.period} className={styles.month}>
            <Text
              size={200}
              weight="semibold"
            >{`${m.period} · ${t.explain.basis[m.basis]} ${format.money(m.amount)}`}</Text>
            {m.status !== "ok" ? (
              <Caption1 className={styles.note}>{t.explain.commissionMissing}</Caption1>
            ) : (
              <Table size="extra-small" aria-label={`${t.explain.commission} ${m.period}`}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t.plan.tiers}</TableHeaderCell>
                    <TableHeaderCell className={mergeClasses(styles.num, styles.wide)}>
                      {t.explain.commissionLine}
                    </TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  <TierSliceRows slices={m.slices} />
                  <TableRow>
                    <TableCell>
                      <Caption1>{t.explain.gross}</Caption1>
                    </TableCell>
                    <TableCell className={styles.num}>{format.money(m.gross)}</TableCell>
                  </TableRow>
                  <TableRow>
                    <TableCell>
                      <Text size={200} weight="semibold">
                        {t.explain.net}
                      </Text>
                    </TableCell>
                    <TableCell className={styles.num}>
                      <Text size={200} weight="semibold">
                        {format.money(m.net)}
                      </Text>
                    </TableCell>
                  </TableRow>
                </TableBody>
              </Table>
            )}
            {notes.map((n) => (
              <Caption1 key={n} className={styles.note}>
                {n}
              </Caption1>
            ))}
          </div>
        );
      })}
    </div>
  );
}

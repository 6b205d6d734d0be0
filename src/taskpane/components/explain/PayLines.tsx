import * as React from "react";
import {
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { PayTrace } from "../../../engine";
import { useSession } from "../../session";
import { useWords } from "../../views/AppealsParts";

export interface PayLinesProps {
  pay: PayTrace;
}

const useStyles = makeStyles({
  num: {
    textAlign: "right",
    fontVariantNumeric: "tabular-nums",
    whiteSpace: "nowrap",
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
});

/** 薪酬结构: base (prorated), performance pay = standard × 绩效系数, commission, bonus and adjustments, total. */
export function PayLines({ pay }: PayLinesProps): React.JSX.Element {
  const styles = useStyles();
  const { strings: t, format } = useSession();
  const w = useWords();
  const lines: [string, number | null, boolean][] = [
    [t.explain.base, pay.base, false],
    [
      t.explain.performancePay(
        format.money(pay.performanceStandard),
        format.number(pay.coefficient, 2)
      ),
      pay.performancePay,
      false,
    ],
    [t.explain.commissionLine, pay.commission, false],
    // 团队提成: a lead's line (0 for everyone else, and then not shown).
    ...(pay.teamCommission !== 0
      ? [
          [t.explain.teamCommissionLine, pay.teamCommission, false] as [
            string,
            number | null,
            boolean,
          ],
        ]
      : []),
    [t.explain.bonus, pay.bonus, false],
    // 申诉调整: where the period has appeals (their list is below the table)
    ...(pay.appeals.length > 0
      ? [[t.appeals.explainLine, pay.appealAdjustment, false] as [string, number | null, boolean]]
      : []),
    ...guaranteeLines(pay, t.explain),
    [t.explain.totalPay, pay.total, true],
  ];
  return (
    <>
      <Table size="extra-small" aria-label={t.explain.pay}>
        <TableBody>
          {lines.map(([label, value, strong]) => (
            <TableRow key={label}>
              <TableCell>
                <Text size={200} weight={strong ? "semibold" : "regular"}>
                  {label}
                </Text>
              </TableCell>
              <TableCell className={styles.num} style={{ width: 104 }}>
                <Text size={200} weight={strong ? "semibold" : "regular"}>
                  {format.money(value)}
                </Text>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {pay.appeals.map((a) => (
        <Caption1 key={a.row}>
          {t.appeals.explainAppeal(
            a.no,
            a.subject,
            w.status(a.status),
            a.decision,
            a.status === "upheld" ? format.money(a.amount) : null
          )}
        </Caption1>
      ))}
      <PayListMonths pay={pay} />
    </>
  );
}

type ExplainStrings = ReturnType<typeof useSession>["strings"]["explain"];

/** The new-hire guarantee's lines of the period (none without the guarantee). */
function guaranteeLines(pay: PayTrace, t: ExplainStrings): [string, number | null, boolean][] {
  if (pay.guaranteeTopUp === null && pay.guaranteeRecovered === null) return [];
  const out: [string, number | null, boolean][] = [[t.guaranteeTopUp, pay.guaranteeTopUp, false]];
  if (pay.payList.some((m) => m.recovered !== null))
    out.push([
      t.guaranteeRecovered,
      pay.guaranteeRecovered === null ? null : -pay.guaranteeRecovered,
      false,
    ]);
  return out;
}

/** What each month of the period pays (工资表): performance pay by the schedule, the guarantee, the gross. */
function PayListMonths({ pay }: PayLinesProps): React.JSX.Element {
  const styles = useStyles();
  const { strings: t, format } = useSession();
  const e = t.explain;
  const notes: string[] = [];
  const last = pay.payList.at(-1);
  for (const m of pay.payList) {
    if (m.advance !== null && m.advance !== 0)
      notes.push(e.advance(m.period, format.money(m.advance)));
    if (m.performanceFor !== null && m.trueUp !== null)
      notes.push((m.trueUp < 0 ? e.trueUpNegative : e.trueUp)(m.period, format.money(m.trueUp)));
    if (m.performanceFor !== null) notes.push(e.paidWith(m.performanceFor, m.period));
    if (m.onGuarantee) notes.push(e.onGuarantee(m.period, format.money(m.topUp)));
    if (m.recovered !== null && m.recovered > 0)
      notes.push(e.guaranteeOwed(m.period, format.money(m.recovered), format.money(m.owed)));
  }
  if (last && pay.coefficient !== null && !pay.payList.some((m) => m.performanceFor !== null))
    notes.push(e.perfWaits(last.period));
  return (
    <>
      <Text as="p" size={200} weight="semibold">
        {e.payList}
      </Text>
      <Table size="extra-small" aria-label={e.payList}>
        <TableBody>
          {pay.payList.map((m) => (
            <TableRow key={m.period}>
              <TableCell>
                <Text size={200}>
                  {m.period} · {e.payMonthGross}
                </Text>
              </TableCell>
              <TableCell className={styles.num} style={{ width: 104 }}>
                <Text size={200}>{format.money(m.gross)}</Text>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {notes.map((n) => (
        <Text key={n} as="p" size={200}>
          {n}
        </Text>
      ))}
    </>
  );
}

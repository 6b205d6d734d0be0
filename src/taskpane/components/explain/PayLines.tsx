import * as React from "react";
import {
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
    [t.explain.totalPay, pay.total, true],
  ];
  return (
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
  );
}

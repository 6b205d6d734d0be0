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
  mergeClasses,
} from "@fluentui/react-components";
import type { TeamMonthTrace } from "../../../engine";
import { useSession } from "../../session";
import { TierSliceRows, useTraceStyles } from "./CommissionTrace";

export interface TeamCommissionTraceProps {
  months: readonly TeamMonthTrace[];
}

/** The members a lead's month sums, each with the basis it adds. */
function Members({ m }: { m: TeamMonthTrace }): React.JSX.Element {
  const styles = useTraceStyles();
  const { strings: t, format } = useSession();
  return (
    <Table size="extra-small" aria-label={`${m.team} ${m.period}`}>
      <TableBody>
        {m.members.map((x) => (
          <TableRow key={`${x.id}-${x.source.row}`}>
            <TableCell>
              <Caption1>{`${x.id} ${x.name}${x.own ? ` ${t.explain.teamOwn}` : ""}`}</Caption1>
            </TableCell>
            <TableCell className={styles.num}>{format.money(x.amount)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** 团队提成 month by month: the members summed, the team basis, each tier slice and the commission. */
export function TeamCommissionTrace({ months }: TeamCommissionTraceProps): React.JSX.Element {
  const styles = useTraceStyles();
  const { strings: t, format } = useSession();
  return (
    <div>
      {months.map((m) => (
        <div key={m.period} className={styles.month}>
          <Text size={200} weight="semibold">
            {t.explain.teamMonth(m.period, m.team, format.money(m.teamBasis))}
          </Text>
          <Caption1 className={styles.note}>
            {t.explain.teamMembers(m.members.length, m.includeOwn)}
          </Caption1>
          <Members m={m} />
          {m.status !== "ok" ? (
            <Caption1 className={styles.note}>{t.explain.commissionMissing}</Caption1>
          ) : (
            <Table size="extra-small" aria-label={`${t.explain.teamCommissionLine} ${m.period}`}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t.plan.tiers}</TableHeaderCell>
                  <TableHeaderCell className={mergeClasses(styles.num, styles.wide)}>
                    {t.explain.teamCommissionLine}
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                <TierSliceRows slices={m.slices} />
                <TableRow>
                  <TableCell>
                    <Text size={200} weight="semibold">
                      {t.explain.teamCommissionLine}
                    </Text>
                  </TableCell>
                  <TableCell className={styles.num}>
                    <Text size={200} weight="semibold">
                      {format.money(m.commission)}
                    </Text>
                  </TableCell>
                </TableRow>
              </TableBody>
            </Table>
          )}
        </div>
      ))}
    </div>
  );
}

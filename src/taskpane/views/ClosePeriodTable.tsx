import * as React from "react";
import {
  Button,
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
} from "@fluentui/react-components";
import { LockClosedRegular, LockOpenRegular } from "@fluentui/react-icons";
import { closedAtText } from "../../app/closing";
import { useSession } from "../session";

const useStyles = makeStyles({
  table: { tableLayout: "auto" },
  status: { display: "flex", flexDirection: "column" },
  period: { whiteSpace: "nowrap" },
});

export interface ClosePeriodTableProps {
  periods: string[];
  canReopen: boolean;
  canClose: boolean;
  /** A close is running: the Close buttons say so. */
  closing: boolean;
  onClose(period: string): void;
  onReopen(period: string): void;
}

/** Each period, open or closed with its stamp, and its Close or Reopen button. */
export function ClosePeriodTable({
  periods,
  canReopen,
  canClose,
  closing,
  onClose,
  onReopen,
}: ClosePeriodTableProps): React.JSX.Element {
  const styles = useStyles();
  const { strings: t, closing: state } = useSession();
  const closed = state?.closed;
  return (
    <Table size="extra-small" aria-label={t.close.title} className={styles.table}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t.close.period}</TableHeaderCell>
          <TableHeaderCell>{t.close.status}</TableHeaderCell>
          <TableHeaderCell>{t.close.action}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {periods.map((p) => {
          const e = closed?.get(p);
          return (
            <TableRow key={p}>
              <TableCell className={styles.period}>{p}</TableCell>
              <TableCell>
                {e ? (
                  <span className={styles.status}>
                    <span>{t.close.closedBy(e.by, closedAtText(e.at))}</span>
                    <Caption1>{`${e.planVersion} · ${e.sheet}`}</Caption1>
                    {e.note && <Caption1>{e.note}</Caption1>}
                  </span>
                ) : (
                  t.close.open
                )}
              </TableCell>
              <TableCell>
                {e ? (
                  <Button
                    size="small"
                    icon={<LockOpenRegular />}
                    disabled={!canReopen}
                    onClick={() => onReopen(p)}
                  >
                    {t.close.reopen(p)}
                  </Button>
                ) : (
                  <Button
                    size="small"
                    appearance="primary"
                    icon={<LockClosedRegular />}
                    disabled={!canClose}
                    onClick={() => onClose(p)}
                  >
                    {closing ? t.close.closing : t.close.closeButton(p)}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

import * as React from "react";
import {
  Body1Strong,
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { CalculatorRegular, TableRegular } from "@fluentui/react-icons";
import type { WriteResult } from "../../app/host";
import { computeYearToDate, type YearToDate } from "../../app/closing";
import { ErrorBar } from "../components/ErrorBar";
import { ShowMore, usePage } from "../components/LongList";
import { useHost } from "../hostContext";
import { useSession } from "../session";
import { useAction } from "../useAction";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  table: { tableLayout: "auto" },
  num: {
    textAlign: "right",
    fontVariantNumeric: "tabular-nums",
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
});

export interface CloseYearToDateProps {
  /** The years that have closed periods, oldest first (the last is chosen first). */
  years: string[];
}

/** The Close view's year to date: computed from the closed periods, and written as a sheet. */
export function CloseYearToDate({ years }: CloseYearToDateProps): React.JSX.Element {
  const styles = useStyles();
  const host = useHost();
  const { strings: t, format, language, confirmReplace } = useSession();
  const ytdAction = useAction();
  const [year, setYear] = React.useState("");
  const [ytd, setYtd] = React.useState<YearToDate | null>(null);
  const [ytdWritten, setYtdWritten] = React.useState<WriteResult | null>(null);
  const chosenYear = year || years[years.length - 1] || "";
  // a year's salespeople a page at a time
  const page = usePage();

  const computeYtd = () =>
    ytdAction.run(async () => {
      setYtdWritten(null);
      setYtd(await computeYearToDate(host, chosenYear));
      page.reset();
    });

  const writeYtd = () =>
    ytdAction.run(async () => {
      if (!ytd) return;
      const written = await host.writeYearToDate(
        { language, year: ytd.year, periods: ytd.periods, rows: ytd.rows },
        { confirmReplace }
      );
      if (!written.cancelled) setYtdWritten(written);
    });

  return (
    <section className={styles.section} aria-labelledby="close-ytd">
      <Body1Strong as="h3" id="close-ytd" className={styles.heading}>
        {t.close.ytdTitle}
      </Body1Strong>
      <Text size={200}>{t.close.ytdIntro}</Text>
      <Field label={t.close.year} size="small">
        <Select size="small" value={chosenYear} onChange={(_, d) => setYear(d.value)}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.buttons}>
        <Button
          size="small"
          icon={<CalculatorRegular />}
          disabled={ytdAction.busy}
          onClick={() => void computeYtd()}
        >
          {t.close.computeYtd}
        </Button>
        <Button
          size="small"
          icon={<TableRegular />}
          disabled={ytdAction.busy || !ytd || !host.available()}
          onClick={() => void writeYtd()}
        >
          {t.close.writeYtd}
        </Button>
      </div>
      <ErrorBar error={ytdAction.error} />
      {ytd && ytd.missing.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.close.ytdMissing(ytd.missing.join(", "))}</MessageBarBody>
        </MessageBar>
      )}
      {ytdWritten && (
        <MessageBar intent="success">
          <MessageBarBody>{t.close.ytdWritten(ytdWritten.sheets[0] ?? "")}</MessageBarBody>
          {ytdWritten.location && (
            <MessageBarActions>
              <Button size="small" onClick={() => void host.goToCell(ytdWritten.location!)}>
                {t.explain.show}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {ytd && (
        <Table size="extra-small" aria-label={t.close.perPerson} className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.whatIf.person}</TableHeaderCell>
              <TableHeaderCell className={styles.num}>{t.close.paid}</TableHeaderCell>
              <TableHeaderCell className={styles.num}>{t.close.catchUp}</TableHeaderCell>
              <TableHeaderCell className={styles.num}>{t.close.deferred}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {ytd.rows.slice(0, page.limit).map((r) => (
              <TableRow key={r.id} data-id={r.id}>
                <TableCell>
                  <span title={`${r.id} · ${r.periods.join(", ")}`}>{r.name}</span>
                </TableCell>
                <TableCell className={styles.num}>{format.money(r.paid.total)}</TableCell>
                <TableCell
                  className={styles.num}
                  title={
                    r.recomputed
                      ? `${t.close.recomputed} ${format.money(r.recomputed.total)}`
                      : t.close.cannotRecompute
                  }
                >
                  {format.money(r.catchUp)}
                </TableCell>
                <TableCell className={styles.num}>{format.money(r.deferredToDate)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {ytd && (
        <ShowMore
          shown={Math.min(page.limit, ytd.rows.length)}
          total={ytd.rows.length}
          onMore={page.more}
        />
      )}
    </section>
  );
}

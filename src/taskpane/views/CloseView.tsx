import * as React from "react";
import {
  Body1Strong,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowClockwiseRegular,
  CalculatorRegular,
  LockClosedRegular,
  LockOpenRegular,
  TableRegular,
} from "@fluentui/react-icons";
import { columnLetter } from "../../engine";
import { type WriteResult } from "../../app/host";
import { useHost } from "../hostContext";
import {
  CLOSED_BY_SETTING,
  closeAPeriod,
  closedAtText,
  closedYears,
  computeYearToDate,
  reopenAPeriod,
  type CloseOutcome,
  type YearToDate,
} from "../../app/closing";
import { useSession } from "../session";
import { useAction } from "../useAction";
import { useDataCheck } from "../useDataCheck";
import { evaluationPeriods, runPlan } from "../../app/workflow";
import { ClosedChecks } from "../components/ClosedChecks";
import { ErrorBar } from "../components/ErrorBar";
import { NeedsPlanWorkbook } from "../components/NeedsPlanWorkbook";
import { ViewTitle } from "../components/ViewTitle";

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
  status: { display: "flex", flexDirection: "column" },
  period: { whiteSpace: "nowrap" },
});

/**
 * Close period (结账): who closes, each period open or closed with its stamp, close (confirmed;
 * freezes the scorecard as values with its stamp and logs it), reopen (confirmed, with a reason,
 * logged), the check of closed periods' inputs, and the year to date from the closed periods.
 */
export function CloseView(): React.JSX.Element {
  const styles = useStyles();
  const host = useHost();
  const {
    strings: t,
    format,
    language,
    workbook,
    plan,
    check,
    setCheck,
    closing,
    loadClosing,
    run,
    setRun,
    confirmReplace,
    refreshWorkbook,
  } = useSession();
  const prepare = useDataCheck();
  const acting = useAction();
  const checking = useAction();
  const ytdAction = useAction();
  const [who, setWho] = React.useState(() => host.settings.get(CLOSED_BY_SETTING) ?? "");
  const [asking, setAsking] = React.useState<{
    period: string;
    people: number;
    blocked: number;
  } | null>(null);
  const [reopening, setReopening] = React.useState<string | null>(null);
  const [reason, setReason] = React.useState("");
  const [done, setDone] = React.useState<
    | { kind: "closed"; period: string; outcome: CloseOutcome }
    | { kind: "reopened"; period: string }
    | null
  >(null);
  const [checked, setChecked] = React.useState(false);
  const [year, setYear] = React.useState("");
  const [ytd, setYtd] = React.useState<YearToDate | null>(null);
  const [ytdWritten, setYtdWritten] = React.useState<WriteResult | null>(null);
  const hasSheet = Boolean(workbook?.sheets.plan);

  const periods = React.useMemo(() => {
    const list = new Set(plan && check ? evaluationPeriods(check.data.rows, plan) : []);
    for (const p of closing?.closed.keys() ?? []) list.add(p);
    return [...list].sort();
  }, [plan, check, closing]);
  const years = closing ? closedYears(closing) : [];
  const chosenYear = year || years[years.length - 1] || "";

  const rememberWho = async () => {
    const name = who.trim();
    if (name && name !== host.settings.get(CLOSED_BY_SETTING))
      await host.settings.set(CLOSED_BY_SETTING, name);
  };

  const ask = (period: string) => {
    if (!plan || !check) return;
    const r = runPlan(plan, check, period, "");
    setAsking({
      period,
      people: r.rows.length,
      blocked: r.rows.filter((x) => x.totalPay === null).length,
    });
  };

  const close = (period: string) =>
    acting.run(async () => {
      setAsking(null);
      setDone(null);
      await rememberWho();
      const outcome = await closeAPeriod(host, {
        period,
        by: who,
        language,
        style: run?.options.style ?? "native",
        options: { confirmReplace },
      });
      if (!outcome) return;
      setDone({ kind: "closed", period, outcome });
      if (outcome.live) {
        setRun(null); // the live sheets were rewritten without the period
        // show the frozen scorecard rather than the rewritten live sheet
        if (outcome.written.location) await host.goToCell(outcome.written.location);
      }
      setCheck(null);
      await Promise.all([loadClosing(), refreshWorkbook()]);
    });

  const reopen = (period: string) =>
    acting.run(async () => {
      setReopening(null);
      setDone(null);
      await rememberWho();
      const written = await reopenAPeriod(host, {
        period,
        by: who,
        note: reason,
        language,
        options: { confirmReplace },
      });
      setReason("");
      if (written.cancelled) return;
      setDone({ kind: "reopened", period });
      await loadClosing();
    });

  const recheck = () =>
    checking.run(async () => {
      setChecked(false);
      await loadClosing();
      setChecked(true);
    });

  const computeYtd = () =>
    ytdAction.run(async () => {
      setYtdWritten(null);
      setYtd(await computeYearToDate(host, chosenYear));
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

  if (workbook && !hasSheet) {
    return (
      <>
        <ViewTitle>{t.close.title}</ViewTitle>
        <NeedsPlanWorkbook />
      </>
    );
  }

  const problems = closing?.problems ?? [];
  const anyWarning = (closing?.checks ?? []).some((c) => c.inputsChanged || c.planMissing);
  const nameMissing = who.trim() === "";

  return (
    <>
      <ViewTitle>{t.close.title}</ViewTitle>
      <Text size={200}>{t.close.intro}</Text>
      {prepare.busy && <Spinner size="tiny" label={t.common.working} />}
      <ErrorBar error={prepare.error} />
      {problems.length > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>
            {t.close.logProblems(
              problems
                .slice(0, 3)
                .map((p) => `${columnLetter(p.column)}${p.row + 1}`)
                .join(", ")
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      <Field
        label={t.close.who}
        hint={t.close.whoHint}
        size="small"
        required
        validationState={nameMissing ? "warning" : "none"}
      >
        <Input
          size="small"
          value={who}
          onChange={(_, d) => setWho(d.value)}
          onBlur={() => void rememberWho()}
        />
      </Field>
      <ClosedChecks link={false} />
      {closing?.checks
        .filter((c) => c.planChanged)
        .map((c) => (
          <Caption1 key={c.period}>{t.close.planChanged(c.period, c.event.planVersion)}</Caption1>
        ))}

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
            const e = closing?.closed.get(p);
            return (
              <TableRow key={p}>
                <TableCell className={styles.period}>{p}</TableCell>
                <TableCell>
                  {e ? (
                    <span className={styles.status}>
                      <span>{t.close.closedBy(e.by, closedAtText(e.at))}</span>
                      <Caption1>{`${e.planVersion} · ${e.sheet}`}</Caption1>
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
                      disabled={acting.busy || nameMissing || problems.length > 0}
                      onClick={() => setReopening(p)}
                    >
                      {t.close.reopen(p)}
                    </Button>
                  ) : (
                    <Button
                      size="small"
                      appearance="primary"
                      icon={<LockClosedRegular />}
                      disabled={
                        acting.busy ||
                        nameMissing ||
                        problems.length > 0 ||
                        !check ||
                        !host.available()
                      }
                      onClick={() => ask(p)}
                    >
                      {acting.busy ? t.close.closing : t.close.closeButton(p)}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <ErrorBar error={acting.error} />
      {done?.kind === "closed" && (
        <MessageBar intent="success">
          <MessageBarBody>
            {t.close.closed(done.period, done.outcome.written.sheets[0] ?? "")}
            {done.outcome.live && ` ${t.close.liveRewritten(done.outcome.live.periods.join(", "))}`}
          </MessageBarBody>
          {done.outcome.written.location && (
            <MessageBarActions>
              <Button
                size="small"
                onClick={() => void host.goToCell(done.outcome.written.location!)}
              >
                {t.explain.show}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {done?.kind === "reopened" && (
        <MessageBar intent="success">
          <MessageBarBody>{t.close.reopened(done.period)}</MessageBarBody>
        </MessageBar>
      )}
      {closing && closing.closed.size === 0 && <Caption1>{t.close.nothingClosed}</Caption1>}
      <div className={styles.buttons}>
        <Button
          size="small"
          icon={<ArrowClockwiseRegular />}
          disabled={checking.busy}
          onClick={() => void recheck()}
        >
          {checking.busy ? t.close.checking : t.close.check}
        </Button>
      </div>
      <ErrorBar error={checking.error} onRetry={() => void recheck()} />
      {checked && closing && closing.closed.size > 0 && !anyWarning && (
        <MessageBar intent="success">
          <MessageBarBody>{t.close.allUnchanged}</MessageBarBody>
        </MessageBar>
      )}

      {years.length > 0 && (
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
                {ytd.rows.map((r) => (
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
        </section>
      )}

      <Dialog
        open={asking !== null}
        modalType="alert"
        onOpenChange={(_, d) => {
          if (!d.open) setAsking(null);
        }}
      >
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{asking ? t.close.confirmTitle(asking.period) : ""}</DialogTitle>
            <DialogContent>
              {asking ? t.close.confirmBody(asking.period, asking.people, asking.blocked) : ""}
            </DialogContent>
            <DialogActions fluid>
              <Button appearance="primary" onClick={() => asking && void close(asking.period)}>
                {t.close.confirm}
              </Button>
              <Button appearance="subtle" onClick={() => setAsking(null)}>
                {t.common.cancel}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <Dialog
        open={reopening !== null}
        modalType="alert"
        onOpenChange={(_, d) => {
          if (!d.open) setReopening(null);
        }}
      >
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{reopening ? t.close.reopenTitle(reopening) : ""}</DialogTitle>
            <DialogContent>
              <Text>{t.close.reopenBody}</Text>
              <Field label={t.close.reason} size="small" required>
                <Textarea value={reason} onChange={(_, d) => setReason(d.value)} />
              </Field>
            </DialogContent>
            <DialogActions fluid>
              <Button
                appearance="primary"
                disabled={reason.trim() === ""}
                onClick={() => reopening && void reopen(reopening)}
              >
                {t.close.reopenConfirm}
              </Button>
              <Button appearance="subtle" onClick={() => setReopening(null)}>
                {t.common.cancel}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}

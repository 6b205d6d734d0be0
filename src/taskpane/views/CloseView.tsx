import * as React from "react";
import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowClockwiseRegular } from "@fluentui/react-icons";
import { columnLetter, signOffState } from "../../engine";
import { rolesText } from "../../workbook/sheets/appeals";
import { useHost } from "../hostContext";
import {
  CLOSED_BY_SETTING,
  closeAPeriod,
  closedYears,
  reopenAPeriod,
  type CloseOutcome,
} from "../../app/closing";
import { useSession } from "../session";
import { useAction } from "../useAction";
import { useDataCheck } from "../useDataCheck";
import { evaluationPeriods, runPlan } from "../../app/workflow";
import { ClosedChecks } from "../components/ClosedChecks";
import { ErrorBar } from "../components/ErrorBar";
import { NeedsPlanWorkbook } from "../components/NeedsPlanWorkbook";
import { ViewTitle } from "../components/ViewTitle";
import { ConfirmCloseDialog, ReopenDialog } from "./CloseDialogs";
import { ClosePeriodTable } from "./ClosePeriodTable";
import { CloseYearToDate } from "./CloseYearToDate";

const useStyles = makeStyles({
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
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
  const [who, setWho] = React.useState(() => host.settings.get(CLOSED_BY_SETTING) ?? "");
  const [asking, setAsking] = React.useState<{
    period: string;
    people: number;
    blocked: number;
    missing: string;
  } | null>(null);
  const [reopening, setReopening] = React.useState<string | null>(null);
  const [reason, setReason] = React.useState("");
  const [done, setDone] = React.useState<
    | { kind: "closed"; period: string; outcome: CloseOutcome }
    | { kind: "reopened"; period: string }
    | null
  >(null);
  const [checked, setChecked] = React.useState(false);
  const hasSheet = Boolean(workbook?.sheets.plan);

  const periods = React.useMemo(() => {
    const list = new Set(plan && check ? evaluationPeriods(check.data.rows, plan) : []);
    for (const p of closing?.closed.keys() ?? []) list.add(p);
    return [...list].sort();
  }, [plan, check, closing]);
  const years = closing ? closedYears(closing) : [];

  const rememberWho = async () => {
    const name = who.trim();
    if (name && name !== host.settings.get(CLOSED_BY_SETTING))
      await host.settings.set(CLOSED_BY_SETTING, name);
  };

  const ask = (period: string) => {
    if (!plan || !check) return;
    const r = runPlan(plan, check, period, "");
    const missing = check.signOff ? signOffState(check.signOff.signOffs, period).missing : [];
    setAsking({
      period,
      people: r.rows.length,
      blocked: r.rows.filter((x) => x.totalPay === null).length,
      missing: rolesText(missing, language),
    });
  };

  const close = (period: string, overrideReason?: string) =>
    acting.run(async () => {
      setAsking(null);
      setDone(null);
      await rememberWho();
      const outcome = await closeAPeriod(host, {
        period,
        by: who,
        overrideReason,
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

      <ClosePeriodTable
        periods={periods}
        canReopen={!acting.busy && !nameMissing && problems.length === 0}
        canClose={
          !acting.busy && !nameMissing && problems.length === 0 && !!check && host.available()
        }
        closing={acting.busy}
        onClose={ask}
        onReopen={setReopening}
      />
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

      {years.length > 0 && <CloseYearToDate years={years} />}

      <ConfirmCloseDialog
        asking={asking}
        onConfirm={(period, reason) => void close(period, reason)}
        onCancel={() => setAsking(null)}
      />
      <ReopenDialog
        period={reopening}
        reason={reason}
        onReason={setReason}
        onConfirm={(period) => void reopen(period)}
        onCancel={() => setReopening(null)}
      />
    </>
  );
}

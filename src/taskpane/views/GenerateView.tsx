import * as React from "react";
import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { PlayRegular } from "@fluentui/react-icons";
import { hasErrors, PlanInvalidError, validatePlan } from "../../engine";
import { type FormulaStyle } from "../../app/host";
import { useCompute, useHost } from "../hostContext";
import { useSession } from "../session";
import { useAction } from "../useAction";
import { checkWorkbook, evaluationPeriods, teamsOf } from "../../app/workflow";
import { isCancelled } from "../../app/compute";
import { ClosedChecks } from "../components/ClosedChecks";
import { ErrorBar } from "../components/ErrorBar";
import { NeedsPlanWorkbook } from "../components/NeedsPlanWorkbook";
import { ProgressLine, useProgress } from "../components/ProgressLine";
import { ReviewProblems } from "../components/ReviewProblems";
import { RunResultView } from "../components/RunResultView";
import { SelfCheckPanel } from "../components/SelfCheckPanel";
import { ViewTitle } from "../components/ViewTitle";
import { useSelfCheck } from "../useSelfCheck";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(130px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/**
 * Generate: choose the period, the group and how the sheets are written, run the plan over the
 * Data sheet and write the Scorecard and Summary sheets, then show the result.
 */
export function GenerateView(): React.JSX.Element {
  const styles = useStyles();
  const host = useHost();
  const {
    strings: t,
    language,
    workbook,
    plan,
    loadPlan,
    check,
    setCheck,
    run,
    setRun,
    confirmReplace,
    closing,
    loadClosing,
  } = useSession();
  const prepare = useAction();
  const generate = useAction();
  const progress = useProgress();
  const [period, setPeriod] = React.useState(run?.options.period ?? "");
  const [group, setGroup] = React.useState(run?.options.group ?? "");
  const [style, setStyle] = React.useState<FormulaStyle>(run?.options.style ?? "native");
  const [noRows, setNoRows] = React.useState(false);
  const [cancelled, setCancelled] = React.useState(false);
  const compute = useCompute();
  const hasSheet = Boolean(workbook?.sheets.plan);

  // What the period and group lists offer comes from the Data sheet as last checked.
  React.useEffect(() => {
    if (!hasSheet || check) return;
    void prepare.run(async () => {
      const p = plan ?? (await loadPlan()).plan;
      if (p) setCheck(await checkWorkbook(host, p, compute));
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hasSheet, check]);

  // once per data check, not on every render (a Data sheet can hold many thousands of rows)
  const periods = React.useMemo(
    () => (plan ? evaluationPeriods(check?.data.rows ?? [], plan) : []),
    [check, plan]
  );
  const teams = React.useMemo(() => teamsOf(check?.data.rows ?? []), [check]);
  const closed = periods.filter((p) => closing?.closed.has(p));
  const planErrors = plan ? hasErrors(validatePlan(plan)) : false;
  // PERF.* formulas only where this Excel runs the add-in's functions (src/compat)
  const allowedStyles: FormulaStyle[] = host.compatibility?.()?.formulaStyles ?? [
    "native",
    "perf",
    "values",
  ];

  const selfCheck = useSelfCheck();

  const start = async () => {
    setCancelled(false);
    const signal = progress.start();
    const steps = t.generate.steps;
    const written = await generate.run(async () => {
      setNoRows(false);
      try {
        // The sheets are the source of truth: read the plan and the data again right before running.
        progress.step(steps.reading);
        const current = (await loadPlan()).plan;
        if (!current) return;
        progress.step(steps.checking);
        const fresh = await checkWorkbook(host, current, compute, { signal });
        setCheck(fresh);
        if (!fresh) return;
        // closed periods are frozen on their own sheets: generating leaves them out
        const closedNow = new Set((await loadClosing()).closed.keys());
        if (closedNow.has(period)) {
          setNoRows(true);
          return;
        }
        progress.step(steps.evaluating);
        let result;
        try {
          result = await compute.task(
            "run",
            { plan: current, check: fresh, period, group, exclude: [...closedNow] },
            { signal }
          );
        } catch (e) {
          if (e instanceof PlanInvalidError) throw new Error(t.generate.planErrors);
          throw e;
        }
        if (result.rows.length === 0) {
          setNoRows(true);
          return;
        }
        const request = {
          plan: current,
          language,
          style,
          evaluation: result.evaluation,
          data: result.data,
          feedback: fresh.feedback,
        };
        progress.step(steps.layingOut);
        const written = await host.writeOutputs(request, {
          confirmReplace,
          onProgress: progress.update,
          signal,
        });
        if (written.cancelled) {
          if (signal.aborted) setCancelled(true);
          return;
        }
        setRun({
          options: { period, group, style },
          evaluation: result.evaluation,
          rows: result.rows,
          summary: result.summary,
          written,
        });
        return request;
      } catch (e) {
        // Cancel: the work was dropped before anything was written
        if (isCancelled(e)) {
          setCancelled(true);
          return;
        }
        throw e;
      } finally {
        progress.stop();
      }
    });
    // once Excel has calculated, what it shows against what the engine computed
    if (written) await selfCheck.afterGenerate(written, { period, group });
  };

  if (workbook && !hasSheet) {
    return (
      <>
        <ViewTitle>{t.generate.title}</ViewTitle>
        <NeedsPlanWorkbook />
      </>
    );
  }

  return (
    <>
      <ViewTitle>{t.generate.title}</ViewTitle>
      {prepare.busy && <Spinner size="tiny" label={t.common.working} />}
      <ErrorBar error={prepare.error} />
      <ClosedChecks />
      {planErrors && (
        <MessageBar intent="error">
          <MessageBarBody>{t.generate.planErrors}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.grid}>
        <Field label={t.generate.period} size="small">
          <Select size="small" value={period} onChange={(_, d) => setPeriod(d.value)}>
            <option value="">{t.generate.allPeriods}</option>
            {periods.map((p) => (
              <option key={p} value={p} disabled={closed.includes(p)}>
                {closed.includes(p) ? t.generate.closedOption(p) : p}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.generate.group} size="small">
          <Select size="small" value={group} onChange={(_, d) => setGroup(d.value)}>
            <option value="">{t.generate.allTeams}</option>
            {teams.map((team) => (
              <option key={team} value={team}>
                {team}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {closed.length > 0 && <Caption1>{t.generate.closedLeftOut(closed.join(", "))}</Caption1>}
      <ReviewProblems check={check} />
      <Field label={t.generate.style}>
        <RadioGroup value={style} onChange={(_, d) => setStyle(d.value as FormulaStyle)}>
          {(["native", "perf", "values"] as const).map((s) => (
            <Radio
              key={s}
              value={s}
              label={t.generate.styles[s]}
              disabled={!allowedStyles.includes(s)}
            />
          ))}
        </RadioGroup>
      </Field>
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          icon={<PlayRegular />}
          disabled={generate.busy || planErrors || !host.available()}
          onClick={() => void start()}
        >
          {generate.busy ? t.generate.running : t.generate.run}
        </Button>
      </div>
      <ProgressLine
        progress={progress.value}
        label={t.generate.progress}
        onCancel={progress.cancel}
      />
      {cancelled && !generate.busy && (
        <MessageBar intent="info">
          <MessageBarBody>{t.generate.cancelled}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar error={generate.error} onRetry={() => void start()} />
      {noRows && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.generate.noRows}</MessageBarBody>
        </MessageBar>
      )}
      {run && !generate.busy && <RunResultView run={run} />}
      <SelfCheckPanel
        selfCheck={selfCheck}
        canVerify={Boolean(workbook?.sheets.scorecard) || Boolean(run)}
      />
    </>
  );
}

import * as React from "react";
import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { type Appeal } from "../../engine";
import { useCompute, useHost } from "../hostContext";
import { useSession } from "../session";
import { useAction } from "../useAction";
import { useDataCheck } from "../useDataCheck";
import { checkWorkbook, evaluationPeriods } from "../../app/workflow";
import { CLOSED_BY_SETTING } from "../../app/closing";
import { decideAppeal, logAppeal, recordSignOff, today, type Decision } from "../../app/appeals";
import { ErrorBar } from "../components/ErrorBar";
import { ReviewProblems } from "../components/ReviewProblems";
import { NeedsPlanWorkbook } from "../components/NeedsPlanWorkbook";
import { PersonPicker } from "../components/PersonPicker";
import { ViewTitle } from "../components/ViewTitle";
import { AppealList, DecideDialog, SignOffSection, useWords } from "./AppealsParts";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

/**
 * Appeals and sign-off (申诉审批): log an appeal (salesperson, period, the number appealed,
 * reason), decide it (status, decision, effect on pay, who; dated today), the period's appeals,
 * and the period's sign-off by the sales manager, HR and finance with what is still missing.
 */
export function AppealsView(): React.JSX.Element {
  const styles = useStyles();
  const host = useHost();
  const compute = useCompute();
  const { strings: t, language, workbook, plan, check, setCheck, closing } = useSession();
  const prepare = useDataCheck();
  const acting = useAction();
  const w = useWords();
  const who = host.settings.get(CLOSED_BY_SETTING) ?? "";
  const periods = React.useMemo(
    () => (plan && check ? evaluationPeriods(check.data.rows, plan) : []),
    [plan, check]
  );
  const [period, setPeriod] = React.useState("");
  const shown = periods.includes(period) ? period : (periods[periods.length - 1] ?? "");
  const people = React.useMemo(() => {
    const m = new Map<string, string>();
    for (const r of check?.data.rows ?? []) if (!m.has(r.id)) m.set(r.id, r.name);
    return m;
  }, [check]);
  const roster = React.useMemo(() => [...people].map(([id, name]) => ({ id, name })), [people]);
  const [person, setPerson] = React.useState("");
  const [subject, setSubject] = React.useState("");
  const [reason, setReason] = React.useState("");
  const [deciding, setDeciding] = React.useState<Appeal | null>(null);
  const [done, setDone] = React.useState<string | null>(null);
  const appeals = (check?.appeals?.appeals ?? []).filter((a) => a.period === shown);

  if (workbook && !workbook.sheets.plan)
    return (
      <>
        <ViewTitle>{t.appeals.title}</ViewTitle>
        <NeedsPlanWorkbook />
      </>
    );

  const write = (work: () => Promise<string>) =>
    acting.run(async () => {
      setDone(null);
      const message = await work();
      // read the sheets again (the other views see the new reading too)
      if (plan) setCheck(await checkWorkbook(host, plan, compute));
      setDone(message);
    });

  const log = () =>
    write(async () => {
      const r = await logAppeal(
        host,
        check?.appeals?.appeals ?? [],
        { id: person, name: people.get(person) ?? "", period: shown, subject, reason },
        language
      );
      setSubject("");
      setReason("");
      return t.appeals.logged(r.no, r.written.sheets[0] ?? "");
    });

  const decide = (a: Appeal, d: Omit<Decision, "decidedOn">) =>
    write(async () => {
      setDeciding(null);
      if (d.status === "upheld" && closing?.closed.has(a.period))
        throw new Error(t.appeals.closedPeriod(a.period));
      await decideAppeal(host, a, { ...d, decidedOn: today() }, language);
      return `${t.appeals.decided(a.no)} ${t.appeals.regenerate}`;
    });

  const sign = (role: Parameters<typeof recordSignOff>[1]["role"], name: string) =>
    write(async () => {
      await recordSignOff(host, { period: shown, role, name, date: today() }, language);
      return t.appeals.recorded(w.role(role));
    });

  return (
    <>
      <ViewTitle>{t.appeals.title}</ViewTitle>
      <Text size={200}>{t.appeals.intro}</Text>
      {prepare.busy && <Spinner size="tiny" label={t.common.working} />}
      <ErrorBar error={prepare.error} />
      {check && periods.length === 0 && <Caption1>{t.appeals.noPeriods}</Caption1>}
      {periods.length > 0 && (
        <Field label={t.appeals.period} size="small">
          <Select size="small" value={shown} onChange={(_, d) => setPeriod(d.value)}>
            {periods.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <ReviewProblems check={check} />
      <ErrorBar error={acting.error} />
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      {shown && (
        <>
          <Subtitle2>{t.appeals.listTitle(shown)}</Subtitle2>
          <AppealList appeals={appeals} names={people} busy={acting.busy} onDecide={setDeciding} />
          <Subtitle2>{t.appeals.logTitle}</Subtitle2>
          <div className={styles.form}>
            <PersonPicker
              label={t.appeals.person}
              items={roster}
              value={person}
              valueOf={(x) => x.id}
              textOf={(x) => `${x.id} ${x.name}`.trim()}
              onChange={setPerson}
              empty
              required
            />
            <Field label={t.appeals.subject} hint={t.appeals.subjectHint} size="small">
              <Input size="small" value={subject} onChange={(_, d) => setSubject(d.value)} />
            </Field>
            <Field label={t.appeals.reason} size="small">
              <Textarea value={reason} onChange={(_, d) => setReason(d.value)} />
            </Field>
            <div>
              <Button
                size="small"
                appearance="primary"
                disabled={acting.busy || person === "" || !host.available()}
                onClick={() => void log()}
              >
                {t.appeals.logButton}
              </Button>
            </div>
          </div>
          <Subtitle2>{t.appeals.signOffTitle(shown)}</Subtitle2>
          <SignOffSection
            period={shown}
            signOffs={check?.signOff?.signOffs ?? []}
            who={who}
            busy={acting.busy || !host.available()}
            onRecord={(role, name) => void sign(role, name)}
          />
        </>
      )}
      <DecideDialog
        appeal={deciding}
        who={who}
        onSave={(a, d) => void decide(a, d)}
        onCancel={() => setDeciding(null)}
      />
    </>
  );
}

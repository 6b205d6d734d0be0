import * as React from "react";
import {
  Badge,
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Body1Strong,
  Switch,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DocumentTextRegular } from "@fluentui/react-icons";
import { explain, type ScorecardTrace } from "../../engine";
import { useHost } from "../hostContext";
import { useSession } from "../session";
import { useStatementWriter } from "../useStatementWriter";
import { ClosedChecks } from "../components/ClosedChecks";
import { StatementOutcome } from "../components/StatementOutcome";
import { IssueList } from "../components/IssueList";
import { ViewTitle } from "../components/ViewTitle";
import { PersonPicker } from "../components/PersonPicker";
import { CommissionTrace } from "../components/explain/CommissionTrace";
import { IndicatorTable } from "../components/explain/IndicatorTable";
import { PayLines } from "../components/explain/PayLines";
import { TeamCommissionTrace } from "../components/explain/TeamCommissionTrace";
import { RuleSummary } from "../components/explain/RuleSummary";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  card: {
    display: "grid",
    gridTemplateColumns: "repeat(3, minmax(0, 1fr))",
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  who: { gridColumn: "1 / -1", display: "flex", flexDirection: "column", alignItems: "flex-start" },
  stat: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    rowGap: tokens.spacingVerticalXXS,
  },
  big: {
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/**
 * Explain: the trace of one salesperson's score and pay (show your work), picked here or by
 * selecting their row in the Scorecard sheet, and "Write statement" (绩效结果通知单).
 */
export function ExplainView(): React.JSX.Element {
  const styles = useStyles();
  const host = useHost();
  const { strings: t, format, language, run, explainRow, showExplanation, navigate } = useSession();
  const [follow, setFollow] = React.useState(false);
  const writer = useStatementWriter();
  const [writtenFor, setWrittenFor] = React.useState<number | null>(null);
  const rows = React.useMemo(() => run?.rows ?? [], [run]);
  const row = explainRow !== null && explainRow < rows.length ? explainRow : rows.length ? 0 : null;
  React.useEffect(() => {
    if (!follow || !run) return;
    return host.onSelectionChanged((sel) => {
      if (!sel.subject) return;
      const found = run.rows.find(
        (r) => r.id === sel.subject!.id && r.period === sel.subject!.period
      );
      if (found) showExplanation(found.index);
    });
  }, [follow, run, host, showExplanation]);

  const trace: ScorecardTrace | null = React.useMemo(
    () => (run && row !== null ? explain(run.evaluation, row) : null),
    [run, row]
  );

  // the statement is added to those on the Statements sheet (which says what it holds)
  const write = async () => {
    if (!run || row === null) return;
    const r = run.rows[row];
    setWrittenFor(row);
    await writer.write([{ id: r.id, period: r.period }]);
  };

  if (!run || !trace) {
    return (
      <>
        <ViewTitle>{t.explain.title}</ViewTitle>
        <MessageBar intent="info">
          <MessageBarBody>{t.explain.none}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => navigate("generate")}>
              {t.nav.generate}
            </Button>
          </MessageBarActions>
        </MessageBar>
      </>
    );
  }

  const name = (key: string) => {
    const ind = trace.indicators.find((i) => i.key === key);
    return ind ? format.text(ind.name) : key;
  };
  const statusColor =
    trace.status === "ok" ? "success" : trace.status === "warning" ? "warning" : "danger";

  return (
    <>
      <ViewTitle>{t.explain.title}</ViewTitle>
      <PersonPicker
        label={t.explain.person}
        items={rows}
        value={row === null ? "" : String(row)}
        valueOf={(r) => String(r.index)}
        textOf={(r) => `${r.name} · ${r.id} · ${r.period}`}
        onChange={(v) => showExplanation(Number(v))}
      />
      <Switch checked={follow} label={t.explain.follow} onChange={(_, d) => setFollow(d.checked)} />
      <div
        className={styles.card}
        aria-label={`${trace.subject.name} ${trace.subject.period}`}
        role="group"
      >
        <div className={styles.who}>
          <Text weight="semibold">{`${trace.subject.name} (${trace.subject.id})`}</Text>
          <Caption1>{`${trace.subject.team} · ${trace.subject.period} · ${format.text(trace.plan.name)} ${trace.plan.version}`}</Caption1>
        </div>
        <div className={styles.stat}>
          <Caption1>{t.explain.total}</Caption1>
          <span className={styles.big}>{format.score(trace.total)}</span>
        </div>
        <div className={styles.stat}>
          <Caption1>{t.explain.grade}</Caption1>
          <span className={styles.big}>{trace.grade.label ?? "—"}</span>
          {trace.grade.name && <Caption1>{format.text(trace.grade.name)}</Caption1>}
        </div>
        <div className={styles.stat}>
          <Caption1>{t.explain.coefficient}</Caption1>
          <span className={styles.big}>{format.number(trace.coefficient.value, 2)}</span>
        </div>
        <div className={styles.who}>
          <Badge appearance="tint" color={statusColor} size="small">
            {t.explain.status[trace.status](trace.problems.length)}
          </Badge>
        </div>
      </div>
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          icon={<DocumentTextRegular />}
          disabled={writer.action.busy}
          onClick={() => void write()}
        >
          {writer.action.busy ? t.explain.writing : t.explain.write}
        </Button>
      </div>
      <ClosedChecks />
      {writtenFor === row && <StatementOutcome writer={writer} onRetry={() => void write()} />}
      {trace.problems.length > 0 && (
        <section className={styles.section} aria-labelledby="explain-problems">
          <Body1Strong as="h3" id="explain-problems" className={styles.heading}>
            {t.explain.problems}
          </Body1Strong>
          <IssueList
            issues={trace.problems}
            language={language}
            label={t.explain.problems}
            onGoTo={(l) => void host.goToCell(l)}
          />
        </section>
      )}
      <section className={styles.section} aria-labelledby="explain-indicators">
        <Body1Strong as="h3" id="explain-indicators" className={styles.heading}>
          {t.explain.indicators}
        </Body1Strong>
        <IndicatorTable indicators={trace.indicators} dimensions={trace.dimensions} />
        {trace.renormalized && <Caption1>{t.explain.renormalized}</Caption1>}
      </section>
      <section className={styles.section} aria-labelledby="explain-rules">
        <Body1Strong as="h3" id="explain-rules" className={styles.heading}>
          {`${t.explain.grade} · ${t.explain.coefficient}`}
        </Body1Strong>
        <RuleSummary trace={trace} />
      </section>
      <section className={styles.section} aria-labelledby="explain-commission">
        <Body1Strong as="h3" id="explain-commission" className={styles.heading}>
          {t.explain.commission}
        </Body1Strong>
        <CommissionTrace months={trace.commission} />
      </section>
      {trace.team.length > 0 && (
        <section className={styles.section} aria-labelledby="explain-team">
          <Body1Strong as="h3" id="explain-team" className={styles.heading}>
            {t.explain.teamCommission}
          </Body1Strong>
          <TeamCommissionTrace months={trace.team} />
        </section>
      )}
      <section className={styles.section} aria-labelledby="explain-pay">
        <Body1Strong as="h3" id="explain-pay" className={styles.heading}>
          {t.explain.pay}
        </Body1Strong>
        <PayLines pay={trace.pay} />
      </section>
      {(trace.strengths.length > 0 || trace.gaps.length > 0) && (
        <section className={styles.section} aria-labelledby="explain-strengths">
          <Body1Strong as="h3" id="explain-strengths" className={styles.heading}>
            {`${t.explain.strengths} · ${t.explain.gaps}`}
          </Body1Strong>
          <Text size={200} weight="semibold">
            {t.explain.strengths}
          </Text>
          <ul className={styles.list}>
            {trace.strengths.map((k) => (
              <li key={k}>
                <Text size={200}>{name(k)}</Text>
              </li>
            ))}
          </ul>
          <Text size={200} weight="semibold">
            {t.explain.gaps}
          </Text>
          <ul className={styles.list}>
            {trace.gaps.map((k) => (
              <li key={k}>
                <Text size={200}>{name(k)}</Text>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

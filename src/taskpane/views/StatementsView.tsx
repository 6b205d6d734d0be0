import * as React from "react";
import {
  Body1Strong,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowClockwiseRegular, DocumentMultipleRegular } from "@fluentui/react-icons";
import type { StatementEntry } from "../../workbook/statements";
import type { Strings } from "../strings";
import { useHost } from "../hostContext";
import { useSession } from "../session";
import { useAction } from "../useAction";
import { useDataCheck } from "../useDataCheck";
import { useStatementWriter } from "../useStatementWriter";
import { evaluationPeriodOf, evaluationPeriods, teamsOf } from "../../app/workflow";
import { ClosedChecks } from "../components/ClosedChecks";
import { ErrorBar } from "../components/ErrorBar";
import { ShowMore, usePage } from "../components/LongList";
import { NeedsPlanWorkbook } from "../components/NeedsPlanWorkbook";
import { StatementOutcome } from "../components/StatementOutcome";
import { ViewTitle } from "../components/ViewTitle";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(130px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/** A statement on the sheet: who, period, plan version, and how it follows up the period before. */
function entryText(e: StatementEntry, t: Strings): string {
  const f = e.follow;
  const follow = !f
    ? ""
    : f.state === "present"
      ? t.followUp.present(f.lines, f.previous)
      : t.followUp[f.state](f.previous);
  return [e.id, e.period, e.planVersion, ...(follow ? [follow] : [])].join(" · ");
}

/**
 * Statements (绩效结果通知单) in one action for a team or everyone of a period: added to the
 * Statements sheet, whose index says which statements it already holds (read back here, so a
 * reopened pane adds to them rather than replacing them).
 */
export function StatementsView(): React.JSX.Element {
  const styles = useStyles();
  const host = useHost();
  const { strings: t, workbook, plan, check, closing } = useSession();
  const prepare = useDataCheck();
  const writer = useStatementWriter();
  const reading = useAction();
  const { run: read } = reading;
  // what the sheet holds, a page at a time
  const page = usePage();
  const resetPage = page.reset;
  const [onSheet, setOnSheet] = React.useState<StatementEntry[] | null>(null);
  const rows = React.useMemo(() => check?.data.rows ?? [], [check]);
  const periods = plan ? evaluationPeriods(rows, plan) : [];
  const [period, setPeriod] = React.useState("");
  const [team, setTeam] = React.useState("");
  const chosen = period || periods[periods.length - 1] || "";
  const hasSheet = Boolean(workbook?.sheets.plan);

  const refresh = React.useCallback(
    () =>
      read(async () => {
        setOnSheet(await host.readStatements());
        resetPage();
      }),
    [read, host, resetPage]
  );
  React.useEffect(() => {
    if (hasSheet) void refresh();
  }, [hasSheet, refresh]);

  const subjects: { id: string; period: string }[] = [];
  if (plan) {
    const seen = new Set<string>();
    for (const r of rows) {
      if (evaluationPeriodOf(r, plan) !== chosen || (team && r.team !== team) || seen.has(r.id))
        continue;
      seen.add(r.id);
      subjects.push({ id: r.id, period: chosen });
    }
    subjects.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  const write = async () => {
    await writer.write(subjects);
    await refresh();
  };
  const update = async () => {
    await writer.update();
    await refresh();
  };

  if (workbook && !hasSheet) {
    return (
      <>
        <ViewTitle>{t.statements.title}</ViewTitle>
        <NeedsPlanWorkbook />
      </>
    );
  }

  return (
    <>
      <ViewTitle>{t.statements.title}</ViewTitle>
      <Text size={200}>{t.statements.intro}</Text>
      {prepare.busy && <Spinner size="tiny" label={t.common.working} />}
      <ErrorBar error={prepare.error} />
      {check && rows.length === 0 && (
        <MessageBar intent="info">
          <MessageBarBody>{t.statements.noData}</MessageBarBody>
        </MessageBar>
      )}
      <ClosedChecks />
      <div className={styles.grid}>
        <Field label={t.statements.period} size="small">
          <Select size="small" value={chosen} onChange={(_, d) => setPeriod(d.value)}>
            {periods.map((p) => (
              <option key={p} value={p}>
                {closing?.closed.has(p) ? t.generate.closedOption(p) : p}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.statements.team} size="small">
          <Select size="small" value={team} onChange={(_, d) => setTeam(d.value)}>
            <option value="">{t.statements.allTeams}</option>
            {teamsOf(rows).map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Caption1>{t.statements.people(subjects.length)}</Caption1>
      <Caption1>{t.followUp.note}</Caption1>
      {closing?.closed.has(chosen) && <Caption1>{t.statements.closedNote}</Caption1>}
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          icon={<DocumentMultipleRegular />}
          disabled={writer.action.busy || subjects.length === 0 || !host.available()}
          onClick={() => void write()}
        >
          {writer.action.busy ? t.statements.writing : t.statements.write(subjects.length)}
        </Button>
      </div>
      <StatementOutcome writer={{ ...writer, update }} onRetry={() => void write()} />
      <section className={styles.section} aria-labelledby="statements-on-sheet">
        <Body1Strong as="h3" id="statements-on-sheet" className={styles.heading}>
          {t.statements.onSheet}
        </Body1Strong>
        <ErrorBar error={reading.error} onRetry={() => void refresh()} />
        {onSheet && (
          <Text size={200} role="status">
            {onSheet.length ? t.statements.onSheetCount(onSheet.length) : t.statements.noneOnSheet}
          </Text>
        )}
        {onSheet && onSheet.length > 0 && (
          <ul className={styles.list} aria-labelledby="statements-on-sheet">
            {onSheet.slice(0, page.limit).map((e) => (
              <li key={`${e.id} ${e.period}`}>
                <Text size={200}>{entryText(e, t)}</Text>
              </li>
            ))}
          </ul>
        )}
        {onSheet && (
          <ShowMore
            shown={Math.min(page.limit, onSheet.length)}
            total={onSheet.length}
            onMore={page.more}
          />
        )}
        <div className={styles.buttons}>
          <Button
            size="small"
            icon={<ArrowClockwiseRegular />}
            disabled={reading.busy}
            onClick={() => void refresh()}
          >
            {t.statements.refresh}
          </Button>
        </div>
      </section>
    </>
  );
}

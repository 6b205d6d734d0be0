import * as React from "react";
import {
  Body1Strong,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowClockwiseRegular, TargetArrowRegular } from "@fluentui/react-icons";
import type { DataRow, Plan } from "../../engine";
import type { TargetLettersResult } from "../../app/host";
import { writeLettersFor } from "../../app/letters";
import type { LetterSubject } from "../../app/letterSheets";
import { evaluationPeriodOf, evaluationPeriods, teamsOf } from "../../app/workflow";
import type { LetterEntry } from "../../workbook/letters";
import { useHost } from "../hostContext";
import { useSession } from "../session";
import { useAction } from "../useAction";
import { useDataCheck } from "../useDataCheck";
import { ErrorBar } from "../components/ErrorBar";
import { ShowMore, usePage } from "../components/LongList";
import { IssueList } from "../components/IssueList";
import { NeedsPlanWorkbook } from "../components/NeedsPlanWorkbook";
import { ProgressLine, useProgress } from "../components/ProgressLine";
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

/** The salespeople of a period (one team, or everyone), by id. */
function subjectsOf(
  rows: readonly DataRow[],
  plan: Plan,
  period: string,
  team: string
): LetterSubject[] {
  const seen = new Set<string>();
  const out: LetterSubject[] = [];
  for (const r of rows) {
    if (evaluationPeriodOf(r, plan) !== period || (team && r.team !== team) || seen.has(r.id))
      continue;
    seen.add(r.id);
    out.push({ id: r.id, period });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** What a write of letters did: written (go to the sheet), refused (update?), and the letters not written. */
function LettersOutcome({
  result,
  busy,
  onUpdate,
}: {
  result: TargetLettersResult;
  busy: boolean;
  onUpdate: () => void;
}): React.JSX.Element {
  const { strings: t, language } = useSession();
  const host = useHost();
  const styles = useStyles();
  const location = result.location;
  return (
    <>
      {result.lost.length > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>{t.letters.lost(result.lost.join(", "))}</MessageBarBody>
        </MessageBar>
      )}
      {result.changed.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.letters.changed(result.changed.join(", "))}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" disabled={busy} onClick={onUpdate}>
              {t.letters.update}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {result.written.length > 0 && (
        <MessageBar intent="success">
          <MessageBarBody>
            {t.letters.written(result.written.length, result.sheets[0] ?? "")}
          </MessageBarBody>
          {location && (
            <MessageBarActions>
              <Button size="small" onClick={() => void host.goToCell(location)}>
                {t.letters.show}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {result.written.length > 0 && result.signedChanged.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {t.letters.signedChanged(result.signedChanged.join(", "))}
          </MessageBarBody>
        </MessageBar>
      )}
      {result.problems.length > 0 && (
        <section className={styles.section} aria-labelledby="letters-problems">
          <Body1Strong as="h3" id="letters-problems" className={styles.heading}>
            {t.letters.notWritten}
          </Body1Strong>
          <IssueList
            issues={result.problems}
            language={language}
            label={t.letters.notWritten}
            onGoTo={(l) => void host.goToCell(l)}
          />
        </section>
      )}
    </>
  );
}

/**
 * Target letters (目标责任书) in one action for a team or everyone of a period, added to the
 * Target letters sheet, whose index says which letters it already holds (read back here).
 */
export function LettersView(): React.JSX.Element {
  const styles = useStyles();
  const host = useHost();
  const { strings: t, workbook, plan, check, language, confirmReplace } = useSession();
  const prepare = useDataCheck();
  const writing = useAction();
  const reading = useAction();
  const progress = useProgress();
  // what the sheet holds, a page at a time
  const page = usePage();
  const resetPage = page.reset;
  const [onSheet, setOnSheet] = React.useState<LetterEntry[] | null>(null);
  const [result, setResult] = React.useState<TargetLettersResult | null>(null);
  const [period, setPeriod] = React.useState("");
  const [team, setTeam] = React.useState("");
  const rows = React.useMemo(() => check?.data.rows ?? [], [check]);
  const periods = plan ? evaluationPeriods(rows, plan) : [];
  const chosen = period || periods[periods.length - 1] || "";
  const hasSheet = Boolean(workbook?.sheets.plan);
  const subjects = plan ? subjectsOf(rows, plan, chosen, team) : [];
  const { run: read } = reading;

  const refresh = React.useCallback(
    () =>
      read(async () => {
        setOnSheet(await host.readTargetLetters());
        resetPage();
      }),
    [read, host, resetPage]
  );
  React.useEffect(() => {
    if (hasSheet) void refresh();
  }, [hasSheet, refresh]);

  const write = async (updateChanged = false) => {
    setResult(null);
    const signal = progress.start();
    await writing.run(async () => {
      try {
        const r = await writeLettersFor(host, {
          language,
          subjects,
          updateChanged,
          options: { onProgress: progress.update, signal, confirmReplace },
        });
        setResult(r);
      } finally {
        progress.stop();
      }
    });
    await refresh();
  };

  if (workbook && !hasSheet) {
    return (
      <>
        <ViewTitle>{t.letters.title}</ViewTitle>
        <NeedsPlanWorkbook />
      </>
    );
  }

  return (
    <>
      <ViewTitle>{t.letters.title}</ViewTitle>
      <Text size={200}>{t.letters.intro}</Text>
      {prepare.busy && <Spinner size="tiny" label={t.common.working} />}
      <ErrorBar error={prepare.error} />
      {check && rows.length === 0 && (
        <MessageBar intent="info">
          <MessageBarBody>{t.letters.noData}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.grid}>
        <Field label={t.letters.period} size="small">
          <Select size="small" value={chosen} onChange={(_, d) => setPeriod(d.value)}>
            {periods.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.letters.team} size="small">
          <Select size="small" value={team} onChange={(_, d) => setTeam(d.value)}>
            <option value="">{t.letters.allTeams}</option>
            {teamsOf(rows).map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Caption1>{t.letters.people(subjects.length)}</Caption1>
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          icon={<TargetArrowRegular />}
          disabled={writing.busy || subjects.length === 0 || !host.available()}
          onClick={() => void write()}
        >
          {writing.busy ? t.letters.writing : t.letters.write(subjects.length)}
        </Button>
      </div>
      <ProgressLine
        progress={progress.value}
        label={t.letters.progress}
        onCancel={progress.cancel}
      />
      <ErrorBar error={writing.error} onRetry={() => void write()} />
      {result && (
        <LettersOutcome result={result} busy={writing.busy} onUpdate={() => void write(true)} />
      )}
      <section className={styles.section} aria-labelledby="letters-on-sheet">
        <Body1Strong as="h3" id="letters-on-sheet" className={styles.heading}>
          {t.letters.onSheet}
        </Body1Strong>
        <ErrorBar error={reading.error} onRetry={() => void refresh()} />
        {onSheet && (
          <Text size={200} role="status">
            {onSheet.length ? t.letters.onSheetCount(onSheet.length) : t.letters.noneOnSheet}
          </Text>
        )}
        {onSheet && onSheet.length > 0 && (
          <ul className={styles.list} aria-labelledby="letters-on-sheet">
            {onSheet.slice(0, page.limit).map((e) => (
              <li key={`${e.id} ${e.period}`}>
                <Text size={200}>{`${e.id} · ${e.period} · ${e.planVersion}`}</Text>
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
            {t.letters.refresh}
          </Button>
        </div>
      </section>
    </>
  );
}

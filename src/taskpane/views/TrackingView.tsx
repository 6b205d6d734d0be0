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
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { CalendarLtrRegular } from "@fluentui/react-icons";
import { periodLabel } from "../../engine/periods";
import { teamsOf } from "../../app/workflow";
import { notesOf, ofTeam, writeTrackingFor, type TrackedPerson } from "../../app/tracking";
import type { WriteResult } from "../../app/host";
import { useHost } from "../hostContext";
import { useSession } from "../session";
import { useAction } from "../useAction";
import { useDataCheck } from "../useDataCheck";
import { ErrorBar } from "../components/ErrorBar";
import { NeedsPlanWorkbook } from "../components/NeedsPlanWorkbook";
import { FindField, findPeople, ShowMore, usePage } from "../components/LongList";
import { ViewTitle } from "../components/ViewTitle";
import { useTracking } from "./useTracking";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(130px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  person: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  behind: { color: tokens.colorPaletteRedForeground1 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

const Person = React.memo(function Person(props: {
  p: TrackedPerson;
  note: string;
  onNote: (id: string, text: string) => void;
}): React.JSX.Element {
  const styles = useStyles();
  const { strings: t, format } = useSession();
  const { p } = props;
  const grade = p.grade || "—";
  return (
    <li className={styles.person} aria-label={`${p.name} ${p.id}`}>
      <Body1Strong>{`${p.name} · ${p.id} · ${p.team}`}</Body1Strong>
      {p.headline && (
        <Text size={200}>
          {t.tracking.ofPeriod(
            p.headline.name,
            format.percent(p.headline.ofPeriod, 0),
            format.percent(p.headline.pace, 0)
          )}
        </Text>
      )}
      <Text size={200}>
        {Number.isNaN(p.projectedTotal)
          ? t.tracking.noProjection
          : t.tracking.projected(format.score(p.projectedTotal), grade)}
      </Text>
      <Text size={200} className={p.behind ? styles.behind : undefined}>
        {p.behind ? t.tracking.behind(p.behind) : t.tracking.onPace}
      </Text>
      <Field label={t.tracking.note(p.name)} size="small">
        <Textarea
          size="small"
          resize="vertical"
          value={props.note}
          placeholder={t.tracking.notePlaceholder}
          onChange={(_, d) => props.onNote(p.id, d.value)}
        />
      </Field>
    </li>
  );
});

/**
 * Monthly tracking (月度跟踪): pick a month and a team; each salesperson's attainment to date,
 * projected grade and indicators behind pace, with a feedback note; Write tracking sheet writes
 * the month to the Tracking sheet, keeping every note already typed there.
 */
export function TrackingView(): React.JSX.Element {
  const styles = useStyles();
  const host = useHost();
  const { strings: t, workbook, plan, check, language, run } = useSession();
  const prepare = useDataCheck();
  const reading = useAction();
  const writing = useAction();
  const { run: read } = reading;
  const hasSheet = Boolean(workbook?.sheets.plan);
  const [month, setMonth] = React.useState("");
  const [team, setTeam] = React.useState("");
  // worked out off the pane's thread (the pane's compute): the whole data is evaluated
  const tracking = useTracking(plan, check, month, language);
  const { evaluation, months, chosen, list } = tracking;
  // notes as typed in the pane (by id) over those read from the sheet for the month
  const [onSheet, setOnSheet] = React.useState<Map<string, string>>(new Map());
  const [typed, setTyped] = React.useState<Map<string, string>>(new Map());
  const [written, setWritten] = React.useState<WriteResult | null>(null);
  const [find, setFind] = React.useState("");
  // a page at a time: a new month, team or search starts again at the first page
  const page = usePage();
  const onNote = React.useCallback(
    (id: string, text: string) => setTyped((m) => new Map(m).set(id, text)),
    []
  );

  const refresh = React.useCallback(
    () =>
      read(async () => {
        const r = await host.readTracking();
        setOnSheet(notesOf(r, chosen));
        setTyped(new Map());
      }),
    [read, host, chosen]
  );
  React.useEffect(() => {
    if (hasSheet && chosen) void refresh();
  }, [hasSheet, chosen, refresh]);

  const write = async () => {
    if (!plan || !check || !evaluation || !chosen) return;
    setWritten(null);
    const result = await writing.run(() =>
      writeTrackingFor(host, {
        plan,
        language,
        style: run?.options.style ?? "native",
        evaluation,
        check,
        month: chosen,
        notes: typed,
      })
    );
    if (result) {
      setWritten(result);
      await refresh();
    }
  };

  if (workbook && !hasSheet) {
    return (
      <>
        <ViewTitle>{t.tracking.title}</ViewTitle>
        <NeedsPlanWorkbook />
      </>
    );
  }
  const rows = check?.data.rows ?? [];
  const people = list ? findPeople(ofTeam(list, team), find) : [];
  const shown = people.slice(0, page.limit);
  return (
    <>
      <ViewTitle>{t.tracking.title}</ViewTitle>
      <Text size={200}>{t.tracking.intro}</Text>
      {prepare.busy && <Spinner size="tiny" label={t.common.working} />}
      <ErrorBar error={prepare.error} />
      {tracking.busy && <Spinner size="tiny" label={t.common.working} />}
      <ErrorBar error={tracking.error} onRetry={tracking.retry} />
      {check && rows.length === 0 && (
        <MessageBar intent="info">
          <MessageBarBody>{t.tracking.noData}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.grid}>
        <Field label={t.tracking.month} size="small">
          <Select
            size="small"
            value={chosen}
            onChange={(_, d) => {
              setMonth(d.value);
              page.reset();
            }}
          >
            {months.map((m) => (
              <option key={m} value={m}>
                {periodLabel(m, language)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.tracking.team} size="small">
          <Select
            size="small"
            value={team}
            onChange={(_, d) => {
              setTeam(d.value);
              page.reset();
            }}
          >
            <option value="">{t.tracking.allTeams}</option>
            {teamsOf(rows).map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </Select>
        </Field>
        <FindField
          value={find}
          onChange={(text) => {
            setFind(text);
            page.reset();
          }}
        />
      </div>
      {list && (
        <Caption1>{`${t.tracking.period(periodLabel(list.period, language))} · ${t.tracking.people(people.length)}`}</Caption1>
      )}
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          icon={<CalendarLtrRegular />}
          disabled={writing.busy || !evaluation || !chosen || !host.available()}
          onClick={() => void write()}
        >
          {writing.busy ? t.tracking.writing : t.tracking.write}
        </Button>
      </div>
      <ErrorBar error={writing.error} onRetry={() => void write()} />
      <ErrorBar error={reading.error} onRetry={() => void refresh()} />
      {written && (
        <MessageBar intent={written.cancelled ? "warning" : "success"}>
          <MessageBarBody>
            {written.cancelled
              ? t.tracking.cancelled
              : t.tracking.written(written.sheets.join(", "), periodLabel(chosen, language))}
          </MessageBarBody>
        </MessageBar>
      )}
      <ul className={styles.list} aria-label={t.tracking.title}>
        {shown.map((p) => (
          <Person
            key={p.id}
            p={p}
            note={typed.get(p.id) ?? onSheet.get(p.id) ?? ""}
            onNote={onNote}
          />
        ))}
      </ul>
      <ShowMore shown={shown.length} total={people.length} onMore={page.more} />
    </>
  );
}

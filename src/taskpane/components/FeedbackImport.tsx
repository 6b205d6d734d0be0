import * as React from "react";
import {
  Body1Strong,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowUploadRegular, PeopleCommunityRegular } from "@fluentui/react-icons";
import {
  convertRating,
  ratingScale,
  readFeedbackTable,
  type CellTable,
  type FeedbackReading,
  type Issue,
  type Plan,
  type RatingScale,
} from "../../engine";
import { type ImportResult } from "../../app/host";
import { useCompute, useHost } from "../hostContext";
import { useSession } from "../session";
import { readTableFile } from "../../app/tableFile";
import { useAction } from "../useAction";
import { checkWorkbook } from "../../app/workflow";
import { ErrorBar } from "./ErrorBar";
import { RatingScaleOptions, RefusalReport, type Refusal } from "./ImportMapping";
import { IssueList } from "./IssueList";
import { ProgressLine, useProgress } from "./ProgressLine";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  hidden: { display: "none" },
});

interface RatingsFile {
  name: string;
  table: CellTable;
  found: Issue[];
  /** Salesperson ids the Data sheet holds (ratings of others are named). */
  known: ReadonlySet<string>;
  /** The scale the file shows when it is not the plan's; null when it is the plan's. */
  shown: RatingScale | null;
}

/** The file's ratings read on the plan's scale, converted from `from` when the user said so. */
function readRatings(file: RatingsFile, plan: Plan, from: RatingScale | null): FeedbackReading {
  return readFeedbackTable(file.table, {
    scale: ratingScale(plan),
    knownIds: file.known,
    sourceScale: from ?? undefined,
  });
}

/**
 * 360 ratings from a survey export into the Feedback sheet. A file on another rating scale than
 * the plan's is never taken as is: the user says which scale it uses and sees the conversion
 * before anything is written.
 */
export function FeedbackImport({
  plan,
  onImported,
}: {
  plan: Plan;
  onImported(): void;
}): React.JSX.Element {
  const styles = useStyles();
  const host = useHost();
  const compute = useCompute();
  const { strings: t, language, confirmReplace } = useSession();
  const reading = useAction();
  const importing = useAction();
  const progress = useProgress();
  const input = React.useRef<HTMLInputElement>(null);
  const [file, setFile] = React.useState<RatingsFile | null>(null);
  const [refusal, setRefusal] = React.useState<Refusal | null>(null);
  const [from, setFrom] = React.useState<RatingScale | null>(null);
  const [mode, setMode] = React.useState<"replace" | "append">("append");
  const [done, setDone] = React.useState<ImportResult | null>(null);
  const scale = ratingScale(plan);

  const choose = (f: File | undefined) =>
    reading.run(async () => {
      if (!f) return;
      setFile(null);
      setRefusal(null);
      setDone(null);
      progress.start();
      try {
        const r = await readTableFile(f, { feedback: true }, progress.update, { compute });
        if (!r.ok) return setRefusal({ name: f.name, issues: r.issues });
        const check = await checkWorkbook(host, plan);
        const known = new Set((check?.data.rows ?? []).map((x) => x.id));
        const probe = readFeedbackTable(r.table, { scale, knownIds: known });
        const shown = probe.scaleFound?.scale ?? null;
        setFrom(shown);
        setFile({ name: f.name, table: r.table, found: r.issues, known, shown });
      } finally {
        progress.stop();
      }
    });

  const result = React.useMemo(
    () => (file && (file.shown === null || from !== null) ? readRatings(file, plan, from) : null),
    [file, plan, from]
  );
  const ratings = result?.ratings ?? [];
  const written = result?.readable?.length ?? 0;

  const doImport = () =>
    importing.run(async () => {
      if (!file || !result) return;
      const r = await host.importFeedback(
        { plan, language, ratings: result.readable ?? ratings, mode },
        { confirmReplace }
      );
      if (r.cancelled) return;
      setDone(r);
      setFile(null);
      onImported();
    });

  const example = (f: RatingScale) => {
    const first = ratings[0];
    if (!first) return "";
    const original = convertRating(first.score, scale, f);
    return `${original} → ${first.score}`;
  };

  return (
    <section className={styles.section} aria-labelledby="feedback-import">
      <Body1Strong as="h3" id="feedback-import" className={styles.heading}>
        {t.data.feedbackTitle}
      </Body1Strong>
      <Text size={200}>{t.data.feedbackHint(scale)}</Text>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".csv,.txt,text/csv"
        aria-label={t.data.chooseFeedback}
        tabIndex={-1}
        onChange={(e) => {
          void choose(e.target.files?.[0]);
          e.target.value = "";
        }}
      />
      <div className={styles.buttons}>
        <Button
          icon={<ArrowUploadRegular />}
          disabled={reading.busy || !host.available()}
          onClick={() => input.current?.click()}
        >
          {t.data.chooseFeedback}
        </Button>
      </div>
      <ProgressLine progress={progress.value} label={t.data.reading} />
      <ErrorBar error={reading.error} />
      {refusal && <RefusalReport refusal={refusal} />}
      {file && (
        <>
          <Text size={200} role="status">
            {t.data.feedbackRead(file.name, written)}
          </Text>
          {file.shown !== null && (
            <>
              <MessageBar intent="warning">
                <MessageBarBody>{t.data.scaleFound(file.shown, scale)}</MessageBarBody>
              </MessageBar>
              <Field label={t.data.scaleField} hint={t.data.scaleElsewhere(file.shown)}>
                <Select
                  value={from === null ? "" : String(from)}
                  onChange={(_, d) => setFrom(d.value ? (Number(d.value) as RatingScale) : null)}
                >
                  <RatingScaleOptions />
                </Select>
              </Field>
              {from !== null && (
                <Text size={200} weight="semibold">
                  {t.data.conversion(from, scale, example(from))}
                </Text>
              )}
            </>
          )}
          {result && (
            <IssueList
              issues={[...file.found, ...result.issues]}
              language={language}
              label={t.data.reportLabel}
              filter
            />
          )}
          {result && written === 0 && (
            <MessageBar intent="error">
              <MessageBarBody>{t.data.noRatings}</MessageBarBody>
            </MessageBar>
          )}
          <Field label={t.data.feedbackMode}>
            <RadioGroup value={mode} onChange={(_, d) => setMode(d.value as "replace" | "append")}>
              <Radio value="append" label={t.data.modes.append} />
              <Radio value="replace" label={t.data.modes.replace} />
            </RadioGroup>
          </Field>
          <div className={styles.buttons}>
            <Button
              appearance="primary"
              icon={<PeopleCommunityRegular />}
              disabled={!result || written === 0 || importing.busy}
              onClick={() => void doImport()}
            >
              {importing.busy ? t.data.importing : t.data.importFeedback(written)}
            </Button>
            <Button onClick={() => setFile(null)}>{t.common.cancel}</Button>
          </div>
        </>
      )}
      <ErrorBar error={importing.error} onRetry={() => void doImport()} />
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>
            {t.data.importedFeedback(done.rows, done.sheets[0] ?? "")}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

import * as React from "react";
import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowUploadRegular, TableAddRegular } from "@fluentui/react-icons";
import {
  defaultPlan,
  seedPlan,
  hasErrors,
  validatePlan,
  type Issue,
  type Language,
  type Plan,
} from "../../engine";
import { type WriteResult } from "../../app/host";
import { useHost } from "../hostContext";
import { readFileBytes, readPlanFile } from "../../app/planFile";
import { useSession } from "../session";
import { useAction } from "../useAction";
import { ErrorBar } from "../components/ErrorBar";
import { IssueList } from "../components/IssueList";
import { ProgressLine, useProgress } from "../components/ProgressLine";
import { ViewTitle } from "../components/ViewTitle";

const useStyles = makeStyles({
  steps: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  status: {
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  file: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    rowGap: tokens.spacingVerticalXS,
  },
  hidden: { display: "none" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

type Source = "default" | "seed" | "file";

/**
 * Start: create the plan workbook from the default plan, the seed's indicators whole (the second
 * built-in plan) or a saved plan file, in the chosen language.
 */
export function StartView(): React.JSX.Element {
  const styles = useStyles();
  const host = useHost();
  const {
    strings: t,
    language,
    setLanguage,
    workbook,
    refreshWorkbook,
    loadPlan,
    navigate,
    confirmReplace,
    format,
  } = useSession();
  const action = useAction();
  const progress = useProgress();
  const [source, setSource] = React.useState<Source>("default");
  const [file, setFile] = React.useState<{ fileName: string; plan: Plan; issues: Issue[] } | null>(
    null
  );
  const [fileRefused, setFileRefused] = React.useState<Issue[] | null>(null);
  const [created, setCreated] = React.useState<WriteResult | null>(null);
  const input = React.useRef<HTMLInputElement>(null);

  const sheets = workbook ? Object.values(workbook.sheets).filter(Boolean) : [];
  const exists = Boolean(workbook?.sheets.plan);
  const fileBlocked = source === "file" && (!file || hasErrors(file.issues));

  const chooseFile = async (f: File | undefined) => {
    setFile(null);
    setFileRefused(null);
    if (!f) return;
    const reading = readPlanFile(await readFileBytes(f), f.name);
    if (!reading.ok) {
      setFileRefused(reading.issues);
      return;
    }
    setFile({
      fileName: f.name,
      plan: reading.plan,
      issues: [...reading.issues, ...validatePlan(reading.plan)],
    });
  };

  const create = () =>
    action.run(async () => {
      setCreated(null);
      const plan =
        source === "file" && file ? file.plan : source === "seed" ? seedPlan() : defaultPlan();
      progress.start();
      try {
        const result = await host.createPlanWorkbook(plan, language, {
          confirmReplace,
          onProgress: progress.update,
        });
        if (result.cancelled) return;
        // an existing Plan sheet is kept by the template; a plan chosen (file or the seed plan) replaces it
        if (source !== "default" && exists)
          await host.writePlan(plan, language, { confirmReplace });
        setCreated(result);
        await refreshWorkbook();
        await loadPlan();
      } finally {
        progress.stop();
      }
    });

  return (
    <>
      <ViewTitle>{t.start.title}</ViewTitle>
      <Text as="p">{t.start.intro}</Text>
      <section aria-label={t.start.stepsLabel}>
        <ol className={styles.steps}>
          {t.start.steps.map((s) => (
            <li key={s}>
              <Text size={200}>{s}</Text>
            </li>
          ))}
        </ol>
      </section>
      {host.available() && (
        <div className={styles.status} role="status">
          <Text weight="semibold">{t.start.status}</Text>
          <Text size={200}>
            {sheets.length
              ? t.start.statusSheets(sheets.join(language === "zh-CN" ? "、" : ", "))
              : t.start.statusNone}
          </Text>
        </div>
      )}
      <Field label={t.start.languageField} hint={t.language.follows(host.displayLanguage() ?? "—")}>
        <RadioGroup
          layout="horizontal"
          value={language}
          onChange={(_, d) => setLanguage(d.value as Language)}
        >
          <Radio value="zh-CN" label={t.language.zh} />
          <Radio value="en-US" label={t.language.en} />
        </RadioGroup>
      </Field>
      <Field label={t.start.source}>
        <RadioGroup value={source} onChange={(_, d) => setSource(d.value as Source)}>
          <Radio value="default" label={t.start.sourceDefault} />
          <Radio value="seed" label={t.indicators.sourceSeed} />
          <Radio value="file" label={t.start.sourceFile} />
        </RadioGroup>
      </Field>
      {source === "file" && (
        <div className={styles.file}>
          <input
            ref={input}
            className={styles.hidden}
            type="file"
            accept=".json,application/json"
            aria-label={t.start.chooseFile}
            tabIndex={-1}
            onChange={(e) => {
              void chooseFile(e.target.files?.[0]);
              e.target.value = "";
            }}
          />
          <Button icon={<ArrowUploadRegular />} onClick={() => input.current?.click()}>
            {t.start.chooseFile}
          </Button>
          {fileRefused && (
            <>
              <MessageBar intent="error" role="alert">
                <MessageBarBody>{t.start.fileInvalid}</MessageBarBody>
              </MessageBar>
              <IssueList issues={fileRefused} language={language} label={t.issues.label} />
            </>
          )}
          {file && (
            <Text size={200}>
              {t.start.fileLoaded(format.text(file.plan.name), file.plan.version)}
            </Text>
          )}
          {file && hasErrors(file.issues) && (
            <Text size={200} role="alert">
              {t.start.fileHasErrors}
            </Text>
          )}
          {file && file.issues.length > 0 && (
            <IssueList issues={file.issues} language={language} label={t.issues.label} />
          )}
        </div>
      )}
      {exists && !created && (
        <MessageBar intent="info">
          <MessageBarBody>{t.start.existing}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<TableAddRegular />}
          disabled={action.busy || fileBlocked || !host.available()}
          onClick={() => void create()}
        >
          {action.busy ? t.start.creating : exists ? t.start.recreate : t.start.create}
        </Button>
      </div>
      <ProgressLine progress={progress.value} label={t.start.creating} />
      <ErrorBar error={action.error} onRetry={() => void create()} />
      {created && (
        <MessageBar intent="success">
          <MessageBarBody>
            {t.start.created(created.sheets.join(language === "zh-CN" ? "、" : ", "))}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" onClick={() => navigate("data")}>
              {t.start.next}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </>
  );
}

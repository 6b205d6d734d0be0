import * as React from "react";
import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Radio,
  RadioGroup,
  Body1Strong,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowUploadRegular,
  CheckmarkCircleRegular,
  SelectAllOnRegular,
  TableArrowUpRegular,
} from "@fluentui/react-icons";
import {
  dataHeaderSpec,
  locateHeader,
  mapColumns,
  readDataTable,
  type CellTable,
  type ColumnMapping,
  type Issue,
} from "../../engine";
import { HostError, type ImportResult } from "../../app/host";
import { useHost } from "../hostContext";
import { readTableFile } from "../../app/tableFile";
import { useSession } from "../session";
import { useAction } from "../useAction";
import {
  checkWorkbook,
  loadSavedMapping,
  mappingFromHeaders,
  saveMapping,
} from "../../app/workflow";
import { missingRequired } from "../components/ColumnMappingEditor";
import {
  filledRows,
  ImportPreview,
  MappingSection,
  RefusalReport,
  type ImportSource,
  type Refusal,
} from "../components/ImportMapping";
import { ErrorBar } from "../components/ErrorBar";
import { FeedbackImport } from "../components/FeedbackImport";
import { IssueList } from "../components/IssueList";
import { NeedsPlanWorkbook } from "../components/NeedsPlanWorkbook";
import { ProgressLine, useProgress } from "../components/ProgressLine";
import { ViewTitle } from "../components/ViewTitle";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  hidden: { display: "none" },
});

/**
 * Data: import a CRM export (CSV) or a selection into the Data sheet through a column mapping the
 * pane remembers, then check the Data sheet and list every problem by sheet, row and column.
 */
export function DataView(): React.JSX.Element {
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
    navigate,
    confirmReplace,
  } = useSession();
  const reading = useAction();
  const importing = useAction();
  const checking = useAction();
  const progress = useProgress();
  const [source, setSource] = React.useState<ImportSource | null>(null);
  const [mode, setMode] = React.useState<"replace" | "append">("replace");
  const [imported, setImported] = React.useState<ImportResult | null>(null);
  const [refused, setRefused] = React.useState<{ columns: string[]; rows: number } | null>(null);
  const [refusal, setRefusal] = React.useState<Refusal | null>(null);
  const fileInput = React.useRef<HTMLInputElement>(null);
  const hasSheet = Boolean(workbook?.sheets.data);

  React.useEffect(() => {
    if (workbook?.sheets.plan && !plan) void reading.run(loadPlan);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workbook, plan, loadPlan]);

  const open = (name: string, table: CellTable, found: Issue[]) => {
    if (!plan) return;
    const saved = loadSavedMapping(host.settings);
    const remembered = saved ? mappingFromHeaders(table, saved) : undefined;
    const { mapping, ambiguous } = mapColumns(table, plan, remembered);
    setRefusal(null);
    setSource({
      name,
      table,
      mapping,
      remembered: Boolean(remembered && Object.keys(remembered).length),
      found,
      unresolved: ambiguous,
    });
    setImported(null);
  };

  const chooseFile = (file: File | undefined) =>
    reading.run(async () => {
      if (!file || !plan) return;
      setSource(null);
      progress.start();
      try {
        const r = await readTableFile(file, dataHeaderSpec(plan), progress.update);
        if (r.ok) open(file.name, r.table, r.issues);
        else setRefusal({ name: file.name, issues: r.issues });
      } finally {
        progress.stop();
      }
    });

  const takeSelection = () =>
    reading.run(async () => {
      if (!plan) return;
      const raw = await host.readSelection();
      const r = locateHeader(
        { ...raw, sheet: raw.sheet || t.data.selectionName },
        dataHeaderSpec(plan)
      );
      if (r.ok) open(t.data.selectionName, r.table, r.issues);
      else setRefusal({ name: t.data.selectionName, issues: r.issues });
    });

  /** The user chose a column for a plan column (resolving an ambiguity when there was one). */
  const choose = (mapping: ColumnMapping, key: string) => {
    if (!source) return;
    const unresolved = { ...source.unresolved };
    delete unresolved[key];
    setSource({ ...source, mapping, unresolved });
  };

  const runCheck = () =>
    checking.run(async () => {
      const current = plan ?? (await loadPlan()).plan;
      if (!current) return;
      setCheck(await checkWorkbook(host, current));
    });

  const doImport = (as: "replace" | "append" = mode) =>
    importing.run(async () => {
      if (!source || !plan) return;
      setRefused(null);
      await saveMapping(host.settings, source.table, source.mapping);
      progress.start();
      try {
        let result;
        try {
          result = await host.importData(
            { plan, language, table: source.table, mapping: source.mapping, mode: as },
            { confirmReplace, onProgress: progress.update }
          );
        } catch (e) {
          // the Data sheet has the user's own columns and replacing would lose some of their values
          if (e instanceof HostError && e.code === "TooManyRows") {
            const info = (e.debugInfo ?? {}) as { rows?: number; limit?: number };
            throw new Error(t.data.tooManyRows(info.rows ?? 0, info.limit ?? 0));
          }
          if (e instanceof HostError && e.code === "UserColumnsWouldBeLost") {
            const info = (e.debugInfo ?? {}) as { columns?: string[]; rows?: number };
            setRefused({ columns: info.columns ?? [], rows: info.rows ?? 0 });
            return;
          }
          throw e;
        }
        if (result.cancelled) return;
        setImported(result);
        setSource(null);
      } finally {
        progress.stop();
      }
      setCheck(await checkWorkbook(host, plan));
    });

  const preview = React.useMemo(
    () =>
      source && plan ? readDataTable(source.table, plan, source.mapping, { exact: true }) : null,
    [source, plan]
  );

  if (workbook && !hasSheet) {
    return (
      <>
        <ViewTitle>{t.data.title}</ViewTitle>
        <NeedsPlanWorkbook />
      </>
    );
  }

  const unresolved = source ? Object.keys(source.unresolved).length : 0;
  const missing = source && plan ? missingRequired(plan, source.mapping) : [];
  const rowsToImport = source ? filledRows(source.table) - (preview?.leftOut.length ?? 0) : 0;
  const allIssues = check ? [...check.data.issues, ...check.feedback.issues] : [];

  return (
    <>
      <ViewTitle>{t.data.title}</ViewTitle>
      <section className={styles.section} aria-labelledby="data-import">
        <Body1Strong as="h3" id="data-import" className={styles.heading}>
          {t.data.importTitle}
        </Body1Strong>
        <input
          ref={fileInput}
          className={styles.hidden}
          type="file"
          accept=".csv,.txt,text/csv"
          aria-label={t.data.chooseFile}
          tabIndex={-1}
          onChange={(e) => {
            void chooseFile(e.target.files?.[0]);
            e.target.value = "";
          }}
        />
        <div className={styles.buttons}>
          <Button
            icon={<ArrowUploadRegular />}
            disabled={!plan || reading.busy}
            onClick={() => fileInput.current?.click()}
          >
            {t.data.chooseFile}
          </Button>
          <Button
            icon={<SelectAllOnRegular />}
            disabled={!plan || reading.busy || !host.available()}
            onClick={() => void takeSelection()}
          >
            {t.data.useSelection}
          </Button>
        </div>
        <Text size={200}>{t.data.selectionHint}</Text>
        <ErrorBar error={reading.error} />
        {refusal && <RefusalReport refusal={refusal} />}
        {source && plan && (
          <section className={styles.section} aria-labelledby="data-mapping">
            <MappingSection source={source} plan={plan} onChoose={choose} />
            {preview && <ImportPreview source={source} preview={preview} />}
            <Field label={t.data.mode}>
              <RadioGroup
                value={mode}
                onChange={(_, d) => setMode(d.value as "replace" | "append")}
              >
                <Radio value="replace" label={t.data.modes.replace} />
                <Radio value="append" label={t.data.modes.append} />
              </RadioGroup>
            </Field>
            <div className={styles.buttons}>
              <Button
                appearance="primary"
                icon={<TableArrowUpRegular />}
                disabled={
                  missing.length > 0 || unresolved > 0 || importing.busy || rowsToImport <= 0
                }
                onClick={() => void doImport()}
              >
                {importing.busy ? t.data.importing : t.data.import(rowsToImport)}
              </Button>
              <Button onClick={() => setSource(null)}>{t.common.cancel}</Button>
            </div>
          </section>
        )}
        <ProgressLine
          progress={progress.value}
          label={reading.busy ? t.data.reading : t.data.importing}
        />
        <ErrorBar error={importing.error} onRetry={() => void doImport()} />
        {refused && (
          <MessageBar intent="warning" role="alert">
            <MessageBarBody>
              {t.data.userColumns(refused.columns.map((c) => `“${c}”`).join(", "), refused.rows)}
            </MessageBarBody>
            <MessageBarActions>
              <Button
                size="small"
                onClick={() => {
                  setMode("append");
                  void doImport("append");
                }}
              >
                {t.data.appendInstead}
              </Button>
              <Button size="small" appearance="subtle" onClick={() => setRefused(null)}>
                {t.common.cancel}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {imported && (
          <MessageBar intent="success">
            <MessageBarBody>
              {t.data.imported(imported.rows, imported.sheets[0] ?? "")}
            </MessageBarBody>
          </MessageBar>
        )}
      </section>
      {plan && <FeedbackImport plan={plan} onImported={() => void runCheck()} />}
      <section className={styles.section} aria-labelledby="data-check">
        <Body1Strong as="h3" id="data-check" className={styles.heading}>
          {t.data.checkTitle}
        </Body1Strong>
        <div className={styles.buttons}>
          <Button
            icon={<CheckmarkCircleRegular />}
            disabled={checking.busy || !host.available()}
            onClick={() => void runCheck()}
          >
            {checking.busy ? t.data.checking : check ? t.data.checkAgain : t.data.check}
          </Button>
        </div>
        <ErrorBar error={checking.error} onRetry={() => void runCheck()} />
        {check && (
          <>
            <div role="status">
              <Text size={200}>
                {check.data.rows.length === 0
                  ? t.data.noData
                  : `${t.data.checked(check.data.rows.length)} ${t.issues.summary(
                      allIssues.filter((i) => i.severity === "error").length,
                      allIssues.filter((i) => i.severity === "warning").length,
                      allIssues.filter((i) => i.severity === "info").length
                    )}`}
              </Text>
            </div>
            <IssueList
              issues={allIssues}
              language={language}
              label={t.issues.label}
              filter
              onGoTo={(l) => void host.goToCell(l)}
            />
            {check.data.rows.length > 0 && (
              <div className={styles.buttons}>
                <Button appearance="primary" onClick={() => navigate("generate")}>
                  {t.data.next}
                </Button>
              </div>
            )}
          </>
        )}
      </section>
    </>
  );
}

import * as React from "react";
import {
  Body1Strong,
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
import { ArrowUploadRegular, SelectAllOnRegular, TableArrowUpRegular } from "@fluentui/react-icons";
import type { Plan } from "../../engine";
import { missingRequired } from "../components/ColumnMappingEditor";
import { ErrorBar } from "../components/ErrorBar";
import {
  ImportPreview,
  MappingSection,
  RefusalReport,
  sourceRows,
  type ImportSource,
} from "../components/ImportMapping";
import { ProgressLine } from "../components/ProgressLine";
import { useHost } from "../hostContext";
import { useSession } from "../session";
import type { DataImport, ImportMode } from "./useDataImport";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  hidden: { display: "none" },
});

export interface DataImportSectionProps {
  /** The import's state and actions (useDataImport, held by the Data view). */
  data: DataImport;
  plan: Plan | null;
}

/** The Data view's import: a file or the selection, its mapping and preview, then the import. */
export function DataImportSection({ data, plan }: DataImportSectionProps): React.JSX.Element {
  const styles = useStyles();
  const host = useHost();
  const { strings: t } = useSession();
  const { reading, importing, progress, source, refusal, refused, imported } = data;
  const fileInput = React.useRef<HTMLInputElement>(null);
  return (
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
          void data.chooseFile(e.target.files?.[0]);
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
          onClick={() => void data.takeSelection()}
        >
          {t.data.useSelection}
        </Button>
      </div>
      <Text size={200}>{t.data.selectionHint}</Text>
      <ErrorBar error={reading.error} />
      {refusal && <RefusalReport refusal={refusal} />}
      {source && plan && <DataImportMapping data={data} source={source} plan={plan} />}
      <ProgressLine
        progress={progress.value}
        label={reading.busy ? t.data.reading : t.data.importing}
        onCancel={progress.cancel}
      />
      {data.cancelled && !importing.busy && (
        <MessageBar intent="info">
          <MessageBarBody>{t.generate.cancelled}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar error={importing.error} onRetry={() => void data.doImport()} />
      {refused && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>
            {t.data.userColumns(refused.columns.map((c) => `“${c}”`).join(", "), refused.rows)}
          </MessageBarBody>
          <MessageBarActions>
            <Button
              size="small"
              onClick={() => {
                data.setMode("append");
                void data.doImport("append");
              }}
            >
              {t.data.appendInstead}
            </Button>
            <Button size="small" appearance="subtle" onClick={() => data.setRefused(null)}>
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
  );
}

interface DataImportMappingProps {
  data: DataImport;
  source: ImportSource;
  plan: Plan;
}

/** The source read: its column mapping, the preview, replace or append, and the import button. */
function DataImportMapping({ data, source, plan }: DataImportMappingProps): React.JSX.Element {
  const styles = useStyles();
  const { strings: t } = useSession();
  const { preview, importing } = data;
  const unresolved = Object.keys(source.unresolved).length;
  const missing = missingRequired(plan, source.mapping);
  const rowsToImport = sourceRows(source) - (preview?.leftOut ?? 0);
  return (
    <section className={styles.section} aria-labelledby="data-mapping">
      <MappingSection source={source} plan={plan} onChoose={data.choose} />
      {preview && <ImportPreview source={source} preview={preview} />}
      <Field label={t.data.mode}>
        <RadioGroup value={data.mode} onChange={(_, d) => data.setMode(d.value as ImportMode)}>
          <Radio value="replace" label={t.data.modes.replace} />
          <Radio value="append" label={t.data.modes.append} />
        </RadioGroup>
      </Field>
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          icon={<TableArrowUpRegular />}
          disabled={
            missing.length > 0 || unresolved > 0 || importing.busy || !preview || rowsToImport <= 0
          }
          onClick={() => void data.doImport()}
        >
          {importing.busy ? t.data.importing : t.data.import(rowsToImport)}
        </Button>
        <Button onClick={() => data.setSource(null)}>{t.common.cancel}</Button>
      </div>
    </section>
  );
}

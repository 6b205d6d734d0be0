import * as React from "react";
import type { ImportPreviewData } from "../../app/tasks";
import type { FileBytes } from "../../app/host";
import {
  Body1Strong,
  Button,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ChevronDownRegular, ChevronRightRegular } from "@fluentui/react-icons";
import {
  RATING_SCALES,
  type CellTable,
  type ColumnMapping,
  type Issue,
  type Plan,
} from "../../engine";
import { useSession } from "../session";
import { ColumnMappingEditor, mappingTargets, missingRequired } from "./ColumnMappingEditor";
import { IssueList } from "./IssueList";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
});

/** A file or selection read for an import, with the mapping the user is choosing. */
export interface ImportSource {
  name: string;
  table: CellTable;
  mapping: ColumnMapping;
  remembered: boolean;
  /** What reading the file or selection found (encoding, separator, lines above the header). */
  found: Issue[];
  /** Plan columns several source columns match, until the user chooses: those columns. */
  unresolved: Record<string, number[]>;
  /**
   * A CSV file read where the pane's work runs: `table` holds its header and first rows only,
   * `rows` how many rows hold anything, and the preview and the import read the file's bytes.
   */
  file?: FileBytes;
  rows?: number;
}

/** Rows of a table that hold anything. */
export function filledRows(table: CellTable): number {
  return table.rows.filter((r) =>
    r.some((c) => c !== null && c !== undefined && String(c).trim() !== "")
  ).length;
}

/** Rows of a source that hold anything (all of a file's, not only those held). */
export function sourceRows(source: ImportSource): number {
  return source.rows ?? filledRows(source.table);
}

/**
 * How the source's columns match the plan's: what was found, the columns several could be (to
 * choose before importing), the required ones missing (by name), and the editor.
 */
export function MappingSection({
  source,
  plan,
  onChoose,
}: {
  source: ImportSource;
  plan: Plan;
  onChoose(mapping: ColumnMapping, key: string): void;
}): React.JSX.Element {
  const styles = useStyles();
  const { strings: t, language } = useSession();
  // every column matched: the list stays folded until the user wants to review it
  const [reviewing, setReviewing] = React.useState(false);
  const targets = mappingTargets(plan, language);
  const matched = targets.filter((x) => source.mapping[x.key] !== undefined).length;
  const unresolved = Object.keys(source.unresolved).length;
  const missing = missingRequired(plan, source.mapping);
  return (
    <>
      <Text size={200} role="status">
        {t.data.read(source.name, sourceRows(source), source.table.header.length)}
      </Text>
      <Body1Strong as="h3" id="data-mapping" className={styles.heading}>
        {t.data.mappingTitle}
      </Body1Strong>
      <Text size={200}>{source.remembered ? t.data.remembered : t.data.mappingHint}</Text>
      <Text size={200} weight="semibold">
        {t.data.matched(matched, targets.length)}
      </Text>
      {unresolved > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.data.ambiguous(unresolved)}</MessageBarBody>
        </MessageBar>
      )}
      {missing.length === 0 && unresolved === 0 && (
        <div>
          <Button
            size="small"
            appearance="subtle"
            icon={reviewing ? <ChevronDownRegular /> : <ChevronRightRegular />}
            aria-expanded={reviewing}
            aria-controls="data-mapping-list"
            onClick={() => setReviewing((r) => !r)}
          >
            {t.data.review}
          </Button>
        </div>
      )}
      {(reviewing || missing.length > 0 || unresolved > 0) && (
        <div id="data-mapping-list">
          <ColumnMappingEditor
            table={source.table}
            plan={plan}
            mapping={source.mapping}
            unresolved={source.unresolved}
            onChange={onChoose}
          />
        </div>
      )}
      {missing.length > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>
            {t.data.missingRequired(
              targets.filter((x) => missing.includes(x.key)).map((x) => x.name)
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

/** What the import will read before anything is written: rows, rows left out, every issue. */
export function ImportPreview({
  source,
  preview,
}: {
  source: ImportSource;
  preview: ImportPreviewData;
}): React.JSX.Element {
  const styles = useStyles();
  const { strings: t, language } = useSession();
  const unreadable = preview.issues.filter(
    (i) => i.severity === "error" && i.location?.column
  ).length;
  return (
    <section className={styles.section} aria-labelledby="data-preview">
      <Body1Strong as="h3" id="data-preview" className={styles.heading}>
        {t.data.previewTitle}
      </Body1Strong>
      <Text size={200}>{t.data.preview(preview.rows, preview.leftOut, unreadable)}</Text>
      <IssueList
        issues={[...source.found, ...preview.issues]}
        language={language}
        label={t.data.reportLabel}
        filter
      />
    </section>
  );
}

/** A file or selection that could not be read, and why. */
export interface Refusal {
  name: string;
  issues: Issue[];
}

/** Why a file or selection cannot be imported: every reason, located and worded. */
export function RefusalReport({ refusal }: { refusal: Refusal }): React.JSX.Element {
  const { strings: t, language } = useSession();
  return (
    <>
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{t.data.fileRefused(refusal.name)}</MessageBarBody>
      </MessageBar>
      <IssueList issues={refusal.issues} language={language} label={t.data.reportLabel} />
    </>
  );
}

/** The rating scales, as options of a select. */
export function RatingScaleOptions(): React.JSX.Element {
  const { strings: t } = useSession();
  return (
    <>
      {RATING_SCALES.map((n) => (
        <option key={n} value={String(n)}>
          {t.data.scaleOption(n)}
        </option>
      ))}
    </>
  );
}

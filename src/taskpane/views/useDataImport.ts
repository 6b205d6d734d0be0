/**
 * The Data view's import: a CRM export (CSV) or a selection read into a source with a column
 * mapping (the one the pane remembers when its headers match), then written to the Data sheet
 * and checked again.
 */
import * as React from "react";
import {
  dataHeaderSpec,
  locateHeader,
  mapColumns,
  type CellTable,
  type ColumnMapping,
  type Issue,
  type Plan,
} from "../../engine";
import { HostError, type FileBytes, type ImportResult, type SettingsStore } from "../../app/host";
import { readDataFileHead } from "../../app/tableFile";
import {
  checkWorkbook,
  loadSavedMapping,
  mappingFromHeaders,
  saveMapping,
} from "../../app/workflow";
import type { ImportSource, Refusal } from "../components/ImportMapping";
import { useProgress, type ProgressHandle } from "../components/ProgressLine";
import { useCompute, useHost } from "../hostContext";
import { isCancelled } from "../../app/compute";
import type { ImportPreviewData } from "../../app/tasks";
import { useSession } from "../session";
import type { Strings } from "../strings";
import { useAction, type Action } from "../useAction";

export type ImportMode = "replace" | "append";

/** The user's own columns on the Data sheet that replacing it would lose. */
export interface UserColumnsRefused {
  columns: string[];
  rows: number;
}

export interface DataImport {
  /** Reading the plan, a file or the selection. */
  reading: Action;
  importing: Action;
  progress: ProgressHandle;
  source: ImportSource | null;
  setSource(source: ImportSource | null): void;
  mode: ImportMode;
  setMode(mode: ImportMode): void;
  imported: ImportResult | null;
  refused: UserColumnsRefused | null;
  setRefused(refused: UserColumnsRefused | null): void;
  refusal: Refusal | null;
  /** The source's rows as they would be imported. */
  preview: ImportPreviewData | null;
  /** The last import was cancelled (nothing was written). */
  cancelled: boolean;
  chooseFile(file: File | undefined): Promise<void>;
  takeSelection(): Promise<void>;
  /** The user chose a column for a plan column (resolving an ambiguity when there was one). */
  choose(mapping: ColumnMapping, key: string): void;
  doImport(as?: ImportMode): Promise<void>;
}

/**
 * The import's failure: the user's own columns on the Data sheet that replacing it would lose
 * (the user may append instead); any other failure is thrown, too many rows worded for the user.
 */
function userColumnsRefused(e: unknown, t: Strings): UserColumnsRefused {
  if (e instanceof HostError && e.code === "TooManyRows") {
    const info = (e.debugInfo ?? {}) as { rows?: number; limit?: number };
    throw new Error(t.data.tooManyRows(info.rows ?? 0, info.limit ?? 0));
  }
  // the Data sheet has the user's own columns and replacing would lose some of their values
  if (e instanceof HostError && e.code === "UserColumnsWouldBeLost") {
    const info = (e.debugInfo ?? {}) as { columns?: string[]; rows?: number };
    return { columns: info.columns ?? [], rows: info.rows ?? 0 };
  }
  throw e;
}

/**
 * What the import will read, worked out off the pane's thread whenever the source or its mapping
 * changes; null while it is (the Import button waits for it).
 */
function useImportPreview(
  source: ImportSource | null,
  plan: Plan | null,
  reading: Action
): ImportPreviewData | null {
  const compute = useCompute();
  const [previewed, setPreviewed] = React.useState<{
    source: ImportSource;
    preview: ImportPreviewData;
  } | null>(null);
  React.useEffect(() => {
    if (!source || !plan) return;
    const controller = new AbortController();
    compute
      .task(
        "preview",
        { table: source.table, plan, mapping: source.mapping, file: source.file },
        { signal: controller.signal }
      )
      .then(
        (preview) => setPreviewed({ source, preview }),
        (e: unknown) => {
          if (!isCancelled(e)) void reading.run(() => Promise.reject(e as Error));
        }
      );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source, plan, compute]);
  return previewed && previewed.source === source ? previewed.preview : null;
}

/**
 * An import with its progress and Cancel: what it wrote, the user's columns it would lose (the
 * user may append instead), or "cancelled" (nothing was written); any other failure is thrown.
 */
async function importWithProgress(
  progress: ProgressHandle,
  t: Strings,
  write: (signal: AbortSignal) => Promise<ImportResult>
): Promise<
  | { kind: "cancelled" | "stopped" }
  | { kind: "refused"; refused: UserColumnsRefused }
  | { kind: "done"; result: ImportResult }
> {
  const signal = progress.start();
  progress.step(t.generate.steps.layingOut);
  try {
    const result = await write(signal);
    if (!result.cancelled) return { kind: "done", result };
    // cancelled by the Cancel button, or stopped when asked about an edited sheet
    return { kind: signal.aborted ? "cancelled" : "stopped" };
  } catch (e) {
    if (isCancelled(e)) return { kind: "cancelled" };
    return { kind: "refused", refused: userColumnsRefused(e, t) };
  } finally {
    progress.stop();
  }
}

/** A file read by its head: its bytes and how many rows it holds. */
type HeadOf = { file: FileBytes; rows: number };

/**
 * What was read, with the column mapping: the one remembered for its headers where there is
 * one, else as the plan's column names find them.
 */
function sourceOf(
  name: string,
  table: CellTable,
  found: Issue[],
  file: HeadOf | undefined,
  plan: Plan,
  settings: SettingsStore
): ImportSource {
  const saved = loadSavedMapping(settings);
  const remembered = saved ? mappingFromHeaders(table, saved) : undefined;
  const { mapping, ambiguous } = mapColumns(table, plan, remembered);
  return {
    name,
    table,
    mapping,
    remembered: Boolean(remembered && Object.keys(remembered).length),
    found,
    unresolved: ambiguous,
    ...(file ? { file: file.file, rows: file.rows } : {}),
  };
}

export function useDataImport(): DataImport {
  const host = useHost();
  const { strings: t, language, workbook, plan, loadPlan, setCheck, confirmReplace } = useSession();
  const reading = useAction();
  const importing = useAction();
  const progress = useProgress();
  const [source, setSource] = React.useState<ImportSource | null>(null);
  const [mode, setMode] = React.useState<ImportMode>("replace");
  const [imported, setImported] = React.useState<ImportResult | null>(null);
  const [refused, setRefused] = React.useState<UserColumnsRefused | null>(null);
  const [refusal, setRefusal] = React.useState<Refusal | null>(null);
  const [cancelled, setCancelled] = React.useState(false);
  const compute = useCompute();

  React.useEffect(() => {
    if (workbook?.sheets.plan && !plan) void reading.run(loadPlan);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workbook, plan, loadPlan]);

  /** A file's or selection's table read (of a file: its head, with its bytes and its rows). */
  const open = (name: string, table: CellTable, found: Issue[], file?: HeadOf) => {
    if (!plan) return;
    setRefusal(null);
    setSource(sourceOf(name, table, found, file, plan, host.settings));
    setImported(null);
  };

  const chooseFile = (file: File | undefined) =>
    reading.run(async () => {
      if (!file || !plan) return;
      setSource(null);
      const signal = progress.start();
      progress.step(t.generate.steps.readingFile);
      try {
        // streamed where the pane's work runs: the pane holds the header and first rows
        const r = await readDataFileHead(file, plan, progress.update, { compute, signal });
        if (r.ok) open(file.name, r.table, r.issues, { file: r.file, rows: r.rows });
        else setRefusal({ name: file.name, issues: r.issues });
      } catch (e) {
        if (!isCancelled(e)) throw e;
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

  const choose = (mapping: ColumnMapping, key: string) => {
    if (!source) return;
    const unresolved = { ...source.unresolved };
    delete unresolved[key];
    setSource({ ...source, mapping, unresolved });
  };

  const doImport = (as: ImportMode = mode) =>
    importing.run(async () => {
      if (!source || !plan) return;
      setRefused(null);
      setCancelled(false);
      await saveMapping(host.settings, source.table, source.mapping);
      const outcome = await importWithProgress(progress, t, (signal) =>
        host.importData(
          {
            plan,
            language,
            table: source.table,
            mapping: source.mapping,
            mode: as,
            file: source.file,
          },
          { confirmReplace, onProgress: progress.update, signal }
        )
      );
      if (outcome.kind === "cancelled") setCancelled(true);
      if (outcome.kind === "refused") setRefused(outcome.refused);
      if (outcome.kind !== "done") return;
      setImported(outcome.result);
      setSource(null);
      setCheck(await checkWorkbook(host, plan, compute));
    });

  const preview = useImportPreview(source, plan, reading);

  return {
    reading,
    importing,
    progress,
    source,
    setSource,
    mode,
    setMode,
    imported,
    refused,
    setRefused,
    refusal,
    preview,
    cancelled,
    chooseFile,
    takeSelection,
    choose,
    doImport,
  };
}

/**
 * A CSV file the user chose, read for the Data or 360 import: its size checked before a byte is
 * read, then decoded, parsed with progress and its header found (engine's import/file.ts and,
 * for the Data view, import/stream.ts). Never throws for what the file holds: a file that cannot
 * be read comes back refused with located, worded issues.
 */
import {
  FILE_LIMIT_BYTES,
  fileIssue,
  type CellTable,
  type Issue,
  type Plan,
  type TableReading,
} from "../engine";
import type { FileBytes, Progress } from "./host";
import { readFileBytes } from "./planFile";
import { throwIfCancelled, type Compute } from "./compute";
import { IN_THREAD } from "./inThread";
import type { HeaderFor } from "./tasks";

interface ReadOptions {
  compute?: Compute;
  signal?: AbortSignal;
}

/** Rows of a CRM export the Data view holds for its column mapping (the editor shows 20). */
export const HEAD_ROWS = 20;

/** A file over the size limit, refused before a byte is read; else null. */
function tooLarge(file: File): { ok: false; issues: Issue[] } | null {
  if (file.size <= FILE_LIMIT_BYTES) return null;
  const size = Math.round((file.size / 1024 / 1024) * 10) / 10;
  const limit = FILE_LIMIT_BYTES / 1024 / 1024;
  return { ok: false, issues: [fileIssue("error", "fileTooLarge", { size, limit }, file.name)] };
}

export async function readTableFile(
  file: File,
  header: HeaderFor,
  onProgress?: (p: Progress) => void,
  options: ReadOptions = {}
): Promise<TableReading> {
  const refused = tooLarge(file);
  if (refused) return refused;
  const bytes = await readFileBytes(file);
  throwIfCancelled(options.signal);
  // decoded and parsed off the pane's thread when `compute` is the pane's worker
  return (options.compute ?? IN_THREAD).task(
    "readFile",
    { bytes, name: file.name, header },
    { onProgress, signal: options.signal }
  );
}

/** A CRM export's head: its header and first rows, how many rows it holds, and its bytes. */
export type DataFileHeadReading =
  | { ok: true; table: CellTable; rows: number; issues: Issue[]; file: FileBytes }
  | { ok: false; issues: Issue[] };

/**
 * A CRM export for the Data view, streamed where `compute` runs (the pane's worker): its header,
 * its first HEAD_ROWS rows and its count of rows, with readCsvFile's issues; the pane keeps
 * only those and the file's bytes (the preview and the import read the bytes again there).
 */
export async function readDataFileHead(
  file: File,
  plan: Plan,
  onProgress?: (p: Progress) => void,
  options: ReadOptions = {}
): Promise<DataFileHeadReading> {
  const refused = tooLarge(file);
  if (refused) return refused;
  const bytes = await readFileBytes(file);
  throwIfCancelled(options.signal);
  const source = { bytes, name: file.name };
  const r = await (options.compute ?? IN_THREAD).task(
    "readDataHead",
    { file: source, plan, sample: HEAD_ROWS },
    { onProgress, signal: options.signal }
  );
  return r.ok ? { ok: true, table: r.table, rows: r.rows, issues: r.issues, file: source } : r;
}

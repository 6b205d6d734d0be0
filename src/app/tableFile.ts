/**
 * A CSV file the user chose, read into a table for the Data or 360 import: its size checked
 * before a byte is read, then decoded, parsed with progress and its header found (engine's
 * import/file.ts). Never throws for what the file holds: a file that cannot be read comes back
 * refused with located, worded issues.
 */
import { FILE_LIMIT_BYTES, fileIssue, type TableReading } from "../engine";
import type { Progress } from "./host";
import { readFileBytes } from "./planFile";
import { throwIfCancelled, type Compute } from "./compute";
import { IN_THREAD } from "./inThread";
import type { HeaderFor } from "./tasks";

export async function readTableFile(
  file: File,
  header: HeaderFor,
  onProgress?: (p: Progress) => void,
  options: { compute?: Compute; signal?: AbortSignal } = {}
): Promise<TableReading> {
  if (file.size > FILE_LIMIT_BYTES)
    return {
      ok: false,
      issues: [
        fileIssue(
          "error",
          "fileTooLarge",
          {
            size: Math.round((file.size / 1024 / 1024) * 10) / 10,
            limit: FILE_LIMIT_BYTES / 1024 / 1024,
          },
          file.name
        ),
      ],
    };
  const bytes = await readFileBytes(file);
  throwIfCancelled(options.signal);
  // decoded and parsed off the pane's thread when `compute` is the pane's worker
  return (options.compute ?? IN_THREAD).task(
    "readFile",
    { bytes, name: file.name, header },
    { onProgress, signal: options.signal }
  );
}

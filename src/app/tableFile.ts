/**
 * A CSV file the user chose, read into a table for the Data or 360 import: its size checked
 * before a byte is read, then decoded, parsed with progress and its header found (engine's
 * import/file.ts). Never throws for what the file holds: a file that cannot be read comes back
 * refused with located, worded issues.
 */
import {
  FILE_LIMIT_BYTES,
  fileIssue,
  readCsvFile,
  type HeaderSpec,
  type TableReading,
} from "../engine";
import type { Progress } from "./host";
import { readFileBytes } from "./planFile";

export async function readTableFile(
  file: File,
  spec: HeaderSpec,
  onProgress?: (p: Progress) => void
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
  return readCsvFile(bytes, file.name, spec, (p) => onProgress?.({ done: p.done, total: p.total }));
}

/**
 * LibreOffice headless as a second spreadsheet program: recalculate an .xlsx with a fresh user
 * profile that forces recalculation on load (shared/TOOLCHAIN.md: OOXMLRecalcMode and
 * ODFRecalcMode 0), so every formula is computed by LibreOffice instead of showing the cached
 * engine value, and read the recalculated values back with exceljs.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";

/** The soffice executable, or null when LibreOffice is not installed. */
export function findSoffice(): string | null {
  for (const name of ["soffice", "libreoffice"]) {
    const r = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
    const p = r.stdout.trim();
    if (r.status === 0 && p) return p;
  }
  return null;
}

const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Opens `file` in LibreOffice with forced recalculation and saves it as .xlsx into `outDir`.
 * Returns the path of the recalculated file and the time it took.
 */
export function recalculate(
  file: string,
  outDir: string,
  soffice = findSoffice()
): { file: string; ms: number } {
  const r = recalculateAll([file], outDir, soffice);
  return { file: r.files[0], ms: r.ms };
}

/** Several files in one LibreOffice run (one start-up), each saved into `outDir` under its name. */
export function recalculateAll(
  files: readonly string[],
  outDir: string,
  soffice = findSoffice()
): { files: string[]; ms: number } {
  if (!soffice) throw new Error("LibreOffice (soffice) is not installed");
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lo-profile-"));
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), PROFILE);
  fs.mkdirSync(outDir, { recursive: true });
  const t0 = performance.now();
  const r = spawnSync(
    soffice,
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "xlsx",
      "--outdir",
      outDir,
      ...files,
    ],
    {
      encoding: "utf8",
      timeout: 15 * 60 * 1000,
    }
  );
  const ms = performance.now() - t0;
  fs.rmSync(profile, { recursive: true, force: true });
  const out = files.map((f) =>
    path.join(outDir, path.basename(f).replace(/\.[^.]+$/, "") + ".xlsx")
  );
  const missing = out.filter((f) => !fs.existsSync(f));
  if (r.status !== 0 || missing.length)
    throw new Error(
      `LibreOffice failed (${r.status}) for ${missing.join(", ")}: ${r.stderr || r.stdout}`
    );
  return { files: out, ms };
}

/** A cell's value as a spreadsheet program saved it: a formula's result ("" when it saved none). */
export type Read = (sheet: string, row: number, col: number) => unknown;

export async function readValues(
  file: string
): Promise<{ read: Read; workbook: ExcelJS.Workbook }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const read: Read = (sheet, row, col) => {
    const ws = wb.getWorksheet(sheet);
    if (!ws) throw new Error(`no sheet ${sheet}`);
    const cell = ws.getRow(row + 1).getCell(col + 1);
    const v = cell.value;
    if (v !== null && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) {
      // exceljs's value drops a result of 0; the model keeps it. No result: an empty text.
      const result = (cell.model as { result?: unknown }).result;
      return result === undefined ? "" : result;
    }
    return v;
  };
  return { read, workbook: wb };
}

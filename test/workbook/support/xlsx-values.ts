/** A sheet of an .xlsx file as the Plan sheet's reader sees it. */
import ExcelJS from "exceljs";
import type { CellInput } from "../../../src/engine/coerce";

/** A sheet of an .xlsx as a reader sees it (formula results, plain values). */
export async function xlsxSheetValues(buffer: Buffer, name: string): Promise<CellInput[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(name)!;
  const out: CellInput[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const line: CellInput[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const v = cell.value;
      let x: CellInput = null;
      if (v === null || v === undefined) x = null;
      else if (typeof v === "object" && "formula" in v) {
        const res = (cell.model as { result?: unknown }).result;
        x =
          typeof res === "number" || typeof res === "string" || typeof res === "boolean"
            ? res
            : null;
      } else if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") x = v;
      else if (typeof v === "object" && "richText" in v)
        x = (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join("");
      line[c - 1] = x;
    });
    out[r - 1] = line;
  });
  for (let i = 0; i < out.length; i++) out[i] = out[i] ?? [];
  return out;
}

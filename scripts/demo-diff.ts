/**
 * npm run demo:diff -- <before.xlsx> <after.xlsx> [--show N] [--values]
 *
 * Compares two workbooks cell by cell — every sheet, every cell's formula and value (the cached
 * result of a formula cell; with --values the values only) — and lists what differs. Exit 0 when
 * they are identical, 1 when not.
 * Made for refactoring: `npm run demo -- before/` on the old commit, `npm run demo -- after/` on
 * the new one, then this; "behaviour unchanged" means no difference at all.
 */
import ExcelJS from "exceljs";

interface CellFacts {
  formula: string | null;
  value: string;
}

function facts(cell: ExcelJS.Cell): CellFacts {
  const v = cell.value as unknown;
  if (v && typeof v === "object" && "formula" in (v as object)) {
    const f = v as { formula: string; result?: unknown };
    return { formula: f.formula, value: JSON.stringify(f.result ?? null) };
  }
  if (v && typeof v === "object" && "sharedFormula" in (v as object)) {
    const f = v as { sharedFormula: string; result?: unknown };
    return { formula: `shared:${f.sharedFormula}`, value: JSON.stringify(f.result ?? null) };
  }
  return { formula: null, value: JSON.stringify(v ?? null) };
}

function cells(ws: ExcelJS.Worksheet): Map<string, CellFacts> {
  const out = new Map<string, CellFacts>();
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => out.set(cell.address, facts(cell)))
  );
  return out;
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const files = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--show");
  const show = args.includes("--show") ? Number(args[args.indexOf("--show") + 1]) : 20;
  const valuesOnly = args.includes("--values");
  if (files.length !== 2) {
    console.error("usage: npm run demo:diff -- <before.xlsx> <after.xlsx> [--show N]");
    process.exit(2);
  }
  const [a, b] = await Promise.all(files.map(load));
  const names = [...new Set([...a.worksheets, ...b.worksheets].map((w) => w.name))];
  let total = 0;
  let compared = 0;
  const lines: string[] = [];
  for (const name of names) {
    const wa = a.getWorksheet(name);
    const wb = b.getWorksheet(name);
    if (!wa || !wb) {
      lines.push(`${name}: only in ${wa ? files[0] : files[1]}`);
      total++;
      continue;
    }
    const ca = cells(wa);
    const cb = cells(wb);
    let differ = 0;
    for (const address of new Set([...ca.keys(), ...cb.keys()])) {
      compared++;
      const x = ca.get(address) ?? { formula: null, value: "null" };
      const y = cb.get(address) ?? { formula: null, value: "null" };
      if ((valuesOnly || x.formula === y.formula) && x.value === y.value) continue;
      differ++;
      if (differ <= show)
        lines.push(
          `${name}!${address}: ${x.formula ? `=${x.formula} ` : ""}${x.value} → ${y.formula ? `=${y.formula} ` : ""}${y.value}`
        );
    }
    if (differ > show) lines.push(`${name}: … ${differ - show} more`);
    if (differ) lines.push(`${name}: ${differ} cells differ`);
    total += differ;
  }
  for (const l of lines) console.log(l);
  console.log(
    total === 0
      ? `identical: ${names.length} sheets, ${compared} cells`
      : `${total} differences in ${compared} cells`
  );
  process.exit(total === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});

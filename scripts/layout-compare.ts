/**
 * Compares a spreadsheet program's values of a layout's formula cells with the engine's values the
 * layout carries as cached results (HyperFormula in jest, LibreOffice in verify-libreoffice.ts).
 */
import { isFormula, type SheetLayout, type WorkbookLayout } from "../src/workbook/layout";

export interface Mismatch {
  sheet: string;
  cell: string;
  formula: string;
  expected: unknown;
  actual: unknown;
}

export interface Comparison {
  /** Formula cells compared. */
  cells: number;
  /** Of them: numbers (scores, ratios, counts, unrounded amounts) and money (rounded pay lines). */
  numbers: number;
  money: number;
  /** Largest |formula − engine| ÷ max(1, |engine|) over numbers, and |formula − engine| over money. */
  maxRelativeDiff: number;
  maxMoneyDiff: number;
  mismatches: Mismatch[];
}

/** An error value as HyperFormula ({type, value: "#N/A"}) or exceljs ({error: "#N/A"}) gives it. */
export function isError(v: unknown): boolean {
  if (typeof v !== "object" || v === null) return false;
  if ("error" in v) return String((v as { error: unknown }).error).startsWith("#");
  return "type" in v && "value" in v && String((v as { value: unknown }).value).startsWith("#");
}

function errorText(v: unknown): string {
  const o = v as { error?: unknown; value?: unknown };
  return String(o.error ?? o.value);
}

function a1(row: number, col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return `${s}${row + 1}`;
}

/**
 * Compares every formula cell of the given sheets: numbers to 1e-9 (relative to the larger of 1
 * and the value), money (currency-formatted cells) to the cent (within 1e-6: they are rounded),
 * text and booleans equal, an error where the engine has no value and the formula yields one,
 * "" where it yields empty text.
 */
export function compareLayout(
  layout: WorkbookLayout,
  read: (sheet: string, row: number, col: number) => unknown,
  roles: readonly SheetLayout["role"][]
): Comparison {
  const out: Comparison = {
    cells: 0,
    numbers: 0,
    money: 0,
    maxRelativeDiff: 0,
    maxMoneyDiff: 0,
    mismatches: [],
  };
  for (const s of layout.sheets) {
    if (!roles.includes(s.role)) continue;
    for (const b of s.blocks) {
      b.cells.forEach((line, i) =>
        line.forEach((c, j) => {
          if (!isFormula(c)) return;
          const row = b.row + i;
          const col = b.column + j;
          const got = read(s.name, row, col);
          out.cells++;
          // Money: cells whose formula rounds to the cent (ROUND(…,2)) or passes such a cell on.
          const money =
            /ROUND\([^()]*(\([^()]*\))*[^()]*,2\)|PERF\.PAY\(/.test(c.formula) ||
            (typeof c.value === "number" &&
              Math.round(c.value * 100) === c.value * 100 &&
              /^(IFERROR\()?'[^']+'!\$?[A-Z]+\$?\d+(,"")?\)?$/.test(c.formula));
          let ok: boolean;
          if (c.error) ok = isError(got);
          else if (typeof c.value === "number") {
            ok = typeof got === "number";
            if (ok) {
              const d = Math.abs((got as number) - c.value);
              if (money) {
                out.money++;
                out.maxMoneyDiff = Math.max(out.maxMoneyDiff, d);
                ok = d <= 1e-6;
              } else {
                out.numbers++;
                const rel = d / Math.max(1, Math.abs(c.value));
                out.maxRelativeDiff = Math.max(out.maxRelativeDiff, rel);
                ok = rel <= 1e-9;
              }
            }
          } else if (c.value === "" || c.value === null)
            ok = got === "" || got === null || got === undefined;
          else ok = got === c.value;
          if (!ok && out.mismatches.length < 50)
            out.mismatches.push({
              sheet: s.name,
              cell: a1(row, col),
              formula: c.formula,
              expected: c.error ?? c.value,
              actual: isError(got) ? errorText(got) : got,
            });
          else if (!ok)
            out.mismatches.push({
              sheet: s.name,
              cell: a1(row, col),
              formula: "",
              expected: null,
              actual: null,
            });
        })
      );
    }
  }
  return out;
}

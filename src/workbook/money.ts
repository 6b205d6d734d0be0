/**
 * Money on the output sheets, in one place. Sheet builders declare a money column or cell with
 * the neutral format MONEY; `localizeMoney` turns a built sheet into the language's money: in
 * zh-CN a "¥" format and the unit "(元)" after the header of every money column (the style of the
 * seed's headers, e.g. 签约金额(元)); en-US keeps #,##0.00 and its headers (the plan's amounts are
 * in CNY, and the English seed names say so where it matters: "Signed amount (CNY)").
 *
 * Every output layout runs through it (outputLayout, statementsLayout, the year to date), so a
 * sheet added later picks it up by declaring its money columns with MONEY.
 */
import type { Language } from "../engine/messages";
import type { Block, SheetLayout } from "./layout";

/** The neutral money format sheet builders declare. */
export const MONEY = "#,##0.00";

/**
 * The zh-CN money format: the yuan sign as a quoted literal (Excel, LibreOffice and exceljs keep it
 * as typed, whatever the machine's locale), the minus before it.
 */
export const YUAN = '"¥"#,##0.00;-"¥"#,##0.00';

const UNIT = { "zh-CN": "(元)" } as const;

/** A header already ending with a money unit, half- or full-width: 签约金额(元), 回款（万元）. */
const HAS_UNIT = /[(（]\s*(元|万元|CNY|RMB|¥)\s*[)）]\s*$/i;

/** The money format of a language. */
export function moneyFormat(language: Language): string {
  return language === "zh-CN" ? YUAN : MONEY;
}

/** A money column's header in a language: zh-CN adds "(元)" unless the header has a money unit already. */
export function moneyHeader(header: string, language: Language): string {
  if (language !== "zh-CN" || header === "" || HAS_UNIT.test(header)) return header;
  return header + UNIT[language];
}

function localFormat(f: string | null, language: Language): string | null {
  return f === MONEY ? moneyFormat(language) : f;
}

function localizeBlock(b: Block, language: Language): Block {
  if (!b.numberFormats) return b;
  const nf = b.numberFormats as ((string | null) | (string | null)[])[];
  return {
    ...b,
    numberFormats: nf.map((x) =>
      Array.isArray(x) ? x.map((f) => localFormat(f, language)) : localFormat(x, language)
    ) as Block["numberFormats"],
  };
}

/**
 * The header cell of a column: its topmost text cell (a sheet's title and notes sit in its first
 * columns, never over a money column). Returns [block index, row within block] or null.
 */
function headerCell(s: SheetLayout, column: number): [number, number] | null {
  let best: [number, number] | null = null;
  let bestRow = Infinity;
  s.blocks.forEach((b, k) => {
    const c = column - b.column;
    if (c < 0) return;
    for (let i = 0; i < b.cells.length && b.row + i < bestRow; i++) {
      const v = b.cells[i][c];
      if (typeof v === "string" && v !== "") {
        best = [k, i];
        bestRow = b.row + i;
        return;
      }
    }
  });
  return best;
}

/**
 * A sheet with its money in the language: every MONEY format (columns, blocks) becomes the
 * language's, and the header of every column declared MONEY gets the unit. en-US: unchanged.
 */
export function localizeMoney(s: SheetLayout, language: Language): SheetLayout {
  if (language !== "zh-CN") return s;
  const money: number[] = [];
  s.columns.forEach((c, i) => c.numberFormat === MONEY && money.push(i));
  const blocks = s.blocks.map((b) => localizeBlock(b, language));
  const out: SheetLayout = {
    ...s,
    blocks,
    columns: s.columns.map((c) =>
      c.numberFormat === MONEY ? { ...c, numberFormat: moneyFormat(language) } : c
    ),
  };
  for (const column of money) {
    const at = headerCell(out, column);
    if (!at) continue;
    const [k, i] = at;
    const b = blocks[k];
    const cells = b.cells.slice();
    const line = cells[i].slice();
    line[column - b.column] = moneyHeader(line[column - b.column] as string, language);
    cells[i] = line;
    blocks[k] = { ...b, cells };
  }
  return out;
}

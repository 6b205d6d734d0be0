/**
 * The payroll export in the pane: the pay list of the workbook's data, the column mapping the
 * payroll system wants (remembered in the workbook's document settings, as the import's column
 * mapping is), the CSV file (engine/export/payrollCsv.ts) and how it reaches the user's disk: a
 * download where the pane can download, else — Excel on Mac — the pane's own page opened in the
 * system's browser with the file in the URL's fragment (as ./planSave.ts saves the plan).
 */
import { evaluate, type Language } from "../engine";
import {
  PAYROLL_ENCODINGS,
  defaultPayrollMapping,
  payrollCsv,
  type PayrollCsv,
  type PayrollEncoding,
  type PayrollMapping,
  type PayrollTable,
} from "../engine/export/payrollCsv";
import { payrollTable } from "../workbook/payrollTable";
import type { SettingsStore } from "./host";
import { appealsOf, type DataCheck } from "./workflow";
import type { Plan } from "../engine";

export const PAYROLL_MAPPING_SETTING = "perf.payrollMapping";

/** The pay list of the data the workbook holds (every month, as the Pay list sheet shows it). */
export function payListOf(plan: Plan, check: DataCheck): PayrollTable {
  const ids = new Set(check.data.rows.map((r) => r.id));
  return payrollTable(
    evaluate(plan, check.data.rows, check.feedback.ratings, appealsOf(check, ids))
  );
}

/** The pay months a pay list holds, in order. */
export function payMonths(table: PayrollTable): string[] {
  return [...new Set(table.subjects.map((s) => s.period))].sort();
}

/** The lines of one pay month ("" = every month). */
export function linesOf(table: PayrollTable, month: string): PayrollTable {
  if (!month) return table;
  const keep = table.subjects.map((s, i) => (s.period === month ? i : -1)).filter((i) => i >= 0);
  return {
    fields: table.fields,
    records: keep.map((i) => table.records[i]),
    subjects: keep.map((i) => table.subjects[i]),
  };
}

function isMapping(v: unknown): v is PayrollMapping {
  if (!v || typeof v !== "object") return false;
  const o = v as Record<string, unknown>;
  return (
    PAYROLL_ENCODINGS.includes(o.encoding as PayrollEncoding) &&
    Array.isArray(o.columns) &&
    o.columns.every(
      (c: unknown) =>
        !!c &&
        typeof (c as Record<string, unknown>).field === "string" &&
        typeof (c as Record<string, unknown>).header === "string"
    )
  );
}

/** The remembered mapping, or the default one (every column, the language's headers). */
export function loadPayrollMapping(
  settings: SettingsStore,
  table: PayrollTable,
  language: Language
): { mapping: PayrollMapping; remembered: boolean } {
  const text = settings.get(PAYROLL_MAPPING_SETTING);
  if (text) {
    try {
      const v: unknown = JSON.parse(text);
      if (isMapping(v))
        return {
          mapping: {
            encoding: v.encoding,
            columns: v.columns.map((c) => ({ field: c.field, header: c.header })),
          },
          remembered: true,
        };
    } catch {
      // not ours or damaged: the default below
    }
  }
  return { mapping: defaultPayrollMapping(table.fields, language), remembered: false };
}

export async function savePayrollMapping(
  settings: SettingsStore,
  mapping: PayrollMapping
): Promise<void> {
  await settings.set(PAYROLL_MAPPING_SETTING, JSON.stringify(mapping));
}

/** The file's name: payroll-2024-04.csv, or payroll-2024-01_2024-06.csv for several months. */
export function payrollFileName(table: PayrollTable): string {
  const months = payMonths(table);
  const span =
    months.length === 0
      ? "empty"
      : months.length === 1
        ? months[0]
        : `${months[0]}_${months[months.length - 1]}`;
  return `payroll-${span}.csv`;
}

/** The CSV of a month's lines (or every month's) under a mapping. */
export function payrollFile(
  table: PayrollTable,
  month: string,
  mapping: PayrollMapping
): PayrollCsv & { name: string } {
  const lines = linesOf(table, month);
  const name = payrollFileName(lines);
  return { ...payrollCsv(lines, mapping, name), name };
}

/** Saves bytes as a file where the page can download (a Blob and a link). */
export function downloadBytes(fileName: string, bytes: Uint8Array, type = "text/csv"): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The fragment that makes taskpane.html the payroll file's download page (Excel on Mac). */
export const SAVE_PAYROLL_FRAGMENT = "#save-payroll=";

function base64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The page that downloads the file: the pane's own page with name and bytes in the fragment. */
export function payrollSaveUrl(page: string, name: string, bytes: Uint8Array): string {
  return `${page.split(/[?#]/)[0]}${SAVE_PAYROLL_FRAGMENT}${encodeURIComponent(name)}:${base64Url(bytes)}`;
}

/** The file a download page's fragment carries; null when it holds none or it is damaged. */
export function payrollFromFragment(hash: string): { name: string; bytes: Uint8Array } | null {
  if (!hash.startsWith(SAVE_PAYROLL_FRAGMENT)) return null;
  const rest = hash.slice(SAVE_PAYROLL_FRAGMENT.length);
  const colon = rest.indexOf(":");
  if (colon <= 0) return null;
  try {
    const name = decodeURIComponent(rest.slice(0, colon));
    if (!/^[\w.-]+\.csv$/.test(name)) return null;
    const binary = atob(
      rest
        .slice(colon + 1)
        .replace(/-/g, "+")
        .replace(/_/g, "/")
    );
    return { name, bytes: Uint8Array.from(binary, (c) => c.charCodeAt(0)) };
  } catch {
    return null;
  }
}

/**
 * Period keys: "2024-01" (month), "2024-Q1" (quarter), "2024" (year). Text keys sort in time
 * order within a kind. Reading accepts what people type and CRM exports write ("2024/3",
 * "2024年3月", "202403", an Excel date serial) and says when it had to normalize.
 */

export type PeriodKind = "month" | "quarter" | "year";

export interface Period {
  key: string;
  kind: PeriodKind;
  year: number;
  /** 1–12 for months, 1–4 for quarters, 0 for a year. */
  index: number;
}

const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;

function pad2(n: number): string {
  return n < 10 ? "0" + n : String(n);
}

export function monthKey(year: number, month: number): string {
  return `${year}-${pad2(month)}`;
}
export function quarterKey(year: number, quarter: number): string {
  return `${year}-Q${quarter}`;
}

const parsed = new Map<string, Period | null>();

/** Parses a canonical key; null when it is not one. Results are shared and must not be changed. */
export function parsePeriodKey(key: string): Period | null {
  let p = parsed.get(key);
  if (p === undefined) {
    p = parseKey(key);
    // Keys are few (months, quarters, years); bound the cache anyway against odd input.
    if (parsed.size < 10000) parsed.set(key, p);
  }
  return p;
}

function parseKey(key: string): Period | null {
  let m = MONTH.exec(key);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12
      ? { key, kind: "month", year: Number(m[1]), index: month }
      : null;
  }
  m = QUARTER.exec(key);
  if (m) return { key, kind: "quarter", year: Number(m[1]), index: Number(m[2]) };
  m = YEAR.exec(key);
  if (m) return { key, kind: "year", year: Number(m[1]), index: 0 };
  return null;
}

export type PeriodReading = { ok: true; period: Period; normalized: boolean } | { ok: false };

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Reads what a user or an export wrote for a period. */
export function readPeriod(value: unknown): PeriodReading {
  if (typeof value === "number" && Number.isFinite(value)) {
    // An Excel date serial (a month typed as a date), between 1990 and 2100.
    if (value >= 32874 && value < 73051) {
      const d = new Date(EXCEL_EPOCH_MS + Math.floor(value) * 86400000);
      const p = parsePeriodKey(monthKey(d.getUTCFullYear(), d.getUTCMonth() + 1));
      return p ? { ok: true, period: p, normalized: true } : { ok: false };
    }
    if (Number.isInteger(value) && value >= 1900 && value <= 2999) {
      return {
        ok: true,
        period: { key: String(value), kind: "year", year: value, index: 0 },
        normalized: false,
      };
    }
    return { ok: false };
  }
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const p = parsePeriodKey(monthKey(value.getFullYear(), value.getMonth() + 1));
    return p ? { ok: true, period: p, normalized: true } : { ok: false };
  }
  if (typeof value !== "string") return { ok: false };
  const raw = value;
  const text = raw
    .trim()
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase();
  const exact = parsePeriodKey(text);
  if (exact) return { ok: true, period: exact, normalized: text !== raw };
  let m = /^(\d{4})\s*(?:[-/.年]\s*)?(\d{1,2})\s*(?:月)?(?:[-/.]\s*\d{1,2}\s*(?:日)?)?$/.exec(text);
  if (m && !(m[2].length === 1 && !/[-/.年]/.test(text))) {
    const month = Number(m[2]);
    if (month >= 1 && month <= 12) {
      const p = parsePeriodKey(monthKey(Number(m[1]), month));
      if (p) return { ok: true, period: p, normalized: true };
    }
    return { ok: false };
  }
  m =
    /^(\d{4})\s*[-/ ]?\s*Q\s*([1-4])$/.exec(text) ??
    /^(\d{4})\s*年?\s*第?\s*([1-4一二三四])\s*季度?$/.exec(text);
  if (m) {
    const q = "一二三四".indexOf(m[2]) + 1 || Number(m[2]);
    const p = parsePeriodKey(quarterKey(Number(m[1]), q));
    if (p) return { ok: true, period: p, normalized: true };
  }
  m = /^(\d{4})\s*年?$/.exec(text);
  if (m)
    return {
      ok: true,
      period: { key: m[1], kind: "year", year: Number(m[1]), index: 0 },
      normalized: true,
    };
  return { ok: false };
}

const quarterKeys = new Map<string, string>();

/** The quarter a month lies in ("2024-03" → "2024-Q1"); a quarter or year maps to itself. */
export function quarterOf(p: Period): string {
  if (p.kind !== "month") return p.key;
  let q = quarterKeys.get(p.key);
  if (q === undefined) {
    q = quarterKey(p.year, Math.floor((p.index - 1) / 3) + 1);
    quarterKeys.set(p.key, q);
  }
  return q;
}

export function yearOf(p: Period): string {
  return String(p.year);
}

/** Months of a quarter or year, in order. */
export function monthsOf(p: Period): string[] {
  if (p.kind === "month") return [p.key];
  if (p.kind === "quarter") {
    const first = (p.index - 1) * 3 + 1;
    return [first, first + 1, first + 2].map((m) => monthKey(p.year, m));
  }
  return Array.from({ length: 12 }, (_, i) => monthKey(p.year, i + 1));
}

/** Whether period `inner` lies inside (or is) period `outer`. */
export function within(inner: Period, outer: Period): boolean {
  if (inner.year !== outer.year) return false;
  if (outer.kind === "year") return true;
  if (outer.kind === "quarter") {
    if (inner.kind === "year") return false;
    if (inner.kind === "quarter") return inner.index === outer.index;
    return Math.floor((inner.index - 1) / 3) + 1 === outer.index;
  }
  return inner.kind === "month" && inner.index === outer.index;
}

/** Time order of two keys of any kind (year before its quarters before their months at equal start). */
export function comparePeriods(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

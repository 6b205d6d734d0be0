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

const QUARTER_ZH = ["一", "二", "三", "四"];
const MONTH_EN = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");

/**
 * A period key as people read it: zh-CN 2024年4月, 2024年第一季度, 2024年度; en-US Apr 2024,
 * Q1 2024, 2024. What is not a key is returned as it is. Labels are for reading only: formulas
 * and readers match the keys.
 */
export function periodLabel(key: string, language: "en-US" | "zh-CN"): string {
  const p = parsePeriodKey(key);
  if (!p) return key;
  const zh = language === "zh-CN";
  switch (p.kind) {
    case "month":
      return zh ? `${p.year}年${p.index}月` : `${MONTH_EN[p.index - 1]} ${p.year}`;
    case "quarter":
      return zh ? `${p.year}年第${QUARTER_ZH[p.index - 1]}季度` : `Q${p.index} ${p.year}`;
    case "year":
      return zh ? `${p.year}年度` : String(p.year);
  }
}

const LABELS: [RegExp, (m: RegExpExecArray) => string | null][] = [
  [/^(\d{4})年第([一二三四])季度$/, (m) => quarterKey(+m[1], QUARTER_ZH.indexOf(m[2]) + 1)],
  [/^(\d{4})年(\d{1,2})月$/, (m) => (+m[2] >= 1 && +m[2] <= 12 ? monthKey(+m[1], +m[2]) : null)],
  [/^(\d{4})年度$/, (m) => m[1]],
  [/^(\d{4})$/, (m) => m[1]], // en-US: a year reads as itself
  [/^Q([1-4]) (\d{4})$/, (m) => quarterKey(+m[2], +m[1])],
  [
    /^([A-Z][a-z]{2}) (\d{4})$/,
    (m) => (MONTH_EN.includes(m[1]) ? monthKey(+m[2], MONTH_EN.indexOf(m[1]) + 1) : null),
  ],
];

/** The key of a period label (periodLabel's output, either language), or null. */
export function parsePeriodLabel(label: string): string | null {
  const text = label.trim();
  for (const [re, key] of LABELS) {
    const m = re.exec(text);
    if (m) return key(m);
  }
  return null;
}

/** A quarter within its year as people read it: 第一季度, Q1. */
export function quarterLabel(quarter: number, language: "en-US" | "zh-CN"): string {
  return language === "zh-CN" ? `第${QUARTER_ZH[quarter - 1]}季度` : `Q${quarter}`;
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

/**
 * What a period cell said. `reason` says why it is refused: not a period at all, a form that can
 * mean two months (`2024.1` is how Excel shows 2024.10; `4/5/2024` is April or May), or a bare
 * number that is not a date cell.
 */
export type PeriodReading =
  | { ok: true; period: Period; normalized: boolean }
  | { ok: false; reason: "unreadable" | "ambiguous" | "number" };

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

const UNREADABLE = { ok: false, reason: "unreadable" } as const;
const AMBIGUOUS = { ok: false, reason: "ambiguous" } as const;

function monthReading(year: number, month: number, normalized: boolean): PeriodReading {
  if (year < 1990 || year > 2100 || month < 1 || month > 12) return UNREADABLE;
  return { ok: true, period: parsePeriodKey(monthKey(year, month))!, normalized };
}

function validDay(day: string | undefined): boolean {
  if (day === undefined) return true;
  const d = Number(day);
  return d >= 1 && d <= 31;
}

const MONTH_NAMES = [
  "JANUARY",
  "FEBRUARY",
  "MARCH",
  "APRIL",
  "MAY",
  "JUNE",
  "JULY",
  "AUGUST",
  "SEPTEMBER",
  "OCTOBER",
  "NOVEMBER",
  "DECEMBER",
];
const CHINESE_DIGITS = "一二三四";

/** The excel serial of a date cell as its month. */
export function serialMonth(serial: number): PeriodReading {
  if (!(serial >= 1 && serial < 2958466)) return UNREADABLE;
  const d = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86400000);
  return monthReading(d.getUTCFullYear(), d.getUTCMonth() + 1, true);
}

/**
 * Whether an Excel number format shows a date: it has day, month or year codes outside quoted
 * text, brackets and escapes (m alone with hours or seconds is minutes, a time).
 */
export function isDateFormat(format: string): boolean {
  const f = format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .toLowerCase();
  if (f === "" || f === "general" || f === "@") return false;
  if (/[yd年日]/.test(f) || /月/.test(f)) return true;
  return /m/.test(f) && !/[hs]/.test(f);
}

/** A date cell's serial as the date it shows (yyyy-mm-dd). */
export function dateCellText(serial: number): string {
  const d = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86400000);
  return d.toISOString().slice(0, 10);
}

/** Months written as text, in every unambiguous form; null when the text is no month form. */
function readMonthText(t: string): PeriodReading | null {
  // 2024-04, 2024/4, 2024.04, 2024年4月, with an optional day (2024-04-01, 2024年04月01日) or time
  let m =
    /^(\d{4})\s*([-/.年])\s*(\d{1,2})\s*月?(?:\s*[-/.]?\s*(\d{1,2})\s*日?)?(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(
      t
    );
  if (m) {
    const sep = m[2];
    // 2024.1 is how Excel shows the number 2024.10: January or October
    if (sep === "." && m[3] === "1" && m[4] === undefined) return AMBIGUOUS;
    return validDay(m[4]) ? monthReading(Number(m[1]), Number(m[3]), true) : UNREADABLE;
  }
  // 202404
  m = /^(\d{4})(\d{2})$/.exec(t);
  if (m) return monthReading(Number(m[1]), Number(m[2]), true);
  // 15/4/2024 or 4/15/2024: only when the day shows which part is the month
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && b <= 12) return monthReading(Number(m[3]), b, true);
    if (b > 12 && a <= 12) return monthReading(Number(m[3]), a, true);
    return a === b ? monthReading(Number(m[3]), a, true) : AMBIGUOUS;
  }
  // Apr 2024, April-2024, 2024 Apr
  m =
    /^([A-Z]{3,9})\.?\s*[-/ ,]?\s*(\d{4})$/.exec(t) ??
    /^(\d{4})\s*[-/ ]?\s*([A-Z]{3,9})\.?$/.exec(t);
  if (m) {
    const [word, year] = /^\d/.test(m[1]) ? [m[2], m[1]] : [m[1], m[2]];
    const i = MONTH_NAMES.findIndex((name) => name.startsWith(word));
    return i < 0 ? UNREADABLE : monthReading(Number(year), i + 1, true);
  }
  // Apr-24: April 2024 in Excel's mmm-yy, or 24 April typed as text
  if (/^[A-Z]{3}[-/ ]\d{2}$/i.test(t)) return AMBIGUOUS;
  return null;
}

/** Quarters and years written as text; null when the text is neither. */
function readQuarterOrYearText(t: string): PeriodReading | null {
  const m =
    /^(\d{4})\s*[-/ ]?\s*Q\s*([1-4])$/.exec(t) ??
    /^(\d{4})\s*年?\s*(?:第\s*)?([1-4一二三四])\s*季度?$/.exec(t) ??
    /^(\d{4})\s*年\s*Q\s*([1-4])$/.exec(t);
  const back = /^Q\s*([1-4])\s*[-/ ]?\s*(\d{4})$/.exec(t);
  if (m || back) {
    const [year, q] = m ? [m[1], m[2]] : [back![2], back![1]];
    const index = CHINESE_DIGITS.indexOf(q) + 1 || Number(q);
    return { ok: true, period: parsePeriodKey(quarterKey(Number(year), index))!, normalized: true };
  }
  const y = /^(\d{4})\s*(年度?)?$/.exec(t);
  if (y && Number(y[1]) >= 1990 && Number(y[1]) <= 2100)
    return {
      ok: true,
      period: { key: y[1], kind: "year", year: Number(y[1]), index: 0 },
      normalized: true,
    };
  return null;
}

/**
 * Reads what a user or an export wrote for a period: months in every unambiguous form
 * (2024年4月, 2024-04, 2024/4, 2024.04, 202404, 2024年04月01日, Apr 2024), quarters (2024年第二季度,
 * 2024Q2) and years. A number is a period only as yyyymm (202404) or a year (2024); an Excel date
 * serial counts only when `dateCell` says the cell is formatted as a date (a host that knows the
 * cell's format converts it first), since 45383 in a plain number cell is no month.
 */
export function readPeriod(value: unknown, options: { dateCell?: boolean } = {}): PeriodReading {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return UNREADABLE;
    if (options.dateCell) return serialMonth(value);
    if (Number.isInteger(value) && value >= 1990 && value <= 2100)
      return {
        ok: true,
        period: { key: String(value), kind: "year", year: value, index: 0 },
        normalized: false,
      };
    if (Number.isInteger(value) && value >= 199001 && value <= 210012)
      return monthReading(Math.floor(value / 100), value % 100, true);
    if (!Number.isInteger(value) && value >= 1990 && value < 2101) return readPeriod(String(value)); // 2024.04 typed as a number; 2024.1 is refused
    return { ok: false, reason: "number" };
  }
  if (value instanceof Date)
    return Number.isNaN(value.getTime())
      ? UNREADABLE
      : monthReading(value.getFullYear(), value.getMonth() + 1, true);
  if (typeof value !== "string") return UNREADABLE;
  const raw = value;
  const text = toHalfWidthDigits(raw.trim()).toUpperCase();
  const exact = parsePeriodKey(text);
  if (exact) return { ok: true, period: exact, normalized: text !== raw };
  return readMonthText(text) ?? readQuarterOrYearText(text) ?? UNREADABLE;
}

function toHalfWidthDigits(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
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

/**
 * The period before a period of the same kind: the previous month, quarter or year, across a
 * year boundary ("2024-01" → "2023-12", "2024-Q1" → "2023-Q4", "2024" → "2023"); null for what
 * is not a period key.
 */
export function previousPeriod(key: string): string | null {
  const p = parsePeriodKey(key);
  if (!p) return null;
  switch (p.kind) {
    case "month":
      return p.index === 1 ? monthKey(p.year - 1, 12) : monthKey(p.year, p.index - 1);
    case "quarter":
      return p.index === 1 ? quarterKey(p.year - 1, 4) : quarterKey(p.year, p.index - 1);
    case "year":
      return String(p.year - 1);
  }
}

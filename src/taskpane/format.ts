/**
 * Numbers as the pane shows them, in the user's language: money to the cent with grouping,
 * percentages, scores with two decimals, and a dash for a number that could not be computed.
 */
import type { Language, LocalizedText } from "../engine";

export const DASH = "—";

export interface Formatter {
  money(value: number | null | undefined): string;
  /** A whole amount without decimals (chart axes). */
  amount(value: number | null | undefined): string;
  percent(value: number | null | undefined, digits?: number): string;
  score(value: number | null | undefined): string;
  number(value: number | null | undefined, digits?: number): string;
  text(value: LocalizedText | null | undefined): string;
}

const cache = new Map<string, Intl.NumberFormat>();

function nf(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = language + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(language, options);
    cache.set(key, f);
  }
  return f;
}

function ok(v: number | null | undefined): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

export function formatter(language: Language): Formatter {
  return {
    money: (v) =>
      ok(v) ? nf(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v) : DASH,
    amount: (v) => (ok(v) ? nf(language, { maximumFractionDigits: 0 }).format(v) : DASH),
    percent: (v, digits = 1) =>
      ok(v)
        ? nf(language, {
            style: "percent",
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          }).format(v)
        : DASH,
    score: (v) =>
      ok(v) ? nf(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v) : DASH,
    number: (v, digits = 2) =>
      ok(v) ? nf(language, { maximumFractionDigits: digits }).format(v) : DASH,
    text: (v) => (v ? (language === "zh-CN" ? v.zh || v.en : v.en || v.zh) : ""),
  };
}

/** A fraction (0.4) as the number a percent input shows (40), without float noise. */
export function toPercentInput(fraction: number): string {
  if (!Number.isFinite(fraction)) return "";
  return String(Number((fraction * 100).toPrecision(12)));
}

/** What a percent input holds ("40", "40%", "４０") as a fraction, or null when it is not a number. */
export function fromPercentInput(text: string): number | null {
  const n = readInputNumber(text.replace(/[%％]\s*$/, ""));
  return n === null ? null : Number((n / 100).toPrecision(12));
}

/** A number typed into an input: half-width digits, optional grouping commas; null when not a number. */
export function readInputNumber(text: string): number | null {
  const t = text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/,/g, "")
    .trim();
  if (t === "" || !/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  return Number(t);
}

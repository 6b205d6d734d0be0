/**
 * Numbers by unit. A data field's unit (money, count, ratio, score, days, hours, points) decides
 * what a cell may hold and how it is read, and the table decides once how its text numbers mark
 * decimals — never a cell on its own:
 * - `%` only where a ratio is meant; `¥`, `元`, `万` and `亿` only in money (`12.5万` = 125,000,
 *   said in a note); scientific notation nowhere (Excel writes it when it rounds a number for
 *   display, so the exact value is lost);
 * - a ratio column of plain numbers above 3 holds percentages written as numbers (85 = 85%): read
 *   as percent with a note, and a value there that could be either (0.9) is an error; otherwise a
 *   ratio is kept as it is, above 100% too (135% renewals of multi-year contracts);
 * - plausibility limits per unit give errors: money within ±10,000,000,000 a month, whole counts,
 *   days in a month at most 31, hours in a month at most 744, scores and points 0–100.
 */
import type { CellInput } from "../coerce";
import { toHalfWidth } from "../coerce";
import { type Catalogue, type MessageKey, type MessageParams } from "../messages";
import type { FieldDef, LocalizedText, Unit } from "../plan/model";

export type DecimalMark = "." | ",";

export const QUANTITY_MESSAGES = {
  percentNotAllowed: {
    en: '"{text}" is a percentage, but {field} is {unit}: % is only for ratios.',
    zh: "“{text}”是百分数，但{field}的单位是{unit}：只有比率可以用 %。",
  },
  currencyNotAllowed: {
    en: '"{text}" is an amount of money, but {field} is {unit}.',
    zh: "“{text}”是金额，但{field}的单位是{unit}。",
  },
  scaleWordNotAllowed: {
    en: '"{text}" uses 万/亿, which only money may use; {field} is {unit}.',
    zh: "“{text}”使用了“万/亿”，只有金额可以这样写；{field}的单位是{unit}。",
  },
  scaleWordRead: { en: '"{text}" was read as {value}.', zh: "“{text}”已按 {value} 读取。" },
  scientificNotation: {
    en: '"{text}" is in scientific notation, which Excel writes when it rounds a number for display: the exact value is unknown. Format the column as a number in the source and export again.',
    zh: "“{text}”是科学计数法，Excel 在为显示而舍入数字时才会这样写，原始数值已无法得知。请在源文件中将该列设为数值格式后重新导出。",
  },
  decimalConflict: {
    en: '"{text}" uses "{mark}" as its decimal mark, but this file uses "{fileMark}" (decided from {count} cells such as "{example}").',
    zh: "“{text}”以“{mark}”作小数点，但本文件以“{fileMark}”作小数点（根据“{example}”等 {count} 个单元格判断）。",
  },
  percentColumn: {
    en: '{field} holds percentages written as plain numbers: its {count} values above 3 were read as percent ("{example}" as {value}).',
    zh: "{field}中的百分数写成了普通数字：该列 {count} 个大于 3 的值已按百分数读取（如“{example}”按 {value} 读取）。",
  },
  percentAmbiguous: {
    en: '"{text}" in a column of percentages written as plain numbers: is it {asPercent} or {asFraction}? Write it with % (e.g. {asPercentText}).',
    zh: "“{text}”所在列的百分数写成了普通数字：它是 {asPercent} 还是 {asFraction}？请带 % 填写（如 {asPercentText}）。",
  },
  ratioAbove100: {
    en: '"{text}" was read as {percent} (above 100%); if you mean {text}%, write it with %.',
    zh: "“{text}”已按 {percent} 读取（超过 100%）；如果是 {text}%，请带 % 填写。",
  },
  percentTyped: {
    en: "{field} is {value}: read as {percent} (a percentage typed as a number; a ratio cell holds 0.85 for 85%).",
    zh: "{field}为 {value}：已按 {percent} 读取（百分数按数字输入；比率单元格中 85% 应为 0.85）。",
  },
  countNotWhole: {
    en: "{field} is {value}; a count is a whole number.",
    zh: "{field}为 {value}，数量应为整数。",
  },
  valueImplausible: {
    en: "{field} is {value}; {limit} is the most this can plausibly be.",
    zh: "{field}为 {value}，超出合理上限 {limit}。",
  },
} satisfies Catalogue;

/** Unit words for messages. */
export const UNIT_NAMES: Record<Unit, LocalizedText> = {
  currency: { en: "money (CNY)", zh: "金额（元）" },
  ratio: { en: "a ratio (%)", zh: "比率（%）" },
  count: { en: "a count", zh: "数量" },
  score: { en: "a score (0–100)", zh: "分数（0–100）" },
  days: { en: "days", zh: "天数" },
  hours: { en: "hours", zh: "小时数" },
  points: { en: "points", zh: "分数（扣分）" },
};

/** The largest plausible absolute value of a field (see the module comment). */
export function plausibleLimit(f: Pick<FieldDef, "unit" | "aggregate">): number {
  switch (f.unit) {
    case "currency":
      return 1e10;
    case "count":
      return 1e6;
    case "ratio":
      return 10;
    case "score":
    case "points":
      return 100;
    case "days":
      // days within the month (worked, in the month) add up; an average duration does not
      return f.aggregate === "sum" ? 31 : 3660;
    case "hours":
      return 744;
  }
}

/** A ratio column whose plain numbers go above this holds percentages written as numbers. */
export const PERCENT_NUMBER_THRESHOLD = 3;

/** The largest number typed into a ratio cell that is read as a percentage (1000 = 1000%). */
export const PERCENT_TYPED_LIMIT = 1000;

/**
 * A number Excel holds in a ratio cell: above 3 (and up to 1000) it is a percentage typed as a
 * number (85 for 85%) and is divided by 100 — as the sheet's own formulas divide it, so the two
 * agree to the last bit; up to 3 it is the ratio it shows (1.6 is 160%, kept as it is).
 */
export function typedPercent(value: number): number {
  const a = Math.abs(value);
  return a > PERCENT_NUMBER_THRESHOLD && a <= PERCENT_TYPED_LIMIT ? value / 100 : value;
}

// ---------------------------------------------------------------------------------------------
// The shape of a number written as text
// ---------------------------------------------------------------------------------------------

/** What a text cell holds once it is seen as a number: its parts, not yet valued. */
export interface NumberText {
  negative: boolean;
  /** The numeric part as written, in half-width characters, without sign, unit or scale. */
  body: string;
  percent: boolean;
  currency: boolean;
  /** 万 (10⁴) or 亿 (10⁸), or 1. */
  scale: number;
  exponent: boolean;
}

const PLAIN_TEXT = /^[0-9]+(?:[.,][0-9]+)?$/;
const CURRENCY_PREFIX = /^(¥|\$|€|£|RMB|CNY)\s*/i;
const CURRENCY_SUFFIX = /\s*(元|RMB|CNY)$/i;
const SCALE_SUFFIX = /\s*(万|亿)$/;
const BODY = /^[0-9]*([.,  \u202f][0-9]+)*[.,]?[0-9]*$/;
const EXPONENT = /^([0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)[eE][+-]?[0-9]+$/;

/** Splits a text into the parts of a number, or null when it is not one at all. */
export function numberText(raw: string): NumberText | null {
  // most cells are plain: 123 or 123.45 (no sign, unit or grouping to take apart)
  if (PLAIN_TEXT.test(raw))
    return {
      negative: false,
      body: raw,
      percent: false,
      currency: false,
      scale: 1,
      exponent: false,
    };
  let t = toHalfWidth(raw)
    .trim()
    .replace(/\u00a0/g, " ");
  if (t === "") return null;
  let negative = false;
  let percent = false;
  let currency = false;
  let scale = 1;
  if (t.length > 2 && t.startsWith("(") && t.endsWith(")")) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  const sign = () => {
    if (t.startsWith("-") || t.startsWith("+")) {
      if (t.startsWith("-")) negative = !negative;
      t = t.slice(1).trim();
    }
  };
  sign();
  const strip = (re: RegExp) => {
    const before = t;
    t = t.replace(re, "");
    return t !== before;
  };
  if (strip(CURRENCY_PREFIX)) currency = true;
  sign();
  if (t.endsWith("%")) {
    percent = true;
    t = t.slice(0, -1).trim();
  }
  if (strip(CURRENCY_SUFFIX)) currency = true;
  const sc = SCALE_SUFFIX.exec(t);
  if (sc) {
    scale = sc[1] === "万" ? 1e4 : 1e8;
    t = t.slice(0, sc.index);
  }
  if (strip(CURRENCY_SUFFIX)) currency = true;
  if (t === "" || !/[0-9]/.test(t)) return null;
  if (EXPONENT.test(t)) return { negative, body: t, percent, currency, scale, exponent: true };
  if (!BODY.test(t)) return null;
  return { negative, body: t, percent, currency, scale, exponent: false };
}

/** Powers of ten that are exact doubles (10^0 … 10^22). */
const EXACT_POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * The value of a text that is a plain ASCII number under a decimal mark, or −1 for any other text
 * (read it with {@link numberText}). Plain: digits, at most one `decimal` with digits on both
 * sides, and — under "." — thousands grouped by "," (1,234,567.89); nothing else (no sign,
 * space, unit, %, or a mark the full reading would question). It equals the full reading's value
 * to the last bit: at most 15 digits make an exact integer below 2^53, and that integer divided by
 * an exact power of ten is correctly rounded, as Number's parse of the same digits is.
 */
export function plainAsciiValue(text: string, decimal: DecimalMark): number {
  return asciiNumber(text, text.length, decimal, 0);
}

/**
 * The value of a plain ASCII number followed by "%" (85%, 12.5%) under a decimal mark, or −1:
 * the number moved two places, m / 10^(k+2), which is what the full reading's shiftDecimal gives.
 */
export function plainAsciiPercent(text: string, decimal: DecimalMark): number {
  const n = text.length - 1;
  return n > 0 && text.charCodeAt(n) === 37 ? asciiNumber(text, n, decimal, 2) : -1;
}

/** {@link plainAsciiValue} of text[0, n), divided by 10^places. */
function asciiNumber(text: string, n: number, decimal: DecimalMark, places: number): number {
  if (n === 0 || n > 20) return -1;
  const mark = decimal.charCodeAt(0);
  let m = 0;
  let digits = 0;
  let point = -1;
  /** Digits since the last group mark (−1: no group mark yet). */
  let group = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (group >= 0 && point < 0) group++;
    } else if (c === mark && point < 0 && i > 0 && i < n - 1) {
      if (group >= 0 && group !== 3) return -1;
      point = i;
    } else if (c === 44 && mark === 46 && point < 0 && i > 0) {
      // a group mark: after 1–3 leading digits (not all zeros: 0,123 reads as a decimal comma)
      // or a full group of 3
      if (group >= 0 ? group !== 3 : i > 3 || m === 0) return -1;
      group = 0;
    } else return -1;
  }
  if (digits > 15) return -1;
  if (group >= 0 && point < 0 && group !== 3) return -1;
  const fraction = (point < 0 ? 0 : n - point - 1) + places;
  return fraction === 0 ? m : m / EXACT_POW10[fraction];
}

/**
 * The shape of a text cell for the table's evidence: 1 digits only (it shows no decimal mark),
 * 2 runs of digits joined by single "." or "," (the text is its own body, as numberText would
 * give it), 0 anything else; of text[0, n) when n is given.
 */
export function asciiShape(text: string, n = text.length): 0 | 1 | 2 {
  if (n === 0) return 0;
  let marks = false;
  let afterMark = true;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) afterMark = false;
    else if ((c === 46 || c === 44) && !afterMark) {
      marks = true;
      afterMark = true;
    } else return 0;
  }
  if (afterMark) return 0;
  return marks ? 2 : 1;
}

/** What a body says about the decimal mark: ".", ",", "ambiguous" (1,234 or 1.234) or "none". */
export function markEvidence(body: string): DecimalMark | "ambiguous" | "none" {
  const dot = body.lastIndexOf(".");
  const comma = body.lastIndexOf(",");
  if (dot < 0 && comma < 0) return "none";
  if (dot >= 0 && comma >= 0) return dot > comma ? "." : ",";
  const mark: DecimalMark = dot >= 0 ? "." : ",";
  const last = dot >= 0 ? dot : comma;
  // 1.234.567: a mark that appears twice groups thousands, so the other one is the decimal
  if (body.indexOf(mark) !== last) return mark === "." ? "," : ".";
  let intDigits = 0;
  let zeros = true;
  for (let i = 0; i < last; i++) {
    const c = body.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      intDigits++;
      if (c !== 48) zeros = false;
    }
  }
  const fraction = body.length - last - 1;
  // 0.123, .5, 12345.678, 12.5 and 1 234.567 can only mean one thing
  if (fraction !== 3 || intDigits === 0 || intDigits > 3 || zeros) return mark;
  if (body.lastIndexOf(" ", last) >= 0) return mark;
  return "ambiguous";
}

/**
 * A number times 10^places, exactly as its shortest decimal form says (12.34 × 10⁻² is 0.1234,
 * where 12.34 / 100 would be 0.12340000000000001).
 */
export function shiftDecimal(value: number, places: number): number {
  if (places === 0 || value === 0 || !Number.isFinite(value)) return value;
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!m) return value * Math.pow(10, places);
  const exp = Number(m[4] ?? 0) + places;
  return Number(`${m[1]}${m[2]}${m[3] ? "." + m[3] : ""}e${exp}`);
}

/** An integer part grouped by thousands, with the group mark of each decimal mark (or spaces). */
const GROUPED: Record<DecimalMark, RegExp> = {
  ".": /^[0-9]{1,3}(,[0-9]{3})+$|^[0-9]{1,3}( [0-9]{3})+$/,
  ",": /^[0-9]{1,3}(\.[0-9]{3})+$|^[0-9]{1,3}( [0-9]{3})+$/,
};

/** The value of a body under a decimal mark, or null when the body does not fit that mark. */
export function bodyValue(body: string, decimal: DecimalMark, exponent = false): number | null {
  if (PLAIN_TEXT.test(body)) {
    // digits and at most one mark: the mark is the decimal, or the text does not fit the mark
    if (body.includes(decimal)) return Number(decimal === "." ? body : body.replace(",", "."));
    if (!body.includes(decimal === "." ? "," : ".")) return Number(body);
  }
  if (exponent) {
    const v = Number(body.replace(",", "."));
    return Number.isFinite(v) ? v : null;
  }
  const group = decimal === "." ? "," : ".";
  const [int, frac, extra] = body.split(decimal);
  if (extra !== undefined) return null;
  const grouped = int.includes(group) || / /.test(int);
  if (grouped) {
    if (!GROUPED[decimal].test(int.replace(/[\u202f ]/g, " "))) return null;
  } else if (!/^[0-9]*$/.test(int)) return null;
  if (frac !== undefined && !/^[0-9]*$/.test(frac)) return null;
  const digits = int.replace(/[^0-9]/g, "");
  if (digits === "" && (frac === undefined || frac === "")) return null;
  const v = Number(`${digits || "0"}${frac ? "." + frac : ""}`);
  return Number.isFinite(v) ? v : null;
}

// ---------------------------------------------------------------------------------------------
// Judging a value by its field's unit
// ---------------------------------------------------------------------------------------------

/** A note or an error about one cell: a message key and its parameters. */
export interface CellNote {
  severity: "error" | "warning" | "info";
  code: MessageKey;
  params: MessageParams;
}

export type Quantity =
  | { kind: "blank" }
  | { kind: "number"; value: number; notes: CellNote[] }
  | { kind: "invalid"; notes: CellNote[] };

/** How the table's text and plain numbers are read (decided once per table, see analyzeTable). */
export interface ReadingRules {
  decimal: DecimalMark;
  /**
   * Field keys whose plain numbers are percentages written as numbers (85 = 85%); the table's
   * analysis says so once per column.
   */
  percentFields: ReadonlySet<string>;
  /** The cells that decided the decimal mark, for a conflict's message. */
  decimalEvidence?: { count: number; example: string };
}

export const DEFAULT_RULES: ReadingRules = { decimal: ".", percentFields: new Set() };

function invalid(code: MessageKey, params: MessageParams): Quantity {
  return { kind: "invalid", notes: [{ severity: "error", code, params }] };
}

export function percentText(v: number): string {
  return `${Number((v * 100).toPrecision(12))}%`;
}

/** The text's value (sign, scale and percent applied), or an error note, under the rules. */
function textValue(
  raw: string,
  nt: NumberText,
  f: FieldDef,
  rules: ReadingRules
): { value: number; notes: CellNote[] } | Quantity {
  const p = { text: raw, field: f.name, unit: UNIT_NAMES[f.unit] };
  if (nt.exponent) return invalid("scientificNotation", { text: raw });
  if (nt.percent && f.unit !== "ratio") return invalid("percentNotAllowed", p);
  if (nt.currency && f.unit !== "currency") return invalid("currencyNotAllowed", p);
  if (nt.scale !== 1 && f.unit !== "currency") return invalid("scaleWordNotAllowed", p);
  const mark = markEvidence(nt.body);
  if ((mark === "." || mark === ",") && mark !== rules.decimal)
    return invalid("decimalConflict", {
      text: raw,
      mark,
      fileMark: rules.decimal,
      count: rules.decimalEvidence?.count ?? 0,
      example: rules.decimalEvidence?.example ?? "",
    });
  const body = bodyValue(nt.body, rules.decimal);
  if (body === null) return { kind: "invalid", notes: [unreadable(raw)] };
  // 12.34% is 0.1234 and 12.5万 is 125000 exactly: move the decimal point, never divide
  const places = (nt.scale === 1e4 ? 4 : nt.scale === 1e8 ? 8 : 0) - (nt.percent ? 2 : 0);
  let value = shiftDecimal(body, places);
  if (nt.negative) value = -value;
  if (value === 0) value = 0;
  const notes: CellNote[] = [];
  if (nt.scale !== 1)
    notes.push({ severity: "info", code: "scaleWordRead", params: { text: raw, value } });
  return { value, notes };
}

function unreadable(text: string): CellNote {
  return { severity: "error", code: "numberUnreadable", params: { text } };
}

/**
 * Reads one data cell of a field. Text goes through the table's rules; numbers Excel typed are
 * taken as they are, then judged by the same unit rules (a percent column, limits, whole counts).
 * Signs are left to the caller (which fields may be negative is a plan rule).
 */
/** The notes of a reading that has none (frozen: a reading's notes are only read). */
const NO_NOTES = Object.freeze([]) as unknown as CellNote[];

/** `notes` followed by `more`: a new list the first time, so NO_NOTES stays empty. */
function withNotes(notes: CellNote[], more: readonly CellNote[]): CellNote[] {
  if (more.length === 0) return notes;
  if (notes === NO_NOTES) return [...more];
  notes.push(...more);
  return notes;
}

export function readQuantity(cell: CellInput, f: FieldDef, rules: ReadingRules): Quantity {
  if (cell === null || cell === undefined) return { kind: "blank" };
  if (typeof cell === "boolean")
    return { kind: "invalid", notes: [{ severity: "error", code: "booleanInNumber", params: {} }] };
  let value: number;
  // most cells have no note: their reading shares one empty list (nobody adds to a reading's)
  let notes: CellNote[] = NO_NOTES;
  let plain: boolean;
  const text = typeof cell === "string" ? cell : String(cell);
  // most cells are plain ASCII numbers under the table's mark: read them in one scan
  const fast = typeof cell === "string" ? plainAsciiValue(cell, rules.decimal) : -1;
  const percent =
    fast < 0 && f.unit === "ratio" && typeof cell === "string"
      ? plainAsciiPercent(cell, rules.decimal)
      : -1;
  if (fast >= 0 || percent >= 0) {
    value = fast >= 0 ? fast : percent;
    plain = fast >= 0;
  } else if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return { kind: "invalid", notes: [unreadable(text)] };
    value = cell === 0 ? 0 : cell;
    plain = true;
  } else {
    if (cell.trim() === "") return { kind: "blank" };
    const nt = numberText(cell);
    if (!nt) return { kind: "invalid", notes: [unreadable(cell)] };
    const read = textValue(cell, nt, f, rules);
    if ("kind" in read) return read;
    value = read.value;
    notes = withNotes(notes, read.notes);
    plain = !nt.percent;
    if (/[\uff01-\uff5e\u3000\uffe5]/.test(cell))
      notes = withNotes(notes, [
        { severity: "warning", code: "numberNormalized", params: { text: cell, value } },
      ]);
  }
  // text is read by the table's rules; a number Excel holds is what its cell shows (a ratio cell
  // of the Data sheet formatted 0.0% shows 85 as 8500.0%), judged by the limits alone
  if (f.unit === "ratio" && plain && typeof cell === "string") {
    const r = ratioValue(text, value, f, rules);
    if (r.kind !== "number") return r;
    value = r.value;
    notes = withNotes(notes, r.notes);
  }
  if (f.unit === "ratio" && typeof cell === "number") {
    const typed = typedPercent(value);
    if (typed !== value) {
      notes = withNotes(notes, [
        {
          severity: "warning",
          code: "percentTyped",
          params: { field: f.name, value, percent: percentText(typed) },
        },
      ]);
      value = typed;
    }
  }
  const limit = plausibleLimit(f);
  if (f.unit === "score" && value > limit)
    return invalid("scoreOutOfRange", { field: f.name, value });
  if (Math.abs(value) > limit)
    return invalid("valueImplausible", { field: f.name, value: text.trim(), limit });
  if (f.unit === "count" && !Number.isInteger(value))
    return invalid("countNotWhole", { field: f.name, value });
  return { kind: "number", value, notes };
}

/** A plain number in a ratio column: a percentage written as a number, or a ratio as it is. */
function ratioValue(text: string, value: number, f: FieldDef, rules: ReadingRules): Quantity {
  if (!rules.percentFields.has(f.key)) {
    const notes: CellNote[] =
      Math.abs(value) > 1
        ? [
            {
              severity: "info",
              code: "ratioAbove100",
              params: { text, percent: percentText(value) },
            },
          ]
        : NO_NOTES;
    return { kind: "number", value, notes };
  }
  if (value !== 0 && Math.abs(value) <= PERCENT_NUMBER_THRESHOLD)
    return invalid("percentAmbiguous", {
      text,
      asPercent: `${text}%`,
      asFraction: percentText(value),
      asPercentText: `${text}%`,
    });
  return { kind: "number", value: shiftDecimal(value, -2), notes: NO_NOTES };
}

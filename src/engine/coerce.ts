/**
 * Reading numbers the way HR data arrives: from CRM exports and pasted cells.
 * Accepts numeric text, percent text, thousands separators, full-width digits and punctuation,
 * currency signs and accounting negatives; rejects booleans and any other text.
 */

/** What a cell or argument held, as Office.js and CSV parsers hand it over. */
export type CellInput = number | string | boolean | null | undefined;

export type NumberReading =
  | { kind: "number"; value: number; normalized: boolean }
  | { kind: "blank" }
  | { kind: "boolean" }
  | { kind: "text"; text: string };

const FULL_WIDTH_OFFSET = 0xfee0;
/** Any character toHalfWidth changes: full-width ASCII, the ideographic space, ￥ and ¥. */
const WIDE = /[\uff01-\uff5e\u3000\uffe5\u00a5]/;

/** Full-width ASCII variants (０-９, ，．％－＋) to their half-width forms; ideographic space to space. */
export function toHalfWidth(text: string): string {
  if (!WIDE.test(text)) return text;
  let out = "";
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) {
      out += String.fromCharCode(c - FULL_WIDTH_OFFSET);
      changed = true;
    } else if (c === 0x3000) {
      out += " ";
      changed = true;
    } else if (c === 0xffe5 || c === 0x00a5) {
      out += "¥";
      changed = changed || c === 0xffe5;
    } else {
      out += text[i];
    }
  }
  return changed ? out : text;
}

const NUMBER_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const UNSIGNED_PATTERN = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED_PATTERN = /^\d{1,3}(,\d{3})+(\.\d*)?$/;
const CURRENCY = /^(¥|\$|€|£|RMB|CNY|元)|(元|¥|RMB|CNY)$/i;

/**
 * Reads one value as a number. Blank (null, undefined, "" or whitespace) is blank; booleans are
 * booleans (not numbers); text is read when it is a number in any of the forms CRM exports use.
 * `normalized` is true when the text needed more than a plain parse (so a data check can say so).
 */
export function readNumber(input: CellInput): NumberReading {
  if (input === null || input === undefined) return { kind: "blank" };
  if (typeof input === "number") {
    return Number.isFinite(input)
      ? { kind: "number", value: input, normalized: false }
      : { kind: "text", text: String(input) };
  }
  if (typeof input === "boolean") return { kind: "boolean" };
  const raw = input;
  let t = toHalfWidth(raw).trim();
  if (t === "") return { kind: "blank" };
  const plain = NUMBER_PATTERN.test(t);
  if (plain) return { kind: "number", value: Number(t), normalized: t !== raw };

  let negative = false;
  // Accounting negative: (1,234.00)
  if (t.length > 2 && t.startsWith("(") && t.endsWith(")")) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  let percent = false;
  if (t.endsWith("%")) {
    percent = true;
    t = t.slice(0, -1).trim();
  }
  // Currency signs before or after the number.
  for (let guard = 0; guard < 2 && CURRENCY.test(t); guard++) t = t.replace(CURRENCY, "").trim();
  if (t.startsWith("-") || t.startsWith("+")) {
    if (t.startsWith("-")) negative = !negative;
    t = t.slice(1).trim();
    for (let guard = 0; guard < 2 && CURRENCY.test(t); guard++) t = t.replace(CURRENCY, "").trim();
  }
  let body: string | null = null;
  if (UNSIGNED_PATTERN.test(t)) body = t;
  else if (GROUPED_PATTERN.test(t)) body = t.replace(/,/g, "");
  else if (/^\d{1,3}( \d{3})+(\.\d*)?$/.test(t)) body = t.replace(/ /g, "");
  if (body === null) return { kind: "text", text: raw };
  let value = Number(body);
  if (!Number.isFinite(value)) return { kind: "text", text: raw };
  if (percent) value = value / 100;
  if (negative) value = -value;
  if (value === 0) value = 0;
  return { kind: "number", value, normalized: true };
}

/** Whether a cell is blank in the contract's sense: null, undefined, "" (or whitespace only). */
export function isBlank(input: unknown): boolean {
  return (
    input === null || input === undefined || (typeof input === "string" && input.trim() === "")
  );
}

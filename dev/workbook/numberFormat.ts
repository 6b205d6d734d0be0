/**
 * Enough of Excel's number formats to show the add-in's sheets as Excel would: General, text (@),
 * fixed decimals, thousands separators, percentages, literal prefixes/suffixes ("¥", "元") and
 * dates (yyyy-mm-dd). Development preview only.
 */

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function general(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9))
    return value.toExponential(5).replace(/\.?0+e/, "E");
  return String(Number(value.toPrecision(10)));
}

function date(value: number, format: string): string {
  const d = new Date(EXCEL_EPOCH + Math.round(value * 86400000));
  const pad = (n: number) => (n < 10 ? "0" + n : String(n));
  return format
    .replace(/yyyy/i, String(d.getUTCFullYear()))
    .replace(/mm/i, pad(d.getUTCMonth() + 1))
    .replace(/dd/i, pad(d.getUTCDate()));
}

/** Formats a cell value with an Excel number format code (first section; a leading "-" for negatives). */
export function formatNumber(value: number, code: string | null | undefined): string {
  if (!code || /^general$/i.test(code)) return general(value);
  let section = code.split(";")[0];
  if (value < 0 && code.split(";").length > 1) section = code.split(";")[1];
  if (/[yd]/i.test(section.replace(/"[^"]*"/g, "")) && !/[#0]/.test(section))
    return date(value, section);
  // literal text: "…" or \x, and [$¥-804] currency tags
  let prefix = "";
  let suffix = "";
  const body = section
    .replace(/\[\$([^\]-]*)(-[^\]]*)?\]/g, (_, sym: string) => `"${sym}"`)
    .replace(/\[[^\]]*\]/g, "");
  const m = /^((?:"[^"]*"|\\.|[^#0?.,%])*)([#0?.,]+)(%?)((?:"[^"]*"|\\.|[^#0?])*)$/.exec(body);
  if (!m) return general(value);
  const lit = (s: string) =>
    s
      .replace(/"([^"]*)"/g, "$1")
      .replace(/\\(.)/g, "$1")
      .replace(/[_*]./g, "");
  prefix = lit(m[1]);
  suffix = lit(m[4]).replace(/%/g, "");
  const digits = m[2];
  const percent = m[3] === "%" || /%/.test(m[4]);
  const dot = digits.indexOf(".");
  const decimals = dot >= 0 ? digits.slice(dot + 1).replace(/[^0#?]/g, "").length : 0;
  const minDecimals = dot >= 0 ? digits.slice(dot + 1).replace(/[^0]/g, "").length : 0;
  const grouping = digits.slice(0, dot >= 0 ? dot : undefined).includes(",");
  const v = percent ? value * 100 : value;
  const sign = v < 0 && !(value < 0 && code.split(";").length > 1) ? "-" : "";
  const text = new Intl.NumberFormat("en-US", {
    minimumFractionDigits: minDecimals,
    maximumFractionDigits: decimals,
    useGrouping: grouping,
  }).format(Math.abs(v));
  return `${sign}${prefix}${text}${percent ? "%" : ""}${suffix}`;
}

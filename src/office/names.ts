/**
 * Valid, unique sheet and table names. Pure: the writer calls these with the names it loaded.
 *
 * Excel's rules for sheet names: 1–31 characters, none of `[ ] : * ? / \`, not beginning or
 * ending with an apostrophe, not "History" (reserved), unique in the workbook ignoring case.
 */

export const SHEET_NAME_MAX = 31;
const FORBIDDEN_SHEET_CHARS = /[[\]:*?/\\]/g;

/** Names the writer reserves for its own temporary sheets; user sheets never start with it. */
export const STAGING_PREFIX = "~perf~";

function sameName(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}

/** Cut a string to at most `max` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = text.slice(0, max);
  const last = out.charCodeAt(out.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) out = out.slice(0, -1);
  return out;
}

/** Make `name` a valid sheet name (characters and length only; see {@link uniqueSheetName}). */
export function validSheetName(name: string, fallback = "Sheet"): string {
  let out = Array.from(name.replace(FORBIDDEN_SHEET_CHARS, "_"), (ch) =>
    ch.charCodeAt(0) < 32 ? " " : ch
  )
    .join("")
    .trim();
  out = out.replace(/^'+/, "").replace(/'+$/, "").trim();
  out = cut(out, SHEET_NAME_MAX).replace(/'+$/, "").trim();
  if (!out) out = fallback;
  if (sameName(out, "History")) out = `${out}_`;
  return out;
}

/** Whether Excel accepts `name` as a sheet name (ignoring uniqueness). */
export function isValidSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= SHEET_NAME_MAX &&
    !/[[\]:*?/\\]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    !sameName(name, "History")
  );
}

/**
 * A valid sheet name not in `taken` (compared ignoring case): the name itself, else
 * "name (2)", "name (3)"…, shortening the base so the result stays within 31 characters.
 */
export function uniqueSheetName(name: string, taken: Iterable<string>, fallback = "Sheet"): string {
  const used = new Set<string>();
  for (const t of taken) used.add(t.toUpperCase());
  const base = validSheetName(name, fallback);
  if (!used.has(base.toUpperCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${cut(base, SHEET_NAME_MAX - suffix.length).trimEnd()}${suffix}`;
    if (!used.has(candidate.toUpperCase())) return candidate;
  }
}

/** Whether `name` is one of the writer's temporary sheets. */
export function isStagingName(name: string): boolean {
  return name.toLowerCase().startsWith(STAGING_PREFIX);
}

/** The temporary name a sheet of `role` is written under before it is renamed or copied. */
export function stagingName(role: string): string {
  return `${STAGING_PREFIX}${role}`.slice(0, SHEET_NAME_MAX);
}

/**
 * A table name not in `taken` (tables and defined names share one namespace in Excel, compared
 * ignoring case): the name, else name_2, name_3….
 */
export function uniqueTableName(name: string, taken: Iterable<string>): string {
  const used = new Set<string>();
  for (const t of taken) used.add(t.toUpperCase());
  if (!used.has(name.toUpperCase())) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name}_${n}`;
    if (!used.has(candidate.toUpperCase())) return candidate;
  }
}

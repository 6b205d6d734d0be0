/**
 * A GB18030 encoder (TextEncoder only encodes UTF-8), pure and without a dependency: the reverse
 * of the platform's own TextDecoder("gb18030"), which every browser and Node ship (the WHATWG
 * Encoding Standard's decoder), built lazily on the first call.
 *
 * - U+0000–U+007F: one byte, as ASCII.
 * - Two bytes (lead 0x81–0xFE, trail 0x40–0x7E or 0x80–0xFE): what the decoder makes of each of the
 *   23,940 sequences, reversed.
 * - Four bytes for the rest of the Basic Multilingual Plane (pointers 0–39,419, the standard's
 *   ranges, 0x81308130–0x8431A439): what the decoder makes of each, reversed. A code point that
 *   both a two-byte and a four-byte code decode to (the characters GB18030-2022 moved from the
 *   private use area, U+FE10–FE19 and U+9FB4–9FBB among them) is left out: a payroll system
 *   reading the 2005 edition (Windows' code page 54936, iconv) would read another character.
 * - U+10000–U+10FFFF: four bytes computed by the standard's linear range (pointer 189,000 +
 *   code point − 0x10000, 0x90308130 onwards).
 *
 * A code point that no sequence decodes to (a lone surrogate, U+E5E5), or one of the moved
 * characters above, cannot be encoded: the
 * encoder names it with its position; it never writes a replacement character.
 */

let table: Map<number, number[]> | null = null;

/** Pointer (0-based) of a four-byte sequence → its bytes. */
function fourBytes(pointer: number): number[] {
  const b1 = Math.floor(pointer / 12600);
  const r1 = pointer % 12600;
  const b2 = Math.floor(r1 / 1260);
  const r2 = r1 % 1260;
  const b3 = Math.floor(r2 / 10);
  const b4 = r2 % 10;
  return [b1 + 0x81, b2 + 0x30, b3 + 0x81, b4 + 0x30];
}

/**
 * Decodes `count` sequences of `width` bytes each, in one call where every sequence gives one
 * UTF-16 code unit (as all GB18030 BMP sequences do), else one call per sequence.
 */
function decodeEach(bytes: Uint8Array, width: number, count: number): (string | null)[] {
  const decoder = new TextDecoder("gb18030", { fatal: false });
  const whole = decoder.decode(bytes);
  if (whole.length === count) return Array.from(whole, (c) => (c === "\uFFFD" ? null : c));
  const out: (string | null)[] = [];
  for (let k = 0; k < count; k++) {
    const one = decoder.decode(bytes.subarray(k * width, (k + 1) * width));
    out.push(one.length === 0 || one.includes("\uFFFD") ? null : one);
  }
  return out;
}

function twoByteSequences(): { bytes: Uint8Array; codes: number[][] } {
  const codes: number[][] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) codes.push([lead, trail]);
  return { bytes: Uint8Array.from(codes.flat()), codes };
}

const BMP_FOUR_BYTE_POINTERS = 39420;

function buildTable(): Map<number, number[]> {
  const t = new Map<number, number[]>();
  const two = twoByteSequences();
  decodeEach(two.bytes, 2, two.codes.length).forEach((c, k) => {
    if (c === null || c.length !== 1) return;
    const cp = c.codePointAt(0)!;
    if (cp >= 0x80 && !t.has(cp)) t.set(cp, two.codes[k]);
  });
  const four: number[][] = [];
  for (let p = 0; p < BMP_FOUR_BYTE_POINTERS; p++) four.push(fourBytes(p));
  const twice: number[] = [];
  decodeEach(Uint8Array.from(four.flat()), 4, four.length).forEach((c, k) => {
    if (c === null || c.length !== 1) return;
    const cp = c.codePointAt(0)!;
    if (cp < 0x80) return;
    if (t.has(cp)) twice.push(cp);
    else t.set(cp, four[k]);
  });
  // Held by a two-byte and a four-byte code: the 2005 and 2022 editions swapped these (U+FE10–FE19,
  // U+9FB4–9FBB…), so a reader of the other edition would read another character.
  for (const cp of twice) t.delete(cp);
  return t;
}

/** The bytes of one code point in GB18030, or null when it has none. */
export function gb18030Bytes(cp: number): number[] | null {
  if (cp < 0x80) return [cp];
  if (cp >= 0x10000 && cp <= 0x10ffff) return fourBytes(189000 + cp - 0x10000);
  if (cp >= 0xd800 && cp <= 0xdfff) return null;
  table ??= buildTable();
  return table.get(cp) ?? null;
}

/** A character that an encoding cannot hold, where it is in the text (0-based UTF-16 index). */
export interface Unencodable {
  index: number;
  /** The character (or the lone surrogate) as it is in the text. */
  char: string;
  codePoint: number;
}

export type EncodeResult =
  { ok: true; bytes: Uint8Array } | { ok: false; unencodable: Unencodable[] };

/** Code points of a text with their index; lone surrogates are returned as themselves. */
function* codePoints(text: string): Generator<{ index: number; cp: number; char: string }> {
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    const wide = cp > 0xffff;
    yield { index: i, cp, char: wide ? text.slice(i, i + 2) : text[i] };
    if (wide) i++;
  }
}

/** Text to GB18030 bytes; every character that cannot be encoded is named, none replaced. */
export function encodeGb18030(text: string): EncodeResult {
  const out = new Uint8Array(text.length * 4);
  let n = 0;
  const bad: Unencodable[] = [];
  for (const { index, cp, char } of codePoints(text)) {
    const b = gb18030Bytes(cp);
    if (!b) {
      bad.push({ index, char, codePoint: cp });
      continue;
    }
    for (const x of b) out[n++] = x;
  }
  return bad.length ? { ok: false, unencodable: bad } : { ok: true, bytes: out.slice(0, n) };
}

/**
 * Text to UTF-8 bytes; lone surrogates (which TextEncoder would silently replace with U+FFFD) are
 * named instead.
 */
export function encodeUtf8(text: string): EncodeResult {
  const bad: Unencodable[] = [];
  for (const { index, cp, char } of codePoints(text))
    if (cp >= 0xd800 && cp <= 0xdfff) bad.push({ index, char, codePoint: cp });
  return bad.length
    ? { ok: false, unencodable: bad }
    : { ok: true, bytes: new TextEncoder().encode(text) };
}

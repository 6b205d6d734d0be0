/**
 * Bytes of a chosen file into text, deliberately: a byte-order mark says UTF-8 or UTF-16; without
 * one the bytes must be valid UTF-8, else valid GB18030 (what Excel on Chinese Windows saves as
 * "CSV"); anything else is refused. The encoding used is always said. Text that still holds a
 * replacement character (U+FFFD) or NUL after decoding is refused: those characters mean bytes
 * were lost before the file reached us, and names or numbers built from them would be wrong.
 */
import { type Catalogue, type MessageKey, type MessageParams } from "../messages";
import { issue, type Issue } from "../issues";

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

export interface DecodedText {
  ok: true;
  text: string;
  encoding: TextEncodingName;
  /** Whether the file began with a byte-order mark. */
  bom: boolean;
  /** What was decided, for the import report (an info issue). */
  issues: Issue[];
}

export interface RefusedFile {
  ok: false;
  issues: Issue[];
}

export const DECODE_MESSAGES = {
  encodingUsed: {
    en: "Read as {encoding}{how}.",
    zh: "已按 {encoding} 编码读取{how}。",
  },
  encodingBom: { en: " (byte-order mark)", zh: "（文件带字节顺序标记）" },
  encodingStrict: {
    en: " (not valid UTF-8; every byte is valid GB18030, as Excel on Chinese Windows saves CSV files)",
    zh: "（不是有效的 UTF-8；所有字节均为有效的 GB18030，即中文 Windows 版 Excel 保存 CSV 的编码）",
  },
  fileEmpty: { en: "The file is empty.", zh: "文件为空。" },
  fileIsWorkbook: {
    en: "This is an Excel workbook ({kind}), not a CSV file: open it in Excel and save it as CSV UTF-8, or select its cells and use the selection.",
    zh: "这是 Excel 工作簿（{kind}），不是 CSV 文件：请在 Excel 中打开并另存为“CSV UTF-8”，或选中其单元格后使用“使用所选区域”。",
  },
  fileIsPdf: {
    en: "This is a PDF document, not a CSV file.",
    zh: "这是 PDF 文档，不是 CSV 文件。",
  },
  encodingUnknown: {
    en: "The file is neither UTF-8 nor GB18030 (line {line}, byte {offset} cannot be read); save it as CSV UTF-8 and import it again.",
    zh: "文件既不是 UTF-8 也不是 GB18030 编码（第 {line} 行第 {offset} 个字节无法读取），请另存为“CSV UTF-8”后重新导入。",
  },
  encodingBrokenBom: {
    en: "The file says it is {encoding} (byte-order mark) but line {line} is not; save it again as CSV UTF-8.",
    zh: "文件标明为 {encoding} 编码（字节顺序标记），但第 {line} 行不是该编码，请重新另存为“CSV UTF-8”。",
  },
  textHasReplacement: {
    en: 'Line {line} holds the replacement character "\uFFFD" (column {column} of the line): characters were lost before the file was saved. Export it again from the source.',
    zh: "第 {line} 行（该行第 {column} 个字符）含有替换字符“\uFFFD”：文件保存前已有字符丢失，请从源系统重新导出。",
  },
  textHasNul: {
    en: "Line {line} holds a NUL character: the file may be UTF-16 without a byte-order mark, or not a text file. Save it as CSV UTF-8.",
    zh: "第 {line} 行含有 NUL 字符：文件可能是不带字节顺序标记的 UTF-16，或不是文本文件。请另存为“CSV UTF-8”。",
  },
  fileTooLarge: {
    en: "The file is {size} MB; the add-in reads files up to {limit} MB. Split it by month or team.",
    zh: "文件大小为 {size} MB，加载项最多读取 {limit} MB 的文件。请按月份或团队拆分。",
  },
} satisfies Catalogue;

/** What a file may weigh before it is read at all (the pane holds it, its text and its table). */
export const FILE_LIMIT_BYTES = 100 * 1024 * 1024;

const NAMES: Record<TextEncodingName, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16 LE",
  "utf-16be": "UTF-16 BE",
  gb18030: "GB18030 (GBK)",
};

/** The encoding's name as the import report shows it. */
export function encodingName(encoding: TextEncodingName): string {
  return NAMES[encoding];
}

/** An issue about a file: at a line when there is one, else about the file as a whole. */
export function fileIssue(
  severity: Issue["severity"],
  code: MessageKey,
  params: MessageParams,
  file: string,
  line?: number
): Issue {
  return line === undefined
    ? issue(severity, code, params, { label: { en: file, zh: file } })
    : issue(severity, code, params, { location: { sheet: file, row: line } });
}

function refuse(file: string, code: MessageKey, params: MessageParams = {}, line?: number) {
  return { ok: false as const, issues: [fileIssue("error", code, params, file, line)] };
}

/** 1-based line of a byte offset (counting LF bytes before it). */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that does not begin or continue a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array, start = 0): number {
  let i = start;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    // lead byte: how many continuation bytes follow, and the least code point it may encode
    const [need, min] =
      b >= 0xc2 && b <= 0xdf
        ? [1, 0x80]
        : b >= 0xe0 && b <= 0xef
          ? [2, 0x800]
          : b >= 0xf0 && b <= 0xf4
            ? [3, 0x10000]
            : [0, 0];
    if (need === 0) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function decoder(label: string): TextDecoder {
  return new TextDecoder(label, { fatal: true, ignoreBOM: true });
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return decoder(label).decode(bytes);
  } catch {
    return null;
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** What kind of non-text file the bytes are, by their first bytes, or null. */
function binaryKind(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return "workbook:.xlsx";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "workbook:.xls";
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return "pdf";
  return null;
}

/** Line (1-based) and column (1-based, in characters) of a character index of decoded text. */
function textPosition(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++)
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  return { line, column: index - lineStart + 1 };
}

/** How a file's bytes are to be decoded: the encoding, from which byte, and what to say of it. */
export interface DecodeStart {
  encoding: TextEncodingName;
  /** First byte after the byte-order mark. */
  start: number;
  bom: boolean;
  /** Without a mark, the bytes were not valid UTF-8: GB18030 is tried. */
  strict: boolean;
  /** The bytes cannot be decoded as the mark says (UTF-16 of an odd length). */
  broken: boolean;
}

/**
 * The checks made before any text is decoded (size, a workbook or PDF, the encoding by the
 * byte-order mark or by validating UTF-8), as {@link decodeBytes} makes them.
 */
export function decodeStart(bytes: Uint8Array, file: string): DecodeStart | RefusedFile {
  if (bytes.length > FILE_LIMIT_BYTES)
    return refuse(file, "fileTooLarge", {
      size: Math.round((bytes.length / 1024 / 1024) * 10) / 10,
      limit: FILE_LIMIT_BYTES / 1024 / 1024,
    });
  const kind = binaryKind(bytes);
  if (kind === "pdf") return refuse(file, "fileIsPdf");
  if (kind) return refuse(file, "fileIsWorkbook", { kind: kind.slice("workbook:".length) });
  const even = bytes.length % 2 === 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf]))
    return { encoding: "utf-8", start: 3, bom: true, strict: false, broken: false };
  if (startsWith(bytes, [0xff, 0xfe]))
    return { encoding: "utf-16le", start: 2, bom: true, strict: false, broken: !even };
  if (startsWith(bytes, [0xfe, 0xff]))
    return { encoding: "utf-16be", start: 2, bom: true, strict: false, broken: !even };
  const valid = firstInvalidUtf8(bytes) < 0;
  return {
    encoding: valid ? "utf-8" : "gb18030",
    start: 0,
    bom: false,
    strict: !valid,
    broken: false,
  };
}

/** A decoder for the start decided (fatal: bytes it cannot decode throw). */
export function startDecoder(start: DecodeStart): TextDecoder {
  return decoder(start.encoding);
}

/** The refusal of a file whose bytes could not be decoded as decided. */
export function undecodable(bytes: Uint8Array, start: DecodeStart, file: string): RefusedFile {
  if (start.strict) {
    const bad = firstInvalidUtf8(bytes);
    return refuse(
      file,
      "encodingUnknown",
      { line: lineAt(bytes, bad), offset: bad + 1 },
      lineAt(bytes, bad)
    );
  }
  const bad = start.encoding === "utf-8" ? firstInvalidUtf8(bytes, 3) : 0;
  const line = Math.max(1, lineAt(bytes, bad));
  return refuse(file, "encodingBrokenBom", { encoding: NAMES[start.encoding], line }, line);
}

/** The report of the encoding used. */
export function encodingIssue(start: DecodeStart, file: string): Issue {
  const detail = start.bom ? "encodingBom" : start.strict ? "encodingStrict" : null;
  return fileIssue(
    "info",
    "encodingUsed",
    { encoding: NAMES[start.encoding], how: detail ? DECODE_MESSAGES[detail] : "" },
    file
  );
}

/** A refusal of decoded text: nothing but spaces, a NUL or a replacement character at a line and column. */
export function textRefusal(
  file: string,
  code: "fileEmpty" | "textHasNul" | "textHasReplacement",
  at?: { line: number; column: number }
): RefusedFile {
  return at ? refuse(file, code, at, at.line) : refuse(file, code);
}

/**
 * Decodes a file's bytes (see the module comment). `file` names the file in messages. Never
 * throws: a file that cannot be read exactly is refused with a located, worded issue.
 */
export function decodeBytes(bytes: Uint8Array, file: string): DecodedText | RefusedFile {
  const start = decodeStart(bytes, file);
  if ("ok" in start) return start;
  const text = start.broken ? null : tryDecode(start.encoding, bytes.subarray(start.start));
  if (text === null) return undecodable(bytes, start, file);
  if (!/\S/.test(text)) return textRefusal(file, "fileEmpty");
  const nul = text.indexOf("\u0000");
  if (nul >= 0) return textRefusal(file, "textHasNul", textPosition(text, nul));
  const lost = text.indexOf("\uFFFD");
  if (lost >= 0) return textRefusal(file, "textHasReplacement", textPosition(text, lost));
  return {
    ok: true,
    text,
    encoding: start.encoding,
    bom: start.bom,
    issues: [encodingIssue(start, file)],
  };
}

/**
 * CSV text into records, as HR's files come: comma, semicolon, tab or bar separated (one separator
 * per file, decided from its first lines), CRLF, LF or CR line ends, quoted fields with embedded
 * separators, quotes and line breaks. Each record keeps the file line it starts on, so every
 * message can name it. Parsing runs in slices and can report progress between them.
 */

export type Delimiter = "," | ";" | "\t" | "|";

const CANDIDATES: Delimiter[] = [",", "\t", ";", "|"];

export interface CsvRecords {
  records: string[][];
  /** 1-based file line on which each record starts. */
  lines: number[];
  delimiter: Delimiter;
  /** 1-based line of a quote that is never closed (the rest of the file would be one cell), or null. */
  unclosedQuote: number | null;
}

/** Counts of each candidate separator outside quotes, per line, over the first lines of a text. */
function separatorCounts(text: string, maxLines: number): Map<Delimiter, number[]> {
  const counts = new Map<Delimiter, number[]>(CANDIDATES.map((d) => [d, [0]]));
  let quoted = false;
  let lines = 0;
  for (let i = 0; i < text.length && lines < maxLines; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) {
      if (c === "\r" && text[i + 1] === "\n") i++;
      lines++;
      for (const list of counts.values()) list.push(0);
    } else if (!quoted && counts.has(c as Delimiter)) {
      const list = counts.get(c as Delimiter)!;
      list[list.length - 1]++;
    }
  }
  return counts;
}

/**
 * The file's separator: the candidate that splits the most of its first lines into the same
 * number of fields (a title line or a blank line above the header does not sway it).
 */
export function detectDelimiter(text: string): Delimiter {
  return pickDelimiter(separatorCounts(text, DETECT_LINES));
}

/** Lines the separator is decided from. */
const DETECT_LINES = 40;

/**
 * The separator {@link detectDelimiter} finds in a text that begins with `prefix`, once the
 * prefix holds every line it looks at (or is the whole text, `whole`); else null.
 */
export function delimiterOfPrefix(prefix: string, whole: boolean): Delimiter | null {
  const counts = separatorCounts(prefix, DETECT_LINES);
  if (!whole && counts.get(",")!.length <= DETECT_LINES) return null;
  return pickDelimiter(counts);
}

function pickDelimiter(counts: Map<Delimiter, number[]>): Delimiter {
  let best: Delimiter = ",";
  let bestLines = 0;
  let bestFields = 0;
  for (const d of CANDIDATES) {
    const freq = new Map<number, number>();
    for (const n of counts.get(d)!) if (n > 0) freq.set(n, (freq.get(n) ?? 0) + 1);
    for (const [n, lines] of freq) {
      if (lines > bestLines || (lines === bestLines && n > bestFields)) {
        best = d;
        bestLines = lines;
        bestFields = n;
      }
    }
  }
  return best;
}

/** Parser state between slices. */
interface State {
  pos: number;
  line: number;
  field: string;
  record: string[];
  recordLine: number;
  quoted: boolean;
  quoteLine: number;
  out: CsvRecords;
  /** Where records go when they are not collected (a file read in slices). */
  emit: ((record: string[], line: number) => void) | null;
}

function newState(
  delimiter: Delimiter,
  emit: ((record: string[], line: number) => void) | null = null
): State {
  return {
    pos: 0,
    line: 1,
    field: "",
    record: [],
    recordLine: 1,
    quoted: false,
    quoteLine: 0,
    out: { records: [], lines: [], delimiter, unclosedQuote: null },
    emit,
  };
}

function endRecord(s: State): void {
  s.record.push(s.field);
  if (s.emit) s.emit(s.record, s.recordLine);
  else {
    s.out.records.push(s.record);
    s.out.lines.push(s.recordLine);
  }
  s.record = [];
  s.field = "";
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Advances the parser over text[s.pos, end). A character's meaning may depend on the next one
 * (CR LF, a doubled quote): text[end] is read when it exists, so a slice of a longer text must
 * not end on a CR or a quote unless that text ends there.
 */
function parseSlice(s: State, text: string, end: number): void {
  const d = s.out.delimiter.charCodeAt(0);
  let i = s.pos;
  while (i < end) {
    if (s.quoted) {
      // up to the next quote: line breaks inside the field count as lines
      let j = i;
      while (j < end) {
        const c = text.charCodeAt(j);
        if (c === QUOTE) break;
        if (c === LF || (c === CR && text.charCodeAt(j + 1) !== LF)) s.line++;
        j++;
      }
      if (j > i) s.field += text.slice(i, j);
      if (j >= end) {
        i = j;
        break;
      }
      if (text.charCodeAt(j + 1) === QUOTE) {
        s.field += '"';
        i = j + 2;
        continue;
      }
      s.quoted = false;
      i = j + 1;
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === QUOTE && s.field === "") {
      s.quoted = true;
      s.quoteLine = s.line;
      i++;
    } else if (c === d) {
      s.record.push(s.field);
      s.field = "";
      i++;
    } else if (c === LF || c === CR) {
      if (c === CR && text.charCodeAt(i + 1) === LF) i++;
      endRecord(s);
      s.line++;
      s.recordLine = s.line;
      i++;
    } else {
      // plain characters up to the next separator or line end (a quote inside a field is text)
      let j = i + 1;
      while (j < end) {
        const x = text.charCodeAt(j);
        if (x === d || x === LF || x === CR) break;
        j++;
      }
      s.field = s.field === "" ? text.slice(i, j) : s.field + text.slice(i, j);
      i = j;
    }
  }
  s.pos = i;
}

function finish(s: State): CsvRecords {
  if (s.quoted) s.out.unclosedQuote = s.quoteLine;
  // a last line without a line end is a record; a final line end adds none
  if (s.field !== "" || s.record.length > 0 || s.quoted) endRecord(s);
  return s.out;
}

/**
 * A parser fed a text in pieces (a file decoded slice by slice): each record goes to `emit` with
 * the line it starts on as soon as it ends, so no list of every record is kept. The records and
 * lines are those {@link parseRecords} gives for the whole text.
 */
export class CsvStream {
  private readonly s: State;
  /** The end of the previous piece when it may depend on the next one (CR, a quote). */
  private held = "";
  constructor(delimiter: Delimiter, emit: (record: string[], line: number) => void) {
    this.s = newState(delimiter, emit);
  }
  push(piece: string): void {
    let text = this.held + piece;
    const last = text.charCodeAt(text.length - 1);
    this.held = last === CR || last === QUOTE ? text.slice(-1) : "";
    if (this.held) text = text.slice(0, -1);
    this.s.pos = 0;
    parseSlice(this.s, text, text.length);
  }
  /** The end of the text: the last record, and the line of a quote never closed (or null). */
  end(): number | null {
    if (this.held) {
      const text = this.held;
      this.held = "";
      this.s.pos = 0;
      parseSlice(this.s, text, text.length);
    }
    return finish(this.s).unclosedQuote;
  }
}

/** Parses a whole text at once. */
export function parseRecords(
  text: string,
  delimiter: Delimiter = detectDelimiter(text)
): CsvRecords {
  const s = newState(delimiter);
  parseSlice(s, text, text.length);
  return finish(s);
}

export interface ParseProgress {
  done: number;
  total: number;
}

const SLICE = 1 << 20;

/**
 * Parses a text in slices of about a megabyte, reporting progress and letting the page paint and
 * answer input between slices.
 */
export async function parseRecordsAsync(
  text: string,
  onProgress?: (p: ParseProgress) => void,
  delimiter: Delimiter = detectDelimiter(text)
): Promise<CsvRecords> {
  const s = newState(delimiter);
  while (s.pos < text.length) {
    parseSlice(s, text, Math.min(text.length, s.pos + SLICE));
    onProgress?.({ done: s.pos, total: text.length });
    if (s.pos < text.length) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return finish(s);
}

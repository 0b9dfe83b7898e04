/**
 * Bytes to log lines, chunk by chunk, with bounded memory: the same reader for a file dropped in the
 * window (File.stream()), a file or pipe on the main side, and `adb logcat`. Lines may break anywhere
 * between chunks (in the middle of a CRLF or of a UTF-8 character); a line longer than MAX_LOG_LINE_CHARS
 * keeps only its start, so a log with no line breaks (or gigabytes of NULs) never fills memory.
 * Pure: TextDecoder exists in browsers and Node alike.
 */
import { list, plural } from '../words';

/** Bytes looked at to tell a text log from a binary or compressed file. */
export const SNIFF_BYTES = 64 * 1024;
/** Longer lines keep their first this many characters (logcat itself cuts lines at about 4,000). */
export const MAX_LOG_LINE_CHARS = 8 * 1024 * 1024;

const MAGIC: Array<{ bytes: number[]; what: string; hint: string }> = [
  { bytes: [0x1f, 0x8b], what: 'a gzip archive', hint: 'Decompress it first (gunzip), then open the text inside.' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a zip archive (a bugreport or an APK?)', hint: 'Unzip it and open the log text inside (in a bugreport: the bugreport-*.txt file).' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image', hint: 'Open the logcat text instead (adb logcat -d > log.txt).' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF', hint: 'Open the logcat text instead (adb logcat -d > log.txt).' },
];
const TEXT_HINT = 'Open the logcat text (adb logcat -v threadtime -d > log.txt) or a plain-text log, not a binary file.';

/**
 * Why the first bytes of a source are not a text log, in words; undefined when they are: NUL bytes or
 * bytes that are not UTF-8 (an incomplete character at the very end of `head` is fine: the chunk cut it).
 */
export function notTextReason(head: Uint8Array): { message: string; fix: string } | undefined {
  const sniff = head.length > SNIFF_BYTES ? head.subarray(0, SNIFF_BYTES) : head;
  for (const m of MAGIC) {
    if (sniff.length >= m.bytes.length && m.bytes.every((b, i) => sniff[i] === b)) return { message: `it is ${m.what}, not a text log`, fix: m.hint };
  }
  const nul = sniff.indexOf(0);
  if (nul >= 0) return { message: `it holds NUL bytes (the first at byte ${nul + 1}), so it is a binary file, not a text log`, fix: TEXT_HINT };
  try {
    // stream: true leaves a character cut by the end of the chunk for later instead of calling it invalid.
    new TextDecoder('utf-8', { fatal: true }).decode(sniff, { stream: true });
  } catch {
    return { message: 'its first bytes are not UTF-8 text, so it is not a text log', fix: TEXT_HINT };
  }
  return undefined;
}

/** What the reader noticed about the lines themselves, for the user. */
export interface LineNotes {
  lines: number;
  bytes: number;
  /** Lines cut to MAX_LOG_LINE_CHARS, by number (the first few). */
  longLines: number[];
  longLineCount: number;
  /** The source ended in the middle of a line (no line break after the last one). */
  endedMidLine: boolean;
  /** Bytes that were not UTF-8 after the first chunk (shown as U+FFFD). */
  invalidUtf8: boolean;
}

/**
 * Takes the lines of a chunk one at a time, as they are split. `wants` says whether the line
 * `text.slice(start, end)` is needed as a string at all: one it turns down goes to `skip`, counted but
 * never made (most of a log is other apps' noise, and making millions of strings costs more than reading
 * them). It is asked only after every earlier line has been handed over.
 */
export interface LineVisitor {
  wants(text: string, start: number, end: number): boolean;
  line(line: string): void;
  skip(): void;
}

/** Splits decoded chunks into lines; `\n`, `\r\n` and a lone `\r` all end a line. */
export class LogLineReader {
  private readonly decoder = new TextDecoder('utf-8');
  private partial: string[] = [];
  private partialChars = 0;
  private cut = false;
  private pendingCr = false;
  private readonly notes: LineNotes = { lines: 0, bytes: 0, longLines: [], longLineCount: 0, endedMidLine: false, invalidUtf8: false };

  /** Reads one chunk of bytes (or text); returns the lines it completes. */
  push(chunk: Uint8Array | string): string[] {
    return this.read(chunk);
  }

  /** Like push, but hands each line to `visitor` as it is split (see LineVisitor); `bytes` counts a text chunk's bytes. */
  read(chunk: Uint8Array | string, visitor?: LineVisitor, bytes?: number): string[] {
    let text: string;
    if (typeof chunk === 'string') {
      text = chunk;
      this.notes.bytes += bytes ?? chunk.length;
    } else if (this.cut && chunk.indexOf(10) < 0 && chunk.indexOf(13) < 0) {
      // Still inside a line already cut to the limit: nothing in this chunk is kept, so do not decode it.
      this.decoder.decode();
      this.notes.bytes += chunk.length;
      return [];
    } else {
      text = this.decoder.decode(chunk, { stream: true });
      this.notes.bytes += chunk.length;
    }
    if (!this.notes.invalidUtf8 && text.includes('\uFFFD')) this.notes.invalidUtf8 = true;
    return this.split(text, visitor);
  }

  /** The end of the source: the last line, if it had no line break. */
  end(): string[] {
    const out = this.split(this.decoder.decode());
    if (this.partialChars > 0 || this.partial.length > 0) {
      this.notes.endedMidLine = true;
      out.push(this.take());
    }
    return out;
  }

  get lineNotes(): LineNotes {
    return { ...this.notes, longLines: [...this.notes.longLines] };
  }

  /** The lines `text` completes: handed to `visitor` when there is one, else returned. */
  private split(text: string, visitor?: LineVisitor): string[] {
    const out: string[] = [];
    const emit = visitor ? (line: string) => visitor.line(line) : (line: string) => void out.push(line);
    let start = 0;
    if (this.pendingCr) {
      this.pendingCr = false;
      if (text.charCodeAt(0) === 10) start = 1; // the \n of a \r\n split between chunks
    }
    // indexOf, not a loop over characters: a line of megabytes is skipped at memchr speed.
    let nextLf = text.indexOf('\n', start);
    let nextCr = text.indexOf('\r', start);
    while (nextLf >= 0 || nextCr >= 0) {
      const at = nextCr < 0 || (nextLf >= 0 && nextLf < nextCr) ? nextLf : nextCr;
      if (this.partial.length === 0 && at - start <= MAX_LOG_LINE_CHARS) {
        // The whole line is in this text (the usual case): made only when wanted, in one slice.
        this.notes.lines++;
        if (visitor && !visitor.wants(text, start, at)) visitor.skip();
        else emit(text.slice(start, at));
      } else {
        this.append(text, start, at);
        emit(this.take());
      }
      let end = at;
      if (at === nextCr) {
        if (at + 1 === text.length) this.pendingCr = true;
        else if (text.charCodeAt(at + 1) === 10) end = at + 1;
      }
      start = end + 1;
      if (nextLf >= 0 && nextLf < start) nextLf = text.indexOf('\n', start);
      if (nextCr >= 0 && nextCr < start) nextCr = text.indexOf('\r', start);
    }
    this.append(text, start, text.length);
    return out;
  }

  private append(text: string, from: number, to: number): void {
    if (to <= from || this.cut) return;
    const room = MAX_LOG_LINE_CHARS - this.partialChars;
    if (to - from > room) {
      this.cut = true;
      to = from + room;
    }
    this.partial.push(text.slice(from, to));
    this.partialChars += to - from;
  }

  private take(): string {
    this.notes.lines++;
    if (this.cut) {
      this.notes.longLineCount++;
      if (this.notes.longLines.length < 5) this.notes.longLines.push(this.notes.lines);
    }
    const line = this.partial.length === 1 ? this.partial[0]! : this.partial.join('');
    if (this.partial.length > 0) this.partial = [];
    this.partialChars = 0;
    this.cut = false;
    return line;
  }
}

/** The reader's notes as sentences a support engineer can act on (empty when there is nothing to say). */
export function describeLineNotes(n: LineNotes): string[] {
  const out: string[] = [];
  if (n.longLineCount > 0) {
    out.push(
      `${plural(n.longLineCount, 'line')} ${n.longLineCount === 1 ? 'is' : 'are'} longer than ${MAX_LOG_LINE_CHARS / (1024 * 1024)} MB (${list(n.longLines.map((l) => `line ${l}`))}): only the start of each was read; the rest of the log was read as usual.`,
    );
  }
  if (n.invalidUtf8) out.push('Some bytes are not UTF-8 text; they were read as “�”. The log may be damaged, or partly binary.');
  if (n.endedMidLine && n.lines > 0) out.push(`The log ends in the middle of line ${n.lines} (no line break after it): it was cut off or is still being written. That line was read as it is.`);
  return out;
}

/**
 * Finds every upiGetSessionToken request and response in a log, line by line, with bounded memory: a
 * JSON object on one line (raw or escaped), a compact JWS, or pretty-printed JSON spread over consecutive
 * lines of the same tag and pid. Each item keeps where it was logged (line, time, pid/tid, tag). Pure and
 * incremental: feed lines as they arrive (a file, a pipe, `adb logcat`), read items as they complete.
 */
import { parseLogcatPrefix, type LogLinePrefix } from '../logcat';

export interface LogItem {
  /** `candidate`: a JSON object or compact JWS worth reading as a request or response; `unclosed`: a JSON block that never closed. */
  kind: 'candidate' | 'unclosed';
  /** The text as logged, without the logcat prefixes (lines of a block joined with "\n"). */
  text: string;
  /** 1-based line numbers in the log. */
  line: number;
  lastLine: number;
  /** The logcat prefix of the first line, when the log has one. */
  log?: LogLinePrefix;
}

/** Words one of which every request or response text contains; other JSON in a log is not ours. */
const MARKERS = /signature|signaturePayload|requestId|vpaAccounts|"event"|\\"event\\"|clientAuthToken|merchantKeyId/;
/** MARKERS or the start of a compact JWS: a line without either is only ever noise or a block's inside. */
const MAY_MATTER = new RegExp(`${MARKERS.source}|eyJ`);
const WORDS = new RegExp(MAY_MATTER.source, 'g');
/** A block this long (lines or characters) that has not closed is reported and dropped. */
const MAX_BLOCK_LINES = 5_000;
const MAX_BLOCK_CHARS = 8 * 1024 * 1024;
/** A single line longer than this is truncated for the search (logcat caps lines at ~4 KB anyway). */
const MAX_LINE_CHARS = 16 * 1024 * 1024;

interface OpenBlock {
  key: string;
  parts: string[];
  chars: number;
  depth: number;
  inString: boolean;
  escaped: boolean;
  line: number;
  lastLine: number;
  log?: LogLinePrefix;
}

export class LogItemFinder {
  private lineNo = 0;
  /** Open pretty-printed blocks, one per tag+pid (interleaved threads keep separate blocks). */
  private readonly blocks = new Map<string, OpenBlock>();
  /** wantsLine's memory: the text it last searched, from where, and the next match there (-1: none). */
  private searched: string | undefined;
  private searchedFrom = 0;
  private matchAt = -1;

  /** Reads one line (without its line break); returns the items it completes. */
  push(raw: string): LogItem[] {
    this.lineNo++;
    // Most of a log is other apps' noise. With no block open, a line that carries none of our words and
    // does not end by opening an object can neither be an item nor start one: its prefix is not even read.
    if (this.blocks.size === 0 && !MAY_MATTER.test(raw) && !endsOpeningObject(raw, 0, raw.length)) return [];
    const line = raw.length > MAX_LINE_CHARS ? raw.slice(0, MAX_LINE_CHARS) : raw;
    const log = parseLogcatPrefix(line);
    const message = log ? line.slice(log.length) : line;
    const key = log ? `${log.tag}\u0000${log.pid}` : '';
    const out: LogItem[] = [];
    const open = this.blocks.get(key);
    if (open && continues(message)) {
      this.extend(open, message);
      if (open.depth <= 0) {
        this.blocks.delete(key);
        const item = this.finish(open);
        if (item) out.push(item);
      } else if (open.parts.length > MAX_BLOCK_LINES || open.chars > MAX_BLOCK_CHARS) {
        this.blocks.delete(key);
        out.push(this.unclosed(open));
      }
      return out;
    }
    if (open) {
      // The same tag and pid logged something else: the block was cut short (logcat truncates long lines).
      this.blocks.delete(key);
      if (MARKERS.test(open.parts.join('\n'))) out.push(this.unclosed(open));
    }
    const marked = MARKERS.test(message) || message.includes('eyJ');
    const brace = message.indexOf('{');
    // A block is only kept when it is ours or opens at the end of the line: skip scanning other JSON.
    if (brace >= 0 && (marked || message.slice(brace + 1).trim() === '') && !message.includes('{\\"')) {
      const block: OpenBlock = { key, parts: [], chars: 0, depth: 0, inString: false, escaped: false, line: this.lineNo, lastLine: this.lineNo, ...(log ? { log } : {}) };
      this.extend(block, message.slice(brace));
      // An object that opens here and goes on in the next lines: pretty-printed JSON, or a line split by the logger.
      if (block.depth > 0 && (marked || message.slice(brace + 1).trim() === '')) {
        this.blocks.set(key, block);
        return out;
      }
    }
    if (marked) out.push({ kind: 'candidate', text: message, line: this.lineNo, lastLine: this.lineNo, ...(log ? { log } : {}) });
    return out;
  }

  /** A line `wants` turned down: counted, nothing more. */
  skip(): void {
    this.lineNo++;
  }

  /**
   * For a LogLineReader's visitor: whether `push` needs to see the line `text.slice(start, end)`, or
   * `skip` will do. The same test as push's first line, read off the text without making the line: our
   * words are found by one pass over each text (the next match is remembered), not one search per line.
   */
  wantsLine(text: string, start: number, end: number): boolean {
    if (this.blocks.size > 0) return true;
    if (this.searched !== text || this.searchedFrom > start || (this.matchAt >= 0 && this.matchAt < start)) {
      WORDS.lastIndex = start;
      this.matchAt = WORDS.exec(text)?.index ?? -1;
      this.searched = text;
      this.searchedFrom = start;
    }
    return (this.matchAt >= 0 && this.matchAt < end) || endsOpeningObject(text, start, end);
  }

  /** The end of the log: blocks still open never closed. */
  end(): LogItem[] {
    const out = [...this.blocks.values()].filter((b) => MARKERS.test(b.parts.join('\n'))).map((b) => this.unclosed(b));
    this.blocks.clear();
    return out;
  }

  private extend(block: OpenBlock, message: string): void {
    block.parts.push(message);
    block.chars += message.length + 1;
    block.lastLine = this.lineNo;
    for (let i = 0; i < message.length; i++) {
      const c = message.charCodeAt(i);
      if (block.inString) {
        if (block.escaped) block.escaped = false;
        else if (c === 92) block.escaped = true;
        else if (c === 34) block.inString = false;
      } else if (c === 34) block.inString = true;
      else if (c === 123 || c === 91) block.depth++;
      else if (c === 125 || c === 93) block.depth--;
    }
  }

  /** A closed block: ours when it carries a request's or response's words, else other JSON the app logged. */
  private finish(block: OpenBlock): LogItem | undefined {
    const text = block.parts.join('\n');
    if (!MARKERS.test(text)) return undefined;
    return { kind: 'candidate', text, line: block.line, lastLine: block.lastLine, ...(block.log ? { log: block.log } : {}) };
  }

  private unclosed(block: OpenBlock): LogItem {
    return { kind: 'unclosed', text: block.parts.join('\n').slice(0, 4096), line: block.line, lastLine: block.lastLine, ...(block.log ? { log: block.log } : {}) };
  }
}

/** `text.slice(start, end)` ends with `{` and nothing after it but whitespace (as trimEnd counts it). */
function endsOpeningObject(text: string, start: number, end: number): boolean {
  let at = end - 1;
  while (at >= start && isSpace(text.charCodeAt(at))) at--;
  return at >= start && text.charCodeAt(at) === 123;
}

/** What String.prototype.trim removes: ECMAScript WhiteSpace and LineTerminator. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A line that can continue pretty-printed JSON: indented, or starting with a JSON token. */
function continues(message: string): boolean {
  const c = message.charCodeAt(0);
  if (c === 32 || c === 9) return true;
  return /^["}\]{[\d\-tfn,:]/.test(message);
}

/**
 * A log source, chunk by chunk, to items: refuses a binary file on its first chunk, splits lines, finds
 * requests and responses. Memory is bounded by the open blocks and the items found, never by the size
 * of the log. The window (File.stream()), the CLI (files, pipes) and live capture (adb) all feed one.
 */
import { InspectorError } from '../result';
import { LogItemFinder, type LogItem } from './finder';
import { LogLineReader, notTextReason, type LineNotes } from './lines';

export class LogFeed {
  private readonly reader = new LogLineReader();
  private readonly finder = new LogItemFinder();
  private sniffed = false;

  /** `name` says which source a refusal is about ("log.txt", "stdin", "adb logcat"). */
  constructor(private readonly name: string) {}

  /** Reads one chunk; returns the items it completes. Throws `log_not_text` when the first chunk is not text. */
  push(chunk: Uint8Array | string): LogItem[] {
    this.sniff(chunk);
    return this.read(chunk);
  }

  /**
   * Reads a chunk its caller decoded (a faster decoder than TextDecoder, where there is one): `text` is
   * `bytes` as UTF-8, carrying on from the text of the chunks before. `bytes` are sniffed like push's.
   */
  pushDecoded(text: string, bytes: Uint8Array): LogItem[] {
    this.sniff(bytes);
    return this.read(text, bytes.length);
  }

  private sniff(chunk: Uint8Array | string): void {
    if (this.sniffed || (typeof chunk !== 'string' && chunk.length === 0)) return;
    this.sniffed = true;
    const refusal = typeof chunk === 'string' ? (chunk.includes('\u0000') ? notTextReason(new Uint8Array([0])) : undefined) : notTextReason(chunk);
    if (refusal) throw new InspectorError('log_not_text', `${this.name} cannot be read as a log: ${refusal.message}.`, { fix: refusal.fix });
  }

  private read(chunk: Uint8Array | string, bytes?: number): LogItem[] {
    const out: LogItem[] = [];
    this.reader.read(chunk, {
      wants: (text, start, end) => this.finder.wantsLine(text, start, end),
      line: (line) => {
        for (const item of this.finder.push(line)) out.push(detached(item));
      },
      skip: () => this.finder.skip(),
    }, bytes);
    return out;
  }

  /** The end of the source: the last line without a line break, and blocks that never closed. */
  end(): LogItem[] {
    return [...this.lines(this.reader.end()), ...this.finder.end()];
  }

  get notes(): LineNotes {
    return this.reader.lineNotes;
  }

  private lines(lines: string[]): LogItem[] {
    if (lines.length === 0) return [];
    const out: LogItem[] = [];
    for (const line of lines) {
      const found = this.finder.push(line);
      for (const item of found) out.push(detached(item));
    }
    return out;
  }
}

/**
 * The item with strings of its own. A line is a slice of the chunk it came from, and engines keep a
 * slice's whole parent alive: an item kept from each 1 MB chunk would keep every chunk of the log.
 */
function detached(item: LogItem): LogItem {
  return JSON.parse(JSON.stringify(item)) as LogItem;
}

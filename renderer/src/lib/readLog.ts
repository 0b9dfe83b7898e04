/**
 * A log read in the window with bounded memory: the file streams through the shared LogFeed
 * (File.stream(), chunk by chunk), and only the items found are kept — they are small, and they are what
 * the main side judges (`logs:session`). A log with more items than one session holds keeps the first.
 */
import { describeLineNotes, LogFeed, type LogItem } from '../../../shared/logs';
import { MAX_SESSION_CHARS, MAX_SESSION_ITEMS } from '../../../shared/logs/channels';
import { InspectorError } from '../../../shared/result';
import { plural } from '../../../shared/words';

export interface ReadLogResult {
  items: LogItem[];
  /** What the reader noticed, in words (cut lines, the session limit). */
  notes: string[];
  lines: number;
  bytes: number;
}

/** Keeps items until a session is full; says so once. */
class ItemBag {
  readonly items: LogItem[] = [];
  private chars = 0;
  full = false;

  add(found: LogItem[]): void {
    for (const item of found) {
      if (this.items.length >= MAX_SESSION_ITEMS || this.chars + item.text.length > MAX_SESSION_CHARS) {
        this.full = true;
        return;
      }
      this.items.push(item);
      this.chars += item.text.length;
    }
  }

  note(lines: number): string[] {
    if (!this.full) return [];
    const last = this.items.at(-1)?.lastLine ?? 0;
    return [`The log holds more requests and responses than one session takes (${plural(MAX_SESSION_ITEMS, 'item')}, ${MAX_SESSION_CHARS / (1024 * 1024)} MB): the timeline shows lines 1 to ${last.toLocaleString('en-US')} of ${lines.toLocaleString('en-US')}. Cut the log to the minutes that matter to see the rest.`];
  }
}

/**
 * Reads a File; `onProgress(bytes, total)` as chunks arrive. Throws an InspectorError (`log_not_text`,
 * `log_read_failed`) with words for the user.
 */
export async function readLogFile(file: File, onProgress: (bytes: number, total: number) => void): Promise<ReadLogResult> {
  const feed = new LogFeed(file.name);
  const bag = new ItemBag();
  let bytes = 0;
  const reader = file.stream().getReader();
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch {
        throw new InspectorError('log_read_failed', `${file.name} could not be read (it was moved, or permission was withdrawn).`);
      }
      if (chunk.done) break;
      bytes += chunk.value.length;
      bag.add(feed.push(chunk.value));
      onProgress(bytes, file.size);
      if (bag.full) break;
    }
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  if (!bag.full) bag.add(feed.end());
  const notes = feed.notes;
  return { items: bag.items, notes: [...describeLineNotes(notes), ...bag.note(notes.lines)], lines: notes.lines, bytes };
}

/** Reads pasted text; a paste that does not end with a line break is not "cut off". */
export function readLogText(text: string): ReadLogResult {
  const feed = new LogFeed('the pasted text');
  const bag = new ItemBag();
  bag.add(feed.push(text));
  bag.add(feed.end());
  const notes = { ...feed.notes, endedMidLine: false };
  return { items: bag.items, notes: [...describeLineNotes(notes), ...bag.note(notes.lines)], lines: notes.lines, bytes: text.length };
}

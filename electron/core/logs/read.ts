/**
 * Reading a log from a file or a stream, chunk by chunk, into a LogFeed: never the whole file in memory
 * (one 1 MiB buffer, reused), progress as bytes read of the total, and `follow` to keep reading a file
 * that grows (like `tail -f`) until the signal aborts.
 */
import { isAscii } from 'node:buffer';
import { open, type FileHandle } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { setTimeout as sleep } from 'node:timers/promises';
import { InspectorError } from '../../../shared/result';
import type { LogFeed, LogItem } from '../../../shared/logs';

export const CHUNK_BYTES = 1024 * 1024;

export interface ReadProgress {
  bytes: number;
  /** The file's size when reading began; absent for streams. */
  total?: number;
}

export interface ReadOptions {
  /** Items as each chunk completes them. */
  onItems(items: LogItem[]): void;
  onProgress?(progress: ReadProgress): void;
  /** Something the user should know that does not stop the reading (a file that got shorter). */
  onNote?(note: string): void;
  /** Stops reading (Ctrl-C, Stop): what was read stays read. */
  signal?: AbortSignal;
}

export interface FileReadOptions extends ReadOptions {
  /** Keep reading as the file grows, until `signal` aborts. */
  follow?: boolean;
  /** How often a followed file is checked for growth, ms. */
  pollMs?: number;
}

/** Reads a log file. Throws `log_read_failed` when it cannot be opened, `log_not_text` when it is binary. */
export async function readLogFile(path: string, feed: LogFeed, options: FileReadOptions): Promise<void> {
  const handle = await openLog(path);
  const decode = utf8Chunks();
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let position = 0;
    let total = (await handle.stat()).size;
    for (;;) {
      while (!options.signal?.aborted) {
        const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, position);
        if (bytesRead === 0) break;
        position += bytesRead;
        const bytes = buffer.subarray(0, bytesRead);
        options.onItems(feed.pushDecoded(decode.write(bytes), bytes));
        options.onProgress?.({ bytes: position, total: Math.max(total, position) });
      }
      if (!options.follow || options.signal?.aborted) break;
      await sleep(options.pollMs ?? 250, undefined, options.signal ? { signal: options.signal } : {}).catch(() => undefined);
      const size = (await handle.stat()).size;
      if (size < position) {
        options.onNote?.(`${path} got shorter (rotated or truncated): reading it again from the start.`);
        position = 0;
      }
      total = size;
    }
  } finally {
    await handle.close();
  }
  if (!options.follow || options.signal?.aborted) {
    // A character cut off by the end of the file comes out as U+FFFD, as TextDecoder would make it.
    options.onItems(feed.pushDecoded(decode.end(), new Uint8Array(0)));
    options.onItems(feed.end());
  }
}

/**
 * UTF-8 chunks to text, carrying a character cut by a chunk's end over to the next (StringDecoder),
 * with the usual chunk of a log (all ASCII, nothing carried) copied as Latin-1: several times quicker.
 * Bytes that are not UTF-8 become U+FFFD, as TextDecoder makes them.
 */
function utf8Chunks(): { write(bytes: Buffer): string; end(): string } {
  const decoder = new StringDecoder('utf8');
  let carried = false;
  return {
    write(bytes) {
      if (!carried && isAscii(bytes)) return bytes.toString('latin1');
      const text = decoder.write(bytes);
      carried = endsInsideCharacter(bytes, carried);
      return text;
    },
    end: () => decoder.end(),
  };
}

/**
 * Whether the decoder is left holding part of a character after `bytes`: their last lead byte starts
 * a sequence longer than what follows it. When `bytes` hold no lead byte in their last three, the
 * answer is unknown and the earlier one (`before`) stands as `true` unless it was `false`.
 */
function endsInsideCharacter(bytes: Buffer, before: boolean): boolean {
  for (let back = 1; back <= Math.min(4, bytes.length); back++) {
    const b = bytes[bytes.length - back]!;
    if (b < 0x80) return false; // ASCII: nothing open
    if (b >= 0xc0) return (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2) > back; // a lead byte: is its sequence complete?
  }
  // Only continuation bytes at the end: what they continue came earlier.
  return bytes.length < 4 ? before : false;
}

/** Reads a stream (stdin, `adb logcat`'s output) until it ends or the signal aborts. */
export async function readLogStream(stream: AsyncIterable<Uint8Array | string>, feed: LogFeed, options: ReadOptions): Promise<void> {
  let bytes = 0;
  const iterator = stream[Symbol.asyncIterator]();
  const aborted = new Promise<'aborted'>((resolve) => {
    if (options.signal?.aborted) resolve('aborted');
    options.signal?.addEventListener('abort', () => resolve('aborted'), { once: true });
  });
  for (;;) {
    const next = await Promise.race([iterator.next(), aborted]);
    if (next === 'aborted' || next.done) break;
    const chunk = next.value;
    bytes += chunk.length;
    options.onItems(feed.push(chunk));
    options.onProgress?.({ bytes });
  }
  // Do not wait for a stream that may never end (stdin at a terminal): just let go of it.
  void iterator.return?.();
  options.onItems(feed.end());
}

async function openLog(path: string): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    throw new InspectorError('log_read_failed', `cannot read the log ${path}: ${why(e)}.`, { fix: 'Check the path (relative paths start at the current folder), or pass - to read stdin.' });
  }
  const stat = await handle.stat();
  if (stat.isDirectory()) {
    await handle.close();
    throw new InspectorError('log_read_failed', `cannot read the log ${path}: it is a folder.`, { fix: 'Pass the log file inside it.' });
  }
  return handle;
}

function why(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (code ?? 'read error');
}

/**
 * The prefix logcat writes before each message, in the formats engineers paste: `threadtime` (the
 * default), `time`, `brief`, and `threadtime` with `-v year`. Knowing it lets the inspector name the tag
 * and the log's clock instead of treating the prefix as noise.
 */

export type LogcatFormat = 'threadtime' | 'time' | 'brief';

export interface LogLinePrefix {
  format: LogcatFormat;
  /** V, D, I, W, E, F or A. */
  level: string;
  tag: string;
  pid: number;
  tid?: number;
  /** As written: `05-01 12:00:01.123` or `2024-05-01 12:00:01.123` (logcat prints no zone). */
  time?: string;
  /** Characters of the line before the message starts. */
  length: number;
}

const TIME = String.raw`((?:\d{4}-)?\d\d-\d\d \d\d:\d\d:\d\d\.\d{3})`;
const LEVEL = '([VDIWEFA])';
const THREADTIME = new RegExp(String.raw`^${TIME}\s+(\d+)\s+(\d+)\s+${LEVEL}\s+([^:]*?)\s*: `);
const TIME_FORMAT = new RegExp(String.raw`^${TIME}\s+${LEVEL}\/([^(]*?)\(\s*(\d+)\): `);
const BRIEF = new RegExp(String.raw`^${LEVEL}\/([^(]*?)\(\s*(\d+)\): `);

/** Reads the logcat prefix of one line; undefined when the line has none. */
export function parseLogcatPrefix(line: string): LogLinePrefix | undefined {
  const head = line.length > 400 ? line.slice(0, 400) : line;
  let m = THREADTIME.exec(head);
  if (m) return { format: 'threadtime', time: m[1]!, pid: Number(m[2]), tid: Number(m[3]), level: m[4]!, tag: m[5]!, length: m[0].length };
  m = TIME_FORMAT.exec(head);
  if (m) return { format: 'time', time: m[1]!, level: m[2]!, tag: m[3]!.trim(), pid: Number(m[4]), length: m[0].length };
  m = BRIEF.exec(head);
  if (m) return { format: 'brief', level: m[1]!, tag: m[2]!.trim(), pid: Number(m[3]), length: m[0].length };
  return undefined;
}

/** The line of `text` that holds `offset`. */
export function lineAt(text: string, offset: number): string {
  const start = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  let end = start;
  while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  return text.slice(start, end);
}

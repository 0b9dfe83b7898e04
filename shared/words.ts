/** Small helpers that turn values into words for findings. Bounded: never walks or prints a whole value. */

/** A value shown in a message: strings quoted and cut at 60 characters, others by type. */
export function show(v: unknown, max = 60): string {
  if (typeof v === 'string') return JSON.stringify(v.length > max ? `${v.slice(0, max)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return `an array (${v.length} item${v.length === 1 ? '' : 's'})`;
  if (typeof v === 'object') return 'an object';
  return typeof v;
}

/** "a string", "a number (42)", "an object" … */
export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  switch (typeof v) {
    case 'string':
      return 'a string';
    case 'number':
      return `a number (${v})`;
    case 'boolean':
      return `a boolean (${v})`;
    case 'object':
      return 'an object';
    default:
      return typeof v;
  }
}

/** "1 key", "3 keys", "10,000 accounts". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** "45 seconds", "12 minutes", "3 hours 5 minutes", "2 days 4 hours", "3 years". */
export function describeDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (!Number.isFinite(abs)) return 'an unmeasurable time';
  const s = Math.floor(abs / 1000);
  if (s < 60) return plural(s, 'second');
  const m = Math.floor(s / 60);
  if (m < 60) return m < 5 && s % 60 ? `${plural(m, 'minute')} ${plural(s % 60, 'second')}` : plural(m, 'minute');
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? `${plural(h, 'hour')} ${plural(m % 60, 'minute')}` : plural(h, 'hour');
  const d = Math.floor(h / 24);
  if (d < 365) return h % 24 && d < 30 ? `${plural(d, 'day')} ${plural(h % 24, 'hour')}` : plural(d, 'day');
  const y = Math.floor(d / 365);
  return plural(y, 'year');
}

const SPAN_UNITS: [limitMs: number, unitMs: number, name: string][] = [
  [60_000, 1_000, 's'],
  [3_600_000, 60_000, 'min'],
  [86_400_000, 3_600_000, 'h'],
  [365 * 86_400_000, 86_400_000, 'd'],
  [Infinity, 365 * 86_400_000, 'y'],
];

/** A length of time in a badge's few characters: "42 s", "3 min", "2 h", "3 d", "4 y"; "" when not a number. */
export function shortSpan(ms: number): string {
  const abs = Math.abs(ms);
  if (!Number.isFinite(abs)) return '';
  const [, unit, name] = SPAN_UNITS.find(([limit]) => abs < limit)!;
  return `${Math.floor(abs / unit)} ${name}`;
}

/** Below this an instant is read as epoch seconds, not milliseconds (epoch ms passed 10^11 in 1973). */
const SECONDS_LIMIT = 100_000_000_000;

/**
 * The one relative-time helper: "just now", "42 s ago", "in 5 min" (or "3 minutes ago" with `long`).
 * `at` and `now` are epoch ms; a value under 10^11 is epoch seconds and is read as such, so a stamp in
 * seconds never reads as "55 y ago". `past`: the event has happened (a key created, a request signed), so
 * a small lead over `now` (another process's clock, a render's stale now) reads "just now", never "in 4 s".
 * "" when either is not a number.
 */
export function relativeTime(at: number, now: number, options: { past?: boolean; long?: boolean } = {}): string {
  const atMs = Math.abs(at) < SECONDS_LIMIT ? at * 1000 : at;
  const nowMs = Math.abs(now) < SECONDS_LIMIT ? now * 1000 : now;
  let delta = nowMs - atMs;
  if (!Number.isFinite(delta)) return '';
  // A past event up to a minute "ahead" is clock skew between processes, not the future.
  if (options.past && delta < 0 && delta > -60_000) delta = 0;
  if (Math.abs(delta) < 2_000) return 'just now';
  const span = options.long ? describeDuration(delta) : shortSpan(delta);
  return delta > 0 ? `${span} ago` : `in ${span}`;
}

/** An ISO time for a message, or '' when the number is not a valid date. */
export function isoTime(ms: number): string {
  const d = new Date(ms);
  return Number.isFinite(d.getTime()) ? d.toISOString() : '';
}

/** "a, b and c" (at most `max`, then "and N more"). */
export function list(items: string[], max = 5): string {
  if (items.length === 0) return '';
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  if (shown.length === 1) return shown[0]!;
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** Like typeName, but says what a string holds and how long an array is: "a string ("abc")". */
export function describeType(v: unknown): string {
  if (Array.isArray(v)) return `an array of ${plural(v.length, 'item')}`;
  if (typeof v === 'string') return `a string ("${v.length > 40 ? `${v.slice(0, 40)}…` : v}")`;
  return typeName(v);
}

/** "Status LINKED…" from "status LINKED…": a sentence's first letter in capitals. */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "the JSON is…" from "The JSON is…": a sentence's first letter in lower case, to go after a colon. */
export function uncapitalise(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

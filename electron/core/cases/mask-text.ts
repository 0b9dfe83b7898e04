/**
 * Masking a text as received: each value the walk found is replaced where it is written — a JSON string,
 * a JSON string escaped inside another (a logged, stringified object), or bare in log text — so the rest
 * (formatting, log prefixes and above all the signed segments) stays byte for byte as it was.
 */
import type { MaskHit } from './mask-rules';

/**
 * Whether a value is also replaced where it stands bare (in log text, in a sentence): long values, and
 * shorter ones shaped like nothing else (a VPA's @, a name's space). "Al" or "123456" could be part of
 * anything, so they are only replaced where quoted.
 */
function replacedBare(value: string): boolean {
  return value.length >= 8 || (value.length >= 5 && /[@ ]/.test(value));
}

/** `value` as it is written at `level` levels of JSON string escaping (0: a JSON literal). */
export function encoded(value: string, level: number): string {
  let out = JSON.stringify(value);
  for (let i = 0; i < level; i++) out = JSON.stringify(out).slice(1, -1);
  return out;
}

function replaceAll(text: string, from: string, to: string): string {
  return from === '' || from === to ? text : text.split(from).join(to);
}

/**
 * Replaces every hit's value in `text`. `protect` holds strings that must come out untouched (the
 * signed segments): they are set aside before and put back after.
 */
export function replaceValues(text: string, hits: readonly MaskHit[], protect: readonly string[] = []): string {
  const guards = [...new Set(protect.filter((p) => p.length >= 4))].sort((a, b) => b.length - a.length).map((p, i) => [p, `\u0000${i}\u0000`] as const);
  let out = guards.reduce((t, [p, mark]) => replaceAll(t, p, mark), text);
  const strings = hits.filter((h) => typeof h.original === 'string').sort((a, b) => String(b.original).length - String(a.original).length);
  for (const hit of strings) {
    const original = hit.original as string;
    for (const level of [2, 1, 0]) out = replaceAll(out, encoded(original, level), encoded(hit.masked, level));
    const bare = encoded(original, 0).slice(1, -1);
    if (replacedBare(bare)) out = replaceAll(out, bare, encoded(hit.masked, 0).slice(1, -1));
  }
  for (const hit of hits) if (typeof hit.original !== 'string') out = replaceByKey(out, keyOf(hit.path), hit);
  return guards.reduce((t, [p, mark]) => replaceAll(t, mark, p), out);
}

/** The last key of a path (`a.b[2].otherInfo` → otherInfo). */
function keyOf(path: string): string {
  const m = /(?:^|\.)([A-Za-z_$][\w$]*)$|\["((?:[^"\\]|\\.)*)"\]$/.exec(path);
  return m?.[1] ?? (m?.[2] !== undefined ? (JSON.parse(`"${m[2]}"`) as string) : '');
}

/** A number, object or array written after `"key":` (at any escaping level), replaced by the masked string. */
function replaceByKey(text: string, key: string, hit: MaskHit): string {
  if (!key) return text;
  const pattern = new RegExp(`(\\\\*)"${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1"\\s*:\\s*`, 'g');
  let out = '';
  let from = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const start = m.index + m[0].length;
    const level = Math.log2((m[1]?.length ?? 0) + 1);
    const end = valueEnd(text, start, m[1]?.length ?? 0);
    if (end === undefined || !Number.isInteger(level)) continue;
    const literal = text.slice(start, end);
    if (typeof hit.original === 'number' && Number(literal) !== hit.original) continue;
    out += text.slice(from, start) + encoded(hit.masked, level);
    from = end;
    pattern.lastIndex = end;
  }
  return out + text.slice(from);
}

/** Where the number, object or array starting at `start` ends; quotes count when preceded by `escapes` backslashes. */
function valueEnd(text: string, start: number, escapes: number): number | undefined {
  const number = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(start, start + 64));
  if (number) return start + number[0].length;
  const open = text[start];
  if (open !== '{' && open !== '[') return undefined;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let slashes = 0;
      while (text[i - 1 - slashes] === '\\') slashes++;
      if (slashes === escapes) inString = !inString;
    } else if (!inString && (c === '{' || c === '[')) depth++;
    else if (!inString && (c === '}' || c === ']') && --depth === 0) return i + 1;
  }
  return undefined;
}

/**
 * Replaces `pairs` inside every string of a value (a verdict, findings, a session's rows): a string
 * equal to an original becomes its mask; inside longer strings the quoted forms (at each escaping level)
 * are replaced, and the bare form when it is long enough to be unambiguous. One pass per string over one
 * pattern of every form, longest first: a log of thousands of calls has thousands of values.
 */
export function sweepStrings<T>(value: T, pairs: ReadonlyArray<readonly [string, string]>, skipKeys: ReadonlySet<string> = new Set()): T {
  const forms = new Map<string, string>();
  for (const [from, to] of pairs) {
    if (from === '' || from === to) continue;
    for (const level of [0, 1, 2]) forms.set(encoded(from, level), encoded(to, level));
    if (replacedBare(from)) forms.set(from, to);
  }
  if (forms.size === 0) return value;
  const exact = new Map(pairs);
  const pattern = new RegExp([...forms.keys()].sort((a, b) => b.length - a.length).map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  const shortest = Math.min(...[...forms.keys()].map((f) => f.length));
  const inString = (s: string): string => exact.get(s) ?? (s.length < shortest ? s : s.replace(pattern, (m) => forms.get(m) ?? m));
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return inString(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, c]) => [k, skipKeys.has(k) ? c : walk(c)]));
    return v;
  };
  return walk(value) as T;
}

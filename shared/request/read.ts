/**
 * The one request reader: whatever a support engineer pastes — the envelope, the payload alone, the three
 * strings (as JSON, three lines or `name=value` pairs), a compact JWS, a logcat line with the request in
 * it (raw or escaped), a JSON string holding it, or any wrapper object around it — becomes one
 * DecodedRequest that says what was found, where, and how it was spelled. Never throws and never judges:
 * the findings live in `diagnostics/`. Inspect, Compose's verify, the CLI and every channel use this.
 */
import { isRecord } from '../guards';
import { extractJson, lineColumn, parseJson, type JsonParseFailure } from '../json';
import { lineAt, parseLogcatPrefix } from '../logcat';
import { classify, decodeCompact, decodeSegments, isTokenChar, looksCompact, requestShape } from './classify';
import { readKeyValueFields, readThreeLines, salvageFields } from './loose-fields';
import { emptyRequest, type DecodedRequest } from './types';

/** How deep JSON strings may nest inside each other (stringified twice, thrice…) before we stop unwrapping. */
const MAX_UNWRAP = 4;

/** Reads a pasted request of any supported shape; never throws. */
export function readRequest(text: string): DecodedRequest {
  const out = emptyRequest();
  if (typeof text !== 'string' || text.trim() === '') return out;
  readText(text, out, 0);
  return out;
}

function readText(text: string, out: DecodedRequest, depth: number): void {
  const trimmed = text.trim();
  const parsed = parseJson(text);
  if (parsed.ok) {
    if (out.source === 'none') out.source = 'json';
    readValue(parsed.value, out, depth);
    return;
  }
  if (trimmed.startsWith('eyJ') && looksCompact(trimmed)) return readCompact(trimmed, out, 'compact');
  if (trimmed.startsWith('{') && looksLikeJsonStart(trimmed)) return salvage(text, parsed, out);

  // The request is inside other text: a log line, a stack trace, a chat message.
  const extracted = extractJson(text);
  if (extracted.ok) {
    foundIn(text, extracted.start, out);
    readValue(extracted.value, out, depth);
    return;
  }
  // A JSON array that does not parse, or a JSON object cut off inside a log line (logcat truncates).
  if (looksLikeJsonStart(trimmed)) return salvage(text, parsed, out);
  if (extracted.error) return salvage(text, extracted.error, out);
  const escaped = findEscapedJson(text);
  if (escaped && depth < MAX_UNWRAP) {
    foundIn(text, escaped.start, out);
    out.escaped = true;
    readText(escaped.text, out, depth + 1);
    if (out.kind !== 'unknown' || out.parseError) return;
  }
  const token = findCompactIn(text);
  if (token) {
    foundIn(text, token.start, out);
    return readCompact(token.text, out, 'log-line');
  }
  const pairs = readKeyValueFields(text);
  if (pairs) {
    out.source = 'key-value';
    return classify(pairs, out);
  }
  const lines = readThreeLines(text);
  if (lines) {
    out.source = 'lines';
    out.kind = 'segments';
    out.variants = ['direct-jws'];
    out.variant = 'direct-jws';
    out.segments = { ...lines };
    return decodeSegments(out);
  }
  if (text.includes('{')) salvage(text, parsed, out);
}

/** `{"`, `{}`, `[{`, `[1` …: JSON that failed to parse, not a log line that happens to start with `[app]`. */
function looksLikeJsonStart(trimmed: string): boolean {
  const open = trimmed.charAt(0);
  if (open !== '{' && open !== '[') return false;
  const next = trimmed.slice(1).trimStart().charAt(0);
  return open === '{' ? next === '"' || next === '}' || next === "'" || next === '' : /^[[{"\]\-\d'tfn]?$/.test(next);
}

/** A parsed JSON value: a request object, a wrapper around one, or a JSON string holding one. */
function readValue(value: unknown, out: DecodedRequest, depth: number): void {
  if (typeof value === 'string') {
    const inner = value.trim();
    if (depth < MAX_UNWRAP && (inner.startsWith('{') || inner.startsWith('[') || (inner.startsWith('eyJ') && looksCompact(inner)))) {
      out.escaped = true;
      const before = out.source;
      readText(inner, out, depth + 1);
      if (before === 'json' && out.source === 'log-line') out.source = 'json';
      return;
    }
    out.rootValue = value;
    return;
  }
  if (isRecord(value) && requestShape(value) !== 'unknown') return classify(value, out);
  const found = searchWrapper(value);
  if (!found) {
    if (isRecord(value)) out.root = value;
    else out.rootValue = value;
    return;
  }
  out.wrapperPath = found.path;
  if (found.escaped) out.escaped = true;
  if (typeof found.value === 'string') decodeCompact(found.value, out);
  else classify(found.value, out);
}

interface WrapperHit {
  path: string;
  value: Record<string, unknown> | string;
  escaped: boolean;
}

const WRAPPER_DEPTH = 8;
const WRAPPER_NODES = 5000;
const RANK = { envelope: 0, payload: 1, segments: 2 } as const;

/**
 * Looks for the request inside a wrapper (`{"data": {...}}`, `{"request": "{\"requestId\"…}"}`, `[{…}]`,
 * a SignResult's `envelope`), breadth first and bounded, so the shallowest and most complete request wins.
 */
function searchWrapper(root: unknown): WrapperHit | undefined {
  const queue: Array<{ value: unknown; path: string; depth: number; escaped: boolean }> = [{ value: root, path: '', depth: 0, escaped: false }];
  let best: { hit: WrapperHit; rank: number } | undefined;
  let compact: WrapperHit | undefined;
  for (let i = 0; i < queue.length && i < WRAPPER_NODES; i++) {
    const { value, path, depth, escaped } = queue[i]!;
    if (typeof value === 'string') {
      const t = value.trim();
      if (t.startsWith('{') && t.length < 8 * 1024 * 1024) {
        const p = parseJson(t);
        if (p.ok && isRecord(p.value)) queue.push({ value: p.value, path, depth, escaped: true });
      } else if (!compact && t.startsWith('eyJ') && looksCompact(t) && t.split('.').length === 3) compact = { path, value: t, escaped };
      continue;
    }
    if (depth > 0 && isRecord(value)) {
      const kind = requestShape(value, true);
      if (kind !== 'unknown' && kind !== 'compact-jws') {
        const rank = RANK[kind];
        if (!best || rank < best.rank) best = { hit: { path, value, escaped }, rank };
        if (rank === 0) break;
        continue;
      }
    }
    if (depth >= WRAPPER_DEPTH) continue;
    if (Array.isArray(value)) value.forEach((v, k) => queue.push({ value: v, path: `${path}[${k}]`, depth: depth + 1, escaped }));
    else if (isRecord(value)) for (const [k, v] of Object.entries(value)) queue.push({ value: v, path: path ? `${path}.${k}` : k, depth: depth + 1, escaped });
  }
  return best?.hit ?? compact;
}

function readCompact(token: string, out: DecodedRequest, source: 'compact' | 'log-line'): void {
  if (out.source === 'none') out.source = source;
  decodeCompact(token, out);
}

/** Records where inside other text the request starts, and the logcat prefix of that line. */
function foundIn(text: string, offset: number, out: DecodedRequest): void {
  if (out.source !== 'none') return;
  out.source = 'log-line';
  out.foundAt = lineColumn(text, offset);
  const prefix = parseLogcatPrefix(lineAt(text, offset));
  if (prefix) out.log = prefix;
}

/** The JSON does not parse; keep its error and read whatever segment fields are still legible. */
function salvage(text: string, error: JsonParseFailure, out: DecodedRequest): void {
  out.parseError = error;
  const { object, segments } = salvageFields(text);
  for (const [variant, key] of [['direct-jws', 'protected'], ['rsa', 'merchantKeyId'], ['cat', 'clientAuthToken']] as const) {
    if (text.includes(`"${key}"`)) out.variants.push(variant);
  }
  out.variant = out.variants.length > 1 ? 'mixed' : out.variants[0];
  if (segments.length === 0) return;
  const payload = isRecord(object.payload) ? object.payload : object;
  for (const name of segments) out.segments[name] = payload[name] as string;
  out.salvaged = true;
  decodeSegments(out);
}

/**
 * A request escaped inside a string of other text (`payload="{\"requestId\":…}"` in a log line): the
 * JSON string literal around `{\"`, decoded to the JSON text it holds.
 */
function findEscapedJson(text: string): { start: number; text: string } | undefined {
  const at = text.indexOf('{\\"');
  if (at < 0) return undefined;
  const quoted = text.charCodeAt(at - 1) === 34;
  let end = at;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === 92) end += 2;
    else if (c === 34) break;
    else end++;
  }
  const literal = `"${text.slice(at, Math.min(end, text.length))}"`;
  const parsed = parseJson(literal);
  if (!parsed.ok || typeof parsed.value !== 'string') return undefined;
  return { start: quoted ? at - 1 : at, text: parsed.value };
}

/** A compact JWS inside other text: starts `eyJ` (base64url of `{"`) and has at least two dots. Linear scan. */
function findCompactIn(text: string): { text: string; start: number } | undefined {
  let from = 0;
  for (;;) {
    const start = text.indexOf('eyJ', from);
    if (start < 0) return undefined;
    let i = start;
    let dots = 0;
    while (i < text.length && isTokenChar(text.charCodeAt(i))) {
      if (text.charCodeAt(i) === 46) dots++;
      i++;
    }
    if (dots >= 2) return { text: text.slice(start, i).replace(/\.+$/, ''), start };
    from = i + 1; // any later "eyJ" in the same run has even fewer dots
  }
}

/**
 * Decodes whatever a support engineer pastes as a `upiGetSessionToken` request — the full envelope, the
 * `payload` object alone, an object with the three strings, a compact JWS `a.b.c`, a log line with the
 * JSON somewhere inside, or a JSON string holding any of those — into its parts, as far as they decode.
 * Never throws and never judges: the findings live in `diagnostics/`. Pure TypeScript.
 */
import { decodeBase64Loose, decodeBase64Url, utf8Decode } from './base64url';
import { isRecord } from './guards';
import { extractJson, lineColumn, parseJson, type JsonParseFailure } from './json';

export type RequestKind = 'envelope' | 'payload' | 'segments' | 'compact-jws' | 'unknown';
export type AuthVariant = 'direct-jws' | 'rsa' | 'cat';
export type SegmentName = 'protected' | 'signaturePayload' | 'signature';
export const SEGMENT_NAMES: readonly SegmentName[] = ['protected', 'signaturePayload', 'signature'];

/** Which payload key marks which auth variant (domain.md §2). */
export const VARIANT_KEYS: Readonly<Record<AuthVariant, string>> = {
  'direct-jws': 'protected',
  rsa: 'merchantKeyId',
  cat: 'clientAuthToken',
};

/** A key found in an object, exactly or ignoring case, `_` and `-` (`RequestId`, `request_id` → requestId). */
export interface KeyHit {
  /** The key as written in the input. */
  key: string;
  value: unknown;
  /** True when spelled exactly as the wire format wants. */
  exact: boolean;
}

/** `requestId`, `RequestId`, `request_id` and `REQUEST-ID` all canonicalise to `requestid`. */
export function canonicalKey(key: string): string {
  let out = '';
  for (let i = 0; i < key.length && i < 200; i++) {
    const c = key.charCodeAt(i);
    if (c === 95 || c === 45 || c === 32) continue;
    out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : key.charAt(i);
  }
  return out;
}

/** Looks a field up exactly, then ignoring case/underscores; an exact key always wins. */
export function findKey(obj: Record<string, unknown>, name: string): KeyHit | undefined {
  if (Object.hasOwn(obj, name)) return { key: name, value: obj[name], exact: true };
  const want = canonicalKey(name);
  for (const key of Object.keys(obj)) {
    if (canonicalKey(key) === want) return { key, value: obj[key], exact: false };
  }
  return undefined;
}

/** How a segment was turned into text. */
export type SegmentEncoding =
  /** Strict unpadded base64url, as RFC 7515 requires. */
  | 'base64url'
  /** Only after forgiving padding, `+`/`/` or whitespace. */
  | 'base64-loose'
  /** The field holds JSON text itself, not base64 (rsa's signaturePayload; a mistake for direct-jws). */
  | 'raw-json'
  /** Could not be decoded at all. */
  | 'none';

export interface DecodedSegment {
  /** The segment exactly as received. */
  raw: string;
  encoding: SegmentEncoding;
  /** Decoded bytes' length, when they decoded. */
  byteLength?: number;
  /** UTF-8 text of the decoded bytes, when they are UTF-8 (not for the signature). */
  text?: string;
  /** The parsed JSON, when the text is JSON (not for the signature). */
  json?: unknown;
  /** Why the segment does not decode to JSON, in words. */
  error?: string;
  /** The JSON parse error, with line/column in the decoded text. */
  jsonError?: JsonParseFailure;
}

export interface DecodedRequest {
  kind: RequestKind;
  /** Where the request came from in the pasted text. */
  source: 'json' | 'log-line' | 'json-string' | 'compact' | 'none';
  /** Where the JSON (or compact JWS) started in the text, when found inside a log line. */
  foundAt?: { line: number; column: number };
  /** The JSON error, when the paste (or the JSON in it) does not parse. */
  parseError?: JsonParseFailure;
  /** The top-level object exactly as parsed (envelope, payload or segments object). */
  root?: Record<string, unknown>;
  /** The top-level value when it parsed but is not an object (an array, a number …). */
  rootValue?: unknown;
  /** The object holding action and the signed fields: `root.payload`, or `root` itself. */
  payload?: Record<string, unknown>;
  /** `string` when `payload` arrived as a string holding JSON (a mistake, decoded anyway). */
  payloadSpelling?: 'object' | 'string';
  /** Payload fields found at the envelope's top level because `payload` itself is missing. */
  flattened?: boolean;
  /** Every auth variant whose marker key is present; more than one is a mix (an error). */
  variants: AuthVariant[];
  /** The single variant, `mixed`, or undefined when no marker key is present. */
  variant?: AuthVariant | 'mixed';
  /** The three fields exactly as received (only those that are strings). */
  segments: Partial<Record<SegmentName, string>>;
  /** Number of dot-separated parts, for a compact JWS. */
  compactParts?: number;
  /** `protected` decoded: the JWS header. */
  header?: DecodedSegment;
  /** `signaturePayload` decoded: the claims. */
  claims?: DecodedSegment;
  /** `signature` decoded to bytes (its length is what matters). */
  signature?: DecodedSegment;
  /** True when the segments were dug out of broken JSON by pattern (the JSON itself does not parse). */
  salvaged?: boolean;
}

const PAYLOAD_MARKERS = ['action', 'protected', 'signaturePayload', 'signature', 'merchantKeyId', 'clientAuthToken'];

/** Decodes a pasted request of any supported shape; never throws. */
export function decodeRequestText(text: string): DecodedRequest {
  const out: DecodedRequest = { kind: 'unknown', source: 'none', variants: [], segments: {} };
  if (typeof text !== 'string' || text.trim() === '') return out;
  const trimmed = text.trim();

  const parsed = parseJson(text);
  let value: unknown;
  if (parsed.ok) {
    value = parsed.value;
    out.source = 'json';
    if (typeof value === 'string') {
      const inner = value.trim();
      if (inner.startsWith('{')) {
        const again = parseJson(inner);
        if (again.ok) {
          value = again.value;
          out.source = 'json-string';
        }
      } else if (looksCompact(inner)) {
        decodeCompact(inner, out);
        out.source = 'json-string';
        return out;
      }
    }
  } else if (trimmed.startsWith('eyJ') && looksCompact(trimmed)) {
    decodeCompact(trimmed, out);
    out.source = 'compact';
    return out;
  } else if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    out.parseError = parsed;
    salvage(text, out);
    return out;
  } else {
    const extracted = extractJson(text);
    if (extracted.ok) {
      value = extracted.value;
      out.source = 'log-line';
      out.foundAt = { line: extracted.line, column: extracted.column };
    } else {
      const token = findCompactIn(text);
      if (token) {
        decodeCompact(token.text, out);
        out.source = 'log-line';
        out.foundAt = token.at;
        return out;
      }
      if (extracted.error) {
        out.parseError = extracted.error;
        salvage(text, out);
      } else if (text.includes('{') || text.includes('"')) {
        out.parseError = parsed;
        salvage(text, out);
      }
      return out;
    }
  }

  if (!isRecord(value)) {
    out.rootValue = value;
    return out;
  }
  out.root = value;
  classify(value, out);
  return out;
}

function classify(root: Record<string, unknown>, out: DecodedRequest): void {
  const payloadHit = findKey(root, 'payload');
  let payload: Record<string, unknown> | undefined;
  if (payloadHit) {
    out.kind = 'envelope';
    if (isRecord(payloadHit.value)) {
      payload = payloadHit.value;
      out.payloadSpelling = 'object';
    } else if (typeof payloadHit.value === 'string' && payloadHit.value.trim().startsWith('{')) {
      const p = parseJson(payloadHit.value);
      if (p.ok && isRecord(p.value)) {
        payload = p.value;
        out.payloadSpelling = 'string';
      }
    }
  } else if (findKey(root, 'requestId') || findKey(root, 'service')) {
    out.kind = 'envelope';
    if (PAYLOAD_MARKERS.some((k) => findKey(root, k))) {
      payload = root;
      out.flattened = true;
    }
  } else if (findKey(root, 'action')) {
    out.kind = 'payload';
    payload = root;
  } else if (PAYLOAD_MARKERS.some((k) => findKey(root, k))) {
    out.kind = 'segments';
    payload = root;
  } else return;
  if (!payload) return;
  out.payload = payload;
  for (const variant of Object.keys(VARIANT_KEYS) as AuthVariant[]) {
    if (findKey(payload, VARIANT_KEYS[variant])) out.variants.push(variant);
  }
  out.variant = out.variants.length > 1 ? 'mixed' : out.variants[0];
  for (const name of SEGMENT_NAMES) {
    const hit = findKey(payload, name);
    if (hit && typeof hit.value === 'string') out.segments[name] = hit.value;
  }
  decodeSegments(out);
}

function decodeSegments(out: DecodedRequest): void {
  const { protected: p, signaturePayload: c, signature: s } = out.segments;
  if (p !== undefined) out.header = decodeJsonSegment(p);
  if (c !== undefined) out.claims = decodeJsonSegment(c);
  if (s !== undefined) out.signature = decodeBytesSegment(s);
}

/** Decodes a header/claims segment: base64url (strict, then forgiving) → UTF-8 → JSON; or raw JSON text. */
export function decodeJsonSegment(raw: string): DecodedSegment {
  const seg: DecodedSegment = { raw, encoding: 'none' };
  const t = raw.trimStart();
  if (t.startsWith('{') || t.startsWith('[')) {
    seg.encoding = 'raw-json';
    seg.text = raw;
  } else {
    let bytes = decodeBase64Url(raw);
    if (bytes) seg.encoding = 'base64url';
    else {
      bytes = decodeBase64Loose(raw);
      if (bytes) seg.encoding = 'base64-loose';
    }
    if (!bytes) {
      seg.error = raw.length === 0 ? 'it is empty' : 'it is not base64url (or base64) at all, so it cannot be decoded';
      return seg;
    }
    seg.byteLength = bytes.length;
    const text = utf8Decode(bytes);
    if (text === null) {
      seg.error = 'it decodes to bytes that are not UTF-8 text, so it is not an encoded JSON object';
      return seg;
    }
    seg.text = text;
  }
  const parsed = parseJson(seg.text);
  if (parsed.ok) seg.json = parsed.value;
  else {
    seg.jsonError = parsed;
    seg.error = `it decodes to text that is not JSON (${parsed.message.replace(/\.$/, '')})`;
  }
  return seg;
}

/** Decodes a signature segment to bytes (strict, then forgiving). */
export function decodeBytesSegment(raw: string): DecodedSegment {
  const seg: DecodedSegment = { raw, encoding: 'none' };
  let bytes = decodeBase64Url(raw);
  if (bytes) seg.encoding = 'base64url';
  else {
    bytes = decodeBase64Loose(raw);
    if (bytes) seg.encoding = 'base64-loose';
  }
  if (bytes) seg.byteLength = bytes.length;
  else if (raw.trimStart().startsWith('{')) {
    seg.encoding = 'raw-json';
    seg.text = raw;
  } else seg.error = raw.length === 0 ? 'it is empty' : 'it is not base64url (or base64) at all, so it cannot be decoded';
  return seg;
}

const COMPACT_CHARS = /^[A-Za-z0-9_\-+/=.\s]+$/;

/** `eyJ….….…`-shaped: base64-ish characters and at least one dot, nothing JSON-like. */
function looksCompact(text: string): boolean {
  return text.length > 0 && text.includes('.') && COMPACT_CHARS.test(text) && /[A-Za-z0-9]/.test(text);
}

/** A compact JWS inside other text: starts `eyJ` (base64url of `{"`) and has at least two dots. Linear scan. */
function findCompactIn(text: string): { text: string; at: { line: number; column: number } } | undefined {
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
    if (dots >= 2) {
      const at = lineColumn(text, start);
      return { text: text.slice(start, i).replace(/\.+$/, ''), at };
    }
    from = i + 1; // any later "eyJ" in the same run has even fewer dots
  }
}

/** base64 / base64url characters and the dot. */
function isTokenChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95 || c === 43 || c === 47 || c === 61 || c === 46;
}

function decodeCompact(token: string, out: DecodedRequest): void {
  const parts = token.split('.');
  out.kind = 'compact-jws';
  out.compactParts = parts.length;
  out.variants = ['direct-jws'];
  out.variant = 'direct-jws';
  if (parts.length >= 1) out.segments.protected = parts[0]!;
  if (parts.length >= 2) out.segments.signaturePayload = parts[1]!;
  if (parts.length >= 3) out.segments.signature = parts.slice(2).join('.');
  decodeSegments(out);
}

/**
 * The JSON does not parse (typically a truncated log line), but the three fields may still be readable:
 * pick `"protected":"…"` etc. out of the text by pattern so the header and claims can be shown anyway.
 */
function salvage(text: string, out: DecodedRequest): void {
  const sample = text.length > 1_000_000 ? text.slice(0, 1_000_000) : text;
  for (const name of SEGMENT_NAMES) {
    const m = new RegExp(`"${name}"\\s*:\\s*"([^"\\\\]*)"`).exec(sample);
    if (m) out.segments[name] = m[1]!;
  }
  for (const [variant, key] of Object.entries(VARIANT_KEYS) as [AuthVariant, string][]) {
    if (sample.includes(`"${key}"`)) out.variants.push(variant);
  }
  out.variant = out.variants.length > 1 ? 'mixed' : out.variants[0];
  if (Object.keys(out.segments).length > 0) {
    out.salvaged = true;
    decodeSegments(out);
  }
}

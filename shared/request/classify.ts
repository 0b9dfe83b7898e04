/** Turns a found object (or compact token, or loose fields) into the request's parts. */
import { isRecord } from '../guards';
import { parseJson } from '../json';
import { findKey } from './field-names';
import { decodeBytesSegment, decodeJsonSegment } from './segments';
import { SEGMENT_NAMES, VARIANT_KEYS, type AuthVariant, type DecodedRequest, type RequestKind } from './types';

/** Keys that mark a payload (or the bare segments) of any auth variant. */
const PAYLOAD_MARKERS = ['protected', 'signaturePayload', 'signature', 'merchantKeyId', 'clientAuthToken'];

/** What kind of request an object is, judged by its keys alone; `unknown` when none fit. */
export function requestShape(obj: Record<string, unknown>, strict = false): RequestKind {
  if (findKey(obj, 'payload')) return 'envelope';
  const marked = PAYLOAD_MARKERS.some((k) => findKey(obj, k));
  if (findKey(obj, 'requestId') || findKey(obj, 'service')) return strict && !marked ? 'unknown' : 'envelope';
  // Inside a wrapper, `action` alone is too common a key to mean "this is the payload".
  if (findKey(obj, 'action')) return strict && !marked ? 'unknown' : 'payload';
  return marked ? 'segments' : 'unknown';
}

/** Fills `out` from a request object (envelope, payload or segments). */
export function classify(root: Record<string, unknown>, out: DecodedRequest): void {
  const kind = requestShape(root);
  if (kind === 'unknown') return;
  out.kind = kind;
  out.root = root;
  let payload: Record<string, unknown> | undefined;
  const payloadHit = findKey(root, 'payload');
  if (payloadHit) {
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
  } else if (kind === 'envelope') {
    if (['action', ...PAYLOAD_MARKERS].some((k) => findKey(root, k))) {
      payload = root;
      out.flattened = true;
    }
  } else payload = root;
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

export function decodeSegments(out: DecodedRequest): void {
  const { protected: p, signaturePayload: c, signature: s } = out.segments;
  if (p !== undefined) out.header = decodeJsonSegment(p);
  if (c !== undefined) out.claims = decodeJsonSegment(c);
  if (s !== undefined) out.signature = decodeBytesSegment(s);
}

export function decodeCompact(token: string, out: DecodedRequest): void {
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

const COMPACT_CHARS = /^[A-Za-z0-9_\-+/=.\s]+$/;

/** `eyJ….….…`-shaped: base64-ish characters and at least one dot, nothing JSON-like. */
export function looksCompact(text: string): boolean {
  return text.length > 0 && text.includes('.') && COMPACT_CHARS.test(text) && /[A-Za-z0-9]/.test(text);
}

/** base64 / base64url characters and the dot. */
export function isTokenChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95 || c === 43 || c === 47 || c === 61 || c === 46;
}

/**
 * Masking one request or one response text for a case. The one readers find the JSON (whole, in a log
 * line, escaped in a string); the walk finds the personal values; the text is masked where they are
 * written. Default: the signed segments are untouched. Full redaction: merchantCustomerId is masked
 * inside the claims and signaturePayload re-encoded. The masked text is read again: if anything is
 * left, the text is re-written from the masked object rather than kept with it.
 */
import { encodeBase64UrlText } from '../../../shared/base64url';
import type { MaskingMode } from '../../../shared/case/format';
import { isRecord } from '../../../shared/guards';
import { findKey, readRequest, type DecodedRequest } from '../../../shared/request';
import { parseResponseText } from '../../../shared/response';
import { maskFor, maskValue, ruleForKey, looksLikeVpa, type MaskHit } from './mask-rules';
import { encoded, replaceValues } from './mask-text';

export const SEGMENT_KEYS: ReadonlySet<string> = new Set(['protected', 'signaturePayload', 'signature']);

export interface MaskedItem {
  text: string;
  hits: MaskHit[];
  /** Whole strings that changed and must change the same way everywhere (the re-encoded segment, the claims text). */
  swaps: Array<[string, string]>;
  /** The text could not be masked in place and was re-written as JSON from the masked object. */
  rewritten: boolean;
}

/** `"key": "value"` at any escaping level, for keys that hold personal data. */
const KEYED_STRING = /(\\*)"([A-Za-z_]{3,40})\1"\s*:\s*\1"([^"\\]{1,500})\1"/g;
const VPA_IN_TEXT = /[A-Za-z0-9._-]{2,256}@[A-Za-z][A-Za-z0-9.-]{1,64}/g;

/** Values found by pattern in text no reader could parse, or around the JSON (log lines). */
export function looseHits(text: string, base: string): MaskHit[] {
  const hits: MaskHit[] = [];
  for (const m of text.matchAll(KEYED_STRING)) {
    const rule = ruleForKey(m[2]!);
    if (!rule || m[1]!.length > 3) continue;
    const value = m[3]!;
    const masked = maskFor(rule, value);
    if (masked !== undefined) hits.push({ path: `${base}~${m[2]}`, rule, original: value, masked });
  }
  for (const m of text.matchAll(VPA_IN_TEXT)) {
    const masked = looksLikeVpa(m[0]) ? maskFor('vpa', m[0]) : undefined;
    if (masked !== undefined) hits.push({ path: `${base}~vpa`, rule: 'vpa', original: m[0], masked });
  }
  return hits;
}

function merged(found: MaskHit[], loose: MaskHit[]): MaskHit[] {
  const known = new Set(found.map((h) => JSON.stringify(h.original)));
  const out = [...found];
  for (const h of loose) {
    const key = JSON.stringify(h.original);
    if (known.has(key)) continue;
    known.add(key);
    out.push(h);
  }
  return out;
}

/** Masks a request text; `base` prefixes the paths (`request`, `session.calls[3].request`). */
export function maskRequestText(text: string, base: string, mode: MaskingMode): MaskedItem {
  const decoded = readRequest(text);
  const segments = Object.values(decoded.segments).filter((s): s is string => typeof s === 'string');
  const walked = decoded.root ? maskValue(decoded.root, base, SEGMENT_KEYS) : { value: undefined, hits: [] };
  const hits = merged(walked.hits, looseHits(text, base));
  const redaction = mode === 'full-redaction' ? redactClaims(decoded, base) : undefined;
  let out = replaceValues(text, hits, segments);
  const swaps: Array<[string, string]> = [];
  if (redaction) {
    hits.push(redaction.hit);
    swaps.push(redaction.segment, redaction.claimsText);
    out = out.split(redaction.segment[0]).join(redaction.segment[1]);
  }
  if (!leftToMask(readRequest(out), out, redaction !== undefined)) return { text: out, hits, swaps, rewritten: false };
  // Something could not be masked where it is written: write the masked object instead.
  let rewritten = JSON.stringify(walked.value ?? null, null, 2);
  if (redaction) rewritten = rewritten.split(redaction.segment[0]).join(redaction.segment[1]);
  return { text: rewritten, hits, swaps, rewritten: true };
}

/** Masks a response text (or any JSON that is not a request: a log item). */
export function maskResponseText(text: string, base: string): MaskedItem {
  const raw = responseObject(text);
  const walked = raw ? maskValue(raw, base) : { value: undefined, hits: [] };
  const hits = merged(walked.hits, looseHits(text, base));
  const out = replaceValues(text, hits);
  const again = responseObject(out);
  const left = (again ? maskValue(again, '').hits.length : 0) + looseHits(out, '').length;
  if (left === 0 || walked.value === undefined) return { text: out, hits, swaps: [], rewritten: false };
  return { text: JSON.stringify(walked.value, null, 2), hits, swaps: [], rewritten: true };
}

/** The response object in a text: as the Response screen reads it, or as a JSON string in a log line (`onEvent "{\"requestId\":…}"`). */
function responseObject(text: string): Record<string, unknown> | undefined {
  const parsed = parseResponseText(text);
  if (parsed.ok) return parsed.raw;
  const start = text.indexOf('"{');
  if (start < 0) return undefined;
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') {
      try {
        const inner: unknown = JSON.parse(text.slice(start, i + 1));
        const read = typeof inner === 'string' ? parseResponseText(inner) : undefined;
        return read?.ok ? read.raw : undefined;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function leftToMask(decoded: DecodedRequest, text: string, redacted: boolean): boolean {
  const walked = decoded.root ? maskValue(decoded.root, '', SEGMENT_KEYS).hits.length : 0;
  const claims = redacted && isRecord(decoded.claims?.json) ? findKey(decoded.claims.json, 'merchantCustomerId') : undefined;
  const claimLeft = claims ? maskFor('merchant-customer-id', claims.value) !== undefined : false;
  return walked + looseHits(text, '').length > 0 || claimLeft;
}

/** Full redaction: merchantCustomerId masked inside the decoded claims, and signaturePayload re-encoded. */
function redactClaims(decoded: DecodedRequest, base: string): { hit: MaskHit; segment: [string, string]; claimsText: [string, string] } | undefined {
  const segment = decoded.segments.signaturePayload;
  const claimsText = decoded.claims?.text;
  const claims = decoded.claims?.json;
  if (segment === undefined || claimsText === undefined || !isRecord(claims)) return undefined;
  const found = findKey(claims, 'merchantCustomerId');
  const masked = found ? maskFor('merchant-customer-id', found.value) : undefined;
  if (!found || masked === undefined) return undefined;
  const key = found.key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`("${key}"\\s*:\\s*)(?:"(?:[^"\\\\]|\\\\.)*"|-?\\d+(?:\\.\\d+)?)`);
  const redactedText = claimsText.replace(pattern, (_m, head: string) => `${head}${encoded(masked, 0)}`);
  if (redactedText === claimsText) return undefined;
  const where = decoded.kind === 'envelope' ? 'payload.signaturePayload' : 'signaturePayload';
  return {
    hit: { path: `${base}.${where}.merchantCustomerId`, rule: 'merchant-customer-id', original: found.value, masked },
    segment: [segment, encodeBase64UrlText(redactedText)],
    claimsText: [claimsText, redactedText],
  };
}

/**
 * Requests that arrive as loose fields rather than JSON: `protected=…, signaturePayload=…, signature=…`
 * (or `name: value`, quoted or not, on one line or several), three plain lines in segment order, and the
 * fields that can still be read out of JSON that does not parse (a truncated log line).
 */
import { SEGMENT_NAMES, type SegmentName } from './types';

/** Field names the loose readers look for, each as a pattern that tolerates the docs' spellings. */
const FIELDS: Array<[string, string]> = [
  ['requestId', 'request[_-]?id'],
  ['service', 'service'],
  ['action', 'action'],
  ['protected', 'protected'],
  ['signaturePayload', 'signature[_-]?payload'],
  ['signature', 'signature'],
  ['merchantKeyId', 'merchant[_-]?key[_-]?id'],
  ['clientAuthToken', 'client[_-]?auth[_-]?token'],
];
const ENVELOPE_FIELDS = new Set(['requestId', 'service']);
const SCAN_LIMIT = 1_000_000;

/** `name=value` / `name: value` pairs, as written: canonical name → { key as written, value }. */
function scan(text: string, quotedOnly: boolean): Map<string, { key: string; value: string }> {
  const sample = text.length > SCAN_LIMIT ? text.slice(0, SCAN_LIMIT) : text;
  const found = new Map<string, { key: string; value: string }>();
  for (const [name, pattern] of FIELDS) {
    const re = quotedOnly
      ? new RegExp(`"(${pattern})"\\s*:\\s*"([^"\\\\]*)"`, 'i')
      : new RegExp(`(?:^|[^A-Za-z0-9_])["']?(${pattern})["']?\\s*[:=]\\s*["']?([^"'\\s,;&}\\]]*)`, 'i');
    const m = re.exec(sample);
    if (m && (quotedOnly || m[2]!.length > 0)) found.set(name, { key: m[1]!, value: m[2]! });
  }
  return found;
}

/** Builds the request object the pairs describe: envelope fields at the top, the rest in `payload`. */
function toObject(pairs: Map<string, { key: string; value: string }>): Record<string, unknown> {
  const top: Record<string, unknown> = {};
  const payload: Record<string, unknown> = {};
  for (const [name, { key, value }] of pairs) (ENVELOPE_FIELDS.has(name) ? top : payload)[key] = value;
  if (Object.keys(top).length === 0) return payload;
  return { ...top, payload };
}

/** `protected=…, signaturePayload=…, signature=…`: at least two of the three segments by name. */
export function readKeyValueFields(text: string): Record<string, unknown> | undefined {
  if (!/[:=]/.test(text)) return undefined;
  const pairs = scan(text, false);
  const segments = SEGMENT_NAMES.filter((n) => pairs.has(n)).length;
  return segments >= 2 ? toObject(pairs) : undefined;
}

/** The segment fields still readable in JSON that does not parse (`"protected":"…"`). */
export function salvageFields(text: string): { object: Record<string, unknown>; segments: SegmentName[] } {
  const pairs = scan(text, true);
  return { object: toObject(pairs), segments: SEGMENT_NAMES.filter((n) => pairs.has(n)) };
}

const SEGMENT_LINE = /^[A-Za-z0-9_\-+/=]{8,}$/;

/** Three non-empty lines of base64-ish text (quotes and trailing commas from code or JSON arrays tolerated). */
export function readThreeLines(text: string): Record<SegmentName, string> | undefined {
  const lines = text
    .split(/\r\n|\n|\r/)
    .map((l) => l.trim().replace(/[,;]$/, '').replace(/^(["'])(.*)\1$/, '$2').trim())
    .filter((l) => l !== '');
  if (lines.length !== 3 || !lines.every((l) => SEGMENT_LINE.test(l))) return undefined;
  return { protected: lines[0]!, signaturePayload: lines[1]!, signature: lines[2]! };
}

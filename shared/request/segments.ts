/** Decoding one segment: base64url (strict, then forgiving) → UTF-8 → JSON, or raw JSON text as sent. */
import { decodeBase64Loose, decodeBase64Url, utf8Decode } from '../base64url';
import { parseJson } from '../json';
import type { DecodedSegment } from './types';

const NOT_BASE64 = 'it is not base64url (or base64) at all, so it cannot be decoded';

/** Decodes a header/claims segment; never throws. */
export function decodeJsonSegment(raw: string): DecodedSegment {
  const seg: DecodedSegment = { raw, encoding: 'none' };
  const t = raw.trimStart();
  if (t.startsWith('{') || t.startsWith('[')) {
    seg.encoding = 'raw-json';
    seg.text = raw;
  } else {
    const bytes = decodeBytes(raw, seg);
    if (!bytes) {
      seg.error = raw.length === 0 ? 'it is empty' : NOT_BASE64;
      return seg;
    }
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

/** Decodes a signature segment to bytes (strict, then forgiving); never throws. */
export function decodeBytesSegment(raw: string): DecodedSegment {
  const seg: DecodedSegment = { raw, encoding: 'none' };
  if (decodeBytes(raw, seg)) return seg;
  if (raw.trimStart().startsWith('{')) {
    seg.encoding = 'raw-json';
    seg.text = raw;
  } else seg.error = raw.length === 0 ? 'it is empty' : NOT_BASE64;
  return seg;
}

function decodeBytes(raw: string, seg: DecodedSegment): Uint8Array | null {
  let bytes = decodeBase64Url(raw);
  if (bytes) seg.encoding = 'base64url';
  else {
    bytes = decodeBase64Loose(raw);
    if (bytes) seg.encoding = 'base64-loose';
  }
  if (bytes) seg.byteLength = bytes.length;
  return bytes;
}

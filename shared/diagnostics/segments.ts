/**
 * Segment checks: is each of protected / signaturePayload / signature unpadded base64url, and are they
 * in the right fields? Also decides which decoded object is the header and which the claims, so a swap
 * is reported once instead of as a dozen header and claims errors.
 */
import { classifyBase64Url, explainBase64UrlIssue, type Base64UrlIssue } from '../base64url';
import { decodeJsonSegment, type DecodedRequest, type DecodedSegment, type SegmentName } from '../request';
import { isRecord } from '../guards';
import { finding, type FindingId } from './catalog';
import type { Finding } from './types';
import { list } from '../words';

const ENCODER_FIX =
  'Encode with unpadded base64url: Java Base64.getUrlEncoder().withoutPadding(); Android Base64.URL_SAFE | Base64.NO_PADDING | Base64.NO_WRAP; Node Buffer.from(x).toString("base64url"); or use a JWS library (jose, Nimbus) and split its compact output on the dots.';

function resignNote(name: SegmentName): string {
  return name === 'signature'
    ? ''
    : ' The signature must then be computed over the corrected protected + "." + signaturePayload.';
}

function issueFinding(issue: Base64UrlIssue, name: SegmentName, path: string, raw: string): Finding | undefined {
  const what = explainBase64UrlIssue(issue, path);
  switch (issue.kind) {
    case 'empty':
      return finding('segment.empty', path, `${path} is an empty string.`, `Fill ${path} with its base64url value.`);
    case 'padding':
      return finding(
        'segment.padding',
        path,
        `${what}. A padded (standard base64) encoder was used; RFC 7515 forbids padding, and it is the likely cause if Juspay rejects the request.`,
        `Remove the '=' padding by using an unpadded encoder. ${ENCODER_FIX}${resignNote(name)}`,
      );
    case 'standard-alphabet':
      return finding(
        'segment.standard-base64',
        path,
        `${what}.`,
        `Use the url-safe alphabet ('+' → '-', '/' → '_', no '='). ${ENCODER_FIX}${resignNote(name)}`,
      );
    case 'whitespace': {
      const android = issue.wrapWidth === 76;
      return finding(
        'segment.whitespace',
        path,
        `${what}.`,
        android
          ? `Use Base64.NO_WRAP (with URL_SAFE | NO_PADDING) instead of Base64.DEFAULT, which inserts a line break every 76 characters.${resignNote(name)}`
          : `Remove the spaces and line breaks; encode without wrapping (Android: Base64.NO_WRAP). If they came from copying out of a log or chat, copy the value again as one line.${resignNote(name)}`,
      );
    }
    case 'illegal': {
      const chars = issue.characters.map((c) => c.char);
      let why = '';
      let fix = `Remove the characters listed; ${path} must contain only A–Z, a–z, 0–9, '-' and '_'.`;
      if (chars.includes('.')) {
        why = ` A '.' is the separator of a compact JWS: ${path} seems to hold more than one segment (or the whole token).`;
        fix = `Split the compact JWS on its two dots: the first part is protected, the second signaturePayload, the third signature.`;
      } else if (chars.includes('"') || chars.includes('\\')) {
        why = ' Quotes or backslashes usually mean the value was copied with its JSON escaping.';
        fix = `Copy the value without the surrounding quotes or escaping, or paste the whole JSON instead.`;
      } else if (issue.characters.some((c) => /U\+(200B|200C|200D|2060|FEFF|00A0)/.test(c.name))) {
        why = ' Invisible characters like these come from chat apps, documents or web pages.';
        fix = 'Paste the value as plain text or retype the affected part; the characters are invisible in most editors.';
      }
      const dataAfterDot = raw.length > 0 && chars.includes('.');
      return finding('segment.illegal-characters', path, `${what}.${why}`, dataAfterDot ? fix : `${fix}${resignNote(name)}`);
    }
    case 'length':
      return finding(
        'segment.bad-length',
        path,
        `${what}.`,
        'Copy the value again in full; a character was lost or added (check the start and the end).',
      );
  }
}

/** Encoding findings for the three segments, according to the auth variant. */
export function segmentFindings(d: DecodedRequest): Finding[] {
  const out: Finding[] = [];
  if (d.variant === 'cat') return out;
  const rsa = d.variant === 'rsa';
  for (const name of ['protected', 'signaturePayload', 'signature'] as const) {
    const raw = d.segments[name];
    if (raw === undefined) continue;
    if (rsa && name === 'protected') continue; // mixed-in field; auth.mixed covers it
    const path = d.kind === 'compact-jws' ? name : `payload.${name}`;
    const decoded = name === 'protected' ? d.header : name === 'signaturePayload' ? d.claims : d.signature;
    if (rsa && name === 'signaturePayload') continue; // rsa: stringified JSON, not base64
    if (decoded?.encoding === 'raw-json' && name !== 'signature') {
      out.push(
        finding(
          'segment.not-encoded',
          path,
          `${path} holds the JSON text itself (${raw.slice(0, 40)}${raw.length > 40 ? '…' : ''}) instead of its base64url encoding.`,
          `Set ${path} to base64url(UTF-8(that JSON)), unpadded, and sign protected + "." + signaturePayload using the encoded strings.`,
        ),
      );
      continue;
    }
    if (name === 'signature' && decoded?.encoding === 'raw-json') continue; // a swap; reported below
    const c = classifyBase64Url(raw);
    if (c.ok) continue;
    for (const issue of c.issues) {
      // rsa signatures are standard base64 by design: only wrapping and stray characters are wrong.
      if (rsa && (issue.kind === 'padding' || issue.kind === 'standard-alphabet')) continue;
      const f = issueFinding(issue, name, path, raw);
      if (!f) continue;
      if (rsa && issue.kind === 'whitespace') {
        f.fix = 'A merchantKeyId request is signed with standard base64, but without line breaks: use Base64.NO_WRAP, not Base64.DEFAULT (which wraps every 76 characters).';
      }
      out.push(f);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------

const CLAIM_KEYS = new Set(['merchantid', 'merchantcustomerid', 'merchantchannelid', 'timestamp', 'customerid']);
const HEADER_KEYS = new Set(['kid', 'alg', 'typ']);

function shapeOf(value: unknown): 'header' | 'claims' | 'other' {
  if (!isRecord(value)) return 'other';
  let header = 0;
  let claims = 0;
  for (const key of Object.keys(value)) {
    const k = key.toLowerCase().replace(/[_-]/g, '');
    if (HEADER_KEYS.has(k)) header++;
    else if (CLAIM_KEYS.has(k)) claims++;
  }
  if (header > 0 && claims === 0) return 'header';
  if (claims > 0 && header === 0) return 'claims';
  return 'other';
}

export interface ResolvedParts {
  /** The decoded header object (from whichever field actually holds it) and where it came from. */
  header?: { segment: DecodedSegment; from: SegmentName };
  claims?: { segment: DecodedSegment; from: SegmentName };
  swapped: boolean;
}

/**
 * Finds the header and the claims wherever they are. When the three fields are swapped, reports
 * `segment.swapped` once and hands the header/claims checks the right objects.
 */
export function resolveParts(d: DecodedRequest): { parts: ResolvedParts; findings: Finding[] } {
  const candidates: Array<{ from: SegmentName; segment: DecodedSegment }> = [];
  if (d.header) candidates.push({ from: 'protected', segment: d.header });
  if (d.claims) candidates.push({ from: 'signaturePayload', segment: d.claims });
  if (d.segments.signature !== undefined && d.segments.signature.length < 100_000) {
    const sig = decodeJsonSegment(d.segments.signature);
    if (sig.json !== undefined) candidates.push({ from: 'signature', segment: sig });
  }
  const headerAt = candidates.find((c) => shapeOf(c.segment.json) === 'header');
  const claimsAt = candidates.find((c) => shapeOf(c.segment.json) === 'claims');
  const parts: ResolvedParts = { swapped: false };
  const header = headerAt ?? (d.header ? { from: 'protected' as const, segment: d.header } : undefined);
  const claims = claimsAt ?? (d.claims ? { from: 'signaturePayload' as const, segment: d.claims } : undefined);
  if (header) parts.header = header;
  if (claims) parts.claims = claims;
  const misplaced: string[] = [];
  if (headerAt && headerAt.from !== 'protected') misplaced.push(`${headerAt.from} holds the header ({kid, alg})`);
  if (claimsAt && claimsAt.from !== 'signaturePayload') misplaced.push(`${claimsAt.from} holds the claims ({merchantId, …, timestamp})`);
  if (misplaced.length === 0 || d.variant === 'rsa' || d.variant === 'cat') return { parts, findings: [] };
  parts.swapped = true;
  const id: FindingId = 'segment.swapped';
  return {
    parts,
    findings: [
      finding(
        id,
        'payload',
        `The segments are in the wrong fields: ${list(misplaced)}. A JWS splits as protected.signaturePayload.signature, in that order.`,
        'Split the compact JWS on its dots in order: part 1 → protected, part 2 → signaturePayload, part 3 → signature. The signature only verifies over protected + "." + signaturePayload in that order.',
      ),
    ],
  };
}

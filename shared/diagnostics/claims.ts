/**
 * Claims checks: signaturePayload decodes to {merchantId, merchantCustomerId, merchantChannelId,
 * timestamp}, the timestamp is a string of epoch milliseconds within 15 minutes of `now`, and the
 * merchant/channel match the chosen profile.
 */
import { FUTURE_SKEW_MS, MAX_TIMESTAMP_AGE_MS } from '../envelope-rules';
import { canonicalKey, findKey, type DecodedSegment } from '../request';
import { isRecord } from '../guards';
import { finding } from './catalog';
import type { Finding } from './types';
import { describeDuration, isoTime, relativeTime, show, typeName } from '../words';

export { FUTURE_SKEW_MS };

export const CLAIM_FIELDS = ['merchantId', 'merchantCustomerId', 'merchantChannelId', 'timestamp'] as const;
/** The rsa variant's claims (domain.md §2): snake_case. */
export const RSA_CLAIM_FIELDS = ['merchant_id', 'customer_id', 'timestamp'] as const;

export interface ClaimsContext {
  /** Path of the field holding the claims (`payload.signaturePayload`, or `signaturePayload` for a compact JWS). */
  path: string;
  swapped: boolean;
  variant?: string;
  /** Reference time for the timestamp checks, epoch ms. */
  now: number;
  profile?: { merchantId?: string; merchantChannelId?: string };
}

const CLAIM_HINTS: Record<string, string> = {
  merchantId: 'the merchant id Juspay issued (e.g. "stock")',
  merchantCustomerId: 'the merchant’s own profile id for this customer',
  merchantChannelId: 'the channel id Juspay issued',
  timestamp: 'epoch milliseconds as a string, e.g. "1668389349848"',
  merchant_id: 'the merchant id Juspay issued',
  customer_id: 'the merchant’s id for this customer',
};

export function claimsFindings(seg: DecodedSegment | undefined, ctx: ClaimsContext): Finding[] {
  if (!seg) return [];
  const path = ctx.path;
  if (!isRecord(seg.json)) {
    if (ctx.swapped) return [];
    const why = seg.json !== undefined ? `it decodes to ${typeName(seg.json)}, not a JSON object` : seg.error ?? 'it does not decode';
    return [
      finding(
        'claims.not-json',
        path,
        `${path} is not an encoded JSON object of claims: ${why}.`,
        ctx.variant === 'rsa'
          ? `For a merchantKeyId request, signaturePayload is the claims JSON as a string: '{"merchant_id":…,"customer_id":…,"timestamp":"<ms>"}'.`
          : `${path} must be base64url(UTF-8('{"merchantId":…,"merchantCustomerId":…,"merchantChannelId":…,"timestamp":"<ms>"}')), unpadded.`,
      ),
    ];
  }
  const claims = seg.json;
  const rsa = ctx.variant === 'rsa';
  const fields: readonly string[] = rsa ? RSA_CLAIM_FIELDS : CLAIM_FIELDS;
  const out: Finding[] = [];
  const values: Record<string, unknown> = {};
  for (const name of fields) {
    const hit = rsa ? (Object.hasOwn(claims, name) ? { key: name, value: claims[name], exact: true } : undefined) : findKey(claims, name);
    if (!hit) {
      out.push(
        finding(
          'claims.missing-field',
          `${path}.${name}`,
          `The claims have no ${name}; it is mandatory.`,
          `Add "${name}": ${CLAIM_HINTS[name] ?? 'its value'}, then re-sign.`,
        ),
      );
      continue;
    }
    values[name] = hit.value;
    if (!hit.exact) {
      const snake = hit.key.includes('_');
      out.push(
        finding(
          'claims.key-case',
          `${path}.${hit.key}`,
          `The claim \`${hit.key}\` should be \`${name}\`${
            snake ? ': snake_case is how merchantKeyId requests spell claims; a JWS’s claims are camelCase' : ': claim names are case-sensitive'
          }, so Juspay will not find ${name}.`,
          `Rename it to "${name}" and re-sign.`,
        ),
      );
    }
    if (name === 'timestamp') continue;
    if (typeof hit.value !== 'string') {
      out.push(
        finding(
          'claims.wrong-type',
          `${path}.${name}`,
          `The claim ${name} is ${typeName(hit.value)}; it must be a string.`,
          `Write "${name}" as a JSON string and re-sign.`,
        ),
      );
    } else if (hit.value.trim() === '') {
      out.push(
        finding('claims.missing-field', `${path}.${name}`, `The claim ${name} is empty; it is mandatory.`, `Set "${name}" to ${CLAIM_HINTS[name] ?? 'its value'} and re-sign.`),
      );
    } else if (hit.value !== hit.value.trim()) {
      out.push(
        finding(
          'claims.wrong-type',
          `${path}.${name}`,
          `The claim ${name} ${show(hit.value)} has spaces at the start or end; Juspay compares it exactly.`,
          `Trim "${name}" and re-sign.`,
        ),
      );
    }
  }
  if (Object.hasOwn(values, 'timestamp')) out.push(...timestampFindings(values.timestamp, `${path}.timestamp`, ctx.now));
  if (!rsa) {
    const known = new Set(CLAIM_FIELDS.map(canonicalKey));
    for (const key of Object.keys(claims).slice(0, 40)) {
      if (known.has(canonicalKey(key))) continue;
      out.push(
        finding(
          'claims.unknown-key',
          `${path}.${key}`,
          `The claims carry \`${key.slice(0, 60)}\`, which upiGetSessionToken does not document.`,
          'Remove it unless Juspay asked for it (it is signed, so removing it means re-signing).',
        ),
      );
      if (out.length > 60) break;
    }
  }
  out.push(...profileFindings(values, path, ctx.profile, rsa));
  return out;
}

/** Timestamp checks against a reference time `now` (epoch ms). */
export function timestampFindings(value: unknown, path: string, now: number): Finding[] {
  const out: Finding[] = [];
  let digits: string;
  if (typeof value === 'number') {
    out.push(
      finding(
        'timestamp.number',
        path,
        `timestamp is a JSON number (${value}); Juspay documents it as a string of epoch milliseconds. A common mistake, and a likely cause if the request is rejected.`,
        'Write it as a string: "timestamp":"1668389349848" (String.valueOf(System.currentTimeMillis()), String(Date.now())), then re-sign.',
      ),
    );
    if (!Number.isFinite(value) || !Number.isInteger(value) || value < 0) {
      out.push(
        finding('timestamp.not-numeric', path, `timestamp ${value} is not a whole number of milliseconds.`, 'Use whole epoch milliseconds, e.g. "1668389349848".'),
      );
      return out;
    }
    if (value >= 1e15) {
      out.push(
        finding(
          'timestamp.out-of-range',
          path,
          `timestamp ${value} has more than 13 digits; epoch milliseconds today have 13 (this looks like micro- or nanoseconds).`,
          'Use epoch milliseconds (13 digits): System.currentTimeMillis() / Date.now(); then re-sign.',
        ),
      );
      return out;
    }
    digits = value.toFixed(0);
  } else if (typeof value === 'string') {
    const t = value.trim();
    let allDigits = t.length > 0 && t.length <= 30;
    for (let i = 0; allDigits && i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c < 48 || c > 57) allDigits = false;
    }
    if (!allDigits) {
      const parsed = t.length <= 40 && /\d{4}-\d{2}-\d{2}/.test(t) ? Date.parse(t) : NaN;
      const iso = Number.isFinite(parsed);
      out.push(
        finding(
          'timestamp.not-numeric',
          path,
          iso
            ? `timestamp ${show(value)} is a date string; Juspay expects epoch milliseconds (for this date: "${parsed}").`
            : `timestamp ${show(value)} is not a string of digits; Juspay expects epoch milliseconds, e.g. "1668389349848".`,
          'Use the current time in epoch milliseconds as a string: String.valueOf(System.currentTimeMillis()) / String(Date.now()); then re-sign.',
        ),
      );
      return out;
    }
    if (t !== value) {
      out.push(
        finding('timestamp.not-numeric', path, `timestamp ${show(value)} has spaces around the digits.`, 'Remove the spaces and re-sign.'),
      );
    }
    digits = t.replace(/^0+(?=\d)/, '');
  } else {
    return [
      finding(
        'timestamp.not-numeric',
        path,
        `timestamp is ${typeName(value)}; Juspay expects a string of epoch milliseconds.`,
        'Use "timestamp":"<epoch ms>", e.g. "1668389349848", then re-sign.',
      ),
    ];
  }
  const ms = Number(digits);
  if (digits.length <= 10) {
    const asMs = ms * 1000;
    const age = Number.isFinite(now) ? ` (read as seconds it is ${isoTime(asMs)}, ${relativeTime(asMs, now, { long: true })})` : '';
    out.push(
      finding(
        'timestamp.seconds',
        path,
        `timestamp ${digits} has ${digits.length} digits: that is epoch seconds, not milliseconds${age}. Read as milliseconds it is in January 1970, so Juspay will see an expired request.`,
        'Use milliseconds: System.currentTimeMillis() / Date.now() (13 digits), not seconds (Instant.getEpochSecond(), time.time()); then re-sign.',
      ),
    );
    return out;
  }
  if (digits.length !== 13) {
    out.push(
      finding(
        'timestamp.out-of-range',
        path,
        `timestamp ${digits.length > 20 ? `${digits.slice(0, 20)}…` : digits} has ${digits.length} digits; epoch milliseconds today have 13${
          digits.length >= 15 ? ' (this looks like micro- or nanoseconds)' : ''
        }.`,
        'Use epoch milliseconds (13 digits): System.currentTimeMillis() / Date.now(); then re-sign.',
      ),
    );
    return out;
  }
  if (!Number.isFinite(now)) return out;
  const age = now - ms;
  const when = isoTime(ms);
  if (age < -FUTURE_SKEW_MS) {
    out.push(
      finding(
        'timestamp.future',
        path,
        `timestamp is ${describeDuration(-age)} in the future (${when}, reference time ${isoTime(now)}): the signing server’s clock is ahead, or the value is not the current time.`,
        'Sync the signing server’s clock (NTP) and sign with the current time; if the reference time is wrong, pin the time of the log instead.',
      ),
    );
  } else if (age > MAX_TIMESTAMP_AGE_MS) {
    out.push(
      finding(
        'timestamp.expired',
        path,
        `timestamp is ${describeDuration(age)} old (${when}, reference time ${isoTime(now)}); Juspay’s default expiry is 15 minutes. Sent now, this request would be rejected as expired; if it comes from an old log, that is expected.`,
        'Sign a fresh request at call time (never cache or replay signed payloads); if the reference time is wrong, pin the time the request was sent.',
      ),
    );
  } else {
    out.push(
      finding(
        'timestamp.age',
        path,
        age >= 0
          ? `timestamp is ${describeDuration(age)} old (${when}): within the 15-minute window.`
          : `timestamp is ${describeDuration(-age)} ahead of the reference time (${when}): within the allowed clock skew.`,
        'Nothing to fix.',
      ),
    );
  }
  return out;
}

function profileFindings(
  values: Record<string, unknown>,
  path: string,
  profile: ClaimsContext['profile'],
  rsa: boolean,
): Finding[] {
  if (!profile) return [];
  const out: Finding[] = [];
  const checks = [
    { id: 'profile.merchant-id-mismatch' as const, claim: rsa ? 'merchant_id' : 'merchantId', expected: profile.merchantId, label: 'merchantId' },
    { id: 'profile.channel-id-mismatch' as const, claim: 'merchantChannelId', expected: profile.merchantChannelId, label: 'merchantChannelId' },
  ];
  for (const c of checks) {
    if (c.expected === undefined || c.expected === '') continue;
    if (!Object.hasOwn(values, c.claim)) continue;
    const actual = values[c.claim];
    if (actual === c.expected) continue;
    const near = typeof actual === 'string' && actual.trim().toLowerCase() === c.expected.trim().toLowerCase();
    out.push(
      finding(
        c.id,
        `${path}.${c.claim}`,
        `${c.label} in the claims is ${show(actual)}, but the chosen profile uses ${show(c.expected)}${near ? ' (they differ only in case or spaces, which still counts)' : ''}. Juspay answers "Invalid merchant id or merchant channel id" when they do not match what was used at initiate.`,
        `Sign with ${c.label} ${show(c.expected)} (as issued by Juspay and used at initiate), or pick the profile this request belongs to.`,
      ),
    );
  }
  return out;
}

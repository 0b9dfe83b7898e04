/** Header checks: `protected` decodes to {kid, alg: "RS256"}, and the kid is one we know and the one that verifies. */
import { ALG } from '../envelope';
import { canonicalKey, findKey, type DecodedSegment, type SegmentName } from '../request';
import { isRecord } from '../guards';
import { finding } from './catalog';
import type { Finding, KeyRef, SignatureEvidence } from './types';
import { show, typeName } from '../words';

export interface HeaderContext {
  /** Path prefix of the field that holds the header (`payload.protected`, or `protected` for a compact JWS). */
  path: string;
  /** Which field the header was actually found in (differs from protected after a swap). */
  from: SegmentName;
  swapped: boolean;
  vaultKids?: readonly string[];
  evidence?: SignatureEvidence;
}

export function headerFindings(seg: DecodedSegment | undefined, ctx: HeaderContext): Finding[] {
  if (!seg) return [];
  const path = ctx.path;
  if (!isRecord(seg.json)) {
    if (ctx.swapped) return []; // segment.swapped already explains it
    const why = seg.json !== undefined ? `it decodes to ${typeName(seg.json)}, not a JSON object` : seg.error ?? 'it does not decode';
    return [
      finding(
        'header.not-json',
        path,
        `${path} is not an encoded JSON header: ${why}.`,
        `${path} must be base64url(UTF-8('{"kid":"<kid from Juspay>","alg":"RS256"}')), unpadded.`,
      ),
    ];
  }
  const header = seg.json;
  const out: Finding[] = [];
  const alg = findKey(header, 'alg');
  const kid = findKey(header, 'kid');
  for (const hit of [alg, kid]) {
    if (hit && !hit.exact) {
      const wanted = canonicalKey(hit.key);
      out.push(
        finding(
          'header.key-case',
          `${path}.${hit.key}`,
          `The header key \`${hit.key}\` should be \`${wanted}\`: JWS header parameters are case-sensitive (the docs site shows "Kid"/"Alg", the wire uses "kid"/"alg").`,
          `Write the header as {"kid":"…","alg":"RS256"} in lower case and re-sign.`,
        ),
      );
    }
  }
  // alg
  if (!alg) {
    out.push(
      finding('header.alg-missing', `${path}.alg`, 'The header has no alg.', 'Add "alg":"RS256" to the header and re-sign.'),
    );
  } else if (typeof alg.value === 'string' && alg.value.trim().toLowerCase() === 'none') {
    out.push(
      finding(
        'header.alg-none',
        `${path}.alg`,
        'The header says alg "none": an unsigned token. Juspay requires an RS256 signature.',
        'Sign with RS256 using the merchant’s private key; set "alg":"RS256".',
      ),
    );
  } else if (alg.value !== ALG) {
    const v = alg.value;
    let why = '';
    if (typeof v === 'string') {
      if (v.trim().toUpperCase() === ALG) why = ' It differs only in case or spaces; alg values are case-sensitive.';
      else if (/^HS/i.test(v)) why = ' HS* is an HMAC (shared secret) algorithm, not RSA.';
      else if (/^PS/i.test(v)) why = ' PS* is RSA-PSS; Juspay expects RSASSA-PKCS1-v1_5 (RS256).';
      else if (/^ES/i.test(v)) why = ' ES* is ECDSA; the merchant key is RSA.';
      else if (/^RS(384|512)$/i.test(v)) why = ' Only RS256 (SHA-256) is documented.';
    }
    out.push(
      finding(
        'header.alg-unsupported',
        `${path}.alg`,
        `The header alg is ${typeof v === 'string' ? show(v) : typeName(v)}, not "${ALG}".${why}`,
        `Sign with RS256 (RSASSA-PKCS1-v1_5 with SHA-256) and set "alg":"RS256".`,
      ),
    );
  }
  // kid
  const kidValue = kid && typeof kid.value === 'string' ? kid.value : undefined;
  if (!kid || kidValue === undefined || kidValue.trim() === '') {
    const what = !kid ? 'has no kid' : kidValue === undefined ? `has a kid that is ${typeName(kid.value)}, not a string` : 'has an empty kid';
    out.push(
      finding(
        'header.kid-missing',
        `${path}.kid`,
        `The header ${what}; Juspay looks up the merchant's public key by kid.`,
        'Add "kid":"<the key id Juspay issued for this key>" (e.g. uat833359804655bb748702e324111) and re-sign.',
      ),
    );
  } else {
    const vault = ctx.vaultKids;
    const verifiedWithSameKid = ctx.evidence?.verifiedBy?.kid === kidValue;
    // A profile that registers the kid knows its key even when the vault does not.
    const registered = ctx.evidence?.keysTried.some((k) => k.source === 'profile' && k.kid === kidValue);
    if (vault && !vault.includes(kidValue) && !verifiedWithSameKid && !registered) {
      out.push(
        finding(
          'header.kid-unknown',
          `${path}.kid`,
          vault.length === 0
            ? `The header's kid ${show(kidValue)} cannot be matched: the vault has no keys.`
            : `No key in the vault has the kid ${show(kidValue)} (the vault knows ${vault.length} kid${vault.length === 1 ? '' : 's'}). It may be a kid for another environment (UAT vs production) or a key not imported yet.`,
          'Import the merchant’s public key with this kid into the vault (or paste it) to check the signature; if the kid is a typo, fix it and re-sign.',
        ),
      );
    }
    const by: KeyRef | undefined =
      ctx.evidence?.verifiedBy ?? ctx.evidence?.standardBase64Matches ?? ctx.evidence?.rawJsonSigningMatches;
    if (by && by.kid && by.kid !== kidValue) {
      const sameKid = ctx.evidence?.keysTried.find((k) => k.kid === kidValue && !k.valid);
      out.push(
        finding(
          'header.kid-mismatch',
          `${path}.kid`,
          `The signature was made with the key "${by.label}" whose kid is ${show(by.kid)}, but the header says kid ${show(kidValue)}${
            sameKid ? ` (the key "${sameKid.label}" with that kid does not verify it)` : ''
          }. Juspay will check the signature with the key registered for ${show(kidValue)} and reject it.`,
          `Either put kid ${show(by.kid)} in the header, or sign with the private key that belongs to kid ${show(kidValue)}; then re-sign.`,
        ),
      );
    }
  }
  // Anything else in the header.
  for (const key of Object.keys(header).slice(0, 20)) {
    const c = canonicalKey(key);
    if (c === 'kid' || c === 'alg') continue;
    out.push(
      finding(
        'header.unknown-key',
        `${path}.${key}`,
        key === 'crit'
          ? 'The header has "crit": a verifier that does not know the listed extensions must reject the token.'
          : `The header has \`${key.slice(0, 60)}\`; Juspay documents only kid and alg. Usually harmless.`,
        key === 'crit' ? 'Remove "crit" from the header and re-sign.' : `Remove it if Juspay rejects the request; the header needs only {"kid","alg"}.`,
      ),
    );
  }
  return out;
}

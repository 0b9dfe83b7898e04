/** JWK keys (RFC 7517), alone or as a one-key JWK Set: members checked before node:crypto reads them. */
import { createPrivateKey, createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { InspectorError } from '../../../shared/result';
import type { ReadKey } from './read';
import { GENERATE_FIX, privateRead, publicRead, RS256_NEEDS_RSA } from './rsa-policy';

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi'] as const;

export function readJwkText(text: string, field: string, allowWeak: boolean): ReadKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0] : 'not JSON';
    throw new InspectorError('damaged_json', `The key looks like a JWK (it starts with "${text[0]}") but is not valid JSON: ${detail}.`, {
      fix: 'Paste the whole JSON object, from { to the closing }.',
      field,
    });
  }
  const jwk = pickJwk(parsed, field);
  const kty = jwk.kty;
  if (kty === undefined) {
    throw new InspectorError('damaged_jwk', 'This JSON has no "kty" member, so it is not a JWK.', { fix: 'Paste an RSA JWK: one JSON object with "kty": "RSA", "n" and "e".', field });
  }
  if (kty !== 'RSA') throw new InspectorError('not_rsa', `This JWK holds ${describeJwkType(jwk)}, not an RSA key. ${RS256_NEEDS_RSA}`, { fix: GENERATE_FIX, field });
  const missingPublic = (['n', 'e'] as const).filter((m) => typeof jwk[m] !== 'string' || jwk[m] === '');
  if (missingPublic.length > 0) {
    const what = missingPublic.map((m) => (m === 'n' ? '"n" (the modulus)' : '"e" (the public exponent)')).join(' and ');
    throw new InspectorError('jwk_missing_members', `This RSA JWK has no ${what}.`, { fix: 'Copy the complete JWK.', field });
  }
  const kid = typeof jwk.kid === 'string' && jwk.kid.trim() !== '' ? jwk.kid.trim() : undefined;
  const withKid = (read: ReadKey): ReadKey => (kid === undefined ? read : { ...read, kid });
  const hasPrivate = PRIVATE_MEMBERS.some((m) => jwk[m] !== undefined);
  if (hasPrivate) {
    const missing = PRIVATE_MEMBERS.filter((m) => typeof jwk[m] !== 'string' || jwk[m] === '');
    if (missing.length > 0) {
      throw new InspectorError('jwk_missing_members', `This RSA private JWK lacks ${missing.join(', ')}: signing needs the full form with d, p, q, dp, dq and qi.`, {
        fix: 'Export the complete private JWK from its source.',
        field,
      });
    }
    assertBase64urlMembers(jwk, ['n', 'e', ...PRIVATE_MEMBERS], field);
    const material: JsonWebKey = { kty: 'RSA', n: jwk.n as string, e: jwk.e as string };
    for (const m of PRIVATE_MEMBERS) material[m] = jwk[m] as string;
    const privateKey = jwkOrDamaged(() => createPrivateKey({ key: material, format: 'jwk' }), field);
    return withKid(privateRead(privateKey, 'jwk-private', 'RSA private JWK, converted to PKCS#8', 'JWK', field, allowWeak));
  }
  assertBase64urlMembers(jwk, ['n', 'e'], field);
  const publicKey = jwkOrDamaged(() => createPublicKey({ key: { kty: 'RSA', n: jwk.n as string, e: jwk.e as string }, format: 'jwk' }), field);
  return withKid(publicRead(publicKey, 'jwk-public', 'RSA public JWK, converted to SPKI', 'JWK', field, allowWeak));
}

function pickJwk(parsed: unknown, field: string): Record<string, unknown> {
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InspectorError('damaged_jwk', 'This JSON is not a JWK.', { fix: 'Paste one JSON object with "kty", "n" and "e".', field });
  }
  const obj = parsed as Record<string, unknown>;
  if (Array.isArray(obj.keys) && obj.kty === undefined) {
    // A JWK Set (jwks.json): fine when it holds exactly one key.
    if (obj.keys.length === 1 && obj.keys[0] && typeof obj.keys[0] === 'object') return obj.keys[0] as Record<string, unknown>;
    throw new InspectorError('unsupported_key_format', `This is a JWK Set with ${obj.keys.length} keys.`, { fix: 'Paste the one key you mean (one object from "keys").', field });
  }
  return obj;
}

function describeJwkType(jwk: Record<string, unknown>): string {
  const crv = typeof jwk.crv === 'string' ? jwk.crv : undefined;
  if (jwk.kty === 'EC') return crv ? `an EC key (curve ${crv})` : 'an EC key';
  if (jwk.kty === 'OKP') return crv ? `an ${crv} key` : 'an OKP (EdDSA) key';
  if (jwk.kty === 'oct') return 'a symmetric (oct) secret';
  return `a "${String(jwk.kty)}" key`;
}

function assertBase64urlMembers(jwk: Record<string, unknown>, members: readonly string[], field: string): void {
  for (const m of members) {
    const value = jwk[m];
    if (typeof value !== 'string' || !/^[A-Za-z0-9_-]+$/.test(value)) {
      throw new InspectorError('damaged_jwk', `This JWK's "${m}" is not base64url (JWK members use A–Z a–z 0–9 - _ without padding): the key was changed or mis-exported.`, {
        fix: 'Export the key again from its source.',
        field,
      });
    }
  }
}

function jwkOrDamaged(parse: () => KeyObject, field: string): KeyObject {
  try {
    return parse();
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0] : '';
    throw new InspectorError('damaged_jwk', `This RSA JWK could not be read as a key (${detail}).`, { fix: 'Export it again from its source.', field });
  }
}

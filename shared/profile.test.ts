/** The profiles file: read whole or refused whole, naming the field; and the profile model's helpers. */
import { describe, expect, it } from 'vitest';
import { duplicateName, PROFILES_FILE_FORMAT, type ProfileFields } from './profile';
import { findPrivateMaterial, readProfilesFile } from './profile-file';

const PEM = '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\n-----END PUBLIC KEY-----\n';
const THUMB = 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs';

function acme(overrides: Partial<ProfileFields> = {}): ProfileFields {
  return {
    name: 'Acme UAT',
    environment: 'sandbox',
    merchantId: 'acme',
    merchantChannelId: 'acmeapp',
    merchantCustomerId: 'cust-1',
    signingKey: { kid: 'uat-acme-1', thumbprint: THUMB },
    registeredKeys: [{ kid: 'uat-acme-1', thumbprint: THUMB, publicKeyPem: PEM, registeredAt: '2026-11-02', registeredBy: 'Priya (ticket 4411)' }],
    ...overrides,
  };
}

const file = (profiles: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ format: PROFILES_FILE_FORMAT, version: 1, profiles, ...extra });

describe('readProfilesFile', () => {
  it('reads a well-formed export', () => {
    const read = readProfilesFile(file([acme(), acme({ name: 'Acme PROD', environment: 'production', registeredKeys: [] })]));
    expect(read).toMatchObject({ ok: true, value: { profiles: [{ name: 'Acme UAT' }, { name: 'Acme PROD' }] } });
  });

  it.each([
    ['text that is not JSON', '{"format": "upi-inspector.profiles", ', 'not-json', undefined, /is not JSON: .*line 1, column \d+/],
    ['another format', JSON.stringify({ format: 'postman.environment', version: 1, profiles: [] }), 'invalid', 'format', /format must be "upi-inspector\.profiles"/],
    ['a newer version', JSON.stringify({ format: PROFILES_FILE_FORMAT, version: 2, profiles: [] }), 'invalid', 'version', /version must be 1/],
    ['an unknown top-level field', file([acme()], { exportedBy: 'x' }), 'invalid', 'exportedBy', /unknown field exportedBy/],
    ['an unknown field in a profile', file([{ ...acme(), vaultKeyId: 'k-123' }]), 'invalid', 'profiles[0].vaultKeyId', /unknown field profiles\[0\]\.vaultKeyId/],
    ['an unknown field in a registered key', file([acme({ registeredKeys: [{ ...acme().registeredKeys[0]!, keyId: 'x' } as never] })]), 'invalid', 'profiles[0].registeredKeys[0].keyId', /unknown field/],
    ['two profiles with one name', file([acme(), acme({ name: ' acme uat ' })]), 'invalid', 'profiles[1].name', /"acme uat" is used twice/],
    ['one kid registered twice', file([acme({ registeredKeys: [acme().registeredKeys[0]!, acme().registeredKeys[0]!] })]), 'invalid', 'profiles[0].registeredKeys[1].kid', /registered twice/],
    ['an environment that is neither', file([acme({ environment: 'uat' as never })]), 'invalid', 'profiles[0].environment', /"sandbox" or "production"/],
    ['a missing merchantId', file([acme({ merchantId: ' ' })]), 'invalid', 'profiles[0].merchantId', /merchantId is required/],
    ['a thumbprint that is not one', file([acme({ signingKey: { kid: 'k', thumbprint: 'abc' } })]), 'invalid', 'profiles[0].signingKey.thumbprint', /RFC 7638/],
    [
      'a PEM private key as the public key',
      file([acme({ registeredKeys: [{ ...acme().registeredKeys[0]!, publicKeyPem: '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n' }] })]),
      'private-key',
      'profiles[0].registeredKeys[0].publicKeyPem',
      /private key material at profiles\[0\]\.registeredKeys\[0\]\.publicKeyPem: a PEM private key/,
    ],
    ['a private JWK member anywhere', file([{ ...acme(), jwk: { kty: 'RSA', n: 'x', e: 'AQAB', d: 'secret' } }]), 'private-key', 'profiles[0].jwk.d', /the private JWK member "d"/],
    ['a private JWK inside a string', file([acme({ merchantCustomerId: '{"kty":"RSA","qi":"x"}' })]), 'private-key', 'profiles[0].merchantCustomerId', /has the member "qi"/],
    ['an RSA PRIVATE KEY in free text', file([acme({ registeredKeys: [{ ...acme().registeredKeys[0]!, registeredBy: '-----BEGIN RSA PRIVATE KEY-----' }] })]), 'private-key', 'profiles[0].registeredKeys[0].registeredBy', /PRIVATE KEY/],
  ])('refuses %s, naming the field', (_what, text, reason, field, message) => {
    const read = readProfilesFile(text);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.reason).toBe(reason);
    expect(read.field).toBe(field);
    expect(read.message).toMatch(message);
  });

  it('checks private material before anything else, so a private key is never reported as a mere unknown field', () => {
    expect(findPrivateMaterial({ profiles: [{ registeredKeys: [{ p: 'x' }] }] })).toEqual({ field: 'profiles[0].registeredKeys[0].p', what: 'the private JWK member "p"' });
    expect(findPrivateMaterial({ profiles: [{ publicKeyPem: PEM, n: 'x', e: 'AQAB', kty: 'RSA' }] })).toBeUndefined();
  });
});

describe('duplicateName', () => {
  it.each([
    ['Acme UAT', 'production', 'Acme PROD'],
    ['Acme PROD', 'sandbox', 'Acme UAT'],
    ['acme sandbox', 'production', 'acme production'],
    ['Acme production', 'sandbox', 'Acme sandbox'],
    ['Acme', 'production', 'Acme (production)'],
  ] as const)('%s → %s gives %s', (name, to, want) => {
    expect(duplicateName(name, to)).toBe(want);
  });
});

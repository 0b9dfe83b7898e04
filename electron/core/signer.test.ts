import { describe, expect, it } from 'vitest';
import type { KeyInfo } from '../../shared/keys';
import { thrown } from './__fixtures__/thrown';
import { testRsaKey } from './__fixtures__/test-keys';
import { signEnvelope, type SigningKey } from './signer';
import { verifyRequestText } from './inspect';
import { SAMPLE_FIELDS } from './__fixtures__/envelope-fields';

const key = testRsaKey();
const info: KeyInfo = {
  id: 'abc123',
  kid: 'uat833359804655bb748702e324111',
  label: 'UAT key',
  kind: 'private',
  bits: 2048,
  thumbprint: 'tp',
  createdAt: '2024-01-01T00:00:00.000Z',
  source: { format: 'pkcs8-pem', description: 'PKCS#8 PEM' },
};
const signingKey: SigningKey = { info, privateKey: key.privateKey };
const fields = SAMPLE_FIELDS;

describe('signEnvelope', () => {
  it('gives byte-identical output for the same inputs', () => {
    const a = signEnvelope(fields, signingKey);
    const b = signEnvelope({ ...fields }, { ...signingKey });
    expect(b.json).toBe(a.json);
    expect(b.compact).toBe(a.compact);
    expect(b).toEqual(a);
  });

  it('builds the documented envelope: camelCase keys, header {kid, alg}, claims in order, timestamp a string', () => {
    const result = signEnvelope(fields, signingKey);
    expect(Object.keys(result.envelope)).toEqual(['requestId', 'service', 'payload']);
    expect(Object.keys(result.envelope.payload)).toEqual(['action', 'protected', 'signaturePayload', 'signature']);
    expect(result.envelope.payload.action).toBe('upiGetSessionToken');
    expect(Buffer.from(result.envelope.payload.protected, 'base64url').toString()).toBe('{"kid":"uat833359804655bb748702e324111","alg":"RS256"}');
    expect(Buffer.from(result.envelope.payload.signaturePayload, 'base64url').toString()).toBe(
      '{"merchantId":"stock","merchantCustomerId":"cust-42","merchantChannelId":"stockapp","timestamp":"1668389349848"}',
    );
    expect(result.signingInput).toBe(`${result.envelope.payload.protected}.${result.envelope.payload.signaturePayload}`);
    expect(JSON.parse(result.json)).toEqual(result.envelope);
    expect(result.compact).toBe(JSON.stringify(result.envelope));
    expect(result.json).toContain('\n  "payload": {');
    expect(result.key).toBe(info);
  });

  it('changes the signature when any claim changes', () => {
    const base = signEnvelope(fields, signingKey).envelope.payload.signature;
    expect(signEnvelope({ ...fields, timestamp: '1668389349849' }, signingKey).envelope.payload.signature).not.toBe(base);
    expect(signEnvelope({ ...fields, merchantChannelId: 'other' }, signingKey).envelope.payload.signature).not.toBe(base);
  });

  it('takes a kid override, and refuses to sign without any kid (kid_missing)', () => {
    expect(signEnvelope(fields, signingKey, { kid: 'override' }).header).toEqual({ kid: 'override', alg: 'RS256' });
    const error = thrown(() => signEnvelope(fields, { ...signingKey, info: { ...info, kid: '' } }));
    expect([error.code, error.field]).toEqual(['kid_missing', 'kid']);
    expect(error.message).toMatch(/^Key "UAT key" has no kid/);
    expect(error.fix).toMatch(/^Set the kid Juspay issued for this key/);
  });

  it('signs what the verifier accepts (round trip)', () => {
    const signed = signEnvelope(fields, signingKey);
    const candidate = { keyId: info.id, source: 'vault' as const, label: info.label, kid: info.kid, thumbprint: 'tp', bits: 2048, key: key.publicKey };
    const result = verifyRequestText(signed.json, { candidates: [candidate] }, Number(fields.timestamp));
    expect(result).toMatchObject({ valid: true, verifiedBy: { keyId: info.id }, summary: { tone: 'ok' } });
    expect(result.decoded.claims).toEqual(signed.claims);
  });

  describe('exact-bytes mode (negative tests)', () => {
    const candidate = { keyId: info.id, source: 'vault' as const, label: info.label, kid: info.kid, thumbprint: 'tp', bits: 2048, key: key.publicKey };
    const verify = (json: string) => verifyRequestText(json, { candidates: [candidate] }, Number(fields.timestamp));

    it('signs the fields byte for byte: spaces kept, a seconds timestamp as typed', () => {
      const signed = signEnvelope({ ...fields, merchantId: ' stock ', timestamp: '1668389349' }, signingKey, { exact: true });
      expect(Buffer.from(signed.envelope.payload.signaturePayload, 'base64url').toString()).toBe(
        '{"merchantId":" stock ","merchantCustomerId":"cust-42","merchantChannelId":"stockapp","timestamp":"1668389349"}',
      );
      const verdict = verify(signed.json);
      expect(verdict.valid).toBe(true);
      expect(verdict.findings.map((f) => f.id)).toEqual(expect.arrayContaining(['timestamp.seconds', 'claims.wrong-type']));
    });

    it('puts any kid in the header, signed with the chosen key: the inspector says the kid is not the signer\'s', () => {
      const signed = signEnvelope(fields, signingKey, { exact: true, kid: ' uat-someone-else ' });
      expect(signed.header).toEqual({ kid: ' uat-someone-else ', alg: 'RS256' });
      const verdict = verify(signed.json);
      expect(verdict.valid).toBe(true);
      expect(verdict.cause).toBe('header.kid-mismatch');
      // An empty kid is a negative test too (header.kid-missing), not a refusal.
      expect(verify(signEnvelope(fields, signingKey, { exact: true, kid: '' }).json).findings.map((f) => f.id)).toContain('header.kid-missing');
    });
  });
});

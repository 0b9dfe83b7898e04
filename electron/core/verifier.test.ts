import { describe, expect, it } from 'vitest';
import { InspectorError } from '../../shared/result';
import { testRsaKey } from './__fixtures__/test-keys';
import { signEnvelope } from './signer';
import { pastedCandidate, readSignedSegments, verifyEnvelope, type VerifyCandidate } from './verifier';
import { SAMPLE_FIELDS } from './__fixtures__/envelope-fields';

const merchant = testRsaKey();
const stranger = testRsaKey(2048, 'other');
const KID = 'uat833359804655bb748702e324111';
const fields = SAMPLE_FIELDS;
const signed = signEnvelope(fields, {
  info: { id: 'm1', kid: KID, label: 'merchant', kind: 'private', bits: 2048, thumbprint: 'tp-m', createdAt: '', source: { format: 'generated', description: '' } },
  privateKey: merchant.privateKey,
});
const { payload } = signed.envelope;

const candidate = (keyId: string, kid: string, key = merchant.publicKey): VerifyCandidate => ({ keyId, label: `key ${keyId}`, kid, thumbprint: `tp-${keyId}`, key });

function refusal(run: () => unknown): InspectorError {
  try {
    run();
  } catch (e) {
    if (e instanceof InspectorError) return e;
    throw e;
  }
  throw new Error('expected an InspectorError');
}

describe('verifyEnvelope: every shape a support engineer pastes', () => {
  const shapes: Array<[string, unknown, string]> = [
    ['envelope JSON text', signed.json, 'envelope'],
    ['envelope object', signed.envelope, 'envelope'],
    ['payload object', payload, 'payload'],
    ['bare segments', { protected: payload.protected, signaturePayload: payload.signaturePayload, signature: payload.signature }, 'segments'],
    ['compact JWS', `${payload.protected}.${payload.signaturePayload}.${payload.signature}`, 'compact-jws'],
    ['quoted compact JWS', JSON.stringify(`${payload.protected}.${payload.signaturePayload}.${payload.signature}`), 'compact-jws'],
    ['payload as a JSON string inside the envelope', { ...signed.envelope, payload: JSON.stringify(payload) }, 'envelope'],
    ['a SignResult (sign --json)', JSON.stringify(signed), 'envelope'],
  ];
  it.each(shapes)('%s', (_name, input, form) => {
    const result = verifyEnvelope(input, [candidate('m1', KID)]);
    expect(result).toMatchObject({ valid: true, form, verifiedBy: { keyId: 'm1', valid: true } });
    expect(result.header).toEqual({ kid: KID, alg: 'RS256' });
    expect(result.claims).toEqual(signed.claims);
    expect(result.segments).toEqual({ protected: payload.protected, signaturePayload: payload.signaturePayload, signature: payload.signature });
    expect(result.reason).toBeUndefined();
  });
});

describe('verifyEnvelope: failures say what was tried and why', () => {
  it('tampered claims fail, listing every key tried and blaming the change, not the key', () => {
    const claims = JSON.parse(Buffer.from(payload.signaturePayload, 'base64url').toString());
    const tampered = { ...signed.envelope, payload: { ...payload, signaturePayload: Buffer.from(JSON.stringify({ ...claims, merchantCustomerId: 'cust-43' })).toString('base64url') } };
    const result = verifyEnvelope(tampered, [candidate('s1', 'other-kid', stranger.publicKey), candidate('m1', KID)]);
    expect(result.valid).toBe(false);
    expect(result.verifiedBy).toBeUndefined();
    // The key with the header's kid is tried first.
    expect(result.tried).toEqual([
      { keyId: 'm1', label: 'key m1', kid: KID, thumbprint: 'tp-m1', valid: false },
      { keyId: 's1', label: 'key s1', kid: 'other-kid', thumbprint: 'tp-s1', valid: false },
    ]);
    expect(result.claims?.merchantCustomerId).toBe('cust-43');
    expect(result.reason).toMatch(/does not verify with the key whose kid matches the header \("uat833359804655bb748702e324111", key m1\).*changed after signing/);
  });

  it('a key that is not here: says none has the header’s kid', () => {
    const result = verifyEnvelope(signed.envelope, [candidate('s1', 'other-kid', stranger.publicKey)]);
    expect(result.valid).toBe(false);
    expect(result.tried).toHaveLength(1);
    expect(result.reason).toMatch(/None of the 1 key tried verifies the signature, and none has the header's kid "uat833359804655bb748702e324111"/);
  });

  it('no keys at all: says so, and why the vault gave none', () => {
    const result = verifyEnvelope(signed.envelope, [], { vaultNote: 'the key vault is locked, so its keys were not tried' });
    expect(result).toMatchObject({ valid: false, tried: [] });
    expect(result.reason).toMatch(/No public key to verify with: paste the merchant's public key for kid "uat833359804655bb748702e324111".*\(the key vault is locked/);
  });

  it('a standard-base64 signature is not fixed up: invalid, and the reason names the encoding', () => {
    const standard = Buffer.from(payload.signature, 'base64url').toString('base64');
    const result = verifyEnvelope({ ...payload, signature: standard }, [candidate('m1', KID)]);
    expect(result.valid).toBe(false);
    expect(result.segments.signature).toBe(standard);
    expect(result.reason).toMatch(/signature is not unpadded base64url \(it contains .*"="/);
  });

  it('a truncated signature: the reason gives its length against the key size', () => {
    const result = verifyEnvelope({ ...payload, signature: payload.signature.slice(0, 100) }, [candidate('m1', KID)]);
    expect(result.reason).toMatch(/signature is 75 bytes, but the keys tried make 256-byte signatures/);
  });

  it('a pasted key is tried first, in any format, including a private key (its public half)', async () => {
    const pasted = await pastedCandidate(merchant.pkcs1Pem);
    expect(pasted).toMatchObject({ keyId: 'pasted', label: 'Pasted key (PKCS#1 PEM, converted to PKCS#8)' });
    const result = verifyEnvelope(signed.envelope, [candidate('s1', KID, stranger.publicKey), pasted]);
    expect(result.tried.map((t) => t.keyId)).toEqual(['pasted']);
    expect(result.valid).toBe(true);
  });

  it('a weak pasted key is bad input, on the publicKey field', async () => {
    await expect(pastedCandidate(testRsaKey(1024).spkiPem)).rejects.toMatchObject({ code: 'weak_key', field: 'publicKey' });
  });
});

describe('readSignedSegments: input with nothing verifiable is an error, not a result', () => {
  it('damaged JSON', () => {
    const e = refusal(() => readSignedSegments(signed.json.slice(0, -3)));
    expect(e.code).toBe('damaged_json');
    expect(e.message).toMatch(/looks like JSON but does not parse/);
  });

  it('a missing segment names it with its path', () => {
    const { signature: _s, ...rest } = payload;
    const e = refusal(() => readSignedSegments({ ...signed.envelope, payload: rest }));
    expect(e.code).toBe('missing_segment');
    expect(e.message).toMatch(/^payload\.signature is missing/);
  });

  it('capitalised keys from the docs are pointed out', () => {
    const e = refusal(() => readSignedSegments({ Protected: payload.protected, signaturePayload: payload.signaturePayload, signature: payload.signature }));
    expect(e.message).toMatch(/protected is missing, but "Protected" is there: the wire format is lowerCamelCase/);
  });

  it('the rsa auth variant is recognised and sent elsewhere', () => {
    const e = refusal(() => readSignedSegments({ action: 'upiGetSessionToken', merchantKeyId: 'k', signaturePayload: '{}', signature: 'abc=' }));
    expect(e.code).toBe('not_verifiable');
    expect(e.message).toMatch(/"rsa" auth variant/);
  });

  it('two dots make a compact JWS; anything else is named', () => {
    expect(refusal(() => readSignedSegments('a.b')).message).toMatch(/nor a compact JWS .* this has 1 dot\)/);
  });
});

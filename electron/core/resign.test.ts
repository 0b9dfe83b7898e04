import { sign as rsaSign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testRsaKey } from './__fixtures__/test-keys';
import { SAMPLE_FIELDS } from './__fixtures__/envelope-fields';
import { firstDifference, resignRequest } from './resign';
import { openVault } from './vault/open';

const NOW = 1668389349848;
const fields = SAMPLE_FIELDS;
const KID = 'uat833359804655bb748702e324111';
const merchant = testRsaKey(2048, 'merchant');
const b64url = (s: string | Buffer) => Buffer.from(s).toString('base64url');
const header = JSON.stringify({ kid: KID, alg: 'RS256' });
const claims = JSON.stringify({ merchantId: 'stock', merchantCustomerId: 'cust-42', merchantChannelId: 'stockapp', timestamp: String(NOW) });

function envelope(signature: string, p = b64url(header), c = b64url(claims)): string {
  return JSON.stringify({ requestId: fields.requestId, service: fields.service, payload: { action: fields.action, protected: p, signaturePayload: c, signature } });
}
const signOver = (bytes: string, key = merchant) => rsaSign('sha256', Buffer.from(bytes), key.privateKey);
const goodSignature = signOver(`${b64url(header)}.${b64url(claims)}`);

async function vaultWith(...keys: Array<{ pem: string; kid?: string; label: string }>) {
  const vault = await openVault({ mode: 'session' });
  const infos = [];
  for (const k of keys) infos.push(await vault.import({ text: k.pem, label: k.label, ...(k.kid ? { kid: k.kid } : {}) }));
  return { vault, infos };
}

describe('re-signing for a diff', () => {
  it('gives identical segments for a request signed correctly with the same key', async () => {
    const { vault, infos } = await vaultWith({ pem: merchant.pkcs8Pem, kid: KID, label: 'merchant' });
    const diff = resignRequest({ text: envelope(b64url(goodSignature)), keyId: infos[0]!.id }, vault);
    expect(diff.segments.map((s) => s.firstDifference)).toEqual([-1, -1, -1]);
  });

  it('points at the first differing character of each segment that differs', async () => {
    const { vault, infos } = await vaultWith({ pem: merchant.pkcs8Pem, kid: KID, label: 'merchant' });
    // The merchant's library put alg before kid: same header meaning, other bytes, so other signature.
    const swapped = b64url(JSON.stringify({ alg: 'RS256', kid: KID }));
    const text = envelope(b64url(signOver(`${swapped}.${b64url(claims)}`)), swapped);
    const diff = resignRequest({ text, keyId: infos[0]!.id }, vault);
    const [p, c, s] = diff.segments;
    expect(p!.firstDifference).toBe(firstDifference(swapped, b64url(header)));
    expect(p!.firstDifference).toBeGreaterThanOrEqual(0);
    expect(c!.firstDifference).toBe(-1);
    expect(s!.firstDifference).toBeGreaterThanOrEqual(0);
  });

  it('refuses, naming what is missing, when the claims cannot be read', async () => {
    const { vault, infos } = await vaultWith({ pem: merchant.pkcs8Pem, kid: KID, label: 'merchant' });
    expect(() => resignRequest({ text: envelope('x', b64url(header), b64url('{"merchantId":"m"}')), keyId: infos[0]!.id }, vault)).toThrow(
      /merchantCustomerId, merchantChannelId, timestamp/,
    );
  });
});

describe('firstDifference', () => {
  it.each([
    ['abc', 'abc', -1],
    ['abc', 'abd', 2],
    ['ab', 'abc', 2],
    ['', 'a', 0],
  ])('%s vs %s → %i', (a, b, want) => expect(firstDifference(a, b)).toBe(want));
});


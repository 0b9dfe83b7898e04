import { describe, expect, it } from 'vitest';
import { b64url, claims, envelope, goodSignature, header, KID, merchant, signOver, vaultWith } from './__fixtures__/signed-request';
import { firstDifference, resignRequest } from './resign';

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


import { describe, expect, it } from 'vitest';
import rfc7638 from '../__fixtures__/rfc7638-3.1.json';
import { testRsaKey } from '../__fixtures__/test-keys';
import { generateRsaKeyPair, jwkThumbprint, publicJwk, publicKeyPem } from './export';
import { readKey } from './read';

const key = testRsaKey();

describe('public exports', () => {
  it('matches RFC 7638 §3.1’s published thumbprint for its example key', async () => {
    const read = readKey(JSON.stringify(rfc7638.jwk));
    expect(read.kid).toBe('2011-04-29');
    expect(await jwkThumbprint(read.publicKey)).toBe(rfc7638.thumbprint);
  });

  it('exports the public key as SPKI PEM and as {kty,n,e,kid,alg,use} JWK', () => {
    const read = readKey(key.pkcs1Pem);
    expect(publicKeyPem(read.privateKey!)).toBe(key.spkiPem);
    const jwk = publicJwk(read.publicKey, 'kid-1');
    expect(Object.keys(jwk)).toEqual(['kty', 'n', 'e', 'kid', 'alg', 'use']);
    expect(jwk).toEqual({ kty: 'RSA', n: key.publicJwk.n, e: key.publicJwk.e, kid: 'kid-1', alg: 'RS256', use: 'sig' });
  });
});

describe('generateRsaKeyPair', () => {
  it('makes an RSA key of the asked size with exponent 65537', async () => {
    const { privateKey, publicKey } = await generateRsaKeyPair(3072);
    expect(privateKey.asymmetricKeyDetails).toMatchObject({ modulusLength: 3072, publicExponent: 65537n });
    expect(publicKey.type).toBe('public');
  });
});

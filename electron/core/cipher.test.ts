import { describe, expect, it } from 'vitest';
import { rejection } from './__fixtures__/thrown';
import { createPassphraseCipher, MIN_SCRYPT_N } from './cipher';

const secret = Buffer.from('-----BEGIN PRIVATE KEY-----\nMIIEvQ…\n-----END PRIVATE KEY-----\n');

describe('passphrase cipher (scrypt + AES-256-GCM)', () => {
  it('round-trips, and a fresh cipher with the same passphrase opens what another wrote', async () => {
    const data = await createPassphraseCipher('open sesame').encrypt(secret);
    expect((await createPassphraseCipher('open sesame').decrypt(data)).equals(secret)).toBe(true);
  });

  it('writes a versioned, self-describing record with N ≥ 2^15 and never the plaintext', async () => {
    const data = await createPassphraseCipher('open sesame').encrypt(secret);
    const record = JSON.parse(data.toString('utf8'));
    expect(record).toMatchObject({ format: 'upi-inspector-passphrase-cipher', version: 1, kdf: 'scrypt', cipher: 'aes-256-gcm', r: 8, p: 1 });
    expect(record.N).toBeGreaterThanOrEqual(MIN_SCRYPT_N);
    expect(Buffer.from(record.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(record.iv, 'base64')).toHaveLength(12);
    expect(data.toString('utf8')).not.toContain('PRIVATE KEY');
  });

  it('uses a fresh IV for every write, and keeps one salt per file', async () => {
    const cipher = createPassphraseCipher('open sesame');
    const a = JSON.parse((await cipher.encrypt(secret)).toString());
    const b = JSON.parse((await cipher.encrypt(secret)).toString());
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(a.salt).toBe(b.salt);
    const other = JSON.parse((await createPassphraseCipher('open sesame').encrypt(secret)).toString());
    expect(other.salt).not.toBe(a.salt);
  });

  it('reports a wrong passphrase as wrong_passphrase', async () => {
    const data = await createPassphraseCipher('open sesame').encrypt(secret);
    const e = await rejection(createPassphraseCipher('open sesame!').decrypt(data));
    expect(e.code).toBe('wrong_passphrase');
    expect(e.field).toBe('passphrase');
    expect(e.message).toMatch(/passphrase does not open the key vault/);
  });

  it('refuses edited KDF parameters (they are bound to the tag) and weakened ones', async () => {
    const record = JSON.parse((await createPassphraseCipher('pw').encrypt(secret)).toString());
    const edited = Buffer.from(JSON.stringify({ ...record, r: 9 }));
    expect((await rejection(createPassphraseCipher('pw').decrypt(edited))).code).toBe('wrong_passphrase');
    const weakened = Buffer.from(JSON.stringify({ ...record, N: 1024 }));
    expect((await rejection(createPassphraseCipher('pw').decrypt(weakened))).code).toBe('cipher_data_damaged');
  });

  it('reports data that is not its format as cipher_data_damaged', async () => {
    const e = await rejection(createPassphraseCipher('pw').decrypt(Buffer.from('not json')));
    expect(e.code).toBe('cipher_data_damaged');
    const v2 = await rejection(createPassphraseCipher('pw').decrypt(Buffer.from(JSON.stringify({ format: 'upi-inspector-passphrase-cipher', version: 2 }))));
    expect(v2.message).toMatch(/version 2; this UPI Inspector reads version 1/);
    expect(v2.fix).toBe('Use a newer UPI Inspector.');
  });
});

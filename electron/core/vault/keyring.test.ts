import { verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testRsaKey } from '../__fixtures__/test-keys';
import { tempDirs } from '../__fixtures__/temp-dirs';
import { rejection } from '../__fixtures__/thrown';
import { signJws } from '../jws';
import { openVault } from './open';

const key = testRsaKey();
const claims = { merchantId: 'M', merchantCustomerId: 'C', merchantChannelId: 'CH', timestamp: '1700000000000' };
const dataDir = tempDirs('upi-keyring-');

describe('keys in a session vault', () => {
  it('imports, lists, exports public halves, renames and deletes, all in memory', async () => {
    const vault = await openVault({ mode: 'session' });
    expect(await vault.status()).toEqual({ state: 'unlocked', mode: 'session', path: null, keyCount: 0 });
    const { warnings, ...info } = await vault.import({ text: key.pkcs1Pem, fileName: 'merchant-uat.pem', kid: 'uat-kid' });
    expect(warnings).toEqual([]);
    expect(info).toMatchObject({ kid: 'uat-kid', label: 'merchant-uat', kind: 'private', bits: 2048 });
    expect(info.source).toEqual({ format: 'pkcs1-pem', description: 'PKCS#1 PEM, converted to PKCS#8', fileName: 'merchant-uat.pem' });
    expect(await vault.list()).toEqual([info]);

    const exported = await vault.exportPublic(info.id);
    expect(exported.pem).toBe(key.spkiPem);
    expect(exported.jwk).toEqual({ kty: 'RSA', n: key.publicJwk.n, e: key.publicJwk.e, kid: 'uat-kid', alg: 'RS256', use: 'sig' });
    expect(exported.thumbprint).toBe(info.thumbprint);

    const renamed = await vault.rename(info.id, { label: 'UAT key', kid: 'uat2' });
    expect(renamed).toMatchObject({ id: info.id, label: 'UAT key', kid: 'uat2', warnings: [] });
    expect(await vault.delete(info.id)).toEqual({ id: info.id });
    expect(await vault.list()).toEqual([]);
    expect((await rejection(vault.exportPublic(info.id))).code).toBe('key_not_found');
  });

  it('refuses an empty label on rename, on the label field', async () => {
    const vault = await openVault({ mode: 'session' });
    const info = await vault.import({ text: key.pkcs8Pem, label: 'kept' });
    const e = await rejection(vault.rename(info.id, { label: '  ' }));
    expect([e.code, e.field, e.fix]).toEqual(['invalid_input', 'label', 'Type a name for the key.']);
    expect((await vault.list())[0]!.label).toBe('kept');
  });

  it('keeps public keys for verifying and refuses them for signing (public_only)', async () => {
    const vault = await openVault({ mode: 'session' });
    const pub = await vault.import({ text: key.spkiPem });
    expect(pub.kind).toBe('public');
    const e = await rejection(() => vault.signingKey(pub.id));
    expect(e.code).toBe('public_only');
    expect(e.message).toMatch(/is a public key: signing needs its private key/);
    expect(vault.publicKeys().map((k) => k.info.id)).toEqual([pub.id]);
  });

  it('refuses the same key twice, and unknown ids with key_not_found', async () => {
    const vault = await openVault({ mode: 'session' });
    const first = await vault.import({ text: key.pkcs8Pem, label: 'first' });
    const e = await rejection(vault.import({ text: JSON.stringify(key.privateJwk) }));
    expect(e.code).toBe('duplicate_key');
    expect(e.message).toContain(`"first" (id ${first.id}`);
    const missing = await rejection(() => vault.signingKey('nope'));
    expect([missing.code, missing.message, missing.field]).toEqual(['key_not_found', 'There is no key "nope" in the vault.', 'keyId']);
  });

  it('finds keys by id or kid, preferring the private one when a public key shares the kid', async () => {
    const vault = await openVault({ mode: 'session' });
    const priv = await vault.import({ text: key.pkcs8Pem, kid: 'shared' });
    await vault.import({ text: testRsaKey(2048, 'other').spkiPem, kid: 'shared' });
    expect(vault.find(priv.id).id).toBe(priv.id);
    expect(vault.find('shared').id).toBe(priv.id);
    expect((await rejection(() => vault.find('missing'))).code).toBe('key_not_found');
  });

  it('two public keys under one kid: ambiguous_key, naming the ids to use instead', async () => {
    const vault = await openVault({ mode: 'session' });
    const a = await vault.import({ text: key.spkiPem, kid: 'twice' });
    const b = await vault.import({ text: testRsaKey(2048, 'other').spkiPem, kid: 'twice' });
    const e = await rejection(() => vault.find('twice'));
    expect(e.code).toBe('ambiguous_key');
    expect(e.fix).toBe(`Use the key id instead (${a.id}, ${b.id}).`);
  });

  it('generates 2048-bit keys whose KeyInfo holds no key material', async () => {
    const vault = await openVault({ mode: 'session', now: () => Date.UTC(2024, 0, 2) });
    const info = await vault.generate({ bits: 2048, kid: 'gen' });
    expect(info).toMatchObject({ kind: 'private', bits: 2048, kid: 'gen', createdAt: '2024-01-02T00:00:00.000Z', source: { format: 'generated' } });
    expect(JSON.stringify(info)).not.toMatch(/PRIVATE KEY|"d"/);
  });
});

describe('weak keys: kept for verifying, refused for signing', () => {
  const weak = testRsaKey(1024);

  it('imports a 1024-bit public key with a weak_key warning, and verifies the merchant’s 128-byte signature with it', async () => {
    const vault = await openVault({ mode: 'session' });
    const pub = await vault.import({ text: weak.spkiPem, kid: 'old-kid', label: 'merchant 2019 key' });
    expect(pub).toMatchObject({ kind: 'public', bits: 1024 });
    expect(pub.warnings).toEqual([
      {
        code: 'weak_key',
        message: expect.stringMatching(/^"merchant 2019 key" is a 1024-bit RSA public key: it is kept for verifying \(its signatures are 128 bytes\)/),
        fix: expect.stringMatching(/Make a 2048-bit key .* and register its public key with Juspay\./),
        keys: [{ id: pub.id, label: 'merchant 2019 key', thumbprint: pub.thumbprint }],
      },
    ]);
    const signed = signJws({ kid: 'old-kid', alg: 'RS256' }, claims, weak.privateKey);
    const candidate = vault.publicKeys().find((k) => k.info.id === pub.id)!;
    expect(verify('sha256', Buffer.from(signed.signingInput), candidate.key, Buffer.from(signed.signature, 'base64url'))).toBe(true);
  });

  it('imports a 1024-bit private key with a warning; signing with it is weak_key naming the bits and the fix', async () => {
    const vault = await openVault({ mode: 'session' });
    const priv = await vault.import({ text: weak.pkcs1Pem, kid: 'old-kid', label: 'old private' });
    expect(priv.warnings.map((w) => [w.code, w.message])).toEqual([['weak_key', expect.stringMatching(/1024-bit RSA key: .* cannot sign, because the UPI SDK needs RSA 2048 bits or more/)]]);
    expect(vault.publicKeys().map((k) => k.info.id)).toEqual([priv.id]);
    const e = await rejection(() => vault.signingKey(priv.id));
    expect([e.code, e.field]).toEqual(['weak_key', 'keyId']);
    expect(e.message).toMatch(/^Key "old private" is 1024-bit RSA: it is kept for verifying, but it cannot sign/);
    expect(e.fix).toMatch(/Make a 2048-bit key .* and register its public key with Juspay\./);
  });

  it('a weak key survives closing and reopening the vault file', async () => {
    const dir = dataDir();
    const first = await openVault({ mode: 'passphrase', dataDir: dir, passphrase: 'weak key vault' });
    const { warnings: _weak, ...priv } = await first.import({ text: weak.pkcs8Pem, label: 'old' });
    const reopened = await openVault({ mode: 'passphrase', dataDir: dir, passphrase: 'weak key vault' });
    expect(await reopened.status()).toMatchObject({ state: 'unlocked', keyCount: 1 });
    expect(await reopened.list()).toEqual([priv]);
    expect((await rejection(() => reopened.signingKey(priv.id))).code).toBe('weak_key');
  });

  it('under 1024 bits nothing is imported', async () => {
    const vault = await openVault({ mode: 'session' });
    const e = await rejection(vault.import({ text: testRsaKey(512).spkiPem }));
    expect(e.code).toBe('weak_key');
    expect(await vault.list()).toEqual([]);
  });
});

describe('kid shared by two different keys: taken in, with a kid_shared warning', () => {
  const other = testRsaKey(2048, 'other');

  it('the second import names both keys and their thumbprints, and says Juspay holds one key per kid', async () => {
    const vault = await openVault({ mode: 'session' });
    const first = await vault.import({ text: key.spkiPem, kid: 'uat-kid', label: 'registered' });
    expect(first.warnings).toEqual([]);
    const second = await vault.import({ text: other.pkcs8Pem, kid: 'uat-kid', label: 'regenerated' });
    expect(second.warnings).toHaveLength(1);
    const [warning] = second.warnings;
    expect(warning).toMatchObject({ code: 'kid_shared', keys: [
      { id: second.id, label: 'regenerated', thumbprint: second.thumbprint },
      { id: first.id, label: 'registered', thumbprint: first.thumbprint },
    ] });
    expect(first.thumbprint).not.toBe(second.thumbprint);
    expect(warning!.message).toContain(`"regenerated" (id ${second.id}, thumbprint ${second.thumbprint})`);
    expect(warning!.message).toContain(`"registered" (id ${first.id}, thumbprint ${first.thumbprint})`);
    expect(warning!.message).toMatch(/kid "uat-kid" is now carried by 2 keys .* Juspay holds exactly one public key per kid/);
    expect(warning!.fix).toMatch(/which thumbprint is registered for kid "uat-kid"/);
    expect((await vault.list()).length).toBe(2);
  });

  it('the private and public halves of one key under one kid are not a conflict; the same key twice is still duplicate_key', async () => {
    const vault = await openVault({ mode: 'session' });
    await vault.import({ text: key.spkiPem, kid: 'uat-kid' });
    expect((await vault.import({ text: key.pkcs8Pem, kid: 'uat-kid' })).warnings).toEqual([]);
    expect((await rejection(vault.import({ text: key.pkcs1Pem, kid: 'uat-kid' }))).code).toBe('duplicate_key');
  });

  it('generating with a taken kid warns too; keys without a kid never do', async () => {
    const vault = await openVault({ mode: 'session' });
    await vault.import({ text: key.pkcs8Pem, kid: 'taken' });
    expect((await vault.generate({ bits: 2048, kid: 'taken' })).warnings.map((w) => w.code)).toEqual(['kid_shared']);
    await vault.import({ text: other.spkiPem });
    expect((await vault.generate({ bits: 2048 })).warnings).toEqual([]);
  });

  it('renaming a key’s kid to a taken one warns; renaming its label alone does not', async () => {
    const vault = await openVault({ mode: 'session' });
    const a = await vault.import({ text: key.pkcs8Pem, kid: 'kid-a', label: 'A' });
    const b = await vault.import({ text: other.pkcs8Pem, kid: 'kid-b', label: 'B' });
    const renamed = await vault.rename(b.id, { kid: 'kid-a' });
    expect(renamed.kid).toBe('kid-a');
    expect(renamed.warnings).toEqual([expect.objectContaining({ code: 'kid_shared', keys: [expect.objectContaining({ id: b.id, thumbprint: b.thumbprint }), expect.objectContaining({ id: a.id, thumbprint: a.thumbprint })] })]);
    expect(renamed.warnings[0]!.message).toContain(a.thumbprint);
    expect((await vault.rename(b.id, { label: 'B, relabelled', kid: 'kid-a' })).warnings).toEqual([]);
  });
});

import { verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InspectorError } from '../../shared/result';
import { testRsaKey, privateJwkValues } from './__fixtures__/test-keys';
import { createPassphraseCipher, type VaultCipher } from './cipher';
import { signJws } from './jws';
import { openVault, openVaultFromEnv, resolveDataDir, type Vault } from './vault';

const PASSPHRASE = 'vault passphrase for tests';
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'upi-vault-'));
  dirs.push(dir);
  return dir;
}

async function rejection(promise: Promise<unknown> | (() => unknown)): Promise<InspectorError> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (e) {
    if (e instanceof InspectorError) return e;
    throw e;
  }
  throw new Error('expected an InspectorError');
}

const key = testRsaKey();
const claims = { merchantId: 'M', merchantCustomerId: 'C', merchantChannelId: 'CH', timestamp: '1700000000000' };

function signatureOf(vault: Vault, id: string): string {
  return signJws({ kid: 'k', alg: 'RS256' }, claims, vault.privateKey(id)).signature;
}

describe('session vault', () => {
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

  it('keeps public keys for verifying and refuses them for signing (public_only)', async () => {
    const vault = await openVault({ mode: 'session' });
    const pub = await vault.import({ text: key.spkiPem });
    expect(pub.kind).toBe('public');
    const e = await rejection(() => vault.privateKey(pub.id));
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
    expect((await rejection(() => vault.privateKey('nope'))).code).toBe('key_not_found');
  });

  it('finds keys by id or kid, preferring the private one when a public key shares the kid', async () => {
    const vault = await openVault({ mode: 'session' });
    const priv = await vault.import({ text: key.pkcs8Pem, kid: 'shared' });
    await vault.import({ text: testRsaKey(2048, 'other').spkiPem, kid: 'shared' });
    expect(vault.find(priv.id).id).toBe(priv.id);
    expect(vault.find('shared').id).toBe(priv.id);
    expect((await rejection(() => vault.find('missing'))).code).toBe('key_not_found');
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
    expect(e.message).toMatch(/Make a 2048-bit key .* and register its public key with Juspay\./);
    expect((await rejection(() => vault.privateKey(priv.id))).code).toBe('weak_key');
  });

  it('a weak key survives closing and reopening the vault file', async () => {
    const dir = dataDir();
    const first = await openVault({ mode: 'passphrase', dataDir: dir, passphrase: PASSPHRASE });
    const { warnings: _weak, ...priv } = await first.import({ text: weak.pkcs8Pem, label: 'old' });
    const reopened = await openVault({ mode: 'passphrase', dataDir: dir, passphrase: PASSPHRASE });
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

describe('passphrase vault on disk', () => {
  it('is locked and new until a passphrase is chosen, and writes nothing until a key is added', async () => {
    const dir = dataDir();
    const vault = await openVault({ mode: 'passphrase', dataDir: dir });
    const status = await vault.status();
    expect(status).toMatchObject({ state: 'locked', mode: 'passphrase', path: join(dir, 'vault.json'), keyCount: 0, isNew: true });
    expect(status.message).toContain(join(dir, 'vault.json'));
    expect((await rejection(vault.list())).code).toBe('vault_locked');
    expect((await vault.unlock(PASSPHRASE)).state).toBe('unlocked');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('written, closed and reopened yields the same keys, thumbprints and signatures; the file is 0600 and opaque', async () => {
    const dir = dataDir();
    const first = await openVault({ mode: 'passphrase', dataDir: dir, passphrase: PASSPHRASE });
    const imported = await first.import({ text: key.encryptedPkcs8Pem('pem pass'), passphrase: 'pem pass', kid: 'uat1', label: 'UAT' });
    const generated = await first.generate({ bits: 2048, label: 'fresh' });
    const pub = await first.import({ text: JSON.stringify(testRsaKey(2048, 'other').publicJwk), label: 'Juspay test' });
    const before = await first.list();
    const signatures = [signatureOf(first, imported.id), signatureOf(first, generated.id)];

    const file = join(dir, 'vault.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const raw = readFileSync(file, 'utf8');
    for (const secret of ['PRIVATE KEY', 'UAT', 'uat1', 'Juspay test', ...privateJwkValues(key.privateJwk)]) expect(raw).not.toContain(secret);
    expect(JSON.parse(raw)).toMatchObject({ format: 'upi-inspector-vault', version: 1, mode: 'passphrase' });

    const reopened = await openVault({ mode: 'passphrase', dataDir: dir, passphrase: PASSPHRASE });
    expect(await reopened.status()).toMatchObject({ state: 'unlocked', keyCount: 3 });
    expect(await reopened.list()).toEqual(before);
    expect([signatureOf(reopened, imported.id), signatureOf(reopened, generated.id)]).toEqual(signatures);
    expect((await rejection(() => reopened.privateKey(pub.id))).code).toBe('public_only');
  });

  it('reports a wrong passphrase and stays locked; the right one then opens it', async () => {
    const dir = dataDir();
    const made = await openVault({ mode: 'passphrase', dataDir: dir, passphrase: PASSPHRASE });
    await made.import({ text: key.pkcs8Pem });
    const vault = await openVault({ mode: 'passphrase', dataDir: dir });
    expect(await vault.status()).toMatchObject({ state: 'locked' });
    const e = await rejection(vault.unlock('not it'));
    expect(e.code).toBe('wrong_passphrase');
    expect(e.message).toContain(join(dir, 'vault.json'));
    expect((await vault.status()).state).toBe('locked');
    expect((await vault.unlock(PASSPHRASE)).keyCount).toBe(1);
  });

  it('serialises concurrent changes: two imports at once both survive a reopen', async () => {
    const dir = dataDir();
    const vault = await openVault({ mode: 'passphrase', dataDir: dir, passphrase: PASSPHRASE });
    await Promise.all([vault.import({ text: key.pkcs8Pem }), vault.import({ text: testRsaKey(2048, 'other').pkcs8Pem })]);
    const reopened = await openVault({ mode: 'passphrase', dataDir: dir, passphrase: PASSPHRASE });
    expect((await reopened.list()).length).toBe(2);
  });

  it('picks up a key another process wrote before adding its own, instead of losing it', async () => {
    const dir = dataDir();
    const app = await openVault({ mode: 'passphrase', dataDir: dir, passphrase: PASSPHRASE });
    await app.import({ text: key.pkcs8Pem, label: 'from app' });
    const cli = await openVault({ mode: 'passphrase', dataDir: dir, passphrase: PASSPHRASE });
    await cli.import({ text: testRsaKey(2048, 'other').pkcs8Pem, label: 'from cli' });
    await app.generate({ bits: 2048, label: 'app again' });
    const reopened = await openVault({ mode: 'passphrase', dataDir: dir, passphrase: PASSPHRASE });
    expect((await reopened.list()).map((k) => k.label).sort()).toEqual(['app again', 'from app', 'from cli']);
  });
});

describe('a damaged vault file is reported and never written over', () => {
  const damages: Array<[string, (file: string) => void, RegExp]> = [
    ['not JSON', (f) => writeFileSync(f, '{"format": "upi-inspector-vault", "vers'), /it is not valid JSON/],
    ['someone else’s JSON', (f) => writeFileSync(f, '{"hello": "world"}'), /not a UPI Inspector key vault/],
    ['a newer version', (f) => writeFileSync(f, JSON.stringify({ format: 'upi-inspector-vault', version: 9, mode: 'passphrase', data: 'AA==' })), /version 9/],
    ['encrypted data that is not the cipher format', (f) => writeFileSync(f, JSON.stringify({ format: 'upi-inspector-vault', version: 1, mode: 'passphrase', data: Buffer.from('garbage').toString('base64') })), /not in the passphrase cipher format/],
  ];

  it.each(damages)('%s', async (_name, damage, detail) => {
    const dir = dataDir();
    const file = join(dir, 'vault.json');
    damage(file);
    const bytes = readFileSync(file);
    const mtime = statSync(file).mtimeMs;

    const vault = await openVault({ mode: 'passphrase', dataDir: dir, passphrase: PASSPHRASE });
    const status = await vault.status();
    expect(status.state).toBe('damaged');
    expect(status.message).toContain(file);
    expect(status.message).toMatch(detail);
    expect(status.message).toMatch(/nothing will be written over it/);

    for (const attempt of [
      () => vault.import({ text: key.pkcs8Pem }),
      () => vault.generate({ bits: 2048 }),
      () => vault.unlock(PASSPHRASE),
      () => vault.list(),
    ]) {
      const e = await rejection(attempt);
      expect(e.code).toBe('vault_damaged');
      expect(e.message).toContain(file);
    }
    expect(vault.publicKeys()).toEqual([]);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtime);
    expect(readdirSync(dir)).toEqual(['vault.json']);
  });

  it('a file the OS keychain cannot decrypt is damaged, not replaced', async () => {
    const dir = dataDir();
    const good = fakeSafeStorage();
    const made = await openVault({ mode: 'cipher', dataDir: dir, cipher: good });
    await made.import({ text: key.pkcs8Pem });
    const bytes = readFileSync(join(dir, 'vault.json'));
    const broken: VaultCipher = { mode: 'safeStorage', encrypt: good.encrypt, decrypt: async () => Promise.reject(new Error('keychain changed')) };
    const vault = await openVault({ mode: 'cipher', dataDir: dir, cipher: broken });
    expect(await vault.status()).toMatchObject({ state: 'damaged', mode: 'safeStorage' });
    expect((await rejection(vault.generate({ bits: 2048 }))).code).toBe('vault_damaged');
    expect(readFileSync(join(dir, 'vault.json')).equals(bytes)).toBe(true);
  });
});

/** Stands in for the Electron safeStorage adapter: any VaultCipher with mode safeStorage. */
function fakeSafeStorage(): VaultCipher {
  const inner = createPassphraseCipher('os keychain stand-in');
  return { mode: 'safeStorage', encrypt: (p) => inner.encrypt(p), decrypt: (d) => inner.decrypt(d) };
}

describe('cipher-mode vault (safeStorage)', () => {
  it('opens unlocked, persists through the cipher and reopens with the same keys', async () => {
    const dir = dataDir();
    const cipher = fakeSafeStorage();
    const vault = await openVault({ mode: 'cipher', dataDir: dir, cipher });
    expect(await vault.status()).toMatchObject({ state: 'unlocked', mode: 'safeStorage', isNew: true });
    const { warnings: _none, ...info } = await vault.import({ text: key.pkcs8Pem });
    const reopened = await openVault({ mode: 'cipher', dataDir: dir, cipher });
    expect(await reopened.list()).toEqual([info]);
  });

  it('a passphrase vault does not touch a safeStorage file: locked with a message, unlock refused', async () => {
    const dir = dataDir();
    await (await openVault({ mode: 'cipher', dataDir: dir, cipher: fakeSafeStorage() })).import({ text: key.pkcs8Pem });
    const bytes = readFileSync(join(dir, 'vault.json'));
    const vault = await openVault({ mode: 'passphrase', dataDir: dir, passphrase: PASSPHRASE });
    const status = await vault.status();
    expect(status.state).toBe('locked');
    expect(status.message).toMatch(/written with the OS keychain \(safeStorage/);
    expect((await rejection(vault.unlock(PASSPHRASE))).code).toBe('vault_mode_mismatch');
    expect((await rejection(vault.import({ text: key.spkiPem }))).code).toBe('vault_locked');
    expect(readFileSync(join(dir, 'vault.json')).equals(bytes)).toBe(true);
  });
});

describe('openVaultFromEnv and resolveDataDir', () => {
  it('uses UPI_INSPECTOR_HOME, else ~/.config/upi-inspector', () => {
    expect(resolveDataDir({ UPI_INSPECTOR_HOME: '/tmp/x' })).toBe('/tmp/x');
    expect(resolveDataDir({ HOME: '/home/support' })).toBe('/home/support/.config/upi-inspector');
    expect(resolveDataDir({})).toBe(join(homedir(), '.config', 'upi-inspector'));
  });

  it('unlocks with UPI_INSPECTOR_PASSPHRASE; a wrong one leaves it locked and says which variable', async () => {
    const dir = dataDir();
    const made = await openVaultFromEnv({ UPI_INSPECTOR_HOME: dir, UPI_INSPECTOR_PASSPHRASE: PASSPHRASE });
    await made.import({ text: key.pkcs8Pem });
    expect((await (await openVaultFromEnv({ UPI_INSPECTOR_HOME: dir, UPI_INSPECTOR_PASSPHRASE: PASSPHRASE })).status()).keyCount).toBe(1);
    const wrong = await openVaultFromEnv({ UPI_INSPECTOR_HOME: dir, UPI_INSPECTOR_PASSPHRASE: 'nope' });
    const status = await wrong.status();
    expect(status.state).toBe('locked');
    expect(status.message).toMatch(/UPI_INSPECTOR_PASSPHRASE does not open the key vault/);
  });

  it('asks the prompt when no passphrase is set, telling it whether the vault is new', async () => {
    const dir = dataDir();
    const asked: Array<{ path: string; isNew: boolean }> = [];
    const vault = await openVaultFromEnv({ UPI_INSPECTOR_HOME: dir }, { prompt: async (r) => (asked.push(r), PASSPHRASE) });
    expect(asked).toEqual([{ path: join(dir, 'vault.json'), isNew: true }]);
    expect((await vault.status()).state).toBe('unlocked');
  });
});

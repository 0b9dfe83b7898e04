import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixFor } from '../../../shared/errors';
import { privateJwkValues, testRsaKey } from '../__fixtures__/test-keys';
import { tempDirs } from '../__fixtures__/temp-dirs';
import { rejection } from '../__fixtures__/thrown';
import { createPassphraseCipher, type VaultCipher } from '../cipher';
import { signJws } from '../jws';
import { openVault } from './open';
import { resolveDataDir } from './store';
import type { Vault } from './vault';

const PASSPHRASE = 'vault passphrase for tests';
const key = testRsaKey();
const claims = { merchantId: 'M', merchantCustomerId: 'C', merchantChannelId: 'CH', timestamp: '1700000000000' };
const dataDir = tempDirs('upi-store-');

function signatureOf(vault: Vault, id: string): string {
  return signJws({ kid: 'k', alg: 'RS256' }, claims, vault.signingKey(id).privateKey).signature;
}

/** Stands in for the Electron safeStorage adapter: any VaultCipher with mode safeStorage. */
function fakeSafeStorage(): VaultCipher {
  const inner = createPassphraseCipher('os keychain stand-in');
  return { mode: 'safeStorage', encrypt: (p) => inner.encrypt(p), decrypt: (d) => inner.decrypt(d) };
}

describe('where the vault lives', () => {
  it('uses UPI_INSPECTOR_HOME, else ~/.config/upi-inspector', () => {
    expect(resolveDataDir({ UPI_INSPECTOR_HOME: '/tmp/x' })).toBe('/tmp/x');
    expect(resolveDataDir({ HOME: '/home/support' })).toBe('/home/support/.config/upi-inspector');
    expect(resolveDataDir({})).toBe(join(homedir(), '.config', 'upi-inspector'));
  });
});

describe('the vault file', () => {
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
    expect((await rejection(() => reopened.signingKey(pub.id))).code).toBe('public_only');
  });

  it('a cipher-mode vault (safeStorage) opens unlocked, persists through the cipher and reopens with the same keys', async () => {
    const dir = dataDir();
    const cipher = fakeSafeStorage();
    const vault = await openVault({ mode: 'cipher', dataDir: dir, cipher });
    expect(await vault.status()).toMatchObject({ state: 'unlocked', mode: 'safeStorage', isNew: true });
    const { warnings: _none, ...info } = await vault.import({ text: key.pkcs8Pem });
    const reopened = await openVault({ mode: 'cipher', dataDir: dir, cipher });
    expect(await reopened.list()).toEqual([info]);
  });
});

describe('a damaged vault file is reported and never written over', () => {
  const cipherData = (blob: object) => Buffer.from(JSON.stringify(blob)).toString('base64');
  const damages: Array<[string, (file: string) => void, RegExp]> = [
    ['not JSON', (f) => writeFileSync(f, '{"format": "upi-inspector-vault", "vers'), /it is not valid JSON/],
    ['someone else’s JSON', (f) => writeFileSync(f, '{"hello": "world"}'), /not a UPI Inspector key vault/],
    ['a newer version', (f) => writeFileSync(f, JSON.stringify({ format: 'upi-inspector-vault', version: 9, mode: 'passphrase', data: 'AA==' })), /version 9/],
    ['encrypted data that is not the cipher format', (f) => writeFileSync(f, JSON.stringify({ format: 'upi-inspector-vault', version: 1, mode: 'passphrase', data: Buffer.from('garbage').toString('base64') })), /: the encrypted vault data is not in the passphrase cipher format/],
    ['encrypted data from a newer cipher', (f) => writeFileSync(f, JSON.stringify({ format: 'upi-inspector-vault', version: 1, mode: 'passphrase', data: cipherData({ format: 'upi-inspector-passphrase-cipher', version: 2 }) })), /version 2/],
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
      expect(e.message).toMatch(detail);
      expect(fixFor(e, 'window')).toMatch(/[Mm]ove it aside .* to start a new vault, or restore it from a backup/);
    }
    expect(vault.publicKeys()).toEqual([]);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtime);
    expect(readdirSync(dir)).toEqual(['vault.json']);
  });

  it('a vault from a newer cipher says to use a newer UPI Inspector', async () => {
    const dir = dataDir();
    damages[4]![1](join(dir, 'vault.json'));
    const e = await rejection((await openVault({ mode: 'passphrase', dataDir: dir, passphrase: PASSPHRASE })).list());
    expect(e.fix).toMatch(/^Use a newer UPI Inspector\./);
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

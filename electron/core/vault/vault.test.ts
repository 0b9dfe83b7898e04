import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixFor } from '../../../shared/errors';
import { testRsaKey } from '../__fixtures__/test-keys';
import { tempDirs } from '../__fixtures__/temp-dirs';
import { rejection } from '../__fixtures__/thrown';
import { createPassphraseCipher, type VaultCipher } from '../cipher';
import { openVault } from './open';

const PASSPHRASE = 'vault passphrase for tests';
const key = testRsaKey();
const dataDir = tempDirs('upi-vault-');

/** Stands in for the Electron safeStorage adapter: any VaultCipher with mode safeStorage. */
function fakeSafeStorage(): VaultCipher {
  const inner = createPassphraseCipher('os keychain stand-in');
  return { mode: 'safeStorage', encrypt: (p) => inner.encrypt(p), decrypt: (d) => inner.decrypt(d) };
}

describe('locked and unlocked', () => {
  it('is locked and new until a passphrase is chosen, and writes nothing until a key is added', async () => {
    const dir = dataDir();
    const vault = await openVault({ mode: 'passphrase', dataDir: dir });
    const status = await vault.status();
    expect(status).toMatchObject({ state: 'locked', mode: 'passphrase', path: join(dir, 'vault.json'), keyCount: 0, isNew: true });
    expect(status.message).toContain(join(dir, 'vault.json'));
    const locked = await rejection(vault.list());
    expect([locked.code, locked.field, locked.message]).toEqual(['vault_locked', 'passphrase', `There is no key vault at ${join(dir, 'vault.json')} yet.`]);
    expect(fixFor(locked, 'window')).toMatch(/^Unlock the vault on the Keys screen/);
    expect((await vault.unlock(PASSPHRASE)).state).toBe('unlocked');
    expect(readdirSync(dir)).toEqual([]);
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

describe('a file written by another storage mode', () => {
  it('a passphrase vault does not touch a safeStorage file: locked with a message, every use refused with vault_mode_mismatch', async () => {
    const dir = dataDir();
    await (await openVault({ mode: 'cipher', dataDir: dir, cipher: fakeSafeStorage() })).import({ text: key.pkcs8Pem });
    const bytes = readFileSync(join(dir, 'vault.json'));
    const vault = await openVault({ mode: 'passphrase', dataDir: dir, passphrase: PASSPHRASE });
    const status = await vault.status();
    expect(status.state).toBe('locked');
    expect(status.message).toMatch(/written with the OS keychain \(safeStorage/);
    expect((await rejection(vault.unlock(PASSPHRASE))).code).toBe('vault_mode_mismatch');
    // Not vault_locked: no passphrase opens it, so the fix is where to open it instead.
    const refused = await rejection(vault.import({ text: key.spkiPem }));
    expect(refused.code).toBe('vault_mode_mismatch');
    expect(refused.fix).toMatch(/^Open it where it was made, or set UPI_INSPECTOR_HOME to another folder/);
    expect(readFileSync(join(dir, 'vault.json')).equals(bytes)).toBe(true);
  });
});

describe('importing a key file as bytes', () => {
  it('a DER key is stored as what it was, under its file name; a photo is refused and nothing is written', async () => {
    const dir = dataDir();
    const vault = await openVault({ mode: 'passphrase', dataDir: dir, passphrase: PASSPHRASE });
    const der = key.privateKey.export({ type: 'pkcs8', format: 'der' });
    const info = await vault.import({ bytes: der.toString('base64'), fileName: 'merchant-key.der' });
    expect([info.label, info.kind, info.source.format, info.source.fileName]).toEqual(['merchant-key', 'private', 'pkcs8-der', 'merchant-key.der']);
    expect(info.source.description).toBe('DER PKCS#8 private key, read directly (no conversion needed)');
    const photo = await rejection(vault.import({ bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0, 0]).toString('base64'), fileName: 'photo.jpg' }));
    expect([photo.code, photo.message]).toEqual(['binary_file', 'photo.jpg is a JPEG image, not a key.']);
    expect((await vault.list()).map((k) => k.label)).toEqual(['merchant-key']);
  });
});

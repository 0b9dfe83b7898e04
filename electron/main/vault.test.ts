import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFakeElectron } from '../test/fake-electron';
import { createSafeStorageCipher } from './safe-storage-cipher';
import { openDesktopVault } from './vault';

const dir = () => mkdtempSync(join(tmpdir(), 'upi-desktop-vault-'));

describe('the desktop vault', () => {
  it('encrypts with safeStorage when a real keyring backs it, and reopens with the same keys', async () => {
    const { module } = createFakeElectron();
    const dataDir = dir();
    const vault = await openDesktopVault(module.safeStorage as never, dataDir, {});
    expect(await vault.status()).toMatchObject({ state: 'unlocked', mode: 'safeStorage' });
    const key = await vault.generate({ bits: 2048, label: 'uat', kid: 'uat-kid' });
    const onDisk = readFileSync(join(dataDir, 'vault.json'), 'utf8');
    expect(onDisk).not.toContain('PRIVATE KEY');
    const reopened = await openDesktopVault(module.safeStorage as never, dataDir, {});
    expect((await reopened.list()).map((k) => k.thumbprint)).toEqual([key.thumbprint]);
  });

  it('never uses basic_text (a hard-coded key): falls back to a locked passphrase vault instead', async () => {
    const { module } = createFakeElectron();
    const basic = { ...module.safeStorage, getSelectedStorageBackend: () => 'basic_text' as const };
    expect(await createSafeStorageCipher(basic as never, 'linux')).toBeNull();
    const dataDir = dir();
    const vault = await openDesktopVault(basic as never, dataDir, {});
    expect(await vault.status()).toMatchObject({ state: 'locked', mode: 'passphrase' });
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('falls back to the passphrase when safeStorage is unavailable, unlocked by UPI_INSPECTOR_PASSPHRASE', async () => {
    const { module } = createFakeElectron();
    const none = { ...module.safeStorage, isAsyncEncryptionAvailable: async () => false };
    const vault = await openDesktopVault(none as never, dir(), { UPI_INSPECTOR_PASSPHRASE: 'pass phrase for tests' });
    expect(await vault.status()).toMatchObject({ state: 'unlocked', mode: 'passphrase' });
  });
});

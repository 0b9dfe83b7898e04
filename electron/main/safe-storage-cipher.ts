/**
 * The desktop vault's cipher: Electron's safeStorage (OS keychain), async API. On Linux, safeStorage
 * silently degrades to `basic_text` (a hard-coded key) when no keyring exists; that is no protection,
 * so it counts as unavailable and the vault falls back to a passphrase instead.
 */
import type { SafeStorage } from 'electron';
import type { VaultCipher } from '../core/cipher';

export type SafeStorageLike = Pick<
  SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
>;

export async function createSafeStorageCipher(safeStorage: SafeStorageLike, platform = process.platform): Promise<VaultCipher | null> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return null;
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    if (backend === 'basic_text' || backend === 'unknown') return null;
  }
  return {
    mode: 'safeStorage',
    // safeStorage encrypts strings; base64 carries the vault's bytes through it unchanged.
    encrypt: async (plain) => safeStorage.encryptStringAsync(plain.toString('base64')),
    decrypt: async (data) => Buffer.from((await safeStorage.decryptStringAsync(data)).result, 'base64'),
  };
}

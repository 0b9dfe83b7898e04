/**
 * The desktop app's vault, in Electron's userData: encrypted by the OS keychain through safeStorage, or,
 * where that is unavailable or only basic_text, by a passphrase the window asks for. Never plaintext.
 * The two modes use different files, so switching keyrings never makes one look damaged to the other.
 */
import { openVault } from '../core/vault/open';
import type { Vault } from '../core/vault/vault';
import { createSafeStorageCipher, type SafeStorageLike } from './safe-storage-cipher';

export async function openDesktopVault(safeStorage: SafeStorageLike, dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<Vault> {
  const cipher = await createSafeStorageCipher(safeStorage);
  if (cipher) return openVault({ mode: 'cipher', dataDir, cipher, fileName: 'vault.json' });
  return openVault({
    mode: 'passphrase',
    dataDir,
    fileName: 'vault-passphrase.json',
    passphrase: env.UPI_INSPECTOR_PASSPHRASE || undefined,
    passphraseSource: 'UPI_INSPECTOR_PASSPHRASE',
  });
}

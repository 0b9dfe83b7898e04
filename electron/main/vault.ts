// TEMPORARY until the key vault (issue 4) lands: the desktop app's vault, encrypted with safeStorage.
import type { SafeStorage } from 'electron';
import { Vault } from '../core/vault';

export async function openDesktopVault(_safeStorage: SafeStorage, _dataDir: string): Promise<Vault> {
  return new Vault();
}

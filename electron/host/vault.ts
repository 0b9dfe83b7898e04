/**
 * The browser host's vault: passphrase mode in $UPI_INSPECTOR_HOME. With UPI_INSPECTOR_PASSPHRASE set
 * it opens unlocked; otherwise it stays locked until the window's unlock form answers.
 */
import { openVaultFromEnv } from '../core/vault/open';
import type { Vault } from '../core/vault/vault';

export function openHostVault(env: NodeJS.ProcessEnv): Promise<Vault> {
  return openVaultFromEnv(env);
}

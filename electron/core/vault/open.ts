/** Opening a vault: which file, which cipher, and the passphrase from the environment or a prompt. */
import { join } from 'node:path';
import { InspectorError } from '../../../shared/result';
import { now as clockNow } from '../../../shared/clock';
import type { ScryptParams, VaultCipher } from '../cipher';
import { resolveDataDir, VAULT_FILE_NAME } from './store';
import { Vault } from './vault';

export const PASSPHRASE_ENV = 'UPI_INSPECTOR_PASSPHRASE';

export type OpenVaultOptions =
  | { mode: 'session'; now?: () => number }
  | {
      mode: 'passphrase';
      dataDir: string;
      /** Unlocks at open when given; otherwise the vault stays locked until `unlock`. */
      passphrase?: string;
      /** Where the passphrase came from, for messages (e.g. "UPI_INSPECTOR_PASSPHRASE"). */
      passphraseSource?: string;
      fileName?: string;
      scrypt?: ScryptParams;
      now?: () => number;
    }
  | { mode: 'cipher'; dataDir: string; cipher: VaultCipher; fileName?: string; now?: () => number };

export type PassphrasePrompt = (request: { path: string; isNew: boolean }) => Promise<string | undefined>;

/** Opens a vault; never throws for a damaged or locked file (that is the status), only for bad options. */
export async function openVault(options: OpenVaultOptions): Promise<Vault> {
  const now = options.now ?? clockNow;
  if (options.mode === 'session') return new Vault({ kind: 'session' }, now);
  const path = join(options.dataDir, options.fileName ?? VAULT_FILE_NAME);
  if (options.mode === 'cipher') {
    const vault = new Vault({ kind: 'file', path, mode: options.cipher.mode, cipher: options.cipher }, now);
    await vault.load();
    return vault;
  }
  const vault = new Vault({ kind: 'file', path, mode: 'passphrase', cipher: null, scrypt: options.scrypt }, now);
  await vault.load();
  if (options.passphrase && vault.state === 'locked' && !vault.modeMismatch) {
    try {
      await vault.unlock(options.passphrase);
    } catch (e) {
      // A damaged file is already the vault's status; a wrong or (for a new vault) weak passphrase is said here.
      if (!(e instanceof InspectorError) || (e.code !== 'wrong_passphrase' && e.code !== 'vault_damaged' && e.code !== 'weak_passphrase')) throw e;
      const source = options.passphraseSource ?? 'The passphrase given at start';
      if (e.code === 'wrong_passphrase') {
        vault.lockedReason = { message: `${source} does not open the key vault ${path}.`, fix: 'Unlock it with the right passphrase.' };
      }
      if (e.code === 'weak_passphrase') {
        const why = e.message.replace(/^[^:]*: /, '');
        vault.lockedReason = { message: `${source} is too weak to create the key vault ${path}: ${why}`, fix: e.fix ?? 'Choose a stronger passphrase.', code: 'weak_passphrase' };
      }
    }
  }
  return vault;
}

/**
 * The browser host's and the CLI's vault: passphrase mode in `resolveDataDir(env)`, unlocked with
 * UPI_INSPECTOR_PASSPHRASE when set, else by `prompt` (the CLI's no-echo terminal prompt) when given,
 * else locked until `unlock`.
 */
export async function openVaultFromEnv(
  env: Record<string, string | undefined> = process.env,
  options: { prompt?: PassphrasePrompt } = {},
): Promise<Vault> {
  const passphrase = env[PASSPHRASE_ENV] || undefined;
  const vault = await openVault({ mode: 'passphrase', dataDir: resolveDataDir(env), passphrase, passphraseSource: PASSPHRASE_ENV });
  if (!passphrase && options.prompt && vault.state === 'locked' && !vault.modeMismatch) {
    const status = await vault.status();
    const answer = await options.prompt({ path: status.path ?? '', isNew: status.isNew === true });
    if (answer) await vault.unlock(answer);
  }
  return vault;
}

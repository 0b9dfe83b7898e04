/**
 * The automation knobs for a CLI run: UPI_INSPECTOR_NOW and UPI_INSPECTOR_REQUEST_IDS pin the clock and
 * the request ids; UPI_INSPECTOR_SEED loads its keys and profiles into the data folder first (the vault
 * opens with UPI_INSPECTOR_PASSPHRASE; without it the keys wait and the profiles still load).
 */
import { applyAutomationEnv } from '../core/automation';
import { loadSeedFromEnv, SEED_ENV } from '../core/seed';
import { openVaultFromEnv } from '../core/vault/open';
import { resolveDataDir } from '../core/vault/store';
import { EXIT } from './errors';
import type { CliIo } from './io';

/** Null when the run may go on; an exit code after saying what is wrong. */
export async function prepareAutomation(io: CliIo): Promise<number | null> {
  try {
    applyAutomationEnv(io.env);
  } catch (e) {
    io.stderr(`error: ${(e as Error).message}\n`);
    return EXIT.usage;
  }
  if (!io.env[SEED_ENV]?.trim()) return null;
  const vault = await openVaultFromEnv(io.env);
  await loadSeedFromEnv(io.env, { vault, dataDir: resolveDataDir(io.env), now: () => io.now() }, (line) => io.stderr(`${line}\n`));
  return null;
}

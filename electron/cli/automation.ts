/**
 * The automation knobs for a CLI run: UPI_INSPECTOR_NOW and UPI_INSPECTOR_REQUEST_IDS pin the clock and
 * the request ids; UPI_INSPECTOR_SEED loads its keys and profiles into the data folder first (the vault
 * opens with UPI_INSPECTOR_PASSPHRASE; without it the keys wait and the profiles still load).
 */
import { applyAutomationEnv } from '../core/automation';
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
  if (!io.env.UPI_INSPECTOR_SEED?.trim()) return null;
  // Loaded only for a seeded run: a plain `sign` starts without the vault and core (bench: cli-sign).
  const [{ loadSeedFromEnv }, { openVaultFromEnv }, { resolveDataDir }] = await Promise.all([import('../core/seed'), import('../core/vault/open'), import('../core/vault/store')]);
  const vault = await openVaultFromEnv(io.env);
  await loadSeedFromEnv(io.env, { vault, dataDir: resolveDataDir(io.env), now: () => io.now() }, (line) => io.stderr(`${line}\n`));
  return null;
}

/**
 * What commands share: the io, the --json flag, file reading, and the vault (opened only by commands
 * that need it, so `sign --key-file` and `verify --public-key` work without one). The vault's and the
 * core's code load with them: a command that needs neither starts without it.
 */
import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { InspectorError } from '../../shared/result';
import type { Core } from '../core';
import { refuseDeepJson } from '../core/deep-json';
import type { PassphrasePrompt } from '../core/vault/open';
import type { Vault } from '../core/vault/vault';
import { usageError } from './errors';
import { askNewPassphrase } from './new-passphrase';
import type { CliIo } from './io';

export interface CliContext {
  io: CliIo;
  version: string;
  /** Reads a file argument, or stdin for "-". */
  readInput(path: string, what: string): Promise<string>;
  /** The unlocked vault, or an InspectorError saying how to unlock it. */
  vault(): Promise<Vault>;
  /** The core on the unlocked vault: commands that map to a channel go through its dispatch. */
  core(): Promise<Core>;
  /** Asks for a passphrase when a person is at the terminal; undefined otherwise. */
  askPassphrase(question: string): Promise<string | undefined>;
}

export function createContext(io: CliIo, version: string): CliContext {
  let vault: Promise<Vault> | undefined;
  let core: Promise<Core> | undefined;
  const context: CliContext = {
    io,
    version,
    async readInput(path, what) {
      // Requests, responses and keys may be JSON: nothing nested too deep reaches a reader (some recurse).
      if (path === '-') return refuseDeepJson(await io.readStdin(), `cannot read the ${what} from stdin`);
      const full = resolve(io.cwd, path);
      let text: string;
      try {
        text = await fs.readFile(full, 'utf8');
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (code ?? 'read error');
        throw usageError(`cannot read the ${what} ${full}: ${why}.`, { fix: 'Check the path (relative paths start at the current folder), or pass - to read stdin.' });
      }
      return refuseDeepJson(text, `cannot read the ${what} ${full}`);
    },
    vault() {
      vault ??= openCliVault(io);
      return vault;
    },
    core() {
      core ??= Promise.all([context.vault(), import('../core'), import('../core/vault/store')]).then(([v, { createCore }, { resolveDataDir }]) =>
        createCore({ host: 'browser', version, vault: v, dataDir: resolveDataDir(io.env), now: io.now }),
      );
      return core;
    },
    async askPassphrase(question) {
      return io.interactive ? io.promptHidden(question) : undefined;
    },
  };
  return context;
}

async function openCliVault(io: CliIo): Promise<Vault> {
  const prompt: PassphrasePrompt | undefined = io.interactive
    ? async ({ path, isNew }) => {
        if (!isNew) return io.promptHidden(`Passphrase for the key vault ${path}: `);
        return askNewPassphrase(io, `No key vault at ${path} yet. Choose a passphrase for it`);
      }
    : undefined;
  const { openVaultFromEnv, PASSPHRASE_ENV } = await import('../core/vault/open');
  const vault = await openVaultFromEnv(io.env, prompt ? { prompt } : {});
  const status = await vault.status();
  if (status.state === 'locked' && !vault.modeMismatch && !io.env[PASSPHRASE_ENV] && !io.interactive) {
    throw new InspectorError('vault_locked', `The key vault ${status.path} is locked and there is no terminal to ask for its passphrase.`);
  }
  // Damaged, locked by a wrong UPI_INSPECTOR_PASSPHRASE, or written by the desktop app: the vault's own error says which.
  await vault.list();
  return vault;
}

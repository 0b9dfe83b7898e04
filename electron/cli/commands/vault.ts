/** `vault status | change-passphrase`: the vault itself, on the terminal. */
import type { Command } from 'commander';
import { InspectorError } from '../../../shared/result';
import { createCore } from '../../core';
import { openVault, PASSPHRASE_ENV } from '../../core/vault/open';
import { resolveDataDir } from '../../core/vault/store';
import { EXIT, usageError } from '../errors';
import { askNewPassphrase } from '../new-passphrase';
import { json } from '../output';
import { unwrap, wantsJson, type RegisterCommand } from './shared';

/** The new passphrase where no one is at a terminal (scripts, CI). */
export const NEW_PASSPHRASE_ENV = 'UPI_INSPECTOR_NEW_PASSPHRASE';

export const registerVaultCommands: RegisterCommand = (program, { ctx, exit }) => {
  const vault = program.command('vault').description('the key vault itself: its state, and changing its passphrase');

  vault
    .command('status')
    .description('where the vault is, whether it opens, how many keys it holds')
    .action(async (_options: unknown, command: Command) => {
      const status = await (await ctx.vault()).status();
      ctx.io.stdout(wantsJson(command) ? json(status) : `${status.path ?? 'memory'}: ${status.state}, ${status.keyCount} key${status.keyCount === 1 ? '' : 's'}${status.message ? `\n${status.message}` : ''}\n`);
      exit(EXIT.ok);
    });

  vault
    .command('change-passphrase')
    .description(`re-encrypt the vault and its history under a new passphrase (asked twice; or ${PASSPHRASE_ENV} and ${NEW_PASSPHRASE_ENV})`)
    .action(async (_options: unknown, command: Command) => {
      const { io } = ctx;
      const dataDir = resolveDataDir(io.env);
      const opened = await openVault({ mode: 'passphrase', dataDir });
      const status = await opened.status();
      if (status.isNew) throw usageError(`There is no key vault at ${status.path} yet: there is no passphrase to change.`, { fix: 'Create it first: "upi-inspector keys generate" or "keys import" asks for its passphrase.' });
      const current = io.env[PASSPHRASE_ENV] || (io.interactive ? await io.promptHidden(`Current passphrase of the key vault ${status.path}: `) : undefined);
      if (!current) throw noTerminal(PASSPHRASE_ENV);
      // Checked before the new one is asked for: a typo is said at once.
      await opened.unlock(current);
      const next = io.env[NEW_PASSPHRASE_ENV] || (io.interactive ? await askNewPassphrase(io, 'New passphrase') : undefined);
      if (!next) throw noTerminal(NEW_PASSPHRASE_ENV);
      // Through the core, so the history sealed with the vault's cipher is re-sealed in the same step.
      const core = createCore({ host: 'browser', version: ctx.version, vault: opened, dataDir, now: io.now });
      try {
        const changed = unwrap(await core.dispatch('vault:changePassphrase', { current, next }));
        io.stdout(wantsJson(command) ? json(changed) : `Changed the passphrase of the key vault ${changed.path} (and of its history). Use the new one from now on.\n`);
      } finally {
        await core.close();
      }
      exit(EXIT.ok);
    });
};

function noTerminal(variable: string): InspectorError {
  return new InspectorError('no_terminal', `There is no terminal to ask for the passphrase on, and ${variable} is not set.`, { fix: `Run the command in a terminal, or set ${PASSPHRASE_ENV} (the current passphrase) and ${NEW_PASSPHRASE_ENV} (the new one).` });
}

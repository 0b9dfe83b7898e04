/** `keys list | import | generate | export-public | rename | delete`: the vault channels, on the terminal. */
import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { KEY_SIZES, type KeyInfoWithWarnings } from '../../../shared/keys';
import { EXIT } from '../errors';
import { json, keyLine, keyTable } from '../output';
import type { CliContext } from '../context';
import { callChannel, wantsJson, withKeyPassphrase, type RegisterCommand } from './shared';

/** Accepts a key id or a kid, as every `<key>` argument does. */
async function resolveKeyId(ctx: CliContext, ref: string): Promise<string> {
  return (await ctx.vault()).find(ref).id;
}

/**
 * Prints what import, generate and rename did. Warnings (a shared kid, a key too weak to sign) go to
 * stderr in text mode, so stdout stays the one key line; --json carries them in the value.
 */
function reportKey(ctx: CliContext, command: Command, verb: string, info: KeyInfoWithWarnings): void {
  if (wantsJson(command)) return ctx.io.stdout(json(info));
  ctx.io.stdout(`${verb} ${keyLine(info)}`);
  for (const w of info.warnings) ctx.io.stderr(`upi-inspector: warning: ${w.message} [${w.code}]\n  fix: ${w.fix}\n`);
}

export const registerKeysCommands: RegisterCommand = (program, { ctx, exit }) => {
  const keys = program
    .command('keys')
    .description(`manage the key vault (passphrase from UPI_INSPECTOR_PASSPHRASE, or asked at the terminal)`);

  keys
    .command('list')
    .description('list the keys in the vault (never their private parts)')
    .action(async (_options: unknown, command: Command) => {
      const list = await callChannel(ctx, 'keys:list', {});
      const vault = await ctx.vault();
      ctx.io.stdout(wantsJson(command) ? json(list) : list.length === 0 ? `No keys in the vault ${vault.path ?? ''}.\n` : keyTable(list));
      exit(EXIT.ok);
    });

  keys
    .command('import')
    .description('import a private or public RSA key: PKCS#8, PKCS#1, encrypted PKCS#8 PEM, JWK, SPKI PEM or X.509 certificate')
    .argument('<file>', 'key file, or - for stdin')
    .option('--label <label>', 'a name for the key')
    .option('--kid <kid>', 'the kid Juspay issued for this key')
    .action(async (file: string, options: { label?: string; kid?: string }, command: Command) => {
      const text = await ctx.readInput(file, 'key file');
      const fileName = file === '-' ? undefined : basename(file);
      const info = await withKeyPassphrase(ctx, file, (passphrase) =>
        callChannel(ctx, 'keys:import', { text, passphrase, label: options.label, kid: options.kid, fileName }),
      );
      reportKey(ctx, command, 'Imported', info);
      exit(EXIT.ok);
    });

  keys
    .command('generate')
    .description('generate an RSA key pair in the vault')
    .addOption(new Option('--bits <bits>', 'key size').choices(KEY_SIZES.map(String)).default('2048'))
    .option('--label <label>', 'a name for the key')
    .option('--kid <kid>', 'the kid Juspay issued for this key (can be set later with keys rename)')
    .action(async (options: { bits: string; label?: string; kid?: string }, command: Command) => {
      const info = await callChannel(ctx, 'keys:generate', { bits: Number(options.bits), label: options.label, kid: options.kid });
      reportKey(ctx, command, 'Generated', info);
      exit(EXIT.ok);
    });

  keys
    .command('export-public')
    .description('print a key’s public half: SPKI PEM (what Juspay asks for), or a JWK with --jwk')
    .argument('<key>', 'key id or kid')
    .option('--jwk', 'print the public JWK {kty, n, e, kid, alg, use} instead of PEM')
    .action(async (ref: string, options: { jwk?: boolean }, command: Command) => {
      const exported = await callChannel(ctx, 'keys:exportPublic', { id: await resolveKeyId(ctx, ref) });
      ctx.io.stdout(wantsJson(command) ? json(exported) : options.jwk ? json(exported.jwk) : exported.pem);
      exit(EXIT.ok);
    });

  keys
    .command('rename')
    .description('change a key’s label and/or kid')
    .argument('<key>', 'key id or kid')
    .option('--label <label>', 'new name')
    .option('--kid <kid>', 'new kid ("" clears it)')
    .action(async (ref: string, options: { label?: string; kid?: string }, command: Command) => {
      const info = await callChannel(ctx, 'keys:rename', { id: await resolveKeyId(ctx, ref), label: options.label, kid: options.kid });
      reportKey(ctx, command, 'Renamed', info);
      exit(EXIT.ok);
    });

  keys
    .command('delete')
    .description('delete a key from the vault')
    .argument('<key>', 'key id or kid')
    .action(async (ref: string, _options: unknown, command: Command) => {
      const deleted = await callChannel(ctx, 'keys:delete', { id: await resolveKeyId(ctx, ref) });
      ctx.io.stdout(wantsJson(command) ? json(deleted) : `Deleted key ${deleted.id}.\n`);
      exit(EXIT.ok);
    });
};

/** `profiles list | add | import | export | remove`: the profiles channels, on the terminal. */
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { ENVIRONMENTS, type Profile } from '../../../shared/profile';
import type { SavedProfile } from '../../../shared/profile-channels';
import { writeFileAtomic } from '../../core/atomic-file';
import { EXIT, usageError } from '../errors';
import { json } from '../output';
import { callWithoutVault, profileStore, warnDamaged } from '../profiles';
import type { CliContext } from '../context';
import { callChannel, wantsJson, type RegisterCommand } from './shared';

interface AddOptions {
  environment: string;
  merchantId: string;
  merchantChannelId: string;
  customerId?: string;
  signingKey?: string;
  registeredKey?: string;
  kid?: string;
  registeredBy?: string;
  registeredAt?: string;
}

/** One profile per line: name, environment, merchant, channel, signing kid and the kids Juspay holds. */
export function profileTable(profiles: Profile[]): string {
  const rows = [['NAME', 'ENVIRONMENT', 'MERCHANT', 'CHANNEL', 'CUSTOMER', 'SIGNS WITH', 'REGISTERED KIDS']].concat(
    profiles.map((p) => [p.name, p.environment, p.merchantId, p.merchantChannelId, p.merchantCustomerId || '-', p.signingKey?.kid ?? '-', p.registeredKeys.map((k) => k.kid).join(', ') || '-']),
  );
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).join('\n') + '\n';
}

function reportSaved(ctx: CliContext, command: Command, saved: SavedProfile): void {
  if (wantsJson(command)) return ctx.io.stdout(json(saved));
  const p = saved.profile;
  ctx.io.stdout(`Added profile "${p.name}" (${p.environment}): merchant ${p.merchantId}, channel ${p.merchantChannelId}${p.registeredKeys.map((k) => `, kid ${k.kid} → thumbprint ${k.thumbprint}`).join('')}\n`);
  for (const note of saved.notes) ctx.io.stderr(`upi-inspector: note: ${note}\n`);
}

export const registerProfilesCommands: RegisterCommand = (program, { ctx, exit }) => {
  const profiles = program.command('profiles').description('merchant profiles: which public key Juspay holds for each kid, per environment (no vault needed)');

  profiles
    .command('list')
    .description('list the profiles')
    .action(async (_options: unknown, command: Command) => {
      const store = profileStore(ctx);
      const listed = await store.list();
      warnDamaged(ctx, listed.damaged);
      ctx.io.stdout(wantsJson(command) ? json(listed) : listed.profiles.length === 0 ? `No profiles in ${store.path}.\n` : profileTable(listed.profiles));
      exit(EXIT.ok);
    });

  profiles
    .command('add')
    .description('add a profile; --registered-key with --kid records the public key Juspay holds for that kid')
    .argument('<name>', 'e.g. "Acme UAT"')
    .addOption(new Option('--environment <environment>', 'sandbox or production').choices([...ENVIRONMENTS]).makeOptionMandatory())
    .requiredOption('--merchant-id <id>', 'merchantId issued by Juspay')
    .requiredOption('--merchant-channel-id <id>', 'merchantChannelId issued by Juspay')
    .option('--customer-id <id>', 'default merchantCustomerId for signing')
    .option('--signing-key <key>', 'the vault key this profile signs with (id or kid)')
    .option('--registered-key <file>', 'the public key registered with Juspay (PEM, JWK or certificate; a private key keeps only its public half)')
    .option('--kid <kid>', 'the kid the registered key is registered under')
    .option('--registered-by <who>', 'who registered it (free text)')
    .option('--registered-at <when>', 'when it was registered (free text)')
    .action(async (name: string, options: AddOptions, command: Command) => {
      if (Boolean(options.registeredKey) !== Boolean(options.kid)) {
        throw usageError('--registered-key and --kid go together.', { fix: 'Give the public key file with --registered-key and its kid with --kid.' });
      }
      const registeredKeys = options.registeredKey
        ? [{ kid: options.kid, text: await ctx.readInput(options.registeredKey, 'registered key file'), registeredBy: options.registeredBy, registeredAt: options.registeredAt }]
        : [];
      const input = {
        name,
        environment: options.environment,
        merchantId: options.merchantId,
        merchantChannelId: options.merchantChannelId,
        merchantCustomerId: options.customerId,
        registeredKeys,
      };
      // Only a signing key needs the vault: it is named by id or kid there.
      const saved = options.signingKey
        ? await callChannel(ctx, 'profiles:save', { ...input, signingKey: { keyId: (await ctx.vault()).find(options.signingKey).id } })
        : await callWithoutVault(ctx, 'profiles:save', input);
      reportSaved(ctx, command, saved);
      exit(EXIT.ok);
    });

  profiles
    .command('import')
    .description('import a profiles file whole, or refuse it whole naming the field (private key material refuses it)')
    .argument('<file>', 'profiles file, or - for stdin')
    .option('--replace', 'overwrite stored profiles of the same name')
    .action(async (file: string, options: { replace?: boolean }, command: Command) => {
      const text = await ctx.readInput(file, 'profiles file');
      const result = await callWithoutVault(ctx, 'profiles:import', { text, replace: options.replace === true });
      ctx.io.stdout(
        wantsJson(command) ? json(result) : `Imported ${result.imported.length} profile(s): ${result.imported.map((p) => `"${p.name}"`).join(', ') || 'none'}${result.replaced.length ? ` (replacing ${result.replaced.length})` : ''}.\n`,
      );
      exit(EXIT.ok);
    });

  profiles
    .command('export')
    .description('export profiles as JSON (public keys by kid and thumbprint, no private material), to a file or stdout')
    .argument('[file]', 'where to write it (default: stdout)')
    .option('--name <name...>', 'only these profiles')
    .action(async (file: string | undefined, options: { name?: string[] }, command: Command) => {
      const store = profileStore(ctx);
      const ids = options.name ? await Promise.all(options.name.map(async (n) => (await store.byName(n)).id)) : undefined;
      const exported = await callWithoutVault(ctx, 'profiles:export', ids ? { ids } : {});
      if (file === undefined || file === '-') {
        ctx.io.stdout(exported.text);
      } else {
        const path = resolve(ctx.io.cwd, file);
        await writeFileAtomic(path, exported.text);
        ctx.io.stdout(wantsJson(command) ? json({ file: path, count: exported.count }) : `Exported ${exported.count} profile(s) to ${path}.\n`);
      }
      exit(EXIT.ok);
    });

  profiles
    .command('remove')
    .description('remove a profile')
    .argument('<name>', 'the profile’s name')
    .action(async (name: string, _options: unknown, command: Command) => {
      const profile = await profileStore(ctx).byName(name);
      await callWithoutVault(ctx, 'profiles:delete', { id: profile.id });
      ctx.io.stdout(wantsJson(command) ? json({ id: profile.id, name: profile.name }) : `Removed profile "${profile.name}".\n`);
      exit(EXIT.ok);
    });
};

/** `sign`: builds and signs a upiGetSessionToken envelope with a vault key or a key file; `--batch` signs one per line of a file. */
import { basename } from 'node:path';
import type { Command } from 'commander';
import { ACTION, readEnvelopeFields, SERVICE, type EnvelopeFields } from '../../../shared/envelope-rules';
import { InspectorError } from '../../../shared/result';
import { looseKeyInfo } from '../../core/keys/export';
import { readPrivateKey } from '../../core/keys/read';
import { signEnvelope, signingKid, type SigningKey } from '../../core/signer';
import type { CliContext } from '../context';
import { EXIT, usageError } from '../errors';
import { json } from '../output';
import { wantsJson, withKeyPassphrase, type RegisterCommand } from './shared';

export interface SignOptions {
  merchantId?: string;
  merchantCustomerId?: string;
  merchantChannelId?: string;
  kid?: string;
  key?: string;
  keyFile?: string;
  timestamp?: string;
  requestId?: string;
  service: string;
  action: string;
  compact?: boolean;
  profile?: string;
  allowMismatch?: boolean;
  batch?: string;
}

export const OPTION_OF: Record<string, string> = {
  requestId: '--request-id',
  service: '--service',
  action: '--action',
  merchantId: '--merchant-id',
  merchantCustomerId: '--merchant-customer-id',
  merchantChannelId: '--merchant-channel-id',
  timestamp: '--timestamp',
};

export const registerSignCommand: RegisterCommand = (program, { ctx, exit }) => {
  program
    .command('sign')
    .description('sign a upiGetSessionToken request and print the envelope JSON')
    .option('--merchant-id <id>', 'merchantId issued by Juspay (default: the profile’s)')
    .option('--merchant-customer-id <id>', 'the merchant’s profile id for the customer (default: the profile’s)')
    .option('--merchant-channel-id <id>', 'merchantChannelId issued by Juspay (default: the profile’s)')
    .option('--kid <kid>', 'header kid (default: the key’s kid)')
    .option('--key <key>', 'vault key id or kid')
    .option('--key-file <file>', 'private key file (PEM or JWK); no vault needed')
    .option('--timestamp <ms>', 'epoch milliseconds to pin (default: now)')
    .option('--request-id <uuid>', 'uuid v4 to pin (default: a fresh one)')
    .option('--service <service>', 'envelope service', SERVICE)
    .option('--action <action>', 'payload action', ACTION)
    .option('--compact', 'print the envelope on one line')
    .option('--profile <name>', 'sign for this profile: its merchant fields and signing key, refused when the key or kid is not the profile’s')
    .option('--allow-mismatch', 'with --profile: sign even with a key or kid the profile does not hold (for negative tests)')
    .option('--batch <file>', 'sign one envelope per line of a JSON Lines file (- for stdin), each line an object of request fields; the options above are defaults for every line')
    .action(async (options: SignOptions, command: Command) => {
      // The profile's code (and zod with it) loads only when a profile is asked for.
      const profiles = options.profile === undefined ? undefined : await profileTools();
      const signing = profiles ? await profiles.profileNamed(ctx, options.profile!) : undefined;
      const merged = signing ? profiles!.withProfileFields(options, signing.profile) : options;
      if (options.batch === undefined) requireTriplet(merged);
      else if (options.requestId !== undefined) throw usageError('--request-id cannot be used with --batch: every envelope needs its own.', { fix: 'Leave it out (each line gets a fresh uuid v4), or put a requestId in the lines.' });
      if (options.key && options.keyFile) throw usageError('sign takes exactly one key.', { fix: 'Give either --key <vault id or kid> or --key-file <file>.' });
      if (!options.key && !options.keyFile && !signing) throw usageError('sign takes exactly one key.', { fix: 'Give either --key <vault id or kid> or --key-file <file>.' });
      const fields = options.batch === undefined ? parseFields(merged, ctx) : undefined;
      const key = options.keyFile ? await keyFromFile(ctx, options.keyFile) : options.key ? await keyFromVault(ctx, options.key) : await profiles!.profileSigningKey(ctx, signing!.profile);
      if (signing) profiles!.guardProfile(ctx, signing, key, options);
      const kidOption = options.kid === undefined ? {} : { kid: options.kid };
      if (fields === undefined) {
        const { signBatch } = await import('../sign-batch');
        const { failed } = await signBatch(ctx, options.batch!, key, signingKid(key, kidOption), batchDefaults(merged));
        exit(failed > 0 ? EXIT.usage : EXIT.ok);
        return;
      }
      const result = signEnvelope(fields, key, kidOption);
      ctx.io.stdout(wantsJson(command) ? json(result) : options.compact ? `${result.compact}\n` : `${result.json}\n`);
      exit(EXIT.ok);
    });
};

/** Finding a profile and its signing guard (sign-profile.ts). */
async function profileTools() {
  const [{ profileNamed }, guard] = await Promise.all([import('../profiles'), import('../sign-profile')]);
  return { profileNamed, ...guard };
}

/** What every line of a batch starts from: the options given (a profile's fields among them). */
function batchDefaults(options: SignOptions): Partial<EnvelopeFields> {
  const defaults: Partial<EnvelopeFields> = { service: options.service, action: options.action };
  for (const name of ['merchantId', 'merchantCustomerId', 'merchantChannelId', 'timestamp'] as const) if (options[name] !== undefined) defaults[name] = options[name];
  return defaults;
}

/** Without a profile, the three claims are required options, as commander words it. */
function requireTriplet(options: SignOptions): void {
  for (const [flag, value] of [['--merchant-id', options.merchantId], ['--merchant-customer-id', options.merchantCustomerId], ['--merchant-channel-id', options.merchantChannelId]] as const) {
    if (value === undefined) throw usageError(`required option '${flag} <id>' not specified.`, { fix: `Pass ${flag}, or --profile <name> to take it from a profile.` });
  }
}

export function parseFields(options: SignOptions, ctx: CliContext): EnvelopeFields {
  const read = readEnvelopeFields({
    requestId: options.requestId ?? ctx.io.randomUUID(),
    service: options.service,
    action: options.action,
    merchantId: options.merchantId,
    merchantCustomerId: options.merchantCustomerId,
    merchantChannelId: options.merchantChannelId,
    timestamp: options.timestamp ?? String(ctx.io.now()),
  });
  if (read.ok) return read.fields;
  const option = OPTION_OF[read.field];
  throw new InspectorError('invalid_input', read.message, { fix: option ? `Fix ${option} and run the command again.` : undefined, field: read.field });
}

async function keyFromFile(ctx: CliContext, file: string): Promise<SigningKey> {
  const text = await ctx.readInput(file, 'key file');
  const read = await withKeyPassphrase(ctx, file, async (passphrase) => readPrivateKey(text, passphrase === undefined ? {} : { passphrase }));
  const name = file === '-' ? 'stdin' : basename(file);
  const info = await looseKeyInfo(read, { id: 'key-file', label: name, ...(file === '-' ? {} : { fileName: name }) });
  return { info, privateKey: read.privateKey };
}

async function keyFromVault(ctx: CliContext, ref: string): Promise<SigningKey> {
  const vault = await ctx.vault();
  return vault.signingKey(vault.find(ref).id);
}

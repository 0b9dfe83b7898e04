/** `sign`: builds and signs a upiGetSessionToken envelope with a vault key or a key file. */
import { basename } from 'node:path';
import type { Command } from 'commander';
import { inputError } from '../../../shared/contract';
import { ACTION, envelopeFieldsSchema, SERVICE, type EnvelopeFields } from '../../../shared/envelope';
import { InspectorError } from '../../../shared/result';
import { looseKeyInfo } from '../../core/keys/export';
import { readPrivateKey } from '../../core/keys/read';
import { signEnvelope, type SigningKey } from '../../core/signer';
import type { CliContext } from '../context';
import { EXIT, usageError } from '../errors';
import { json } from '../output';
import { profileNamed } from '../profiles';
import { guardProfile, profileSigningKey, withProfileFields } from '../sign-profile';
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
    .action(async (options: SignOptions, command: Command) => {
      const signing = options.profile === undefined ? undefined : await profileNamed(ctx, options.profile);
      const merged = signing ? withProfileFields(options, signing.profile) : options;
      requireTriplet(merged);
      if (options.key && options.keyFile) throw usageError('sign takes exactly one key.', { fix: 'Give either --key <vault id or kid> or --key-file <file>.' });
      if (!options.key && !options.keyFile && !signing) throw usageError('sign takes exactly one key.', { fix: 'Give either --key <vault id or kid> or --key-file <file>.' });
      const fields = parseFields(merged, ctx);
      const key = options.keyFile ? await keyFromFile(ctx, options.keyFile) : options.key ? await keyFromVault(ctx, options.key) : await profileSigningKey(ctx, signing!.profile);
      if (signing) guardProfile(ctx, signing, key, options);
      const result = signEnvelope(fields, key, options.kid === undefined ? {} : { kid: options.kid });
      ctx.io.stdout(wantsJson(command) ? json(result) : options.compact ? `${result.compact}\n` : `${result.json}\n`);
      exit(EXIT.ok);
    });
};

/** Without a profile, the three claims are required options, as commander words it. */
function requireTriplet(options: SignOptions): void {
  for (const [flag, value] of [['--merchant-id', options.merchantId], ['--merchant-customer-id', options.merchantCustomerId], ['--merchant-channel-id', options.merchantChannelId]] as const) {
    if (value === undefined) throw usageError(`required option '${flag} <id>' not specified.`, { fix: `Pass ${flag}, or --profile <name> to take it from a profile.` });
  }
}

export function parseFields(options: SignOptions, ctx: CliContext): EnvelopeFields {
  const parsed = envelopeFieldsSchema.safeParse({
    requestId: options.requestId ?? ctx.io.randomUUID(),
    service: options.service,
    action: options.action,
    merchantId: options.merchantId,
    merchantCustomerId: options.merchantCustomerId,
    merchantChannelId: options.merchantChannelId,
    timestamp: options.timestamp ?? String(ctx.io.now()),
  });
  if (parsed.success) return parsed.data;
  const error = inputError(parsed.error);
  const option = error.field ? OPTION_OF[error.field] : undefined;
  throw new InspectorError('invalid_input', error.message, { fix: option ? `Fix ${option} and run the command again.` : error.fix, field: error.field });
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

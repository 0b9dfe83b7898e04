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
import { wantsJson, withKeyPassphrase, type RegisterCommand } from './shared';

interface SignOptions {
  merchantId: string;
  merchantCustomerId: string;
  merchantChannelId: string;
  kid?: string;
  key?: string;
  keyFile?: string;
  timestamp?: string;
  requestId?: string;
  service: string;
  action: string;
  compact?: boolean;
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
    .requiredOption('--merchant-id <id>', 'merchantId issued by Juspay')
    .requiredOption('--merchant-customer-id <id>', 'the merchant’s profile id for the customer')
    .requiredOption('--merchant-channel-id <id>', 'merchantChannelId issued by Juspay')
    .option('--kid <kid>', 'header kid (default: the key’s kid)')
    .option('--key <key>', 'vault key id or kid')
    .option('--key-file <file>', 'private key file (PEM or JWK); no vault needed')
    .option('--timestamp <ms>', 'epoch milliseconds to pin (default: now)')
    .option('--request-id <uuid>', 'uuid v4 to pin (default: a fresh one)')
    .option('--service <service>', 'envelope service', SERVICE)
    .option('--action <action>', 'payload action', ACTION)
    .option('--compact', 'print the envelope on one line')
    .action(async (options: SignOptions, command: Command) => {
      if (Boolean(options.key) === Boolean(options.keyFile)) {
        throw usageError('sign takes exactly one key.', { fix: 'Give either --key <vault id or kid> or --key-file <file>.' });
      }
      const fields = parseFields(options, ctx);
      const key = options.keyFile ? await keyFromFile(ctx, options.keyFile) : await keyFromVault(ctx, options.key!);
      const result = signEnvelope(fields, key, options.kid === undefined ? {} : { kid: options.kid });
      ctx.io.stdout(wantsJson(command) ? json(result) : options.compact ? `${result.compact}\n` : `${result.json}\n`);
      exit(EXIT.ok);
    });
};

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

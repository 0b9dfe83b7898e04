/** `verify`: checks a request's signature against a public key file or the vault's keys. */
import type { Command } from 'commander';
import { InspectorError } from '../../../shared/result';
import { pastedCandidate, readSignedSegments, vaultCandidates, verifyEnvelope, type VerifyCandidate } from '../../core/verifier';
import { EXIT } from '../errors';
import { json, verifyReport } from '../output';
import type { CliContext } from '../context';
import { wantsJson, type RegisterCommand } from './shared';

export const registerVerifyCommand: RegisterCommand = (program, { ctx, exit }) => {
  program
    .command('verify')
    .description('verify a request: envelope, payload, {protected, signaturePayload, signature} or compact JWS. Exit 0 valid, 1 invalid, 2 bad input')
    .argument('<file>', 'the request, or - for stdin')
    .option('--public-key <file>', 'public key (or private key, or certificate) to verify with, instead of the vault')
    .action(async (file: string, options: { publicKey?: string }, command: Command) => {
      const text = await ctx.readInput(file, 'request');
      // Parse first: a request with nothing to verify is bad input whatever the keys.
      readSignedSegments(text);
      const candidates = options.publicKey ? [await publicKeyCandidate(ctx, options.publicKey)] : await vaultKeyCandidates(ctx);
      const result = verifyEnvelope(text, candidates);
      if (result.tried.length === 0) {
        throw new InspectorError('no_keys', `${result.reason ?? 'No key to verify with.'} Or pass --public-key <file>.`);
      }
      ctx.io.stdout(wantsJson(command) ? json(result) : verifyReport(result));
      exit(result.valid ? EXIT.ok : EXIT.invalid);
    });
};

async function publicKeyCandidate(ctx: CliContext, file: string): Promise<VerifyCandidate> {
  const text = await ctx.readInput(file, 'public key file');
  const candidate = await pastedCandidate(text, 'publicKey');
  return { ...candidate, label: `${file} (${candidate.label.replace(/^Pasted key \((.*)\)$/, '$1')})` };
}

async function vaultKeyCandidates(ctx: CliContext): Promise<VerifyCandidate[]> {
  try {
    return vaultCandidates((await ctx.vault()).publicKeys());
  } catch (e) {
    if (e instanceof InspectorError && (e.code === 'vault_locked' || e.code === 'vault_damaged')) {
      throw new InspectorError(e.code, `${e.message} Or verify without the vault: --public-key <file>.`, e.field);
    }
    throw e;
  }
}

/**
 * `verify`: checks a request's signature against a public key file or the vault's keys, and prints the
 * same findings the Inspect screen shows. Exit 0 valid with no error finding, 1 invalid or any error
 * finding, 2 bad usage or input.
 */
import type { Command } from 'commander';
import { InspectorError } from '../../../shared/result';
import { inspectWithKeys, withBits } from '../../core/inspect';
import { pastedCandidate, readSignedSegments, vaultCandidates, type VerifyCandidate } from '../../core/verifier';
import { EXIT } from '../errors';
import { findingsReport, hasErrors, json, verifyReport } from '../output';
import type { CliContext } from '../context';
import { wantsJson, type RegisterCommand } from './shared';

export const registerVerifyCommand: RegisterCommand = (program, { ctx, exit }) => {
  program
    .command('verify')
    .description('verify a request: envelope, payload, {protected, signaturePayload, signature} or compact JWS. Exit 0 valid, 1 invalid, 2 bad input')
    .argument('<file>', 'the request, or - for stdin')
    .option('--public-key <file>', 'public key (or private key, or certificate) to verify with, instead of the vault')
    .option('--now <ms>', 'reference time for the timestamp checks, epoch ms (default: now)')
    .action(async (file: string, options: { publicKey?: string; now?: string }, command: Command) => {
      const now = referenceTime(options.now, ctx.io.now());
      const text = await ctx.readInput(file, 'request');
      // Parse first: a request with nothing to verify is bad input whatever the keys.
      readSignedSegments(text);
      const candidates = options.publicKey ? [await publicKeyCandidate(ctx, options.publicKey)] : await vaultKeyCandidates(ctx);
      if (candidates.length === 0) {
        throw new InspectorError('no_keys', 'No public key to verify with: the vault has no keys. Or pass --public-key <file>.');
      }
      const vaultKids = options.publicKey ? [] : candidates.map((c) => c.kid).filter((kid) => kid !== '');
      const inspection = inspectWithKeys(text, candidates.map(withBits), { now, ...(vaultKids.length > 0 ? { vaultKids } : {}) });
      const result = inspection.verify!;
      ctx.io.stdout(
        wantsJson(command) ? json({ ...result, findings: inspection.findings }) : `${verifyReport(result)}\n${findingsReport(inspection.findings)}`,
      );
      exit(result.valid && !hasErrors(inspection.findings) ? EXIT.ok : EXIT.invalid);
    });
};

/** `--now` as epoch ms, or the clock. */
export function referenceTime(raw: string | undefined, clock: number): number {
  if (raw === undefined) return clock;
  if (!/^\d{10,16}$/.test(raw)) {
    throw new InspectorError('invalid_usage', `--now takes epoch milliseconds (13 digits, e.g. 1668389349848), not "${raw}".`, 'now');
  }
  return Number(raw);
}

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

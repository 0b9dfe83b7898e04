/**
 * `verify`: the verdict on a request — the same object the Inspect screen and the `inspect:request`
 * channel show for the same text and keys — checked against a public key file or the vault's keys.
 * Exit 0 valid with no error finding, 1 invalid or any error finding, 2 unreadable input or bad usage.
 */
import type { Command } from 'commander';
import { verdictExitCode } from '../../../shared/verdict';
import { givenKeyCandidate, vaultCandidates, type KeySet } from '../../core/candidates';
import { inspectRecording } from '../../core/history/recordings';
import { caseRequestOf, verifyCaseRequest } from '../../core/cases/verify';
import { verifyRequestText } from '../../core/inspect';
import { caseLine, caseOf } from '../case-input';
import type { CliContext } from '../context';
import { usageError } from '../errors';
import { json, verdictReport } from '../output';
import { chosenProfileScope } from '../profiles';
import { cliHistory, SAVE_OPTION_HELP, saveRun } from './history';
import { wantsJson, type RegisterCommand } from './shared';

export const registerVerifyCommand: RegisterCommand = (program, { ctx, exit }) => {
  program
    .command('verify')
    .description(
      'verify a request: an envelope, its payload, the three segments (JSON, three lines or name=value pairs), a compact JWS, a log line holding any of them. Exit 0 valid, 1 invalid, 2 unreadable input',
    )
    .argument('<file>', 'the request, a case file (.upicase.json: its request, judged at the time it was exported), or - for stdin')
    .option('--public-key <file>', 'public key (or private key, or certificate) to verify with, instead of the vault')
    .option('--now <ms>', 'reference time for the timestamp checks, epoch ms (default: now)')
    .option('--profile <name>', 'answer with this profile: its registered keys are tried, and the verdict says whether Juspay holds the key that signed')
    .option('--save', SAVE_OPTION_HELP)
    .action(async (file: string, options: { publicKey?: string; now?: string; profile?: string; save?: boolean }, command: Command) => {
      const now = referenceTime(options.now, ctx.io.now());
      const input = await ctx.readInput(file, 'request');
      const caseFile = caseOf(input, file);
      const text = caseFile ? caseRequestOf(caseFile, `The case file ${file}`).text : input;
      // Opened first, so a history that cannot be saved to stops the run before anything is printed.
      const history = options.save ? await cliHistory(ctx) : null;
      const scope = options.profile === undefined ? undefined : await chosenProfileScope(ctx, options.profile);
      const keyText = options.publicKey ? await ctx.readInput(options.publicKey, 'public key file') : undefined;
      const keys = options.publicKey ? await fileKeySet(keyText!, options.publicKey) : await vaultKeySet(ctx);
      const caseNow = options.now === undefined ? undefined : now;
      const verdict = caseFile ? verifyCaseRequest(caseFile, keys, caseNow, scope, `The case file ${file}`) : verifyRequestText(text, keys, now, scope);
      const referenceMs = caseFile ? (caseNow ?? caseFile.request!.referenceMs) : now;
      if (history) await saveRun(ctx, history, inspectRecording({ text, publicKey: keyText, referenceMs }, verdict, {}, 'cli'), wantsJson(command));
      ctx.io.stdout(wantsJson(command) ? json(verdict) : `${verdictReport(verdict)}${caseFile ? caseLine(caseFile, file) : ''}`);
      exit(verdictExitCode(verdict));
    });
};

/** `--now` as epoch ms, or the clock. */
export function referenceTime(raw: string | undefined, clock: number): number {
  if (raw === undefined) return clock;
  if (!/^\d{10,16}$/.test(raw)) {
    throw usageError(`--now takes epoch milliseconds (13 digits, e.g. 1668389349848), not "${raw}".`, {
      fix: 'Pass --now as epoch milliseconds, or leave it out to check against the clock.',
      field: 'now',
    });
  }
  return Number(raw);
}

export async function fileKeySet(text: string, file: string): Promise<KeySet> {
  return { candidates: [await givenKeyCandidate(text, 'file', file)] };
}

export async function vaultKeySet(ctx: CliContext): Promise<KeySet> {
  const candidates = vaultCandidates(await ctx.vault());
  const kids = candidates.map((c) => c.kid).filter((kid) => kid !== '');
  return kids.length > 0 ? { candidates, vaultKids: kids } : { candidates };
}

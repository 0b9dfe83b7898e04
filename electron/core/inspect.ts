/**
 * Inspect, main-side half: the one reader finds the request, the one evidence builder verifies each
 * candidate key once, and the shared diagnostics turn both into the verdict. The `inspect:request` and
 * `envelope:verify` channels and the CLI's `verify` all come through `verifyRequestText`.
 */
import type { ResponseInspection } from '../../shared/contract';
import { inspectResponseText } from '../../shared/diagnostics';
import { inspectRequestText } from '../../shared/diagnostics/request';
import { readRequest } from '../../shared/request';
import type { Verdict } from '../../shared/verdict';
import { windowKeySet, type KeySet } from './candidates';
import { buildEvidence } from './evidence';
import type { Vault } from './vault/vault';

/** The verdict on a pasted request, given the keys to try and the reference time (epoch ms). */
export function verifyRequestText(text: string, keys: KeySet, now: number): Verdict {
  const decoded = readRequest(text);
  const evidence = buildEvidence(decoded, keys);
  return inspectRequestText(text, { now, decoded, signature: evidence, ...(keys.vaultKids ? { vaultKids: keys.vaultKids } : {}) });
}

/** The window's verdict: the vault's keys plus a pasted public key. */
export async function inspectRequest(input: { text: string; publicKey?: string | undefined; now?: number | undefined }, vault: Vault, now: number): Promise<Verdict> {
  return verifyRequestText(input.text, await windowKeySet(vault, input.publicKey), input.now ?? now);
}

export function inspectResponse(input: { text: string; requestId?: string | undefined }): ResponseInspection {
  return inspectResponseText(input.text, input.requestId === undefined ? {} : { requestId: input.requestId });
}

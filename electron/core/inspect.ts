/**
 * Inspect, main-side half: the one reader finds the request, the one evidence builder verifies each
 * candidate key once, and the shared diagnostics turn both into the verdict. The `inspect:request` and
 * `envelope:verify` channels and the CLI's `verify` all come through `verifyRequestText`.
 */
import type { ResponseInspection } from '../../shared/contract';
import { inspectResponseText } from '../../shared/diagnostics';
import { REDACTED_NOT_CHECKED, type RedactionFacts } from '../../shared/diagnostics/case';
import { inspectRequestText } from '../../shared/diagnostics/request';
import { readRequest, type DecodedRequest } from '../../shared/request';
import { InspectorError } from '../../shared/result';
import type { Verdict } from '../../shared/verdict';
import { windowKeySet, type KeySet } from './candidates';
import { buildEvidence } from './evidence';
import type { ProfileStore } from './profiles';
import { profileFacts, resolveProfile, withProfileKeys, type ProfileScope } from './profiles/verdict';
import type { Vault } from './vault/vault';

/**
 * The verdict on a pasted request, given the keys to try, the reference time (epoch ms) and the profiles
 * to answer with. A request from a fully redacted case (`redaction`) is not verified: its segments are
 * not what was signed, and the verdict says so (`case.redacted`). `decoded` is readRequest(text) when the
 * caller has it already.
 */
export function verifyRequestText(
  text: string,
  keys: KeySet,
  now: number,
  profiles?: ProfileScope,
  redaction?: RedactionFacts,
  decoded: DecodedRequest = readRequest(text),
): Verdict {
  const chosen = profiles ? resolveProfile(profiles, decoded) : undefined;
  const evidence = redaction ? { keysTried: [], notCheckedReason: REDACTED_NOT_CHECKED } : buildEvidence(decoded, chosen ? withProfileKeys(keys, chosen.profile) : keys);
  const verdict = inspectRequestText(text, {
    now,
    decoded,
    signature: evidence,
    ...(redaction ? { redaction } : {}),
    ...(keys.vaultKids ? { vaultKids: keys.vaultKids } : {}),
    ...(chosen ? { profile: profileFacts(chosen.profile, profiles!.all) } : {}),
  });
  return chosen ? { ...verdict, profile: chosen.verdict } : verdict;
}

/** Which profile a window call asks for: one by id, or whichever the request matches. */
export type ProfileRequest = 'auto' | { id: string };

/** The window's verdict: the vault's keys plus a pasted public key, answering with the requested profile. */
export async function inspectRequest(
  input: { text: string; publicKey?: string | undefined; now?: number | undefined; profile?: ProfileRequest | undefined; redaction?: RedactionFacts | undefined },
  vault: Vault,
  now: number,
  store?: ProfileStore,
): Promise<Verdict> {
  const scope = input.profile && store ? await profileScope(store, input.profile) : undefined;
  return verifyRequestText(input.text, await windowKeySet(vault, input.publicKey), input.now ?? now, scope, input.redaction);
}

async function profileScope(store: ProfileStore, request: ProfileRequest): Promise<ProfileScope | undefined> {
  if (request === 'auto') {
    // Picking is a convenience: profiles that cannot be read (profiles_damaged) must not stop an inspection.
    const all = await store.all().catch(() => undefined);
    return all && { choice: { mode: 'auto' }, all };
  }
  const all = await store.all();
  const profile = all.find((p) => p.id === request.id);
  if (!profile) throw new InspectorError('profile_not_found', `There is no profile with id ${request.id}: it may have been removed.`, { field: 'profile.id' });
  return { choice: { mode: 'chosen', profile }, all };
}

export function inspectResponse(input: { text: string; requestId?: string | undefined }): ResponseInspection {
  return inspectResponseText(input.text, input.requestId === undefined ? {} : { requestId: input.requestId });
}

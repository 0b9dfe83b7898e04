/**
 * A profile in the verdict: which one answers (chosen, or picked from the request's merchantId, channel
 * and kid), its registered keys joining the candidates, and the facts the shared findings read.
 */
import { isRecord } from '../../../shared/guards';
import type { ProfileFacts } from '../../../shared/diagnostics/profile';
import { profileIdentity, type Profile } from '../../../shared/profile';
import { matchProfile, type RequestIdentity } from '../../../shared/profile-match';
import { findKey, type DecodedRequest } from '../../../shared/request';
import type { VerdictProfile } from '../../../shared/verdict';
import type { KeySet } from '../candidates';
import { profileCandidates } from './registered';

/** Which profile the verdict answers with: a given one, or whichever the request matches. */
export type ProfileChoice = { mode: 'auto' } | { mode: 'chosen'; profile: Profile };

export interface ProfileScope {
  choice: ProfileChoice;
  /** Every stored profile: for the automatic pick, and to say where else a kid is registered. */
  all: readonly Profile[];
}

export interface ResolvedProfile {
  profile: Profile;
  verdict: VerdictProfile;
}

/** What the request says about itself, read as leniently as the findings read it. */
export function requestIdentity(decoded: DecodedRequest): RequestIdentity {
  const text = (obj: unknown, name: string): string | undefined => {
    if (!isRecord(obj)) return undefined;
    const value = findKey(obj, name)?.value;
    return typeof value === 'string' ? value : undefined;
  };
  return {
    kid: text(decoded.header?.json, 'kid'),
    merchantId: text(decoded.claims?.json, 'merchantId'),
    merchantChannelId: text(decoded.claims?.json, 'merchantChannelId'),
  };
}

export function resolveProfile(scope: ProfileScope, decoded: DecodedRequest): ResolvedProfile | undefined {
  const describe = (p: Profile): VerdictProfile => ({ id: p.id, name: p.name, environment: p.environment, picked: 'chosen' });
  if (scope.choice.mode === 'chosen') return { profile: scope.choice.profile, verdict: describe(scope.choice.profile) };
  const match = matchProfile(scope.all, requestIdentity(decoded));
  if (!match) return undefined;
  return { profile: match.profile, verdict: { ...describe(match.profile), picked: 'auto', matchedOn: match.on } };
}

/** The facts the shared findings need: the profile's own, and which kids the other profiles register. */
export function profileFacts(profile: Profile, all: readonly Profile[]): ProfileFacts {
  return {
    ...profileIdentity(profile),
    elsewhere: all.filter((p) => p.id !== profile.id).flatMap((p) => p.registeredKeys.map((k) => ({ name: p.name, environment: p.environment, kid: k.kid }))),
  };
}

/**
 * The key set plus the profile's registered keys, each key once: a vault or pasted key with the same
 * thumbprint as a registered one is the same public key, tried once under the profile's name.
 */
export function withProfileKeys(keys: KeySet, profile: Profile): KeySet {
  const registered = profileCandidates(profile);
  const held = new Set(registered.map((c) => c.thumbprint));
  return { ...keys, candidates: [...registered, ...keys.candidates.filter((c) => !held.has(c.thumbprint))] };
}

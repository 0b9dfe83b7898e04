/**
 * What profiles decide, pure so every door decides alike: which profile a request belongs to (Inspect's
 * automatic pick), and whether a key may sign for a profile (the signing guard, checked on the main side).
 */
import { describeProfile, type Profile } from './profile';
import { list } from './words';

/** What a request says about itself. */
export interface RequestIdentity {
  merchantId?: string | undefined;
  merchantChannelId?: string | undefined;
  kid?: string | undefined;
}

export type MatchedOn = 'kid' | 'merchantId' | 'merchantChannelId';

export interface ProfileMatch {
  profile: Profile;
  on: MatchedOn[];
}

const WEIGHT: Record<MatchedOn, number> = { kid: 4, merchantId: 2, merchantChannelId: 1 };

/**
 * The profile a request belongs to: one that registers its kid, or one with its merchantId and
 * merchantChannelId. The best match wins; a tie (two profiles equally likely) picks none, so the
 * engineer chooses rather than the tool guessing.
 */
export function matchProfile(profiles: readonly Profile[], request: RequestIdentity): ProfileMatch | undefined {
  const scored = profiles.map((profile) => {
    const on: MatchedOn[] = [];
    if (request.kid && profile.registeredKeys.some((k) => k.kid === request.kid)) on.push('kid');
    if (request.merchantId !== undefined && profile.merchantId === request.merchantId) on.push('merchantId');
    if (request.merchantChannelId !== undefined && profile.merchantChannelId === request.merchantChannelId) on.push('merchantChannelId');
    return { profile, on, score: on.reduce((s, m) => s + WEIGHT[m], 0) };
  });
  const eligible = scored.filter((s) => s.score >= WEIGHT.merchantId + WEIGHT.merchantChannelId);
  const best = Math.max(0, ...eligible.map((s) => s.score));
  const top = eligible.filter((s) => s.score === best);
  return top.length === 1 ? { profile: top[0]!.profile, on: top[0]!.on } : undefined;
}

/** The profiles other than `profile` that register `kid`. */
export function profilesRegistering(profiles: readonly Profile[], kid: string, except?: Profile): Profile[] {
  return profiles.filter((p) => p.id !== except?.id && p.registeredKeys.some((k) => k.kid === kid));
}

export interface SigningKeyIdentity {
  label: string;
  /** The kid the header will carry. */
  kid: string;
  thumbprint: string;
}

/**
 * Why `key` must not sign for `profile`, naming both sides; undefined when it may. Refused: a key that
 * is another profile's signing key (and not this one's); a kid the profile does not register (when it
 * registers any); a kid it registers with another public key than this key's.
 */
export function signingRefusal(profile: Profile, profiles: readonly Profile[], key: SigningKeyIdentity): { message: string; fix: string } | undefined {
  const own = profile.signingKey?.thumbprint === key.thumbprint;
  const boundTo = own ? undefined : profiles.find((p) => p.id !== profile.id && p.signingKey?.thumbprint === key.thumbprint);
  if (boundTo) {
    return {
      message: `The key "${key.label}" (thumbprint ${key.thumbprint}) is the signing key of the profile ${describeProfile(boundTo)}, not of ${describeProfile(profile)}${
        profile.signingKey ? `, which signs with the key of thumbprint ${profile.signingKey.thumbprint}` : ''
      }.`,
      fix: `Sign with ${describeProfile(profile)}'s own key, or choose the profile ${boundTo.name}.`,
    };
  }
  if (profile.registeredKeys.length === 0) return undefined;
  const registered = profile.registeredKeys.find((k) => k.kid === key.kid);
  if (!registered) {
    const elsewhere = profilesRegistering(profiles, key.kid, profile);
    return {
      message: `The key "${key.label}" signs with kid "${key.kid}", which the profile ${describeProfile(profile)} does not register (it registers ${list(
        profile.registeredKeys.map((k) => `"${k.kid}"`),
      )})${elsewhere.length ? `; "${key.kid}" is registered in ${list(elsewhere.map(describeProfile))}` : ''}.`,
      fix: `Sign with a key registered for ${profile.name}, or choose the profile this key belongs to.`,
    };
  }
  if (registered.thumbprint !== key.thumbprint) {
    return {
      message: `Juspay holds thumbprint ${registered.thumbprint} for kid "${key.kid}" (${profile.name}); the key "${key.label}" has thumbprint ${key.thumbprint}, so Juspay would reject its signature.`,
      fix: `Sign with the private key whose public key has thumbprint ${registered.thumbprint}, or register the new public key with Juspay and update the profile.`,
    };
  }
  return undefined;
}

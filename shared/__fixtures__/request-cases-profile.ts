/**
 * Finding cases about the chosen profile's registered keys: which public key Juspay holds for the
 * header's kid, whether it signed, and where else the kid is registered. Real keys, real evidence.
 */
import type { ProfileFacts } from '../diagnostics/profile';
import type { RequestCase, RequestInput, RequestWorld } from './cases';
import { KID, OTHER_KID, PROFILE, evidenceFor, makeKey, type TestKey } from './requests';

export const ACME_UAT = 'Acme UAT';

/** A key as the main side lists a profile's registered key. */
export function asRegistered(key: TestKey, name = ACME_UAT): TestKey {
  return { ...key, keyId: `profile:${key.kid}`, label: `Juspay holds (${name})`, source: 'profile' };
}

/** The profile facts for Acme UAT registering `keys`, plus where else kids are registered. */
export function acmeUat(keys: readonly TestKey[], elsewhere: ProfileFacts['elsewhere'] = []): ProfileFacts {
  return { ...PROFILE, name: ACME_UAT, environment: 'sandbox', registeredKeys: keys.map((k) => ({ kid: k.kid, thumbprint: k.thumbprint })), elsewhere };
}

export async function profileFamilies(w: RequestWorld): Promise<Record<'profile', RequestCase[]>> {
  const held = await makeKey('held', KID);
  const sameKid = await makeKey('vault-3', KID);
  /** The base request (signed by w.key under KID), judged with `keys` tried and `profile` chosen. */
  const judged = async (keys: TestKey[], profile: ProfileFacts): Promise<RequestInput> => ({
    text: w.baseText,
    options: { ...w.baseOptions, profile, signature: await evidenceFor(w.baseText, keys) },
  });
  const registeredSigner = await judged([asRegistered(w.key), w.otherKey], acmeUat([w.key]));

  const profile: RequestCase[] = [
    {
      id: 'profile.registered-key-mismatch',
      name: 'Juspay holds another key; the signer is in the vault',
      raises: await judged([asRegistered(held), w.key, w.otherKey], acmeUat([held])),
      avoids: registeredSigner,
      mentions: ['Juspay holds thumbprint', held.thumbprint, w.key.thumbprint, KID, ACME_UAT],
    },
    {
      id: 'profile.registered-key-mismatch',
      name: 'Juspay holds another key; no known key verifies',
      raises: await judged([asRegistered(held), w.otherKey], acmeUat([held])),
      avoids: registeredSigner,
      mentions: [held.thumbprint, KID, 'no known key does', 'not the registered one'],
    },
    {
      id: 'profile.kid-unregistered',
      name: 'the profile registers other kids only',
      raises: await judged([asRegistered(w.otherKey), w.key], acmeUat([w.otherKey])),
      avoids: registeredSigner,
      mentions: [KID, OTHER_KID, ACME_UAT, 'not registered'],
    },
    {
      id: 'profile.kid-unregistered',
      name: 'the kid is registered in the production profile',
      raises: await judged([w.key], acmeUat([], [{ name: 'Acme PROD', environment: 'production', kid: KID }])),
      avoids: await judged([w.key], acmeUat([])),
      mentions: [KID, 'registered in Acme PROD (production)', 'other environment', 'registers no keys'],
    },
    {
      id: 'header.kid-shared',
      name: 'two keys under the kid, and the profile says which Juspay holds',
      raises: await judged([asRegistered(w.key), sameKid], acmeUat([w.key])),
      avoids: registeredSigner,
      mentions: [KID, `settles which one Juspay holds: thumbprint ${w.key.thumbprint}, the key that signed this request`, 'Nothing to fix in this request'],
    },
  ];
  return { profile };
}

/** The signing guard, main side: the window's sign and the CLI's `sign --profile` refuse alike. */
import { signingRefusal, type SigningKeyIdentity } from '../../../shared/profile-match';
import { InspectorError } from '../../../shared/result';
import type { ProfileStore } from './store';

/** Throws `profile_mismatch` naming the key and the profile when `key` must not sign for the profile. */
export async function assertMaySignFor(store: ProfileStore, profileId: string, key: SigningKeyIdentity): Promise<void> {
  const all = await store.all();
  const profile = all.find((p) => p.id === profileId);
  if (!profile) throw new InspectorError('profile_not_found', `There is no profile with id ${profileId}: it may have been removed.`, { field: 'profileId' });
  const refusal = signingRefusal(profile, all, key);
  if (refusal) throw new InspectorError('profile_mismatch', refusal.message, { fix: refusal.fix, field: 'keyId' });
}

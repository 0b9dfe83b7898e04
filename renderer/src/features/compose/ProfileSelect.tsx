import { useEffect } from 'react';
import { canSign, type KeyInfo } from '../../../../shared/keys';
import type { Profile } from '../../../../shared/profile';
import { useEnvelopeStore } from '../../stores/envelope';
import { useKeysStore } from '../../stores/keys';
import { findProfile, useProfilesStore } from '../../stores/profiles';
import { useScreenActive } from '../shell/screen';
import { shortThumbprint } from '../../lib/format';
import { Field } from '../../ui/Field';

/** The vault key a profile signs with, found by thumbprint (vault ids differ between machines). */
export function profileSigningKey(profile: Profile, keys: readonly KeyInfo[]): KeyInfo | undefined {
  const wanted = profile.signingKey;
  return wanted ? keys.find((k) => k.thumbprint === wanted.thumbprint && canSign(k)) : undefined;
}

/** Choosing a profile fills the claims it knows and its signing key; the main side then guards the signature. */
function chooseProfile(profile: Profile | undefined, keys: readonly KeyInfo[]): void {
  const store = useEnvelopeStore;
  if (!profile) {
    store.setState({ profileId: null });
  } else {
    const key = profileSigningKey(profile, keys);
    store.setState({
      profileId: profile.id,
      merchantId: profile.merchantId,
      merchantChannelId: profile.merchantChannelId,
      ...(profile.merchantCustomerId ? { merchantCustomerId: profile.merchantCustomerId } : {}),
      ...(key ? { keyId: key.id } : {}),
    });
  }
  store.getState().scheduleSign();
}

export function ProfileSelect() {
  const profileId = useEnvelopeStore((s) => s.profileId);
  const { profiles, loaded, refresh } = useProfilesStore();
  const keys = useKeysStore((s) => s.keys);
  const active = useScreenActive();
  useEffect(() => {
    if (active) void refresh();
  }, [active, refresh]);
  const chosen = findProfile(profiles, profileId);
  const missingKey = chosen?.signingKey && !profileSigningKey(chosen, keys) ? chosen.signingKey : undefined;
  let hint: string | undefined;
  if (loaded && profileId && !chosen) hint = 'The profile chosen before is no longer there: choose another, or none.';
  else if (missingKey) hint = `Its signing key (kid ${missingKey.kid}, thumbprint ${shortThumbprint(missingKey.thumbprint)}) is not in this vault: import it on the Keys screen.`;
  else if (chosen) hint = `Signing for ${chosen.name} (${chosen.environment}): a key bound to another profile, or a kid ${chosen.name} does not register, is refused.`;
  return (
    <Field label="Profile" hint={hint ? <span className={missingKey || (profileId && !chosen) ? 'field-warning' : undefined}>{hint}</span> : 'Choose a merchant profile to fill the claims and the signing key.'}>
      <select value={chosen ? chosen.id : ''} onChange={(e) => chooseProfile(findProfile(profiles, e.target.value), keys)}>
        <option value="">— none —</option>
        {profiles.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name} ({p.environment})
          </option>
        ))}
      </select>
    </Field>
  );
}

import { useEffect } from 'react';
import type { Verdict } from '../../../../shared/verdict';
import { useInspectStore } from '../../stores/inspect';
import { findProfile, useProfilesStore } from '../../stores/profiles';
import { useScreenActive } from '../shell/screen';
import { Field } from '../../ui/Field';

const MATCHED: Record<string, string> = { kid: 'kid', merchantId: 'merchantId', merchantChannelId: 'merchantChannelId' };

/** Which profile's facts the verdict answers with: picked from the request by default, or chosen here. */
export function ProfilePicker({ verdict }: { verdict: Verdict | null }) {
  const choice = useInspectStore((s) => s.profileChoice);
  const setChoice = useInspectStore((s) => s.setProfileChoice);
  const { profiles, loaded, refresh } = useProfilesStore();
  const active = useScreenActive();
  useEffect(() => {
    if (active) void refresh();
  }, [active, refresh]);
  // A profile chosen before and removed since (here, in another window or by the CLI): back to picking.
  useEffect(() => {
    if (loaded && choice !== 'auto' && choice !== 'none' && !findProfile(profiles, choice)) setChoice('auto');
  }, [loaded, choice, profiles, setChoice]);

  const used = verdict?.profile;
  let hint: string;
  if (used?.picked === 'auto') hint = `Picked ${used.name} (${used.environment}): the request's ${(used.matchedOn ?? []).map((m) => MATCHED[m]).join(', ')} match it.`;
  else if (used) hint = `Answering with ${used.name} (${used.environment}).`;
  else if (choice === 'auto') hint = profiles.length ? 'No profile matches this request’s kid, or its merchantId and merchantChannelId.' : 'No profiles yet: make one on the Profiles screen.';
  else hint = 'No profile: the verdict uses the vault’s keys and a pasted key only.';
  return (
    <Field label="Profile" hint={<span aria-label="Profile used">{hint}</span>}>
      <select value={choice} onChange={(e) => setChoice(e.target.value)}>
        <option value="auto">Automatic (from the request)</option>
        <option value="none">None</option>
        {profiles.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name} ({p.environment})
          </option>
        ))}
      </select>
    </Field>
  );
}

import { useEffect, useRef, useState } from 'react';
import type { Profile } from '../../../../shared/profile';
import { useProfilesStore } from '../../stores/profiles';
import { useKeysStore } from '../../stores/keys';
import { useScreenActive } from '../shell/screen';
import { ProfileForm } from './ProfileForm';
import { ProfileList } from './ProfileList';
import { ProfilesTransfer } from './ProfilesTransfer';
import './profiles.css';

/** Merchant profiles: list, create, edit, duplicate, delete, export and import. */
export function ProfilesScreen() {
  const refresh = useProfilesStore((s) => s.refresh);
  const refreshKeys = useKeysStore((s) => s.refresh);
  const active = useScreenActive();
  // The CLI or another window may have changed profiles or keys since this screen was last shown.
  useEffect(() => {
    if (!active) return;
    void refresh();
    void refreshKeys();
  }, [active, refresh, refreshKeys]);
  const [editing, setEditing] = useState<{ profile: Profile | null; seq: number } | null>(null);
  const opened = useRef(0);
  const open = (profile: Profile | null) => setEditing({ profile, seq: ++opened.current });
  return (
    <div className="keys-columns profiles-columns">
      <div className="stack">
        <ProfileList onEdit={open} onNew={() => open(null)} />
        <ProfilesTransfer />
      </div>
      {editing ? (
        <ProfileForm key={editing.seq} profile={editing.profile} onDone={() => setEditing(null)} />
      ) : (
        <section className="panel">
          <p className="muted">Choose a profile to edit, or make a new one. A profile records, per kid, the public key the merchant registered with Juspay: Inspect then says whether that key signed a request, and Compose refuses to sign with any other.</p>
        </section>
      )}
    </div>
  );
}

import { useState } from 'react';
import type { Profile } from '../../../../shared/profile';
import { useProfilesStore } from '../../stores/profiles';
import { useKeysStore } from '../../stores/keys';
import { useAppStore } from '../../stores/app';
import { errorText } from '../../lib/errorText';
import { shortThumbprint } from '../../lib/format';
import { Badge } from '../../ui/Badge';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { CopyButton } from '../../ui/CopyButton';
import { ErrorBanner } from '../../ui/ErrorBanner';

/** Every profile: its merchant fields, the key it signs with and the keys Juspay holds, with edit, duplicate and delete. */
export function ProfileList({ onEdit, onNew }: { onEdit(profile: Profile): void; onNew(): void }) {
  const { profiles, loaded, listError, damaged } = useProfilesStore();
  const [deleting, setDeleting] = useState<Profile | null>(null);
  return (
    <section className="panel" aria-labelledby="profile-list-title">
      <div className="panel-head">
        <h2 id="profile-list-title">Profiles</h2>
        {loaded && <span className="muted">{profiles.length}</span>}
        <div className="spacer" />
        <button type="button" className="primary small" onClick={onNew}>
          New profile
        </button>
      </div>
      {damaged && (
        <div role="alert" className="banner warn" aria-label="Profiles file damaged">
          The profiles file {damaged.file} was damaged ({damaged.reason}). It was moved to {damaged.movedTo}, not overwritten; the profiles start empty.
        </div>
      )}
      <ErrorBanner>{listError && `Could not list the profiles: ${errorText(listError)}`}</ErrorBanner>
      {loaded && !listError && profiles.length === 0 && (
        <p className="muted">No profiles yet. A profile keeps a merchant’s setup per environment, and which public key Juspay holds for each kid.</p>
      )}
      <ul className="key-list" aria-label="Profiles">
        {profiles.map((p) => (
          <ProfileCard key={p.id} profile={p} onEdit={() => onEdit(p)} onDelete={() => setDeleting(p)} />
        ))}
      </ul>
      <DeleteDialog profile={deleting} onClose={() => setDeleting(null)} />
    </section>
  );
}

function ProfileCard({ profile: p, onEdit, onDelete }: { profile: Profile; onEdit(): void; onDelete(): void }) {
  const keys = useKeysStore((s) => s.keys);
  const duplicate = useProfilesStore((s) => s.duplicate);
  const notify = useAppStore((s) => s.notify);
  const [error, setError] = useState<string | null>(null);
  const signer = p.signingKey && keys.find((k) => k.thumbprint === p.signingKey!.thumbprint && k.kind === 'private');
  const copy = async () => {
    setError(null);
    const result = await duplicate(p.id);
    if (!result.ok) return setError(errorText(result.error));
    notify(`Duplicated as “${result.value.profile.name}”.${result.value.notes.length ? ` ${result.value.notes.join(' ')}` : ''}`);
  };
  return (
    <li className="key-card" aria-label={`Profile ${p.name}`}>
      <div className="key-card-head">
        <strong className="key-name">{p.name}</strong>
        <Badge tone={p.environment === 'production' ? 'warn' : 'info'}>{p.environment}</Badge>
      </div>
      <dl className="kv key-facts">
        <dt>merchantId</dt>
        <dd>
          <code>{p.merchantId}</code>
        </dd>
        <dt>merchantChannelId</dt>
        <dd>
          <code>{p.merchantChannelId}</code>
        </dd>
        <dt>merchantCustomerId</dt>
        <dd>{p.merchantCustomerId ? <code>{p.merchantCustomerId}</code> : <span className="muted">(none)</span>}</dd>
        <dt>Signs with</dt>
        <dd>
          {p.signingKey ? (
            <>
              kid <code>{p.signingKey.kid}</code>, thumbprint <code title={p.signingKey.thumbprint}>{shortThumbprint(p.signingKey.thumbprint, 16)}</code>{' '}
              {signer ? <span className="muted">(“{signer.label || signer.kid}” in the vault)</span> : <Badge tone="warn">not in this vault</Badge>}
            </>
          ) : (
            <span className="muted">(no signing key)</span>
          )}
        </dd>
        <dt>Juspay holds</dt>
        <dd>
          {p.registeredKeys.length === 0 && <span className="muted">(no registered keys)</span>}
          <ul className="plain-list" aria-label={`Registered keys of ${p.name}`}>
            {p.registeredKeys.map((k) => (
              <li key={k.kid}>
                kid <code>{k.kid}</code> → thumbprint <code data-testid="registered-thumbprint">{k.thumbprint}</code>{' '}
                <CopyButton value={k.thumbprint} label={`Copy thumbprint registered for ${k.kid}`} />
                {(k.registeredAt || k.registeredBy) && (
                  <span className="muted">
                    {' '}
                    — registered{k.registeredAt ? ` ${k.registeredAt}` : ''}
                    {k.registeredBy ? ` by ${k.registeredBy}` : ''}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      <ErrorBanner>{error}</ErrorBanner>
      <div className="row">
        <button type="button" className="small" onClick={onEdit} aria-label={`Edit ${p.name}`}>
          Edit
        </button>
        <button type="button" className="small" onClick={() => void copy()} aria-label={`Duplicate ${p.name} for the other environment`}>
          Duplicate
        </button>
        <button type="button" className="small danger" onClick={onDelete} aria-label={`Delete ${p.name}`}>
          Delete
        </button>
      </div>
    </li>
  );
}

function DeleteDialog({ profile, onClose }: { profile: Profile | null; onClose(): void }) {
  const remove = useProfilesStore((s) => s.remove);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    if (!profile) return;
    setBusy(true);
    const result = await remove(profile.id);
    setBusy(false);
    if (!result.ok) return setError(errorText(result.error));
    setError(null);
    onClose();
  };
  return (
    <ConfirmDialog
      open={profile !== null}
      title={`Delete the profile “${profile?.name ?? ''}”?`}
      confirmLabel="Delete profile"
      danger
      busy={busy}
      error={error}
      onConfirm={() => void confirm()}
      onCancel={() => {
        setError(null);
        onClose();
      }}
    >
      <p>Its merchant fields and the record of which keys Juspay holds are removed. Keys in the vault are not touched.</p>
    </ConfirmDialog>
  );
}

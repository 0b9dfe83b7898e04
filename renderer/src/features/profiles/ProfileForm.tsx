import { useState, type FormEvent } from 'react';
import { ENVIRONMENTS, type Environment, type Profile } from '../../../../shared/profile';
import { useProfilesStore } from '../../stores/profiles';
import { usePrivateKeys } from '../../stores/keys';
import { errorText } from '../../lib/errorText';
import { shortThumbprint } from '../../lib/format';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field } from '../../ui/Field';
import { keyRowsInput, keyRowsOf, RegisteredKeysEditor, type KeyRow } from './RegisteredKeysEditor';

type TextField = 'name' | 'merchantId' | 'merchantChannelId' | 'merchantCustomerId';
/** The signing key: none, the stored reference (its key may not be in this vault), or a vault key by id. */
const KEEP = 'keep';

/** Create or edit a profile. `profile` null: a new one. */
export function ProfileForm({ profile, onDone }: { profile: Profile | null; onDone(saved: Profile | null): void }) {
  const save = useProfilesStore((s) => s.save);
  const privateKeys = usePrivateKeys();
  const [fields, setFields] = useState<Record<TextField, string>>({
    name: profile?.name ?? '',
    merchantId: profile?.merchantId ?? '',
    merchantChannelId: profile?.merchantChannelId ?? '',
    merchantCustomerId: profile?.merchantCustomerId ?? '',
  });
  const [environment, setEnvironment] = useState<Environment>(profile?.environment ?? 'sandbox');
  const held = profile?.signingKey;
  const heldInVault = held && privateKeys.find((k) => k.thumbprint === held.thumbprint);
  const [signing, setSigning] = useState<string>(heldInVault ? heldInVault.id : held ? KEEP : '');
  const [rows, setRows] = useState<KeyRow[]>(() => keyRowsOf(profile));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notes, setNotes] = useState<string[]>([]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setBanner(null);
    setNotes([]);
    const signingKey = signing === '' ? null : signing === KEEP && held ? { kid: held.kid, thumbprint: held.thumbprint } : { keyId: signing };
    const result = await save({
      ...(profile ? { id: profile.id } : {}),
      name: fields.name,
      environment,
      merchantId: fields.merchantId,
      merchantChannelId: fields.merchantChannelId,
      merchantCustomerId: fields.merchantCustomerId,
      signingKey,
      registeredKeys: keyRowsInput(rows),
    });
    setBusy(false);
    if (!result.ok) {
      const field = result.error.field;
      if (field) setErrors({ [field]: errorText(result.error) });
      // A field the form shows says it there; anything else above the buttons.
      if (!field || !isShown(field, rows.length)) setBanner(errorText(result.error));
      return;
    }
    setRows(keyRowsOf(result.value.profile));
    setNotes(result.value.notes);
    if (result.value.notes.length === 0) onDone(result.value.profile);
  };

  const text = (name: TextField, label: string, hint?: string) => (
    <Field label={label} error={errors[name]} hint={hint}>
      <input type="text" className={name === 'name' ? undefined : 'mono'} value={fields[name]} spellCheck={false} onChange={(e) => setFields({ ...fields, [name]: e.target.value })} />
    </Field>
  );

  return (
    <section className="panel" aria-labelledby="profile-form-title">
      <div className="panel-head">
        <h2 id="profile-form-title">{profile ? `Edit “${profile.name}”` : 'New profile'}</h2>
      </div>
      <form className="stack" onSubmit={submit} aria-label={profile ? `Edit profile ${profile.name}` : 'New profile'} noValidate>
        <div className="grid-fields">
          {text('name', 'Name', 'e.g. Acme UAT')}
          <Field label="Environment" error={errors.environment}>
            <select value={environment} onChange={(e) => setEnvironment(e.target.value as Environment)}>
              {ENVIRONMENTS.map((env) => (
                <option key={env} value={env}>
                  {env}
                </option>
              ))}
            </select>
          </Field>
        </div>
        {text('merchantId', 'merchantId')}
        {text('merchantChannelId', 'merchantChannelId')}
        {text('merchantCustomerId', 'Default merchantCustomerId', 'Filled into Compose when the profile is chosen.')}
        <Field label="Signing key" error={errors['signingKey.keyId']} hint="The vault key Compose signs with for this profile; stored by kid and thumbprint.">
          <select value={signing} onChange={(e) => setSigning(e.target.value)}>
            <option value="">— none —</option>
            {held && !heldInVault && (
              <option value={KEEP}>
                kid {held.kid}, thumbprint {shortThumbprint(held.thumbprint)} (not in this vault)
              </option>
            )}
            {privateKeys.map((k) => (
              <option key={k.id} value={k.id}>
                {k.label || k.kid} — {k.kid || 'no kid'} ({shortThumbprint(k.thumbprint)})
              </option>
            ))}
          </select>
        </Field>
        <RegisteredKeysEditor rows={rows} onChange={setRows} errors={errors} />
        <ErrorBanner>{banner}</ErrorBanner>
        {notes.length > 0 && (
          <div role="status" className="banner warn" aria-label="Saved, with notes">
            Saved. {notes.join(' ')}
          </div>
        )}
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save profile'}
          </button>
          <button type="button" onClick={() => onDone(null)} disabled={busy}>
            {notes.length > 0 ? 'Close' : 'Cancel'}
          </button>
        </div>
      </form>
    </section>
  );
}

function isShown(field: string, rowCount: number): boolean {
  if (['name', 'environment', 'merchantId', 'merchantChannelId', 'merchantCustomerId', 'signingKey.keyId'].includes(field)) return true;
  const m = /^registeredKeys\.(\d+)\.(kid|text|thumbprint|keyId|registeredAt|registeredBy)$/.exec(field);
  return m !== null && Number(m[1]) < rowCount;
}

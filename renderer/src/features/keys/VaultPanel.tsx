import { useState, type FormEvent } from 'react';
import { useKeysStore } from '../../stores/keys';
import { Badge } from '../../ui/Badge';
import { CopyButton } from '../../ui/CopyButton';
import { Field } from '../../ui/Field';
import { plural } from '../../lib/format';
import { errorText } from '../../lib/errorText';
import { VaultControls } from './VaultControls';
import { VAULT_PASSPHRASE_ID } from '../shell/targets';

const MODES = {
  safeStorage: 'Encrypted with the operating system’s keychain.',
  passphrase: 'Encrypted with your passphrase (scrypt + AES-256-GCM).',
  session: 'Kept in memory only: the keys are gone when the app exits.',
} as const;

/** Where the keys live, whether they can be used now, and the unlock form when they cannot. */
export function VaultPanel() {
  const vault = useKeysStore((s) => s.vault);
  const vaultError = useKeysStore((s) => s.vaultError);
  if (vaultError) {
    return (
      <div role="alert" className="banner error">
        <strong>The vault does not answer.</strong> {errorText(vaultError)}
      </div>
    );
  }
  if (!vault) return <p className="muted">Reading the vault…</p>;
  const tone = vault.state === 'unlocked' ? 'ok' : vault.state === 'damaged' ? 'error' : 'warn';
  return (
    <section className="panel vault-panel" aria-labelledby="vault-title">
      <div className="panel-head">
        <h2 id="vault-title">Vault</h2>
        <Badge tone={tone}>{vault.state}</Badge>
        <Badge title={MODES[vault.mode]}>{vault.mode}</Badge>
        {vault.state !== 'locked' && <span className="muted">{plural(vault.keyCount, 'key')}</span>}
        <span className="muted small-text">{MODES[vault.mode]}</span>
      </div>
      {vault.path && (
        <div className="row small-text">
          <span className="muted">File</span>
          <code className="path">{vault.path}</code>
          <CopyButton value={vault.path} label="Copy vault file path" />
        </div>
      )}
      {vault.message && <p className={vault.state === 'damaged' ? 'field-error' : 'muted'}>{vault.message}</p>}
      {vault.state === 'locked' && <UnlockForm isNew={vault.isNew === true} explained={!!vault.message} />}
      {vault.state === 'unlocked' && vault.mode === 'passphrase' && <VaultControls />}
    </section>
  );
}

function UnlockForm({ isNew, explained }: { isNew: boolean; explained: boolean }) {
  const unlock = useKeysStore((s) => s.unlock);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mismatch = isNew && confirm !== '' && confirm !== passphrase;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!passphrase) return setError('Type the vault passphrase.');
    if (isNew && confirm !== passphrase) return setError('The two passphrases differ.');
    setBusy(true);
    setError(null);
    const result = await unlock(passphrase);
    setBusy(false);
    if (result.ok) {
      setPassphrase('');
      setConfirm('');
    } else setError(errorText(result.error));
  };

  return (
    <form className="unlock-form stack" onSubmit={submit} aria-label="Unlock the vault">
      {isNew ? (
        <p className="muted">{explained ? '' : 'No vault file yet: choose a passphrase to create one. '}The passphrase cannot be recovered if forgotten.</p>
      ) : (
        !explained && <p className="muted">The vault is locked: type its passphrase to use its keys.</p>
      )}
      <div className="row align-end">
        <Field id={VAULT_PASSPHRASE_ID} label={isNew ? 'New vault passphrase' : 'Vault passphrase'} error={error} hint={isNew ? 'At least 12 characters, hard to guess: several uncommon words work well.' : undefined}>
          <input type="password" value={passphrase} autoComplete={isNew ? 'new-password' : 'current-password'} onChange={(e) => setPassphrase(e.target.value)} />
        </Field>
        {isNew && (
          <Field label="Repeat passphrase" error={mismatch ? 'The two passphrases differ.' : null}>
            <input type="password" value={confirm} autoComplete="new-password" onChange={(e) => setConfirm(e.target.value)} />
          </Field>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Unlocking…' : isNew ? 'Create vault' : 'Unlock'}
        </button>
      </div>
    </form>
  );
}

import { useEffect, useState, type FormEvent } from 'react';
import { useAppStore } from '../../stores/app';
import { useVaultStore } from '../../stores/vault';
import { Field } from '../../ui/Field';
import { errorText } from '../../lib/errorText';

const AUTO_LOCK_CHOICES: Array<{ minutes: number | null; label: string }> = [
  { minutes: 5, label: '5 minutes' },
  { minutes: 15, label: '15 minutes' },
  { minutes: 30, label: '30 minutes' },
  { minutes: 60, label: '1 hour' },
  { minutes: 240, label: '4 hours' },
  { minutes: null, label: 'Never' },
];

/** An unlocked passphrase vault: Lock now, when it locks by itself, and changing its passphrase. */
export function VaultControls() {
  const { settings, settingsError, loadSettings, setAutoLock, lock } = useVaultStore();
  const notify = useAppStore((s) => s.notify);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void loadSettings();
  }, [loadSettings]);
  const current = settings?.autoLockMinutes;
  const choices = current === undefined || AUTO_LOCK_CHOICES.some((c) => c.minutes === current) ? AUTO_LOCK_CHOICES : [...AUTO_LOCK_CHOICES, { minutes: current, label: `${current} minutes` }];

  return (
    <div className="stack vault-controls">
      <div className="row align-end">
        <button
          type="button"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            const result = await lock();
            setBusy(false);
            notify(result.ok ? 'Vault locked: its keys are out of memory.' : errorText(result.error), result.ok ? 'ok' : 'warn');
          }}
        >
          Lock now
        </button>
        <Field label="Lock by itself after" hint="Without any action in this window." error={settingsError && errorText(settingsError)}>
          <select value={current === undefined ? '' : String(current)} disabled={!settings} onChange={(e) => void setAutoLock(e.target.value === 'null' ? null : Number(e.target.value))}>
            {!settings && <option value="">…</option>}
            {choices.map((c) => (
              <option key={String(c.minutes)} value={String(c.minutes)}>
                {c.label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <ChangePassphrase />
    </div>
  );
}

function ChangePassphrase() {
  const changePassphrase = useVaultStore((s) => s.changePassphrase);
  const notify = useAppStore((s) => s.notify);
  const [open, setOpen] = useState(false);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ current?: string; next?: string; repeat?: string }>({});

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!current) return setErrors({ current: 'Type the passphrase the vault opens with now.' });
    if (!next) return setErrors({ next: 'Type the new passphrase.' });
    if (repeat !== next) return setErrors({ repeat: 'The two new passphrases differ.' });
    setBusy(true);
    setErrors({});
    const result = await changePassphrase(current, next);
    setBusy(false);
    if (!result.ok) {
      // The main side names the field: a wrong current passphrase, or a new one too weak (with the reason).
      setErrors(result.error.field === 'current' ? { current: errorText(result.error) } : { next: errorText(result.error) });
      return;
    }
    setCurrent('');
    setNext('');
    setRepeat('');
    setOpen(false);
    notify('Passphrase changed: the vault and its history are re-encrypted with the new one.');
  };

  return (
    <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Change passphrase…</summary>
      <form className="stack" onSubmit={submit} aria-label="Change the vault passphrase">
        <p className="muted">The vault and its history are re-encrypted with the new passphrase. It cannot be recovered if forgotten.</p>
        <Field label="Current passphrase" error={errors.current}>
          <input type="password" value={current} autoComplete="current-password" onChange={(e) => setCurrent(e.target.value)} />
        </Field>
        <Field label="New passphrase" error={errors.next} hint="At least 12 characters, hard to guess: several uncommon words work well.">
          <input type="password" value={next} autoComplete="new-password" onChange={(e) => setNext(e.target.value)} />
        </Field>
        <Field label="Repeat new passphrase" error={errors.repeat}>
          <input type="password" value={repeat} autoComplete="new-password" onChange={(e) => setRepeat(e.target.value)} />
        </Field>
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Re-encrypting…' : 'Change passphrase'}
          </button>
        </div>
      </form>
    </details>
  );
}

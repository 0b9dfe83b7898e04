import { useState, type FormEvent } from 'react';
import { KEY_SIZES, type KeySize } from '../../../../shared/keys';
import { useKeysStore } from '../../stores/keys';
import { Field } from '../../ui/Field';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { KeyWarnings, useKeyWarnings } from './KeyWarnings';
import { errorText } from '../../lib/errorText';

export function GenerateKey({ disabled }: { disabled: boolean }) {
  const generate = useKeysStore((s) => s.generate);
  const [bits, setBits] = useState<KeySize>(2048);
  const [label, setLabel] = useState('');
  const [kid, setKid] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<'bits' | 'label' | 'kid', string>>>({});
  const [banner, setBanner] = useState<string | null>(null);
  // What the last generate warned about (a kid another key carries): kept until the form is edited.
  const { warnings, show: showWarnings, clear: clearWarnings, edit } = useKeyWarnings();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setBanner(null);
    clearWarnings();
    const result = await generate({ bits, ...(label.trim() ? { label: label.trim() } : {}), ...(kid.trim() ? { kid: kid.trim() } : {}) });
    setBusy(false);
    if (result.ok) {
      setLabel('');
      setKid('');
      showWarnings(result.value.warnings);
      return;
    }
    const known = (['bits', 'label', 'kid'] as const).find((f) => f === result.error.field);
    if (known) setErrors({ [known]: errorText(result.error) });
    else setBanner(errorText(result.error));
  };

  return (
    <section className="panel" aria-labelledby="generate-title">
      <div className="panel-head">
        <h2 id="generate-title">Generate a key pair</h2>
        <span className="muted small-text">Juspay asks merchants for 2048-bit RSA</span>
      </div>
      <form className="stack" onSubmit={submit} aria-label="Generate a key pair" noValidate>
        <div className="grid-fields three">
          <Field label="Key size" error={errors.bits}>
            <select value={bits} onChange={(e) => edit(setBits)(Number(e.target.value) as KeySize)} disabled={disabled}>
              {KEY_SIZES.map((n) => (
                <option key={n} value={n}>
                  {n} bit{n === 2048 ? ' (Juspay’s size)' : ''}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Label" error={errors.label}>
            <input type="text" value={label} onChange={(e) => edit(setLabel)(e.target.value)} placeholder="e.g. test key" disabled={disabled} />
          </Field>
          <Field label="kid" error={errors.kid}>
            <input type="text" className="mono" value={kid} onChange={(e) => edit(setKid)(e.target.value)} placeholder="optional" spellCheck={false} disabled={disabled} />
          </Field>
        </div>
        <ErrorBanner>{banner}</ErrorBanner>
        <KeyWarnings warnings={warnings} label="Generate warnings" />
        <div className="row">
          <button type="submit" className="primary" disabled={busy || disabled}>
            {busy ? `Generating ${bits}-bit key…` : 'Generate key'}
          </button>
        </div>
      </form>
    </section>
  );
}

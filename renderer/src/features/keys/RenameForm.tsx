import { useState, type FormEvent } from 'react';
import type { KeyInfo, KeyWarning } from '../../../../shared/keys';
import { useKeysStore } from '../../stores/keys';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field } from '../../ui/Field';
import { errorText } from '../../lib/errorText';

/** Changes a key's label and kid; hands the vault's warnings (a kid another key carries) to the card. */
export function RenameForm({ keyInfo: k, onDone }: { keyInfo: KeyInfo; onDone(warnings: KeyWarning[]): void }) {
  const rename = useKeysStore((s) => s.rename);
  const [label, setLabel] = useState(k.label);
  const [kid, setKid] = useState(k.kid);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<'label' | 'kid', string>>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setBanner(null);
    const result = await rename({ id: k.id, label: label.trim(), kid: kid.trim() });
    setBusy(false);
    if (result.ok) return onDone(result.value.warnings);
    const field = (['label', 'kid'] as const).find((f) => f === result.error.field);
    if (field) setErrors({ [field]: errorText(result.error) });
    else setBanner(errorText(result.error));
  };
  return (
    <form className="stack rename" onSubmit={submit} aria-label={`Rename ${k.label || k.kid}`}>
      <div className="grid-fields">
        <Field label="New label" error={errors.label}>
          <input type="text" value={label} onChange={(e) => setLabel(e.target.value)} autoFocus />
        </Field>
        <Field label="New kid" error={errors.kid} hint={kid !== k.kid ? 'A new kid changes the protected header of every envelope signed with this key.' : undefined}>
          <input type="text" className="mono" value={kid} onChange={(e) => setKid(e.target.value)} spellCheck={false} />
        </Field>
      </div>
      <ErrorBanner>{banner}</ErrorBanner>
      <div className="row">
        <button type="submit" className="primary small" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="small" onClick={() => onDone([])} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

import { useEnvelopeStore } from '../../stores/envelope';
import { Field } from '../../ui/Field';

/** The switch into exact-bytes mode: QA builds the broken requests the inspector diagnoses. */
export function ExactBytesToggle() {
  const on = useEnvelopeStore((s) => s.exactBytes);
  const set = useEnvelopeStore((s) => s.setExactBytes);
  return (
    <div className="field">
      <label className="radio-line">
        <input type="checkbox" checked={on} onChange={(e) => set(e.target.checked)} />
        Exact bytes (negative tests)
      </label>
      <div className="field-hint">
        {on
          ? 'Every field is signed exactly as typed: spaces kept, any timestamp text, any kid in the header. Each field says what the inspector will find.'
          : 'Fields are checked and trimmed before signing. Turn this on to build a request that breaks the rules on purpose.'}
      </div>
    </div>
  );
}

/** Exact-bytes mode: the kid in the protected header, the signing key's own or any other text. */
export function HeaderKidField({ signerKid, warning }: { signerKid: string | undefined; warning: string | undefined }) {
  const kidOverride = useEnvelopeStore((s) => s.kidOverride);
  const setKidOverride = useEnvelopeStore((s) => s.setKidOverride);
  const overriding = kidOverride !== null;
  return (
    <div className="field header-kid">
      <label className="radio-line">
        <input type="checkbox" checked={overriding} onChange={(e) => setKidOverride(e.target.checked ? (signerKid ?? '') : null)} />
        Put another kid in the header (the signing key stays the same)
      </label>
      {overriding ? (
        <Field id="compose-kid" label="Header kid (signed exactly as typed)" warning={warning}>
          <input type="text" className="mono" value={kidOverride} spellCheck={false} autoComplete="off" onChange={(e) => setKidOverride(e.target.value)} />
        </Field>
      ) : (
        <div className="field-hint">
          Header kid: <code>{signerKid ?? '—'}</code> (the signing key's){warning && <span className="field-warning"> {warning}</span>}
        </div>
      )}
    </div>
  );
}

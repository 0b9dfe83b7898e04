import type { RegisteredKeyInput } from '../../../../shared/profile-channels';
import type { Profile } from '../../../../shared/profile';
import { useKeysStore } from '../../stores/keys';
import { guessKeyText, type KeyTextKind } from '../../lib/keyText';
import { shortThumbprint } from '../../lib/format';
import { DropZone } from '../../ui/DropZone';
import { Field } from '../../ui/Field';
import { FileButton } from '../../ui/FileButton';

/** One registered key being edited: one the profile already holds (by thumbprint), a pasted key, or a vault key. */
export interface KeyRow {
  rowId: number;
  kid: string;
  source: 'kept' | 'pasted' | 'vault';
  thumbprint: string;
  text: string;
  keyId: string;
  registeredAt: string;
  registeredBy: string;
}

let nextRow = 0;

const PRIVATE_KINDS: ReadonlySet<KeyTextKind> = new Set(['pkcs1-private', 'pkcs8-private', 'encrypted-pkcs8', 'legacy-encrypted-pkcs1', 'jwk-private']);

export function keyRowsOf(profile: Profile | null): KeyRow[] {
  return (profile?.registeredKeys ?? []).map((k) => ({ rowId: ++nextRow, kid: k.kid, source: 'kept', thumbprint: k.thumbprint, text: '', keyId: '', registeredAt: k.registeredAt, registeredBy: k.registeredBy }));
}

export function newKeyRow(): KeyRow {
  return { rowId: ++nextRow, kid: '', source: 'pasted', thumbprint: '', text: '', keyId: '', registeredAt: '', registeredBy: '' };
}

/** The rows as profiles:save takes them; the main side reads pasted text and keeps only a public key. */
export function keyRowsInput(rows: KeyRow[]): RegisteredKeyInput[] {
  return rows.map((r) => {
    const meta = { ...(r.kid.trim() ? { kid: r.kid.trim() } : {}), registeredAt: r.registeredAt, registeredBy: r.registeredBy };
    if (r.source === 'kept') return { ...meta, thumbprint: r.thumbprint };
    if (r.source === 'vault') return { ...meta, keyId: r.keyId };
    return { ...meta, text: r.text };
  });
}

interface Props {
  rows: KeyRow[];
  onChange(rows: KeyRow[]): void;
  /** Errors by field, as the main side names them: `registeredKeys.1.text`. */
  errors: Record<string, string>;
}

/** The keys Juspay holds, one per kid: paste a public key (PEM, JWK or certificate) or pick one from the vault. */
export function RegisteredKeysEditor({ rows, onChange, errors }: Props) {
  const keys = useKeysStore((s) => s.keys);
  const edit = (rowId: number, patch: Partial<KeyRow>) => onChange(rows.map((r) => (r.rowId === rowId ? { ...r, ...patch } : r)));
  return (
    <div className="stack" role="group" aria-label="Registered keys">
      <div className="part-head">
        <h3>Keys Juspay holds</h3>
        <button type="button" className="small" onClick={() => onChange([...rows, newKeyRow()])}>
          Add registered key
        </button>
      </div>
      {rows.length === 0 && <p className="muted">None yet: add the public key the merchant registered with Juspay for each kid.</p>}
      {rows.map((r, i) => {
        const n = i + 1;
        const fieldError = (name: string) => errors[`registeredKeys.${i}.${name}`];
        const guess = r.source === 'pasted' ? guessKeyText(r.text) : null;
        return (
          <fieldset key={r.rowId} className="claims" aria-label={`Registered key ${n}`}>
            <legend>Registered key {n}</legend>
            <Field label="kid" error={fieldError('kid')} hint={r.source === 'kept' ? undefined : 'As issued by Juspay; taken from a JWK or the vault key when left empty.'}>
              <input type="text" className="mono" value={r.kid} spellCheck={false} onChange={(e) => edit(r.rowId, { kid: e.target.value })} />
            </Field>
            {r.source === 'kept' ? (
              <div className="row">
                <span>
                  Thumbprint <code title={r.thumbprint}>{shortThumbprint(r.thumbprint, 24)}</code>
                </span>
                <button type="button" className="small" onClick={() => edit(r.rowId, { source: 'pasted' })} aria-label={`Replace the public key of registered key ${n}`}>
                  Replace key
                </button>
              </div>
            ) : (
              <>
                <Field label="Public key from">
                  <select value={r.source} onChange={(e) => edit(r.rowId, { source: e.target.value as KeyRow['source'] })}>
                    <option value="pasted">Pasted text (PEM, JWK or certificate)</option>
                    <option value="vault">A key in the vault</option>
                  </select>
                </Field>
                {r.source === 'pasted' ? (
                  <DropZone label={`Drop the public key of registered key ${n}`} onFile={(f) => void f.text().then((text) => edit(r.rowId, { text }))} onText={(text) => edit(r.rowId, { text })}>
                    <Field
                      label="Public key (PEM, JWK or certificate)"
                      error={fieldError('text') ?? fieldError('thumbprint')}
                      hint={guess && PRIVATE_KINDS.has(guess.kind) ? 'This is a private key: it is used once, to take its public half, and then forgotten — the profile keeps the public key only, and this window never stores what is pasted here.' : guess?.description}
                    >
                      <textarea className="key-text mono" rows={5} spellCheck={false} value={r.text} placeholder="-----BEGIN PUBLIC KEY-----" onChange={(e) => edit(r.rowId, { text: e.target.value })} />
                    </Field>
                  </DropZone>
                ) : (
                  <Field label="Vault key" error={fieldError('keyId')}>
                    <select value={r.keyId} onChange={(e) => edit(r.rowId, { keyId: e.target.value, kid: r.kid || (keys.find((k) => k.id === e.target.value)?.kid ?? '') })}>
                      <option value="">— choose a key —</option>
                      {keys.map((k) => (
                        <option key={k.id} value={k.id}>
                          {k.label || k.kid} — {k.kid || 'no kid'} ({shortThumbprint(k.thumbprint)})
                        </option>
                      ))}
                    </select>
                  </Field>
                )}
                {r.source === 'pasted' && <FileButton label={`Open key file for registered key ${n}…`} accept=".pem,.key,.json,.jwk,.txt,.crt,.cer" onFile={(f) => void f.text().then((text) => edit(r.rowId, { text }))} />}
              </>
            )}
            <div className="grid-fields">
              <Field label="Registered at (free text)" error={fieldError('registeredAt')}>
                <input type="text" value={r.registeredAt} placeholder="e.g. 2026-11-02, ticket 4411" onChange={(e) => edit(r.rowId, { registeredAt: e.target.value })} />
              </Field>
              <Field label="Registered by (free text)" error={fieldError('registeredBy')}>
                <input type="text" value={r.registeredBy} onChange={(e) => edit(r.rowId, { registeredBy: e.target.value })} />
              </Field>
            </div>
            <div className="row">
              <button type="button" className="small danger" onClick={() => onChange(rows.filter((x) => x.rowId !== r.rowId))} aria-label={`Remove registered key ${n}`}>
                Remove
              </button>
            </div>
          </fieldset>
        );
      })}
    </div>
  );
}

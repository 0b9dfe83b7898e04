import { useState, type FormEvent } from 'react';
import { useKeysStore } from '../../stores/keys';
import { guessKeyText } from '../../lib/keyText';
import { formatBytes } from '../../lib/format';
import { DropZone } from '../../ui/DropZone';
import { Field } from '../../ui/Field';
import { FileButton } from '../../ui/FileButton';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { KeyWarnings, useKeyWarnings } from './KeyWarnings';
import { errorText } from '../../lib/errorText';

const MAX_KEY_BYTES = 256 * 1024;
type ImportField = 'text' | 'passphrase' | 'label' | 'kid';

/**
 * Import a key from a file, a drop or a paste. The key text stays in this form's state only (never in a
 * store, never persisted) and is cleared as soon as the main side has it.
 */
export function ImportKey({ disabled }: { disabled: boolean }) {
  const importKey = useKeysStore((s) => s.importKey);
  const refresh = useKeysStore((s) => s.refresh);
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [label, setLabel] = useState('');
  const [kid, setKid] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [needsPassphrase, setNeedsPassphrase] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<ImportField, string>>>({});
  const [banner, setBanner] = useState<string | null>(null);
  // What the last import warned about (shared kid, weak key): kept until the form is edited again.
  const { warnings, show: showWarnings, clear: clearWarnings, edit } = useKeyWarnings();
  const guess = guessKeyText(text);

  const readFile = async (file: File) => {
    setErrors({});
    setBanner(null);
    clearWarnings();
    if (file.size > MAX_KEY_BYTES) {
      setErrors({ text: `${file.name} is ${formatBytes(file.size)}: a single RSA key is a few KB. Pick the key file itself.` });
      return;
    }
    try {
      setText(await file.text());
      setFileName(file.name);
      if (!label) setLabel(file.name.replace(/\.(pem|key|p8|json|jwk|txt)$/i, ''));
    } catch {
      setErrors({ text: `Could not read ${file.name}.` });
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return setErrors({ text: 'Paste a PEM or JWK, drop a key file here, or open one.' });
    setBusy(true);
    setErrors({});
    setBanner(null);
    clearWarnings();
    const result = await importKey({
      text,
      ...(passphrase ? { passphrase } : {}),
      ...(label.trim() ? { label: label.trim() } : {}),
      ...(kid.trim() ? { kid: kid.trim() } : {}),
      ...(fileName ? { fileName } : {}),
    });
    setBusy(false);
    if (result.ok) {
      setText('');
      setFileName(null);
      setLabel('');
      setKid('');
      setPassphrase('');
      setNeedsPassphrase(false);
      showWarnings(result.value.warnings);
      return;
    }
    const { code, field } = result.error;
    const message = errorText(result.error);
    if (code === 'vault_locked') {
      // The vault's passphrase, not the key's: say so above the form and let the vault panel ask for it.
      setBanner(message);
      void refresh();
      return;
    }
    if (code === 'passphrase_required' || code === 'wrong_passphrase' || field === 'passphrase') {
      setNeedsPassphrase(true);
      setErrors({ passphrase: message });
      return;
    }
    const known = (['text', 'label', 'kid'] as const).find((f) => f === field);
    if (known) setErrors({ [known]: message });
    else setBanner(message);
  };

  return (
    <section className="panel" aria-labelledby="import-title">
      <div className="panel-head">
        <h2 id="import-title">Import a key</h2>
        <span className="muted small-text">PEM (PKCS#8, PKCS#1, encrypted, public, certificate) or JWK</span>
      </div>
      <form className="stack" onSubmit={submit} aria-label="Import a key" noValidate>
        <DropZone label="Drop a key file" onFile={(f) => void readFile(f)} onText={edit(setText)}>
          <Field
            label="Key text (PEM or JWK)"
            error={errors.text}
            hint={
              <>
                {fileName && <span>From {fileName}. </span>}
                {guess ? guess.description : 'Paste it here, drop a file on this box, or open one.'}
              </>
            }
          >
            <textarea
              className="key-text"
              rows={7}
              value={text}
              spellCheck={false}
              autoComplete="off"
              placeholder={'-----BEGIN PRIVATE KEY-----\n…\n-----END PRIVATE KEY-----'}
              disabled={disabled}
              onChange={(e) => {
                edit(setText)(e.target.value);
                setFileName(null);
              }}
            />
          </Field>
        </DropZone>
        <div className="row">
          <FileButton label="Open key file…" accept=".pem,.key,.p8,.json,.jwk,.txt,.crt,.cer" onFile={(f) => void readFile(f)} disabled={disabled} />
          {text && (
            <button
              type="button"
              className="small ghost"
              onClick={() => {
                edit(setText)('');
                setFileName(null);
                setErrors({});
              }}
            >
              Clear key text
            </button>
          )}
        </div>
        <div className="grid-fields">
          <Field label="Label (optional)" error={errors.label}>
            <input type="text" value={label} onChange={(e) => edit(setLabel)(e.target.value)} placeholder="e.g. stock UAT" disabled={disabled} />
          </Field>
          <Field label="kid (optional)" error={errors.kid} hint="As issued by Juspay; taken from a JWK when it has one.">
            <input type="text" className="mono" value={kid} onChange={(e) => edit(setKid)(e.target.value)} placeholder="uat833359804655bb748702e324111" spellCheck={false} disabled={disabled} />
          </Field>
        </div>
        {(needsPassphrase || guess?.kind === 'encrypted-pkcs8' || guess?.kind === 'legacy-encrypted-pkcs1') && (
          <Field label="Key passphrase" error={errors.passphrase} hint="The passphrase this key file was encrypted with.">
            <input type="password" value={passphrase} autoComplete="off" onChange={(e) => edit(setPassphrase)(e.target.value)} disabled={disabled} />
          </Field>
        )}
        <ErrorBanner>{banner}</ErrorBanner>
        <KeyWarnings warnings={warnings} label="Import warnings" />
        <div className="row">
          <button type="submit" className="primary" disabled={busy || disabled}>
            {busy ? 'Importing…' : 'Import key'}
          </button>
        </div>
      </form>
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { useKeysStore } from '../../stores/keys';
import { guessKeyText } from '../../lib/keyText';
import { formatBytes } from '../../lib/format';
import { CopyButton } from '../../ui/CopyButton';
import { DropZone } from '../../ui/DropZone';
import { Field } from '../../ui/Field';
import { FileButton } from '../../ui/FileButton';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { KeyWarnings, useKeyWarnings } from './KeyWarnings';
import { labelFor, noteFor, readPickedFile, type FileNote, type PickedFile } from './keyFile';
import { errorText } from '../../lib/errorText';

const MAX_KEY_BYTES = 256 * 1024;
/** Binary key files go to the main side as base64; DER keys and certificates are a few KB. */
const MAX_BINARY_BYTES = 64 * 1024;
type ImportField = 'text' | 'passphrase' | 'label' | 'kid';

/** What a picked binary file is, and the command that converts it, with a Copy button. */
function KeyFileNote({ note }: { note: FileNote }) {
  return (
    <div role={note.tone === 'error' ? 'alert' : 'status'} aria-label="Key file" className={`banner ${note.tone} stack`} style={{ overflowWrap: 'anywhere' }}>
      <span>{note.message}</span>
      {note.command && (
        <span className="row">
          <code>{note.command}</code>
          <CopyButton value={note.command} label="Copy the conversion command" />
        </span>
      )}
    </div>
  );
}

/**
 * Import a key from a file, a drop or a paste. The key text stays in this form's state only (never in a
 * store, never persisted) and is cleared as soon as the main side has it. A file is read as bytes
 * first, so a photo or a .p12 is never shown as text. Anything said about the last attempt (errors,
 * warnings, the success banner) goes as soon as the input changes.
 */
export function ImportKey({ disabled }: { disabled: boolean }) {
  const importKey = useKeysStore((s) => s.importKey);
  const refresh = useKeysStore((s) => s.refresh);
  const dismissLastAdded = useKeysStore((s) => s.dismissLastAdded);
  const [text, setText] = useState('');
  const [file, setFile] = useState<PickedFile | null>(null);
  const [label, setLabel] = useState('');
  /** The label the last file suggested: a new file replaces it, a typed label stays. */
  const [suggested, setSuggested] = useState('');
  const [kid, setKid] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [needsPassphrase, setNeedsPassphrase] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<ImportField, string>>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const { warnings, show: showWarnings, clear: clearWarnings } = useKeyWarnings();
  const note = file ? noteFor(file) : null;
  const guess = note ? null : guessKeyText(text, file?.name);

  /** Everything said about the last attempt goes: a new input gets a clean slate. */
  const startOver = () => {
    setErrors({});
    setBanner(null);
    clearWarnings();
    dismissLastAdded();
  };
  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      startOver();
      set(value);
    };
  const editText = (value: string) => {
    startOver();
    setText(value);
    setFile(null);
  };

  const readFile = async (picked: File) => {
    startOver();
    setFile(null);
    if (picked.size > MAX_KEY_BYTES) {
      setErrors({ text: `${picked.name} is ${formatBytes(picked.size)}: a single RSA key is a few KB. Pick the key file itself.` });
      return;
    }
    let read: PickedFile;
    try {
      read = await readPickedFile(picked);
    } catch {
      setErrors({ text: `Could not read ${picked.name}.` });
      return;
    }
    if (read.base64 !== undefined && picked.size > MAX_BINARY_BYTES) {
      setErrors({ text: `${picked.name} is ${formatBytes(picked.size)} of binary data: a DER key or certificate is a few KB. Pick the key file itself.` });
      return;
    }
    setFile(read);
    setText(read.text ?? '');
    const importable = read.text !== undefined || noteFor(read)?.importable === true;
    const next = importable ? labelFor(read.name) : '';
    if (!label || label === suggested) setLabel(next);
    setSuggested(next);
    if (read.sniff.kind === 'der' && read.sniff.structure === 'encrypted-pkcs8') setNeedsPassphrase(true);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (note && !note.importable) return;
    const bytes = file?.base64;
    if (bytes === undefined && !text.trim()) return setErrors({ text: 'Paste a PEM or JWK, drop a key file here, or open one.' });
    setBusy(true);
    startOver();
    const result = await importKey({
      ...(bytes !== undefined ? { bytes } : { text }),
      ...(passphrase ? { passphrase } : {}),
      ...(label.trim() ? { label: label.trim() } : {}),
      ...(kid.trim() ? { kid: kid.trim() } : {}),
      ...(file ? { fileName: file.name } : {}),
    });
    setBusy(false);
    if (result.ok) {
      setText('');
      setFile(null);
      setLabel('');
      setSuggested('');
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
        <span className="muted small-text">PEM (PKCS#8, PKCS#1, encrypted, public, certificate), DER or JWK</span>
      </div>
      <form className="stack" onSubmit={submit} aria-label="Import a key" noValidate>
        <DropZone label="Drop a key file" onFile={(f) => void readFile(f)} onText={editText}>
          <Field
            label="Key text (PEM or JWK)"
            error={errors.text}
            hint={
              <>
                {file && !note && <span>From {file.name}. </span>}
                {guess ? guess.description : note ? null : 'Paste it here, drop a file on this box, or open one.'}
              </>
            }
          >
            <textarea
              className="key-text"
              rows={7}
              value={text}
              spellCheck={false}
              autoComplete="off"
              placeholder={note ? `${file?.name ?? 'The file'} is not text: see below.` : '-----BEGIN PRIVATE KEY-----\n…\n-----END PRIVATE KEY-----'}
              disabled={disabled}
              onChange={(e) => editText(e.target.value)}
            />
          </Field>
        </DropZone>
        {note && <KeyFileNote note={note} />}
        <div className="row">
          <FileButton label="Open key file…" accept=".pem,.key,.p8,.der,.cer,.crt,.pub,.p12,.pfx,.json,.jwk,.txt" onFile={(f) => void readFile(f)} disabled={disabled} />
          {(text || file) && (
            <button type="button" className="small ghost" onClick={() => editText('')}>
              Clear key
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
          <button type="submit" className="primary" disabled={busy || disabled || (note !== null && !note.importable)}>
            {busy ? 'Importing…' : 'Import key'}
          </button>
        </div>
      </form>
    </section>
  );
}

import { useInspectStore } from '../../stores/inspect';
import { shortThumbprint } from '../../lib/format';

/**
 * Inspect's "Verify with a pasted public key" box. A private key pasted here is used once (its public
 * half is tried) and then forgotten: taken out of the box, never written to the window's storage nor to
 * the history. The notice says so, and how to keep verifying with it.
 */
export function PastedKeyBox() {
  const publicKey = useInspectStore((s) => s.publicKey);
  const setPublicKey = useInspectStore((s) => s.setPublicKey);
  const forgotten = useInspectStore((s) => s.forgottenKey);
  return (
    <div className="stack">
      <label className="field">
        Merchant's public key (PEM, JWK or certificate) — tried besides the vault's keys
        <textarea aria-label="Public key to verify with" rows={5} spellCheck={false} value={publicKey} onChange={(e) => setPublicKey(e.target.value)} />
      </label>
      {forgotten && (
        <p role="status" aria-label="Private key forgotten" className="banner warn">
          That was a <strong>private</strong> key. It was used once — its public half{forgotten.thumbprint ? ` (thumbprint ${shortThumbprint(forgotten.thumbprint)})` : ''}{' '}
          {forgotten.valid ? 'verified this request' : 'was tried on this request'} — and then forgotten: it is not kept in this window, its storage or the
          history. To keep verifying with it, paste its public key here, or import it on the Keys screen (the vault keeps it encrypted).
        </p>
      )}
    </div>
  );
}

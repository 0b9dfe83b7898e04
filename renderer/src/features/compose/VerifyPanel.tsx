import { useEnvelopeStore } from '../../stores/envelope';
import { shortThumbprint } from '../../lib/format';

/** What the main side said about the envelope on screen: valid, and by which key; or why not. */
export function VerifyPanel() {
  const verify = useEnvelopeStore((s) => s.verify);
  if (verify.phase === 'idle') return null;
  if (verify.phase === 'verifying') {
    return (
      <div className="banner info" role="status">
        Verifying on the main side…
      </div>
    );
  }
  if (verify.phase === 'error' || !verify.result) {
    return (
      <div className="banner error" role="alert" aria-label="Verification result">
        <strong>Verification failed to run.</strong> {verify.error?.message}
      </div>
    );
  }
  const r = verify.result;
  const by = r.verifiedBy;
  return (
    <div className={r.valid ? 'banner ok' : 'banner error'} role="status" aria-label="Verification result">
      {r.valid && by ? (
        <>
          <strong>Valid</strong> — verified on the main side by {by.label ? <>“{by.label}” </> : null}(kid <code>{by.kid}</code>, thumbprint{' '}
          <code title={by.thumbprint}>{shortThumbprint(by.thumbprint)}</code>).
        </>
      ) : (
        <>
          <strong>{r.valid ? 'Valid' : 'Invalid'}</strong> — {r.reason ?? 'no key in the vault verifies this signature.'}
        </>
      )}
      {r.tried.length > 1 || (!r.valid && r.tried.length > 0) ? (
        <ul className="tried">
          {r.tried.map((t) => (
            <li key={t.keyId}>
              {t.valid ? '✓' : '✗'} {t.label || t.keyId} (kid <code>{t.kid}</code>)
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

import { useEnvelopeStore } from '../../stores/envelope';
import { shortThumbprint } from '../../lib/format';
import { errorText } from '../../lib/errorText';

/** What the main side's verdict says about the envelope on screen: the same verdict Inspect shows for it. */
export function VerifyPanel() {
  const verify = useEnvelopeStore((s) => s.verify);
  if (verify.phase === 'idle') return null;
  if (verify.phase === 'verifying') {
    return (
      <div className="banner info" role="status">
        Verifying…
      </div>
    );
  }
  if (verify.phase === 'error' || !verify.result) {
    return (
      <div className="banner error" role="alert" aria-label="Verification result">
        <strong>Verification failed to run.</strong> {verify.error && errorText(verify.error)}
      </div>
    );
  }
  const v = verify.result;
  const tone = v.summary.tone === 'ok' ? 'ok' : v.summary.tone === 'error' ? 'error' : 'warn';
  return (
    <div className={`banner ${tone}`} role="status" aria-label="Verification result" data-tone={v.summary.tone}>
      <strong>{v.valid === true ? 'Valid' : v.valid === false ? 'Invalid' : 'Not verified'}</strong> — {v.summary.headline}
      {v.tried.length > 1 || (!v.valid && v.tried.length > 0) ? (
        <ul className="tried">
          {v.tried.map((t) => (
            <li key={`${t.keyId}-${t.thumbprint}`}>
              {t.valid ? '✓' : '✗'} {t.label || t.keyId} (kid <code>{t.kid || '—'}</code>, thumbprint <code title={t.thumbprint}>{shortThumbprint(t.thumbprint)}</code>)
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

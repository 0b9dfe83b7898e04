import type { KeyTried } from '../../../../shared/diagnostics/types';
import type { Verdict } from '../../../../shared/verdict';
import { Badge, type Tone } from '../../ui/Badge';

const TONE: Record<Verdict['summary']['tone'], Tone> = { ok: 'ok', warn: 'warn', error: 'error', unknown: 'neutral' };

const VERIFIES_IF: Record<NonNullable<KeyTried['verifiesIf']>, string> = {
  'standard-base64': 'verifies only if the signature is read as standard base64',
  'claims-json': 'verifies only over the raw claims JSON',
  'header-and-claims-json': 'verifies only over the raw header and claims JSON',
  'signaturePayload-only': 'verifies only over signaturePayload alone',
  other: 'verifies only over other bytes',
};

/** The verdict's signature half: the headline, and every key tried with what it proved. A view of the verdict, nothing more. */
export function SignaturePanel({ verdict }: { verdict: Verdict }) {
  const { summary, tried } = verdict;
  const why = verdict.findings.find((f) => f.id === 'signature.no-keys' || f.id === 'signature.not-checked');
  return (
    <section className="panel stack" aria-label="Signature">
      <h2>Signature</h2>
      <div className="verdict-headline" data-tone={summary.tone} data-valid={String(verdict.valid)} data-cause={verdict.cause ?? ''} aria-label="Verdict">
        <Badge tone={TONE[summary.tone]}>{verdict.valid === true ? 'Verifies' : verdict.valid === false ? 'Does not verify' : 'Not verified'}</Badge>{' '}
        <span>{summary.headline}</span>
      </div>
      {tried.length > 0 ? (
        <div className="table-scroll">
          <table aria-label="Keys tried" className="keys-tried">
            <colgroup>
              <col />
              <col />
              <col className="size" />
              <col />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th>Key</th>
                <th>kid</th>
                <th>Size</th>
                <th>Thumbprint</th>
                <th>Result</th>
              </tr>
            </thead>
            <tbody>
              {tried.map((t) => (
                <tr key={`${t.keyId}-${t.thumbprint}`} data-valid={String(t.valid)}>
                  <td>{t.label}</td>
                  <td>
                    <code>{t.kid || '—'}</code>
                  </td>
                  <td>{t.bits > 0 ? `${t.bits}-bit` : '—'}</td>
                  <td>
                    <code className="wrap-anywhere" title={t.thumbprint}>
                      {t.thumbprint}
                    </code>
                  </td>
                  <td>
                    {t.valid ? (
                      <Badge tone="ok">verifies</Badge>
                    ) : t.verifiesIf ? (
                      <Badge tone="warn">{VERIFIES_IF[t.verifiesIf]}</Badge>
                    ) : (
                      <Badge tone="error">does not verify</Badge>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{why ? why.message : 'No key was tried.'}</p>
      )}
    </section>
  );
}

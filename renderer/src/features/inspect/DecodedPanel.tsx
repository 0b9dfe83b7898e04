import { useMemo } from 'react';
import type { RequestDecoded } from '../../../../shared/verdict';
import { CopyButton } from '../../ui/CopyButton';
import { JsonView } from '../../ui/JsonView';
import { formatAge, formatDateTime } from '../../lib/time';

function pretty(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

/** The header and claims as decoded, the timestamp in words, and the three segments exactly as received. */
export function DecodedPanel({ decoded, referenceMs }: { decoded: RequestDecoded; referenceMs: number }) {
  const claimsTimestamp = useMemo(() => timestampOf(decoded.claims), [decoded]);
  return (
    <section className="panel stack" aria-label="Decoded">
      <h2>Decoded</h2>
      <div className="decoded-grid">
        <div>
          <div className="row">
            <h3>Header (protected)</h3>
            {decoded.header !== undefined && <CopyButton value={pretty(decoded.header)} label="Copy decoded header" />}
          </div>
          {decoded.header !== undefined ? <JsonView text={pretty(decoded.header)} label="Decoded header" height={160} /> : <p className="muted">Not decodable.</p>}
        </div>
        <div>
          <div className="row">
            <h3>Claims (signaturePayload)</h3>
            {decoded.claims !== undefined && <CopyButton value={pretty(decoded.claims)} label="Copy decoded claims" />}
          </div>
          {decoded.claims !== undefined ? <JsonView text={pretty(decoded.claims)} label="Decoded claims" height={160} /> : <p className="muted">Not decodable.</p>}
          {claimsTimestamp !== null && (
            <p className="field-hint">
              timestamp = {formatDateTime(claimsTimestamp)} ({formatAge(claimsTimestamp, referenceMs)} relative to the reference time)
            </p>
          )}
        </div>
      </div>
      {decoded.segments && (
        <dl className="kv segments">
          {(['protected', 'signaturePayload', 'signature'] as const).map((name) => (
            <div key={name} className="kv-row">
              <dt>{name}</dt>
              <dd>
                <code className="wrap-anywhere">{decoded.segments?.[name] ?? '(missing)'}</code>{' '}
                {decoded.segments?.[name] && <CopyButton value={decoded.segments[name]!} label={`Copy ${name}`} />}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

/** The claims' timestamp as epoch ms (seconds scaled up), or null. */
export function timestampOf(claims: unknown): number | null {
  const ts = (claims as { timestamp?: unknown } | undefined)?.timestamp;
  const n = typeof ts === 'string' || typeof ts === 'number' ? Number(ts) : NaN;
  if (!Number.isFinite(n)) return null;
  return String(Math.trunc(n)).length <= 10 ? n * 1000 : n;
}

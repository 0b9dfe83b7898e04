import { useEffect, useMemo, useState } from 'react';
import { useInspectStore } from '../../stores/inspect';
import { useKeysStore, usePrivateKeys } from '../../stores/keys';
import { useScreenActive } from '../shell/screen';
import { Badge } from '../../ui/Badge';
import { CopyButton } from '../../ui/CopyButton';
import { JsonView } from '../../ui/JsonView';
import { formatAge, formatDateTime } from '../../lib/time';
import { FindingsList, FindingsSummary } from './FindingsList';
import { SegmentDiff } from './SegmentDiff';
import { ErrorBanner } from '../../ui/ErrorBanner';

const KIND_LABEL: Record<string, string> = {
  envelope: 'a full envelope',
  payload: 'the payload object',
  segments: 'the three strings',
  'compact-jws': 'a compact JWS',
  unknown: 'nothing recognisable',
};

function pretty(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

/** Paste what the merchant's app sent; see what it says, whether it verifies, and why not. */
export function InspectScreen() {
  const s = useInspectStore();
  const privateKeys = usePrivateKeys();
  const refreshKeys = useKeysStore((k) => k.refresh);
  const active = useScreenActive();
  // Keys may have changed on another screen (or in the CLI) since this one was mounted.
  useEffect(() => {
    if (active) void refreshKeys();
  }, [active, refreshKeys]);

  // Inspect as the engineer types or pastes; the store ignores answers to older input.
  useEffect(() => {
    const timer = setTimeout(() => void s.inspect(), 200);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [s.text, s.publicKey, s.reference]);

  const [showKey, setShowKey] = useState(s.publicKey.length > 0);
  const decoded = s.result?.decoded;
  const verify = s.result?.verify;
  const claimsTimestamp = useMemo(() => {
    const ts = (decoded?.claims as { timestamp?: unknown } | undefined)?.timestamp;
    const n = typeof ts === 'string' || typeof ts === 'number' ? Number(ts) : NaN;
    return Number.isFinite(n) ? (String(Math.trunc(n)).length <= 10 ? n * 1000 : n) : null;
  }, [decoded]);
  const referenceMs = s.reference.mode === 'pinned' ? s.reference.epochMs : Date.now();

  return (
    <div className="inspect grid-2">
      <section className="panel stack" aria-label="Request to inspect">
        <h1>Inspect a request</h1>
        <label className="field">
          What the merchant's app sent
          <textarea
            aria-label="Request to inspect"
            rows={14}
            spellCheck={false}
            placeholder={'Paste an envelope, its payload, the three strings, a compact JWS (a.b.c), or a log line with the JSON in it.'}
            value={s.text}
            onChange={(e) => s.setText(e.target.value)}
          />
        </label>
        <div className="row">
          <button type="button" className="primary" onClick={() => void s.inspect()} disabled={!s.text.trim() || s.busy}>
            Inspect
          </button>
          <button type="button" onClick={s.clear} disabled={!s.text}>
            Clear
          </button>
          <button type="button" className="ghost" aria-expanded={showKey} onClick={() => setShowKey(!showKey)}>
            {showKey ? 'Hide public key' : 'Verify with a pasted public key…'}
          </button>
        </div>
        {showKey && (
          <label className="field">
            Merchant's public key (PEM, JWK or certificate) — tried besides the vault's keys
            <textarea aria-label="Public key to verify with" rows={5} spellCheck={false} value={s.publicKey} onChange={(e) => s.setPublicKey(e.target.value)} />
          </label>
        )}
        <fieldset className="stack reference-time">
          <legend>Reference time for the timestamp checks</legend>
          <label className="radio-line">
            <input type="radio" name="reference" checked={s.reference.mode === 'now'} onChange={() => s.setReference({ mode: 'now' })} />
            Now
          </label>
          <label className="radio-line">
            <input
              type="radio"
              name="reference"
              checked={s.reference.mode === 'pinned'}
              onChange={() => s.setReference({ mode: 'pinned', epochMs: claimsTimestamp ?? Date.now() })}
            />
            Pinned (e.g. when the merchant's log line was written)
          </label>
          {s.reference.mode === 'pinned' && (
            <label className="field">
              Reference time, epoch ms
              <input
                aria-label="Reference time in epoch milliseconds"
                inputMode="numeric"
                value={String(s.reference.epochMs)}
                onChange={(e) => {
                  const n = Number(e.target.value);
                  if (/^\d{1,16}$/.test(e.target.value) && Number.isFinite(n)) s.setReference({ mode: 'pinned', epochMs: n });
                }}
              />
              <span className="field-hint">{formatDateTime(s.reference.epochMs)}</span>
            </label>
          )}
        </fieldset>
      </section>

      <div className="stack" aria-live="polite">
        <ErrorBanner>{s.error?.message}</ErrorBanner>
        {!s.result && !s.error && (
          <section className="panel">
            <p className="muted">Paste a request on the left: the findings, the decoded header and claims, and the verification appear here.</p>
          </section>
        )}
        {s.result && (
          <>
            <section className="panel stack" aria-label="Findings">
              <div className="row spread">
                <h2>Findings</h2>
                <FindingsSummary findings={s.result.findings} />
              </div>
              <p className="muted">
                Read as {KIND_LABEL[decoded?.kind ?? 'unknown']}
                {decoded?.source === 'log-line' && decoded.foundAt ? ` found inside a log line (line ${decoded.foundAt.line}, column ${decoded.foundAt.column})` : ''}
                {decoded?.source === 'json-string' ? ' given as a JSON string' : ''}
                {decoded?.variant ? `, auth variant ${decoded.variant}` : ''}.
              </p>
              <FindingsList findings={s.result.findings} />
            </section>

            <section className="panel stack" aria-label="Signature">
              <h2>Signature</h2>
              {verify ? (
                <>
                  <div className="row">
                    {verify.valid ? (
                      <Badge tone="ok">Valid — verified by {verify.verifiedBy?.label} ({verify.verifiedBy?.kid})</Badge>
                    ) : (
                      <Badge tone="error">Not verified</Badge>
                    )}
                    {verify.reason && <span className="muted">{verify.reason}</span>}
                  </div>
                  {verify.tried.length > 0 && (
                    <table aria-label="Keys tried">
                      <thead>
                        <tr>
                          <th>Key</th>
                          <th>kid</th>
                          <th>Thumbprint</th>
                          <th>Result</th>
                        </tr>
                      </thead>
                      <tbody>
                        {verify.tried.map((t) => (
                          <tr key={`${t.keyId}-${t.thumbprint}`}>
                            <td>{t.label}</td>
                            <td>
                              <code>{t.kid}</code>
                            </td>
                            <td>
                              <code title={t.thumbprint}>{t.thumbprint.slice(0, 12)}…</code>
                            </td>
                            <td>{t.valid ? <Badge tone="ok">verifies</Badge> : <Badge tone="error">does not verify</Badge>}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                </>
              ) : (
                <p className="muted">Nothing verifiable was found (no three segments).</p>
              )}
            </section>

            <section className="panel stack" aria-label="Decoded">
              <h2>Decoded</h2>
              <div className="decoded-grid">
                <div>
                  <div className="row">
                    <h3>Header (protected)</h3>
                    {decoded?.header !== undefined && <CopyButton value={pretty(decoded.header)} label="Copy decoded header" />}
                  </div>
                  {decoded?.header !== undefined ? <JsonView text={pretty(decoded.header)} label="Decoded header" height={160} /> : <p className="muted">Not decodable.</p>}
                </div>
                <div>
                  <div className="row">
                    <h3>Claims (signaturePayload)</h3>
                    {decoded?.claims !== undefined && <CopyButton value={pretty(decoded.claims)} label="Copy decoded claims" />}
                  </div>
                  {decoded?.claims !== undefined ? <JsonView text={pretty(decoded.claims)} label="Decoded claims" height={160} /> : <p className="muted">Not decodable.</p>}
                  {claimsTimestamp !== null && (
                    <p className="field-hint">
                      timestamp = {formatDateTime(claimsTimestamp)} ({formatAge(claimsTimestamp, referenceMs)} relative to the reference time)
                    </p>
                  )}
                </div>
              </div>
              {decoded?.segments && (
                <dl className="kv segments">
                  {(['protected', 'signaturePayload', 'signature'] as const).map((name) => (
                    <div key={name} className="kv-row">
                      <dt>{name}</dt>
                      <dd>
                        <code>{decoded.segments?.[name] ?? '(missing)'}</code>{' '}
                        {decoded.segments?.[name] && <CopyButton value={decoded.segments[name]!} label={`Copy ${name}`} />}
                      </dd>
                    </div>
                  ))}
                </dl>
              )}
            </section>

            <section className="panel stack" aria-label="Re-sign and compare">
              <h2>Re-sign and compare</h2>
              <p className="muted">
                RS256 is deterministic: the same key over the same bytes gives the same signature. Re-sign the decoded claims with a vault key and see where the
                merchant's request differs.
              </p>
              <div className="row">
                <label className="field">
                  Key to re-sign with
                  <select aria-label="Key to re-sign with" value={s.resignKeyId} onChange={(e) => s.setResignKeyId(e.target.value)}>
                    <option value="">Choose a vault key…</option>
                    {privateKeys.map((k) => (
                      <option key={k.id} value={k.id}>
                        {k.label} — {k.kid} ({k.bits} bits)
                      </option>
                    ))}
                  </select>
                </label>
                <button type="button" onClick={() => void s.resignWith(s.resignKeyId)} disabled={!s.resignKeyId}>
                  Re-sign
                </button>
              </div>
              {privateKeys.length === 0 && <p className="field-hint">No private keys in the vault: import or generate one on the Keys screen.</p>}
              <ErrorBanner>{s.resignError?.message}</ErrorBanner>
              {s.resign && s.resign.segments.map((d) => <SegmentDiff key={d.name} diff={d} />)}
            </section>
          </>
        )}
      </div>
    </div>
  );
}

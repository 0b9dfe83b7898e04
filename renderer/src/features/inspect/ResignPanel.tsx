import { useInspectStore } from '../../stores/inspect';
import { usePrivateKeys } from '../../stores/keys';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { SegmentDiff } from './SegmentDiff';
import { errorText } from '../../lib/errorText';

/** Re-sign the decoded claims with a vault key and compare the segments byte by byte. */
export function ResignPanel() {
  const s = useInspectStore();
  const privateKeys = usePrivateKeys();
  return (
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
      <ErrorBanner>{s.resignError && errorText(s.resignError)}</ErrorBanner>
      {s.resign && s.resign.segments.map((d) => <SegmentDiff key={d.name} diff={d} />)}
    </section>
  );
}

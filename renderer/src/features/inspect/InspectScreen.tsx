import { now as clockNow } from '../../../../shared/clock';
import { useEffect, useState } from 'react';
import { describeWhereFound } from '../../../../shared/diagnostics/where';
import { merchantTextForVerdict } from '../../../../shared/diagnostics/merchant-text';
import type { Verdict } from '../../../../shared/verdict';
import type { Profile } from '../../../../shared/profile';
import { useInspectStore } from '../../stores/inspect';
import { useKeysStore } from '../../stores/keys';
import { useScreenActive } from '../shell/screen';
import { INSPECT_INPUT_ID } from '../shell/screens';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { FindingsList, FindingsSummary } from '../../ui/FindingsList';
import { formatDateTime } from '../../lib/time';
import { DecodedPanel, timestampOf } from './DecodedPanel';
import { ResignPanel } from './ResignPanel';
import { SignaturePanel } from './SignaturePanel';
import { ProfilePicker } from './ProfilePicker';
import { PastedKeyBox } from './PastedKeyBox';
import { findProfile, useProfilesStore } from '../../stores/profiles';
import { errorText } from '../../lib/errorText';
import { SnippetPanel } from '../snippets/SnippetPanel';

/** Paste what the merchant's app sent; see what it says, whether it verifies, and why not. */
export function InspectScreen() {
  const s = useInspectStore();
  const refreshKeys = useKeysStore((k) => k.refresh);
  const active = useScreenActive();
  // A profile edited on its screen (or by the CLI) changes the verdict: inspect again.
  const profilesVersion = useProfilesStore((p) => p.profiles.map((x) => `${x.id}:${x.updatedAt}`).join());
  const profiles = useProfilesStore((p) => p.profiles);
  // Keys may have changed on another screen (or in the CLI) since this one was mounted.
  useEffect(() => {
    if (active) void refreshKeys();
  }, [active, refreshKeys]);

  // Inspect as the engineer types or pastes; the store ignores answers to older input.
  useEffect(() => {
    const timer = setTimeout(() => void s.inspect(), 200);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [s.text, s.keyEdits, s.reference, s.profileChoice, profilesVersion]);

  const [showKey, setShowKey] = useState(s.publicKey.length > 0);
  const verdict = s.result;
  const referenceMs = s.reference.mode === 'pinned' ? s.reference.epochMs : clockNow();

  return (
    <div className="inspect grid-2">
      <section className="panel stack" aria-label="Request to inspect">
        <h1>Inspect a request</h1>
        <label className="field">
          What the merchant's app sent
          <textarea
            id={INSPECT_INPUT_ID}
            aria-label="Request to inspect"
            rows={14}
            spellCheck={false}
            placeholder={'Paste an envelope, its payload, the three strings, a compact JWS (a.b.c), or a log line with the JSON in it.'}
            value={s.text}
            onPaste={s.newDraft}
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
        <ProfilePicker verdict={verdict} />
        {showKey && <PastedKeyBox />}
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
              onChange={() => s.setReference({ mode: 'pinned', epochMs: timestampOf(verdict?.decoded.claims) ?? clockNow() })}
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
        <ErrorBanner>{s.error && errorText(s.error)}</ErrorBanner>
        {!s.result && !s.error && (
          <section className="panel">
            <p className="muted">Paste a request on the left: the findings, the decoded header and claims, and the verification appear here.</p>
          </section>
        )}
        {verdict && (
          <>
            <section className="panel stack" aria-label="Findings">
              <div className="row spread">
                <h2>Findings</h2>
                <FindingsSummary findings={verdict.findings} />
              </div>
              <p className="muted" aria-label="Where the request was found">
                {verdict.decoded.kind === 'unknown' ? 'No upiGetSessionToken request was recognised in this text.' : `Read as ${describeWhereFound(verdict.decoded)}.`}
              </p>
              <FindingsList findings={verdict.findings} merchantText={() => merchantTextFor(verdict, profiles)} />
            </section>
            <SignaturePanel verdict={verdict} />
            <DecodedPanel decoded={verdict.decoded} referenceMs={referenceMs} />
            <ResignPanel />
            <SnippetPanel decoded={verdict.decoded} />
          </>
        )}
      </div>
    </div>
  );
}


/** The verdict for the merchant; the answering profile, when it registers the header's kid, says which key Juspay holds. */
function merchantTextFor(verdict: Verdict, profiles: readonly Profile[]): string {
  const kid = (verdict.decoded.header as { kid?: unknown } | undefined)?.kid;
  const registered = findProfile(profiles, verdict.profile?.id)?.registeredKeys.find((k) => k.kid === kid)?.thumbprint;
  return merchantTextForVerdict(verdict, registered ? { registered } : {});
}

import type { ReactNode } from 'react';
import { useEnvelopeStore, type PreviewState, type TimestampMode } from '../../stores/envelope';
import { useAppStore } from '../../stores/app';
import { MOD_LABEL } from '../../lib/shortcuts';
import { formatDateTime, stampAge } from '../../lib/time';
import { useNow } from '../../lib/useNow';
import { Badge } from '../../ui/Badge';
import { CopyButton } from '../../ui/CopyButton';
import { JsonView } from '../../ui/JsonView';
import { KeyBadge } from '../../ui/KeyBadge';
import { fieldId } from './ComposeForm';
import { VerifyPanel } from './VerifyPanel';
import { envelopeToCopy, saveEnvelope } from './envelopeExport';
import { errorText } from '../../lib/errorText';
import { SnippetPanel } from '../snippets/SnippetPanel';

/** The signed envelope, live: what the merchant's app would send, and every part of the signature. */
export function SignedPreview() {
  const preview = useEnvelopeStore((s) => s.preview);
  const verifyPhase = useEnvelopeStore((s) => s.verify.phase);
  const signNow = useEnvelopeStore((s) => s.signNow);
  const verifyNow = useEnvelopeStore((s) => s.verifyNow);
  const timestampMode = useEnvelopeStore((s) => s.timestampMode);
  const now = useNow(1000);
  const result = preview.phase === 'invalid' || preview.phase === 'error' ? null : preview.result;

  return (
    <section className="panel preview" aria-labelledby="preview-title" aria-busy={preview.phase === 'signing'}>
      <div className="panel-head">
        <h2 id="preview-title">Signed envelope</h2>
        {/* The mode the shown envelope was signed in: while a switch re-signs, the old stamp is not "Signed 4 y ago". */}
        <PreviewStatus phase={preview.phase} stamp={result?.claims.timestamp} mode={preview.stampMode ?? timestampMode} now={now} />
        <div className="spacer" />
        <button type="button" onClick={() => void signNow()} title={`${MOD_LABEL}+Enter signs and verifies`}>
          Sign now
        </button>
        <button type="button" className="primary" onClick={() => void verifyNow()} disabled={!result || verifyPhase === 'verifying'} title="Verify this envelope with the vault's keys, as Inspect would">
          Verify
        </button>
      </div>

      {preview.phase === 'invalid' && <Missing problems={preview.problems} />}
      {preview.phase === 'error' && preview.error && (
        <div role="alert" className="banner error">
          <strong>Could not sign.</strong> {errorText(preview.error)} <span className="muted">({preview.error.code})</span>
        </div>
      )}
      {preview.phase === 'idle' && <p className="muted">Signing…</p>}

      {result && (
        <div className={preview.phase === 'signing' ? 'stack is-stale' : 'stack'}>
          <VerifyPanel />
          <div className="row">
            <span className="muted">Signed with</span>
            <KeyBadge keyInfo={result.key} />
          </div>
          <Part
            title="Envelope JSON"
            actions={
              <>
                {/* In "now" mode these sign afresh first when the envelope is over a minute old. */}
                <CopyButton value={() => envelopeToCopy('json')} label="Copy envelope JSON">
                  Copy
                </CopyButton>
                <CopyButton value={() => envelopeToCopy('compact')} label="Copy compact envelope JSON">
                  Copy compact
                </CopyButton>
                <button type="button" className="small" onClick={() => void saveEnvelope()} aria-label="Save envelope JSON as a file">
                  Save .json
                </button>
              </>
            }
          >
            <JsonView text={result.json} label="Envelope JSON" />
          </Part>
          <div className="grid-halves">
            <Part title="Header (protected)" actions={<CopyButton value={JSON.stringify(result.header)} label="Copy decoded header" />}>
              <JsonView text={JSON.stringify(result.header, null, 2)} label="Decoded header" />
            </Part>
            <Part title="Claims (signaturePayload)" actions={<CopyButton value={JSON.stringify(result.claims)} label="Copy decoded claims" />}>
              <JsonView text={JSON.stringify(result.claims, null, 2)} label="Decoded claims" />
            </Part>
          </div>
          <Part title="Signing input: protected.signaturePayload" actions={<CopyButton value={result.signingInput} label="Copy signing input" />}>
            <SigningInput text={result.signingInput} />
          </Part>
          <Part title="Signature (RS256, base64url)" actions={<CopyButton value={result.envelope.payload.signature} label="Copy signature" />}>
            <pre className="code mono segment segment-signature" role="region" aria-label="Signature">
              {result.envelope.payload.signature}
            </pre>
          </Part>
          <SnippetPanel signed={result} />
        </div>
      )}
    </section>
  );
}

/**
 * The preview's state; once signed, the age of the envelope's own timestamp against the clock, green,
 * amber past 10 minutes, red past Juspay's 15 (`data-age` carries ok / warn / error for tests).
 */
function PreviewStatus({ phase, stamp, mode, now }: { phase: PreviewState['phase']; stamp: string | undefined; mode: TimestampMode; now: number }) {
  let badge: ReactNode = null;
  let ageState: string | undefined;
  if (phase === 'signing') badge = <Badge tone="info">Signing…</Badge>;
  else if (phase === 'invalid') badge = <Badge tone="warn">Incomplete</Badge>;
  else if (phase === 'error') badge = <Badge tone="error">Not signed</Badge>;
  else if (phase === 'signed' && stamp !== undefined) {
    const age = stampAge(stamp, now, mode);
    ageState = age.state;
    badge = (
      <Badge tone={age.state} title={formatDateTime(Number(stamp)) || undefined}>
        {age.text}
      </Badge>
    );
  }
  return (
    <span className="preview-status" data-testid="preview-status" data-phase={phase} data-age={ageState}>
      {badge}
    </span>
  );
}

function Part({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <div className="part">
      <div className="part-head">
        <h3>{title}</h3>
        <div className="row">{actions}</div>
      </div>
      {children}
    </div>
  );
}

/** The two segments and the dot between them, told apart by colour. */
function SigningInput({ text }: { text: string }) {
  const dot = text.indexOf('.');
  return (
    <pre className="code mono segment" role="region" aria-label="Signing input">
      {dot < 0 ? (
        text
      ) : (
        <>
          <span className="segment-protected">{text.slice(0, dot)}</span>
          <span className="segment-dot">.</span>
          <span className="segment-payload">{text.slice(dot + 1)}</span>
        </>
      )}
    </pre>
  );
}

function Missing({ problems }: { problems: { field: string; message: string }[] }) {
  const setScreen = useAppStore((s) => s.setScreen);
  return (
    <div className="banner warn" role="status">
      <strong>Not signed yet — the form needs:</strong>
      <ul className="problems">
        {problems.map((p) => (
          <li key={p.field}>
            <button
              type="button"
              className="link"
              onClick={() => {
                const el = document.getElementById(fieldId(p.field as never));
                if (el) el.focus();
                else if (p.field === 'keyId') setScreen('keys');
              }}
            >
              {p.field === 'keyId' ? 'Signing key' : p.field}
            </button>{' '}
            — {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

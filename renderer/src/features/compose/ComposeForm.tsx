import { now as clockNow } from '../../../../shared/clock';
import { useEffect, useState, type ReactNode } from 'react';
import { ACTION, SERVICE } from '../../../../shared/envelope-rules';
import { currentFields, fieldErrors, fieldWarnings, useEnvelopeStore, type FieldName, type TextField } from '../../stores/envelope';
import { useKeysStore, usePrivateKeys } from '../../stores/keys';
import { useAppStore } from '../../stores/app';
import { useNow } from '../../lib/useNow';
import { formatAge, formatDateTime } from '../../lib/time';
import { Field } from '../../ui/Field';
import { CopyButton } from '../../ui/CopyButton';
import { errorText } from '../../lib/errorText';
import { ProfileSelect } from './ProfileSelect';
import { ExactBytesToggle, HeaderKidField } from './ExactBytes';
import { exactProblems } from '../../stores/envelopeExact';
import { useExactWarnings } from './useExactWarnings';

/** The id of a compose control, so the preview's "what is missing" list can focus it. */
export const fieldId = (name: FieldName | 'keyId') => `compose-${name}`;

/** The main side's answer names a field as `fields.merchantId` or `keyId`; map it onto the form. */
function serverFieldError(field: string | undefined): FieldName | 'keyId' | null {
  if (!field) return null;
  const bare = field.replace(/^fields\./, '');
  return (['requestId', 'service', 'action', 'merchantId', 'merchantCustomerId', 'merchantChannelId', 'timestamp', 'keyId'] as const).find((n) => n === bare) ?? null;
}

export function ComposeForm() {
  const s = useEnvelopeStore();
  const now = useNow(1000);
  const fields = currentFields(s);
  // A blank field says "required" once it has been visited or a signature was asked for; a wrong value says so at once.
  const [touched, setTouched] = useState<ReadonlySet<FieldName>>(new Set());
  const touch = (name: FieldName) => !touched.has(name) && setTouched(new Set(touched).add(name));
  const signer = usePrivateKeys().find((k) => k.id === s.keyId);
  const errors: Partial<Record<FieldName | 'keyId', string>> = {};
  if (s.exactBytes) {
    // Exact bytes: anything signs; only an absurd length stops it, and the inspector's findings warn.
    for (const p of exactProblems(fields, 'any', s.kidOverride)) errors[p.field] = p.message;
  } else {
    for (const [name, message] of Object.entries(fieldErrors(fields)) as [FieldName, string][]) {
      if (fields[name].trim() !== '' || touched.has(name) || s.revealErrors) errors[name] = message;
    }
  }
  const exact = useExactWarnings(s.exactBytes, fields, signer, s.kidOverride, now);
  const warnings = exact ?? fieldWarnings(fields, now, s.timestampMode);
  const serverError = s.preview.phase === 'error' ? s.preview.error : null;
  const serverField = serverFieldError(serverError?.field);
  if (serverError && serverField && !errors[serverField]) errors[serverField] = errorText(serverError);

  const text = (name: TextField, label: ReactNode, extra?: { actions?: ReactNode; hint?: ReactNode; placeholder?: string; mono?: boolean }) => (
    <Field id={fieldId(name)} label={label} error={errors[name]} warning={warnings[name]} hint={extra?.hint} actions={extra?.actions}>
      <input
        type="text"
        className={extra?.mono ? 'mono' : undefined}
        value={s[name]}
        placeholder={extra?.placeholder}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => s.setField(name, e.target.value)}
        onBlur={() => touch(name)}
      />
    </Field>
  );

  return (
    <section className="panel compose-form" aria-labelledby="compose-form-title">
      <div className="panel-head">
        <h2 id="compose-form-title">Request</h2>
        <span className="muted small-text">upiGetSessionToken · every field is mandatory</span>
      </div>
      <form className="stack" onSubmit={(e) => e.preventDefault()} noValidate>
        <ProfileSelect />
        <ExactBytesToggle />
        {text('requestId', 'requestId', {
          mono: true,
          actions: (
            <>
              <button type="button" className="small" onClick={s.generateRequestId} aria-label="Generate a new requestId (uuid v4)">
                New uuid
              </button>
              <CopyButton value={s.requestId} label="Copy requestId" />
            </>
          ),
        })}
        {text('service', 'service', {
          mono: true,
          actions:
            s.service !== SERVICE ? (
              <button type="button" className="small" onClick={() => s.resetField('service')} aria-label={`Reset service to ${SERVICE}`}>
                Reset
              </button>
            ) : undefined,
        })}
        {text('action', 'action', {
          mono: true,
          actions:
            s.action !== ACTION ? (
              <button type="button" className="small" onClick={() => s.resetField('action')} aria-label={`Reset action to ${ACTION}`}>
                Reset
              </button>
            ) : undefined,
        })}
        <fieldset className="claims">
          <legend>Signed claims</legend>
          {text('merchantId', 'merchantId', { placeholder: 'as issued by Juspay, e.g. stock' })}
          {text('merchantCustomerId', 'merchantCustomerId', { placeholder: 'the merchant’s profile id for this customer' })}
          {text('merchantChannelId', 'merchantChannelId', { placeholder: 'as issued by Juspay' })}
          <TimestampField now={now} error={errors.timestamp} warning={warnings.timestamp} onBlur={() => touch('timestamp')} />
        </fieldset>
        <KeySelect error={errors.keyId} />
        {s.exactBytes && <HeaderKidField signerKid={signer?.kid} warning={exact?.kid} />}
      </form>
    </section>
  );
}

function TimestampField({ now, error, warning, onBlur }: { now: number; error?: string; warning?: string; onBlur(): void }) {
  const mode = useEnvelopeStore((s) => s.timestampMode);
  const pinned = useEnvelopeStore((s) => s.pinnedTimestamp);
  const stamp = useEnvelopeStore((s) => (s.timestampMode === 'now' ? s.nowTimestamp : s.pinnedTimestamp));
  const setMode = useEnvelopeStore((s) => s.setTimestampMode);
  const setPinned = useEnvelopeStore((s) => s.setPinnedTimestamp);
  const signNow = useEnvelopeStore((s) => s.signNow);
  const exactBytes = useEnvelopeStore((s) => s.exactBytes);
  const valid = /^\d{13}$/.test(stamp);
  const looksLikeSeconds = mode === 'pinned' && /^\d{10}$/.test(pinned);
  const at = Number(stamp);

  return (
    <div className="field timestamp-field">
      <div className="field-label" id="timestamp-label">
        timestamp
      </div>
      <div className="segmented" role="radiogroup" aria-labelledby="timestamp-label">
        <label className={mode === 'now' ? 'seg active' : 'seg'}>
          <input type="radio" name="timestamp-mode" value="now" checked={mode === 'now'} onChange={() => setMode('now')} />
          Now (stamped at each signing)
        </label>
        <label className={mode === 'pinned' ? 'seg active' : 'seg'}>
          <input type="radio" name="timestamp-mode" value="pinned" checked={mode === 'pinned'} onChange={() => setMode('pinned')} />
          Pinned
        </label>
      </div>
      {mode === 'pinned' ? (
        <Field
          id={fieldId('timestamp')}
          label={exactBytes ? 'Pinned timestamp (signed exactly as typed)' : 'Pinned timestamp (epoch ms)'}
          error={error}
          warning={warning}
          actions={
            <>
              <button type="button" className="small" onClick={() => setPinned(String(clockNow()))} aria-label="Pin the current time">
                Pin now
              </button>
              {looksLikeSeconds && (
                <button type="button" className="small" onClick={() => setPinned(`${pinned}000`)} aria-label="Convert seconds to milliseconds">
                  Seconds → ms
                </button>
              )}
            </>
          }
        >
          <input type="text" inputMode="numeric" className="mono" value={pinned} spellCheck={false} autoComplete="off" onChange={(e) => setPinned(e.target.value)} onBlur={onBlur} />
        </Field>
      ) : (
        <div className="timestamp-now">
          <output id={fieldId('timestamp')} className="mono" aria-label="Timestamp used for signing">
            {stamp}
          </output>
          <button type="button" className="small" onClick={() => void signNow()} aria-label="Refresh the timestamp and sign again">
            Refresh
          </button>
          <CopyButton value={stamp} label="Copy timestamp" />
          {warning && <div className="field-warning">{warning}</div>}
        </div>
      )}
      {valid && (
        <div className={warning ? 'field-warning' : 'field-hint'} aria-live="off">
          <time dateTime={new Date(at).toISOString()}>{formatDateTime(at)}</time> · <span data-testid="timestamp-age">{formatAge(at, now, { past: mode === 'now' })}</span>
        </div>
      )}
    </div>
  );
}

function KeySelect({ error }: { error?: string }) {
  const keyId = useEnvelopeStore((s) => s.keyId);
  const setKeyId = useEnvelopeStore((s) => s.setKeyId);
  const loaded = useKeysStore((s) => s.loaded);
  const listError = useKeysStore((s) => s.listError);
  const vault = useKeysStore((s) => s.vault);
  const privateKeys = usePrivateKeys();
  const setScreen = useAppStore((s) => s.setScreen);
  const chosen = privateKeys.find((k) => k.id === keyId);

  // A first visit with keys in the vault: pick the newest rather than asking.
  useEffect(() => {
    if (loaded && !keyId && privateKeys[0]) setKeyId(privateKeys[0].id);
  }, [loaded, keyId, privateKeys, setKeyId]);

  const goToKeys = (
    <button type="button" className="link" onClick={() => setScreen('keys')}>
      Go to Keys
    </button>
  );
  let problem: ReactNode = null;
  if (vault?.state === 'locked') problem = <>The vault is locked. {goToKeys} to unlock it.</>;
  else if (listError) problem = <>Keys unavailable: {errorText(listError)}</>;
  else if (loaded && privateKeys.length === 0) problem = <>No private keys in the vault yet. {goToKeys} to import or generate one.</>;
  else if (loaded && keyId && !chosen) problem = <>The key chosen before is no longer in the vault: pick another.</>;

  return (
    <Field
      id={fieldId('keyId')}
      label="Signing key"
      error={problem ? null : error}
      hint={
        problem ? (
          <span className="field-warning">{problem}</span>
        ) : chosen ? (
          <>
            Header: <code>{`{"kid":"${chosen.kid}","alg":"RS256"}`}</code>
          </>
        ) : undefined
      }
    >
      <select value={chosen ? chosen.id : ''} onChange={(e) => setKeyId(e.target.value || null)} disabled={privateKeys.length === 0}>
        <option value="">{privateKeys.length === 0 ? '— no private keys —' : '— choose a key —'}</option>
        {privateKeys.map((k) => (
          <option key={k.id} value={k.id}>
            {k.label ? `${k.label} — ` : ''}
            {k.kid} ({k.bits} bit)
          </option>
        ))}
      </select>
    </Field>
  );
}

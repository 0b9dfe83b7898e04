import type { ReactNode } from 'react';
import type { Finding } from '../../../../shared/diagnostics/types';
import {
  RESPONSE_EVENT,
  describeErrorCode,
  describeStatus,
  matchBackendErrors,
  type NormalizedResponse,
  type ParseResponseResult,
} from '../../../../shared/response';
import { capitalise } from '../../../../shared/words';
import type { LinkedRequest } from '../../stores/pairing';
import { Badge, type Tone } from '../../ui/Badge';
import { CopyButton } from '../../ui/CopyButton';
import { Findings } from './Findings';
import { PAIRING_SELECT_ID, PairingControl } from './PairingControl';
import { display, rawPayloadField, spellingOf } from './values';

type Ok = Extract<ParseResponseResult, { ok: true }>;

const STATUS_TONE: Record<string, Tone> = { LINKED: 'ok', BOUND: 'info', FRESH: 'info', NOPERMISSION: 'warn', FAILURE: 'error', REGISTERED: 'info' };

/**
 * The answer in one look: status and what to do next, the error and what it means, every scalar field,
 * and the findings. Spellings and unreadable values are findings too, so they are said once, there.
 */
export function ResponseSummary({ parsed, findings, linked }: { parsed: Ok; findings: Finding[]; linked: LinkedRequest }) {
  const { response } = parsed;
  const payload = response.payload;
  const hasError = response.error === true || !!response.errorCode || !!response.errorMessage;

  return (
    <section className="panel summary" aria-labelledby="summary-title">
      <div className="panel-head">
        <h2 id="summary-title">Summary</h2>
        {parsed.shape === 'payload-only' && (
          <Badge tone="info" title="The paste was the inner payload; it was read as the payload of a response">
            payload only
          </Badge>
        )}
        {parsed.source === 'log-line' && (
          <Badge tone="info" title="The JSON was found inside a line of log text">
            found in a log line{parsed.foundAt ? ` at line ${parsed.foundAt.line}, column ${parsed.foundAt.column}` : ''}
          </Badge>
        )}
        {parsed.source === 'json-string' && <Badge tone="info">JSON inside a JSON string</Badge>}
      </div>

      <div className="summary-grid">
        <div className="stack">
          <StatusCard response={response} />
          {hasError && <ErrorCard response={response} />}
          <Findings findings={findings} />
        </div>
        <dl className="kv fields" aria-label="Response fields">
          <Row name="event" value={response.event} warn={response.event !== undefined && response.event !== RESPONSE_EVENT ? `expected ${RESPONSE_EVENT}` : undefined} />
          <Row name="requestId" value={response.requestId} extra={<RequestIdMatch findings={findings} linked={linked} />} />
          <dt>
            <label htmlFor={PAIRING_SELECT_ID}>compare with</label>
          </dt>
          <dd>
            <PairingControl linked={linked} />
          </dd>
          <Row name="service" value={response.service} />
          <Row name="action" value={payload?.action} />
          <Row name="isDeviceBound" value={payload?.isDeviceBound} raw={rawPayloadField(parsed, 'isDeviceBound')} />
          <Row name="isDeviceActivated" value={payload?.isDeviceActivated} raw={rawPayloadField(parsed, 'isDeviceActivated')} />
          <Row name="prefix" value={payload?.prefix} />
          <Row name="customerMobileNumber" value={payload?.customerMobileNumber} />
          <Row name="deviceFingerPrint" value={payload?.deviceFingerPrint} />
          <Row name="otherInfo" value={payload?.otherInfo} raw={rawPayloadField(parsed, 'otherInfo')} />
        </dl>
      </div>
    </section>
  );
}

function StatusCard({ response }: { response: NormalizedResponse }) {
  const payload = response.payload;
  const status = payload?.status;
  const info = status !== undefined && status !== null ? describeStatus(status) : null;
  const tone: Tone = info ? (info.kind === 'unknown' ? 'warn' : (STATUS_TONE[info.status] ?? 'neutral')) : 'neutral';
  return (
    <div className={`status-card tone-${tone}`} role="group" aria-label="Status">
      {info ? (
        <>
          <div className="status-line">
            <span className="status-value" data-testid="status">
              {info.status}
            </span>
            {info.kind === 'unknown' && <Badge tone="warn">unknown status</Badge>}
            {info.kind === 'sibling' && <Badge tone="info">seen in sibling SDKs</Badge>}
          </div>
          <p className="status-meaning" data-testid="status-meaning">
            {capitalise(info.meaning)}
          </p>
          <p className="status-next">
            <strong>Next step:</strong> <span data-testid="status-next">{info.nextStep}</span>
          </p>
        </>
      ) : (
        <p className="muted">{payload ? 'No payload.status in this response.' : 'This response has no readable payload, so no status.'}</p>
      )}
    </div>
  );
}

function ErrorCard({ response }: { response: NormalizedResponse }) {
  const code = typeof response.errorCode === 'string' && response.errorCode ? describeErrorCode(response.errorCode) : null;
  const backend = matchBackendErrors(response.errorMessage);
  return (
    <div className="error-card" role="group" aria-label="Error">
      <dl className="kv">
        <dt>error</dt>
        <dd>
          <Value v={response.error} />
        </dd>
        {response.errorCode !== undefined && (
          <>
            <dt>errorCode</dt>
            <dd>
              <code>{display(response.errorCode)}</code>{' '}
              {code && (
                <Badge tone={code.kind === 'documented' ? 'info' : 'warn'} title={code.kind === 'documented' ? 'Documented by Juspay' : 'Not confirmed by Juspay'}>
                  {code.kind}
                </Badge>
              )}
              {code && (
                <div className="meaning" data-testid="error-code-meaning">
                  {code.meaning ? capitalise(code.meaning) : 'No known meaning.'} <span className="muted">Check: {code.check}</span>
                </div>
              )}
            </dd>
          </>
        )}
        {response.errorMessage !== undefined && (
          <>
            <dt>errorMessage</dt>
            <dd>
              <span data-testid="error-message">{display(response.errorMessage)}</span>
              {backend.map((b) => (
                <div key={b.key} className="meaning">
                  <strong>{b.key}:</strong> {b.meaning} <span className="muted">Check: {b.check}</span>
                </div>
              ))}
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}

/**
 * Whether the response answers the linked request. Read off the findings, so the badge and the
 * `response.request-id-mismatch` finding cannot disagree; nothing is shown when nothing is linked.
 */
function RequestIdMatch({ findings, linked }: { findings: Finding[]; linked: LinkedRequest }) {
  if (!linked.requestId) return null;
  const mismatch = findings.find((f) => f.id === 'response.request-id-mismatch');
  return mismatch ? (
    <Badge tone="error" title={mismatch.message}>
      differs from {linked.label}
    </Badge>
  ) : (
    <Badge tone="ok" title={`Same requestId as ${linked.label}`}>
      matches {linked.label}
    </Badge>
  );
}

function Value({ v, raw }: { v: unknown; raw?: unknown }) {
  if (v === undefined) return <span className="muted">absent</span>;
  const spelled = spellingOf(raw, v);
  return (
    <span className={spelled === 'string' ? 'spelled-string' : undefined} title={spelled === 'string' ? `Sent as the string ${JSON.stringify(raw)}` : undefined}>
      {typeof v === 'boolean' ? <Badge tone={v ? 'ok' : 'neutral'}>{String(v)}</Badge> : <span className="mono">{display(v)}</span>}
    </span>
  );
}

function Row({ name, value, raw, warn, extra }: { name: string; value: unknown; raw?: unknown; warn?: string; extra?: ReactNode }) {
  return (
    <>
      <dt>{name}</dt>
      <dd data-field={name}>
        <Value v={value} raw={raw} />
        {extra}
        {value !== undefined && value !== null && value !== '' && <CopyButton icon value={display(value)} label={`Copy ${name}`} />}
        {warn && <span className="field-warning">{warn}</span>}
      </dd>
    </>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { responseFindings } from '../../../../shared/diagnostics/response';
import { pairingOptions, useLinkedRequest } from '../../stores/pairing';
import { useResponseStore } from '../../stores/response';
import { useAppStore } from '../../stores/app';
import { useRecordResponse } from '../history/useRecordResponse';
import { RawJson } from './RawJson';
import { ResponseInput } from './ResponseInput';
import { ResponseSummary } from './ResponseSummary';
import { ResponseTables } from './ResponseTables';
import './response.css';

export function ResponseScreen() {
  const parsed = useResponseStore((s) => s.parsed);
  const rows = useResponseStore((s) => s.rows);
  const parseMs = useResponseStore((s) => s.parseMs);
  const setScreen = useAppStore((s) => s.setScreen);
  const [showRaw, setShowRaw] = useState(true);

  const screen = useAppStore((s) => s.screen);
  const setText = useResponseStore((s) => s.setText);
  // A paste anywhere on this screen but into another field (the filter box…) loads it as the response.
  useEffect(() => {
    if (screen !== 'response') return;
    const onPaste = (e: ClipboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      const text = e.clipboardData?.getData('text/plain');
      if (!text) return;
      e.preventDefault();
      setText(text, 'paste');
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [screen, setText]);

  // The findings come from the store's one read of the paste, compared with the linked request only;
  // a new link recomputes the findings, never the read.
  const linked = useLinkedRequest();
  const { requestId, label } = linked;
  const findings = useMemo(() => (parsed?.ok ? responseFindings(parsed, pairingOptions({ requestId, label })) : []), [parsed, requestId, label]);
  useRecordResponse(parsed, findings, requestId);

  return (
    <div className="response-layout">
      <ResponseInput />
      {parsed && !parsed.ok && (
        <div role="alert" className={parsed.reason === 'json' ? 'banner error' : 'banner warn'} aria-label="Response problem">
          <strong>{parsed.reason === 'json' ? 'Invalid JSON.' : parsed.reason === 'empty' ? 'Empty.' : 'Not a response.'}</strong> {parsed.message}
          {parsed.reason === 'json' && parsed.line !== undefined && <span className="muted"> The line is marked in the raw view below.</span>}
          {parsed.reason === 'not-response' && !parsed.looksLikeRequest && (
            <div className="muted small-text">
              Expected the SDK’s answer: <code>{'{ "requestId", "service", "payload": { "action", "status", … }, "error", "errorCode", "errorMessage", "event": "process_result" }'}</code>
            </div>
          )}
          {parsed.looksLikeRequest && (
            <div>
              <button type="button" className="link" onClick={() => setScreen('inspect')}>
                Go to Inspect
              </button>{' '}
              to decode and verify a request.
            </div>
          )}
        </div>
      )}
      {parsed?.ok && (
        <>
          <ResponseSummary parsed={parsed} findings={findings} linked={linked} />
          {/* Stacked, not side by side: the accounts table needs the width for the columns read first. */}
          <div className="response-stack">
            <ResponseTables parsed={parsed} rows={rows} />
            {showRaw ? (
              <RawJson onHide={() => setShowRaw(false)} />
            ) : (
              <button type="button" className="small raw-show" onClick={() => setShowRaw(true)} aria-label="Show raw JSON">
                Show raw JSON
              </button>
            )}
          </div>
          {parseMs !== null && parseMs > 200 && <p className="muted small-text">Read in {parseMs} ms.</p>}
        </>
      )}
      {parsed && !parsed.ok && parsed.reason !== 'empty' && <RawJson />}
    </div>
  );
}

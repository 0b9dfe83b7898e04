import { useState } from 'react';
import { useResponseStore } from '../../stores/response';
import { formatBytes } from '../../lib/format';
import { CopyButton } from '../../ui/CopyButton';
import { JsonView } from '../../ui/JsonView';

/** The response as JSON in the viewer: pretty (or as received), searchable and foldable, the parse error's line marked. */
export function RawJson({ onHide }: { onHide?: () => void }) {
  const text = useResponseStore((s) => s.text);
  const pretty = useResponseStore((s) => s.pretty);
  const parsed = useResponseStore((s) => s.parsed);
  const [asReceived, setAsReceived] = useState(false);
  const canToggle = pretty !== null && pretty !== text;
  const shown = pretty !== null && !(asReceived && canToggle) ? pretty : text;
  const error = parsed && !parsed.ok && parsed.reason === 'json' ? parsed : null;
  return (
    <section className="panel raw" aria-labelledby="raw-title">
      <div className="panel-head">
        <h2 id="raw-title">Raw JSON</h2>
        <span className="muted small-text">{formatBytes(text.length)}</span>
        <div className="spacer" />
        {canToggle && (
          <div className="segmented small" role="group" aria-label="Raw view">
            <button type="button" className={!asReceived ? 'seg active' : 'seg'} aria-pressed={!asReceived} onClick={() => setAsReceived(false)} title="Pretty-printed">
              Pretty
            </button>
            <button type="button" className={asReceived ? 'seg active' : 'seg'} aria-pressed={asReceived} onClick={() => setAsReceived(true)} title="Exactly as pasted or opened">
              Received
            </button>
          </div>
        )}
        <CopyButton value={shown} label="Copy raw JSON" />
        {onHide && (
          <button type="button" className="small ghost" onClick={onHide} aria-label="Hide raw JSON" title="Give the tables the whole width">
            Hide
          </button>
        )}
      </div>
      <JsonView text={shown} label="Raw response JSON" lineNumbers tools markLine={error?.line} markColumn={error?.column} height={560} />
    </section>
  );
}

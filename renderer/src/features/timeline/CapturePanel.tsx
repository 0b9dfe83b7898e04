import { useTimelineStore } from '../../stores/timeline';
import { errorText } from '../../lib/errorText';
import { Badge } from '../../ui/Badge';
import { ErrorBanner } from '../../ui/ErrorBanner';

/**
 * Live capture: find the devices adb sees, pick one, Start, watch rows arrive; Stop keeps the session.
 * adb runs only when asked (it starts its server, and may not be installed by someone reading files).
 */
export function CapturePanel() {
  const { devices, devicesError, serial, capture, refreshDevices, setSerial, startCapture, stopCapture } = useTimelineStore();
  const running = capture?.state === 'running';

  return (
    <section className="panel stack" aria-label="Live capture">
      <div className="panel-head">
        <h2>Live from a device</h2>
        <div className="spacer" />
        <button type="button" className="small" onClick={() => void refreshDevices()} disabled={running}>
          {devices === null ? 'Find devices' : 'Refresh devices'}
        </button>
      </div>
      <ErrorBanner>{devicesError && errorText(devicesError)}</ErrorBanner>
      <div className="row">
        <label className="field inline">
          Device
          <select aria-label="Device" value={serial} onChange={(e) => setSerial(e.target.value)} disabled={running || !devices?.length}>
            {!devices?.length && <option value="">{devices ? 'No device connected' : 'Find devices first'}</option>}
            {devices?.map((d) => (
              <option key={d.serial} value={d.serial} disabled={!d.ready} title={d.note}>
                {d.serial}
                {d.model ? ` · ${d.model}` : ''}
                {d.ready ? '' : ` (${d.state})`}
              </option>
            ))}
          </select>
        </label>
        {running ? (
          <button type="button" className="primary" onClick={() => void stopCapture()}>
            Stop capture
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => void startCapture()} disabled={!serial}>
            Start capture
          </button>
        )}
        {capture && (
          <span aria-label="Capture state">
            <Badge tone={capture.state === 'running' ? 'ok' : capture.state === 'ended' ? 'warn' : 'neutral'}>
              {capture.state === 'running' ? 'Capturing' : capture.state === 'ended' ? 'Ended' : 'Stopped'} · {capture.serial} · {capture.lines.toLocaleString('en-US')} lines
            </Badge>
          </span>
        )}
      </div>
      {devices?.filter((d) => !d.ready && d.note).map((d) => (
        <p key={d.serial} className="muted small-text">
          {d.serial} is {d.state}: {d.note}
        </p>
      ))}
      {capture?.message && (
        <p className={capture.state === 'ended' ? 'banner warn' : 'muted'} role="status" aria-label="Capture message">
          {capture.message}
        </p>
      )}
    </section>
  );
}

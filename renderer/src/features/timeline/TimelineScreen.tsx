import { useMemo, useRef, type ClipboardEvent } from 'react';
import { describeOffset, type LogSession, type VerdictFilter } from '../../../../shared/logs';
import { errorText } from '../../lib/errorText';
import { formatBytes, plural } from '../../lib/format';
import { useTimelineStore } from '../../stores/timeline';
import { Badge } from '../../ui/Badge';
import { DropZone } from '../../ui/DropZone';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { FileButton } from '../../ui/FileButton';
import { FindingsList } from '../../ui/FindingsList';
import { CapturePanel } from './CapturePanel';
import { filterOptions, TimelineTable } from './TimelineTable';
import './timeline.css';

/** A whole log as a timeline: every request and response, paired, each request with its verdict. */
export function TimelineScreen() {
  const { session, source, error, notes, progress, busy } = useTimelineStore();
  return (
    <div className="timeline stack">
      <div className="timeline-sources">
        <LogInput />
        <CapturePanel />
      </div>
      <ErrorBanner>{error && errorText(error)}</ErrorBanner>
      {progress && (
        <div className="row" aria-label="Reading progress">
          <progress aria-label="Reading the log" max={Math.max(progress.total, 1)} value={progress.bytes} />
          <span className="muted small-text">
            {formatBytes(progress.bytes)} of {formatBytes(progress.total)}
          </span>
        </div>
      )}
      {busy && !progress && <p className="muted">Judging every request…</p>}
      {session && source && (
        <>
          <SessionSummary session={session} notes={notes} />
          <section className="panel stack" aria-label="Timeline">
            <Filters session={session} />
            <TimelineTable session={session} sourceName={source.name} />
          </section>
        </>
      )}
    </div>
  );
}

function LogInput() {
  const readFile = useTimelineStore((s) => s.readFile);
  const readText = useTimelineStore((s) => s.readText);
  const source = useTimelineStore((s) => s.source);
  const busy = useTimelineStore((s) => s.busy);
  const box = useRef<HTMLTextAreaElement>(null);
  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const text = e.clipboardData.getData('text/plain');
    if (!text) return;
    // Read straight from the clipboard: a log of megabytes never goes through the box.
    e.preventDefault();
    void readText(text);
  };
  return (
    <section className="panel stack" aria-labelledby="log-input-title">
      <DropZone label="Drop a log file" onFile={(f) => void readFile(f, 'drop')} onText={(t) => void readText(t)}>
        <div className="panel-head">
          <h2 id="log-input-title">Log</h2>
          {source && (
            <span className="muted small-text" aria-label="Log source">
              {source.kind === 'capture' ? `Device ${source.name}` : source.name} · {plural(source.lines, 'line')}
              {source.bytes ? ` · ${formatBytes(source.bytes)}` : ''}
            </span>
          )}
          <div className="spacer" />
          <FileButton label="Open log…" accept=".log,.txt,text/plain" onFile={(f) => void readFile(f, 'file')} disabled={busy} />
        </div>
        <textarea
          ref={box}
          aria-label="Log text"
          rows={4}
          spellCheck={false}
          placeholder="Drop a logcat file here (threadtime, time or brief, or plain text), open one, or paste a log."
          onPaste={onPaste}
        />
        <div className="row">
          <button type="button" className="small" onClick={() => box.current && void readText(box.current.value)} disabled={busy}>
            Read typed text
          </button>
        </div>
      </DropZone>
    </section>
  );
}

function SessionSummary({ session, notes }: { session: LogSession; notes: string[] }) {
  const c = session.counts;
  return (
    <section className="panel stack" aria-label="Session">
      <div className="row" aria-label="Session counts">
        <Badge tone="neutral">{plural(c.requests, 'request')}</Badge>
        <Badge tone="neutral">{plural(c.responses, 'response')}</Badge>
        <Badge tone="ok">{c.paired} paired</Badge>
        <Badge tone={c.unpaired ? 'warn' : 'neutral'}>{c.unpaired} unpaired</Badge>
        <Badge tone={c.errors ? 'error' : 'ok'}>{plural(c.errors, 'error verdict')}</Badge>
        {session.zoneOffsetMs !== undefined && <span className="muted small-text">Log times read in {describeOffset(session.zoneOffsetMs)}, the zone that fits the requests best.</span>}
      </div>
      <FindingsList findings={session.findings} label="Session findings" />
      {[...notes, ...(session.skipped ?? []).map((s) => `Line ${s.line}: ${s.reason}`)].map((n) => (
        <p key={n} className="muted small-text" role="note">
          {n}
        </p>
      ))}
    </section>
  );
}

const VERDICTS: Array<{ value: VerdictFilter | ''; label: string }> = [
  { value: '', label: 'Any verdict' },
  { value: 'valid', label: 'Valid' },
  { value: 'invalid', label: 'Invalid or error' },
  { value: 'not-verified', label: 'Not verified' },
  { value: 'no-request', label: 'Response alone' },
];

function Filters({ session }: { session: LogSession }) {
  const filters = useTimelineStore((s) => s.filters);
  const setFilter = useTimelineStore((s) => s.setFilter);
  const { statuses, tags } = useMemo(() => filterOptions(session), [session]);
  return (
    <div className="row timeline-filters" aria-label="Filters">
      <select aria-label="Filter by status" value={filters.status} onChange={(e) => setFilter('status', e.target.value)}>
        <option value="">Any status</option>
        {statuses.map((s) => (
          <option key={s}>{s}</option>
        ))}
      </select>
      <select aria-label="Filter by verdict" value={filters.verdict} onChange={(e) => setFilter('verdict', e.target.value as VerdictFilter | '')}>
        {VERDICTS.map((v) => (
          <option key={v.value} value={v.value}>
            {v.label}
          </option>
        ))}
      </select>
      <select aria-label="Filter by tag" value={filters.tag} onChange={(e) => setFilter('tag', e.target.value)}>
        <option value="">Any tag</option>
        {tags.map((t) => (
          <option key={t}>{t}</option>
        ))}
      </select>
      <input aria-label="Search the timeline" placeholder="Search requestId, kid, cause…" value={filters.text} onChange={(e) => setFilter('text', e.target.value)} />
    </div>
  );
}

import type { Finding } from '../../../../shared/diagnostics/types';
import { useResponseStore } from '../../stores/response';
import { Badge } from '../../ui/Badge';

/** The main side's findings about the response: problems open, notes folded; a quiet line when unavailable. */
export function Findings() {
  const findings = useResponseStore((s) => s.findings);
  if (findings.phase === 'idle') return null;
  const problems = findings.findings.filter((f) => f.severity !== 'info');
  const notes = findings.findings.filter((f) => f.severity === 'info');
  return (
    <section className="response-findings" aria-labelledby="findings-title" aria-busy={findings.phase === 'loading'}>
      <div className="part-head">
        <h3 id="findings-title">Findings</h3>
        {findings.phase === 'done' && (
          <span className="muted small-text">
            {problems.length === 0 ? 'no problems' : `${problems.length} to look at`}
            {notes.length > 0 ? ` · ${notes.length} note${notes.length === 1 ? '' : 's'}` : ''}
          </span>
        )}
      </div>
      {findings.phase === 'loading' && <p className="muted small-text">Checking…</p>}
      {findings.phase === 'unavailable' && (
        <p className="muted small-text">Not available from the main side yet ({findings.error?.message}). Everything else on this screen is complete without them.</p>
      )}
      {findings.phase === 'error' && (
        <div className="banner error" role="alert">
          Could not check the response: {findings.error?.message}
        </div>
      )}
      {findings.phase === 'done' && findings.findings.length === 0 && <p className="muted small-text">Nothing to report.</p>}
      {problems.length > 0 && <FindingList items={problems} label="Problems" />}
      {notes.length > 0 && (
        <details className="notes">
          <summary>
            {notes.length} note{notes.length === 1 ? '' : 's'}
          </summary>
          <FindingList items={notes} label="Notes" />
        </details>
      )}
    </section>
  );
}

function FindingList({ items, label }: { items: Finding[]; label: string }) {
  return (
    <ul className="finding-list" aria-label={label}>
      {items.map((f, i) => (
        <li key={`${f.id}-${f.path}-${i}`} className={`finding finding-${f.severity}`}>
          <Badge tone={f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warn' : 'info'}>{f.severity}</Badge>
          <div>
            <div>
              {f.message} {f.path && <code className="muted">{f.path}</code>}
            </div>
            {f.fix && <div className="muted small-text">Fix: {f.fix}</div>}
          </div>
        </li>
      ))}
    </ul>
  );
}

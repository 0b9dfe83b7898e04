import type { Finding } from '../../../../shared/diagnostics/types';
import { plural } from '../../lib/format';
import { Badge } from '../../ui/Badge';

/** What is off about the response, from the same read as the rest of the screen: problems open, notes folded. */
export function Findings({ findings }: { findings: Finding[] }) {
  const problems = findings.filter((f) => f.severity !== 'info');
  const notes = findings.filter((f) => f.severity === 'info');
  return (
    <section className="response-findings" aria-labelledby="findings-title">
      <div className="part-head">
        <h3 id="findings-title">Findings</h3>
        <span className="muted small-text">
          {problems.length === 0 ? 'no problems' : `${problems.length} to look at`}
          {notes.length > 0 ? ` · ${plural(notes.length, 'note')}` : ''}
        </span>
      </div>
      {findings.length === 0 && <p className="muted small-text">Nothing to report.</p>}
      {problems.length > 0 && <FindingList items={problems} label="Problems" />}
      {notes.length > 0 && (
        <details className="notes">
          <summary>{plural(notes.length, 'note')}</summary>
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
        <li key={`${f.id}-${f.path}-${i}`} className={`finding finding-${f.severity}`} data-finding-id={f.id} data-severity={f.severity}>
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

import type { Finding, Severity } from '../../../../shared/diagnostics/types';
import { Badge, type Tone } from '../../ui/Badge';

const TONE: Record<Severity, Tone> = { error: 'error', warning: 'warn', info: 'info' };
const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Counts by severity, e.g. "2 errors · 1 warning". */
export function FindingsSummary({ findings }: { findings: Finding[] }) {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const errors = count('error');
  const warnings = count('warning');
  return (
    <div className="row" aria-label="Findings summary">
      {errors === 0 && warnings === 0 ? (
        <Badge tone="ok">No problems found</Badge>
      ) : (
        <>
          {errors > 0 && <Badge tone="error">{errors} error{errors === 1 ? '' : 's'}</Badge>}
          {warnings > 0 && <Badge tone="warn">{warnings} warning{warnings === 1 ? '' : 's'}</Badge>}
        </>
      )}
      {count('info') > 0 && <Badge tone="info">{count('info')} note{count('info') === 1 ? '' : 's'}</Badge>}
    </div>
  );
}

/** Every finding: severity, what it is about, what is wrong and how to fix it; errors first. */
export function FindingsList({ findings, label = 'Findings' }: { findings: Finding[]; label?: string }) {
  const sorted = [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  if (sorted.length === 0) return <p className="muted">Nothing to report.</p>;
  return (
    <ul className="findings" aria-label={label}>
      {sorted.map((f, i) => (
        <li key={`${f.id}-${f.path}-${i}`} className={`finding finding-${f.severity}`} data-finding-id={f.id}>
          <div className="finding-head">
            <Badge tone={TONE[f.severity]}>{f.severity}</Badge>
            <code className="finding-path">{f.path || '(whole input)'}</code>
            <code className="finding-id muted">{f.id}</code>
          </div>
          <div className="finding-message">{f.message}</div>
          {f.fix && (
            <div className="finding-fix">
              <span className="muted">Fix: </span>
              {f.fix}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

import type { Finding, Severity } from '../../../shared/diagnostics/types';
import { findingText, isNothingToFix, whereText } from '../../../shared/diagnostics/merchant-text';
import { Badge, type Tone } from './Badge';
import { CopyButton } from './CopyButton';

const TONE: Record<Severity, Tone> = { error: 'error', warning: 'warn', info: 'info' };

/** Counts by severity, e.g. "2 errors · 1 warning"; "No problems found" only when there is neither. */
export function FindingsSummary({ findings }: { findings: Finding[] }) {
  const count = (s: Severity) => findings.filter((f) => f.severity === s && !f.causedBy).length;
  const errors = count('error');
  const warnings = count('warning');
  const notes = findings.filter((f) => f.severity === 'info' && !f.causedBy).length;
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
      {notes > 0 && <Badge tone="info">{notes} note{notes === 1 ? '' : 's'}</Badge>}
    </div>
  );
}

/**
 * Problems first, each root cause with its consequences under it; notes (findings that only describe)
 * folded below, so the one thing to fix is what the eye meets first.
 */
export function FindingsList({ findings, label = 'Findings', merchantText }: { findings: Finding[]; label?: string; merchantText?: () => string }) {
  const problems = findings.filter((f) => f.severity !== 'info');
  const notes = findings.filter((f) => f.severity === 'info' && !f.causedBy);
  if (findings.length === 0) return <p className="muted">Nothing to report.</p>;
  return (
    <div className="stack">
      {merchantText && (
        <div className="row">
          <CopyButton value={merchantText} label="Copy for the merchant" className="small">
            Copy for the merchant
          </CopyButton>
          <span className="muted small-text">Plain text: the cause and the fix, without the inspector's internal names.</span>
        </div>
      )}
      {problems.length > 0 && (
        <ul className="findings" aria-label={label}>
          {problems.map((f, i) => (
            <FindingItem key={`${f.id}-${f.path}-${i}`} finding={f} consequences={findings.filter((c) => c.causedBy === f.id)} />
          ))}
        </ul>
      )}
      {problems.length === 0 && <p className="muted">No problems found.</p>}
      {notes.length > 0 && (
        <details className="notes">
          <summary>
            {notes.length} note{notes.length === 1 ? '' : 's'}
          </summary>
          <ul className="findings" aria-label={`${label}: notes`}>
            {notes.map((f, i) => (
              <FindingItem key={`${f.id}-${f.path}-${i}`} finding={f} consequences={[]} />
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function FindingItem({ finding: f, consequences }: { finding: Finding; consequences: Finding[] }) {
  return (
    <li className={`finding finding-${f.severity}`} data-finding-id={f.id} data-severity={f.severity}>
      <div className="finding-head">
        <Badge tone={TONE[f.severity]}>{f.severity === 'info' ? 'note' : f.severity}</Badge>
        <code className="finding-path">{whereText(f.path)}</code>
        <CopyButton value={findingText(f)} label={`Copy this finding (${f.path || 'the whole input'})`} icon className="small finding-copy" />
      </div>
      <div className="finding-message">{f.message}</div>
      {!isNothingToFix(f.fix) && (
        <div className="finding-fix">
          <span className="muted">Fix: </span>
          {f.fix}
        </div>
      )}
      {consequences.length > 0 && (
        <details className="consequences">
          <summary>Also caused by this ({consequences.length})</summary>
          <ul aria-label="Consequences">
            {consequences.map((c, i) => (
              <li key={`${c.id}-${i}`} data-finding-id={c.id} data-caused-by={f.id}>
                <code className="finding-path">{whereText(c.path)}</code> {c.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      {/* The id is for tests, the CLI and bug reports: behind a toggle, not in the engineer's way. */}
      <details className="finding-details">
        <summary className="muted">Details</summary>
        <span className="muted">Finding id </span>
        <code className="finding-id">{f.id}</code>
      </details>
    </li>
  );
}

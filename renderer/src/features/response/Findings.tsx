import { useResponseStore } from '../../stores/response';
import { Badge } from '../../ui/Badge';

/** The main side's findings about the response, or a quiet note when that check is not available. */
export function Findings() {
  const findings = useResponseStore((s) => s.findings);
  if (findings.phase === 'idle') return null;
  return (
    <section className="panel response-findings" aria-labelledby="findings-title" aria-busy={findings.phase === 'loading'}>
      <div className="panel-head">
        <h2 id="findings-title">Findings</h2>
        {findings.phase === 'done' && <span className="muted">{findings.findings.length}</span>}
      </div>
      {findings.phase === 'loading' && <p className="muted">Checking…</p>}
      {findings.phase === 'unavailable' && <p className="muted">Findings are not available from the main side yet ({findings.error?.message}). The summary, tables and raw JSON are complete without them.</p>}
      {findings.phase === 'error' && (
        <div className="banner error" role="alert">
          Could not check the response: {findings.error?.message}
        </div>
      )}
      {findings.phase === 'done' && findings.findings.length === 0 && <p className="muted">Nothing to report.</p>}
      {findings.phase === 'done' && findings.findings.length > 0 && (
        <ul className="finding-list">
          {findings.findings.map((f, i) => (
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
      )}
    </section>
  );
}

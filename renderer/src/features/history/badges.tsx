import { KIND_LABELS, type HistoryEntrySummary, type HistoryPair } from '../../../../shared/history';
import { Badge } from '../../ui/Badge';

/** Valid / invalid / not verified for a request; no error / error for a response; "signed" for a sign. */
export function VerdictBadge({ entry }: { entry: Pick<HistoryEntrySummary, 'kind' | 'valid' | 'cause'> }) {
  if (entry.kind === 'sign') return <Badge tone="info">signed</Badge>;
  if (entry.valid === null) return <Badge tone="warn">not verified</Badge>;
  const good = entry.kind === 'response' ? 'no errors' : 'valid';
  return entry.valid ? (
    <Badge tone="ok">{good}</Badge>
  ) : (
    <Badge tone="error" title={entry.cause ?? undefined}>
      {entry.kind === 'response' ? 'errors' : 'invalid'}
      {entry.cause ? ` · ${entry.cause}` : ''}
    </Badge>
  );
}

/** The other half of a request/response pair, as a small button that shows it. */
export function PairChip({ pair, onSelect }: { pair: HistoryPair; onSelect(): void }) {
  const name =
    pair.kind === 'response'
      ? `Show its response${pair.status ? ` (${pair.status})` : ''}`
      : `Show the request it answers (${KIND_LABELS[pair.kind].toLowerCase()})`;
  return (
    <button type="button" className="chip history-pair" onClick={onSelect} aria-label={name} title={name}>
      ⇄ {pair.kind === 'response' ? (pair.status ?? 'response') : 'request'}
    </button>
  );
}

import { now as clockNow } from '../../../../shared/clock';
import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { KIND_LABELS, type HistoryEntrySummary } from '../../../../shared/history';
import { formatDateTime } from '../../lib/time';
import { useHistoryStore } from '../../stores/history';
import { Badge } from '../../ui/Badge';
import { PairChip, VerdictBadge } from './badges';

const ROW_HEIGHT = 58;
/** Load the next page when the list shows a row this close to the end of what is loaded. */
const LOAD_AHEAD = 40;

/**
 * The entries, newest first, virtualised: only the rows on view are in the DOM, so 10,000 entries
 * scroll like 10. Pages load as the list nears the end of what it has.
 */
export function HistoryList() {
  const entries = useHistoryStore((s) => s.entries);
  const total = useHistoryStore((s) => s.total);
  const loading = useHistoryStore((s) => s.loading);
  const selectedId = useHistoryStore((s) => s.selectedId);
  const select = useHistoryStore((s) => s.select);
  const loadMore = useHistoryStore((s) => s.loadMore);
  const scrollRef = useRef<HTMLDivElement>(null);
  const more = entries.length < total;

  const virtualizer = useVirtualizer({
    count: entries.length + (more ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length > 0 ? items[items.length - 1]!.index : 0;
  useEffect(() => {
    if (more && !loading && lastIndex >= entries.length - LOAD_AHEAD) void loadMore();
  }, [more, loading, lastIndex, entries.length, loadMore]);

  if (entries.length === 0) {
    return <p className="muted history-empty">{loading ? 'Loading…' : 'No entries match. Sign, inspect or read a response and it appears here.'}</p>;
  }
  return (
    <div ref={scrollRef} className="history-scroll">
      <div role="list" aria-label="History entries" className="history-rows" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const entry = entries[item.index];
          return (
            <div key={entry?.id ?? 'more'} role="listitem" className="history-row-slot" style={{ transform: `translateY(${item.start}px)`, height: item.size }}>
              {entry ? <Row entry={entry} selected={entry.id === selectedId} onSelect={() => void select(entry.id)} onSelectPair={(id) => void select(id)} /> : <span className="muted">Loading more…</span>}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** The time of day for today's entries, the day and time for older ones: the row keeps its width for the requestId. */
function shortTime(at: number): string {
  const d = new Date(at);
  const today = new Date(clockNow()).toDateString() === d.toDateString();
  return today
    ? d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })
    : d.toLocaleString(undefined, { day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit' });
}

function Row({ entry, selected, onSelect, onSelectPair }: { entry: HistoryEntrySummary; selected: boolean; onSelect(): void; onSelectPair(id: string): void }) {
  const facts = [entry.merchantId, entry.channel, entry.kid && `kid ${entry.kid}`, entry.profile && `profile ${entry.profile}`].filter(Boolean).join(' · ');
  return (
    <div className={selected ? 'history-row selected' : 'history-row'} data-kind={entry.kind}>
      <button type="button" className="history-row-main" aria-pressed={selected} onClick={onSelect} aria-label={`${KIND_LABELS[entry.kind]} ${entry.requestId ?? 'without requestId'} at ${formatDateTime(entry.time)}`}>
        <span className="history-row-line">
          <Badge tone="neutral">{KIND_LABELS[entry.kind]}</Badge>
          <code className="history-request-id">{entry.requestId ?? '(no requestId)'}</code>
          <span className="spacer" />
          <time className="muted small-text" dateTime={new Date(entry.time).toISOString()} title={formatDateTime(entry.time)}>
            {shortTime(entry.time)}
          </time>
        </span>
        <span className="history-row-line small-text">
          <VerdictBadge entry={entry} />
          {(entry.status || entry.errorCode) && <span className="history-status">{[entry.status, entry.errorCode].filter(Boolean).join(' · ')}</span>}
          <span className="muted">{facts || entry.summary || ''}</span>
        </span>
      </button>
      {entry.pair && <PairChip pair={entry.pair} onSelect={() => onSelectPair(entry.pair!.id)} />}
    </div>
  );
}

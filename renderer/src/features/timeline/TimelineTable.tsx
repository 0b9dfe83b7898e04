import { useMemo } from 'react';
import type { CellContext } from '@tanstack/react-table';
import { callRow, verdictKind, type CallRow, type LogSession, type SessionCall } from '../../../../shared/logs';
import { filterCalls, useTimelineStore, type TimelineFilters } from '../../stores/timeline';
import { Badge, type Tone } from '../../ui/Badge';
import { DataTable, type AnyColumn } from '../../ui/DataTable';
import { useTableLayout, type TableLayout } from '../../lib/tableLayout';
import { openCall } from './openCall';

interface Row extends CallRow {
  call: SessionCall;
  verdictKind: ReturnType<typeof verdictKind>;
}

const TONE: Record<CallRow['tone'], Tone> = { ok: 'ok', warn: 'warn', error: 'error', unknown: 'neutral', none: 'neutral' };

const text = (key: keyof CallRow, header: string, size: number, description: string, mono = false): AnyColumn<Row> => ({
  id: key,
  header,
  size,
  accessorFn: (r) => r[key],
  meta: { description },
  cell: (c: CellContext<Row, unknown>) => {
    const v = String(c.getValue() ?? '');
    return v === '' ? <span className="muted">—</span> : <span className={mono ? 'mono' : undefined} title={v}>{v}</span>;
  },
});

const COLUMNS: AnyColumn<Row>[] = [
  text('time', 'Log time', 176, 'When the request (else the response) was logged, on the device clock', true),
  { ...text('line', 'Line', 64, 'Line in the log', true), sortingFn: 'basic' },
  text('action', 'Action', 150, 'payload.action of the request'),
  text('requestId', 'requestId', 290, 'The id that pairs a request with its response', true),
  text('merchantId', 'merchantId', 110, 'merchantId in the signed claims'),
  text('kid', 'kid', 150, 'The key id in the protected header', true),
  {
    id: 'verdict',
    header: 'Verdict',
    size: 200,
    accessorFn: (r) => r.verdict,
    meta: { description: 'valid, or the root cause of the failure (open the row in Inspect for the whole verdict)' },
    cell: (c: CellContext<Row, unknown>) => (
      <span data-verdict={c.row.original.verdictKind} title={c.row.original.call.request?.verdict.headline}>
        <Badge tone={TONE[c.row.original.tone]}>{String(c.getValue())}</Badge>
      </span>
    ),
  },
  text('status', 'Status', 120, 'payload.status of the response, or why there is none'),
  text('errorCode', 'errorCode', 96, 'errorCode of the response', true),
  text('skew', 'Clock skew', 190, 'The device clock against the signed timestamp, once the device zone is taken out'),
  text('tag', 'Tag', 110, 'The logcat tag the request (else the response) was logged under'),
];

const LAYOUT: TableLayout = { order: COLUMNS.map((c) => c.id!), hidden: [] };

/** One row per call; click one to open it in Inspect and Response. Virtualised: only visible rows are drawn. */
export function TimelineTable({ session, sourceName }: { session: LogSession; sourceName: string }) {
  const filters = useTimelineStore((s) => s.filters);
  const selectedId = useTimelineStore((s) => s.selectedId);
  const select = useTimelineStore((s) => s.select);
  const rows = useRows(session, filters);
  const { layout, update } = useTableLayout('timeline.calls', LAYOUT);
  return (
    <DataTable
      label="Calls in the log"
      data={rows}
      columns={COLUMNS}
      sort={layout.sort ?? null}
      onSortChange={(sort) => update({ sort })}
      getRowId={(r) => r.id}
      selectedRowId={selectedId}
      onRowClick={(r) => {
        select(r.id);
        openCall(r.call, sourceName);
      }}
      maxHeight={520}
      empty={session.calls.length ? 'No call matches the filters.' : 'No request or response was found in this log.'}
    />
  );
}

function useRows(session: LogSession, filters: TimelineFilters): Row[] {
  const all = useMemo(() => session.calls.map((call): Row => ({ ...callRow(call), call, verdictKind: verdictKind(call) })), [session]);
  return useMemo(() => {
    const byId = new Map(all.map((r) => [r.call, r]));
    return filterCalls(
      all.map((r) => r.call),
      filters,
      (c) => byId.get(c)!,
    ).map((c) => byId.get(c)!);
  }, [all, filters]);
}

/** The values a filter can take, from the session itself. */
export function filterOptions(session: LogSession): { statuses: string[]; tags: string[] } {
  const rows = session.calls.map(callRow);
  const distinct = (xs: string[]) => [...new Set(xs.filter(Boolean))].sort();
  return { statuses: distinct(rows.map((r) => r.status)), tags: distinct(rows.map((r) => r.tag)) };
}

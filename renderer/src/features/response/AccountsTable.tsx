import { useDeferredValue, useMemo } from 'react';
import type { AccountRow, ParseResponseResult } from '../../../../shared/response';
import { plural } from '../../lib/format';
import { useTableLayout, type TableLayout } from '../../lib/tableLayout';
import { ColumnChooser } from '../../ui/ColumnChooser';
import { DataTable } from '../../ui/DataTable';
import { COPY_COLUMN, useAccountColumns } from './accountColumns';
import { ACCOUNT_COLUMNS, type AccountColumnId } from './accountFields';
import { compileFilter, fieldTerm, parseFilter } from './accountFilter';
import { compareValues, display } from './values';

type Ok = Extract<ParseResponseResult, { ok: true }>;

const LAYOUT_KEY = 'response.accounts';
const DEFAULT_LAYOUT: TableLayout = { order: ACCOUNT_COLUMNS.map((c) => c.id), hidden: ACCOUNT_COLUMNS.filter((c) => !c.shown).map((c) => c.id) };
const FILTER_HINT_ID = 'accounts-filter-hint';

interface Props {
  parsed: Ok;
  rows: AccountRow[];
  /** Only this VPA's accounts (a click in the VPAs table), or null for all. */
  vpa: { index: number; name: unknown } | null;
  onClearVpa(): void;
}

/**
 * The accounts: the columns read first, the rest in the chooser (layout kept between launches), a
 * `field:value` filter box and per-column filters, counts that say "n of m".
 */
export function AccountsTable({ parsed, rows, vpa, onClearVpa }: Props) {
  const columns = useAccountColumns(parsed);
  // Columns, sort and filters are kept with the table's layout, so the next launch opens it as left.
  const { layout, update, reset } = useTableLayout(LAYOUT_KEY, DEFAULT_LAYOUT);
  const query = layout.query ?? '';
  const setQuery = (next: string) => update({ query: next });
  const columnFilters = layout.columnFilters ?? null;
  const setColumnFilters = (change: (f: Record<string, string> | null) => Record<string, string> | null) => update({ columnFilters: change(columnFilters) });

  // Typing stays fast on 10,000 accounts: the rows follow the box a moment later.
  const deferredQuery = useDeferredValue(query);
  const deferredFilters = useDeferredValue(columnFilters);
  const parsedQuery = useMemo(() => parseFilter(deferredQuery), [deferredQuery]);
  const vpaIndex = vpa?.index ?? null;
  const shown = useMemo(() => {
    const columnTerms = Object.entries(deferredFilters ?? {})
      .filter(([, value]) => value.trim() !== '')
      .map(([id, value]) => fieldTerm(id as AccountColumnId, value));
    const test = compileFilter([...parsedQuery.terms, ...columnTerms]);
    if (!test && vpaIndex === null) return rows;
    return rows.filter((r) => (vpaIndex === null || r.vpaIndex === vpaIndex) && (!test || test(r)));
  }, [rows, parsedQuery, deferredFilters, vpaIndex]);

  const order = useMemo(() => [...layout.order, COPY_COLUMN], [layout.order]);
  const count = shown.length === rows.length ? plural(rows.length, 'account') : `${shown.length.toLocaleString('en-US')} of ${plural(rows.length, 'account')}`;

  return (
    <section className="panel" aria-labelledby="accounts-title">
      <div className="panel-head accounts-tools">
        <h2 id="accounts-title">Accounts</h2>
        <span className="muted" role="status" aria-label="Accounts shown">
          {count}
        </span>
        {vpa && (
          <span className="chip">
            VPA <span className="mono">{display(vpa.name)}</span>
            <button type="button" className="small ghost" onClick={onClearVpa} aria-label="Show accounts of every VPA">
              ✕
            </button>
          </span>
        )}
        <div className="spacer" />
        <input
          type="search"
          className="filter mono"
          placeholder="bank:hdfc mpinSet:false otp:6 is:unusual"
          aria-label="Filter accounts"
          aria-describedby={FILTER_HINT_ID}
          spellCheck={false}
          autoComplete="off"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button
          type="button"
          className="small"
          aria-pressed={columnFilters !== null}
          title="A filter box under each column header"
          onClick={() => setColumnFilters((f) => (f === null ? {} : null))}
        >
          Column filters
        </button>
        <ColumnChooser table="Accounts" columns={ACCOUNT_COLUMNS} layout={layout} onChange={(next) => update({ order: next.order, hidden: next.hidden })} onReset={reset} />
      </div>
      <p id={FILTER_HINT_ID} className="visually-hidden">
        Terms are field:value (mpinSet:false, otpLength:6, mpinLength:&gt;4, bank:hdfc, -bank:axis) or is:unusual; free words match any column; all terms must match.
      </p>
      {parsedQuery.problems.length > 0 && (
        <div className="filter-problems" role="status" aria-label="Filter problems">
          {parsedQuery.problems.map((p) => (
            <p key={p} className="field-warning">
              {p}
            </p>
          ))}
        </div>
      )}
      <DataTable
        label="Accounts"
        data={shown}
        columns={columns}
        getRowId={(r) => `${r.vpaIndex}.${r.accountIndex}`}
        order={order}
        hidden={layout.hidden}
        pinFirst
        compare={compareValues}
        sort={layout.sort ?? null}
        onSortChange={(sort) => update({ sort })}
        columnFilters={columnFilters === null ? undefined : { values: columnFilters, onChange: (id, value) => setColumnFilters((f) => ({ ...f, [id]: value })) }}
        maxHeight={420}
        empty="No account matches these filters."
      />
      <p className="muted small-text legend">
        <span className="spelled-string">dotted</span> = sent as a string (e.g. <code>"6"</code>, <code>"true"</code>), read as its value;{' '}
        <span className="unusual">red</span> = outside what banks use (hover for why). Click a header to sort.
      </p>
    </section>
  );
}

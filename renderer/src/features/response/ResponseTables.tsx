import { useMemo, useState } from 'react';
import type { CellContext } from '@tanstack/react-table';
import type { AccountRow, NormalizedVpaAccount, ParseResponseResult } from '../../../../shared/response';
import { CopyButton } from '../../ui/CopyButton';
import { DataTable, type AnyColumn } from '../../ui/DataTable';
import { useTableLayout } from '../../lib/tableLayout';
import { AccountsTable } from './AccountsTable';
import { compareValues, display } from './values';

type Ok = Extract<ParseResponseResult, { ok: true }>;

interface VpaRow {
  index: number;
  vpa: unknown;
  accounts: number;
  primaryBank: string | undefined;
}

function vpaRows(vpas: NormalizedVpaAccount[]): VpaRow[] {
  return vpas.map((v, index) => {
    const primary = v.accounts.find((a) => a.isPrimary === true);
    return { index, vpa: v.vpa, accounts: v.accounts.length, primaryBank: primary ? display(primary.bankName) : undefined };
  });
}

/** The one line shown instead of empty tables (FRESH, BOUND, NOPERMISSION, FAILURE…). */
function noAccountsLine(parsed: Ok): string {
  const status = parsed.response.payload?.status;
  if (status === 'LINKED') return 'No accounts in this response, although its status is LINKED: see the findings.';
  const which = typeof status === 'string' && status !== '' ? ` (this one is ${status})` : '';
  return `No accounts in this response: accounts appear only when the status is LINKED${which}.`;
}

/** VPAs and their accounts; a click on a VPA filters the accounts to it. Nothing to list is said in one line. */
/** The VPAs table keeps its sort between launches (its columns are fixed). */
const VPA_LAYOUT = { order: ['vpa', 'accounts', 'primaryBank', 'copy'], hidden: [] };

export function ResponseTables({ parsed, rows }: { parsed: Ok; rows: AccountRow[] }) {
  const vpas = useMemo(() => parsed.response.payload?.vpaAccounts ?? [], [parsed]);
  const [vpaFilter, setVpaFilter] = useState<number | null>(null);
  const vRows = useMemo(() => vpaRows(vpas), [vpas]);
  const filteredVpa = vpaFilter === null ? null : vRows[vpaFilter];

  const vpaColumns = useMemo<AnyColumn<VpaRow>[]>(
    () => [
      {
        id: 'vpa',
        header: 'vpa',
        size: 230,
        accessorFn: (r) => r.vpa,
        cell: (c: CellContext<VpaRow, unknown>) => (
          <button
            type="button"
            className="link mono"
            aria-pressed={vpaFilter === c.row.original.index}
            title="Show only this VPA’s accounts"
            onClick={(e) => {
              e.stopPropagation();
              setVpaFilter((f) => (f === c.row.original.index ? null : c.row.original.index));
            }}
          >
            {display(c.getValue())}
          </button>
        ),
      },
      { id: 'accounts', header: 'accounts', size: 90, accessorFn: (r) => r.accounts, cell: (c: CellContext<VpaRow, unknown>) => <span className="num">{display(c.getValue())}</span> },
      { id: 'primaryBank', header: 'primary bank', size: 180, accessorFn: (r) => r.primaryBank, cell: (c: CellContext<VpaRow, unknown>) => display(c.getValue()) },
      {
        id: 'copy',
        header: 'copy',
        size: 56,
        enableSorting: false,
        cell: (c: CellContext<VpaRow, unknown>) => <CopyButton icon label={`Copy VPA ${display(c.row.original.vpa)}`} value={display(c.row.original.vpa)} />,
      },
    ],
    [vpaFilter],
  );
  const vpaLayout = useTableLayout('response.vpas', VPA_LAYOUT);

  if (vpas.length === 0 && rows.length === 0) {
    return (
      <p className="panel one-line-empty muted" role="note" aria-label="Accounts">
        {noAccountsLine(parsed)}
      </p>
    );
  }
  return (
    <div className="stack tables">
      <section className="panel" aria-labelledby="vpas-title">
        <div className="panel-head">
          <h2 id="vpas-title">VPAs</h2>
          <span className="muted">{vpas.length}</span>
          <span className="muted small-text">Click a VPA to see only its accounts.</span>
        </div>
        <DataTable
          label="VPAs"
          data={vRows}
          columns={vpaColumns}
          getRowId={(r) => String(r.index)}
          compare={compareValues}
          sort={vpaLayout.layout.sort ?? null}
          onSortChange={(sort) => vpaLayout.update({ sort })}
          onRowClick={(r) => setVpaFilter((f) => (f === r.index ? null : r.index))}
          selectedRowId={vpaFilter === null ? null : String(vpaFilter)}
          maxHeight={200}
        />
      </section>
      {rows.length === 0 ? (
        <p className="panel one-line-empty muted" role="note" aria-label="Accounts">
          {noAccountsLine(parsed)}
        </p>
      ) : (
        <AccountsTable parsed={parsed} rows={rows} vpa={filteredVpa ? { index: filteredVpa.index, name: filteredVpa.vpa } : null} onClearVpa={() => setVpaFilter(null)} />
      )}
    </div>
  );
}

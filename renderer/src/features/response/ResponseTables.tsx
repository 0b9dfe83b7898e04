import { useMemo, useState } from 'react';
import type { CellContext } from '@tanstack/react-table';
import { ACCOUNT_FIELDS, type AccountField, type AccountRow, type NormalizedVpaAccount, type ParseResponseResult } from '../../../../shared/response';
import { plural } from '../../lib/format';
import { CopyButton } from '../../ui/CopyButton';
import { DataTable, type AnyColumn } from '../../ui/DataTable';
import { compareValues, display, rawAccount, spellingOf } from './values';

type Ok = Extract<ParseResponseResult, { ok: true }>;

/** Column order for accounts: who and where first, then the lengths a payment flow needs. */
const ACCOUNT_COLUMNS: { field: AccountField; width: number; description: string }[] = [
  { field: 'bankName', width: 150, description: 'Name of bank' },
  { field: 'bankCode', width: 90, description: 'IIN code for the bank' },
  { field: 'maskedAccountNumber', width: 170, description: 'Account number with last few digits visible' },
  { field: 'ifsc', width: 120, description: 'Account IFSC' },
  { field: 'branchName', width: 140, description: 'Branch in which the account is registered' },
  { field: 'type', width: 100, description: 'Type of account, e.g. SAVINGS' },
  { field: 'name', width: 140, description: 'Name of the account holder' },
  { field: 'isPrimary', width: 90, description: 'Is this the primary account' },
  { field: 'mpinSet', width: 84, description: 'Is the MPIN set' },
  { field: 'mpinLength', width: 100, description: 'Length of the MPIN' },
  { field: 'otpLength', width: 92, description: 'Length of the OTP' },
  { field: 'atmPinLength', width: 118, description: 'Length of the ATM PIN' },
  { field: 'isInitialTopUpDone', width: 150, description: 'UPI Lite only: true or topup_txn_pending' },
  { field: 'referenceId', width: 150, description: 'Account reference id' },
  { field: 'bankAccountUniqueId', width: 190, description: 'Unique identifier for the bank account across banks' },
];

const sortMixed = (a: { getValue(id: string): unknown }, b: { getValue(id: string): unknown }, id: string) => compareValues(a.getValue(id), b.getValue(id));

function useAccountColumns(parsed: Ok): AnyColumn<AccountRow>[] {
  return useMemo(() => {
    const vpaColumn: AnyColumn<AccountRow> = {
      id: 'vpa',
      header: 'vpa',
      size: 170,
      accessorFn: (r) => r.vpa,
      sortingFn: sortMixed,
      sortUndefined: 'last',
      meta: { description: 'The VPA this account is linked to' },
      cell: (c: CellContext<AccountRow, unknown>) => <span className="mono">{display(c.getValue())}</span>,
    };
    const fieldColumns = ACCOUNT_COLUMNS.map(({ field, width, description }): AnyColumn<AccountRow> => {
      const kind = ACCOUNT_FIELDS[field];
      return {
        id: field,
        header: field,
        size: width,
        accessorFn: (r) => r[field],
        sortingFn: sortMixed,
        sortUndefined: 'last',
        meta: { description },
        cell: (c: CellContext<AccountRow, unknown>) => {
          const v = c.getValue();
          if (v === undefined) return <span className="muted" title={`${field} is absent`}>—</span>;
          if (kind === 'text') return <span title={typeof v === 'string' && v.length > 18 ? v : undefined}>{display(v)}</span>;
          const raw = rawAccount(parsed, c.row.original.vpaIndex, c.row.original.accountIndex)?.[field];
          const spelled = spellingOf(raw, v);
          const unreadable = typeof v !== 'boolean' && typeof v !== 'number' && v !== 'topup_txn_pending';
          return (
            <span
              className={`${typeof v === 'boolean' ? `bool bool-${v}` : 'num'}${spelled === 'string' ? ' spelled-string' : ''}${unreadable ? ' unreadable' : ''}`}
              title={unreadable ? `Not readable as ${kind}: ${JSON.stringify(raw)}` : spelled === 'string' ? `Sent as the string ${JSON.stringify(raw)}` : `Sent as JSON ${typeof v}`}
            >
              {display(v)}
            </span>
          );
        },
      };
    });
    const copyColumn: AnyColumn<AccountRow> = {
      id: 'copy',
      header: 'copy',
      size: 56,
      enableSorting: false,
      enableGlobalFilter: false,
      meta: { description: 'Copy the account as received, as JSON' },
      cell: (c: CellContext<AccountRow, unknown>) => {
        const row = c.row.original;
        return (
          <CopyButton
            icon
            label={`Copy account ${display(row.referenceId ?? `${row.vpaIndex}.${row.accountIndex}`)} as JSON`}
            value={() => JSON.stringify(rawAccount(parsed, row.vpaIndex, row.accountIndex) ?? row, null, 2)}
          />
        );
      },
    };
    return [copyColumn, vpaColumn, ...fieldColumns];
  }, [parsed]);
}

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

/** VPAs and their accounts; a click on a VPA filters the accounts to it. */
export function ResponseTables({ parsed, rows }: { parsed: Ok; rows: AccountRow[] }) {
  const vpas = useMemo(() => parsed.response.payload?.vpaAccounts ?? [], [parsed]);
  const [filter, setFilter] = useState('');
  const [vpaFilter, setVpaFilter] = useState<number | null>(null);
  const accountColumns = useAccountColumns(parsed);
  const vRows = useMemo(() => vpaRows(vpas), [vpas]);
  const shown = useMemo(() => (vpaFilter === null ? rows : rows.filter((r) => r.vpaIndex === vpaFilter)), [rows, vpaFilter]);
  const filteredVpa = vpaFilter === null ? null : vRows[vpaFilter];

  const vpaColumns = useMemo<AnyColumn<VpaRow>[]>(
    () => [
      {
        id: 'vpa',
        header: 'vpa',
        size: 230,
        accessorFn: (r) => r.vpa,
        sortingFn: sortMixed,
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
      { id: 'accounts', header: 'accounts', size: 90, accessorFn: (r) => r.accounts, sortingFn: sortMixed, cell: (c: CellContext<VpaRow, unknown>) => <span className="num">{display(c.getValue())}</span> },
      { id: 'primaryBank', header: 'primary bank', size: 180, accessorFn: (r) => r.primaryBank, sortingFn: sortMixed, sortUndefined: 'last', cell: (c: CellContext<VpaRow, unknown>) => display(c.getValue()) },
      {
        id: 'copy',
        header: 'copy',
        size: 56,
        enableSorting: false,
        enableGlobalFilter: false,
        cell: (c: CellContext<VpaRow, unknown>) => <CopyButton icon label={`Copy VPA ${display(c.row.original.vpa)}`} value={display(c.row.original.vpa)} />,
      },
    ],
    [vpaFilter],
  );

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
          onRowClick={(r) => setVpaFilter((f) => (f === r.index ? null : r.index))}
          selectedRowId={vpaFilter === null ? null : String(vpaFilter)}
          maxHeight={200}
          empty={parsed.response.payload?.status === 'LINKED' ? 'LINKED but no vpaAccounts: that contradicts the status.' : 'No VPAs: accounts appear only when the status is LINKED.'}
        />
      </section>
      <section className="panel" aria-labelledby="accounts-title">
        <div className="panel-head">
          <h2 id="accounts-title">Accounts</h2>
          <span className="muted" aria-live="polite">
            {shown.length === rows.length ? plural(rows.length, 'account') : `${shown.length.toLocaleString()} of ${plural(rows.length, 'account')}`}
          </span>
          {filteredVpa && (
            <span className="chip">
              VPA <span className="mono">{display(filteredVpa.vpa)}</span>
              <button type="button" className="small ghost" onClick={() => setVpaFilter(null)} aria-label="Show accounts of every VPA">
                ✕
              </button>
            </span>
          )}
          <div className="spacer" />
          <input type="search" className="filter" placeholder="Filter accounts…" aria-label="Filter accounts" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
        <DataTable
          label="Accounts"
          data={shown}
          columns={accountColumns}
          globalFilter={filter}
          getRowId={(r) => `${r.vpaIndex}.${r.accountIndex}`}
          maxHeight={420}
          empty={rows.length === 0 ? 'No accounts in this response.' : `No account matches “${filter}”.`}
        />
        <p className="muted small-text legend">
          <span className="spelled-string">dotted</span> = sent as a string (e.g. <code>"6"</code>, <code>"true"</code>), read as its value. Click a header to sort.
        </p>
      </section>
    </div>
  );
}

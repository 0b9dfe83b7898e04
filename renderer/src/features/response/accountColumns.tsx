import { useId, useMemo } from 'react';
import type { CellContext } from '@tanstack/react-table';
import type { AccountRow, ParseResponseResult } from '../../../../shared/response';
import { CopyButton } from '../../ui/CopyButton';
import type { AnyColumn, ColumnMeta } from '../../ui/DataTable';
import { ACCOUNT_COLUMNS, type AccountColumnSpec } from './accountFields';
import { unusualReason } from './unusual';
import { display, rawAccount, spellingOf } from './values';

type Ok = Extract<ParseResponseResult, { ok: true }>;

/** The action column after the data columns; it is not in the column chooser. */
export const COPY_COLUMN = 'copy';

/** A highlighted value: the reason is its tooltip and, for screen readers, its description. */
function Unusual({ className, reason, children }: { className: string; reason: string; children: string }) {
  const id = useId();
  return (
    <span className={`${className} unusual`} title={reason} aria-describedby={id}>
      {children}
      <span id={id} hidden>
        {reason}
      </span>
    </span>
  );
}

function ValueCell({ parsed, spec, row, value }: { parsed: Ok; spec: AccountColumnSpec; row: AccountRow; value: unknown }) {
  if (value === undefined) return <span className="muted" title={`${spec.id} is absent`}>—</span>;
  const reason = unusualReason(spec.id, value);
  if (spec.kind === 'text') {
    const text = display(value);
    return <span title={text.length > 18 ? text : undefined}>{text}</span>;
  }
  const raw = spec.id === 'vpa' ? undefined : rawAccount(parsed, row.vpaIndex, row.accountIndex)?.[spec.id];
  const spelled = spellingOf(raw, value) === 'string' ? ' spelled-string' : '';
  const className = `${typeof value === 'boolean' ? `bool bool-${value}` : 'num'}${spelled}`;
  if (reason) return <Unusual className={className} reason={spelled ? `${reason} Sent as the string ${JSON.stringify(raw)}.` : reason}>{display(value)}</Unusual>;
  return (
    <span className={className} title={spelled ? `Sent as the string ${JSON.stringify(raw)}` : `Sent as JSON ${typeof value}`}>
      {display(value)}
    </span>
  );
}

/** The accounts table's columns: one per field (see ACCOUNT_COLUMNS), then Copy. */
export function useAccountColumns(parsed: Ok): AnyColumn<AccountRow>[] {
  return useMemo(() => {
    const fields = ACCOUNT_COLUMNS.map(
      (spec): AnyColumn<AccountRow> => ({
        id: spec.id,
        header: spec.id,
        size: spec.width,
        accessorFn: (r) => r[spec.id],
        meta: { description: spec.description, filterable: true } satisfies ColumnMeta,
        cell: (c: CellContext<AccountRow, unknown>) => <ValueCell parsed={parsed} spec={spec} row={c.row.original} value={c.getValue()} />,
      }),
    );
    const copy: AnyColumn<AccountRow> = {
      id: COPY_COLUMN,
      header: 'copy',
      size: 52,
      enableSorting: false,
      meta: { description: 'Copy the account as received, as JSON' } satisfies ColumnMeta,
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
    return [...fields, copy];
  }, [parsed]);
}

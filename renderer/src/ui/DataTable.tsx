import { useMemo, useRef, useState, type ReactNode } from 'react';
import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';

// Columns of one table hold values of different types; tanstack's own examples type them this way.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyColumn<T> = ColumnDef<T, any>;

interface Props<T> {
  /** Accessible name of the table. */
  label: string;
  data: T[];
  columns: AnyColumn<T>[];
  /** Free-text filter over every column. */
  globalFilter?: string;
  getRowId?: (row: T, index: number) => string;
  onRowClick?: (row: T) => void;
  /** Row id drawn as selected. */
  selectedRowId?: string | null;
  /** Maximum height of the scrolling body, px. */
  maxHeight?: number;
  rowHeight?: number;
  empty?: ReactNode;
  initialSorting?: SortingState;
}

/**
 * A sortable, filterable, virtualised table with ARIA table semantics (table/row/columnheader/cell),
 * so screen readers and Playwright can read a cell by its column. Only the visible rows are in the DOM.
 */
export function DataTable<T>({
  label,
  data,
  columns,
  globalFilter = '',
  getRowId,
  onRowClick,
  selectedRowId,
  maxHeight = 420,
  rowHeight = 30,
  empty,
  initialSorting = [],
}: Props<T>) {
  const [sorting, setSorting] = useState<SortingState>(initialSorting);
  const table = useReactTable({
    data,
    columns,
    state: { sorting, globalFilter },
    onSortingChange: setSorting,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    // Every column sorts ascending on the first click, numbers included (tanstack starts numbers descending).
    sortDescFirst: false,
    globalFilterFn: 'includesString',
    getColumnCanGlobalFilter: () => true,
  });
  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const leafColumns = table.getVisibleLeafColumns();
  const template = useMemo(() => leafColumns.map((c) => `${c.getSize()}px`).join(' '), [leafColumns]);
  const width = leafColumns.reduce((sum, c) => sum + c.getSize(), 0);
  const bodyHeight = Math.min(maxHeight, Math.max(rows.length, 1) * rowHeight);

  return (
    <div role="table" aria-label={label} aria-rowcount={rows.length + 1} aria-colcount={leafColumns.length} className="dt">
      {/* Room for the header row and a horizontal scrollbar, so a short table never scrolls vertically. */}
      <div ref={scrollRef} className="dt-scroll" style={{ maxHeight: bodyHeight + 34 + 16 }}>
        <div role="rowgroup" className="dt-head" style={{ width }}>
          {table.getHeaderGroups().map((group) => (
            <div role="row" aria-rowindex={1} key={group.id} className="dt-row" style={{ gridTemplateColumns: template }}>
              {group.headers.map((header, index) => {
                const sorted = header.column.getIsSorted();
                const description = header.column.columnDef.meta as { description?: string } | undefined;
                return (
                  <div
                    role="columnheader"
                    key={header.id}
                    aria-colindex={index + 1}
                    className="dt-th"
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                    title={description?.description}
                  >
                    {header.column.getCanSort() ? (
                      <button type="button" className="dt-sort" onClick={header.column.getToggleSortingHandler()}>
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span className="dt-sort-mark" aria-hidden="true">
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                        </span>
                      </button>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        <div role="rowgroup" className="dt-body" style={{ height: rows.length === 0 ? rowHeight : virtualizer.getTotalSize(), width }}>
          {rows.length === 0 && (
            <div role="row" className="dt-row dt-empty">
              <div role="cell">{empty ?? 'No rows.'}</div>
            </div>
          )}
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            const selected = selectedRowId != null && row.id === selectedRowId;
            return (
              <div
                role="row"
                key={row.id}
                aria-rowindex={item.index + 2}
                aria-selected={onRowClick ? selected : undefined}
                className={`dt-row${selected ? ' selected' : ''}${onRowClick ? ' clickable' : ''}${item.index % 2 ? ' odd' : ''}`}
                style={{ gridTemplateColumns: template, height: rowHeight, transform: `translateY(${item.start}px)` }}
                onClick={onRowClick ? () => onRowClick(row.original) : undefined}
              >
                {row.getVisibleCells().map((cell, index) => (
                  <div role="cell" key={cell.id} className="dt-td" aria-colindex={index + 1}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

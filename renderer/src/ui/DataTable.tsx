import { memo, useMemo, useRef, useState, type ReactNode } from 'react';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type Row, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import './tables.css';

// Columns of one table hold values of different types; tanstack's own examples type them this way.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyColumn<T> = ColumnDef<T, any>;

/** What a column says about itself to the table: its description (the header's tooltip), and whether it can be filtered. */
export interface ColumnMeta {
  description?: string;
  filterable?: boolean;
}

interface Props<T> {
  /** Accessible name of the table. */
  label: string;
  /** The rows to show (already filtered); the table sorts and virtualises them. */
  data: readonly T[];
  columns: AnyColumn<T>[];
  getRowId: (row: T) => string;
  /** Column ids in display order (unlisted ones follow), and the ones not shown. */
  order?: readonly string[];
  hidden?: readonly string[];
  /** Keep the first shown column in view when the table scrolls sideways. */
  pinFirst?: boolean;
  /** Filter boxes under the headers of filterable columns, when given. */
  columnFilters?: { values: Record<string, string>; onChange(id: string, value: string): void };
  /** Total order for sorting; absent values (undefined, null) always go last. */
  compare?: (a: unknown, b: unknown) => number;
  /** The sort, when the caller keeps it (a table's saved layout); otherwise the table keeps its own. */
  sort?: { id: string; desc: boolean } | null;
  onSortChange?(sort: { id: string; desc: boolean } | null): void;
  onRowClick?: (row: T) => void;
  /** Row id drawn as selected. */
  selectedRowId?: string | null;
  /** Maximum height of the scrolling body, px. */
  maxHeight?: number;
  rowHeight?: number;
  empty?: ReactNode;
}

const defaultCompare = (a: unknown, b: unknown) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b)));
const missing = (v: unknown) => v === undefined || v === null;

/** The rows in the sorted order: keys read once per row, then an index sort (stable), absent values last. */
function useSorted<T>(data: readonly T[], columns: AnyColumn<T>[], sorting: SortingState, compare: (a: unknown, b: unknown) => number): readonly T[] {
  return useMemo(() => {
    const sort = sorting[0];
    const column = sort && columns.find((c) => c.id === sort.id);
    const accessor = column && 'accessorFn' in column ? column.accessorFn : undefined;
    if (!sort || !accessor) return data;
    const keys = data.map((row, i) => accessor(row, i));
    const direction = sort.desc ? -1 : 1;
    const index = keys.map((_, i) => i);
    index.sort((a, b) => {
      const ka = keys[a];
      const kb = keys[b];
      if (missing(ka) || missing(kb)) return missing(ka) === missing(kb) ? 0 : missing(ka) ? 1 : -1;
      return direction * compare(ka, kb);
    });
    return index.map((i) => data[i]!);
  }, [data, columns, sorting, compare]);
}

/**
 * A sortable, virtualised table with ARIA table semantics (table/row/columnheader/cell), so screen
 * readers and Playwright read a cell by its column. Only the rows on screen exist: TanStack gets just
 * those (its row model never holds all 10,000), sorting is an index sort over keys read once, and a
 * row that stays on screen is not rendered again while scrolling.
 */
export function DataTable<T>({
  label,
  data,
  columns,
  getRowId,
  order,
  hidden,
  pinFirst = false,
  columnFilters,
  compare = defaultCompare,
  sort,
  onSortChange,
  onRowClick,
  selectedRowId,
  maxHeight = 420,
  rowHeight = 30,
  empty,
}: Props<T>) {
  const [ownSorting, setOwnSorting] = useState<SortingState>([]);
  const kept = sort !== undefined && onSortChange !== undefined;
  const sorting: SortingState = useMemo(() => (kept ? (sort ? [sort] : []) : ownSorting), [kept, sort, ownSorting]);
  const setSorting = (change: SortingState | ((old: SortingState) => SortingState)) => {
    const next = typeof change === 'function' ? change(sorting) : change;
    if (kept) onSortChange(next[0] ? { id: next[0].id, desc: next[0].desc } : null);
    else setOwnSorting(next);
  };
  const sorted = useSorted(data, columns, sorting, compare);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    // Render in React's own time, not synchronously inside every scroll event.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  const windowRows = useMemo(() => sorted.slice(first, last + 1), [sorted, first, last]);
  const columnVisibility = useMemo(() => Object.fromEntries((hidden ?? []).map((id) => [id, false])), [hidden]);
  const table = useReactTable({
    data: windowRows as T[],
    columns,
    state: { sorting, columnVisibility, columnOrder: order ? [...order] : [] },
    onSortingChange: setSorting,
    getRowId: (row) => getRowId(row),
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualFiltering: true,
    // Every column sorts ascending on the first click, numbers included (tanstack starts numbers descending).
    sortDescFirst: false,
  });
  const leafColumns = table.getVisibleLeafColumns();
  const template = leafColumns.map((c) => `${c.getSize()}px`).join(' ');
  const width = leafColumns.reduce((sum, c) => sum + c.getSize(), 0);
  const layoutKey = leafColumns.map((c) => c.id).join(' ');
  const pinned = pinFirst ? leafColumns[0]?.id : undefined;
  const headHeight = columnFilters ? 62 : 34;
  const bodyHeight = Math.min(maxHeight, Math.max(sorted.length, 1) * rowHeight);
  const windowed = table.getRowModel().rows;

  return (
    <div role="table" aria-label={label} aria-rowcount={sorted.length + 1} aria-colcount={leafColumns.length} className="dt">
      {/* Room for the header row and a horizontal scrollbar, so a short table never scrolls vertically. */}
      <div ref={scrollRef} className="dt-scroll" style={{ maxHeight: bodyHeight + headHeight + 16 }}>
        <div role="rowgroup" className="dt-head" style={{ width }}>
          {table.getHeaderGroups().map((group) => (
            <div role="row" aria-rowindex={1} key={group.id} className="dt-row" style={{ gridTemplateColumns: template }}>
              {group.headers.map((header, index) => {
                const column = header.column;
                const sortedAs = column.getIsSorted();
                const meta = column.columnDef.meta as ColumnMeta | undefined;
                const text = typeof column.columnDef.header === 'string' ? column.columnDef.header : column.id;
                return (
                  <div
                    role="columnheader"
                    key={header.id}
                    aria-colindex={index + 1}
                    aria-label={text}
                    className={`dt-th${column.id === pinned ? ' dt-pinned' : ''}${columnFilters ? ' with-filter' : ''}`}
                    aria-sort={sortedAs === 'asc' ? 'ascending' : sortedAs === 'desc' ? 'descending' : 'none'}
                    title={meta?.description}
                  >
                    {column.getCanSort() ? (
                      <button type="button" className="dt-sort" onClick={column.getToggleSortingHandler()}>
                        {flexRender(column.columnDef.header, header.getContext())}
                        <span className="dt-sort-mark" aria-hidden="true">
                          {sortedAs === 'asc' ? '▲' : sortedAs === 'desc' ? '▼' : '↕'}
                        </span>
                      </button>
                    ) : (
                      flexRender(column.columnDef.header, header.getContext())
                    )}
                    {columnFilters && meta?.filterable && (
                      <input
                        type="search"
                        className="dt-filter"
                        aria-label={`Filter ${text}`}
                        placeholder="filter"
                        value={columnFilters.values[column.id] ?? ''}
                        onChange={(e) => columnFilters.onChange(column.id, e.target.value)}
                      />
                    )}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        <div role="rowgroup" className="dt-body" style={{ height: sorted.length === 0 ? rowHeight : virtualizer.getTotalSize(), width }}>
          {sorted.length === 0 && (
            <div role="row" className="dt-row dt-empty">
              <div role="cell">{empty ?? 'No rows.'}</div>
            </div>
          )}
          {items.map((item) => {
            const row = windowed[item.index - first];
            if (!row) return null;
            return (
              <DataRow
                key={row.id}
                row={row}
                original={row.original}
                index={item.index}
                start={item.start}
                height={rowHeight}
                template={template}
                columns={columns}
                layoutKey={layoutKey}
                pinned={pinned}
                selected={selectedRowId != null && row.id === selectedRowId}
                onRowClick={onRowClick}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

interface RowProps<T> {
  row: Row<T>;
  /** Compared instead of `row`, whose object is new whenever the rows on screen change. */
  original: T;
  index: number;
  start: number;
  height: number;
  template: string;
  columns: AnyColumn<T>[];
  /** The shown column ids in order: a change re-renders every row. */
  layoutKey: string;
  pinned: string | undefined;
  selected: boolean;
  onRowClick: ((row: T) => void) | undefined;
}

function sameRow<T>(a: RowProps<T>, b: RowProps<T>): boolean {
  return (
    a.original === b.original &&
    a.index === b.index &&
    a.start === b.start &&
    a.template === b.template &&
    a.columns === b.columns &&
    a.layoutKey === b.layoutKey &&
    a.pinned === b.pinned &&
    a.selected === b.selected &&
    a.onRowClick === b.onRowClick
  );
}

const DataRow = memo(function DataRow<T>({ row, index, start, height, template, pinned, selected, onRowClick }: RowProps<T>) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={onRowClick ? selected : undefined}
      className={`dt-row${selected ? ' selected' : ''}${onRowClick ? ' clickable' : ''}${index % 2 ? ' odd' : ''}`}
      style={{ gridTemplateColumns: template, height, transform: `translateY(${start}px)` }}
      onClick={onRowClick ? () => onRowClick(row.original) : undefined}
    >
      {row.getVisibleCells().map((cell, i) => (
        <div role="cell" key={cell.column.id} className={`dt-td${cell.column.id === pinned ? ' dt-pinned' : ''}`} aria-colindex={i + 1}>
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </div>
      ))}
    </div>
  );
}, sameRow) as <T>(props: RowProps<T>) => ReactNode;

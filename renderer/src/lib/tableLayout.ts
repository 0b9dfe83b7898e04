/**
 * A table's layout — which columns show and in what order (the first shown is pinned), its sort, its
 * filter box and column filters — kept in the settings on the main side (through the window's one door,
 * lib/windowStorage.ts), so every launch and both hosts open the table as it was left.
 */
import { useCallback, useState } from 'react';
import type { TableLayout } from '../../../shared/settings';
import { readTableLayout, writeTableLayout } from './windowStorage';

export type { TableLayout } from '../../../shared/settings';

/**
 * The saved layout of a table, fitted to the columns it has now: unknown ids are dropped and columns
 * added since are appended where the default puts them (shown or hidden as the default says); a sort
 * or column filter on a column gone since is dropped.
 */
export function loadTableLayout(table: string, fallback: TableLayout): TableLayout {
  const saved = readTableLayout(table);
  if (!saved) return fallback;
  const known = new Set(fallback.order);
  const kept = saved.order.filter((id) => known.has(id));
  const added = fallback.order.filter((id) => !kept.includes(id));
  const layout: TableLayout = {
    order: [...kept, ...added],
    hidden: [...saved.hidden.filter((id) => known.has(id)), ...added.filter((id) => fallback.hidden.includes(id))],
  };
  if (saved.sort && known.has(saved.sort.id)) layout.sort = saved.sort;
  if (saved.query) layout.query = saved.query;
  if (saved.columnFilters) layout.columnFilters = Object.fromEntries(Object.entries(saved.columnFilters).filter(([id]) => known.has(id)));
  return layout;
}

/** Keeps a table's layout (null: back to its default). */
export function saveTableLayout(table: string, layout: TableLayout | null): void {
  writeTableLayout(table, layout);
}

/**
 * A table's layout as React state, kept as it changes: `update` merges a change into it (the column
 * chooser's order, a sort, the filter box), `reset` goes back to the default.
 */
export function useTableLayout(table: string, fallback: TableLayout) {
  const [layout, setLayout] = useState(() => loadTableLayout(table, fallback));
  const update = useCallback(
    (change: Partial<TableLayout>) =>
      setLayout((current) => {
        const next = { ...current, ...change };
        saveTableLayout(table, next);
        return next;
      }),
    [table],
  );
  const reset = useCallback(() => {
    saveTableLayout(table, null);
    setLayout(fallback);
  }, [table, fallback]);
  return { layout, update, reset };
}

/**
 * Where table layouts (which columns show, in what order) are kept: the window's localStorage (through
 * its one door, lib/windowStorage.ts) for now. Everything that reads or writes a layout goes through
 * these two functions, so moving settings to the main side changes this file only.
 */
import { readItem, removeItem, writeItem } from './windowStorage';

export interface TableLayout {
  /** Every column id in display order. */
  order: string[];
  /** Column ids not shown. */
  hidden: string[];
}

const PREFIX = 'upi-inspector.table-layout.' as const;

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/**
 * The saved layout of a table, fitted to the columns it has now: unknown ids are dropped and columns
 * added since are appended where the default puts them (shown or hidden as the default says).
 */
export function loadTableLayout(table: string, fallback: TableLayout): TableLayout {
  let saved: unknown;
  try {
    saved = JSON.parse(readItem(`${PREFIX}${table}`) ?? 'null');
  } catch {
    return fallback;
  }
  if (typeof saved !== 'object' || saved === null) return fallback;
  const { order, hidden } = saved as Record<string, unknown>;
  if (!isStringArray(order) || !isStringArray(hidden)) return fallback;
  const known = new Set(fallback.order);
  const kept = order.filter((id) => known.has(id));
  const added = fallback.order.filter((id) => !kept.includes(id));
  return {
    order: [...kept, ...added],
    hidden: [...hidden.filter((id) => known.has(id)), ...added.filter((id) => fallback.hidden.includes(id))],
  };
}

/** Keeps a table's layout; a storage that refuses (private mode, quota) only loses the layout. */
export function saveTableLayout(table: string, layout: TableLayout | null): void {
  if (layout === null) removeItem(`${PREFIX}${table}`);
  else writeItem(`${PREFIX}${table}`, JSON.stringify(layout));
}

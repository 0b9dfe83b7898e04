import type { TableLayout } from '../lib/tableLayout';

export interface ChoosableColumn {
  id: string;
  description?: string;
}

interface Props {
  /** The table's name, for the chooser's accessible names ("Columns of Accounts"). */
  table: string;
  columns: readonly ChoosableColumn[];
  layout: TableLayout;
  onChange(layout: TableLayout): void;
  onReset(): void;
}

/**
 * Which columns a table shows and in what order: a disclosure with a checkbox per column and buttons
 * to move it. At least one column stays shown.
 */
export function ColumnChooser({ table, columns, layout, onChange, onReset }: Props) {
  const byId = new Map(columns.map((c) => [c.id, c]));
  const order = layout.order.filter((id) => byId.has(id));
  const shownCount = order.filter((id) => !layout.hidden.includes(id)).length;

  const toggle = (id: string, show: boolean) =>
    onChange({ order: layout.order, hidden: show ? layout.hidden.filter((h) => h !== id) : [...layout.hidden, id] });
  const move = (id: string, by: -1 | 1) => {
    const next = [...layout.order];
    const at = next.indexOf(id);
    const to = at + by;
    if (at < 0 || to < 0 || to >= next.length) return;
    [next[at], next[to]] = [next[to]!, next[at]!];
    onChange({ order: next, hidden: layout.hidden });
  };

  return (
    <details className="column-chooser">
      <summary className="button-like small" title={`Choose the columns ${table} shows and their order`}>
        Columns ({shownCount} of {order.length})
      </summary>
      <div className="column-chooser-panel" role="group" aria-label={`Columns of ${table}`}>
        <ul>
          {order.map((id, i) => {
            const shown = !layout.hidden.includes(id);
            return (
              <li key={id}>
                <label title={byId.get(id)?.description}>
                  <input type="checkbox" checked={shown} disabled={shown && shownCount === 1} onChange={(e) => toggle(id, e.target.checked)} />
                  {id}
                </label>
                <button type="button" className="small ghost" aria-label={`Move ${id} left`} title="Move left (earlier)" disabled={i === 0} onClick={() => move(id, -1)}>
                  ↑
                </button>
                <button type="button" className="small ghost" aria-label={`Move ${id} right`} title="Move right (later)" disabled={i === order.length - 1} onClick={() => move(id, 1)}>
                  ↓
                </button>
              </li>
            );
          })}
        </ul>
        <div className="column-chooser-foot">
          <span className="muted small-text">The first column shown stays pinned.</span>
          <button type="button" className="small" onClick={onReset}>
            Reset
          </button>
        </div>
      </div>
    </details>
  );
}

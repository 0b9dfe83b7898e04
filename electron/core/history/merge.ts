/**
 * Bringing entries from one database into another: what was recorded while the vault was locked into
 * the file at unlock, and what another process (the CLI's --save, a second window) wrote to the file
 * into the one this process holds, so neither write loses the other's entries.
 */
import { allRows, insertRow, replaceRow } from './entries';
import { selectRows, transaction, type Database } from './sqlite';

export interface MergeRules {
  /** Entries deleted here: not brought back from the other copy. */
  deletedIds?: ReadonlySet<string>;
  /** The history was cleared here at this time: nothing older comes back. */
  clearedAt?: number | null;
}

/** Copies the entries of `from` into `into`: new drafts are added, a draft newer in `from` replaces its row. Returns how many changed. */
export function mergeEntries(from: Database, into: Database, rules: MergeRules = {}): number {
  const rows = allRows(from);
  let changed = 0;
  transaction(into, () => {
    for (const row of rows) {
      if (rules.deletedIds?.has(row.id)) continue;
      if (rules.clearedAt != null && row.time <= rules.clearedAt) continue;
      const sameDraft = selectRows(into, 'SELECT time FROM entries WHERE draft = ?', [row.draft])[0];
      if (sameDraft) {
        if (Number(sameDraft.time) < row.time) {
          replaceRow(into, row);
          changed++;
        }
        continue;
      }
      if (selectRows(into, 'SELECT 1 FROM entries WHERE id = ?', [row.id]).length > 0) continue;
      insertRow(into, row);
      changed++;
    }
  });
  return changed;
}

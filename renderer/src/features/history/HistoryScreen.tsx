import { useEffect, useState } from 'react';
import { HISTORY_KINDS, KIND_LABELS, type HistoryKind } from '../../../../shared/history';
import { errorText } from '../../lib/errorText';
import { useHistoryStore, type ProfileFilter } from '../../stores/history';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { useScreenActive } from '../shell/screen';
import { HistoryDetail } from './HistoryDetail';
import { HistoryList } from './HistoryList';
import { RetentionForm } from './RetentionForm';
import '../../styles/history.css';

const SEARCH_DEBOUNCE_MS = 150;

function profileValue(filter: ProfileFilter): string {
  return filter.mode === 'named' ? `named:${filter.name}` : filter.mode;
}

function profileFilter(value: string): ProfileFilter {
  if (value.startsWith('named:')) return { mode: 'named', name: value.slice('named:'.length) };
  return value === 'none' ? { mode: 'none' } : { mode: 'all' };
}

/** Every sign, inspection and response reading, searchable as you type; reopen one into its screen. */
export function HistoryScreen() {
  const s = useHistoryStore();
  const active = useScreenActive();
  const [confirmClear, setConfirmClear] = useState(false);
  const [clearing, setClearing] = useState(false);
  const [clearError, setClearError] = useState<string | null>(null);

  // What was recorded on the other screens shows up when this one is opened.
  useEffect(() => {
    if (active) void s.refresh();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active]);
  useEffect(() => {
    const timer = setTimeout(() => void s.refresh(), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [s.query]);

  return (
    <div className="history-layout">
      <section className="panel stack history-list-panel" aria-label="History">
        <div className="row">
          <h1>History</h1>
          <span className="muted small-text" aria-label="Entries matching">
            {s.total.toLocaleString()} {s.total === 1 ? 'entry' : 'entries'}
          </span>
          <span className="spacer" />
          <button type="button" className="danger" onClick={() => setConfirmClear(true)} disabled={s.total === 0 && !s.query}>
            Delete all…
          </button>
        </div>
        <div className="row history-filters">
          <input
            type="search"
            className="history-search"
            aria-label="Search the history"
            placeholder="requestId, merchantId, kid, status, errorCode or any word"
            value={s.query}
            onChange={(e) => s.setQuery(e.target.value)}
          />
          <select aria-label="Kind" value={s.kind ?? ''} onChange={(e) => s.setKind((e.target.value || null) as HistoryKind | null)}>
            <option value="">All kinds</option>
            {HISTORY_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
          <select aria-label="Profile" value={profileValue(s.profile)} onChange={(e) => s.setProfile(profileFilter(e.target.value))}>
            <option value="all">All profiles</option>
            <option value="none">No profile</option>
            {s.profiles.map((p) => (
              <option key={p} value={`named:${p}`}>
                {p}
              </option>
            ))}
          </select>
        </div>
        {s.status?.message && (
          <div role="status" className={s.status.locked ? 'banner warn' : 'banner error'} aria-label="History storage">
            {s.status.message}
          </div>
        )}
        <ErrorBanner>{s.error && errorText(s.error)}</ErrorBanner>
        <HistoryList />
      </section>
      <div className="stack">
        <section className="panel">
          <HistoryDetail />
        </section>
        <section className="panel">
          <RetentionForm />
          {s.status && (
            <p className="muted small-text">
              {s.status.storage === 'encrypted'
                ? `Kept in ${s.status.path}, encrypted with the key vault.`
                : s.status.storage === 'file'
                  ? `Kept in ${s.status.path}.`
                  : 'Kept in memory only: nothing is written to disk.'}
            </p>
          )}
        </section>
      </div>
      <ConfirmDialog
        open={confirmClear}
        title="Delete the whole history?"
        confirmLabel="Delete all"
        danger
        busy={clearing}
        error={clearError}
        onCancel={() => setConfirmClear(false)}
        onConfirm={async () => {
          setClearing(true);
          const failed = await s.clearAll();
          setClearing(false);
          if (failed) setClearError(errorText(failed));
          else setConfirmClear(false);
        }}
      >
        <p>Every entry — {s.total.toLocaleString()} matching the current search and all the others — is removed for good. Keys and profiles are not touched.</p>
      </ConfirmDialog>
    </div>
  );
}

import { useEffect, useState, type FormEvent } from 'react';
import { MAX_KEEP_DAYS, MAX_KEEP_NEWEST, type HistorySettings } from '../../../../shared/history';
import { errorText } from '../../lib/errorText';
import { useHistoryStore } from '../../stores/history';
import { ErrorBanner } from '../../ui/ErrorBanner';

/** A limit as typed: empty is no limit; anything else must be a whole number in range. */
function readLimit(value: string, max: number, what: string): { value: number | null } | { error: string } {
  const trimmed = value.trim();
  if (trimmed === '') return { value: null };
  if (!/^\d+$/.test(trimmed) || Number(trimmed) < 1 || Number(trimmed) > max) return { error: `${what}: a whole number from 1 to ${max.toLocaleString('en')}, or empty for no limit.` };
  return { value: Number(trimmed) };
}

/** Keep the newest N entries and/or the last N days; applied as soon as it is saved. */
export function RetentionForm() {
  const settings = useHistoryStore((s) => s.settings);
  const loadSettings = useHistoryStore((s) => s.loadSettings);
  const saveSettings = useHistoryStore((s) => s.saveSettings);
  const [newest, setNewest] = useState('');
  const [days, setDays] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => void loadSettings(), [loadSettings]);
  useEffect(() => {
    if (!settings) return;
    setNewest(settings.keepNewest === null ? '' : String(settings.keepNewest));
    setDays(settings.keepDays === null ? '' : String(settings.keepDays));
  }, [settings]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const keepNewest = readLimit(newest, MAX_KEEP_NEWEST, 'Keep the newest');
    const keepDays = readLimit(days, MAX_KEEP_DAYS, 'Keep the last … days');
    if ('error' in keepNewest) return setProblem(keepNewest.error);
    if ('error' in keepDays) return setProblem(keepDays.error);
    const change: HistorySettings = { keepNewest: keepNewest.value, keepDays: keepDays.value };
    const failed = await saveSettings(change);
    setProblem(failed && errorText(failed));
    setSaved(!failed);
  };

  return (
    <form className="stack history-retention" aria-label="Retention" onSubmit={(e) => void submit(e)}>
      <h2>Retention</h2>
      <div className="row">
        <label className="field">
          Keep the newest (entries)
          <input inputMode="numeric" value={newest} placeholder="no limit" onChange={(e) => setNewest(e.target.value)} />
        </label>
        <label className="field">
          Keep the last (days)
          <input inputMode="numeric" value={days} placeholder="no limit" onChange={(e) => setDays(e.target.value)} />
        </label>
      </div>
      <div className="row">
        <button type="submit">Save retention</button>
        {saved && <span className="muted small-text">Saved: older entries were removed.</span>}
      </div>
      <ErrorBanner>{problem}</ErrorBanner>
    </form>
  );
}

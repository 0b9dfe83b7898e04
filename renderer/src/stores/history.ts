/**
 * The History screen's state: the search and filters, the entries loaded so far (a page at a time as
 * the list scrolls), the entry open in the detail pane, and the retention. Every answer is checked
 * against the latest search, so a slow page never lands in a newer list.
 */
import { create } from 'zustand';
import type { HistoryEntry, HistoryEntrySummary, HistoryKind, HistorySettings, HistoryStatus } from '../../../shared/history';
import type { AppError } from '../../../shared/result';
import { api } from '../api';

export const HISTORY_PAGE = 200;

/** Which profile the list shows: every entry, entries without a profile, or one profile's. */
export type ProfileFilter = { mode: 'all' } | { mode: 'none' } | { mode: 'named'; name: string };

interface HistoryState {
  query: string;
  kind: HistoryKind | null;
  profile: ProfileFilter;
  entries: HistoryEntrySummary[];
  total: number;
  profiles: string[];
  status: HistoryStatus | null;
  loading: boolean;
  error: AppError | null;
  selectedId: string | null;
  selected: HistoryEntry | null;
  selectedError: AppError | null;
  settings: HistorySettings | null;
  setQuery(query: string): void;
  setKind(kind: HistoryKind | null): void;
  setProfile(profile: ProfileFilter): void;
  /** The first page of the current search. */
  refresh(): Promise<void>;
  /** The next page, when the list has scrolled near its end. */
  loadMore(): Promise<void>;
  select(id: string | null): Promise<void>;
  remove(id: string): Promise<AppError | null>;
  clearAll(): Promise<AppError | null>;
  loadSettings(): Promise<void>;
  saveSettings(change: Partial<HistorySettings>): Promise<AppError | null>;
}

let searchSeq = 0;
let selectSeq = 0;

function profileInput(filter: ProfileFilter): { profile?: string | null } {
  if (filter.mode === 'none') return { profile: null };
  if (filter.mode === 'named') return { profile: filter.name };
  return {};
}

export const useHistoryStore = create<HistoryState>()((set, get) => {
  const page = async (offset: number) => {
    const { query, kind, profile } = get();
    return api['history:list']({ query, ...(kind ? { kind } : {}), ...profileInput(profile), limit: HISTORY_PAGE, offset });
  };
  return {
    query: '',
    kind: null,
    profile: { mode: 'all' },
    entries: [],
    total: 0,
    profiles: [],
    status: null,
    loading: false,
    error: null,
    selectedId: null,
    selected: null,
    selectedError: null,
    settings: null,

    setQuery: (query) => set({ query }),
    setKind: (kind) => {
      set({ kind });
      void get().refresh();
    },
    setProfile: (profile) => {
      set({ profile });
      void get().refresh();
    },

    refresh: async () => {
      const seq = ++searchSeq;
      set({ loading: true });
      const answer = await page(0);
      if (seq !== searchSeq) return;
      if (!answer.ok) return set({ loading: false, error: answer.error });
      const { entries, total, profiles, status } = answer.value;
      set({ entries, total, profiles, status, loading: false, error: null });
    },

    loadMore: async () => {
      const { entries, total, loading } = get();
      if (loading || entries.length >= total) return;
      const seq = searchSeq;
      set({ loading: true });
      const answer = await page(entries.length);
      if (seq !== searchSeq) return;
      if (!answer.ok) return set({ loading: false, error: answer.error });
      // Entries recorded since the first page shift the rest down: skip what is already listed.
      const known = new Set(get().entries.map((e) => e.id));
      set({ entries: [...get().entries, ...answer.value.entries.filter((e) => !known.has(e.id))], total: answer.value.total, loading: false });
    },

    select: async (id) => {
      const seq = ++selectSeq;
      set({ selectedId: id, selectedError: null, ...(id === null ? { selected: null } : {}) });
      if (id === null) return;
      const answer = await api['history:get']({ id });
      if (seq !== selectSeq) return;
      set(answer.ok ? { selected: answer.value, selectedError: null } : { selected: null, selectedError: answer.error });
    },

    remove: async (id) => {
      const answer = await api['history:delete']({ id });
      if (!answer.ok) return answer.error;
      if (get().selectedId === id) await get().select(null);
      await get().refresh();
      return null;
    },

    clearAll: async () => {
      const answer = await api['history:clear']({});
      if (!answer.ok) return answer.error;
      await get().select(null);
      await get().refresh();
      return null;
    },

    loadSettings: async () => {
      const answer = await api['history:settings']({});
      if (answer.ok) set({ settings: answer.value.settings, status: answer.value.status });
    },

    saveSettings: async (change) => {
      const answer = await api['history:settings'](change);
      if (!answer.ok) return answer.error;
      set({ settings: answer.value.settings, status: answer.value.status });
      await get().refresh();
      return null;
    },
  };
});

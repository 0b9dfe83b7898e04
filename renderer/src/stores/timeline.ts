/**
 * The Log screen's state: where the session came from (a file, a paste, a live device), the session the
 * main side judged, the filters, and a live capture polled while it runs. Nothing persists: a log holds
 * customer data.
 *
 * A session is saved to History and exported as a case from `session` + `source` here (see
 * `sessionForExport`, read by features/cases); an opened case's session comes back through `loadSession`.
 */
import { create } from 'zustand';
import type { LogSession, SessionCall, VerdictFilter } from '../../../shared/logs';
import type { AdbDevice, CaptureState } from '../../../shared/logs/channels';
import { InspectorError, type AppError } from '../../../shared/result';
import { api } from '../api';
import { readLogFile, readLogText, type ReadLogResult } from '../lib/readLog';

export const POLL_MS = 500;

export interface TimelineSource {
  kind: 'file' | 'drop' | 'paste' | 'capture';
  /** File name, "Pasted log", or the device serial. */
  name: string;
  lines: number;
  bytes: number;
}

export interface TimelineFilters {
  status: string;
  verdict: VerdictFilter | '';
  tag: string;
  text: string;
}

export interface LiveCapture {
  id: string;
  serial: string;
  state: CaptureState;
  revision: number;
  lines: number;
  message?: string;
}

interface TimelineState {
  source: TimelineSource | null;
  /** Bytes read of the file being read; null when nothing is being read. */
  progress: { bytes: number; total: number } | null;
  busy: boolean;
  session: LogSession | null;
  notes: string[];
  error: AppError | null;
  filters: TimelineFilters;
  selectedId: string | null;
  devices: AdbDevice[] | null;
  devicesError: AppError | null;
  serial: string;
  capture: LiveCapture | null;
  readFile(file: File, kind: 'file' | 'drop'): Promise<void>;
  readText(text: string): Promise<void>;
  setFilter<K extends keyof TimelineFilters>(key: K, value: TimelineFilters[K]): void;
  select(id: string | null): void;
  refreshDevices(): Promise<void>;
  setSerial(serial: string): void;
  startCapture(): Promise<void>;
  stopCapture(): Promise<void>;
  clear(): void;
  /** Shows a session read elsewhere (an opened case file) as if it had just been read. */
  loadSession(session: LogSession, source: TimelineSource): void;
}

const NO_FILTERS: TimelineFilters = { status: '', verdict: '', tag: '', text: '' };
let readTicket = 0;
let pollTimer: ReturnType<typeof setTimeout> | undefined;

const asAppError = (e: unknown): AppError =>
  e instanceof InspectorError ? e.toAppError() : { code: 'unexpected', message: `Reading the log failed: ${e instanceof Error ? e.message : String(e)}` };

export const useTimelineStore = create<TimelineState>()((set, get) => {
  /** Sends what the window read to the main side, which judges every request. */
  const judge = async (read: ReadLogResult, source: TimelineSource, ticket: number) => {
    set({ progress: null });
    const result = await api['logs:session']({ items: read.items });
    if (ticket !== readTicket) return;
    if (!result.ok) return set({ busy: false, error: result.error, session: null });
    set({ busy: false, session: result.value, source, notes: read.notes, error: null, selectedId: null });
  };

  const poll = async () => {
    const capture = get().capture;
    if (!capture || capture.state !== 'running') return;
    const result = await api['logs:capture:poll']({ captureId: capture.id, since: capture.revision });
    const now = get().capture;
    if (now?.id !== capture.id || now.state !== 'running') return;
    if (!result.ok) {
      set({ capture: { ...now, state: 'ended', message: result.error.message } });
      return;
    }
    const snap = result.value;
    set({
      capture: { ...now, state: snap.state, revision: snap.revision, lines: snap.lines, ...(snap.message ? { message: snap.message } : {}) },
      ...(snap.session ? { session: snap.session, source: { kind: 'capture', name: capture.serial, lines: snap.lines, bytes: 0 } } : {}),
    });
    if (snap.state === 'running') pollTimer = setTimeout(() => void poll(), POLL_MS);
  };

  return {
    source: null,
    progress: null,
    busy: false,
    session: null,
    notes: [],
    error: null,
    filters: NO_FILTERS,
    selectedId: null,
    devices: null,
    devicesError: null,
    serial: '',
    capture: null,

    readFile: async (file, kind) => {
      const ticket = ++readTicket;
      set({ busy: true, error: null, progress: { bytes: 0, total: file.size } });
      let last = 0;
      try {
        const read = await readLogFile(file, (bytes, total) => {
          const now = performance.now();
          if (now - last < 100 && bytes < total) return;
          last = now;
          if (ticket === readTicket) set({ progress: { bytes, total } });
        });
        if (ticket !== readTicket) return;
        await judge(read, { kind, name: file.name, lines: read.lines, bytes: read.bytes }, ticket);
      } catch (e) {
        if (ticket === readTicket) set({ busy: false, progress: null, error: asAppError(e) });
      }
    },

    readText: async (text) => {
      const ticket = ++readTicket;
      set({ busy: true, error: null });
      const read = readLogText(text);
      await judge(read, { kind: 'paste', name: 'Pasted log', lines: read.lines, bytes: read.bytes }, ticket);
    },

    setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value } })),
    select: (selectedId) => set({ selectedId }),

    refreshDevices: async () => {
      const result = await api['logs:devices']({});
      if (!result.ok) return set({ devices: null, devicesError: result.error });
      const devices = result.value;
      const keep = devices.some((d) => d.serial === get().serial && d.ready);
      set({ devices, devicesError: null, serial: keep ? get().serial : (devices.find((d) => d.ready)?.serial ?? '') });
    },
    setSerial: (serial) => set({ serial }),

    startCapture: async () => {
      const serial = get().serial;
      if (!serial) return;
      readTicket++; // a file still being read no longer lands here
      clearTimeout(pollTimer);
      const result = await api['logs:capture:start']({ serial });
      if (!result.ok) return set({ devicesError: result.error });
      const snap = result.value;
      set({
        capture: { id: snap.captureId, serial, state: snap.state, revision: snap.revision, lines: snap.lines },
        session: snap.session ?? null,
        source: { kind: 'capture', name: serial, lines: snap.lines, bytes: 0 },
        devicesError: null,
        error: null,
        notes: [],
        selectedId: null,
      });
      pollTimer = setTimeout(() => void poll(), POLL_MS);
    },

    stopCapture: async () => {
      const capture = get().capture;
      if (!capture) return;
      clearTimeout(pollTimer);
      const result = await api['logs:capture:stop']({ captureId: capture.id });
      if (!result.ok) return set({ capture: { ...capture, state: 'stopped', message: result.error.message } });
      const snap = result.value;
      set({
        capture: { ...capture, state: snap.state, revision: snap.revision, lines: snap.lines, ...(snap.message ? { message: snap.message } : {}) },
        ...(snap.session ? { session: snap.session, source: { kind: 'capture', name: capture.serial, lines: snap.lines, bytes: 0 } } : {}),
      });
    },

    loadSession: (session, source) => {
      readTicket++;
      set({ session, source, progress: null, busy: false, notes: [], error: null, selectedId: null, filters: NO_FILTERS });
    },

    clear: () => {
      readTicket++;
      set({ source: null, progress: null, busy: false, session: null, notes: [], error: null, selectedId: null, filters: NO_FILTERS });
    },
  };
});

/** The calls the filters let through. Pure. */
export function filterCalls(
  calls: readonly SessionCall[],
  filters: TimelineFilters,
  rowOf: (c: SessionCall) => { status: string; tag: string; verdictKind: VerdictFilter },
): SessionCall[] {
  const needle = filters.text.trim().toLowerCase();
  if (!filters.status && !filters.verdict && !filters.tag && !needle) return calls as SessionCall[];
  // Free text matches any of the row's words (requestId, merchantId, kid, cause…), as the table shows them.
  const matches = (row: object) => Object.values(row).some((v) => typeof v === 'string' && v.toLowerCase().includes(needle));
  return calls.filter((c) => {
    const row = rowOf(c);
    return (!filters.status || row.status === filters.status) && (!filters.verdict || row.verdictKind === filters.verdict) && (!filters.tag || row.tag === filters.tag) && (!needle || matches(row));
  });
}

/** What a History save or a case file takes from the screen. */
export function sessionForExport(state: Pick<TimelineState, 'session' | 'source'>): { session: LogSession; source: TimelineSource } | null {
  return state.session && state.source ? { session: state.session, source: state.source } : null;
}

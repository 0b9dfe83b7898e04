/**
 * The window's copy of its settings, which live on the main side (`<dataDir>/settings.json`), so every
 * launch and both hosts keep them. Loaded once before the first render (one `settings:get`), read
 * synchronously from then on; changes update the copy at once and reach the main side a moment later
 * (`settings:set`, debounced, one call in flight, patches merged in order).
 *
 * Only lib/windowStorage.ts (the allow-list door) calls this module.
 */
import { DEFAULT_SETTINGS, applySettingsPatch } from '../../../shared/settings-fields';
import type { Settings, SettingsPatch } from '../../../shared/settings';
import { api } from '../api';
import { errorText } from './errorText';

export const SETTINGS_WRITE_DELAY_MS = 250;

let snapshot: Settings | null = null;
/** The load failed: nothing is written, or the window's defaults would replace what is kept. */
let readOnly = false;
let markReady: () => void = () => undefined;
const ready = new Promise<void>((resolve) => (markReady = resolve));
let pending: SettingsPatch | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
let inFlight: Promise<boolean> = Promise.resolve(true);
let onProblem: (message: string) => void = (message) => console.warn(message);

/** Where a failed write is reported (the window's toast); the console until then. */
export function reportSettingsProblems(report: (message: string) => void): void {
  onProblem = report;
}

/** Loads the settings (once); resolves to the notice the window should show, if any. */
export async function loadSettings(): Promise<string | undefined> {
  if (snapshot) return undefined;
  let notice: string | undefined;
  try {
    const answer = await api['settings:get']({});
    if (answer.ok) {
      snapshot = answer.value.settings;
      notice = answer.value.notice;
    } else {
      readOnly = true;
      notice = `Saved settings could not be read (${errorText(answer.error)}); changes last until the window closes.`;
    }
  } catch (e) {
    readOnly = true;
    notice = `Saved settings could not be read (${e instanceof Error ? e.message : String(e)}); changes last until the window closes.`;
  }
  snapshot ??= DEFAULT_SETTINGS;
  markReady();
  return notice;
}

/** Resolves once the settings are loaded (what a store hydrating early waits for). */
export function settingsReady(): Promise<void> {
  return ready;
}

/** The settings as the window has them now; null before they are loaded. */
export function settingsSnapshot(): Settings | null {
  return snapshot;
}

/**
 * Changes the window's copy now and the kept settings shortly (`now`: at once). Ignored before the
 * settings are loaded. Resolves to whether the change is kept on the main side (when `now`).
 */
export function writeSettings(patch: SettingsPatch, { now = false } = {}): Promise<boolean> {
  if (!snapshot) return Promise.resolve(false);
  snapshot = applySettingsPatch(snapshot, patch);
  if (readOnly) return Promise.resolve(false);
  pending = pending ? { ...pending, ...patch, tables: { ...pending.tables, ...patch.tables } } : { ...patch };
  if (pending.tables && Object.keys(pending.tables).length === 0) delete pending.tables;
  clearTimeout(timer);
  if (now) return flushSettings();
  timer = setTimeout(() => void flushSettings(), SETTINGS_WRITE_DELAY_MS);
  return Promise.resolve(true);
}

/**
 * Sends what is waiting now; resolves to whether the last write was kept. Writes go one at a time, in
 * order, except as the page leaves (`leaving`): a write queued behind one in flight would then never be
 * sent, so it goes at once (it is the newest state; the one in flight was sent earlier).
 */
export function flushSettings({ leaving = false } = {}): Promise<boolean> {
  clearTimeout(timer);
  const patch = pending;
  pending = null;
  if (!patch) return inFlight;
  const before = leaving ? Promise.resolve(true) : inFlight;
  inFlight = before.then(async () => {
    try {
      // The main side checks each value as it keeps it: one it refuses is dropped and named in the notice.
      const answer = await api['settings:set'](patch);
      if (answer.ok && answer.value.notice) onProblem(answer.value.notice);
      if (!answer.ok) onProblem(`Settings not saved: ${errorText(answer.error)}`);
      return answer.ok;
    } catch (e) {
      onProblem(`Settings not saved: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
  });
  return inFlight;
}

if (typeof window !== 'undefined' && typeof window.addEventListener === 'function' && typeof document !== 'undefined') {
  // Best effort: a change made in the last moment before the window closes still goes.
  window.addEventListener('pagehide', () => void flushSettings({ leaving: true }));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void flushSettings({ leaving: true });
  });
}

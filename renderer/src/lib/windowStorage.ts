/**
 * The one door to what the window keeps. Settings (the zustand `persist` stores, the snippet language,
 * table layouts) are kept on the main side in the data directory (lib/settingsStorage.ts), so every
 * launch and both hosts see them; only the browser host's per-launch token stays in the tab
 * (sessionStorage). Only what ALLOWED names is kept — for a store only its listed fields, which are the
 * fields shared/settings.ts knows — and a value holding private key material (a PEM private key, a
 * private JWK) never is, whatever field it is in: a private key pasted anywhere stays in memory only.
 *
 * At start, `startWindowStorage` loads the settings and moves what an older version left in the window's
 * localStorage into them, once, then clears it.
 */
import type { PersistStorage, StorageValue } from 'zustand/middleware';
import { SECTION_FIELD_NAMES, holdsPrivateMaterial } from '../../../shared/settings-fields';
import type { SectionName, SettingsPatch, TableLayout } from '../../../shared/settings';
import { isRecord } from '../../../shared/guards';
import { loadSettings, settingsReady, settingsSnapshot, writeSettings } from './settingsStorage';

export { holdsPrivateMaterial } from '../../../shared/settings-fields';

interface Allowed {
  /** Kept in the settings: a store's section; or a plain item of the settings; or in the tab only. */
  keep: { section: SectionName } | { item: 'snippetLang' } | { tab: true };
  /** Why it is kept (and why it is harmless). */
  why: string;
}

export const ALLOWED = {
  'upi-inspector.app': { keep: { section: 'app' }, why: 'the screen last open and the theme' },
  'upi-inspector.compose': { keep: { section: 'compose' }, why: 'the Compose form: request fields, and which vault key and profile (by id, never key material)' },
  'upi-inspector.inspect': { keep: { section: 'inspect' }, why: 'what was pasted into Inspect: a request and a public key (a private key is never kept)' },
  'upi-inspector.snippet-lang': { keep: { item: 'snippetLang' }, why: 'the code language last chosen' },
  'upi-inspector.token': { keep: { tab: true }, why: "the browser host's per-launch token, for reloads of this tab only" },
} as const satisfies Record<string, Allowed>;

/** Names of the window's storage an older version wrote (a layout per table), moved into the settings. */
const LEGACY_TABLE_PREFIX = 'upi-inspector.table-layout.';
const PREFIX = 'upi-inspector.';

export type StoredName = keyof typeof ALLOWED;
type StoreName = { [N in StoredName]: (typeof ALLOWED)[N]['keep'] extends { section: SectionName } ? N : never }[StoredName];

function tabStorage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null; // storage disabled (a sandboxed frame): the token lasts for this page only
  }
}

function sectionOf(name: StoreName): SectionName {
  return ALLOWED[name].keep.section;
}

/**
 * A store's state as it may be kept: its listed fields, less any holding private material. (The main side
 * checks each value as it keeps it, so the window needs no schema: zod stays out of its first script.)
 */
export function keptFields(name: StoreName, state: Record<string, unknown>): Record<string, unknown> {
  const fields: readonly string[] = SECTION_FIELD_NAMES[sectionOf(name)];
  return Object.fromEntries(Object.entries(state).filter(([field, value]) => fields.includes(field) && !holdsPrivateMaterial(value)));
}

/** A plain item: the token in the tab, the snippet language in the settings; nothing private. */
export function writeItem(name: StoredName, value: string): void {
  const keep: Allowed['keep'] = ALLOWED[name]?.keep;
  if (!keep || 'section' in keep || holdsPrivateMaterial(value)) return;
  if ('item' in keep) {
    void writeSettings({ snippetLang: value.slice(0, 40) || null });
    return;
  }
  try {
    tabStorage()?.setItem(name, value);
  } catch {
    // full or disabled: it lasts for this page only
  }
}

export function readItem(name: StoredName): string | null {
  const keep: Allowed['keep'] | undefined = ALLOWED[name]?.keep;
  if (!keep || 'section' in keep) return null;
  if ('item' in keep) return settingsSnapshot()?.snippetLang ?? null;
  try {
    return tabStorage()?.getItem(name) ?? null;
  } catch {
    return null;
  }
}

/** A table's kept layout, or null. */
export function readTableLayout(table: string): TableLayout | null {
  return settingsSnapshot()?.tables[table] ?? null;
}

/** Keeps a table's layout (null forgets it); one holding private material (a key pasted into a filter) is not kept. */
export function writeTableLayout(table: string, layout: TableLayout | null): void {
  // The window reads order and hidden back at once; the main side checks the rest as it keeps it.
  const strings = (v: unknown) => Array.isArray(v) && v.every((id) => typeof id === 'string');
  if (layout !== null && (holdsPrivateMaterial(layout) || !strings(layout.order) || !strings(layout.hidden))) return;
  void writeSettings({ tables: { [table]: layout } });
}

function storedState(name: StoreName): StorageValue<Record<string, unknown>> | null {
  const section = settingsSnapshot()?.[sectionOf(name)];
  const state = keptFields(name, section ?? {});
  // No version: the settings file is versioned and validated field by field (shared/settings.ts), so a
  // store's own migrations never run on it (with a version zustand would drop a store whose number differs).
  return Object.keys(state).length === 0 ? null : { state };
}

/** The storage every zustand `persist` store of the window uses (`storage: persistStorage('name')`). */
export function persistStorage<S>(name: StoreName): PersistStorage<S> {
  return {
    // A store made before the settings are loaded hydrates once they are (main.tsx waits for that).
    getItem: () => (settingsSnapshot() ? (storedState(name) as StorageValue<S> | null) : settingsReady().then(() => storedState(name) as StorageValue<S> | null)),
    setItem: (_key, value) => void writeSettings({ [sectionOf(name)]: keptFields(name, value.state as Record<string, unknown>) }),
    removeItem: () => void writeSettings({ [sectionOf(name)]: {} }),
  };
}

function localArea(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * What an older version kept in the window's localStorage, as a change to the settings: each store,
 * item and table layout the settings do not have yet, less anything off the list or private.
 */
function legacyPatch(local: Storage, names: string[]): SettingsPatch {
  const kept = settingsSnapshot();
  const patch: SettingsPatch = {};
  const parse = (raw: string | null): unknown => {
    try {
      return JSON.parse(raw ?? 'null');
    } catch {
      return null;
    }
  };
  for (const name of names) {
    const raw = local.getItem(name);
    const allowed = (ALLOWED as Record<string, Allowed>)[name];
    if (allowed && 'section' in allowed.keep) {
      const section = allowed.keep.section;
      const state = keptFields(name as StoreName, ((parse(raw) as { state?: Record<string, unknown> } | null)?.state ?? {}) as Record<string, unknown>);
      if (Object.keys(state).length > 0 && Object.keys(kept?.[section] ?? {}).length === 0) Object.assign(patch, { [section]: state });
    } else if (allowed && 'item' in allowed.keep) {
      if (raw && !kept?.snippetLang && !holdsPrivateMaterial(raw)) patch.snippetLang = raw.slice(0, 40);
    } else if (name.startsWith(LEGACY_TABLE_PREFIX)) {
      const table = name.slice(LEGACY_TABLE_PREFIX.length);
      // Checked against the layout schema by the main side as it keeps it.
      const layout = parse(raw);
      if (isRecord(layout) && !holdsPrivateMaterial(layout) && !kept?.tables[table]) patch.tables = { ...patch.tables, [table]: layout as TableLayout };
    }
  }
  return patch;
}

/**
 * Loads the settings before the first render and moves what an older version kept in localStorage into
 * them (once: it is cleared when the settings have it). Clears the tab's storage of anything but the
 * token. Resolves to a notice for the window (a damaged settings file set aside), if any.
 */
export async function startWindowStorage(): Promise<string | undefined> {
  const notice = await loadSettings();
  const tab = tabStorage();
  if (tab) {
    const names = Array.from({ length: tab.length }, (_, i) => tab.key(i)).filter((k): k is string => k !== null && k.startsWith(PREFIX));
    for (const name of names) if (name !== 'upi-inspector.token' || holdsPrivateMaterial(tab.getItem(name) ?? '')) tab.removeItem(name);
  }
  const local = localArea();
  if (!local) return notice;
  const names = Array.from({ length: local.length }, (_, i) => local.key(i)).filter((k): k is string => k !== null && k.startsWith(PREFIX));
  if (names.length === 0) return notice;
  const patch = legacyPatch(local, names);
  // Cleared only once the settings have it: a failed move is tried again at the next start.
  if (Object.keys(patch).length > 0 && !(await writeSettings(patch, { now: true }))) return notice;
  for (const name of names) local.removeItem(name);
  return notice;
}

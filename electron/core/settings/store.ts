/**
 * The window's settings on disk: `<dataDir>/settings.json`. Every change is read-modify-write under the
 * file's cross-process lock (the desktop app and a browser host may share one data directory), written
 * atomically, so two windows changing different things both keep theirs.
 *
 * A file that is not JSON is set aside as settings.damaged-<time>.json and the defaults are used; a field
 * that is unknown or invalid is dropped, the rest kept. Either is said once to the window (`notice`).
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_SETTINGS,
  SETTINGS_FILE_NAME,
  applySettingsPatch,
  privateMaterialPath,
  readSettings,
  type Settings,
  type SettingsAnswer,
  type SettingsChange,
  type SettingsPatch,
} from '../../../shared/settings';
import { InspectorError } from '../../../shared/result';
import { writeFileAtomic } from '../atomic-file';
import { withFileLock } from '../file-lock';

interface Loaded {
  settings: Settings;
  /** What the window should be told about this read (a file set aside, fields dropped). */
  notice?: string;
}

export class SettingsStore {
  readonly path: string | null;
  private memory: Settings = DEFAULT_SETTINGS;
  /** Notices already given: each is said once per process, not at every read. */
  private said = new Set<string>();
  /** The writes of this process, in order: a read waits for them (a window reloading right after its last change must see it). */
  private writes: Promise<unknown> = Promise.resolve();

  constructor(
    dataDir: string | null,
    private readonly now: () => number = Date.now,
  ) {
    this.path = dataDir === null ? null : join(dataDir, SETTINGS_FILE_NAME);
  }

  /** The settings now kept (read afresh: another process may have changed them). */
  async get(): Promise<SettingsAnswer> {
    await this.writes;
    return this.answer(await this.load());
  }

  /** Applies `patch` to the settings as they are on disk now, and keeps the result. */
  set(change: SettingsChange): Promise<SettingsAnswer> {
    const done = this.writes.then(() => this.applyChange(change));
    this.writes = done.catch(() => undefined);
    return done;
  }

  private async applyChange(change: SettingsChange): Promise<SettingsAnswer> {
    const patch = change as SettingsPatch; // applied as it is, then read back field by field (keep)
    const privateAt = privateMaterialPath(patch);
    if (privateAt !== null) {
      throw new InspectorError('settings_private_key', `${privateAt} holds a private key, so no setting was kept.`, { field: privateAt });
    }
    if (this.path === null) {
      const kept = keep(applySettingsPatch(this.memory, patch));
      this.memory = kept.settings;
      return kept;
    }
    const path = this.path;
    return withFileLock(path, async () => {
      const loaded = await this.load(true);
      const kept = keep(applySettingsPatch(loaded.settings, patch));
      await this.write(path, kept.settings);
      return kept.notice ? kept : this.answer({ ...loaded, settings: kept.settings });
    });
  }

  /** Back to the defaults (the CLI's `settings reset`). */
  async reset(): Promise<SettingsAnswer> {
    if (this.path === null) {
      this.memory = DEFAULT_SETTINGS;
      return { settings: this.memory };
    }
    const path = this.path;
    await withFileLock(path, () => this.write(path, DEFAULT_SETTINGS));
    return { settings: DEFAULT_SETTINGS };
  }

  private answer(loaded: Loaded): SettingsAnswer {
    if (loaded.notice === undefined || this.said.has(loaded.notice)) return { settings: loaded.settings };
    this.said.add(loaded.notice);
    return { settings: loaded.settings, notice: loaded.notice };
  }

  /** The settings on disk; a damaged file is set aside holding the lock (a writer may be replacing it). */
  private async load(locked = false): Promise<Loaded> {
    if (this.path === null) return { settings: this.memory };
    const path = this.path;
    const text = await readOrNull(path);
    if (text === null) return { settings: DEFAULT_SETTINGS };
    let raw: unknown;
    try {
      raw = JSON.parse(text);
      const { settings, warnings } = readSettings(raw);
      if (warnings.length === 0) return { settings };
      return { settings, notice: `Some saved settings could not be read and were left out (${warnings.join('; ')}); the rest are kept.` };
    } catch (e) {
      if (!locked) return withFileLock(path, () => this.load(true));
      return this.setAside(path, e instanceof SyntaxError ? 'not valid JSON' : (e as Error).message);
    }
  }

  /** Renames a damaged file to settings.damaged-<time>.json beside it, under the lock; the defaults are used. */
  private async setAside(path: string, reason: string): Promise<Loaded> {
    const stamp = new Date(this.now()).toISOString().replace(/[:.]/g, '-');
    const movedTo = join(path, '..', `settings.damaged-${stamp}.json`);
    try {
      await fs.rename(path, movedTo);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { settings: DEFAULT_SETTINGS }; // another process set it aside first
      const code = (e as NodeJS.ErrnoException).code ?? 'rename error';
      throw new InspectorError('settings_damaged', `The settings file ${path} is damaged (${reason}) and could not be moved aside (${code}); it is left as it is.`);
    }
    return { settings: DEFAULT_SETTINGS, notice: `The settings file was damaged (${reason}), so it was set aside as ${movedTo} and the default settings are used. Keys, profiles and history are not affected.` };
  }

  private async write(path: string, settings: Settings): Promise<void> {
    try {
      await writeFileAtomic(path, `${JSON.stringify(settings, null, 2)}\n`);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'write error';
      throw new InspectorError('settings_write_failed', `Could not save the settings to ${path} (${code}); the window keeps them until it closes.`);
    }
  }
}

async function readOrNull(path: string): Promise<string | null> {
  try {
    return await fs.readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new InspectorError('settings_damaged', `Could not read the settings at ${path} (${(e as NodeJS.ErrnoException).code ?? 'read error'}).`);
  }
}

/** The settings after a change, each value checked: what the schemas refuse is dropped and named. */
function keep(changed: Settings): SettingsAnswer {
  const { settings, warnings } = readSettings(changed);
  return warnings.length === 0 ? { settings } : { settings, notice: `Some settings were not kept (${warnings.join('; ')}); the rest are.` };
}

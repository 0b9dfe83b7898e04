/**
 * Auto-lock: a passphrase vault locks itself after `autoLockMinutes` without a channel call from the
 * window (default 15; null: never). Every call resets the clock (`touch`, from the core's dispatch). The
 * setting lives in `vault-settings.json` beside the vault (0600), or in memory when nothing is persisted.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { VaultSettings } from '../../../shared/keys';
import { InspectorError } from '../../../shared/result';
import { writeFileAtomic } from '../atomic-file';
import type { Vault } from './vault';

export const DEFAULT_AUTO_LOCK_MINUTES = 15;
export const VAULT_SETTINGS_FILE = 'vault-settings.json';

export interface AutoLockOptions {
  /** How long a minute is (tests shorten it). */
  minuteMs?: number;
}

export class AutoLock {
  private settings: VaultSettings = { autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES };
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly loaded: Promise<void>;
  private readonly minuteMs: number;

  constructor(
    private readonly vault: Vault,
    private readonly dataDir: string | null,
    options: AutoLockOptions = {},
  ) {
    this.minuteMs = options.minuteMs ?? 60_000;
    this.loaded = this.load();
  }

  /** The window called: the idle clock starts again. */
  touch(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const minutes = this.settings.autoLockMinutes;
    // Only a passphrase vault has something to lock behind; the others answer lock_unavailable.
    if (minutes === null || this.vault.mode !== 'passphrase') return;
    this.timer = setTimeout(() => void this.vault.lock({ idleMinutes: minutes }).catch(() => undefined), minutes * this.minuteMs);
    this.timer.unref?.();
  }

  /** Reads the settings, or changes them (written at once, the clock restarted) when `change` has a member. */
  async read(change: Partial<VaultSettings> = {}): Promise<VaultSettings> {
    await this.loaded;
    if (change.autoLockMinutes !== undefined) {
      this.settings = { autoLockMinutes: change.autoLockMinutes };
      await this.save();
      this.touch();
    }
    return { ...this.settings };
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private get path(): string | null {
    return this.dataDir === null ? null : join(this.dataDir, VAULT_SETTINGS_FILE);
  }

  /** A missing or unreadable file keeps the default: a setting is never a reason not to start. */
  private async load(): Promise<void> {
    if (!this.path) return;
    try {
      const saved = JSON.parse(await fs.readFile(this.path, 'utf8')) as Partial<VaultSettings>;
      const minutes = saved.autoLockMinutes;
      if (minutes === null || (Number.isInteger(minutes) && minutes! >= 1 && minutes! <= 24 * 60)) this.settings = { autoLockMinutes: minutes! };
    } catch {
      // default
    }
    this.touch();
  }

  private async save(): Promise<void> {
    if (!this.path) return;
    try {
      await writeFileAtomic(this.path, `${JSON.stringify(this.settings, null, 2)}\n`);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'write error';
      throw new InspectorError('vault_write_failed', `Could not save the vault settings ${this.path} (${code}); the new setting lasts until the app closes.`, {
        fix: "Check the folder's permissions and free space.",
      });
    }
  }
}

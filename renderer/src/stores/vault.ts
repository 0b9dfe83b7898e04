/**
 * The vault's own controls as the window uses them: Lock now, the auto-lock setting, and changing the
 * passphrase. Passphrases typed here live in the form that asked, never in this store. After each
 * change the keys store reads the vault again, so every screen sees it locked or unlocked.
 */
import { create } from 'zustand';
import type { VaultSettings, VaultStatus } from '../../../shared/keys';
import type { AppError, Result } from '../../../shared/result';
import { api } from '../api';
import { useKeysStore } from './keys';

interface VaultState {
  settings: VaultSettings | null;
  settingsError: AppError | null;
  loadSettings(): Promise<void>;
  setAutoLock(minutes: number | null): Promise<Result<VaultSettings>>;
  lock(): Promise<Result<VaultStatus>>;
  changePassphrase(current: string, next: string): Promise<Result<VaultStatus>>;
}

async function safely<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call();
  } catch (e) {
    return { ok: false, error: { code: 'unexpected', message: `The main side failed: ${String(e)}` } };
  }
}

export const useVaultStore = create<VaultState>()((set) => ({
  settings: null,
  settingsError: null,
  loadSettings: async () => {
    const result = await safely(() => api['vault:settings']({}));
    set(result.ok ? { settings: result.value, settingsError: null } : { settingsError: result.error });
  },
  setAutoLock: async (autoLockMinutes) => {
    const result = await safely(() => api['vault:settings']({ autoLockMinutes }));
    set(result.ok ? { settings: result.value, settingsError: null } : { settingsError: result.error });
    return result;
  },
  lock: async () => {
    const result = await safely(() => api['vault:lock']({}));
    await useKeysStore.getState().refresh();
    return result;
  },
  changePassphrase: async (current, next) => {
    const result = await safely(() => api['vault:changePassphrase']({ current, next }));
    if (result.ok) await useKeysStore.getState().refresh();
    return result;
  },
}));

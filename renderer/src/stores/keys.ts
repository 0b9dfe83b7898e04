/**
 * The vault and its keys as the renderer may know them: status, identities and public parts only.
 * Private key text typed into the import form never enters this store (it lives in the form until the
 * main side has it, then it is cleared).
 */
import { useMemo } from 'react';
import { create } from 'zustand';
import type { ChannelInput } from '../../../shared/contract';
import { canSign, type KeyInfo, type KeyInfoWithWarnings, type PublicKeyExport, type VaultStatus } from '../../../shared/keys';
import type { AppError, Result } from '../../../shared/result';
import { api } from '../api';
import { useAppStore } from './app';

interface KeysState {
  vault: VaultStatus | null;
  vaultError: AppError | null;
  keys: KeyInfo[];
  /** True once keys:list has answered (either way). */
  loaded: boolean;
  listError: AppError | null;
  /** Public exports fetched so far, by key id. */
  exports: Record<string, PublicKeyExport>;
  /** The key the last import or generate made, to say how it was read. */
  lastAdded: { key: KeyInfo; how: 'imported' | 'generated' } | null;
  refresh(): Promise<void>;
  unlock(passphrase: string): Promise<Result<VaultStatus>>;
  /** The three that change a key answer with its warnings (shared kid, too weak to sign) for the form that asked. */
  importKey(input: ChannelInput<'keys:import'>): Promise<Result<KeyInfoWithWarnings>>;
  generate(input: ChannelInput<'keys:generate'>): Promise<Result<KeyInfoWithWarnings>>;
  rename(input: ChannelInput<'keys:rename'>): Promise<Result<KeyInfoWithWarnings>>;
  remove(id: string): Promise<Result<{ id: string }>>;
  exportPublic(id: string): Promise<Result<PublicKeyExport>>;
  dismissLastAdded(): void;
}

/** Any call that throws (it should not) becomes a Result, so no screen has to catch. */
async function safely<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call();
  } catch (e) {
    return { ok: false, error: { code: 'unexpected', message: `The app did not answer: ${String(e)}` } };
  }
}

function byCreated(a: KeyInfo, b: KeyInfo): number {
  return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0;
}

/**
 * The vault's private keys that can sign. A private key under 2048 bits (a merchant's old key, kept to
 * verify its signatures) is left out: the main side refuses to sign with it (weak_key), so a picker
 * must not offer it. The Keys screen marks such keys "too weak to sign".
 */
export function usePrivateKeys(): KeyInfo[] {
  const keys = useKeysStore((s) => s.keys);
  return useMemo(() => keys.filter(canSign), [keys]);
}

export const useKeysStore = create<KeysState>()((set, get) => {
  const setVault = (vault: VaultStatus) => {
    set({ vault, vaultError: null });
    useAppStore.getState().setVault(vault);
  };
  const refreshVault = async () => {
    const status = await safely(() => api['vault:status']({}));
    if (status.ok) setVault(status.value);
    else set({ vaultError: status.error });
  };
  // The list holds keys as keys:list gives them: warnings belong to the answer, not to the key.
  const upsert = ({ warnings: _warnings, ...key }: KeyInfoWithWarnings): KeyInfo => {
    set((s) => ({ keys: [key, ...s.keys.filter((k) => k.id !== key.id)].sort(byCreated) }));
    return key;
  };

  return {
    vault: null,
    vaultError: null,
    keys: [],
    loaded: false,
    listError: null,
    exports: {},
    lastAdded: null,

    refresh: async () => {
      await refreshVault();
      if (get().vault?.state === 'locked') {
        set({ keys: [], loaded: true, listError: null });
        return;
      }
      const list = await safely(() => api['keys:list']({}));
      if (list.ok) set({ keys: [...list.value].sort(byCreated), loaded: true, listError: null });
      else set({ loaded: true, listError: list.error });
    },

    unlock: async (passphrase) => {
      const result = await safely(() => api['vault:unlock']({ passphrase }));
      if (result.ok) {
        setVault(result.value);
        await get().refresh();
      }
      return result;
    },

    importKey: async (input) => {
      const result = await safely(() => api['keys:import'](input));
      if (result.ok) {
        set({ lastAdded: { key: upsert(result.value), how: 'imported' } });
        await refreshVault();
      }
      return result;
    },

    generate: async (input) => {
      const result = await safely(() => api['keys:generate'](input));
      if (result.ok) {
        set({ lastAdded: { key: upsert(result.value), how: 'generated' } });
        await refreshVault();
      }
      return result;
    },

    rename: async (input) => {
      const result = await safely(() => api['keys:rename'](input));
      if (result.ok) {
        upsert(result.value);
        // A new kid changes the export's JWK: fetch it again when next shown.
        set((s) => {
          const { [input.id]: _gone, ...exports } = s.exports;
          return { exports };
        });
      }
      return result;
    },

    remove: async (id) => {
      const result = await safely(() => api['keys:delete']({ id }));
      if (result.ok) {
        set((s) => {
          const { [id]: _gone, ...exports } = s.exports;
          return {
            keys: s.keys.filter((k) => k.id !== id),
            exports,
            lastAdded: s.lastAdded?.key.id === id ? null : s.lastAdded,
          };
        });
        await refreshVault();
      }
      return result;
    },

    exportPublic: async (id) => {
      const cached = get().exports[id];
      if (cached) return { ok: true, value: cached };
      const result = await safely(() => api['keys:exportPublic']({ id }));
      if (result.ok) set((s) => ({ exports: { ...s.exports, [id]: result.value } }));
      return result;
    },

    dismissLastAdded: () => set({ lastAdded: null }),
  };
});

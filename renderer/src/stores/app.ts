import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { AppInfo } from '../../../shared/contract';
import type { VaultStatus } from '../../../shared/keys';
import type { AppError } from '../../../shared/result';
import { api } from '../api';
import { persistStorage } from '../lib/windowStorage';

export type Screen = 'compose' | 'response' | 'inspect' | 'keys' | 'profiles' | 'history' | 'timeline';
export type Theme = 'light' | 'dark';

interface AppState {
  info: AppInfo | null;
  infoError: AppError | null;
  screen: Screen;
  theme: Theme;
  setScreen(screen: Screen): void;
  toggleTheme(): void;
  loadInfo(): Promise<void>;
  /** The vault changed (unlocked, keys added): keep the top bar's badge in step. */
  setVault(vault: VaultStatus): void;
  /** A short message at the bottom of the window (e.g. "Envelope JSON copied"). */
  toast: { id: number; message: string; tone: 'ok' | 'warn' } | null;
  notify(message: string, tone?: 'ok' | 'warn'): void;
  helpOpen: boolean;
  setHelpOpen(open: boolean): void;
}

let toastId = 0;
let toastTimer: ReturnType<typeof setTimeout> | undefined;

function preferredTheme(): Theme {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
}

export const useAppStore = create<AppState>()(
  persist(
    (set) => ({
      info: null,
      infoError: null,
      screen: 'compose',
      theme: preferredTheme(),
      setScreen: (screen) => set({ screen }),
      toggleTheme: () => set((s) => ({ theme: s.theme === 'dark' ? 'light' : 'dark' })),
      loadInfo: async () => {
        const result = await api['app:info']({});
        set(result.ok ? { info: result.value, infoError: null } : { infoError: result.error });
      },
      setVault: (vault) => set((s) => (s.info ? { info: { ...s.info, vault } } : {})),
      toast: null,
      notify: (message, tone = 'ok') => {
        const id = ++toastId;
        set({ toast: { id, message, tone } });
        clearTimeout(toastTimer);
        toastTimer = setTimeout(() => set((s) => (s.toast?.id === id ? { toast: null } : {})), 2500);
      },
      helpOpen: false,
      setHelpOpen: (helpOpen) => set({ helpOpen }),
    }),
    { name: 'upi-inspector.app', storage: persistStorage('upi-inspector.app'), partialize: (s) => ({ screen: s.screen, theme: s.theme }) },
  ),
);

import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { AppInfo } from '../../../shared/contract';
import type { AppError } from '../../../shared/result';
import { api } from '../api';

export type Screen = 'compose' | 'response' | 'inspect' | 'keys';
export type Theme = 'light' | 'dark';

interface AppState {
  info: AppInfo | null;
  infoError: AppError | null;
  screen: Screen;
  theme: Theme;
  setScreen(screen: Screen): void;
  toggleTheme(): void;
  loadInfo(): Promise<void>;
}

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
    }),
    { name: 'upi-inspector.app', partialize: (s) => ({ screen: s.screen, theme: s.theme }) },
  ),
);

import { createContext, useContext } from 'react';
import type { Screen } from '../../stores/app';

/**
 * Every screen stays mounted (so nothing typed is lost on a switch); this says whether the screen a
 * component lives in is the one on view, e.g. for window-level key handlers that should only act there.
 */
export const ScreenContext = createContext<{ id: Screen | null; active: boolean }>({ id: null, active: true });

export function useScreenActive(): boolean {
  return useContext(ScreenContext).active;
}

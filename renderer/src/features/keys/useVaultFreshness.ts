import { useEffect } from 'react';
import { useKeysStore } from '../../stores/keys';

/**
 * The vault may have locked itself (auto-lock) or been changed by the CLI while this window was in the
 * background: read it again whenever the window comes back, so the badge and the Keys screen are true.
 */
export function useVaultFreshness(): void {
  const refresh = useKeysStore((s) => s.refresh);
  useEffect(() => {
    const onBack = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    window.addEventListener('focus', onBack);
    document.addEventListener('visibilitychange', onBack);
    return () => {
      window.removeEventListener('focus', onBack);
      document.removeEventListener('visibilitychange', onBack);
    };
  }, [refresh]);
}

import { useEffect } from 'react';
import { useAppStore, type Screen } from './stores/app';
import { Shell } from './features/shell/Shell';

const SCREENS: { id: Screen; label: string }[] = [
  { id: 'compose', label: 'Compose' },
  { id: 'response', label: 'Response' },
  { id: 'inspect', label: 'Inspect' },
  { id: 'keys', label: 'Keys' },
];

export function App() {
  const theme = useAppStore((s) => s.theme);
  const loadInfo = useAppStore((s) => s.loadInfo);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    void loadInfo();
  }, [loadInfo]);
  return <Shell screens={SCREENS} />;
}

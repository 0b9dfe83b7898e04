import { lazy, useEffect } from 'react';
import { useAppStore, type Screen } from './stores/app';
import { useKeysStore } from './stores/keys';
import { Shell } from './features/shell/Shell';
import { useShortcuts } from './features/shell/useShortcuts';
import './styles/workbench.css';

const SCREENS: { id: Screen; label: string }[] = [
  { id: 'compose', label: 'Compose' },
  { id: 'response', label: 'Response' },
  { id: 'inspect', label: 'Inspect' },
  { id: 'keys', label: 'Keys' },
  { id: 'profiles', label: 'Profiles' },
  { id: 'history', label: 'History' },
  { id: 'timeline', label: 'Log' },
];

// Each screen is its own script, loaded the first time it is shown: the first screen paints without
// the others' code (zod, the tables, the log reader…).
const ComposeScreen = lazy(() => import('./features/compose/ComposeScreen').then((m) => ({ default: m.ComposeScreen })));
const ResponseScreen = lazy(() => import('./features/response/ResponseScreen').then((m) => ({ default: m.ResponseScreen })));
const InspectScreen = lazy(() => import('./features/inspect/InspectScreen').then((m) => ({ default: m.InspectScreen })));
const KeysScreen = lazy(() => import('./features/keys/KeysScreen').then((m) => ({ default: m.KeysScreen })));
const ProfilesScreen = lazy(() => import('./features/profiles/ProfilesScreen').then((m) => ({ default: m.ProfilesScreen })));
const HistoryScreen = lazy(() => import('./features/history/HistoryScreen').then((m) => ({ default: m.HistoryScreen })));
const TimelineScreen = lazy(() => import('./features/timeline/TimelineScreen').then((m) => ({ default: m.TimelineScreen })));

export function App() {
  const theme = useAppStore((s) => s.theme);
  const loadInfo = useAppStore((s) => s.loadInfo);
  const refreshKeys = useKeysStore((s) => s.refresh);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    void loadInfo();
    void refreshKeys();
  }, [loadInfo, refreshKeys]);
  useShortcuts();
  return (
    <Shell screens={SCREENS}>
      {{
        compose: <ComposeScreen />,
        response: <ResponseScreen />,
        inspect: <InspectScreen />,
        keys: <KeysScreen />,
        profiles: <ProfilesScreen />,
        history: <HistoryScreen />,
        timeline: <TimelineScreen />,
      }}
    </Shell>
  );
}

import { lazy, useEffect, type ComponentType } from 'react';
import { useAppStore, type Screen } from './stores/app';
import { useKeysStore } from './stores/keys';
import { Shell } from './features/shell/Shell';
import { useShortcuts } from './features/shell/useShortcuts';
import { afterNextPaint } from './lib/afterPaint';
import { useVaultFreshness } from './features/keys/useVaultFreshness';
import { useCaseIntake } from './features/cases/useCaseIntake';
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
const LOAD: Record<Screen, () => Promise<{ default: ComponentType }>> = {
  compose: () => import('./features/compose/ComposeScreen').then((m) => ({ default: m.ComposeScreen })),
  response: () => import('./features/response/ResponseScreen').then((m) => ({ default: m.ResponseScreen })),
  inspect: () => import('./features/inspect/InspectScreen').then((m) => ({ default: m.InspectScreen })),
  keys: () => import('./features/keys/KeysScreen').then((m) => ({ default: m.KeysScreen })),
  profiles: () => import('./features/profiles/ProfilesScreen').then((m) => ({ default: m.ProfilesScreen })),
  history: () => import('./features/history/HistoryScreen').then((m) => ({ default: m.HistoryScreen })),
  timeline: () => import('./features/timeline/TimelineScreen').then((m) => ({ default: m.TimelineScreen })),
};
// The start-up screen's script is fetched now, while React renders the shell (the shell paints first).
const startup = LOAD[useAppStore.getState().screen]?.();
void startup?.catch(() => undefined);
const ComposeScreen = lazy(LOAD.compose);
const ResponseScreen = lazy(LOAD.response);
const InspectScreen = lazy(LOAD.inspect);
const KeysScreen = lazy(LOAD.keys);
const ProfilesScreen = lazy(LOAD.profiles);
const HistoryScreen = lazy(LOAD.history);
const TimelineScreen = lazy(LOAD.timeline);
// The case toolbar above four screens: loaded with the first of them.
const CaseBar = lazy(() => import('./features/cases/CaseBar').then((m) => ({ default: m.CaseBar })));

export function App() {
  const theme = useAppStore((s) => s.theme);
  const loadInfo = useAppStore((s) => s.loadInfo);
  const refreshKeys = useKeysStore((s) => s.refresh);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  // Asked once the shell has painted: the calls cost the first frame time and it needs neither answer.
  useEffect(
    () =>
      afterNextPaint(() => {
        void loadInfo();
        void refreshKeys();
      }),
    [loadInfo, refreshKeys],
  );
  useShortcuts();
  useVaultFreshness();
  useCaseIntake();
  return (
    <Shell screens={SCREENS}>
      {{
        compose: <ComposeScreen />,
        response: (
          <>
            <CaseBar screen="response" />
            <ResponseScreen />
          </>
        ),
        inspect: (
          <>
            <CaseBar screen="inspect" />
            <InspectScreen />
          </>
        ),
        keys: <KeysScreen />,
        profiles: <ProfilesScreen />,
        history: (
          <>
            <CaseBar screen="history" />
            <HistoryScreen />
          </>
        ),
        timeline: (
          <>
            <CaseBar screen="timeline" />
            <TimelineScreen />
          </>
        ),
      }}
    </Shell>
  );
}

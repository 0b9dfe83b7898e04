import { lazy, useEffect } from 'react';
import { useAppStore } from './stores/app';
import { useKeysStore } from './stores/keys';
import { Shell } from './features/shell/Shell';
import { useShortcuts } from './features/shell/useShortcuts';
import { afterNextPaint } from './lib/afterPaint';
import { SCREENS } from './features/shell/screens';
import { useVaultFreshness } from './features/keys/useVaultFreshness';
import { useCaseIntake } from './features/cases/useCaseIntake';
import './styles/workbench.css';

// Each screen is its own script, loaded the first time it is shown (after the shell has painted: see
// Shell): the first screen paints without the others' code (zod, the tables, the log reader…). Fetching
// the start-up screen's script earlier, while the shell rendered, was slower to the first paint: the
// script arrived and was evaluated before it (a trace: 17 ms more script evaluation ahead of the nav).
const ComposeScreen = lazy(() => import('./features/compose/ComposeScreen').then((m) => ({ default: m.ComposeScreen })));
const ResponseScreen = lazy(() => import('./features/response/ResponseScreen').then((m) => ({ default: m.ResponseScreen })));
const InspectScreen = lazy(() => import('./features/inspect/InspectScreen').then((m) => ({ default: m.InspectScreen })));
const KeysScreen = lazy(() => import('./features/keys/KeysScreen').then((m) => ({ default: m.KeysScreen })));
const ProfilesScreen = lazy(() => import('./features/profiles/ProfilesScreen').then((m) => ({ default: m.ProfilesScreen })));
const HistoryScreen = lazy(() => import('./features/history/HistoryScreen').then((m) => ({ default: m.HistoryScreen })));
const TimelineScreen = lazy(() => import('./features/timeline/TimelineScreen').then((m) => ({ default: m.TimelineScreen })));
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

import { useEffect } from 'react';
import { useAppStore, type Screen } from './stores/app';
import { useKeysStore } from './stores/keys';
import { Shell } from './features/shell/Shell';
import { useShortcuts } from './features/shell/useShortcuts';
import { useVaultFreshness } from './features/keys/useVaultFreshness';
import { ComposeScreen } from './features/compose/ComposeScreen';
import { ResponseScreen } from './features/response/ResponseScreen';
import { KeysScreen } from './features/keys/KeysScreen';
import { InspectScreen } from './features/inspect/InspectScreen';
import { ProfilesScreen } from './features/profiles/ProfilesScreen';
import { HistoryScreen } from './features/history/HistoryScreen';
import { TimelineScreen } from './features/timeline/TimelineScreen';
import { CaseBar } from './features/cases/CaseBar';
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

import { useEffect } from 'react';
import { useAppStore } from './stores/app';
import { useKeysStore } from './stores/keys';
import { Shell } from './features/shell/Shell';
import { useShortcuts } from './features/shell/useShortcuts';
import { SCREENS } from './features/shell/screens';
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

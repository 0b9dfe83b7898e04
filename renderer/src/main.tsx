import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { reportSettingsProblems } from './lib/settingsStorage';
import { startWindowStorage } from './lib/windowStorage';
import { useAppStore } from './stores/app';
import { PERSISTED_STORES } from './stores/persisted';
import './styles/app.css';

/**
 * The settings (kept on the main side) are loaded with one request before the first render, so the
 * window opens with its own theme, screen and forms rather than flashing the defaults.
 */
async function start(): Promise<void> {
  const notice = await startWindowStorage();
  await Promise.all(PERSISTED_STORES.map((store) => store.persist.rehydrate()));
  document.documentElement.dataset.theme = useAppStore.getState().theme;
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  reportSettingsProblems((message) => useAppStore.getState().notify(message, 'warn'));
  if (notice) useAppStore.getState().notify(notice, 'warn');
}

void start();

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { reportSettingsProblems } from './lib/settingsStorage';
import { startWindowStorage } from './lib/windowStorage';
import { useAppStore } from './stores/app';
import { applyHostAutomation, markReadyWhenInteractive } from './lib/automation';
import './styles/app.css';

/**
 * The settings (kept on the main side) are loaded with one request before the first render, so the
 * window opens with its own theme and screen rather than flashing the defaults; beside them, the host's
 * pinned clock and request ids (docs/automation.md), so every store is made after those are in. Only the app store is
 * needed for the first frame; the other persisted stores (stores/persisted.ts) are made when their
 * screens load, after this, and hydrate from the loaded settings as they are made.
 */
async function start(): Promise<void> {
  const [notice] = await Promise.all([startWindowStorage(), applyHostAutomation()]);
  await useAppStore.persist.rehydrate();
  document.documentElement.dataset.theme = useAppStore.getState().theme;
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  reportSettingsProblems((message) => useAppStore.getState().notify(message, 'warn'));
  if (notice) useAppStore.getState().notify(notice, 'warn');
}

void start().then(() => markReadyWhenInteractive());

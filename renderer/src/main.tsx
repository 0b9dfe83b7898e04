import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { scrubWindowStorage } from './lib/windowStorage';
import { afterNextPaint } from './lib/afterPaint';
import './styles/app.css';

// What an older version may have kept (a private key pasted into Inspect's key box) is removed once the
// shell has painted, before any screen mounts (they mount after that paint, queued after this). Reading
// every stored item of both storages is no work for the first frame, and nothing read before it can
// carry such a value: the stores hydrate through windowStorage, which keeps listed fields and never
// private material.
afterNextPaint(() => scrubWindowStorage());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

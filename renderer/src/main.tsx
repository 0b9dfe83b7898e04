import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { scrubWindowStorage } from './lib/windowStorage';
import { markReadyWhenInteractive } from './lib/automation';
import './styles/app.css';

// What an older version may have kept (a private key pasted into Inspect's key box) goes first.
scrubWindowStorage();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
void markReadyWhenInteractive();

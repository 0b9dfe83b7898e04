/**
 * The cold-start baseline: a React hello world with the app's nav (the same top bar, the same seven
 * buttons, the same stylesheets) and nothing behind it. Built by the bench (bench/hello/build.ts).
 */
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '../../renderer/src/styles/app.css';
import '../../renderer/src/styles/workbench.css';

const SCREENS = ['Compose', 'Response', 'Inspect', 'Keys', 'Profiles', 'History', 'Log'];

function Hello() {
  const [screen, setScreen] = useState(SCREENS[0]!);
  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">⌁</span>
          <span className="brand-name">UPI Inspector</span>
        </div>
      </header>
      <nav className="sidebar" aria-label="Screens">
        {SCREENS.map((s) => (
          <button key={s} type="button" className={s === screen ? 'nav-item active' : 'nav-item'} aria-current={s === screen ? 'page' : undefined} onClick={() => setScreen(s)}>
            {s}
          </button>
        ))}
      </nav>
      <main className="content" aria-label={screen}>
        <section className="panel">
          <h1>Hello, {screen}</h1>
        </section>
      </main>
    </div>
  );
}

document.documentElement.dataset.theme = 'dark';
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Hello />
  </StrictMode>,
);

import { Suspense, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useAppStore, type Screen } from '../../stores/app';
import { Badge } from '../../ui/Badge';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { ScreenContext } from './screen';
import { VAULT_PASSPHRASE_ID } from './targets';
import { ShortcutsHelp } from './ShortcutsHelp';
import { MAIN_ID } from './screens';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { errorText } from '../../lib/errorText';
import { useAfterPaint } from '../../lib/afterPaint';

interface Props {
  screens: { id: Screen; label: string }[];
  /**
   * Screen bodies; a missing one shows a placeholder. Each is mounted the first time it is shown (its
   * code loads then) and stays mounted, so nothing typed is lost on a switch.
   */
  children?: Partial<Record<Screen, ReactNode>>;
}

export function Shell({ screens, children }: Props) {
  const { info, infoError, screen, setScreen, theme, toggleTheme, toast } = useAppStore();
  const current = screens.find((s) => s.id === screen) ?? screens[0]!;
  const [shown, setShown] = useState<ReadonlySet<Screen>>(() => new Set([current.id]));
  // Derived during render (React's pattern for state that follows props): the screen on view joins the mounted ones.
  if (!shown.has(current.id)) setShown(new Set(shown).add(current.id));
  // At start-up the shell (top bar, nav) paints first; the screen comes in the next frame.
  const started = useAfterPaint(true, true) === true;
  const openVault = () => {
    flushSync(() => setScreen('keys'));
    focusWhenShown(VAULT_PASSPHRASE_ID);
  };
  return (
    <div className="shell">
      {/* A link, not a button: it is what screen-reader and keyboard users look for first. The URL's
          fragment carries the browser host's token, so it focuses the main area instead of navigating. */}
      <a
        className="skip-link"
        href={`#${MAIN_ID}`}
        onClick={(e) => {
          e.preventDefault();
          document.getElementById(MAIN_ID)?.focus();
        }}
      >
        Skip to main content
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">⌁</span>
          <span className="brand-name">{info?.name ?? 'UPI Inspector'}</span>
          {info && <span className="brand-version">v{info.version}</span>}
        </div>
        <div className="topbar-status" aria-label="Status">
          {info && (
            <>
              <Badge tone="neutral" title="Which host serves this window">
                {info.host === 'electron' ? 'Desktop' : 'Browser host'} · {info.platform}
              </Badge>
              <button
                type="button"
                className="badge-button"
                onClick={openVault}
                title={`${info.vault.message ?? 'Key vault'} — open the Keys screen`}
                aria-label={`Vault ${info.vault.state}: open Keys`}
              >
                <Badge tone={info.vault.state === 'unlocked' ? 'ok' : info.vault.state === 'damaged' ? 'error' : 'warn'}>
                  Vault {info.vault.state} · {info.vault.mode}
                </Badge>
              </button>
            </>
          )}
          {infoError && (
            <Badge tone="error" title={errorText(infoError)}>
              App not answering
            </Badge>
          )}
          <ShortcutsHelp />
          <button type="button" className="ghost" onClick={toggleTheme} aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}>
            {theme === 'dark' ? '☀ Light' : '☾ Dark'}
          </button>
        </div>
      </header>
      <nav className="sidebar" aria-label="Screens">
        {screens.map((s) => (
          <button
            key={s.id}
            type="button"
            className={s.id === current.id ? 'nav-item active' : 'nav-item'}
            aria-current={s.id === current.id ? 'page' : undefined}
            onClick={() => setScreen(s.id)}
          >
            {s.label}
          </button>
        ))}
      </nav>
      <main className="content" id={MAIN_ID} tabIndex={-1} aria-label={current.label}>
        <ErrorBanner>{infoError && errorText(infoError)}</ErrorBanner>
        {screens.map((s) => (
          <div key={s.id} className="screen" hidden={s.id !== current.id} data-screen={s.id}>
            {/* The screen's name as the page's top heading, for those who navigate by headings. */}
            <h1 className="visually-hidden">{s.label}</h1>
            {started && (shown.has(s.id) || s.id === current.id) && (
              <ScreenContext.Provider value={{ id: s.id, active: s.id === current.id }}>
                <ErrorBoundary name={`the ${s.label} screen`}>
                  <Suspense fallback={<p className="muted" data-screen-loading>Opening {s.label}…</p>}>
                    {children?.[s.id] ?? (
                      <section className="panel">
                        <h1>{s.label}</h1>
                        <p className="muted">This screen is being built.</p>
                      </section>
                    )}
                  </Suspense>
                </ErrorBoundary>
              </ScreenContext.Provider>
            )}
          </div>
        ))}
      </main>
      <div className="toast-region" role="status" aria-live="polite">
        {toast && (
          <div key={toast.id} className={`toast toast-${toast.tone}`}>
            {toast.message}
          </div>
        )}
      </div>
    </div>
  );
}

/** Focuses the element with `id` now, or as soon as its screen's code has loaded and rendered it (up to 5 s). */
function focusWhenShown(id: string): void {
  const focus = () => {
    const el = document.getElementById(id);
    el?.focus();
    return el !== null;
  };
  if (focus()) return;
  const observer = new MutationObserver(() => {
    if (focus()) stop();
  });
  const timer = setTimeout(() => stop(), 5000);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  observer.observe(document.body, { childList: true, subtree: true });
}

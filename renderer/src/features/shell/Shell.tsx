import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useAppStore, type Screen } from '../../stores/app';
import { Badge } from '../../ui/Badge';
import { VAULT_PASSPHRASE_ID } from '../keys/VaultPanel';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { ScreenContext } from './screen';
import { ShortcutsHelp } from './ShortcutsHelp';
import { MAIN_ID } from './screens';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { errorText } from '../../lib/errorText';

interface Props {
  screens: { id: Screen; label: string }[];
  /** Screen bodies; a missing one shows a placeholder. All stay mounted, so nothing typed is lost on a switch. */
  children?: Partial<Record<Screen, ReactNode>>;
}

export function Shell({ screens, children }: Props) {
  const { info, infoError, screen, setScreen, theme, toggleTheme, toast } = useAppStore();
  const current = screens.find((s) => s.id === screen) ?? screens[0]!;
  const openVault = () => {
    flushSync(() => setScreen('keys'));
    document.getElementById(VAULT_PASSPHRASE_ID)?.focus();
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
            <ScreenContext.Provider value={{ id: s.id, active: s.id === current.id }}>
              <ErrorBoundary name={`the ${s.label} screen`}>
                {children?.[s.id] ?? (
                  <section className="panel">
                    <h1>{s.label}</h1>
                    <p className="muted">This screen is being built.</p>
                  </section>
                )}
              </ErrorBoundary>
            </ScreenContext.Provider>
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

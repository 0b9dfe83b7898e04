import type { ReactNode } from 'react';
import { useAppStore, type Screen } from '../../stores/app';
import { Badge } from '../../ui/Badge';

interface Props {
  screens: { id: Screen; label: string }[];
  /** Screen bodies; a missing one shows a placeholder. */
  children?: Partial<Record<Screen, ReactNode>>;
}

export function Shell({ screens, children }: Props) {
  const { info, infoError, screen, setScreen, theme, toggleTheme } = useAppStore();
  const current = screens.find((s) => s.id === screen) ?? screens[0]!;
  return (
    <div className="shell">
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
              <Badge tone={info.vault.state === 'unlocked' ? 'ok' : info.vault.state === 'damaged' ? 'error' : 'warn'} title={info.vault.message ?? 'Key vault'}>
                Vault {info.vault.state} · {info.vault.mode}
              </Badge>
            </>
          )}
          {infoError && (
            <Badge tone="error" title={infoError.message}>
              Main side unavailable
            </Badge>
          )}
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
      <main className="content" aria-label={current.label}>
        {infoError && (
          <div role="alert" className="banner error">
            {infoError.message}
          </div>
        )}
        {children?.[current.id] ?? (
          <section className="panel">
            <h1>{current.label}</h1>
            <p className="muted">This screen is being built.</p>
          </section>
        )}
      </main>
    </div>
  );
}

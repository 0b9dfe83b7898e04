import { lazy, Suspense, useState } from 'react';
import type { SnippetPanelProps } from './SnippetBody';

const SnippetBody = lazy(() => import('./SnippetBody'));

/**
 * "Code for this request": the request on screen (Compose's signed preview, or what Inspect decoded) as
 * code for the merchant's stack, Android or server side, to copy or save. Folded until opened: the
 * generators (and their code) load and run only for someone who wants the code.
 */
export function SnippetPanel(props: SnippetPanelProps) {
  const [open, setOpen] = useState(false);
  // Once opened, the body stays (its language and stand-in requestId with it); it generates only while open.
  const [opened, setOpened] = useState(false);
  if (open && !opened) setOpened(true);
  return (
    <section className="panel snippets" aria-label="Code for this request">
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary style={{ cursor: 'pointer' }}>
          <h2 style={{ display: 'inline' }}>Code for this request</h2>
        </summary>
        {opened && (
          <Suspense fallback={<p className="muted">Opening…</p>}>
            <SnippetBody {...props} open={open} />
          </Suspense>
        )}
      </details>
    </section>
  );
}

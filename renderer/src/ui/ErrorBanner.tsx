import type { ReactNode } from 'react';

/** An error said in place, announced to screen readers; renders nothing when there is no error. */
export function ErrorBanner({ children }: { children: ReactNode }) {
  if (children === null || children === undefined || children === false || children === '') return null;
  return (
    <div role="alert" className="banner error">
      {children}
    </div>
  );
}

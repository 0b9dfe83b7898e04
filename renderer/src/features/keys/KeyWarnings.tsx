import { useState } from 'react';
import type { KeyWarning } from '../../../../shared/keys';

const TITLES: Record<KeyWarning['code'], string> = {
  kid_shared: 'This kid is carried by more than one key',
  weak_key: 'Too weak to sign: kept for verifying only',
};

/**
 * What the vault said about the key an import, generate or rename just made. The form that asked owns
 * it and clears it as soon as its input changes, so it never lingers as a stale banner.
 */
export function KeyWarnings({ warnings, label = 'Key warnings' }: { warnings: readonly KeyWarning[]; label?: string }) {
  if (warnings.length === 0) return null;
  return (
    <div role="alert" aria-label={label} className="banner warn stack" style={{ overflowWrap: 'anywhere' }}>
      {warnings.map((w) => (
        <div key={w.code} data-code={w.code}>
          <p>
            <strong>{TITLES[w.code]}.</strong> {w.message}
          </p>
          <p>Fix: {w.fix}</p>
        </div>
      ))}
    </div>
  );
}

/**
 * A form's warnings: `show` after the main side answered, `edit(setter)` wraps a field's setter so
 * editing that field clears them, `clear` for anything else that starts over.
 */
export function useKeyWarnings() {
  const [warnings, setWarnings] = useState<readonly KeyWarning[]>([]);
  const clear = () => setWarnings([]);
  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      clear();
      set(value);
    };
  return { warnings, show: setWarnings, clear, edit };
}

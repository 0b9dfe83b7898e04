import { useEffect, useRef } from 'react';
import { useAppStore } from '../../stores/app';
import { ALT_LABEL, MOD_LABEL, SCREEN_KEYS, SHORTCUTS } from '../../lib/shortcuts';
import { SCREENS } from './screens';

/** A small popover listing the keyboard shortcuts; Escape or a click outside closes it. */
export function ShortcutsHelp() {
  const open = useAppStore((s) => s.helpOpen);
  const setOpen = useAppStore((s) => s.setHelpOpen);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    const onClick = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('mousedown', onClick);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mousedown', onClick);
    };
  }, [open, setOpen]);
  return (
    <div className="help-anchor" ref={ref}>
      <button type="button" className="ghost" aria-label="Keyboard shortcuts" aria-expanded={open} aria-haspopup="dialog" onClick={() => setOpen(!open)} title="Keyboard shortcuts (?)">
        ⌨
      </button>
      {open && (
        <div className="popover" role="dialog" aria-label="Keyboard shortcuts">
          <h3>Keyboard shortcuts</h3>
          <table className="shortcuts">
            <tbody>
              {SHORTCUTS.map((s) => (
                <tr key={s.id}>
                  <td>
                    {s.keys.map((k, i) => (
                      <span key={k}>
                        {i > 0 && '+'}
                        <kbd>{k}</kbd>
                      </span>
                    ))}
                  </td>
                  <td>{s.description}</td>
                </tr>
              ))}
              {SCREENS.map((screen, i) => (
                <tr key={screen.id}>
                  <td>
                    <kbd>{ALT_LABEL}</kbd>+<kbd>{SCREEN_KEYS[i]}</kbd>
                  </td>
                  <td>Go to {screen.label}</td>
                </tr>
              ))}
              <tr>
                <td>
                  <kbd>{MOD_LABEL}</kbd>+<kbd>V</kbd>
                </td>
                <td>On Response or Inspect, outside a text field: paste and read it there</td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

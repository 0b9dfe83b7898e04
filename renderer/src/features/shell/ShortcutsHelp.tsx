import { useEffect, useRef } from 'react';
import { useAppStore } from '../../stores/app';
import { SHORTCUTS } from '../../lib/shortcuts';

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
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

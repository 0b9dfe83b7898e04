import { useEffect } from 'react';
import { flushSync } from 'react-dom';
import { useAppStore } from '../../stores/app';
import { isTyping, matchShortcut, screenIndexOf } from '../../lib/shortcuts';
import { SCREENS, MAIN_ID, INSPECT_INPUT_ID } from './screens';
import { RESPONSE_INPUT_ID } from './targets';

// The stores a shortcut acts on are imported when it is pressed (their screens have loaded them by then):
// the start-up script, evaluated before the first paint, carries neither them nor what they import.

/** The app-wide keyboard shortcuts (listed in the help popover from the same table). */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const id = matchShortcut(e);
      if (!id) return;
      const app = useAppStore.getState();
      const screenIndex = screenIndexOf(id);
      if (screenIndex !== null) {
        const target = SCREENS[screenIndex];
        if (!target) return;
        e.preventDefault();
        flushSync(() => app.setScreen(target.id));
        // Focus follows: what had it may now be hidden, and a screen reader hears the new screen's name.
        document.getElementById(MAIN_ID)?.focus();
        return;
      }
      switch (id) {
        case 'sign-verify': {
          if (app.screen === 'compose') {
            e.preventDefault();
            void import('../../stores/envelope').then(({ useEnvelopeStore }) => useEnvelopeStore.getState().signAndVerify());
          } else if (app.screen === 'inspect') {
            e.preventDefault();
            void import('../../stores/inspect').then(({ useInspectStore }) => useInspectStore.getState().inspect());
          }
          return;
        }
        case 'copy-envelope': {
          e.preventDefault();
          // Signs afresh first when a "now" envelope is over a minute old; the toast says what happened.
          void import('../compose/envelopeExport').then(({ copyEnvelope }) => copyEnvelope('json'));
          return;
        }
        case 'paste-response': {
          // Show the Response screen and focus its box *now*, inside the key event: the browser's own
          // paste (Ctrl+Shift+V is "paste as plain text") then lands in the box, whose paste handler reads it.
          if (app.screen !== 'response') flushSync(() => app.setScreen('response'));
          const box = document.getElementById(RESPONSE_INPUT_ID);
          if (box instanceof HTMLTextAreaElement) {
            box.focus();
            box.select();
            return;
          }
          // The Response screen's code is still loading: take this paste off whatever field had the focus
          // and hand it to the response store, which the screen shows once it has loaded.
          if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
          catchNextPaste((text) => void import('../../stores/response').then(({ useResponseStore }) => useResponseStore.getState().setText(text, 'paste')));
          return;
        }
        case 'help':
          e.preventDefault();
          app.setHelpOpen(!app.helpOpen);
          return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Paste anywhere on Inspect (focus not in a field): the text becomes the request and is inspected,
  // as Response does with a response.
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if (useAppStore.getState().screen !== 'inspect' || isTyping(e.target)) return;
      const text = e.clipboardData?.getData('text/plain');
      if (!text) return;
      e.preventDefault();
      void import('../../stores/inspect').then(({ useInspectStore }) => {
        const inspect = useInspectStore.getState();
        inspect.newDraft();
        inspect.setText(text);
        void useInspectStore.getState().inspect();
        document.getElementById(INSPECT_INPUT_ID)?.focus();
      });
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);
}

/** Takes the next paste (the browser's own, right after the shortcut) for `take`; gives up after a second. */
function catchNextPaste(take: (text: string) => void): void {
  const onPaste = (e: ClipboardEvent) => {
    stop();
    const text = e.clipboardData?.getData('text/plain');
    if (!text) return;
    e.preventDefault();
    e.stopPropagation();
    take(text);
  };
  const timer = setTimeout(() => stop(), 1000);
  const stop = () => {
    clearTimeout(timer);
    document.removeEventListener('paste', onPaste, true);
  };
  document.addEventListener('paste', onPaste, true);
}

/**
 * A case file pasted or dropped anywhere in the window opens as a case (its request into Inspect, its
 * response into Response, its log into the Log screen), before any screen reads it as a request, a
 * response or a log. Anything else is left to the screen it was pasted or dropped on.
 */
import { useEffect } from 'react';
import { CASE_EXTENSION, looksLikeCase } from '../../../../shared/case/format';

// Reading and opening a case (its zod schema, the stores it fills) loads with the first case, not at start-up.
function openCaseText(text: string, name: string): void {
  void import('./openCase').then((m) => m.openCaseText(text, name));
}

function isCaseFile(file: File | undefined): file is File {
  return file !== undefined && file.name.toLowerCase().endsWith(CASE_EXTENSION);
}

export function useCaseIntake(): void {
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const text = e.clipboardData?.getData('text/plain');
      if (!text || !looksLikeCase(text)) return;
      e.preventDefault();
      e.stopPropagation();
      openCaseText(text, 'Pasted case');
    };
    // Files may be dropped anywhere: without this only the drop zones would take them.
    const onDragOver = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const onDrop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      const text = file ? undefined : e.dataTransfer?.getData('text/plain');
      if (isCaseFile(file)) {
        e.preventDefault();
        e.stopPropagation();
        void file.text().then((t) => openCaseText(t, file.name));
      } else if (text && looksLikeCase(text)) {
        e.preventDefault();
        e.stopPropagation();
        openCaseText(text, 'Dropped case');
      } else if (file && !(e.target instanceof Element && e.target.closest('.dropzone'))) {
        // Not a case, and not on a drop zone: the browser would open the file in place of the app.
        e.preventDefault();
      }
    };
    document.addEventListener('paste', onPaste, true);
    document.addEventListener('dragover', onDragOver);
    document.addEventListener('drop', onDrop, true);
    return () => {
      document.removeEventListener('paste', onPaste, true);
      document.removeEventListener('dragover', onDragOver);
      document.removeEventListener('drop', onDrop, true);
    };
  }, []);
}

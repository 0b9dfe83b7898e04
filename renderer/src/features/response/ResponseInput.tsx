import { useRef, useState, type ClipboardEvent } from 'react';
import { EDITABLE_LIMIT, useResponseStore, type SourceKind } from '../../stores/response';
import { formatBytes } from '../../lib/format';
import { MOD_LABEL } from '../../lib/shortcuts';
import { DropZone } from '../../ui/DropZone';
import { FileButton } from '../../ui/FileButton';
import { LINKED_SAMPLE } from './samples';
import { isWholeDocument } from './values';
import { RESPONSE_INPUT_ID } from '../shell/targets';

export { RESPONSE_INPUT_ID };
/** The contract's limit for inspect:response; a file beyond it is not one response. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Where a response comes in: paste, drop, open a file, or type. Pastes are read straight from the
 * clipboard event and never go through the <textarea>, so a 5 MB paste is one string copy, not a
 * re-render of a huge controlled textarea. Small texts stay editable in the box.
 */
export function ResponseInput() {
  const text = useResponseStore((s) => s.text);
  const source = useResponseStore((s) => s.source);
  const setText = useResponseStore((s) => s.setText);
  const clear = useResponseStore((s) => s.clear);
  const [fileError, setFileError] = useState<string | null>(null);
  const pasting = useRef(false);
  const editable = text.length <= EDITABLE_LIMIT;

  const load = (value: string, kind: SourceKind, name?: string) => {
    setFileError(null);
    setText(value, kind, name);
  };

  const readFile = async (file: File, kind: 'file' | 'drop') => {
    if (file.size > MAX_FILE_BYTES) {
      setFileError(`${file.name} is ${formatBytes(file.size)}: over the 64 MB this inspector reads. Cut the response out of the log first.`);
      return;
    }
    try {
      load(await file.text(), kind, file.name);
    } catch {
      setFileError(`Could not read ${file.name}.`);
    }
  };

  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = e.clipboardData.getData('text/plain');
    if (!pasted) return;
    const el = e.currentTarget;
    // A whole JSON document replaces what is there (splicing one response into another never helps);
    // a fragment is an edit and goes where the caret is.
    const replacesAll =
      !editable || el.value === '' || (el.selectionStart === 0 && el.selectionEnd === el.value.length) || isWholeDocument(pasted);
    if (replacesAll || pasted.length + text.length > EDITABLE_LIMIT) {
      e.preventDefault();
      load(pasted, 'paste');
      return;
    }
    // A small paste into a small text: let the box insert it where the caret is; onChange reads it at once.
    pasting.current = true;
  };

  return (
    <section className="panel response-input" aria-labelledby="response-input-title">
      <DropZone label="Drop a response file" onFile={(f) => void readFile(f, 'drop')} onText={(t) => load(t, 'drop')}>
        <div className="panel-head">
          <h2 id="response-input-title">Response</h2>
          {source && (
            <span className="muted small-text" aria-label="Response source">
              {source.kind === 'paste' ? 'Pasted' : source.kind === 'typed' ? 'Typed' : source.kind === 'sample' ? 'Sample' : source.name ?? 'File'}
              {' · '}
              {formatBytes(source.size)}
            </span>
          )}
          <div className="spacer" />
          <FileButton label="Open file…" accept=".json,.txt,.log,application/json,text/plain" onFile={(f) => void readFile(f, 'file')} />
          <button type="button" className="small" onClick={() => load(JSON.stringify(LINKED_SAMPLE, null, 2), 'sample')}>
            Load sample
          </button>
          <button type="button" className="small" onClick={() => clear()} disabled={!text}>
            Clear
          </button>
        </div>
        <textarea
          id={RESPONSE_INPUT_ID}
          aria-label="Response JSON"
          className="response-text"
          rows={!editable ? 2 : text ? 4 : 7}
          spellCheck={false}
          autoComplete="off"
          value={editable ? text : ''}
          readOnly={!editable}
          placeholder={
            editable
              ? `Paste a upiGetSessionToken response (${MOD_LABEL}+V, or ${MOD_LABEL}+Shift+V from anywhere), drop a .json file here, or open one. A log line with the JSON in it works too.`
              : `${formatBytes(text.length)} response loaded — shown below. Paste, drop or open another to replace it.`
          }
          onPaste={onPaste}
          onChange={(e) => {
            const kind = pasting.current ? 'paste' : 'typed';
            pasting.current = false;
            load(e.target.value, kind);
          }}
        />
        {fileError && (
          <div role="alert" className="field-error">
            {fileError}
          </div>
        )}
      </DropZone>
    </section>
  );
}


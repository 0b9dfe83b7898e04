import { useMemo, useState } from 'react';
import type { SignResult } from '../../../../shared/contract';
import { newRequestId } from '../../../../shared/envelope-rules';
import { InspectorError } from '../../../../shared/result';
import {
  generateSnippet,
  isSnippetLang,
  SNIPPET_INFO,
  SNIPPET_LANGS,
  snippetRequestFromDecoded,
  snippetRequestOfSigned,
  type Snippet,
  type SnippetLang,
  type SnippetSource,
} from '../../../../shared/snippets';
import type { RequestDecoded } from '../../../../shared/verdict';
import { errorText } from '../../lib/errorText';
import { readItem, writeItem } from '../../lib/windowStorage';
import { CopyButton } from '../../ui/CopyButton';
import { saveTextFile } from '../../ui/DownloadLink';
import { ErrorBanner } from '../../ui/ErrorBanner';

export type SnippetPanelProps = { signed: SignResult } | { decoded: RequestDecoded };

/** The language last chosen, remembered across screens and restarts (nothing secret in it). */
function rememberedLang(): SnippetLang {
  const saved = readItem('upi-inspector.snippet-lang') ?? '';
  return isSnippetLang(saved) ? saved : 'kotlin';
}

/**
 * The inside of "Code for this request" (SnippetPanel.tsx): loaded the first time the panel is opened,
 * so neither the generators nor their code are part of the screen's first script.
 */
export default function SnippetBody({ open, ...props }: SnippetPanelProps & { open: boolean }) {
  const [lang, setLang] = useState<SnippetLang>(rememberedLang);
  // Stands in for a pasted request that carries no requestId; stable while the panel lives.
  const [freshRequestId] = useState(newRequestId);
  const signed = 'signed' in props ? props.signed : undefined;
  const decoded = 'decoded' in props ? props.decoded : undefined;
  const source = useMemo<SnippetSource>(
    () => (signed ? { ok: true, request: snippetRequestOfSigned(signed), notes: [] } : snippetRequestFromDecoded(decoded!, freshRequestId)),
    [signed, decoded, freshRequestId],
  );
  const generated = useMemo(() => (open && source.ok ? generate(lang, source.request) : null), [open, lang, source]);

  const choose = (value: string) => {
    if (!isSnippetLang(value)) return;
    setLang(value);
    // Private mode or full storage: the choice lasts for this panel only.
    writeItem('upi-inspector.snippet-lang', value);
  };

  return (
  <div className="stack">
    <p className="muted">
      The same request in the merchant's stack: on Android, the SDK call built from the segments their server signed; on the server, a file that signs
      with their key and prints this envelope, byte for byte. The code never holds a private key: it reads the key file given when it runs.
    </p>
    {!source.ok ? (
      <p className="muted" role="status">
        {source.reason}
      </p>
    ) : (
      <>
        {source.notes.map((note) => (
          <p key={note} className="field-hint">
            {note}
          </p>
        ))}
        <div className="row">
          <label className="field">
            Language
            <select aria-label="Language" value={lang} onChange={(e) => choose(e.target.value)}>
              {SNIPPET_LANGS.map((l) => (
                <option key={l} value={l}>
                  {SNIPPET_INFO[l].label}
                </option>
              ))}
            </select>
          </label>
          <div className="spacer" />
          {generated?.ok && (
            <>
              <CopyButton value={generated.snippet.code} label="Copy code">
                Copy
              </CopyButton>
              <button type="button" className="small" onClick={() => saveTextFile(generated.snippet.code, generated.snippet.fileName)} aria-label="Save code as a file">
                Save {generated.snippet.fileName}
              </button>
            </>
          )}
        </div>
        {generated && !generated.ok && <ErrorBanner>{generated.error}</ErrorBanner>}
        {generated?.ok && (
          <>
            <p className="field-hint" aria-label="How to use it">
              {generated.snippet.side === 'server' ? 'Run: ' : ''}
              <code>{generated.snippet.usage}</code>
            </p>
            <pre className="code mono" role="region" aria-label="Code" style={{ maxHeight: 460, whiteSpace: 'pre', wordBreak: 'normal' }}>
              {generated.snippet.code}
            </pre>
          </>
        )}
      </>
    )}
  </div>
  );
}

function generate(lang: SnippetLang, request: Parameters<typeof generateSnippet>[1]): { ok: true; snippet: Snippet } | { ok: false; error: string } {
  try {
    return { ok: true, snippet: generateSnippet(lang, request) };
  } catch (e) {
    if (e instanceof InspectorError) return { ok: false, error: errorText(e.toAppError()) };
    throw e;
  }
}

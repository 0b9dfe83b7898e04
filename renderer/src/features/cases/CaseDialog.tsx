import { useEffect, useId, useRef, useState } from 'react';
import { caseJson, type CaseFile, type MaskingMode } from '../../../../shared/case/format';
import { api } from '../../api';
import { errorText } from '../../lib/errorText';
import { useCasesStore, type CaseScreen } from '../../stores/cases';
import { saveTextFile } from '../../ui/DownloadLink';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { caseSourceFor, type CaseSource } from './caseSources';
import { ReportSection } from './ReportSection';

type Built = { file: CaseFile; fileName: string };

/**
 * "Export case…": what goes in, a note, the masking, then Save case file; below, the merchant report
 * made from that same (masked) case. The main side builds the case, so the file the window saves and
 * the one `case export` writes are made by the same code.
 */
export function CaseDialog({ screen }: { screen: CaseScreen }) {
  const open = useCasesStore((s) => s.dialog === screen);
  const close = useCasesStore((s) => s.closeDialog);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [source, setSource] = useState<CaseSource | null>(null);
  const [note, setNote] = useState('');
  const [masking, setMasking] = useState<MaskingMode>('masked');
  const [built, setBuilt] = useState<Built | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }, [open]);

  // What the screen holds, read when the dialog opens.
  useEffect(() => {
    if (!open) return;
    let live = true;
    setSource(null);
    setBuilt(null);
    setError(null);
    void caseSourceFor(screen).then((s) => live && setSource(s));
    return () => {
      live = false;
    };
  }, [open, screen]);

  const build = async (withNote: string): Promise<Built | null> => {
    if (!source || source.kind === 'none') return null;
    if (source.kind === 'opened') return { file: source.opened.file, fileName: source.opened.name };
    setBusy(true);
    const answer = await api['case:export']({ ...source.input, note: withNote, masking });
    setBusy(false);
    if (!answer.ok) {
      setError(errorText(answer.error));
      return null;
    }
    setError(null);
    return { file: answer.value.case, fileName: answer.value.fileName };
  };

  // The report follows the masking chosen; the note is read when the file is saved.
  useEffect(() => {
    if (!open || !source || source.kind === 'none') return;
    let live = true;
    void build('').then((b) => live && b && setBuilt(b));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, source, masking]);

  const save = async () => {
    const b = await build(note);
    if (!b) return;
    setBuilt(b);
    saveTextFile(caseJson(b.file), b.fileName.endsWith('.json') ? b.fileName : `${b.fileName}.upicase.json`, 'application/json');
  };

  return (
    <dialog ref={ref} className="dialog case-dialog" aria-labelledby={titleId} onCancel={(e) => {
        e.preventDefault();
        close();
      }}>
      <h2 id={titleId}>Export case</h2>
      {!source && <p className="muted">Reading what this screen holds…</p>}
      {source?.kind === 'none' && <ErrorBanner>{source.why}</ErrorBanner>}
      {source && source.kind !== 'none' && (
        <div className="stack">
          <ul className="case-contents" aria-label="What the case holds">
            {source.what.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
          {source.kind === 'build' && (
            <>
              <label className="field">
                Note (kept in the case file, not in the merchant report)
                <textarea aria-label="Case note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
              </label>
              <fieldset className="stack">
                <legend>Personal data</legend>
                <label className="radio-line">
                  <input type="radio" name={`${titleId}-masking`} checked={masking === 'masked'} onChange={() => setMasking('masked')} />
                  Mask personal data (the signed segments stay as received, so the case still verifies anywhere)
                </label>
                <label className="radio-line">
                  <input type="radio" name={`${titleId}-masking`} checked={masking === 'full-redaction'} onChange={() => setMasking('full-redaction')} />
                  Full redaction (also masks merchantCustomerId inside the signed claims: the signature can then no longer be checked)
                </label>
              </fieldset>
            </>
          )}
          {built && (
            <p className="muted small-text" role="note" aria-label="Masking">
              {built.file.masking.statement}
            </p>
          )}
          <ErrorBanner>{error}</ErrorBanner>
          <div className="row">
            <button type="button" className="primary" onClick={() => void save()} disabled={busy || !built}>
              Save case file
            </button>
          </div>
          {built && <ReportSection file={built.file} caseName={built.fileName} />}
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
    </dialog>
  );
}

import { useState } from 'react';
import { errorText } from '../../lib/errorText';
import { formatDateTime } from '../../lib/time';
import { useAppStore } from '../../stores/app';
import { useCasesStore, type CaseScreen } from '../../stores/cases';
import { useInspectStore } from '../../stores/inspect';
import { useTimelineStore } from '../../stores/timeline';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { FileButton } from '../../ui/FileButton';
import { CaseDialog } from './CaseDialog';
import { openCaseText } from './openCase';
import { saveSessionToHistory } from './saveSession';
import './cases.css';

/**
 * The case toolbar above Inspect, Response, History and the Log screen: Open case…, Export case… (with
 * the merchant report), Save to History for a log; on Inspect, that the verdict shown is a case's.
 */
export function CaseBar({ screen }: { screen: CaseScreen }) {
  const openDialog = useCasesStore((s) => s.openDialog);
  const openError = useCasesStore((s) => s.openError);
  const setOpenError = useCasesStore((s) => s.setOpenError);
  return (
    <div className="stack case-bar-wrap">
      <div className="row case-bar" role="toolbar" aria-label="Case">
        {screen === 'inspect' && <FromCaseNote />}
        <span className="spacer" />
        {screen === 'timeline' && <SaveLogButton />}
        <FileButton label="Open case…" accept=".upicase.json,.json,application/json" onFile={(f) => void f.text().then((t) => openCaseText(t, f.name))} />
        <button type="button" className="small" onClick={() => openDialog(screen)}>
          Export case…
        </button>
      </div>
      {openError && (
        <ErrorBanner>
          {errorText(openError)}{' '}
          <button type="button" className="link" onClick={() => setOpenError(null)}>
            Dismiss
          </button>
        </ErrorBanner>
      )}
      <CaseDialog screen={screen} />
    </div>
  );
}

/** On Inspect: the verdict is the one recorded in an opened case, until it is verified here. */
function FromCaseNote() {
  const fromCase = useInspectStore((s) => s.fromCase);
  const verifyAgain = useInspectStore((s) => s.verifyAgain);
  if (!fromCase) return null;
  return (
    <p className="case-note small-text" role="status" aria-label="Opened case">
      Verdict as recorded in the case <strong>{fromCase.name}</strong>, exported {formatDateTime(Date.parse(fromCase.createdAt))} by UPI Inspector {fromCase.appVersion}; not verified in this window.{' '}
      <button type="button" className="small" onClick={() => void verifyAgain()}>
        Verify again here
      </button>
    </p>
  );
}

function SaveLogButton() {
  const session = useTimelineStore((s) => s.session);
  const source = useTimelineStore((s) => s.source);
  const notify = useAppStore((s) => s.notify);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    if (!session || !source) return;
    setBusy(true);
    const saved = await saveSessionToHistory(session, source.name);
    setBusy(false);
    notify(saved.ok ? `Saved to History: ${saved.value.requests} requests, ${saved.value.responses} responses` : errorText(saved.error), saved.ok ? 'ok' : 'warn');
  };
  return (
    <button type="button" className="small" onClick={() => void save()} disabled={!session || session.calls.length === 0 || busy}>
      Save to History
    </button>
  );
}

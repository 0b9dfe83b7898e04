import { useState } from 'react';
import { KIND_LABELS, type HistoryEntry } from '../../../../shared/history';
import { api } from '../../api';
import { errorText } from '../../lib/errorText';
import { formatDateTime } from '../../lib/time';
import { useHistoryStore } from '../../stores/history';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { CopyButton } from '../../ui/CopyButton';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { PairChip, VerdictBadge } from './badges';
import { REOPEN_LABEL, reopenEntry } from './reopen';

/** Shown in full up to this many characters; the rest is one click away in its screen. */
const PREVIEW_CHARS = 20_000;

/** The entry open on the History screen: its facts, its text, its pair, and what can be done with it. */
export function HistoryDetail() {
  const entry = useHistoryStore((s) => s.selected);
  const error = useHistoryStore((s) => s.selectedError);
  const selectedId = useHistoryStore((s) => s.selectedId);
  if (!selectedId) return <p className="muted">Choose an entry to see what was pasted and reopen it.</p>;
  if (error) return <ErrorBanner>{errorText(error)}</ErrorBanner>;
  if (!entry || entry.id !== selectedId) return <p className="muted">Loading…</p>;
  return <EntryView entry={entry} />;
}

function EntryView({ entry }: { entry: HistoryEntry }) {
  const select = useHistoryStore((s) => s.select);
  const remove = useHistoryStore((s) => s.remove);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const facts: Array<[string, string | null]> = [
    ['requestId', entry.requestId],
    ['merchantId', entry.merchantId],
    ['channel', entry.channel],
    ['kid', entry.kid],
    ['status', entry.status],
    ['errorCode', entry.errorCode],
    ['cause', entry.cause],
    ['profile', entry.profile],
  ];

  const reopenPair = async () => {
    if (!entry.pair) return;
    const answer = await api['history:get']({ id: entry.pair.id });
    if (answer.ok) reopenEntry(answer.value);
    else setProblem(errorText(answer.error));
  };

  return (
    <article className="stack history-detail" aria-label="History entry">
      <div className="row">
        <h2>{KIND_LABELS[entry.kind]}</h2>
        <VerdictBadge entry={entry} />
        <span className="muted small-text">
          {formatDateTime(entry.time)} · {entry.source === 'cli' ? 'saved from the command line' : 'recorded in the window'}
        </span>
      </div>
      {entry.summary && <p className="history-summary">{entry.summary}</p>}
      <div className="row">
        <button type="button" className="primary" onClick={() => reopenEntry(entry)}>
          {REOPEN_LABEL[entry.kind]}
        </button>
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          Delete
        </button>
      </div>
      <ErrorBanner>{problem}</ErrorBanner>
      <dl className="history-facts">
        {facts
          .filter(([, value]) => value)
          .map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>
                <code>{value}</code>
              </dd>
            </div>
          ))}
      </dl>
      {entry.pair && (
        <section className="history-pair-card" aria-label="Paired entry">
          <div className="row">
            <strong>{entry.kind === 'response' ? 'The request it answers' : 'Its response'}</strong>
            <PairChip pair={entry.pair} onSelect={() => void select(entry.pair!.id)} />
            <span className="muted small-text">{formatDateTime(entry.pair.time)}</span>
            <span className="spacer" />
            <button type="button" className="small" onClick={() => void reopenPair()}>
              {REOPEN_LABEL[entry.pair.kind]}
            </button>
          </div>
        </section>
      )}
      {(entry.redacted || entry.publicKeyWithheld) && (
        <p className="banner warn small-text">
          {entry.publicKeyWithheld ? 'The public-key box held a private key, so it was not kept. ' : ''}
          {entry.redacted ? 'Private key material in what was pasted was removed before it was stored.' : ''}
        </p>
      )}
      <div className="stack">
        <div className="row">
          <strong>{entry.kind === 'sign' ? 'Signed envelope' : 'As pasted'}</strong>
          <CopyButton value={entry.text} label="Copy the text" />
        </div>
        <pre className="history-text" aria-label="Entry text">
          {entry.text.length > PREVIEW_CHARS ? `${entry.text.slice(0, PREVIEW_CHARS)}\n… (${entry.text.length.toLocaleString()} characters: reopen to see all)` : entry.text}
        </pre>
        {entry.publicKey && (
          <>
            <strong>Public key pasted</strong>
            <pre className="history-text small">{entry.publicKey}</pre>
          </>
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        title="Delete this history entry?"
        confirmLabel="Delete"
        danger
        busy={busy}
        error={problem}
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          setBusy(true);
          const failed = await remove(entry.id);
          setBusy(false);
          if (failed) setProblem(errorText(failed));
          else setConfirming(false);
        }}
      >
        <p>
          The {KIND_LABELS[entry.kind].toLowerCase()} of {entry.requestId ?? 'this entry'} is removed from the history for good.
        </p>
      </ConfirmDialog>
    </article>
  );
}

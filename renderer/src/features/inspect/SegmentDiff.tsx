import type { ResignSegmentDiff } from '../../../../shared/contract';
import { CopyButton } from '../../ui/CopyButton';

/** One string with the first differing character (and what follows) marked. */
function Marked({ text, from, label }: { text: string; from: number; label: string }) {
  if (from < 0) return <code className="diff-text" aria-label={label}>{text}</code>;
  return (
    <code className="diff-text" aria-label={label}>
      {text.slice(0, from)}
      <mark className="diff-first">{text.slice(from, from + 1) || '∅'}</mark>
      <span className="diff-rest">{text.slice(from + 1)}</span>
    </code>
  );
}

/** Side by side: the merchant's segment and ours, with the first differing byte highlighted. */
export function SegmentDiff({ diff }: { diff: ResignSegmentDiff }) {
  const same = diff.firstDifference < 0;
  return (
    <div className="diff-row" role="group" aria-label={`Segment ${diff.name}`}>
      <div className="row">
        <strong>{diff.name}</strong>
        {same ? (
          <span className="badge badge-ok">identical</span>
        ) : (
          <span className="badge badge-error">first difference at character {diff.firstDifference + 1}</span>
        )}
      </div>
      <div className="diff-columns">
        <div>
          <div className="row muted">
            Received <CopyButton value={diff.original} label={`Copy received ${diff.name}`} />
          </div>
          <Marked text={diff.original} from={diff.firstDifference} label={`Received ${diff.name}`} />
        </div>
        <div>
          <div className="row muted">
            Re-signed <CopyButton value={diff.resigned} label={`Copy re-signed ${diff.name}`} />
          </div>
          <Marked text={diff.resigned} from={diff.firstDifference} label={`Re-signed ${diff.name}`} />
        </div>
      </div>
    </div>
  );
}

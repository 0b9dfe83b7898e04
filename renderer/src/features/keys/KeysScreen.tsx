import { useEffect } from 'react';
import { useKeysStore } from '../../stores/keys';
import { useScreenActive } from '../shell/screen';
import { Badge } from '../../ui/Badge';
import { GenerateKey } from './GenerateKey';
import { ImportKey } from './ImportKey';
import { KeyList } from './KeyList';
import { VaultPanel } from './VaultPanel';

export function KeysScreen() {
  const vault = useKeysStore((s) => s.vault);
  const lastAdded = useKeysStore((s) => s.lastAdded);
  const dismiss = useKeysStore((s) => s.dismissLastAdded);
  const usable = vault?.state === 'unlocked';
  // Keys may have been added or removed elsewhere (the CLI, another window) since this screen was last shown.
  const refresh = useKeysStore((s) => s.refresh);
  const active = useScreenActive();
  useEffect(() => {
    if (active) void refresh();
  }, [active, refresh]);
  return (
    <div className="keys-layout">
      <VaultPanel />
      {lastAdded && (
        <div className="banner ok row" role="status" aria-label="Last key added">
          <span>
            <strong>
              {lastAdded.how === 'imported' ? 'Imported' : 'Generated'} “{lastAdded.key.label || lastAdded.key.kid}”
            </strong>{' '}
            — {lastAdded.key.source.description}
            {lastAdded.key.source.fileName ? ` (from ${lastAdded.key.source.fileName})` : ''}.
          </span>
          <Badge>{lastAdded.key.kind}</Badge>
          <Badge>{lastAdded.key.bits} bit</Badge>
          <div className="spacer" />
          <button type="button" className="small ghost" onClick={dismiss} aria-label="Dismiss">
            ✕
          </button>
        </div>
      )}
      <div className="keys-columns">
        <div className="stack">
          <ImportKey disabled={!usable} />
          <GenerateKey disabled={!usable} />
        </div>
        <KeyList />
      </div>
    </div>
  );
}

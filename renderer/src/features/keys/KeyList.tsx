import { useEffect, useState } from 'react';
import { canSign, keysSharingKid, MIN_SIGNING_BITS, type KeyInfo, type PublicKeyExport } from '../../../../shared/keys';
import { useKeysStore } from '../../stores/keys';
import { useEnvelopeStore } from '../../stores/envelope';
import { useAppStore } from '../../stores/app';
import { fileSafe } from '../../lib/download';
import { plural, shortThumbprint } from '../../lib/format';
import { formatAge, formatDateTime } from '../../lib/time';
import { useNow } from '../../lib/useNow';
import { Badge } from '../../ui/Badge';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { CopyButton } from '../../ui/CopyButton';
import { DownloadLink } from '../../ui/DownloadLink';
import { JsonView } from '../../ui/JsonView';
import { KeyWarnings, useKeyWarnings } from './KeyWarnings';
import { RenameForm } from './RenameForm';
import { errorText } from '../../lib/errorText';

export function KeyList() {
  const keys = useKeysStore((s) => s.keys);
  const loaded = useKeysStore((s) => s.loaded);
  const listError = useKeysStore((s) => s.listError);
  const vault = useKeysStore((s) => s.vault);
  const now = useNow(30_000);
  const [deleting, setDeleting] = useState<KeyInfo | null>(null);

  return (
    <section className="panel" aria-labelledby="keylist-title">
      <div className="panel-head">
        <h2 id="keylist-title">Keys in the vault</h2>
        {loaded && !listError && <span className="muted">{keys.length}</span>}
      </div>
      {listError && (
        <div role="alert" className="banner error">
          Could not list the keys: {errorText(listError)}
        </div>
      )}
      {!loaded && <p className="muted">Loading keys…</p>}
      {loaded && !listError && keys.length === 0 && (
        <p className="muted">{vault?.state === 'locked' ? 'Unlock the vault to see its keys.' : 'No keys yet: import the merchant’s private key or generate a pair to sign test requests.'}</p>
      )}
      <ul className="key-list" aria-label="Keys">
        {keys.map((k) => (
          <KeyCard key={k.id} keyInfo={k} sharesKidWith={keysSharingKid(k, keys)} now={now} onDelete={() => setDeleting(k)} />
        ))}
      </ul>
      <DeleteDialog keyInfo={deleting} onClose={() => setDeleting(null)} />
    </section>
  );
}

function KeyCard({ keyInfo: k, sharesKidWith, now, onDelete }: { keyInfo: KeyInfo; sharesKidWith: KeyInfo[]; now: number; onDelete(): void }) {
  const [panel, setPanel] = useState<'none' | 'export' | 'rename'>('none');
  // What the last rename warned about (a kid another key carries): kept until Rename is opened again.
  const renameWarnings = useKeyWarnings();
  const weak = k.bits < MIN_SIGNING_BITS;
  const setKeyId = useEnvelopeStore((s) => s.setKeyId);
  const signingKeyId = useEnvelopeStore((s) => s.keyId);
  const setScreen = useAppStore((s) => s.setScreen);
  const name = k.label || k.kid || 'Untitled key';
  const created = Date.parse(k.createdAt);

  return (
    <li className="key-card" aria-label={`Key ${name}`}>
      <div className="key-card-head">
        <strong className="key-name">{name}</strong>
        <Badge tone={canSign(k) ? 'ok' : 'info'} title={canSign(k) ? 'Can sign and verify' : 'Can verify only'}>
          {k.kind}
        </Badge>
        <Badge>{k.bits} bit</Badge>
        {weak && (
          <Badge tone="warn" title={`The UPI SDK signs with RSA ${MIN_SIGNING_BITS} bits or more: this key is kept to verify signatures made with it.`}>
            too weak to sign
          </Badge>
        )}
        {sharesKidWith.length > 0 && (
          <Badge tone="warn" title="Juspay holds exactly one public key per kid: ask which thumbprint it has.">
            kid shared with {plural(sharesKidWith.length, 'other key')}
          </Badge>
        )}
        {signingKeyId === k.id && <Badge tone="info">used by Compose</Badge>}
      </div>
      <dl className="kv key-facts">
        <dt>kid</dt>
        <dd>
          <code>{k.kid || '(none)'}</code> {k.kid && <CopyButton value={k.kid} label={`Copy kid of ${name}`} />}
          {sharesKidWith.length > 0 && (
            <div className="field-warning">
              Also carried by{' '}
              {sharesKidWith.map((other, i) => (
                <span key={other.id}>
                  {i > 0 && ', '}“{other.label || other.id}” (thumbprint <code title={other.thumbprint}>{shortThumbprint(other.thumbprint, 16)}</code>)
                </span>
              ))}
              . Juspay holds one public key per kid: confirm which thumbprint it has.
            </div>
          )}
        </dd>
        <dt>Thumbprint</dt>
        <dd>
          <code title={k.thumbprint}>{shortThumbprint(k.thumbprint, 16)}</code> <CopyButton value={k.thumbprint} label={`Copy thumbprint of ${name}`} />
        </dd>
        <dt>Source</dt>
        <dd>
          {k.source.description}
          {k.source.fileName && <span className="muted"> · {k.source.fileName}</span>}
        </dd>
        <dt>Created</dt>
        <dd title={k.createdAt}>{Number.isNaN(created) ? k.createdAt : `${formatDateTime(created)} (${formatAge(created, now, { past: true })})`}</dd>
      </dl>
      <div className="row">
        {canSign(k) && (
          <button
            type="button"
            className="small"
            onClick={() => {
              setKeyId(k.id);
              setScreen('compose');
            }}
            aria-label={`Sign with ${name} in Compose`}
          >
            Sign with this key
          </button>
        )}
        <button type="button" className="small" aria-expanded={panel === 'export'} onClick={() => setPanel(panel === 'export' ? 'none' : 'export')} aria-label={`Export public key of ${name}`}>
          Export public key
        </button>
        <button
          type="button"
          className="small"
          aria-expanded={panel === 'rename'}
          onClick={() => {
            renameWarnings.clear();
            setPanel(panel === 'rename' ? 'none' : 'rename');
          }}
          aria-label={`Rename ${name}`}
        >
          Rename
        </button>
        <button type="button" className="small danger" onClick={onDelete} aria-label={`Delete ${name}`}>
          Delete
        </button>
      </div>
      {panel === 'export' && <ExportPanel keyInfo={k} />}
      {weak && k.kind === 'private' && <p className="muted small-text">Cannot sign: a {k.bits}-bit key is kept for verifying only. Make a {MIN_SIGNING_BITS}-bit key and register its public key with Juspay.</p>}
      {panel === 'rename' && (
        <RenameForm
          keyInfo={k}
          onDone={(warnings) => {
            renameWarnings.show(warnings);
            setPanel('none');
          }}
        />
      )}
      <KeyWarnings warnings={renameWarnings.warnings} label={`Rename warnings for ${name}`} />
    </li>
  );
}

function ExportPanel({ keyInfo: k }: { keyInfo: KeyInfo }) {
  const exportPublic = useKeysStore((s) => s.exportPublic);
  const cached = useKeysStore((s) => s.exports[k.id]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (cached) return;
    let live = true;
    void exportPublic(k.id).then((r) => {
      if (live && !r.ok) setError(errorText(r.error));
    });
    return () => {
      live = false;
    };
  }, [cached, exportPublic, k.id]);
  if (error) {
    return (
      <div role="alert" className="banner error">
        Could not export the public key: {error}
      </div>
    );
  }
  if (!cached) return <p className="muted">Exporting…</p>;
  return <ExportView exported={cached} name={k.label || k.kid} />;
}

function ExportView({ exported, name }: { exported: PublicKeyExport; name: string }) {
  const jwk = JSON.stringify(exported.jwk, null, 2);
  const base = fileSafe(exported.kid || name, 'public-key');
  return (
    <div className="export stack" role="region" aria-label={`Public key of ${name}`}>
      <p className="muted small-text">Share the PEM with Juspay; the private key never leaves this machine.</p>
      <div className="part">
        <div className="part-head">
          <h3>SPKI PEM</h3>
          <div className="row">
            <CopyButton value={exported.pem} label={`Copy public key PEM of ${name}`} />
            <DownloadLink text={exported.pem} fileName={`${base}.pub.pem`} type="application/x-pem-file" label={`Save public key PEM of ${name}`}>
              Save .pem
            </DownloadLink>
          </div>
        </div>
        <pre className="code mono pem" role="region" aria-label={`Public key PEM of ${name}`}>
          {exported.pem}
        </pre>
      </div>
      <div className="part">
        <div className="part-head">
          <h3>JWK</h3>
          <div className="row">
            <CopyButton value={jwk} label={`Copy public JWK of ${name}`} />
            <DownloadLink text={jwk} fileName={`${base}.jwk.json`} type="application/json" label={`Save public JWK of ${name}`}>
              Save .json
            </DownloadLink>
          </div>
        </div>
        <JsonView text={jwk} label={`Public JWK of ${name}`} />
      </div>
    </div>
  );
}

function DeleteDialog({ keyInfo, onClose }: { keyInfo: KeyInfo | null; onClose(): void }) {
  const remove = useKeysStore((s) => s.remove);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = keyInfo ? keyInfo.label || keyInfo.kid || 'this key' : '';
  return (
    <ConfirmDialog
      open={keyInfo !== null}
      title={`Delete “${name}”?`}
      confirmLabel="Delete key"
      danger
      busy={busy}
      error={error}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      onConfirm={async () => {
        if (!keyInfo) return;
        setBusy(true);
        const result = await remove(keyInfo.id);
        setBusy(false);
        if (result.ok) {
          setError(null);
          onClose();
        } else setError(errorText(result.error));
      }}
    >
      {keyInfo && (
        <p>
          {keyInfo.kind === 'private'
            ? 'The private key is removed from the vault for good. Envelopes signed with it can no longer be re-signed here; export the public key first if you still need it.'
            : 'The public key is removed from the vault; envelopes signed by its private key will no longer verify here.'}{' '}
          kid <code>{keyInfo.kid || '(none)'}</code>, thumbprint <code>{shortThumbprint(keyInfo.thumbprint)}</code>.
        </p>
      )}
    </ConfirmDialog>
  );
}

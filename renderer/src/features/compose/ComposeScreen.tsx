import { useEffect } from 'react';
import { useEnvelopeStore } from '../../stores/envelope';
import { useKeysStore } from '../../stores/keys';
import { useScreenActive } from '../shell/screen';
import { ComposeForm } from './ComposeForm';
import { SignedPreview } from './SignedPreview';

export function ComposeScreen() {
  const scheduleSign = useEnvelopeStore((s) => s.scheduleSign);
  const keyId = useEnvelopeStore((s) => s.keyId);
  // The chosen key's identity: when it is renamed (new kid) or deleted, the preview must be signed again.
  const keyIdentity = useKeysStore((s) => {
    const k = s.keys.find((x) => x.id === keyId);
    return k ? `${k.id}:${k.kid}` : 'none';
  });
  useEffect(() => {
    scheduleSign();
  }, [scheduleSign, keyIdentity]);
  // The signing keys on offer: refreshed whenever the screen is shown (keys change on Keys, in the CLI).
  const refreshKeys = useKeysStore((s) => s.refresh);
  const active = useScreenActive();
  useEffect(() => {
    if (active) void refreshKeys();
  }, [active, refreshKeys]);
  return (
    <div className="compose-layout">
      <ComposeForm />
      <SignedPreview />
    </div>
  );
}

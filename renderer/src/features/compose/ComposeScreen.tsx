import { useEffect } from 'react';
import { useEnvelopeStore } from '../../stores/envelope';
import { useKeysStore } from '../../stores/keys';
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
  return (
    <div className="compose-layout">
      <ComposeForm />
      <SignedPreview />
    </div>
  );
}

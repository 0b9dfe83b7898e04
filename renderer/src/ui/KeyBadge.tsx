import type { KeyInfo } from '../../../shared/keys';
import { shortThumbprint } from '../lib/format';
import { Badge } from './Badge';
import { CopyButton } from './CopyButton';

/** Which key: kid, algorithm, size and a short thumbprint (copyable in full). */
export function KeyBadge({ keyInfo, showLabel = true }: { keyInfo: KeyInfo; showLabel?: boolean }) {
  return (
    <span className="key-badge" role="group" aria-label={`Key ${keyInfo.label || keyInfo.kid}`}>
      {showLabel && keyInfo.label && <strong className="key-badge-label">{keyInfo.label}</strong>}
      <Badge tone="info" title="kid: the key id Juspay issued; it goes into the protected header">
        kid <span className="mono">{keyInfo.kid || '(none)'}</span>
      </Badge>
      <Badge title="Algorithm and modulus size">RS256 · {keyInfo.bits} bit</Badge>
      <Badge title={`RFC 7638 SHA-256 thumbprint: ${keyInfo.thumbprint}`}>
        <span className="mono">{shortThumbprint(keyInfo.thumbprint)}</span>
      </Badge>
      <CopyButton value={keyInfo.thumbprint} label={`Copy thumbprint of ${keyInfo.label || keyInfo.kid}`} />
    </span>
  );
}

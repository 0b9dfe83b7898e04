import { PAIRING_CHOICES, usePairingStore, type LinkedRequest, type PairingChoice } from '../../stores/pairing';

export const PAIRING_SELECT_ID = 'response-compare-with';

/**
 * Which request the response's requestId is compared with: the request in Inspect (the default), the
 * envelope in Compose, a typed requestId, or nothing. Says what it compares with, or why it cannot.
 * Its label ("Compare with", for PAIRING_SELECT_ID) is the caller's, so it can sit in a field list.
 */
export function PairingControl({ linked }: { linked: LinkedRequest }) {
  const typed = usePairingStore((s) => s.typed);
  const setChoice = usePairingStore((s) => s.setChoice);
  const setTyped = usePairingStore((s) => s.setTyped);
  return (
    <span className="pairing row">
      <select id={PAIRING_SELECT_ID} value={linked.choice} onChange={(e) => setChoice(e.target.value as PairingChoice)} title="The request this response's requestId is compared with">
        {PAIRING_CHOICES.map((c) => (
          <option key={c.choice} value={c.choice}>
            {c.label}
          </option>
        ))}
      </select>
      {linked.choice === 'typed' && (
        <input
          className="mono"
          aria-label="requestId to compare with"
          placeholder="requestId"
          spellCheck={false}
          autoComplete="off"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
      )}
      {linked.requestId && linked.choice !== 'typed' && (
        <span className="muted small-text" aria-label="Linked requestId">
          <code>{linked.requestId}</code>
        </span>
      )}
      {linked.missing && <span className="muted small-text">{linked.missing}</span>}
    </span>
  );
}

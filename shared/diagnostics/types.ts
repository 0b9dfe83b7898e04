/** A finding: one thing the inspector noticed about a request or response, and what to do about it. */
export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Stable id, e.g. `segment.standard-base64`; tests and the CLI key on it. */
  id: string;
  severity: Severity;
  /** JSON path (`payload.signature`) or segment name the finding is about. */
  path: string;
  /** What is wrong, in a support engineer's words. */
  message: string;
  /** How to fix it. */
  fix: string;
  /**
   * Set when this finding is a consequence of another (the root cause's id): one root cause gives one
   * error, its consequences are shown under it as notes.
   */
  causedBy?: string;
}

/** Where a candidate key came from: the vault, the box next to the request, a `--public-key` file, the chosen profile's registered keys. */
export type KeySource = 'vault' | 'pasted' | 'file' | 'profile';

/** A key the main process tried against a request's signature: identity only, never key material. */
export interface KeyRef {
  /** Vault key id, `pasted` / `file` for a key given with the request, `profile:…` for a profile's registered key. */
  keyId: string;
  source?: KeySource;
  label: string;
  /** The kid recorded with the key in the vault; '' when none. */
  kid: string;
  /** RFC 7638 SHA-256 JWK thumbprint, base64url. */
  thumbprint: string;
  /** Modulus size in bits (2048, 3072, 4096 …). */
  bits: number;
}

export interface KeyTried extends KeyRef {
  /** True when RS256 verifies over ASCII(protected + "." + signaturePayload) exactly as received. */
  valid: boolean;
  /** When it does not verify as received: the usual mistake under which this key does verify. */
  verifiesIf?: 'standard-base64' | WrongSigningInput;
}

/**
 * Bytes a merchant sometimes signs by mistake instead of ASCII(protected + "." + signaturePayload):
 * - `claims-json`: the decoded signaturePayload JSON text;
 * - `header-and-claims-json`: the decoded header JSON + "." + the decoded claims JSON;
 * - `signaturePayload-only`: the signaturePayload segment alone, without `protected + "."`;
 * - `other`: something else the main process tried (say what in `detail`).
 */
export type WrongSigningInput = 'claims-json' | 'header-and-claims-json' | 'signaturePayload-only' | 'other';

/**
 * What the main process (which holds the keys and the crypto) found out about a request's signature.
 * `signatureFindings(evidence)` turns it into findings. Every field is optional but `keysTried`.
 */
export interface SignatureEvidence {
  /** Every key tried, vault keys and any pasted public key, in the order tried. Empty when there were none. */
  keysTried: KeyTried[];
  /** The key under which the signature verifies as received, if any. */
  verifiedBy?: KeyRef;
  /** Set when the signature verifies over the wrong bytes: the merchant signed the raw JSON (or similar). */
  rawJsonSigningMatches?: KeyRef & { signedOver: WrongSigningInput; detail?: string };
  /** Set when the signature verifies once its segment is decoded as standard base64 (`+`, `/`, `=`). */
  standardBase64Matches?: KeyRef;
  /** Whether those two alternatives were tried (so a failure can say so); default false. */
  triedRawJson?: boolean;
  triedStandardBase64?: boolean;
  /** Decoded length of the signature in bytes (the inspector computes it itself when absent). */
  signatureByteLength?: number;
  /** The pasted public key could not be read: why, in words. */
  pastedKeyError?: string;
  /** The signature could not be checked at all (e.g. the request does not decode): why, in words. */
  notCheckedReason?: string;
  /** Why the vault offered no keys (locked, damaged), to say so when there was nothing to try. */
  vaultNote?: string;
}

import type { JwsHeader, SessionClaims } from './envelope';

/** One key the verifier tried, and what happened. */
export interface VerifyAttempt {
  /** Vault key id, or `pasted` for a public key passed with the request. */
  keyId: string;
  label: string;
  kid: string;
  thumbprint: string;
  valid: boolean;
}

export interface VerifyResult {
  valid: boolean;
  /** The key that verified, when one did. */
  verifiedBy?: VerifyAttempt;
  tried: VerifyAttempt[];
  header?: JwsHeader;
  claims?: SessionClaims;
  /** Which shape the input had: a full envelope, its payload, a bare segments object, or a compact JWS. */
  form?: 'envelope' | 'payload' | 'segments' | 'compact-jws';
  /** The three segments exactly as received. */
  segments: { protected: string; signaturePayload: string; signature: string };
  /** Why it did not verify, when no key was tried or the input is not verifiable. */
  reason?: string;
}

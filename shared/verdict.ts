/**
 * The verdict: the one answer to "why does this call fail?" for one pasted request. The main side builds
 * it once (the reader, then each candidate key verified once, then the findings); the Inspect screen,
 * Compose's verify, the CLI's text, `--json` and exit code, and every channel only render it.
 */
import type { FindingId } from './diagnostics/catalog';
import { INPUT_CAUSES } from './diagnostics/cause';
import type { Finding, KeyRef, KeyTried } from './diagnostics/types';
import type { AuthVariant, RequestKind, RequestSource } from './request/types';
import type { LogLinePrefix } from './logcat';
import type { Environment } from './profile';
import type { MatchedOn } from './profile-match';

export type VerdictTone = 'ok' | 'warn' | 'error' | 'unknown';

/** What could be read from the paste, even when the rest is broken, and where it was found. */
export interface RequestDecoded {
  kind: RequestKind;
  source: RequestSource;
  variant?: AuthVariant | 'mixed';
  /** The request sat inside a JSON string (stringified, or escaped in a log) and was unescaped. */
  escaped?: boolean;
  /** Path of the request inside a wrapper object, when it was found in one. */
  wrapperPath?: string;
  /** 1-based position where the request starts, when found inside other text. */
  foundAt?: { line: number; column: number };
  /** The logcat prefix of that line (tag, level, time), when it has one. */
  log?: LogLinePrefix;
  /** The request object as parsed (envelope, payload or segments), or the top-level value. */
  envelope?: unknown;
  /** `requestId` as sent, when the envelope has a string one. */
  requestId?: string;
  header?: unknown;
  claims?: unknown;
  segments?: { protected?: string; signaturePayload?: string; signature?: string };
  /** The header and claims as decoded text, exactly as the merchant encoded them (key order, spacing). */
  headerText?: string;
  claimsText?: string;
  /** Decoded signature length in bytes. */
  signatureByteLength?: number;
}

export interface Verdict {
  /** True: a key verifies the segments as received. False: keys were tried and none does. Null: nothing could be verified. */
  valid: boolean | null;
  /** The key that verifies, when one does. */
  verifiedBy?: KeyRef;
  /** Every candidate key, each verified once over the segments as received. */
  tried: KeyTried[];
  /** Everything noticed, errors first; consequences of a root cause carry `causedBy`. */
  findings: Finding[];
  /** The finding that explains why the call fails; absent when nothing is an error. */
  cause?: FindingId;
  /** The verdict in one line, with its tone, for badges and the first line of the CLI's report. */
  summary: { tone: VerdictTone; headline: string };
  decoded: RequestDecoded;
  /** The merchant profile the verdict answers with, when one was chosen or picked from the request. */
  profile?: VerdictProfile;
}

/** Which profile answered, and how it came to: chosen by the user (or `--profile`), or picked from the request. */
export interface VerdictProfile {
  id: string;
  name: string;
  environment: Environment;
  picked: 'chosen' | 'auto';
  /** For a pick: what in the request matched the profile. */
  matchedOn?: MatchedOn[];
}

/** CLI exit code of a verdict: 0 valid with no error, 1 invalid or any error, 2 unreadable input or nothing verifiable. */
export function verdictExitCode(v: Pick<Verdict, 'valid' | 'cause'>): 0 | 1 | 2 {
  if (v.cause && INPUT_CAUSES.has(v.cause)) return 2;
  if (v.cause) return 1;
  if (v.valid === true) return 0;
  return v.valid === false ? 1 : 2;
}

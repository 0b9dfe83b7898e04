/**
 * Every finding the inspector can raise: a stable id, its severity and a one-line title, so the UI and
 * the CLI can list them and tests can check each one is reachable. A finding's severity always comes
 * from here, except that a consequence of another finding's root cause is shown as a note under it
 * (see `cause.ts`).
 */
import type { Finding, Severity } from './types';

export type FindingScope = 'request' | 'response' | 'both' | 'session';

interface Entry {
  severity: Severity;
  scope: FindingScope;
  title: string;
}

export const FINDING_IDS = {
  // Input (both)
  'input.empty': { severity: 'error', scope: 'both', title: 'Nothing was pasted' },
  'json.invalid': { severity: 'error', scope: 'both', title: 'The JSON does not parse (line and column given)' },
  'input.found-in-log': { severity: 'info', scope: 'both', title: 'The JSON was found inside a log line' },
  'input.json-string': { severity: 'info', scope: 'both', title: 'The JSON was inside a JSON string (escaped) and was unescaped' },
  'inspector.internal-error': { severity: 'error', scope: 'both', title: 'The inspector itself failed on this input (a bug)' },

  // Request: input shape
  'input.not-request': { severity: 'error', scope: 'request', title: 'This is not a upiGetSessionToken request' },
  'input.partial': { severity: 'info', scope: 'request', title: 'Only part of the request was pasted; envelope checks skipped' },
  'input.compact-parts': { severity: 'error', scope: 'request', title: 'A compact JWS must have exactly three dot-separated parts' },
  'input.salvaged': { severity: 'info', scope: 'request', title: 'Fields were read out of JSON that does not parse' },
  'input.wrapped': { severity: 'info', scope: 'request', title: 'The request was found inside a wrapper object' },
  'input.loose-fields': { severity: 'info', scope: 'request', title: 'The segments were read from plain lines or name=value pairs' },

  // Request: envelope and payload
  'envelope.missing-field': { severity: 'error', scope: 'request', title: 'A mandatory field is missing' },
  'envelope.key-case': { severity: 'error', scope: 'request', title: 'A key is spelled in the wrong case (the wire is lowerCamelCase)' },
  'envelope.unknown-key': { severity: 'info', scope: 'request', title: 'A key upiGetSessionToken does not use' },
  'envelope.wrong-type': { severity: 'error', scope: 'request', title: 'A field has the wrong JSON type' },
  'service.sibling': { severity: 'warning', scope: 'request', title: 'service belongs to a sibling Juspay product' },
  'service.unknown': { severity: 'error', scope: 'request', title: 'service is not in.juspay.hyperapi' },
  'action.sibling': { severity: 'info', scope: 'request', title: 'action is a sibling action, not upiGetSessionToken' },
  'action.unknown': { severity: 'warning', scope: 'request', title: 'action is not a known action' },
  'request-id.not-uuid-v4': { severity: 'warning', scope: 'request', title: 'requestId is not a uuid v4' },
  'auth.variant': { severity: 'info', scope: 'request', title: 'Which auth variant the payload uses' },
  'auth.mixed': { severity: 'error', scope: 'request', title: 'The payload mixes auth variants' },

  // Request: segments
  'segment.empty': { severity: 'error', scope: 'request', title: 'A segment is an empty string' },
  'segment.padding': { severity: 'error', scope: 'request', title: "A segment has '=' padding" },
  'segment.standard-base64': { severity: 'error', scope: 'request', title: "A segment uses '+' or '/': standard base64 was used" },
  'segment.whitespace': { severity: 'error', scope: 'request', title: 'A segment contains whitespace or line breaks' },
  'segment.illegal-characters': { severity: 'error', scope: 'request', title: 'A segment contains characters base64url does not use' },
  'segment.bad-length': { severity: 'error', scope: 'request', title: 'A segment has a length no base64 encoder produces' },
  'segment.not-encoded': { severity: 'error', scope: 'request', title: 'A segment holds raw JSON instead of base64url' },
  'segment.swapped': { severity: 'error', scope: 'request', title: 'The segments are in the wrong fields' },

  // Request: header
  'header.not-json': { severity: 'error', scope: 'request', title: 'protected does not decode to a JSON object' },
  'header.key-case': { severity: 'error', scope: 'request', title: 'A header key is spelled in the wrong case' },
  'header.alg-missing': { severity: 'error', scope: 'request', title: 'The header has no alg' },
  'header.alg-none': { severity: 'error', scope: 'request', title: 'The header says alg "none"' },
  'header.alg-unsupported': { severity: 'error', scope: 'request', title: 'The header alg is not RS256' },
  'header.kid-missing': { severity: 'error', scope: 'request', title: 'The header has no kid' },
  'header.kid-unknown': { severity: 'warning', scope: 'request', title: 'No vault key has this kid' },
  'header.kid-mismatch': { severity: 'error', scope: 'request', title: 'The key that verifies has a different kid than the header' },
  'header.kid-shared': { severity: 'warning', scope: 'request', title: 'Several known keys carry the header’s kid; Juspay holds only one' },
  'header.unknown-key': { severity: 'info', scope: 'request', title: 'The header carries an extra parameter' },

  // Request: claims
  'claims.not-json': { severity: 'error', scope: 'request', title: 'signaturePayload does not decode to a JSON object' },
  'claims.missing-field': { severity: 'error', scope: 'request', title: 'A mandatory claim is missing or empty' },
  'claims.key-case': { severity: 'error', scope: 'request', title: 'A claim is spelled in the wrong case' },
  'claims.wrong-type': { severity: 'error', scope: 'request', title: 'A claim is not a string (or has stray spaces)' },
  'claims.unknown-key': { severity: 'info', scope: 'request', title: 'The claims carry an extra field' },
  'timestamp.number': { severity: 'warning', scope: 'request', title: 'timestamp is a JSON number, not a string' },
  'timestamp.seconds': { severity: 'error', scope: 'request', title: 'timestamp is in seconds, not milliseconds' },
  'timestamp.not-numeric': { severity: 'error', scope: 'request', title: 'timestamp is not epoch milliseconds' },
  'timestamp.out-of-range': { severity: 'error', scope: 'request', title: 'timestamp has an implausible number of digits' },
  'timestamp.future': { severity: 'warning', scope: 'request', title: 'timestamp is in the future' },
  'timestamp.expired': { severity: 'warning', scope: 'request', title: 'timestamp is older than 15 minutes' },
  'timestamp.age': { severity: 'info', scope: 'request', title: 'How old the timestamp is' },
  'profile.merchant-id-mismatch': { severity: 'error', scope: 'request', title: "merchantId differs from the chosen profile's" },
  'profile.channel-id-mismatch': { severity: 'error', scope: 'request', title: "merchantChannelId differs from the chosen profile's" },
  'profile.registered-key-mismatch': { severity: 'error', scope: 'request', title: 'The key Juspay holds for this kid (per the profile) did not sign this request' },
  'profile.kid-unregistered': { severity: 'error', scope: 'request', title: 'The header’s kid is not registered in the chosen profile' },
  'case.redacted': { severity: 'warning', scope: 'request', title: 'The case was fully redacted, so its signature cannot be checked' },

  // Request: signature (from SignatureEvidence)
  'signature.verified': { severity: 'info', scope: 'request', title: 'The signature verifies' },
  'signature.invalid': { severity: 'error', scope: 'request', title: 'The signature does not verify with any key tried' },
  'signature.no-keys': { severity: 'warning', scope: 'request', title: 'No key to check the signature with' },
  'signature.not-checked': { severity: 'info', scope: 'request', title: 'The signature was not checked' },
  'signature.raw-json-signed': { severity: 'error', scope: 'request', title: 'The raw JSON was signed instead of protected.signaturePayload' },
  'signature.standard-base64': { severity: 'error', scope: 'request', title: 'The signature is right but encoded as standard base64' },
  'signature.length-mismatch': { severity: 'error', scope: 'request', title: 'The signature length does not match the key size' },
  'signature.weak-key': { severity: 'error', scope: 'request', title: 'The signature was made with an RSA key under 2048 bits' },
  'signature.pasted-key-invalid': { severity: 'warning', scope: 'request', title: 'The pasted public key could not be read' },

  // Response
  'input.not-response': { severity: 'error', scope: 'response', title: 'This is not a upiGetSessionToken response' },
  'response.no-payload': { severity: 'warning', scope: 'response', title: 'The response has no payload' },
  'event.unexpected': { severity: 'warning', scope: 'response', title: 'event is not process_result' },
  'response.request-id-mismatch': { severity: 'error', scope: 'response', title: 'requestId does not match the request' },
  'response.service-unexpected': { severity: 'warning', scope: 'response', title: 'service is not in.juspay.hyperapi' },
  'response.action-unexpected': { severity: 'warning', scope: 'response', title: 'payload.action is not upiGetSessionToken' },
  'error.without-code': { severity: 'warning', scope: 'response', title: 'error is true but there is no errorCode' },
  'error.code': { severity: 'error', scope: 'response', title: 'A documented SDK error code' },
  'error.code-unconfirmed': { severity: 'error', scope: 'response', title: 'An SDK error code Juspay does not document' },
  'error.code-unknown': { severity: 'error', scope: 'response', title: 'An error code outside JP_000–JP_019' },
  'error.backend-message': { severity: 'error', scope: 'response', title: 'A known backend error in errorMessage' },
  'error.message': { severity: 'info', scope: 'response', title: 'The errorMessage as the SDK gave it' },
  'status.meaning': { severity: 'info', scope: 'response', title: 'What the status means and what the user does next' },
  'status.sibling': { severity: 'info', scope: 'response', title: 'A status seen in sibling SDKs (REGISTERED)' },
  'status.unknown': { severity: 'warning', scope: 'response', title: 'status is not a documented value' },
  'status.missing': { severity: 'warning', scope: 'response', title: 'payload.status is missing' },
  'accounts.linked-without-accounts': { severity: 'error', scope: 'response', title: 'LINKED but no accounts listed' },
  'accounts.unexpected': { severity: 'warning', scope: 'response', title: 'Accounts listed although status is not LINKED' },
  'account.mpin-not-set': { severity: 'warning', scope: 'response', title: 'An account has no MPIN set' },
  'account.length-not-numeric': { severity: 'warning', scope: 'response', title: 'An MPIN/OTP/ATM PIN length is not a number' },
  'account.length-unusual': { severity: 'warning', scope: 'response', title: 'An MPIN/OTP/ATM PIN length banks do not use' },
  'account.topup-pending': { severity: 'info', scope: 'response', title: 'A UPI Lite top-up is pending' },
  'vpa.duplicate': { severity: 'warning', scope: 'response', title: 'The same VPA appears twice' },
  'device.state-mismatch': { severity: 'warning', scope: 'response', title: 'isDeviceBound contradicts status' },
  'prefix.unusual': { severity: 'info', scope: 'response', title: 'prefix is not a 3-letter bank handle prefix' },
  'response.string-spelling': { severity: 'info', scope: 'response', title: 'Booleans or numbers were spelled as strings' },
  'response.unreadable': { severity: 'warning', scope: 'response', title: 'Values that could not be read as their type' },

  // A whole log session: what only shows across calls.
  'session.request-id-reused': { severity: 'error', scope: 'session', title: 'Two requests in the log carry the same requestId' },
  'session.timestamp-backwards': { severity: 'warning', scope: 'session', title: 'A request was signed earlier than the one logged before it' },
  'session.clock-skew': { severity: 'warning', scope: 'session', title: 'The device clock is off by more than a minute' },
  'session.kid-changed': { severity: 'warning', scope: 'session', title: 'The kid changes in the middle of the session' },
  'session.signed-long-before-logged': { severity: 'error', scope: 'session', title: 'A request was signed more than 15 minutes before it was logged' },
  'session.unanswered': { severity: 'info', scope: 'session', title: 'A request has no response in the log' },
  'session.orphan-response': { severity: 'info', scope: 'session', title: 'A response has no request in the log' },
  'session.unclosed': { severity: 'warning', scope: 'session', title: 'A request or response in the log never closes (cut off)' },
} as const satisfies Record<string, Entry>;

export type FindingId = keyof typeof FINDING_IDS;

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Builds a finding; the severity is the catalogue's. */
export function finding(id: FindingId, path: string, message: string, fix: string): Finding {
  return { id, severity: FINDING_IDS[id].severity, path, message, fix };
}

/** Sorts errors first, then warnings, then info, keeping the order within each severity. */
export function sortFindings(findings: Finding[]): Finding[] {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank[a.f.severity] - rank[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
}

/** The catalogue as a list, for a help screen or `upi-inspector findings`. */
export function listFindingIds(scope?: FindingScope): Array<{ id: FindingId } & Entry> {
  return (Object.entries(FINDING_IDS) as [FindingId, Entry][])
    .filter(([, e]) => scope === undefined || e.scope === scope || e.scope === 'both')
    .map(([id, e]) => ({ id, ...e }));
}
